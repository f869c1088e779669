//! The projector (`/konsol/kuis/{id}/layar`, a tab of its own without the console's header):
//! read-only (`?view=projector`), big type and high contrast for the back of a hall at 720p
//! and 1080p. Each phase's screen is built once and then updated in place from memos.

use super::boards::{Distribution, LeaderTable, Options, Podium, UnitTable};
use super::console_msg::ConsoleMsg;
use super::parts::Parts;
use super::phase::Phase;
use super::timer_ring::TimerRing;
use super::{GameAddress, LinkStatus, join_url};
use crate::api::{BASE, bearer};
use crate::console::i18n::live_run::{answered_of, live_tr, phase_name};
use crate::console::state::use_console;
use leptos::prelude::*;
use leptos::task::spawn_local;
use resapi_core::live::view::ProjectorView;

#[component]
pub fn ProjectorScreen(game: GameAddress) -> impl IntoView {
    let console = use_console();
    let lang = console.lang;
    let t = move || live_tr(lang.get());
    let view = RwSignal::new(None::<ProjectorView>);
    let socket = game.connect(true, move |msg| {
        if let ConsoleMsg::Projector { view: v } = msg {
            view.set(Some(*v));
        }
    });
    let parts = Parts::new(view.into());
    let qr = RwSignal::new(None::<String>);
    load_qr(&game, console.token().unwrap_or_default(), qr);

    let heading = move || {
        let (index, count) = parts.position.get();
        parts
            .phase
            .get()
            .map(|p| phase_name(lang.get(), p, index, count))
            .unwrap_or_default()
    };
    let screen = move || {
        match parts.phase.get() {
            None => view! { <p class="proj-wait">{move || t().connecting}</p> }.into_any(),
            Some(Phase::Lobby) => view! { <Lobby parts qr /> }.into_any(),
            Some(Phase::Question) => view! { <QuestionStage parts /> }.into_any(),
            Some(Phase::Reveal) => view! {
                <section class="proj-reveal">
                    <p class="proj-kicker">{heading}</p>
                    <h1 class="proj-stem" data-testid="proj-stem">{move || parts.reveal.with(|r| r.as_ref().map(|r| r.stem.get(lang.get()).to_owned()))}</h1>
                    <Distribution reveal=parts.reveal lang />
                </section>
            }
            .into_any(),
            Some(Phase::Leaderboard) => view! {
                <section class="proj-boards">
                    <h1>{heading}</h1>
                    <LeaderTable rows=parts.top caption=Signal::derive(move || t().leaderboard) lang />
                    <UnitTable units=parts.units lang />
                </section>
            }
            .into_any(),
            Some(Phase::Podium) => view! {
                <section class="proj-podium">
                    <h1>{move || t().podium}</h1>
                    <Podium top=parts.top best_unit=parts.best_unit lang />
                </section>
            }
            .into_any(),
            Some(Phase::Ended) => view! {
                <section class="proj-boards">
                    <h1>{move || t().ended}</h1>
                    <LeaderTable rows=parts.top caption=Signal::derive(move || t().final_board) lang />
                    <UnitTable units=parts.units lang />
                </section>
            }
            .into_any(),
        }
    };
    let fullscreen = move |_| {
        let doc = web_sys::window().and_then(|w| w.document());
        if let Some(doc) = doc {
            if doc.fullscreen_element().is_some() {
                doc.exit_fullscreen();
            } else if let Some(root) = doc.document_element() {
                let _ = root.request_fullscreen();
            }
        }
    };
    view! {
        <div class="projector" data-testid="projector"
            data-phase=move || parts.phase.get().map_or("connecting", Phase::slug)>
            <div class="proj-bar">
                <span class="proj-brand">"Resapi · "{move || t().projector_title}</span>
                <Show when=move || parts.phase.get().is_some_and(|p| p != Phase::Lobby)>
                    <span class="proj-code-small">{move || t().join_code}" "<strong>{move || parts.code.get()}</strong></span>
                </Show>
                <span class="proj-link"><LinkStatus link=socket.link lang quiet_when_open=true /></span>
                <button type="button" class="btn btn-secondary btn-small proj-full" on:click=fullscreen>{move || t().fullscreen}</button>
            </div>
            <p class="visually-hidden" aria-live="polite" data-testid="proj-announce">{heading}</p>
            <Show when=move || parts.paused.get()>
                <p class="proj-paused" data-testid="proj-paused">"⏸ "{move || t().paused}</p>
            </Show>
            <div class="proj-stage">{screen}</div>
        </div>
    }
}

/// Fetches the QR code (the endpoint needs the bearer header, which an `<img>` cannot send)
/// and keeps it as a `data:` address, which the page's CSP allows for images.
fn load_qr(game: &GameAddress, token: String, qr: RwSignal<Option<String>>) {
    let url = format!("{BASE}/live/games/{}/qr.svg", game.id);
    spawn_local(async move {
        let req = gloo_net::http::Request::get(&url).header("Authorization", &bearer(&token));
        let Ok(resp) = req.send().await else { return };
        if !resp.ok() {
            return;
        }
        if let Ok(svg) = resp.text().await {
            let encoded = String::from(js_sys::encode_uri_component(&svg));
            qr.try_set(Some(format!("data:image/svg+xml;charset=utf-8,{encoded}")));
        }
    });
}

#[component]
fn Lobby(parts: Parts, qr: RwSignal<Option<String>>) -> impl IntoView {
    let lang = use_console().lang;
    let t = move || live_tr(lang.get());
    let url = move || join_url(&parts.code.get());
    // Newest first; equal names told apart by how many came before (a stable key).
    let names = move || {
        let names = parts.names.get();
        let mut seen = std::collections::HashMap::<String, u32>::new();
        let mut keyed: Vec<(String, u32)> = names
            .into_iter()
            .map(|n| {
                let k = seen.entry(n.clone()).or_default();
                *k += 1;
                (n, *k)
            })
            .collect();
        keyed.reverse();
        keyed
    };
    let digits = move || {
        let code = parts.code.get();
        let (a, b) = code.split_at(code.len().min(3));
        (a.to_owned(), b.to_owned())
    };
    view! {
        <section class="proj-lobby">
            <div class="proj-qr">
                {move || qr.get().map(|src| view! { <img src=src alt=move || t().qr_alt data-testid="proj-qr" /> })}
                <h1>{move || t().scan_to_join}</h1>
            </div>
            <div class="proj-join">
                <p class="proj-join-at">{move || t().join_at}" "<strong data-testid="proj-url">{url}</strong></p>
                <p class="proj-code" data-testid="proj-code">
                    <span class="visually-hidden">{move || t().join_code}" "</span>
                    <span>{move || digits().0}</span><span class="code-gap">{move || digits().1}</span>
                </p>
                <p class="proj-joined"><strong data-testid="proj-joined">{move || parts.players.get()}</strong>" "
                    <span>{move || t().joined}</span>
                </p>
                <ul class="proj-names" data-testid="proj-names" aria-label=move || t().players_title>
                    <For each=names key=|k| k.clone() let:item>
                        <li>{item.0}</li>
                    </For>
                </ul>
            </div>
        </section>
    }
}

#[component]
fn QuestionStage(parts: Parts) -> impl IntoView {
    let lang = use_console().lang;
    let t = move || live_tr(lang.get());
    let heading = move || {
        let (index, count) = parts.position.get();
        phase_name(lang.get(), Phase::Question, index, count)
    };
    let stem = move || {
        parts
            .question
            .with(|q| q.as_ref().map(|q| q.stem.get(lang.get()).to_owned()))
    };
    let options = Signal::derive(move || {
        parts
            .question
            .with(|q| q.as_ref().map(|q| q.options.clone()).unwrap_or_default())
    });
    view! {
        <section class="proj-question">
            <div class="proj-q-head">
                <p class="proj-kicker">{heading}</p>
                <TimerRing countdown=parts.countdown label=Signal::derive(move || t().time_left) />
                <p class="proj-answered" data-testid="proj-answered">{move || answered_of(lang.get(), parts.answered.get(), parts.players.get())}</p>
            </div>
            <h1 class="proj-stem" data-testid="proj-stem">{stem}</h1>
            <Options options key=Signal::derive(|| None::<String>) lang />
        </section>
    }
}
