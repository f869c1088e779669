//! The presenter (`/konsol/kuis/{id}`): the game as the host sees it (the open question's
//! key included), the controls the phase allows, the laptop's keys (→ and Space, see
//! `keys`), the players (to kick), and at the end the results. The same page on the
//! trainer's phone is a remote: a second presenter connection to the same game, its controls
//! first and full width.

use super::boards::{Distribution, LeaderTable, Options, Podium, UnitTable};
use super::console_msg::ConsoleMsg;
use super::controls::{Control, enabled};
use super::keys::{Focus, control_for};
use super::parts::Parts;
use super::phase::Phase;
use super::players::Players;
use super::timer_ring::TimerRing;
use super::{GameAddress, LinkStatus, join_url};
use crate::console::api;
use crate::console::i18n::live_run::{answered_of, control_label, live_tr, phase_name};
use crate::console::state::use_console;
use crate::download::offer_bytes;
use leptos::prelude::*;
use leptos::task::spawn_local;
use resapi_core::live::game::HostCommand;
use resapi_core::live::protocol::ClientMsg;
use resapi_core::live::view::{HostView, ProjectorView};
use resapi_core::text::Text;
use wasm_bindgen::JsCast;

/// What the presenter says went wrong with a command.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// The server's refusal (`refused {code, message}`).
    Server(Text),
    NotConnected,
}

#[component]
pub fn PresenterScreen(game: GameAddress) -> impl IntoView {
    let console = use_console();
    let lang = console.lang;
    let t = move || live_tr(lang.get());
    let host = RwSignal::new(None::<HostView>);
    let refusal = RwSignal::new(None::<Refusal>);
    let socket = game.connect(false, move |msg| match msg {
        ConsoleMsg::Host { view } => host.set(Some(*view)),
        ConsoleMsg::Refused { message } => refusal.set(Some(Refusal::Server(message))),
        _ => {}
    });
    let projector_view: Signal<Option<ProjectorView>> =
        Memo::new(move |_| host.with(|h| h.as_ref().map(|h| h.projector.clone()))).into();
    let parts = Parts::new(projector_view);
    let answer_key =
        Memo::new(move |_| host.with(|h| h.as_ref().and_then(|h| h.answer_key.clone())));

    let send = move |command: HostCommand| {
        refusal.set(None);
        if !socket.send(&ClientMsg::Host(command)) {
            refusal.set(Some(Refusal::NotConnected));
        }
    };
    let confirm_end = RwSignal::new(false);
    let press = move |control: Control| {
        if control == Control::End {
            confirm_end.set(true);
        } else {
            send(control.command());
        }
    };
    let allowed = move |control: Control| {
        parts
            .phase
            .get()
            .is_some_and(|p| enabled(control, p, parts.paused.get(), parts.players.get()))
    };

    // The laptop's keys. Ignored while a confirmation is open, with a modifier held, or
    // repeating (a key held down must not run through the whole quiz).
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.repeat()
            || ev.ctrl_key()
            || ev.alt_key()
            || ev.meta_key()
            || confirm_end.get_untracked()
        {
            return;
        }
        let Some(phase) = parts.phase.get_untracked() else {
            return;
        };
        let focus = focus_of(ev.target());
        let key = ev.key();
        if let Some(control) = control_for(
            &key,
            focus,
            phase,
            parts.paused.get_untracked(),
            parts.players.get_untracked(),
        ) {
            ev.prevent_default();
            press(control);
        }
    });
    on_cleanup(move || keys.remove());

    let heading = move || {
        let (index, count) = parts.position.get();
        parts
            .phase
            .get()
            .map(|p| phase_name(lang.get(), p, index, count))
            .unwrap_or_else(|| t().connecting.to_owned())
    };
    let button = move |control: Control| {
        view! {
            <button type="button" class="btn live-btn" class:btn-primary=matches!(control, Control::Start | Control::Next)
                class:btn-secondary=matches!(control, Control::Pause | Control::Resume | Control::Skip)
                class:live-end=control == Control::End
                data-control=format!("{control:?}").to_lowercase()
                disabled=move || !allowed(control)
                on:click=move |_| press(control)>
                {move || control_label(lang.get(), control)}
            </button>
        }
    };
    let pause_or_resume = move || {
        if parts.paused.get() {
            button(Control::Resume)
        } else {
            button(Control::Pause)
        }
    };
    let open_projector = move |ev: leptos::ev::MouseEvent| {
        // window.open (not a plain link): the new tab gets a copy of this tab's sign-in,
        // which lives in sessionStorage.
        if let Some(w) = web_sys::window()
            && w.open_with_url_and_target(&game.projector(), "_blank")
                .ok()
                .flatten()
                .is_some()
        {
            ev.prevent_default();
        }
    };
    let refusal_text = move || {
        refusal.get().map(|r| match r {
            Refusal::Server(text) => text.get(lang.get()).to_owned(),
            Refusal::NotConnected => t().not_connected.to_owned(),
        })
    };

    view! {
        <div class="page console-page live-run" data-testid="presenter"
            data-phase=move || parts.phase.get().map_or("connecting", Phase::slug)>
            <h1>{move || t().presenter_title}</h1>
            <p class="live-status"><LinkStatus link=socket.link lang /></p>
            <section class="live-controls" aria-label=move || t().controls_label>
                <div class="live-buttons">
                    {button(Control::Start)}
                    {button(Control::Next)}
                    {pause_or_resume}
                    {button(Control::Skip)}
                    {button(Control::End)}
                </div>
                <Show when=move || confirm_end.get()>
                    <div class="live-confirm" role="alertdialog" aria-labelledby="end-question">
                        <p id="end-question">{move || t().end_question}</p>
                        <button type="button" class="btn live-end" on:click=move |_| { confirm_end.set(false); send(HostCommand::End); }>
                            {move || t().end_yes}
                        </button>
                        <button type="button" class="btn btn-secondary" on:click=move |_| confirm_end.set(false)>{move || t().cancel}</button>
                    </div>
                </Show>
                <p class="form-error live-refusal" role="alert" data-testid="live-refusal" hidden=move || refusal.with(Option::is_none)>
                    {refusal_text}
                </p>
                <p class="hint live-keys">{move || t().keys_hint}</p>
                <p class="hint live-remote" data-testid="live-remote">
                    {move || t().remote_hint}" "<strong>{presenter_url}</strong>
                </p>
            </section>
            <section class="live-now" aria-labelledby="live-phase">
                <h2 id="live-phase" data-testid="live-phase">{heading}</h2>
                {move || parts.phase.get().map(|p| now_showing(p, game, parts, answer_key, lang))}
            </section>
            <p>
                <a class="btn btn-secondary" href=game.projector() target="_blank" data-testid="open-projector" on:click=open_projector>
                    {move || t().open_projector}
                </a>
            </p>
            <Players host parts lang send=Callback::new(send) />
        </div>
    }
}

/// This page's address without its query, for the trainer's phone (the remote).
fn presenter_url() -> String {
    web_sys::window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default()
}

/// Whether the console was opened at this computer's own address (`localhost`): the QR code
/// and the join link carry it, and no phone can reach it.
fn on_loopback() -> bool {
    let host = web_sys::window()
        .and_then(|w| w.location().hostname().ok())
        .unwrap_or_default();
    super::is_loopback(&host)
}

/// Where the focus is, for the keys' rules.
fn focus_of(target: Option<web_sys::EventTarget>) -> Focus {
    let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return Focus::Elsewhere;
    };
    if el.is_content_editable() {
        return Focus::Text;
    }
    match el.tag_name().to_ascii_uppercase().as_str() {
        "INPUT" | "TEXTAREA" | "SELECT" => Focus::Text,
        "BUTTON" | "A" | "SUMMARY" => Focus::Button,
        _ => Focus::Elsewhere,
    }
}

/// The phase on the presenter's screen (built again only when the phase changes).
fn now_showing(
    phase: Phase,
    game: GameAddress,
    parts: Parts,
    answer_key: Memo<Option<String>>,
    lang: RwSignal<resapi_core::Lang>,
) -> AnyView {
    let t = move || live_tr(lang.get());
    match phase {
        Phase::Lobby => view! {
            <div class="live-lobby">
                <p class="live-code">{move || t().join_code}" "<strong data-testid="live-code">{move || parts.code.get()}</strong></p>
                <p>{move || t().join_at}" "<strong>{move || join_url(&parts.code.get())}</strong></p>
                {on_loopback().then(|| view! { <p class="form-error" role="note" data-testid="live-loopback">{move || t().loopback}</p> })}
                <p class="live-joined"><strong data-testid="live-joined">{move || parts.players.get()}</strong>" "{move || t().joined}</p>
                <Show when=move || parts.players.get() == 0>
                    <p class="hint">{move || t().waiting_for_players}</p>
                </Show>
            </div>
        }
        .into_any(),
        Phase::Question => {
            let options = Signal::derive(move || parts.question.with(|q| q.as_ref().map(|q| q.options.clone()).unwrap_or_default()));
            view! {
                <div class="live-question">
                    <div class="live-q-head">
                        <TimerRing countdown=parts.countdown label=Signal::derive(move || t().time_left) />
                        <p class="live-answered" data-testid="live-answered">{move || answered_of(lang.get(), parts.answered.get(), parts.players.get())}</p>
                        <Show when=move || parts.paused.get()><p class="live-paused">"⏸ "{move || t().paused}</p></Show>
                    </div>
                    <p class="live-stem" data-testid="live-stem">{move || parts.question.with(|q| q.as_ref().map(|q| q.stem.get(lang.get()).to_owned()))}</p>
                    <p class="hint">{move || t().answer_key}</p>
                    <Options options key=answer_key lang />
                </div>
            }
            .into_any()
        }
        Phase::Reveal => view! { <Distribution reveal=parts.reveal lang /> }.into_any(),
        Phase::Leaderboard => view! {
            <LeaderTable rows=parts.top caption=Signal::derive(move || t().leaderboard) lang />
            <UnitTable units=parts.units lang />
        }
        .into_any(),
        Phase::Podium => view! { <Podium top=parts.top best_unit=parts.best_unit lang /> }.into_any(),
        Phase::Ended => view! {
            <div class="live-ended">
                <p class="live-results">
                    <a class="btn btn-primary" href=game.results() data-testid="results-link">{move || t().results_page}</a>
                    " "
                    <ResultsCsv game lang />
                </p>
                <LeaderTable rows=parts.top caption=Signal::derive(move || t().final_board) lang />
                <UnitTable units=parts.units lang />
            </div>
        }
        .into_any(),
    }
}

/// "Unduh hasil (CSV)": the export needs the bearer header, so it is fetched and offered.
#[component]
fn ResultsCsv(game: GameAddress, lang: RwSignal<resapi_core::Lang>) -> impl IntoView {
    let console = use_console();
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(None::<String>);
    let fetch = move |_| {
        let Some(token) = console.token() else { return };
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        failed.set(None);
        spawn_local(async move {
            match api::file(&format!("/live/games/{}/results.csv", game.id), &token).await {
                Ok((name, bytes)) => offer_bytes(&name, &bytes, "text/csv"),
                Err(e) => {
                    console.failed(&e);
                    failed.set(Some(e.to_string()));
                }
            }
            busy.set(false);
        });
    };
    view! {
        <button type="button" class="btn btn-secondary" data-testid="results-csv" disabled=move || busy.get() on:click=fetch>
            {move || live_tr(lang.get()).results_csv}
        </button>
        <span role="status">
            {move || busy.get().then(|| live_tr(lang.get()).downloading)}
            {move || failed.get()}
        </span>
    }
}
