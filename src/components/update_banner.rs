//! "Versi baru tersedia": offered when a new version is waiting, never during a practice session.

use crate::phone::pwa;
use crate::state::use_app;
use leptos::prelude::*;

#[component]
pub fn UpdateBanner() -> impl IntoView {
    let app = use_app();
    let show = move || app.sync.update_ready.get() && !app.in_practice_session.get();
    view! {
        <Show when=show>
            <div class="banner banner-update" role="status">
                <span>{move || app.tr().update_available}</span>
                <button type="button" class="btn btn-small" on:click=move |_| pwa::apply_update()>
                    {move || app.tr().update_reload}
                </button>
            </div>
        </Show>
    }
}
