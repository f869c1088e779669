//! `/konsol/lomba/{id}`: a competition's settings; while it runs (and in the grace for
//! offline phones) the participation per unit, counts only, refreshed every 30 seconds;
//! "Perpanjang" (a later close, before it closes) and "Batalkan" (with a reason shown to
//! participants); once final, the way to the results and the certificates.

use super::when::{competition_window, moment};
use super::{PhaseBadge, edit_href, id_param, piagam_href, results_href};
use crate::api::ApiError;
use crate::console::access::Screen;
use crate::console::api as console_api;
use crate::console::i18n::lomba::{self as i18n, lomba_tr};
use crate::console::lomba_api;
use crate::console::pages::dashboard::cells::number;
use crate::console::pages::data_table::DataTable;
use crate::console::pages::latest_answer::LatestAnswer;
use crate::console::problem::{Loading, Problem};
use crate::console::state::use_console;
use leptos::prelude::*;
use leptos::task::spawn_local;
use resapi_core::admin::AdminUnit;
use resapi_core::competition::schedule::Phase;
use resapi_core::competition::wire::{Competition, Participation};
use std::sync::Arc;
use std::time::Duration;
use uuid::Uuid;

/// How often the participation counts are asked again while the competition runs.
const REFRESH: Duration = Duration::from_secs(30);

#[component]
pub fn LombaDetailPage() -> impl IntoView {
    let console = use_console();
    let lang = console.lang;
    let t = move || lomba_tr(lang.get());
    let id = id_param();
    let token = console.token().unwrap_or_default();
    let competition = {
        let token = token.clone();
        LatestAnswer::follow(move || {
            let token = token.clone();
            async move { lomba_api::competition(&token, id).await }
        })
    };
    let units = RwSignal::new(Vec::<AdminUnit>::new());
    {
        let token = token.clone();
        spawn_local(async move {
            if let Ok(list) = console_api::units(&token).await {
                units.try_set(list);
            }
        });
    }
    let notice = RwSignal::new(None::<String>);
    let body = move || {
        competition.answer.get().map(|c: Arc<Competition>| {
            let c = (*c).clone();
            let lang = lang.get();
            let t = lomba_tr(lang);
            let unit = units.with(|u| {
                u.iter()
                    .find(|u| u.id == c.unit_id)
                    .map_or_else(|| c.unit_id.clone(), |u| u.name.clone())
            });
            let source = i18n::source_text(lang, &c.questions);
            let running = matches!(c.phase, Phase::Open | Phase::Grace);
            let finished = matches!(c.phase, Phase::Final | Phase::Published);
            let cancel_reason = c.cancel_reason.clone().map(|r| {
                view! {
                    <p class="console-notice" data-testid="lomba-cancel-reason">
                        <strong>{t.cancelled_because}" "</strong>{r}
                    </p>
                }
            });
            view! {
                <h2 class="lomba-name" data-testid="lomba-detail-name">{c.name.clone()}" " <PhaseBadge phase=c.phase /></h2>
                <p>{i18n::phase_explained(lang, c.phase)}</p>
                {cancel_reason}
                {(!c.description.is_empty()).then(|| view! { <p class="lomba-description">{c.description.clone()}</p> })}
                <dl class="lomba-settings" data-testid="lomba-settings">
                    <dt>{t.unit}</dt><dd>{unit}</dd>
                    <dt>{t.window}</dt><dd data-testid="lomba-window">{competition_window(&c, lang)}</dd>
                    <dt>{t.questions}</dt><dd>{format!("{} · {source}", i18n::question_count(lang, c.question_count))}</dd>
                    <dt>{t.limit}</dt><dd>{i18n::minutes(lang, c.limit_minutes)}</dd>
                    <dt>{t.grace}</dt><dd>{i18n::grace_until(lang, c.grace_hours, &moment(c.closes_at + time::Duration::hours(i64::from(c.grace_hours)), c.zone, lang))}</dd>
                    <dt>{t.min_participants}</dt><dd>{c.rule.min_participants}</dd>
                </dl>
                {(c.phase == Phase::Upcoming).then(|| view! {
                    <p><a class="btn btn-secondary" href=edit_href(c.id) data-testid="lomba-edit">{t.edit}</a></p>
                })}
                {finished.then(|| view! {
                    <p class="form-actions">
                        <a class="btn btn-primary" href=results_href(c.id) data-testid="lomba-open-results">{t.open_results}</a>
                        <a class="btn btn-secondary" href=piagam_href(c.id) data-testid="lomba-open-piagam">{t.open_piagam}</a>
                    </p>
                })}
                {running.then(|| view! { <ParticipationTable id=c.id /> })}
                <Actions competition=c.clone() answer=competition.answer notice=notice />
            }
        })
    };
    view! {
        <div class="page console-page lomba live-setup" data-testid="lomba-detail">
            <h1>{move || t().detail_title}</h1>
            <p><a href=Screen::Lomba.path() data-testid="lomba-back">{move || t().back_to_list}</a></p>
            <Loading when=competition.loading label=Signal::derive(move || t().detail_loading) />
            <Problem error=competition.error retry=competition.retry() />
            <p class="console-notice" role="status" data-testid="lomba-notice">{move || notice.get()}</p>
            {body}
        </div>
    }
}

/// Members, downloads and counted attempts per unit: counts only, never scores, asked
/// again every 30 seconds while the screen is open.
#[component]
fn ParticipationTable(id: Uuid) -> impl IntoView {
    let console = use_console();
    let lang = console.lang;
    let t = move || lomba_tr(lang.get());
    let tick = RwSignal::new(0u32);
    if let Ok(handle) = set_interval_with_handle(move || tick.update(|n| *n += 1), REFRESH) {
        on_cleanup(move || handle.clear());
    }
    let token = console.token().unwrap_or_default();
    let counts = LatestAnswer::follow(move || {
        tick.track();
        let token = token.clone();
        async move { lomba_api::participation(&token, id).await }
    });
    let table = move || {
        counts.answer.get().map(|p: Arc<Participation>| {
            let lang = lang.get();
            let t = lomba_tr(lang);
            let rows = p
                .units
                .iter()
                .map(|u| {
                    let share = if u.members == 0 {
                        "–".to_owned()
                    } else {
                        format!(
                            "{} %",
                            number(
                                100.0 * f64::from(u.participants) / f64::from(u.members),
                                1,
                                lang
                            )
                        )
                    };
                    view! {
                        <tr data-testid="lomba-participation-row" data-unit=u.unit_id.clone()>
                            <th scope="row">{u.unit_name.clone()}</th>
                            <td class="num" data-testid="members">{u.members}</td>
                            <td class="num" data-testid="downloaded">{u.downloaded}</td>
                            <td class="num" data-testid="participants">{u.participants}</td>
                            <td class="num">{share}</td>
                        </tr>
                    }
                })
                .collect_view();
            let (m, d, n) = p.units.iter().fold((0, 0, 0), |(m, d, n), u| {
                (m + u.members, d + u.downloaded, n + u.participants)
            });
            let foot = view! {
                <tr>
                    <th scope="row">{t.total}</th>
                    <td class="num">{m}</td>
                    <td class="num">{d}</td>
                    <td class="num" data-testid="participants-total">{n}</td>
                    <td></td>
                </tr>
            };
            DataTable::new(
                "lomba-participation",
                vec![
                    t.unit,
                    t.members,
                    t.downloaded,
                    t.took_part,
                    t.took_part_share,
                ],
            )
            .caption(t.participation_caption)
            .view(rows, Some(foot.into_any()))
        })
    };
    view! {
        <section class="dash-section" aria-labelledby="lomba-participation-head">
            <h2 id="lomba-participation-head">{move || t().participation_head}</h2>
            <p>{move || t().participation_intro}</p>
            <Problem error=counts.error retry=counts.retry() />
            // Not a live region: a screen reader would hear it every 30 seconds.
            <p class="field-hint" data-testid="lomba-participation-status">
                {move || counts.loading.get().then(|| t().refreshing)}
            </p>
            {table}
        </section>
    }
}

/// "Perpanjang" and "Batalkan". The answer replaces the competition on screen.
#[component]
fn Actions(
    competition: Competition,
    answer: RwSignal<Option<Arc<Competition>>>,
    /// Above the competition, so it stays when the answer redraws it.
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let console = use_console();
    let lang = console.lang;
    let t = move || lomba_tr(lang.get());
    let id = competition.id;
    let can_extend = matches!(competition.phase, Phase::Upcoming | Phase::Open);
    let can_cancel = !matches!(competition.phase, Phase::Published | Phase::Cancelled);
    let closes = RwSignal::new(competition.closes_local.clone());
    let reason = RwSignal::new(String::new());
    let confirming = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<ApiError>);
    let reason_missing = RwSignal::new(false);
    let zone = competition.zone;

    let run = move |extend: bool| {
        if busy.get_untracked() {
            return;
        }
        let Some(token) = console.token() else { return };
        let (closes, reason) = (closes.get_untracked(), reason.get_untracked());
        if !extend && reason.trim().is_empty() {
            reason_missing.set(true);
            crate::console::pages::focus::focus_id("lomba-cancel-reason");
            return;
        }
        reason_missing.set(false);
        busy.set(true);
        problem.set(None);
        spawn_local(async move {
            let done = if extend {
                lomba_api::extend(&token, id, &closes).await
            } else {
                lomba_api::cancel(&token, id, &reason).await
            };
            match done {
                Ok(c) => {
                    let lang = lang.get_untracked();
                    notice.try_set(Some(if extend {
                        i18n::extended(lang, &moment(c.closes_at, c.zone, lang))
                    } else {
                        lomba_tr(lang).cancelled_done.to_owned()
                    }));
                    confirming.try_set(false);
                    answer.try_set(Some(Arc::new(c)));
                }
                Err(e) => {
                    console.failed(&e);
                    problem.try_set(Some(e));
                }
            }
            busy.try_set(false);
        });
    };
    let extend_form = can_extend.then(|| {
        view! {
            <form class="lomba-action" on:submit=move |ev| { ev.prevent_default(); run(true); } data-testid="lomba-extend">
                <h3>{move || t().extend_head}</h3>
                <div class="field">
                    <label for="lomba-new-close">{move || i18n::new_close_label(lang.get(), zone)}</label>
                    <input id="lomba-new-close" type="datetime-local" prop:value=move || closes.get()
                        on:input=move |ev| closes.set(event_target_value(&ev)) />
                </div>
                <button type="submit" class="btn btn-secondary" data-testid="lomba-extend-submit" disabled=move || busy.get()>
                    {move || t().extend}
                </button>
            </form>
        }
    });
    let cancel_part = can_cancel.then(|| {
        view! {
            <div class="lomba-action">
                <h3>{move || t().cancel_head}</h3>
                <Show when=move || !confirming.get()>
                    <button type="button" class="btn btn-ghost" data-testid="lomba-cancel"
                        on:click=move |_| {
                            confirming.set(true);
                            crate::console::pages::focus::focus_id("lomba-cancel-reason");
                        }>
                        {move || t().cancel_competition}
                    </button>
                </Show>
                <Show when=move || confirming.get()>
                    <div class="live-confirm" role="group" aria-labelledby="lomba-cancel-question" data-testid="lomba-cancel-confirm">
                        <p id="lomba-cancel-question">{move || t().cancel_question}</p>
                        <div class="field">
                            <label for="lomba-cancel-reason">{move || t().cancel_reason}</label>
                            <textarea id="lomba-cancel-reason" rows="2" maxlength="500"
                                aria-describedby=move || reason_missing.get().then_some("lomba-cancel-reason-error")
                                prop:value=move || reason.get()
                                on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                            <Show when=move || reason_missing.get()>
                                <p class="field-error" id="lomba-cancel-reason-error" role="alert">{move || t().cancel_reason_needed}</p>
                            </Show>
                        </div>
                        <button type="button" class="btn btn-primary" data-testid="lomba-cancel-yes"
                            disabled=move || busy.get() on:click=move |_| run(false)>
                            {move || t().cancel_yes}
                        </button>
                        <button type="button" class="btn btn-ghost" on:click=move |_| confirming.set(false)>
                            {move || console.tr().cancel}
                        </button>
                    </div>
                </Show>
            </div>
        }
    });
    view! {
        <Problem error=problem />
        {(can_extend || can_cancel).then(|| view! {
            <section class="dash-section" aria-labelledby="lomba-actions-head">
                <h2 id="lomba-actions-head">{move || t().actions_head}</h2>
                {extend_form}
                {cancel_part}
            </section>
        })}
    }
}
