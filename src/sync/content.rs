//! Content down. A phone with no content downloads the bundle's practice part first (home
//! and practice need only that), then the rest, and joins them; a phone with a whole bundle
//! asks for the whole bundle only when its version changed (docs/api.md, "Content").

use super::Outcome;
use crate::api::{self, ApiError};
use crate::state::{AppState, store};
use crate::store::Store;
use leptos::prelude::*;
use resapi_core::content::ContentBundle;
use resapi_core::content_parts::Part;
use std::sync::Arc;

/// The bundle saved on this phone, into the app state (called through
/// [`super::deferred::load_saved_content`]: deserialising it is code the first screen can
/// do without).
pub(crate) async fn read_saved(app: AppState) {
    if let Some(store) = store()
        && let Ok(Some((content, whole))) = store.content().await
    {
        app.content.set(Some(Arc::new(content)));
        app.content_whole.set(whole);
    }
}

/// Brings the content up to date; `Err` when the server cannot be reached.
pub(super) async fn pull(app: AppState, store: &Store) -> Result<(), Outcome> {
    match app.content.get_untracked() {
        None => {
            let Some(practice) = download(app, None, Some(Part::Practice)).await? else {
                return Ok(());
            };
            let practice = keep(app, store, practice, false).await;
            pull_more(app, store, practice).await
        }
        Some(practice) if !app.content_whole.get_untracked() => {
            pull_more(app, store, practice).await
        }
        Some(have) => {
            if let Some(bundle) = download(app, Some(&have.version), None).await? {
                keep(app, store, bundle, true).await;
            }
            Ok(())
        }
    }
}

/// The rest of the bundle, joined to the practice part the phone holds.
async fn pull_more(
    app: AppState,
    store: &Store,
    practice: Arc<ContentBundle>,
) -> Result<(), Outcome> {
    let Some(more) = download(app, None, Some(Part::More)).await? else {
        return Ok(());
    };
    match Arc::unwrap_or_clone(practice).with_more(more) {
        Some(whole) => {
            keep(app, store, whole, true).await;
        }
        // The content changed between the two downloads: the whole new bundle instead.
        None => {
            if let Some(bundle) = download(app, None, None).await? {
                keep(app, store, bundle, true).await;
            }
        }
    }
    Ok(())
}

/// `Ok(None)`: unchanged, or the server refused (the refusal is shown as the sync problem).
async fn download(
    app: AppState,
    version: Option<&str>,
    part: Option<Part>,
) -> Result<Option<ContentBundle>, Outcome> {
    match api::content_of(version, part).await {
        Ok(bundle) => Ok(bundle),
        Err(ApiError::Network) => Err(Outcome::Unreachable),
        Err(e) => {
            app.sync.problem.set(Some(e.to_string()));
            Ok(None)
        }
    }
}

/// Saves the bundle (whole or the practice part) and puts it in the app state.
async fn keep(
    app: AppState,
    store: &Store,
    bundle: ContentBundle,
    whole: bool,
) -> Arc<ContentBundle> {
    if let Err(e) = store.save_content(&bundle, whole).await {
        app.sync.problem.set(Some(e.to_string()));
    }
    let bundle = Arc::new(bundle);
    app.content.set(Some(bundle.clone()));
    app.content_whole.set(whole);
    bundle
}
