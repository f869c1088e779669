//! Past practice results and live games (*Kuis Apel*) of the signed-in account, newest
//! first: one entry per practice session (opening its result page) and one per game, which
//! opens in place to review its answers as a practice result does.

use super::result::{review_list, scope_name};
use crate::local_time::{date_time, rfc3339};
use crate::phone::i18n;
use crate::state::{store, use_app};
use crate::store::practice_session::GivenAnswer;
use crate::store::results::PracticeResult;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use resapi_core::live::played::{PlayedGame, played_games};
use resapi_core::practice::MIXED;

#[derive(Clone)]
enum Entry {
    Practice(PracticeResult),
    Live(PlayedGame),
}

impl Entry {
    /// When it ended (a practice session) or began (a game), RFC 3339 UTC.
    fn at(&self) -> String {
        match self {
            Entry::Practice(r) => r.finished_at.clone(),
            Entry::Live(g) => rfc3339(g.played_at),
        }
    }
}

#[component]
pub fn HistoryPage() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let entries: RwSignal<Vec<Entry>> = RwSignal::new(Vec::new());
    let loaded = RwSignal::new(false);
    Effect::new(move |_| {
        let _ = app.history_version.get();
        if let (Some(store), Some(account)) = (store(), app.account_id()) {
            spawn_local(async move {
                let results = store.results(&account).await.unwrap_or_default();
                let live = store.live_answers(&account).await.unwrap_or_default();
                // Results come newest first; each game goes in at its date (no sort of a
                // new type: each costs every phone's download).
                let mut all: Vec<Entry> = results.into_iter().map(Entry::Practice).collect();
                for game in played_games(&live) {
                    let at = rfc3339(game.played_at);
                    let slot = all.partition_point(|e| e.at() > at);
                    all.insert(slot, Entry::Live(game));
                }
                entries.set(all);
                loaded.set(true);
            });
        } else {
            loaded.set(true);
        }
    });
    view! {
        <div class="page history">
            <h1>{move || app.tr().history_title}</h1>
            <Show when=move || loaded.get() && app.content_read.get() fallback=move || view! { <p role="status">{move || app.tr().loading}</p> }>
                <Show when=move || !entries.with(Vec::is_empty) fallback=move || view! {
                    <p class="hint">{move || app.tr().history_empty}</p>
                    <A href="/latihan" attr:class="btn btn-primary">{move || app.tr().start_practice}</A>
                }>
                    <ul class="history-list" data-testid="history">
                        {move || {
                            let l = lang.get();
                            let content = app.content.get();
                            let content = content.as_deref();
                            entries.get().into_iter().map(|e| {
                                let when = date_time(&e.at(), l);
                                match e {
                                    Entry::Practice(r) => {
                                        let scope = scope_name(content, &r.scope, l);
                                        view! {
                                        <li>
                                            <A href=format!("/hasil/{}", r.id) attr:class="history-item">
                                                <span class="history-scope">{scope}</span>
                                                <span class="history-when">{when}</span>
                                                <span class="history-score">{format!("{}% · {}", r.percent, i18n::score(l, r.correct, r.answered))}</span>
                                            </A>
                                        </li>
                                    }.into_any()
                                    }
                                    Entry::Live(g) => {
                                        // "Kuis Apel · Loyal", or "· Campuran" for a game across values.
                                        let value = content.and_then(|c| g.value(c)).unwrap_or(MIXED);
                                        let answers: Vec<GivenAnswer> = g.answers.iter().map(|a| GivenAnswer {
                                            question_id: a.question_id.clone(),
                                            value: String::new(),
                                            option_id: a.option_id.clone(),
                                            correct: a.correct,
                                        }).collect();
                                        view! {
                                            <li>
                                                <details class="history-game" data-testid="live-game">
                                                    <summary class="history-item">
                                                        <span class="history-scope">{format!("{} · {}", i18n::tr(l).live_quiz, scope_name(content, value, l))}</span>
                                                        <span class="history-when">{when}</span>
                                                        <span class="history-score">{format!("{} · {}", i18n::score(l, g.correct(), g.answered()), i18n::points(l, g.points()))}</span>
                                                    </summary>
                                                    <ol class="review-list">{review_list(content, &answers, l)}</ol>
                                                </details>
                                            </li>
                                        }.into_any()
                                    }
                                }
                            }).collect_view()
                        }}
                    </ul>
                </Show>
            </Show>
        </div>
    }
}
