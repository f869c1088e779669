//! The chosen-questions source: a searchable list of the bank's questions (stem, value, a
//! "siap proyektor" badge; projector-ready only unless the trainer turns the filter off),
//! ticked by checkbox, and the order they will be asked in.

use super::settings_form::SettingsForm;
use crate::console::i18n::live_setup::{self as i18n, live_tr};
use crate::console::state::use_console;
use leptos::prelude::*;
use resapi_core::Lang;
use resapi_core::content::{ContentBundle, Question};
use std::sync::Arc;

/// Questions listed at most at once (a search narrows the rest).
const SHOWN: usize = 200;

/// Whether `q` matches the search (stem in either language, value or id), ignoring case.
pub fn matches(q: &Question, search: &str) -> bool {
    let search = search.trim().to_lowercase();
    search.is_empty()
        || [q.stem.id.as_str(), q.stem.en.as_str(), &q.value, &q.id]
            .iter()
            .any(|text| text.to_lowercase().contains(&search))
}

#[component]
pub fn QuestionPicker(
    form: RwSignal<SettingsForm>,
    content: Arc<ContentBundle>,
    #[prop(into)] described_by: Signal<Option<&'static str>>,
) -> impl IntoView {
    let lang = use_console().lang;
    let t = move || live_tr(lang.get());
    let search = RwSignal::new(String::new());
    let only_projector = RwSignal::new(true);
    let value_name = {
        let content = content.clone();
        move |id: &str, lang: Lang| {
            content
                .value(id)
                .map_or_else(|| id.to_owned(), |v| v.name.get(lang).to_owned())
        }
    };
    let list = {
        let (content, value_name) = (content.clone(), value_name.clone());
        move || {
            let lang = lang.get();
            let search = search.get();
            let only = only_projector.get();
            let matching: Vec<&Question> = content
                .questions
                .iter()
                .filter(|q| (!only || q.projector) && matches(q, &search))
                .collect();
            let more = (matching.len() > SHOWN).then(|| {
                view! { <p class="field-hint" data-testid="live-picker-more">{i18n::shown_of(lang, SHOWN, matching.len())}</p> }
            });
            let shown = &matching[..matching.len().min(SHOWN)];
            if shown.is_empty() {
                return view! { <p data-testid="live-picker-none">{live_tr(lang).no_match}</p> }
                    .into_any();
            }
            let items = shown
                .iter()
                .map(|q| {
                    let id = q.id.clone();
                    let box_id = format!("live-q-{}", q.id);
                    let checked = {
                        let id = id.clone();
                        move || form.with(|f| f.question_ids.contains(&id))
                    };
                    view! {
                        <li class="live-pick" data-testid="live-pick">
                            <input type="checkbox" id=box_id.clone() prop:checked=checked
                                on:change=move |_| form.update(|f| f.toggle_question(&id)) />
                            <label for=box_id>
                                <span class="live-pick-stem">{q.stem.get(lang).to_owned()}</span>
                                <span class="live-pick-meta">{value_name(&q.value, lang)}</span>
                                {q.projector.then(|| view! { <span class="badge" data-testid="live-projector-badge">{live_tr(lang).projector_ready}</span> })}
                            </label>
                        </li>
                    }
                })
                .collect_view();
            view! {
                {more}
                <ul class="live-picks" aria-describedby=move || described_by.get()>{items}</ul>
            }
            .into_any()
        }
    };
    let chosen = move || {
        let lang = lang.get();
        let ids = form.with(|f| f.question_ids.clone());
        if ids.is_empty() {
            return view! { <p data-testid="live-chosen-none">{live_tr(lang).chosen_none}</p> }
                .into_any();
        }
        let items = ids
            .into_iter()
            .map(|id| {
                let stem = content
                    .question(&id)
                    .map_or_else(|| id.clone(), |q| q.stem.get(lang).to_owned());
                view! {
                    <li data-testid="live-chosen">
                        {stem}" "
                        <button type="button" class="btn btn-ghost btn-small"
                            on:click=move |_| form.update(|f| f.toggle_question(&id))>
                            {live_tr(lang).remove}
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! { <ol class="live-chosen">{items}</ol> }.into_any()
    };
    view! {
        <div class="live-picker" data-testid="live-picker">
            <div class="field">
                <label for="live-search">{move || t().search_label}</label>
                <input id="live-search" type="search" prop:value=move || search.get()
                    on:input=move |ev| search.set(event_target_value(&ev)) />
            </div>
            <div class="check-row">
                <input type="checkbox" id="live-only-projector" prop:checked=move || only_projector.get()
                    on:change=move |ev| only_projector.set(event_target_checked(&ev)) />
                <label for="live-only-projector" class="inline-label">{move || t().only_projector}</label>
            </div>
            {list}
            <h2 class="live-chosen-head">{move || t().chosen_head}</h2>
            <p class="field-hint">{move || i18n::chosen_count(lang.get(), form.with(|f| f.question_ids.len()))}</p>
            {chosen}
        </div>
    }
}
