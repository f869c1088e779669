//! `/konsol/kuis`: "Buat kuis baru", the trainer's saved quiz sets (run, edit, delete) and
//! the history of their games (a running one opens its presenter, an ended one its
//! results).

use super::bank::Bank;
use super::wib::wib;
use super::{edit_href, new_href, presenter_href, results_href, source_label};
use crate::api::ApiError;
use crate::console::i18n::live_setup::{self as i18n, live_tr};
use crate::console::live_api::{self, GameItem, QuizSet};
use crate::console::pages::latest_answer::LatestAnswer;
use crate::console::problem::{Loading, Problem};
use crate::console::state::use_console;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

#[component]
pub fn LiveListPage() -> impl IntoView {
    let console = use_console();
    let lang = console.lang;
    let t = move || live_tr(lang.get());
    let token = console.token().unwrap_or_default();
    let bank = Bank::load();
    let reload = RwSignal::new(0u32);
    let sets = {
        let token = token.clone();
        LatestAnswer::follow(move || {
            reload.track();
            let token = token.clone();
            async move { live_api::quiz_sets(&token).await }
        })
    };
    let games = LatestAnswer::follow(move || {
        let token = token.clone();
        async move { live_api::games(&token).await }
    });
    let notice = RwSignal::new(None::<String>);
    let action_error = RwSignal::new(None::<ApiError>);

    view! {
        <div class="page console-page live-setup" data-testid="live-list">
            <h1>{move || t().title}</h1>
            <p>{move || t().intro}</p>
            <p><a href=new_href() class="btn btn-primary" data-testid="live-create">{move || t().create}</a></p>
            <p class="console-notice" role="status" data-testid="live-notice">{move || notice.get()}</p>
            <Problem error=action_error />
            <section class="dash-section" aria-labelledby="live-sets-head">
                <h2 id="live-sets-head">{move || t().sets_head}</h2>
                <Loading when=sets.loading label=Signal::derive(move || t().sets_loading) />
                <Problem error=sets.error retry=sets.retry() />
                {move || sets.answer.get().map(|list| {
                    if list.is_empty() {
                        view! { <p class="live-empty" data-testid="live-sets-empty">{t().sets_empty}</p> }.into_any()
                    } else {
                        view! { <SetTable sets=list.to_vec() bank=bank notice=notice error=action_error reload=reload /> }.into_any()
                    }
                })}
            </section>
            <section class="dash-section" aria-labelledby="live-history-head">
                <h2 id="live-history-head">{move || t().history_head}</h2>
                <Loading when=games.loading label=Signal::derive(move || t().history_loading) />
                <Problem error=games.error retry=games.retry() />
                {move || games.answer.get().map(|list| {
                    if list.is_empty() {
                        view! { <p class="live-empty" data-testid="live-history-empty">{t().history_empty}</p> }.into_any()
                    } else {
                        view! { <History games=list.to_vec() bank=bank /> }.into_any()
                    }
                })}
            </section>
        </div>
    }
}

#[component]
fn SetTable(
    sets: Vec<QuizSet>,
    bank: Bank,
    notice: RwSignal<Option<String>>,
    error: RwSignal<Option<ApiError>>,
    reload: RwSignal<u32>,
) -> impl IntoView {
    let lang = use_console().lang;
    let t = move || live_tr(lang.get());
    let rows = sets
        .into_iter()
        .map(|set| view! { <SetRow set=set bank=bank notice=notice error=error reload=reload /> })
        .collect_view();
    view! {
        <div class="dash-table-wrap">
            <table class="dash-table" data-testid="live-sets">
                <thead><tr>
                    <th scope="col">{move || t().set_name}</th>
                    <th scope="col">{move || t().source}</th>
                    <th scope="col">{move || t().questions_time}</th>
                    <th scope="col">{move || t().scoring}</th>
                    <th scope="col">{move || t().actions}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
fn SetRow(
    set: QuizSet,
    bank: Bank,
    notice: RwSignal<Option<String>>,
    error: RwSignal<Option<ApiError>>,
    reload: RwSignal<u32>,
) -> impl IntoView {
    let console = use_console();
    let lang = console.lang;
    let t = move || live_tr(lang.get());
    let navigate = use_navigate();
    let busy = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let config = set.config.clone();
    let source = {
        let source = config.source.clone();
        move || source_label(&source, bank.content.get().as_deref(), lang.get())
    };
    let count = match &config.source {
        resapi_core::live::config::Source::Questions { question_ids } => question_ids.len() as u32,
        _ => config.question_count,
    };
    let (seconds, scoring) = (config.seconds_per_question, config.scoring);
    let run = {
        let id = set.id.clone();
        move |_| {
            if busy.get_untracked() {
                return;
            }
            let Some(token) = console.token() else { return };
            let (id, navigate) = (id.clone(), navigate.clone());
            busy.set(true);
            error.set(None);
            spawn_local(async move {
                match live_api::start_quiz_set(&token, &id).await {
                    Ok(game) => navigate(&presenter_href(&game.id), Default::default()),
                    Err(e) => {
                        console.failed(&e);
                        error.set(Some(e));
                        busy.set(false);
                    }
                }
            });
        }
    };
    let delete = {
        let (id, name) = (set.id.clone(), set.name.clone());
        move |_| {
            if busy.get_untracked() {
                return;
            }
            let Some(token) = console.token() else { return };
            let (id, name) = (id.clone(), name.clone());
            busy.set(true);
            error.set(None);
            spawn_local(async move {
                match live_api::delete_quiz_set(&token, &id).await {
                    Ok(()) => {
                        notice.set(Some(i18n::deleted(lang.get_untracked(), &name)));
                        reload.update(|n| *n += 1);
                    }
                    Err(e) => {
                        console.failed(&e);
                        error.set(Some(e));
                    }
                }
                busy.try_set(false);
            });
        }
    };
    let name = set.name.clone();
    let confirm_text = {
        let name = set.name.clone();
        move || i18n::delete_confirm(lang.get(), &name)
    };
    view! {
        <tr data-testid="live-set">
            <td data-testid="live-set-name">{set.name.clone()}</td>
            <td>{source}</td>
            <td>{move || i18n::questions_times_seconds(lang.get(), count, seconds)}</td>
            <td>{move || i18n::scoring(lang.get(), scoring).0}</td>
            <td class="live-actions">
                <button type="button" class="btn btn-primary btn-small" data-testid="live-set-run"
                    disabled=move || busy.get() on:click=run>
                    {move || t().run}<span class="visually-hidden">": " {name.clone()}</span>
                </button>
                <a class="btn btn-secondary btn-small" data-testid="live-set-edit" href=edit_href(&set.id)>
                    {move || t().edit}<span class="visually-hidden">": " {set.name.clone()}</span>
                </a>
                <Show when=move || !confirming.get()>
                    <button type="button" class="btn btn-ghost btn-small" data-testid="live-set-delete"
                        on:click=move |_| confirming.set(true)>
                        {move || t().delete}
                    </button>
                </Show>
                <Show when=move || confirming.get()>
                    <div class="live-confirm" role="group" data-testid="live-set-confirm">
                        <p>{confirm_text.clone()}</p>
                        <button type="button" class="btn btn-primary btn-small" data-testid="live-set-delete-yes"
                            disabled=move || busy.get() on:click=delete.clone()>
                            {move || t().delete_yes}
                        </button>
                        <button type="button" class="btn btn-ghost btn-small" on:click=move |_| confirming.set(false)>
                            {move || console.tr().cancel}
                        </button>
                    </div>
                </Show>
            </td>
        </tr>
    }
}

#[component]
fn History(games: Vec<GameItem>, bank: Bank) -> impl IntoView {
    let lang = use_console().lang;
    let t = move || live_tr(lang.get());
    let rows = games
        .into_iter()
        .map(|game| {
            let source = {
                let source = game.config.source.clone();
                move || source_label(&source, bank.content.get().as_deref(), lang.get())
            };
            let created = game.created_at.clone();
            let players = game.summary.as_ref().map_or(0, |s| s.players);
            let in_play = game.in_play();
            let (href, state, link) = if in_play {
                (presenter_href(&game.id), true, "live-open-presenter")
            } else {
                (results_href(&game.id), false, "live-open-results")
            };
            view! {
                <tr data-testid="live-game" data-running=in_play.to_string()>
                    <td>{move || wib(&created, lang.get())}</td>
                    <td>{source}</td>
                    <td class="num" data-testid="live-game-code">{game.code.clone()}</td>
                    <td class="num">{players}</td>
                    <td>{move || if state { t().running } else { t().ended }}</td>
                    <td>
                        <a href=href data-testid=link>
                            {move || if state { t().open_presenter } else { t().open_results }}
                            <span class="visually-hidden">" " {game.code.clone()}</span>
                        </a>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="dash-table-wrap">
            <table class="dash-table" data-testid="live-history">
                <thead><tr>
                    <th scope="col">{move || t().when}</th>
                    <th scope="col">{move || t().source}</th>
                    <th scope="col">{move || t().code}</th>
                    <th scope="col">{move || t().players}</th>
                    <th scope="col">{move || t().state}</th>
                    <th scope="col"><span class="visually-hidden">{move || t().actions}</span></th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
