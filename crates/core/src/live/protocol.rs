//! The live game's WebSocket messages, JSON objects tagged by `type`. A player connection
//! and a host connection (presenter or projector) speak the same enums; the server refuses
//! host messages on a player connection. See docs/live-quiz.md "Messages".

use super::Coded;
use super::game::{Answer, AnswerAck, HostCommand, PlayerId};
use super::view::{HostView, PlayerStatus, PlayerView, ProjectorView};
use crate::sync::SyncRecord;
use crate::text::Text;
use serde::{Deserialize, Serialize};

/// From a phone or a console to the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ClientMsg {
    /// Join as the signed-in account (name and unit from the account; the fields are
    /// ignored) or, without a sign-in, as a guest with this name and unit.
    Join {
        #[serde(default)]
        name: String,
        #[serde(default)]
        unit_id: String,
    },
    /// Come back after a reload or a dropped connection, with the secret from `welcome`.
    Rejoin {
        secret: String,
    },
    Answer(Answer),
    /// Ask for extra time, or give it back.
    ExtraTime {
        on: bool,
    },
    /// Host only.
    Host(HostCommand),
}

/// From the server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ServerMsg {
    /// After `join` or `rejoin`: who the player is, the secret to rejoin with, and the
    /// records of the player's answers to closed questions that the server has stored (to
    /// store on the phone).
    Welcome {
        player: PlayerId,
        secret: String,
        question_count: u32,
        extra_time_allowed: bool,
        /// The value all questions belong to, if one ([`Game::value_id`]): the end screen
        /// links to its module.
        ///
        /// [`Game::value_id`]: super::game::Game::value_id
        #[serde(default)]
        value_id: Option<String>,
        #[serde(default)]
        records: Vec<SyncRecord>,
    },
    /// The phase as every phone sees it (shared by all phones).
    State { view: PlayerView },
    /// The player's own state (after each answer, at each close, on rejoin).
    You { status: PlayerStatus },
    /// The answer is locked in ("Jawaban terkirim").
    Ack(AnswerAck),
    /// After a question's close, to an account player who answered, once the server has
    /// stored it: the record to store on the phone; its id is the answer's id. (The server
    /// refuses a synced live answer it does not hold, `live_answer_unknown`.)
    Record { record: SyncRecord },
    /// A request was refused; `code` is stable, `message` can be shown.
    Refused {
        code: String,
        message: Text,
        /// The refused answer's id, when an answer was refused.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        answer_id: Option<uuid::Uuid>,
    },
    /// The host removed this player; the connection closes.
    Kicked,
    /// To the projector.
    Projector { view: ProjectorView },
    /// To the presenter's controls.
    Host { view: HostView },
}

impl ServerMsg {
    /// A refusal carrying any live error's code and both languages' message.
    pub fn refused(error: &impl Coded, answer_id: Option<uuid::Uuid>) -> ServerMsg {
        ServerMsg::Refused {
            code: error.code().to_owned(),
            message: error.text(),
            answer_id,
        }
    }

    /// Whether the message may go to a player's phone (never a host's view).
    pub fn for_players(&self) -> bool {
        !matches!(self, ServerMsg::Projector { .. } | ServerMsg::Host { .. })
    }
}
