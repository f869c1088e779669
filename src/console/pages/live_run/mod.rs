//! Running a live quiz (*Kuis Apel*, docs/live-quiz.md) from the console: the presenter at
//! `/konsol/kuis/{id}` (controls, keys, the players; also the trainer's phone as a remote)
//! and the projector at `/konsol/kuis/{id}/layar` (the big screen, read-only). Both speak the
//! game's WebSocket (`socket`); the pure rules of what a key or a button does are in `keys`
//! and `controls`.

mod boards;
pub mod clock;
mod console_msg;
pub mod controls;
pub mod keys;
mod parts;
pub mod phase;
mod players;
mod presenter;
mod projector;
mod socket;
mod timer_ring;

use crate::console::i18n::live_run::{live_tr, reconnecting};
use crate::console::state::use_console;
use console_msg::ConsoleMsg;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use resapi_core::Lang;
use socket::{Link, LiveSocket};
use uuid::Uuid;

/// The game a screen runs, from the address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GameAddress {
    pub id: Uuid,
}

impl GameAddress {
    /// The socket's path and query; the projector's is read-only.
    pub fn socket_path(&self, projector: bool, token: &str) -> String {
        let token = String::from(js_sys::encode_uri_component(token));
        let view = if projector { "&view=projector" } else { "" };
        format!("/api/v1/live/games/{}/ws?token={token}{view}", self.id)
    }

    /// Opens the game's socket as the signed-in trainer; a token the server no longer knows
    /// ends the sign-in here (the login screen shows).
    fn connect(&self, projector: bool, on_message: impl Fn(ConsoleMsg) + 'static) -> LiveSocket {
        let console = use_console();
        let token = console.token().unwrap_or_default();
        LiveSocket::open(self.socket_path(projector, &token), on_message, move || {
            console.sign_out()
        })
    }

    pub fn presenter(&self) -> String {
        format!("/konsol/kuis/{}", self.id)
    }

    pub fn projector(&self) -> String {
        format!("/konsol/kuis/{}/layar", self.id)
    }

    /// The game's results screen (built with the quiz list).
    pub fn results(&self) -> String {
        format!("/konsol/kuis/{}/hasil", self.id)
    }
}

/// The phones' join link as people type it: this server's address and `/gabung/<code>`.
pub fn join_url(code: &str) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}/gabung/{code}")
}

/// Whether `host` (a URL's host name) names the computer itself, which phones cannot reach.
pub fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host.to_ascii_lowercase().ends_with(".localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// The game id in the address, or a sentence that this is no quiz.
#[component]
fn WithGame(children: impl Fn(GameAddress) -> AnyView + Send + Sync + 'static) -> impl IntoView {
    let params = use_params_map();
    let lang = use_console().lang;
    move || {
        let id = params
            .with(|p| p.get("id"))
            .and_then(|id| Uuid::parse_str(&id).ok());
        match id {
            Some(id) => children(GameAddress { id }),
            None => view! {
                <div class="page console-page"><h1>{move || live_tr(lang.get()).no_such_game}</h1></div>
            }
            .into_any(),
        }
    }
}

#[component]
pub fn PresenterPage() -> impl IntoView {
    view! { <WithGame children=|game| view! { <presenter::PresenterScreen game /> }.into_any() /> }
}

#[component]
pub fn ProjectorPage() -> impl IntoView {
    view! { <WithGame children=|game| view! { <projector::ProjectorScreen game /> }.into_any() /> }
}

/// Whether `path` is a projector's address (shown without the console's header and nav).
pub fn is_projector_path(path: &str) -> bool {
    path.starts_with("/konsol/kuis/") && path.trim_end_matches('/').ends_with("/layar")
}

/// The connection in words: connecting, reconnecting (with the wait), or the server's
/// refusal; nothing on the projector while all is well.
#[component]
fn LinkStatus(
    link: RwSignal<Link>,
    lang: RwSignal<Lang>,
    #[prop(optional)] quiet_when_open: bool,
) -> impl IntoView {
    let text = move || {
        let t = live_tr(lang.get());
        match link.get() {
            Link::Connecting => t.connecting.to_owned(),
            Link::Open if quiet_when_open => String::new(),
            Link::Open => t.connected.to_owned(),
            Link::Reconnecting { seconds } => reconnecting(lang.get(), seconds),
            Link::Refused(e) => e.to_string(),
        }
    };
    let state = move || match link.get() {
        Link::Connecting => "connecting",
        Link::Open => "open",
        Link::Reconnecting { .. } => "reconnecting",
        Link::Refused(_) => "refused",
    };
    view! { <span class="live-link" role="status" data-testid="live-link" data-state=state>{text}</span> }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn a_console_at_localhost_is_told_phones_cannot_reach_it() {
        for host in [
            "localhost",
            "LOCALHOST",
            "127.0.0.1",
            "127.1.2.3",
            "[::1]",
            "resapi.localhost",
        ] {
            assert!(is_loopback(host), "{host}");
        }
        for host in [
            "192.168.43.10",
            "10.0.0.5",
            "resapi.example.go.id",
            "[fe80::1]",
            "",
        ] {
            assert!(!is_loopback(host), "{host}");
        }
    }

    #[wasm_bindgen_test]
    fn only_the_projector_goes_without_the_console_frame() {
        assert!(is_projector_path(
            "/konsol/kuis/0190aa00-0000-7000-8000-000000000000/layar"
        ));
        assert!(is_projector_path(
            "/konsol/kuis/0190aa00-0000-7000-8000-000000000000/layar/"
        ));
        assert!(!is_projector_path(
            "/konsol/kuis/0190aa00-0000-7000-8000-000000000000"
        ));
        assert!(!is_projector_path("/konsol/kuis"));
        assert!(!is_projector_path("/konsol/dasbor"));
    }

    #[wasm_bindgen_test]
    fn the_projector_socket_is_read_only_and_carries_the_token() {
        let game = GameAddress { id: Uuid::nil() };
        assert_eq!(
            game.socket_path(true, "a b"),
            "/api/v1/live/games/00000000-0000-0000-0000-000000000000/ws?token=a%20b&view=projector"
        );
        assert!(!game.socket_path(false, "t").contains("view="));
    }
}
