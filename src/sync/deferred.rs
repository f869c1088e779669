//! The sync round and the reading of the saved content bundle, behind a split point: their
//! code (the round, the restore, the API's sync types and the content types' deserialisers)
//! is in the `start` chunk, fetched right after the first screen is up, so the first screen
//! does not wait for it (docs/lazy-routes.md). The app calls only these two functions.
//!
//! A chunk that cannot be fetched (the link dropped before the service worker cached it)
//! counts as no connection: the round ends as unreachable, and the next round fetches again.

use super::Outcome;
use crate::state::AppState;
use leptos::prelude::Set;

/// Reads the content bundle saved on this phone into the app state (once, at start), then
/// marks it read, whether or not there was one, so pages can tell "not downloaded yet".
pub async fn load_saved_content(app: AppState) {
    let _ = in_chunk::load_saved_content(app).await;
    app.content_read.set(true);
}

/// One sync round ([`super::sync_now`]).
pub async fn sync_round(app: AppState) -> Outcome {
    match in_chunk::sync_round(app).await {
        Ok(outcome) => outcome,
        Err(_) => {
            app.sync.online.set(false);
            Outcome::Unreachable
        }
    }
}

/// What runs in the chunk. Both functions name the module `start`, which they share with
/// sign-in, registration and home's signed-in part (src/phone/pages/mod.rs). `fallible`: a
/// failed fetch is an `Err`, not a panic (which would end the app).
#[cfg(feature = "split")]
mod in_chunk {
    use super::Outcome;
    use crate::state::AppState;
    use leptos::wasm_split::{SplitLoaderError, wasm_split};
    use std::future::Future;
    use std::pin::Pin;

    type InChunk<T> = Pin<Box<dyn Future<Output = Result<T, SplitLoaderError>>>>;

    #[wasm_split(
        start,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        return_wrapper(let future = _; { future.await } -> Result<(), SplitLoaderError>)
    )]
    pub fn load_saved_content(app: AppState) -> InChunk<()> {
        Box::pin(async move {
            crate::sync::read_saved_content(app).await;
            Ok(())
        })
    }

    #[wasm_split(
        start,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        return_wrapper(let future = _; { future.await } -> Result<Outcome, SplitLoaderError>)
    )]
    pub fn sync_round(app: AppState) -> InChunk<Outcome> {
        Box::pin(async move { Ok(crate::sync::sync_now(app).await) })
    }
}

/// Without the `split` feature (tests, other builds): the same calls, in the main module.
#[cfg(not(feature = "split"))]
mod in_chunk {
    use super::Outcome;
    use crate::state::AppState;
    use std::convert::Infallible;

    pub async fn load_saved_content(app: AppState) -> Result<(), Infallible> {
        crate::sync::read_saved_content(app).await;
        Ok(())
    }

    pub async fn sync_round(app: AppState) -> Result<Outcome, Infallible> {
        Ok(crate::sync::sync_now(app).await)
    }
}
