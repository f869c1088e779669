//! `/konsol/lomba`: "Buat lomba" and the competitions of one's scope, newest first: name,
//! window in its zone, phase, number of questions.

use super::when::competition_window;
use super::{PhaseBadge, detail_href, new_href};
use crate::console::i18n::lomba::{lomba_tr, question_count};
use crate::console::lomba_api;
use crate::console::pages::data_table::DataTable;
use crate::console::pages::latest_answer::LatestAnswer;
use crate::console::problem::{Loading, Problem};
use crate::console::state::use_console;
use leptos::prelude::*;
use resapi_core::Lang;
use resapi_core::competition::wire::Competition;

#[component]
pub fn LombaListPage() -> impl IntoView {
    let console = use_console();
    let lang = console.lang;
    let t = move || lomba_tr(lang.get());
    let token = console.token().unwrap_or_default();
    let list = LatestAnswer::follow(move || {
        let token = token.clone();
        async move { lomba_api::competitions(&token).await }
    });
    view! {
        <div class="page console-page lomba" data-testid="lomba-list">
            <h1>{move || t().title}</h1>
            <p>{move || t().intro}</p>
            <p><a href=new_href() class="btn btn-primary" data-testid="lomba-create">{move || t().create}</a></p>
            <Loading when=list.loading label=Signal::derive(move || t().list_loading) />
            <Problem error=list.error retry=list.retry() />
            {move || list.answer.get().map(|all| {
                if all.is_empty() {
                    view! { <p data-testid="lomba-empty">{t().list_empty}</p> }.into_any()
                } else {
                    table(&all, lang.get())
                }
            })}
        </div>
    }
}

/// The table, drawn again when the language changes.
fn table(list: &[Competition], lang: Lang) -> AnyView {
    let t = lomba_tr(lang);
    let rows = list
        .iter()
        .map(|c| {
            view! {
                <tr data-testid="lomba-row" data-id=c.id.to_string()>
                    <th scope="row"><a href=detail_href(c.id) data-testid="lomba-open">{c.name.clone()}</a></th>
                    <td>{competition_window(c, lang)}</td>
                    <td><PhaseBadge phase=c.phase /></td>
                    <td class="num">{question_count(lang, c.question_count)}</td>
                </tr>
            }
        })
        .collect_view();
    DataTable::new("lomba-table", vec![t.name, t.window, t.phase, t.questions])
        .caption(t.list_caption)
        .view(rows, None)
}
