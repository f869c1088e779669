//! "Analisis butir" (admins only): every practice question over the whole agency in a
//! period (`GET /admin/item-analysis`): difficulty, discrimination, first attempts, flags in
//! words, and how often each wrong option drew people. Sortable by any column, with a filter
//! for the questions flagged for review.

mod rows;

use super::dashboard::cells::number;
use super::dashboard::names::Names;
use super::dashboard::period::{self, PeriodPicker};
use super::latest_answer::LatestAnswer;
use super::sortable::sort_header;
use crate::console::api as console_api;
use crate::console::i18n::quality::{
    chosen_by, flag, quality_tr, questions_caption, questions_shown,
};
use crate::console::problem::{Loading, Problem};
use crate::console::state::use_console;
use leptos::prelude::*;
use resapi_core::Lang;
use resapi_core::aggregate::item_analysis::ItemStats;
use resapi_core::aggregate::period::PeriodKind;
use resapi_core::aggregate::sample::NotEnough;
use resapi_core::unit_dashboard::{ItemCell, ItemRow};
use rows::{SortKey, discrimination, listed};

#[component]
pub fn ItemAnalysisPage() -> impl IntoView {
    let console = use_console();
    let lang = console.lang;
    let t = move || quality_tr(lang.get());
    let token = console.token().unwrap_or_default();
    let today = crate::local_time::local_today();
    let kind = RwSignal::new(PeriodKind::Quarter);
    // Like every console screen, it opens on the latest ended quarter: a whole period's answers.
    let period = RwSignal::new(period::latest_ended(PeriodKind::Quarter, today));
    let names = Names::load();
    let analysis = LatestAnswer::follow(move || {
        let (period, token) = (period.get(), token.clone());
        async move { console_api::item_analysis(&period, &token).await }
    });
    let only_flagged = RwSignal::new(false);
    let sort = RwSignal::new((SortKey::Flags, false));

    let header = move |key: SortKey, label: &'static str| {
        sort_header(sort, key, label, t().sort_by, SortKey::ascending_first)
    };
    let table = move || {
        let a = analysis.answer.get()?;
        let lang = lang.get();
        let names = names.get();
        let t = quality_tr(lang);
        let stem = |r: &ItemRow| {
            names
                .question(&r.question)
                .map_or_else(|| r.question.clone(), |q| q.stem.get(lang).to_owned())
        };
        let order = listed(&a.items, only_flagged.get(), sort.get(), stem);
        let empty = order
            .is_empty()
            .then(|| view! { <p data-testid="none-flagged">{t.none_flagged}</p> });
        let body = order
            .into_iter()
            .map(|i| question_row(&a.items[i], &names, lang))
            .collect_view();
        Some(view! {
            {empty}
            <div class="dash-table-wrap">
                <table class="dash-table item-table" data-testid="item-analysis-table">
                    <caption>{questions_caption(lang, &period::label(&a.period, lang))}</caption>
                    <thead><tr>
                        {header(SortKey::Question, t.question)}
                        {header(SortKey::Value, t.value_indicator)}
                        {header(SortKey::FirstAttempts, t.first_attempts)}
                        {header(SortKey::Difficulty, t.difficulty)}
                        {header(SortKey::Discrimination, t.discrimination)}
                        {header(SortKey::Flags, t.flags)}
                        <th scope="col">{t.wrong_options}</th>
                    </tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        })
    };

    // Outside the table, so the live region stays and announces each new count.
    let count = move || {
        analysis.answer.with(|a| {
            a.as_ref().map(|a| {
                let shown = if only_flagged.get() {
                    a.items.iter().filter(|r| rows::flagged(r)).count()
                } else {
                    a.items.len()
                };
                questions_shown(lang.get(), shown, a.items.len())
            })
        })
    };

    view! {
        <div class="page console-page dash" data-testid="item-analysis" aria-busy=move || analysis.loading.get().to_string()>
            <h1>{move || t().items_title}</h1>
            <p>{move || t().items_intro}</p>
            <form class="dash-controls" on:submit=|ev| ev.prevent_default()>
                <PeriodPicker kind=kind period=period lang=lang today=today />
                <label class="check-field">
                    <input type="checkbox" data-testid="only-flagged"
                        prop:checked=move || only_flagged.get()
                        on:change=move |ev| only_flagged.set(event_target_checked(&ev)) />
                    {move || t().only_flagged}
                </label>
            </form>
            <Loading when=analysis.loading label=Signal::derive(move || t().items_loading) />
            <Problem error=analysis.error retry=analysis.retry() />
            <p role="status" data-testid="questions-shown">{count}</p>
            {table}
        </div>
    }
}

fn question_row(row: &ItemRow, names: &Names, lang: Lang) -> impl IntoView + use<> {
    let question = names.question(&row.question);
    let stem = question.map_or_else(|| row.question.clone(), |q| q.stem.get(lang).to_owned());
    let option_text = |id: &str| {
        question
            .and_then(|q| q.option(id))
            .map(|o| o.text.get(lang).to_owned())
            .unwrap_or_default()
    };
    let figures = match &row.analysis {
        ItemCell::Given { stats } => given(stats, &option_text, lang).into_any(),
        ItemCell::NotGiven { reason, message } => {
            // Between k and the floor for statistics the count is safe to show.
            let n = match reason {
                NotEnough::TooFewPeople { n, .. } => n.to_string(),
                _ => "–".into(),
            };
            view! {
                <td class="num">{n}</td>
                <td colspan="4">
                    <span class="dash-hidden" data-testid="item-reason" data-reason=reason.code()>
                        {message.get(lang).to_owned()}
                    </span>
                </td>
            }
            .into_any()
        }
    };
    let flagged = rows::flagged(row);
    view! {
        <tr data-question=row.question.clone() data-flagged=flagged.to_string() class:item-flagged=flagged>
            <th scope="row" class="item-text">{stem}<span class="item-id">" ("{row.question.clone()}")"</span></th>
            <td>{names.value(&row.value, lang)}<br /><span class="item-id">{names.indicator(&row.indicator, lang)}</span></td>
            {figures}
        </tr>
    }
}

fn given(s: &ItemStats, option_text: &dyn Fn(&str) -> String, lang: Lang) -> impl IntoView + use<> {
    let t = quality_tr(lang);
    let d = match discrimination(s) {
        Some((d, false)) => number(d, 2, lang),
        Some((d, true)) => format!("{} ({})", number(d, 2, lang), t.upper_lower),
        None => "–".into(),
    };
    let flags = if s.flags.is_empty() {
        view! { <span>{t.no_flag}</span> }.into_any()
    } else {
        let list = s
            .flags
            .iter()
            .map(|f| view! { <li><strong>{flag(lang, *f)}</strong></li> })
            .collect_view();
        view! { <ul class="item-flags" data-testid="flags">{list}</ul> }.into_any()
    };
    let wrong: Vec<_> = s.options.iter().filter(|o| !o.correct).collect();
    let wrong_view = if wrong.iter().all(|o| o.chosen == 0) {
        view! { <span>{t.no_wrong_choice}</span> }.into_any()
    } else {
        let list = wrong
            .into_iter()
            .map(|o| {
                let share = format!("{} %", number(o.share * 100.0, 1, lang));
                view! {
                    <li data-option=o.option.clone()>
                        <strong>{o.option.to_uppercase()}</strong>" · "{chosen_by(lang, &share, o.chosen)}
                        <span class="item-id">" — "{option_text(&o.option)}</span>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="wrong-options" data-testid="wrong-options">{list}</ul> }.into_any()
    };
    view! {
        <td class="num" data-testid="first-attempts">{s.n}</td>
        <td class="num" data-testid="difficulty">{number(s.difficulty, 2, lang)}</td>
        <td class="num" data-testid="discrimination">{d}</td>
        <td>{flags}</td>
        <td>{wrong_view}</td>
    }
}
