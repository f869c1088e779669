//! Settings: language and whether home shows the streak.

use crate::state::use_app;
use leptos::prelude::*;
use resapi_core::Lang;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="page narrow">
            <h1>{move || app.tr().settings_title}</h1>
            <fieldset class="field">
                <legend>{move || app.tr().language}</legend>
                <label class="check">
                    <input type="radio" name="lang" prop:checked=move || app.lang.get() == Lang::Id
                        on:change=move |_| app.set_lang(Lang::Id) />
                    <span lang="id">"Bahasa Indonesia"</span>
                </label>
                <label class="check">
                    <input type="radio" name="lang" prop:checked=move || app.lang.get() == Lang::En
                        on:change=move |_| app.set_lang(Lang::En) />
                    <span lang="en">"English"</span>
                </label>
            </fieldset>
            <label class="check">
                <input type="checkbox" data-testid="show-streak" prop:checked=move || app.show_streak.get()
                    on:change=move |ev| app.set_show_streak(event_target_checked(&ev)) />
                <span>{move || app.tr().show_streak}</span>
            </label>
            <p class="hint">{move || app.tr().show_streak_hint}</p>
        </div>
    }
}
