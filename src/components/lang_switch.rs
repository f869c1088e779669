//! The header's language button: shows the other language and switches to it (the choice
//! is kept for both entries, see `i18n::save_lang`).

use crate::i18n;
use leptos::prelude::*;
use resapi_core::Lang;

#[component]
pub fn LangSwitch(lang: RwSignal<Lang>) -> impl IntoView {
    let other = move || match lang.get() {
        Lang::Id => Lang::En,
        Lang::En => Lang::Id,
    };
    view! {
        <button
            type="button"
            class="btn btn-ghost"
            data-testid="lang-switch"
            lang=move || other().code()
            aria-label=move || i18n::tr(lang.get()).switch_lang_label
            on:click=move |_| {
                i18n::save_lang(other());
                lang.set(other());
            }
        >
            {move || i18n::tr(lang.get()).switch_lang}
        </button>
    }
}
