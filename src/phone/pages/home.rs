//! Home: the seven values, the way into practice (or back into a session in progress),
//! "Gabung kuis" for a live quiz, the competitions (*lomba*), *ASN Inspiratif*, and the sync
//! status.
//!
//! Nothing moves under a finger: the parts read from the store (the streak, a due check-in,
//! the review card, a session in progress) load before the page below the greeting shows,
//! so a card that arrives late never pushes a button down as it is tapped.

use super::home_guest::GuestWelcome;
use super::home_signed_in::LazySignedInHome;
use super::home_values::ValuesSection;
use super::join_quiz::JoinQuiz;
use crate::components::sync_indicator::SyncIndicator;
use crate::phone::i18n;
use crate::state::use_app;
use leptos::prelude::*;

#[component]
pub fn HomePage() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let cards_ready = RwSignal::new(false);
    let signed_in = move || app.session.with(Option::is_some);
    let loaded = move || !signed_in() || cards_ready.get();
    view! {
        <div class="page home">
            {move || match app.session.get() {
                Some(s) => view! {
                    <h1>{i18n::hello(lang.get(), &s.account.name)}</h1>
                }.into_any(),
                None => view! { <GuestWelcome /> }.into_any(),
            }}
            <Show when=move || !loaded()>
                <p class="visually-hidden" role="status">{move || app.tr().loading}</p>
            </Show>
            <div class="home-body" hidden=move || !loaded()>
            <Show when=signed_in>
                <LazySignedInHome ready=cards_ready />
            </Show>
            <div class="actions">
                <JoinQuiz />
            </div>
            <SyncIndicator />
            <ValuesSection />
            </div>
        </div>
    }
}
