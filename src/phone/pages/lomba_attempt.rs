//! `/lomba/:id`: taking a competition, offline. An intro (how many questions, the time limit,
//! one attempt only) → "Mulai" saves the start → one question at a time with its options in
//! the paper's order (radio buttons), a countdown computed from the saved start (so a reload
//! keeps it), "Sebelumnya/Berikutnya", a summary with the unanswered count → "Kirim" puts the
//! attempt into the outbox. When the time runs out it is sent as it stands. Every tap is
//! saved before the screen changes; a tab left behind jumps to what is saved.

use crate::competition::{
    self, Standing, TimeWarning, clock, seconds_left, standing, time_warning,
};
use crate::local_time::{date_time, rfc3339};
use crate::phone::i18n::{error_message, question_of};
use crate::phone::i18n_lomba as t;
use crate::phone::pages::quiz::focus_by_id;
use crate::state::{store, use_app};
use crate::store::StoreError;
use crate::store::competitions::Attempt;
use crate::store::guarded::Saved;
use crate::sync::triggers;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use resapi_core::competition::schedule::Phase;
use resapi_core::competition::wire::{MyCompetition, Paper};
use std::time::Duration;
use time::OffsetDateTime;

#[component]
pub fn LombaAttemptPage() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let params = use_params_map();
    let competition: RwSignal<Option<MyCompetition>> = RwSignal::new(None);
    let paper: RwSignal<Option<Paper>> = RwSignal::new(None);
    let attempt: RwSignal<Option<Attempt>> = RwSignal::new(None);
    let loaded = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<&'static str>);
    let elsewhere = RwSignal::new(false);
    // Sent from this screen just now (the confirmation), and whether the time ran out.
    let just_sent = RwSignal::new(false);
    let timed_out = RwSignal::new(false);
    let now = RwSignal::new(OffsetDateTime::now_utc());
    // The server's refusal of the attempt sent from here (it is in "Perlu perhatian").
    let refused = RwSignal::new(None::<(String, String)>);

    if let Ok(ticker) = set_interval_with_handle(
        move || now.set(OffsetDateTime::now_utc()),
        Duration::from_secs(1),
    ) {
        on_cleanup(move || ticker.clear());
    }

    Effect::new(move |_| {
        let _ = app.competitions_version.get();
        let id = params.read().get("id").unwrap_or_default();
        let (Some(store), Some(account)) = (store(), app.account_id()) else {
            loaded.set(true);
            return;
        };
        spawn_local(async move {
            let list = store.my_competitions(&account).await.ok().flatten();
            competition.set(
                list.and_then(|l| l.competitions.into_iter().find(|c| c.id.to_string() == id)),
            );
            paper.set(store.paper(&account, &id).await.ok().flatten());
            attempt.set(
                store
                    .competition_attempt(&account, &id)
                    .await
                    .ok()
                    .flatten(),
            );
            let attention = store.attention(&account).await.unwrap_or_default();
            refused.set(
                competition::refusals(&attention)
                    .into_iter()
                    .find(|(c, _)| *c == id)
                    .map(|(_, i)| (i.code.clone(), i.message.clone())),
            );
            loaded.set(true);
        });
    });

    // While an attempt is on screen: no bottom bar, no reload for an update.
    let in_progress = move || attempt.with(|a| a.as_ref().is_some_and(|a| a.sent_at.is_none()));
    Effect::new(move |_| app.in_practice_session.set(in_progress()));
    on_cleanup(move || app.in_practice_session.set(false));

    // What a guarded step does with its outcome.
    let settle =
        move |outcome: Result<Saved<Attempt>, StoreError>, focus: &'static str| match outcome {
            Ok(Saved::Done(next)) => {
                attempt.set(Some(next));
                error.set(None);
                focus_by_id(focus);
            }
            Ok(Saved::Elsewhere(saved)) => {
                elsewhere.set(true);
                attempt.set(saved);
            }
            Err(_) => error.set(Some(app.tr().save_failed)),
        };

    let send = move |auto: bool| {
        let (Some(store), Some(a)) = (store(), attempt.get_untracked()) else {
            return;
        };
        if busy.get_untracked() || a.sent_at.is_some() {
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let outcome = competition::send(&store, &a, OffsetDateTime::now_utc()).await;
            if matches!(outcome, Ok(Saved::Done(_))) {
                just_sent.set(true);
                timed_out.set(auto);
                triggers::saved(app);
            }
            settle(outcome, "lomba-sent");
            busy.set(false);
        });
    };

    // The time ran out: send what is there.
    Effect::new(move |_| {
        let at = now.get();
        let expired = attempt.with(|a| {
            a.as_ref()
                .is_some_and(|a| a.sent_at.is_none() && seconds_left(a, at) == 0)
        });
        if expired && !busy.get_untracked() {
            send(true);
        }
    });

    let start = move |_| {
        let (Some(store), Some(account), Some(c)) =
            (store(), app.account_id(), competition.get_untracked())
        else {
            return;
        };
        busy.set(true);
        spawn_local(async move {
            let outcome = competition::start(&store, &account, &c, OffsetDateTime::now_utc()).await;
            settle(outcome, "question-stem");
            busy.set(false);
        });
    };

    let choose = move |option_id: String| {
        let (Some(store), Some(p), Some(a)) =
            (store(), paper.get_untracked(), attempt.get_untracked())
        else {
            return;
        };
        busy.set(true);
        spawn_local(async move {
            match competition::choose(&store, &p, &a, &option_id, OffsetDateTime::now_utc()).await {
                Ok(Some(outcome)) => settle(Ok(outcome), "lomba-chosen"),
                Ok(None) => {}
                Err(e) => settle(Err(e), ""),
            }
            busy.set(false);
        });
    };

    let go = move |position: usize| {
        let (Some(store), Some(a)) = (store(), attempt.get_untracked()) else {
            return;
        };
        busy.set(true);
        spawn_local(async move {
            let outcome = store.step_competition_attempt(&a, &a.at(position)).await;
            let focus = if paper
                .with_untracked(|p| p.as_ref().is_some_and(|p| position < p.questions.len()))
            {
                "question-stem"
            } else {
                "lomba-summary"
            };
            settle(outcome, focus);
            busy.set(false);
        });
    };

    // Where it stands before an attempt, changing only when the clock crosses the opening or
    // the close (the intro's button is not rebuilt every second under a keyboard's focus).
    let here = Memo::new(move |_| {
        let c = competition.get()?;
        Some(standing(
            &c,
            paper.with(Option::is_some),
            None,
            false,
            now.get(),
        ))
    });

    let body = move || {
        let l = lang.get();
        let tr = t::tr(l);
        let Some(c) = competition.get() else {
            return view! {
                <p class="hint" data-testid="lomba-missing">{tr.missing}</p>
                <A href="/lomba" attr:class="btn btn-secondary">{tr.back_to_list}</A>
            }
            .into_any();
        };
        let a = attempt.get();
        if just_sent.get() {
            return view! {
                <h1 id="lomba-sent" tabindex="-1">{tr.sent_title}</h1>
                <p role="status" data-testid="lomba-sent">{if timed_out.get() { tr.time_up } else { "" }}" "{tr.sent_text}</p>
                <A href="/lomba" attr:class="btn btn-primary">{tr.back_to_list}</A>
            }
            .into_any();
        }
        let results = (c.phase == Phase::Published).then(|| view! {
            <A href=format!("/lomba/{}/hasil", c.id) attr:class="btn btn-primary" attr:data-testid="lomba-results">{tr.see_results}</A>
        });
        match a {
            Some(a) if a.sent_at.is_none() => match paper.get() {
                Some(p) => attempt_view(l, p, a, now, busy, choose, go, send).into_any(),
                None => view! { <p class="hint">{tr.missing}</p> }.into_any(),
            },
            _ if c.taken || a.is_some() => view! {
                <h1>{c.name.clone()}</h1>
                {match refused.get().filter(|_| !c.taken) {
                    Some((code, message)) => view! {
                        <p class="warn" data-testid="lomba-refused">{tr.refused}" "{error_message(l, &code, &message)}</p>
                        <A href="/perhatian">{tr.see_attention}</A>
                    }.into_any(),
                    None => view! { <p class="ok" data-testid="lomba-taken">{tr.taken}</p> }.into_any(),
                }}
                {results}
                <A href="/lomba" attr:class="btn btn-secondary">{tr.back_to_list}</A>
            }
            .into_any(),
            _ => {
                let here = here.get().unwrap_or(Standing::Closed);
                let n = paper.with(|p| {
                    p.as_ref()
                        .map_or(c.question_count as usize, |p| p.questions.len())
                });
                let state = match here {
                    Standing::Ready => view! {
                        <button type="button" class="btn btn-primary btn-block" data-testid="lomba-start"
                            disabled=move || busy.get() on:click=start>{tr.start}</button>
                    }
                    .into_any(),
                    Standing::NeedsDownload => view! { <p class="hint">{tr.needs_download}</p> }.into_any(),
                    Standing::Upcoming => view! { <p class="hint">{t::opens(l, &date_time(&rfc3339(c.opens_at), l))}</p> }.into_any(),
                    Standing::Cancelled => view! { <p class="warn">{tr.cancelled}</p> }.into_any(),
                    Standing::Published => ().into_any(),
                    _ => view! { <p class="hint">{tr.closed}</p> }.into_any(),
                };
                view! {
                    <h1>{c.name.clone()}</h1>
                    <p>{c.description.clone()}</p>
                    <ul class="lomba-rules">
                        <li>{t::rules(l, n, c.limit_minutes)}</li>
                        <li>{tr.one_attempt}</li>
                        <li>{tr.works_offline}</li>
                        <li>{t::closes(l, &date_time(&rfc3339(c.closes_at), l))}</li>
                    </ul>
                    {state}
                    {results}
                }
                .into_any()
            }
        }
    };

    view! {
        <div class="page quiz lomba-attempt" data-testid="lomba-attempt">
            <Show when=move || loaded.get() fallback=move || view! { <p role="status">{move || app.tr().loading}</p> }>
                {body}
                <Show when=move || elsewhere.get()>
                    <p class="banner" role="status" data-testid="changed-elsewhere">{move || app.tr().changed_elsewhere}</p>
                </Show>
                <Show when=move || error.with(Option::is_some)>
                    <p class="form-error" role="alert">{move || error.get()}</p>
                </Show>
            </Show>
        </div>
    }
}

/// The attempt in progress: the countdown, then the question on screen or the summary.
#[allow(clippy::too_many_arguments)]
fn attempt_view(
    l: resapi_core::Lang,
    p: Paper,
    a: Attempt,
    now: RwSignal<OffsetDateTime>,
    busy: RwSignal<bool>,
    choose: impl Fn(String) + Copy + Send + Sync + 'static,
    go: impl Fn(usize) + Copy + Send + Sync + 'static,
    send: impl Fn(bool) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let tr = t::tr(l);
    let total = p.questions.len();
    let position = a.position.min(total);
    let countdown = {
        let a = a.clone();
        move || clock(seconds_left(&a, now.get()))
    };
    // The countdown is a `timer`, which screen readers do not read out as it changes: a
    // status says the two moments that matter, once each (the text changes only then). The
    // last minute also turns the countdown red.
    let warning = {
        let a = a.clone();
        Memo::new(move |_| time_warning(&a, seconds_left(&a, now.get())))
    };
    let low = move || warning.get() == TimeWarning::LastMinute;
    let said = move || match warning.get() {
        TimeWarning::Silent => "",
        TimeWarning::FiveMinutes => tr.five_minutes_left,
        TimeWarning::LastMinute => tr.last_minute,
    };
    let head = view! {
        <p class="countdown" class:countdown-low=low data-testid="lomba-countdown">
            {tr.time_left}": "<span role="timer" aria-atomic="true" class="num">{countdown}</span>
        </p>
        <p class="visually-hidden" role="status" data-testid="lomba-time-warning">{said}</p>
    };
    let main = match p.questions.get(position) {
        Some(q) => {
            let chosen = a.chosen(&q.id).map(str::to_owned);
            let options = q
                .options
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    let letter = (b'A' + i as u8) as char;
                    let is_chosen = chosen.as_deref() == Some(o.id.as_str());
                    let id = o.id.clone();
                    view! {
                        <li>
                            <label class="option" class:option-chosen=is_chosen>
                                <input type="radio" name="lomba-option" value=o.id.clone()
                                    id=is_chosen.then_some("lomba-chosen")
                                    // The property, not the attribute: the inputs are reused from
                                    // question to question, and a tapped radio keeps its checked
                                    // state whatever the attribute says.
                                    prop:checked=is_chosen
                                    disabled=move || busy.get()
                                    on:change=move |_| choose(id.clone()) />
                                <span class="option-letter" aria-hidden="true">{letter.to_string()}</span>
                                <span class="option-text">{o.text.get(l).to_owned()}</span>
                            </label>
                        </li>
                    }
                })
                .collect_view();
            let last = position + 1 == total;
            view! {
                <p class="progress-text" data-testid="progress">{question_of(l, position + 1, total)}</p>
                <progress max=total.to_string() value=(position + 1).to_string() aria-hidden="true"></progress>
                <h1 id="question-stem" class="stem" tabindex="-1" data-question=q.id.clone()>{q.stem.get(l).to_owned()}</h1>
                <fieldset class="field">
                    <legend class="visually-hidden">{q.stem.get(l).to_owned()}</legend>
                    <ul class="options">{options}</ul>
                </fieldset>
                <div class="actions lomba-nav">
                    <button type="button" class="btn btn-secondary" data-testid="lomba-prev"
                        disabled=move || busy.get() || position == 0
                        on:click=move |_| go(position - 1)>{tr.previous}</button>
                    <button type="button" class="btn btn-primary" data-testid="lomba-next"
                        disabled=move || busy.get()
                        on:click=move |_| go(position + 1)>{if last { tr.to_summary } else { tr.next }}</button>
                </div>
            }
            .into_any()
        }
        None => {
            let unanswered = p
                .questions
                .iter()
                .filter(|q| a.chosen(&q.id).is_none())
                .count();
            let rows = p
                .questions
                .iter()
                .enumerate()
                .map(|(i, q)| {
                    let done = a.chosen(&q.id).is_some();
                    view! {
                        <li>
                            <button type="button" class="choice" data-testid="lomba-goto" on:click=move |_| go(i)>
                                <span class="choice-name">{t::number(l, i + 1)}</span>
                                <span class=if done { "choice-hint" } else { "choice-hint warn" }>{if done { tr.answered } else { tr.unanswered }}</span>
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h1 id="lomba-summary" tabindex="-1">{tr.summary}</h1>
                <p data-testid="lomba-unanswered" data-count=unanswered.to_string()>
                    {if unanswered == 0 { tr.all_answered.to_owned() } else { t::unanswered_count(l, unanswered) }}
                </p>
                <ul class="choice-list">{rows}</ul>
                <p class="hint">{tr.send_hint}</p>
                <button type="button" class="btn btn-primary btn-block" data-testid="lomba-send"
                    disabled=move || busy.get() on:click=move |_| send(false)>{tr.send}</button>
            }
            .into_any()
        }
    };
    view! { {head} {main} }
}
