//! A fixed set of questions picked from the competition pool (`GET /competitions/pool`:
//! texts, never keys): checkboxes grouped by value, each group saying how many of its
//! questions are chosen.

use super::draft_form::DraftForm;
use crate::console::i18n::lomba::{chosen_of, lomba_tr};
use crate::console::pages::dashboard::names::Names;
use crate::console::state::use_console;
use leptos::prelude::*;
use resapi_core::competition::wire::PoolQuestion;
use std::sync::Arc;

/// The pool's questions grouped by value, in the content's value order (values the
/// content does not know last, by id).
pub fn by_value<'a>(
    pool: &'a [PoolQuestion],
    names: &Names,
) -> Vec<(String, Vec<&'a PoolQuestion>)> {
    let mut order: Vec<String> = names
        .0
        .as_ref()
        .map(|c| c.values.iter().map(|v| v.id.clone()).collect())
        .unwrap_or_default();
    let mut others: Vec<String> = pool
        .iter()
        .map(|q| q.value.clone())
        .filter(|v| !order.contains(v))
        .collect();
    others.sort();
    others.dedup();
    order.extend(others);
    order
        .into_iter()
        .map(|v| {
            let questions = pool.iter().filter(|q| q.value == v).collect();
            (v, questions)
        })
        .filter(|(_, qs): &(String, Vec<&PoolQuestion>)| !qs.is_empty())
        .collect()
}

#[component]
pub fn PoolPicker(
    form: RwSignal<DraftForm>,
    pool: Arc<Vec<PoolQuestion>>,
    names: RwSignal<Names>,
    #[prop(into)] described_by: Signal<Option<String>>,
) -> impl IntoView {
    let lang = use_console().lang;
    move || {
        let lang = lang.get();
        let t = lomba_tr(lang);
        let names = names.get();
        if pool.is_empty() {
            return view! { <p data-testid="lomba-pool-empty">{t.pool_empty}</p> }.into_any();
        }
        let groups = by_value(&pool, &names)
            .into_iter()
            .map(|(value, questions)| {
                let ids: Vec<String> = questions.iter().map(|q| q.id.clone()).collect();
                let total = ids.len();
                let chosen = move || {
                    form.with(|f| f.fixed.iter().filter(|id| ids.contains(id)).count())
                };
                let items = questions
                    .into_iter()
                    .map(|q| {
                        let id = q.id.clone();
                        let box_id = format!("lomba-q-{}", q.id);
                        let checked = {
                            let id = id.clone();
                            move || form.with(|f| f.fixed.contains(&id))
                        };
                        view! {
                            <li class="live-pick" data-testid="lomba-pick">
                                <input type="checkbox" id=box_id.clone() value=q.id.clone() prop:checked=checked
                                    on:change=move |_| form.update(|f| f.toggle_question(&id)) />
                                <label for=box_id>
                                    <span class="live-pick-stem">{q.stem.get(lang).to_owned()}</span>
                                    <span class="live-pick-meta">{names.indicator(&q.indicator, lang)}</span>
                                </label>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <fieldset class="lomba-pool-group" data-testid="lomba-pool-group" data-value=value.clone()>
                        <legend>
                            {names.value(&value, lang)}" · "
                            <span>{move || chosen_of(lang, chosen(), total)}</span>
                        </legend>
                        <ul class="live-picks">{items}</ul>
                    </fieldset>
                }
            })
            .collect_view();
        view! {
            <div class="lomba-pool" id="lomba-questions" tabindex="-1" role="group" aria-label=t.source_fixed aria-describedby=move || described_by.get() data-testid="lomba-pool">
                {groups}
            </div>
        }
        .into_any()
    }
}
