//! The phone app's root: state, start-up (store, session, service worker, then content and
//! sync), and the routes.

use crate::phone::pages::PhoneRoutes;
use crate::phone::pwa;
use crate::state::{AppState, set_store, store};
use crate::store::Store;
use crate::sync;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Opens the store and reads what the app needs before the first page.
async fn boot(app: AppState) {
    match Store::open().await {
        Ok(s) => set_store(s),
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
    pwa::start(app);
    // The saved content bundle is read by code fetched after the first screen is up; sync
    // starts once it is read, so the first round asks only for what changed.
    sync::deferred::load_saved_content(app).await;
    sync::triggers::start(app);
}

#[component]
pub fn App() -> impl IntoView {
    let app = AppState::new();
    provide_context(app);
    spawn_local(boot(app));
    view! { <PhoneRoutes /> }
}

/// Mounts the app, replacing the HTML skeleton `index.html` painted while loading.
pub fn mount() {
    crate::mount::mount(App);
}
