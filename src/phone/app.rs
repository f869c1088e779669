//! The phone app's root: state, start-up (store, session, content, sync, service worker),
//! and the routes.

use crate::phone::pages::PhoneRoutes;
use crate::phone::pwa;
use crate::state::{AppState, set_store, store};
use crate::store::Store;
use crate::sync;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// Opens the store and reads what the app needs before the first page.
async fn boot(app: AppState) {
    match Store::open().await {
        Ok(s) => set_store(s),
        Err(_) => app.store_failed.set(true),
    }
    if let Some(store) = store() {
        if let Ok(session) = store.session().await {
            app.session.set(session);
        }
        if let Ok(Some(content)) = store.content().await {
            app.content.set(Some(Arc::new(content)));
        }
    }
    app.booted.set(true);
    sync::refresh_counts(app).await;
    sync::triggers::start(app);
    pwa::start(app);
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
