//! The phone app: start-up (store, session, service worker, then content and sync) and the
//! routes. Its code is fetched by the entry (`phone::entry`), which holds the state.

use crate::phone::pages::PhoneRoutes;
use crate::phone::pwa;
use crate::state::{AppState, set_store, store, use_app};
use crate::store::Store;
use crate::sync;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Opens the store and reads what the app needs before the first page.
async fn boot(app: AppState) {
    match Store::open().await {
        Ok(s) => {
            set_store(s);
            app.mark_store_opened();
        }
        Err(_) => app.store_failed.set(true),
    }
    if let Some(store) = store() {
        // A new phone: the bundle's download starts now, not after the sync chunk.
        if let Ok(false) = store.has_content().await {
            sync::prefetch::start();
        }
        if let Ok(session) = store.session().await {
            app.session.set(session);
        }
    }
    app.booted.set(true);
    sync::refresh_counts(app).await;
    // The saved content bundle is read by code fetched after the first screen is up: the
    // `start` chunk, which also holds sign-in, registration and home's signed-in part, so a
    // guest's next tap finds them here (src/phone/pages/mod.rs). Sync starts once the bundle
    // is read, so the first round asks only for what changed.
    sync::deferred::load_saved_content(app).await;
    sync::triggers::start(app);
    // Last: on a first visit the service worker's precache of every other file would share
    // the slow line with the downloads above; now it finds those in the HTTP cache.
    pwa::start(app);
}

/// The app (in the `start` chunk, `phone::entry`): start-up and the routes, under the state
/// the entry provides.
#[component]
pub fn App() -> impl IntoView {
    spawn_local(boot(use_app()));
    view! { <PhoneRoutes /> }
}
