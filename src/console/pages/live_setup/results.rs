//! `/konsol/kuis/{id}/hasil`: a game's results from its report (`GET /live/games/{id}`):
//! players and units, participation per unit, accuracy per question (the hardest marked in
//! words), the ranking, the unit board in team mode, and "Unduh CSV". A running game's
//! results say so and link to its presenter.

use super::bank::Bank;
use super::wib::wib;
use super::{presenter_href, source_label};
use crate::console::access::Screen;
use crate::console::api as console_api;
use crate::console::i18n::live_setup::{self as i18n, live_tr};
use crate::console::live_api::{self, GameDetail, GameReport};
use crate::console::pages::latest_answer::LatestAnswer;
use crate::console::problem::{Loading, Problem};
use crate::console::state::use_console;
use crate::download::offer_bytes;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use resapi_core::Lang;
use resapi_core::content::ContentBundle;
use resapi_core::live::team::UnitRow;
use std::sync::Arc;

#[component]
pub fn LiveResultsPage() -> impl IntoView {
    let console = use_console();
    let lang = console.lang;
    let t = move || live_tr(lang.get());
    let id = use_params_map()
        .with_untracked(|p| p.get("id"))
        .unwrap_or_default();
    let bank = Bank::load();
    let detail = {
        let (id, token) = (id.clone(), console.token().unwrap_or_default());
        LatestAnswer::follow(move || {
            let (id, token) = (id.clone(), token.clone());
            async move { live_api::game(&token, &id).await }
        })
    };
    let body = move || {
        detail.answer.get().map(|d: Arc<GameDetail>| {
            let lang = lang.get();
            let t = live_tr(lang);
            let content = bank.content.get();
            let item = &d.item;
            let heading = i18n::results_of(lang, &item.code, &wib(&item.created_at, lang));
            let source = source_label(&item.config.source, content.as_deref(), lang);
            let running = item.in_play().then(|| {
                view! {
                    <p class="console-notice" data-testid="live-still-running">
                        {t.still_running}" "
                        <a href=presenter_href(&item.id) data-testid="live-open-presenter">{t.open_presenter}</a>
                    </p>
                }
            });
            // A running game reports from its lobby on; results start with the first close.
            let closed = d.report.as_ref().filter(|r| !r.summary.questions.is_empty());
            let report = match closed {
                Some(report) => view! {
                    <Report report=report.clone() content=content.clone() team=item.config.team_mode lang=lang />
                }
                .into_any(),
                None => view! { <p data-testid="live-no-report">{t.no_report}</p> }.into_any(),
            };
            view! {
                <h2 data-testid="live-results-game">{heading}</h2>
                <p>{source}</p>
                {running}
                <CsvButton id=item.id.clone() />
                {report}
            }
        })
    };
    view! {
        <div class="page console-page live-setup" data-testid="live-results" aria-busy=move || detail.loading.get().to_string()>
            <h1>{move || t().results_title}</h1>
            <p><a href=Screen::Live.path() data-testid="live-back">{move || t().back_to_list}</a></p>
            <Loading when=detail.loading label=Signal::derive(move || t().results_loading) />
            <Problem error=detail.error retry=detail.retry() />
            {body}
        </div>
    }
}

#[component]
fn Report(
    report: GameReport,
    content: Option<Arc<ContentBundle>>,
    team: bool,
    lang: Lang,
) -> impl IntoView {
    let t = live_tr(lang);
    let summary = &report.summary;
    let participation = summary
        .units
        .iter()
        .map(|u| {
            view! {
                <tr>
                    <th scope="row">{u.unit_name.clone()}</th>
                    <td class="num">{u.joined}</td>
                    <td class="num">{format!("{} ({} %)", u.answered, u.percent)}</td>
                </tr>
            }
        })
        .collect_view();
    let questions = summary
        .questions
        .iter()
        .map(|q| {
            let stem = content
                .as_deref()
                .and_then(|c| c.question(&q.question_id))
                .map_or_else(|| q.question_id.clone(), |c| c.stem.get(lang).to_owned());
            // With one question "the hardest" says nothing.
            let hardest = summary.questions.len() > 1 && report.hardest == Some(q.index);
            view! {
                <li class="live-accuracy" class:live-hardest=hardest data-testid="live-question-accuracy">
                    <p class="live-accuracy-stem">
                        <strong>{i18n::question_number(lang, q.index)}": "</strong>{stem}
                        {hardest.then(|| view! { " " <span class="badge badge-warn" data-testid="live-hardest">{t.hardest}</span> })}
                    </p>
                    // A second cue only: the share is in words below (a meter, since the
                    // CSP allows no inline style).
                    <meter class="live-bar" aria-hidden="true" min="0" max="100" value=q.percent></meter>
                    <p class="live-accuracy-figure">{i18n::accuracy(lang, q.correct, q.answered, q.percent)}</p>
                </li>
            }
        })
        .collect_view();
    let ranking = report
        .leaderboard
        .iter()
        .map(|r| {
            view! {
                <tr data-testid="live-rank-row">
                    <td class="num">{r.rank}</td>
                    <th scope="row">{r.name.clone()}</th>
                    <td>{r.unit_name.clone()}</td>
                    <td class="num">{r.points}</td>
                    <td class="num">{r.correct}</td>
                </tr>
            }
        })
        .collect_view();
    let units = team.then(|| unit_board(&report.units.ranked, &report.units.too_few, lang));
    view! {
        <p data-testid="live-players">{i18n::players_and_units(lang, summary.players, summary.units.len())}</p>
        <section class="dash-section" aria-labelledby="live-participation">
            <h2 id="live-participation">{t.participation_head}</h2>
            <div class="dash-table-wrap">
                <table class="dash-table" data-testid="live-participation">
                    <thead><tr>
                        <th scope="col">{t.unit}</th>
                        <th scope="col">{t.joined}</th>
                        <th scope="col">{t.answered_once}</th>
                    </tr></thead>
                    <tbody>{participation}</tbody>
                </table>
            </div>
        </section>
        <section class="dash-section" aria-labelledby="live-accuracy">
            <h2 id="live-accuracy">{t.accuracy_head}</h2>
            <ol class="live-accuracy-list">{questions}</ol>
        </section>
        <section class="dash-section" aria-labelledby="live-ranking">
            <h2 id="live-ranking">{t.ranking_head}</h2>
            <div class="dash-table-wrap">
                <table class="dash-table" data-testid="live-ranking">
                    <thead><tr>
                        <th scope="col">{t.rank}</th>
                        <th scope="col">{t.name}</th>
                        <th scope="col">{t.unit}</th>
                        <th scope="col">{t.points}</th>
                        <th scope="col">{t.right_answers}</th>
                    </tr></thead>
                    <tbody>{ranking}</tbody>
                </table>
            </div>
        </section>
        {units}
    }
}

fn ranked_rows(ranked: &[UnitRow]) -> impl IntoView + use<> {
    ranked
        .iter()
        .map(|u| {
            view! {
                <tr data-testid="live-unit-row">
                    <td class="num">{u.rank}</td>
                    <th scope="row">{u.unit_name.clone()}</th>
                    <td class="num">{u.players}</td>
                    <td class="num">{u.mean}</td>
                </tr>
            }
        })
        .collect_view()
}

fn unit_board(ranked: &[UnitRow], too_few: &[UnitRow], lang: Lang) -> impl IntoView + use<> {
    let t = live_tr(lang);
    let ranked_table = (!ranked.is_empty()).then(|| {
        view! {
            <div class="dash-table-wrap">
                <table class="dash-table" data-testid="live-unit-board">
                    <thead><tr>
                        <th scope="col">{t.rank}</th>
                        <th scope="col">{t.unit}</th>
                        <th scope="col">{t.players}</th>
                        <th scope="col">{t.mean_points}</th>
                    </tr></thead>
                    <tbody>{ranked_rows(ranked)}</tbody>
                </table>
            </div>
        }
    });
    let too_few = (!too_few.is_empty()).then(|| {
        let names = too_few
            .iter()
            .map(|u| view! { <li>{format!("{} ({})", u.unit_name, u.players)}</li> })
            .collect_view();
        view! {
            <h3>{t.too_few}</h3>
            <ul data-testid="live-too-few">{names}</ul>
        }
    });
    view! {
        <section class="dash-section" aria-labelledby="live-units">
            <h2 id="live-units">{t.unit_board_head}</h2>
            <p>{t.unit_board_rule}</p>
            {ranked_table}
            {too_few}
        </section>
    }
}

/// "Unduh CSV": the export needs the bearer header, which a link cannot send, so the file
/// is fetched and offered from a blob under the server's name.
#[component]
fn CsvButton(id: String) -> impl IntoView {
    let console = use_console();
    let lang = console.lang;
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(None::<String>);
    let fetch = move |_| {
        if busy.get_untracked() {
            return;
        }
        let Some(token) = console.token() else { return };
        let path = live_api::results_csv_path(&id);
        busy.set(true);
        failed.set(None);
        spawn_local(async move {
            match console_api::file(&path, &token).await {
                Ok((name, bytes)) => offer_bytes(&name, &bytes, "text/csv"),
                Err(e) => {
                    console.failed(&e);
                    failed.try_set(Some(e.to_string()));
                }
            }
            busy.try_set(false);
        });
    };
    view! {
        <div class="dash-actions">
            <button type="button" class="btn" data-testid="live-download-csv" disabled=move || busy.get()
                on:click=fetch>
                {move || live_tr(lang.get()).download_csv}
            </button>
            <span role="status" class="dash-status">
                {move || busy.get().then(|| live_tr(lang.get()).downloading)}
                {move || failed.get().map(|e| format!("{}: {e}", live_tr(lang.get()).download_failed))}
            </span>
        </div>
    }
}
