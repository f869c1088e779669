//! Home's seven values, from the content bundle (empty until the saved bundle is read, then
//! filled below everything that can be tapped).

use crate::state::use_app;
use leptos::prelude::*;

#[component]
pub fn ValuesSection() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let values = move || {
        app.content
            .get()
            .map(|c| c.values.clone())
            .unwrap_or_default()
    };
    view! {
        <section aria-labelledby="values-heading">
            <h2 id="values-heading">{move || app.tr().values_heading}</h2>
            <p class="hint" data-testid="values-basis">{move || app.tr().values_basis}</p>
            <Show when=move || app.content_missing()>
                <p class="hint">{move || app.tr().no_content}</p>
            </Show>
            <ul class="value-list">
                <For each=values key=|v| v.id.clone() let(v)>
                    <li class="value-card">
                        <h3>{
                            let name = v.name.clone();
                            move || name.get(lang.get()).to_owned()
                        }</h3>
                        <p>{move || v.summary.get(lang.get()).to_owned()}</p>
                    </li>
                </For>
            </ul>
        </section>
    }
}
