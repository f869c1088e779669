//! The lazy screens' route view (the phone's build, `split` feature): a screen's chunk is
//! fetched through a `fallible` split point, so a chunk that cannot be fetched (the link
//! dropped on a first visit before the service worker had it) shows a page saying what to
//! do instead of ending the app. One concrete type for every lazy screen, so the router's
//! code is not stamped out once per screen.

use crate::state::use_app;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use leptos_router::ChooseView;
use leptos_router::components::A;
use std::future::Future;
use std::pin::Pin;

type InChunk<T> = Pin<Box<dyn Future<Output = Result<T, SplitLoaderError>>>>;

/// A lazy screen that counts itself in `pending` while its chunk is fetched (on its first
/// opening; afterwards the chunk is in memory and the count never shows).
#[derive(Clone, Copy)]
pub struct Screen {
    pub view: fn() -> InChunk<AnyView>,
    pub preload: fn() -> InChunk<()>,
    pub pending: RwSignal<u32>,
}

impl ChooseView for Screen {
    async fn choose(self) -> AnyView {
        match (self.view)().await {
            Ok(view) => view,
            Err(_) => view! { <ChunkMissing /> }.into_any(),
        }
    }

    async fn preload(&self) {
        /// Counts down however the fetch ends: a navigation elsewhere drops it half-way.
        struct Fetching(RwSignal<u32>);
        impl Drop for Fetching {
            fn drop(&mut self) {
                self.0.try_update(|n| *n = n.saturating_sub(1));
            }
        }
        self.pending.update(|n| *n += 1);
        let _fetching = Fetching(self.pending);
        // A failure shows in `choose`, which tries the fetch again.
        let _ = (self.preload)().await;
    }
}

/// The page of a screen whose code is not on the phone and could not be fetched. Reloading
/// (the service worker serves the app offline) tries the fetch again; home works without it
/// (a guest has no bottom bar to get there).
#[component]
fn ChunkMissing() -> impl IntoView {
    let app = use_app();
    let reload = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    };
    view! {
        <div class="page">
            <h1>{move || app.tr().screen_not_downloaded_title}</h1>
            <p role="alert">{move || app.tr().part_not_downloaded}</p>
            <div class="actions">
                <button type="button" class="btn btn-primary" on:click=reload>{move || app.tr().retry}</button>
                <A href="/" attr:class="btn btn-secondary">{move || app.tr().nav_home}</A>
            </div>
        </div>
    }
}
