//! One live game (*Kuis Apel*) from the history: the value, the date, right answers, the
//! points, and each answer reviewed as a practice session's are.

use super::result::{review_list, scope_name};
use crate::components::not_found::NotFound;
use crate::local_time::{date_time, rfc3339};
use crate::phone::i18n;
use crate::state::{store, use_app};
use crate::store::practice_session::GivenAnswer;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use resapi_core::Lang;
use resapi_core::content::ContentBundle;
use resapi_core::live::played::{PlayedGame, played_games};
use resapi_core::practice::MIXED;

/// "Kuis Apel · Loyal" (or "· Campuran" for a game across values), as history lists it.
pub fn game_title(content: Option<&ContentBundle>, game: &PlayedGame, lang: Lang) -> String {
    let value = content.and_then(|c| game.value(c)).unwrap_or(MIXED);
    format!(
        "{} · {}",
        i18n::tr(lang).live_quiz,
        scope_name(content, value, lang)
    )
}

/// "3 dari 4 benar · 2750 poin".
pub fn game_score(game: &PlayedGame, lang: Lang) -> String {
    format!(
        "{} · {}",
        i18n::score(lang, game.correct(), game.answered()),
        i18n::points(lang, game.points())
    )
}

#[component]
pub fn LiveGamePage() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let params = use_params_map();
    let game: RwSignal<Option<PlayedGame>> = RwSignal::new(None);
    let loaded = RwSignal::new(false);
    Effect::new(move |_| {
        let id = params.read().get("id").unwrap_or_default();
        // Only the signed-in account's own answers are read: another's game is not found.
        let (Some(store), Some(account)) = (store(), app.account_id()) else {
            loaded.set(true);
            return;
        };
        spawn_local(async move {
            let records = store.live_answers(&account).await.unwrap_or_default();
            game.set(
                played_games(&records)
                    .into_iter()
                    .find(|g| g.game_id.to_string() == id),
            );
            loaded.set(true);
        });
    });
    let view_game = move || {
        let g = game.get()?;
        let l = lang.get();
        let t = app.tr();
        let content = app.content.get();
        let answers: Vec<GivenAnswer> = g
            .answers
            .iter()
            .map(|a| GivenAnswer {
                question_id: a.question_id.clone(),
                value: String::new(),
                option_id: a.option_id.clone(),
                correct: a.correct,
            })
            .collect();
        Some(view! {
            <h1>{game_title(content.as_deref(), &g, l)}</h1>
            <p class="muted">{date_time(&rfc3339(g.played_at), l)}</p>
            <p class="score" data-testid="score">{game_score(&g, l)}</p>
            <div class="actions">
                <A href="/riwayat" attr:class="btn btn-secondary">{t.history_link}</A>
            </div>
            <h2>{t.review}</h2>
            <ol class="review-list">{review_list(content.as_deref(), &answers, l)}</ol>
        })
    };
    view! {
        <div class="page result" data-testid="live-game">
            <Show when=move || loaded.get() fallback=move || view! { <p role="status">{move || app.tr().loading}</p> }>
                {move || match view_game() {
                    Some(v) => v.into_any(),
                    None => view! { <NotFound /> }.into_any(),
                }}
            </Show>
        </div>
    }
}
