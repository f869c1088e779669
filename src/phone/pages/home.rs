//! Home: the seven values, the way into practice (or back into a session in progress),
//! "Gabung kuis" for a live quiz, the competitions (*lomba*), *ASN Inspiratif*, and the sync
//! status.
//!
//! Nothing moves under a finger: the parts read from the store (the streak, a due check-in,
//! the review card, a session in progress) load before the page below the greeting shows,
//! so a card that arrives late never pushes a button down as it is tapped.

use super::home_signed_in::LazySignedInHome;
use super::join_quiz::JoinQuiz;
use crate::components::sync_indicator::SyncIndicator;
use crate::phone::i18n;
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn HomePage() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let cards_ready = RwSignal::new(false);
    let signed_in = move || app.session.with(Option::is_some);
    let loaded = move || !signed_in() || cards_ready.get();
    let values = move || {
        app.content
            .get()
            .map(|c| c.values.clone())
            .unwrap_or_default()
    };
    view! {
        <div class="page home">
            {move || match app.session.get() {
                Some(s) => view! {
                    <h1>{i18n::hello(lang.get(), &s.account.name)}</h1>
                }.into_any(),
                None => {
                    view! {
                        <h1>"Resapi"</h1>
                        <p class="lead">{move || app.tr().guest_intro}</p>
                        <div class="actions">
                            <A href="/masuk" attr:class="btn btn-primary">{move || app.tr().login}</A>
                            <A href="/daftar" attr:class="btn btn-secondary">{move || app.tr().register}</A>
                        </div>
                    }.into_any()
                }
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
            <section aria-labelledby="values-heading">
                <h2 id="values-heading">{move || app.tr().values_heading}</h2>
                <p class="hint" data-testid="values-basis">{move || app.tr().values_basis}</p>
                <Show when=move || app.content_missing()>
                    <p class="hint">{move || app.tr().no_content}</p>
                </Show>
                <ul class="value-list">
                    <For each=values key=|v| v.id.clone() let(v)>
                        <li class="value-card">
                            <h3>{
                                let name = v.name.clone();
                                move || name.get(lang.get()).to_owned()
                            }</h3>
                            <p>{move || v.summary.get(lang.get()).to_owned()}</p>
                        </li>
                    </For>
                </ul>
            </section>
            </div>
        </div>
    }
}
