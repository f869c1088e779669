//! "Memuat…" while a lazy screen's wasm chunk is on its way (src/phone/pages/mod.rs counts
//! them in `pending`).

use crate::state::use_app;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

/// A chunk from the service worker's cache arrives in a few milliseconds: the line waits this
/// long before it shows, so it never flashes.
const PATIENCE: Duration = Duration::from_millis(200);

/// Always in the page, so a screen reader hears the line when it fills (a live region must
/// exist before); fixed above the bottom bar (style/main.css), so it moves nothing.
#[component]
pub fn RouteLoading(pending: RwSignal<u32>) -> impl IntoView {
    let app = use_app();
    let shown = RwSignal::new(false);
    Effect::new(move |_| {
        if pending.get() == 0 {
            shown.set(false);
            return;
        }
        spawn_local(async move {
            gloo_timers::future::sleep(PATIENCE).await;
            shown.set(pending.get_untracked() > 0);
        });
    });
    view! {
        <p class="route-loading" role="status" data-testid="route-loading">
            {move || shown.get().then(|| app.tr().loading)}
        </p>
    }
}
