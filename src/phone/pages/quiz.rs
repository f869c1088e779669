//! A practice session: one question at a time, options in a shuffled order, feedback with
//! the best answer and why, and a way to stop. Each answer is committed to the store
//! before its feedback shows; a reload comes back to the same question. A tab left behind
//! (another tab answered or moved on) never answers again: it jumps to what is saved.

use crate::phone::i18n;
use crate::practice;
use crate::state::{store, use_app};
use crate::store::guarded::Saved;
use crate::store::practice_session::PracticeSessionState;
use crate::sync::triggers;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

/// Moves the keyboard (and a screen reader) to the element `id`, once it is on screen.
pub(crate) fn focus_by_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

#[component]
pub fn PracticeSessionPage() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let session: RwSignal<Option<PracticeSessionState>> = RwSignal::new(None);
    let loaded = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let confirm_quit = RwSignal::new(false);
    // Another tab had saved a step first: this tab now shows what is saved, and says so.
    let elsewhere = RwSignal::new(false);
    let navigate = use_navigate();

    app.in_practice_session.set(true);
    on_cleanup(move || app.in_practice_session.set(false));

    {
        let navigate = navigate.clone();
        spawn_local(async move {
            let found = match (store(), app.account_id()) {
                (Some(store), Some(account)) => {
                    store.practice_session(&account).await.ok().flatten()
                }
                _ => None,
            };
            if found.is_none() {
                navigate("/latihan", Default::default());
            }
            session.set(found);
            loaded.set(true);
        });
    }

    // What to do when a step found the session changed by another tab: show the saved state,
    // or, if the session ended there, its result (or home when it left none).
    let show_saved = {
        let navigate = navigate.clone();
        move |stale: PracticeSessionState, now: Option<PracticeSessionState>| {
            elsewhere.set(true);
            confirm_quit.set(false);
            if now.is_some() {
                session.set(now);
                focus_by_id("question-stem");
                return;
            }
            let navigate = navigate.clone();
            spawn_local(async move {
                let finished = match store() {
                    Some(store) => store
                        .own_result(&stale.account_id, &stale.id)
                        .await
                        .ok()
                        .flatten(),
                    None => None,
                };
                match finished {
                    Some(r) => navigate(&format!("/hasil/{}", r.id), Default::default()),
                    None => navigate("/", Default::default()),
                }
            });
        }
    };

    let finish = {
        let navigate = navigate.clone();
        let show_saved = show_saved.clone();
        Callback::new(move |()| {
            let (Some(store), Some(q)) = (store(), session.get_untracked()) else {
                return;
            };
            let navigate = navigate.clone();
            let show_saved = show_saved.clone();
            busy.set(true);
            spawn_local(async move {
                match practice::finish(&store, &q).await {
                    Ok(Saved::Done(Some(result))) => {
                        triggers::saved(app);
                        navigate(&format!("/hasil/{}", result.id), Default::default());
                    }
                    Ok(Saved::Done(None)) => navigate("/", Default::default()),
                    Ok(Saved::Elsewhere(now)) => show_saved(q, now),
                    Err(_) => error.set(Some(app.tr().save_failed.to_owned())),
                }
                busy.set(false);
            });
        })
    };

    let choose_saved = show_saved.clone();
    let choose = Callback::new(move |option_id: String| {
        let (Some(store), Some(content), Some(q)) = (
            store(),
            app.content.get_untracked(),
            session.get_untracked(),
        ) else {
            return;
        };
        if busy.get_untracked() || q.current_answer().is_some() {
            return;
        }
        busy.set(true);
        let show_saved = choose_saved.clone();
        spawn_local(async move {
            match practice::answer(&store, &content, &q, &option_id).await {
                Ok(Saved::Done(next)) => {
                    session.set(Some(next));
                    error.set(None);
                    triggers::saved(app);
                    focus_by_id("feedback");
                }
                Ok(Saved::Elsewhere(now)) => show_saved(q, now),
                Err(_) => error.set(Some(app.tr().save_failed.to_owned())),
            }
            busy.set(false);
        });
    });

    let next = Callback::new(move |()| {
        let (Some(store), Some(q)) = (store(), session.get_untracked()) else {
            return;
        };
        if q.is_last() {
            finish.run(());
            return;
        }
        busy.set(true);
        let show_saved = show_saved.clone();
        spawn_local(async move {
            match practice::advance(&store, &q).await {
                Ok(Saved::Done(next)) => {
                    session.set(Some(next));
                    elsewhere.set(false);
                    focus_by_id("question-stem");
                }
                Ok(Saved::Elsewhere(now)) => show_saved(q, now),
                Err(_) => error.set(Some(app.tr().save_failed.to_owned())),
            }
            busy.set(false);
        });
    });

    let body = move || {
        let q = session.get()?;
        let content = app.content.get()?;
        let current = q.current()?.clone();
        let l = lang.get();
        let t = app.tr();
        let total = q.questions.len();
        let position = q.position;
        let given = q.current_answer().cloned();
        let Some(question) = content.question(&current.id).cloned() else {
            // The bank changed under a session in progress: let the person move on.
            return Some(
                view! {
                    <p class="hint">{t.question_missing}</p>
                    <button type="button" class="btn btn-primary" on:click=move |_| next.run(())>{t.next_question}</button>
                }
                .into_any(),
            );
        };
        let options = current
            .options
            .iter()
            .filter_map(|id| question.option(id).cloned())
            .enumerate()
            .map(|(i, o)| {
                let letter = (b'A' + i as u8) as char;
                let is_best = o.id == question.answer;
                let is_chosen = given.as_ref().is_some_and(|g| g.option_id == o.id);
                let class = match (&given, is_best, is_chosen) {
                    (None, _, _) => "option",
                    (Some(_), true, _) => "option option-best",
                    (Some(_), false, true) => "option option-wrong",
                    (Some(_), false, false) => "option option-dim",
                };
                let id = o.id.clone();
                let answered = given.is_some();
                view! {
                    <li>
                        <button
                            type="button"
                            class=class
                            data-option=o.id.clone()
                            data-best=is_best.then_some("true")
                            aria-pressed=answered.then(|| is_chosen.to_string())
                            disabled=move || answered || busy.get()
                            on:click=move |_| choose.run(id.clone())
                        >
                            <span class="option-letter" aria-hidden="true">{letter.to_string()}</span>
                            <span class="option-text">{o.text.get(l).to_owned()}</span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        let best_text = question
            .option(&question.answer)
            .map(|o| o.text.get(l).to_owned())
            .unwrap_or_default();
        let feedback = given.map(|g| {
            let label = if q.is_last() { t.see_result } else { t.next_question };
            view! {
                <div id="feedback" class=if g.correct { "feedback feedback-right" } else { "feedback feedback-wrong" } tabindex="-1" data-testid="feedback">
                    <p class="feedback-verdict">{if g.correct { t.correct } else { t.incorrect }}</p>
                    <p><strong>{t.best_answer} ": "</strong>{best_text.clone()}</p>
                    <p>{question.explanation.get(l).to_owned()}</p>
                </div>
                <button type="button" class="btn btn-primary btn-block" data-testid="next" disabled=move || busy.get() on:click=move |_| next.run(())>
                    {label}
                </button>
            }
        });
        Some(
            view! {
                <p class="progress-text" data-testid="progress">{i18n::question_of(l, position + 1, total)}</p>
                <progress max=total.to_string() value=(position + 1).to_string() aria-hidden="true"></progress>
                <h1 id="question-stem" class="stem" tabindex="-1" data-question=question.id.clone()>{question.stem.get(l).to_owned()}</h1>
                <ol class="options" type="A">{options}</ol>
                <div aria-live="polite">{feedback}</div>
            }
            .into_any(),
        )
    };

    view! {
        <div class="page quiz" data-testid="quiz">
            <Show when=move || loaded.get() && app.content_read.get() fallback=move || view! { <p role="status">{move || app.tr().loading}</p> }>
                {body}
                <Show when=move || elsewhere.get()>
                    <p class="banner" role="status" data-testid="changed-elsewhere">{move || app.tr().changed_elsewhere}</p>
                </Show>
                <Show when=move || error.with(Option::is_some)>
                    <p class="form-error" role="alert">{move || error.get()}</p>
                </Show>
                <div class="quit-row">
                    <Show
                        when=move || confirm_quit.get()
                        fallback=move || view! {
                            <button type="button" class="btn btn-ghost" data-testid="quit" on:click=move |_| confirm_quit.set(true)>
                                {move || app.tr().quit}
                            </button>
                        }
                    >
                        <div class="confirm" role="alertdialog" aria-labelledby="quit-q">
                            <p id="quit-q">{move || app.tr().quit_confirm}</p>
                            <div class="actions">
                                <button type="button" class="btn btn-primary" on:click=move |_| confirm_quit.set(false)>
                                    {move || app.tr().quit_no}
                                </button>
                                <button type="button" class="btn btn-secondary" data-testid="quit-confirm" on:click=move |_| finish.run(())>
                                    {move || app.tr().quit_yes}
                                </button>
                            </div>
                        </div>
                    </Show>
                </div>
            </Show>
        </div>
    }
}
