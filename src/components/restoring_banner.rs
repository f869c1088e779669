//! "Memulihkan riwayat…": a new phone is bringing the account's history back, so pages that
//! look empty for a moment say why.

use crate::phone::i18n;
use crate::state::use_app;
use leptos::prelude::*;

#[component]
pub fn RestoringBanner() -> impl IntoView {
    let app = use_app();
    let restoring = app.sync.restoring;
    view! {
        <Show when=move || restoring.with(Option::is_some)>
            <p class="banner banner-info" role="status" data-testid="restoring">
                {move || i18n::restoring(app.lang.get(), restoring.get().unwrap_or(0))}
            </p>
        </Show>
    }
}
