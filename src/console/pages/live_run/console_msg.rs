//! The server's messages as a console screen reads them: the host's and the projector's
//! views and refusals. The phones' messages (`welcome`, `you`, `record` …) are skipped
//! unread, so the console's wasm carries no code to parse them (the protocol's full
//! `ServerMsg` would bring a player's status and records along).

use resapi_core::Text;
use resapi_core::live::view::{HostView, ProjectorView};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ConsoleMsg {
    Host {
        view: Box<HostView>,
    },
    Projector {
        view: Box<ProjectorView>,
    },
    /// `refused {code, message, answer_id?}`: the message is shown.
    Refused {
        message: Text,
    },
    #[serde(other)]
    Other,
}

#[cfg(test)]
mod tests {
    use super::*;
    use resapi_core::live::code::JoinCode;
    use resapi_core::live::protocol::ServerMsg;
    use resapi_core::live::scoring::ScoringMode;
    use resapi_core::live::view::PlayerView;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn read(msg: &ServerMsg) -> ConsoleMsg {
        serde_json::from_str(&serde_json::to_string(msg).unwrap()).unwrap()
    }

    fn projector() -> ProjectorView {
        ProjectorView {
            code: JoinCode::parse("482913").unwrap(),
            question_count: 3,
            scoring: ScoringMode::AccuracyOnly,
            team_mode: true,
            players: 2,
            answered: 0,
            recent_names: vec!["Tamu Satu".into()],
            phase: PlayerView::Lobby { players: 2 },
        }
    }

    /// What the server writes (core's `ServerMsg`) is what the console reads.
    #[wasm_bindgen_test]
    fn the_console_reads_the_servers_host_projector_and_refused_messages() {
        let view = projector();
        match read(&ServerMsg::Projector { view: view.clone() }) {
            ConsoleMsg::Projector { view: read } => assert_eq!(*read, view),
            other => panic!("{other:?}"),
        }
        let host = HostView {
            projector: view,
            answer_key: Some("b".into()),
            closes_at_ms: None,
            players: Vec::new(),
        };
        match read(&ServerMsg::Host { view: host.clone() }) {
            ConsoleMsg::Host { view } => assert_eq!(*view, host),
            other => panic!("{other:?}"),
        }
        let refused = ServerMsg::Refused {
            code: "live_wrong_phase".into(),
            message: Text::new("Tidak bisa sekarang", "Not now"),
            answer_id: None,
        };
        match read(&refused) {
            ConsoleMsg::Refused { message } => assert_eq!(message.id, "Tidak bisa sekarang"),
            other => panic!("{other:?}"),
        }
    }

    #[wasm_bindgen_test]
    fn a_phones_message_is_skipped() {
        assert!(matches!(read(&ServerMsg::Kicked), ConsoleMsg::Other));
        let state = ServerMsg::State {
            view: PlayerView::Lobby { players: 1 },
        };
        assert!(matches!(read(&state), ConsoleMsg::Other));
    }
}
