//! The list of learning modules: the seven values, then the three on commitment.

use crate::phone::i18n;
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;
use resapi_core::module::ModuleKind;

#[component]
pub fn ModulesPage() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let list = move |kind: ModuleKind| {
        let l = lang.get();
        let content = app.content.get();
        let mut modules: Vec<_> = content
            .as_ref()
            .map(|c| {
                c.modules
                    .iter()
                    .filter(|m| m.kind == kind)
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        // Values in the order of the acronym.
        modules.sort_by_key(|m| {
            m.value
                .as_deref()
                .and_then(|v| resapi_core::catalog::VALUE_IDS.iter().position(|x| *x == v))
                .unwrap_or(usize::MAX)
        });
        modules
            .into_iter()
            .map(|m| {
                view! {
                    <li>
                        <A href=format!("/modul/{}", m.id) attr:class="choice">
                            <span class="choice-name">{m.title.get(l).to_owned()}</span>
                            <span class="choice-hint">{i18n::minutes(l, m.minutes)}</span>
                        </A>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="page">
            <h1>{move || app.tr().modules_title}</h1>
            <p class="lead">{move || app.tr().modules_intro}</p>
            <Show when=move || app.content_missing()>
                <p class="hint">{move || app.tr().no_content}</p>
            </Show>
            <h2>{move || app.tr().value_modules}</h2>
            <ul class="choice-list">{move || list(ModuleKind::Value)}</ul>
            <h2>{move || app.tr().commitment_modules}</h2>
            <ul class="choice-list">{move || list(ModuleKind::Commitment)}</ul>
        </div>
    }
}
