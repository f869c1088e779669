//! What each audience sees. A phone's and the projector's view of an open question is a
//! [`PlayerQuestion`], which has no field for the correct option: the key cannot reach a
//! phone before the question closes, whatever the server does with these types.

use super::code::JoinCode;
use super::game::PlayerId;
use super::leaderboard::LeaderRow;
use super::scoring::ScoringMode;
use super::team::{UnitBoard, UnitRow};
use crate::text::Text;
use serde::{Deserialize, Serialize};

/// An option as shown (in the game's display order).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionView {
    pub id: String,
    pub text: Text,
}

/// An open question as players and the projector see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlayerQuestion {
    pub index: u32,
    pub count: u32,
    pub question_id: String,
    pub stem: Text,
    pub options: Vec<OptionView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionCount {
    pub option_id: String,
    pub count: u32,
}

/// A closed question: now the key, the explanation and how the room answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevealView {
    pub index: u32,
    pub count: u32,
    pub question_id: String,
    pub stem: Text,
    pub options: Vec<OptionView>,
    pub correct_option: String,
    pub explanation: Text,
    /// Per option in display order.
    pub distribution: Vec<OptionCount>,
    /// Players in the game who gave no answer.
    pub no_answer: u32,
}

/// The phase as every phone sees it; one message serialized once for all phones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "phase", rename_all = "snake_case")]
pub enum PlayerView {
    Lobby {
        players: u32,
    },
    Question {
        question: PlayerQuestion,
        /// Time left for a player without extra time when the message was made; a
        /// player's own time is in [`PlayerStatus::remaining_ms`].
        remaining_ms: u64,
        allowed_ms: u64,
        paused: bool,
    },
    Reveal {
        reveal: RevealView,
    },
    Leaderboard {
        index: u32,
        count: u32,
        top: Vec<LeaderRow>,
        /// Team mode only.
        units: Option<UnitBoard>,
    },
    Podium {
        top: Vec<LeaderRow>,
        best_unit: Option<UnitRow>,
        units: Option<UnitBoard>,
    },
    Ended {
        top: Vec<LeaderRow>,
        units: Option<UnitBoard>,
    },
}

/// The projector: the phones' view plus the room.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectorView {
    pub code: JoinCode,
    pub question_count: u32,
    pub scoring: ScoringMode,
    pub team_mode: bool,
    pub players: u32,
    /// Answers in so far to the open question (0 otherwise).
    pub answered: u32,
    /// The lobby's newest names (empty after the start).
    pub recent_names: Vec<String>,
    pub phase: PlayerView,
}

/// One player in the presenter's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlayerRow {
    pub player: PlayerId,
    pub name: String,
    pub unit_name: String,
    pub guest: bool,
    pub total: u32,
    pub extra_time: bool,
    pub answered_current: bool,
}

/// The presenter's controls (the trainer's laptop or phone), never the projector.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HostView {
    pub projector: ProjectorView,
    /// The open question's correct option, for the presenter only.
    pub answer_key: Option<String>,
    /// Milliseconds until the open question closes by itself (none when paused or closed).
    pub closes_at_ms: Option<u64>,
    pub players: Vec<PlayerRow>,
}

/// The result of a closed question for one player.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionResult {
    pub index: u32,
    /// What they answered; none when they did not.
    pub option_id: Option<String>,
    pub correct_option: String,
    pub correct: bool,
    pub points: u32,
}

/// One player's own state, sent to that player only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlayerStatus {
    pub player: PlayerId,
    pub name: String,
    pub unit_name: String,
    pub total: u32,
    /// Questions answered right so far.
    pub correct_count: u32,
    pub answered: u32,
    pub streak: u32,
    /// Rank among all players as of the last closed question (none before the first).
    pub rank: Option<u32>,
    pub players: u32,
    /// The unit's rank in team mode (none when it has too few players).
    pub unit_rank: Option<u32>,
    pub extra_time: bool,
    /// The player's own time left on the open question.
    pub remaining_ms: Option<u64>,
    /// Their answer to the open question, locked in ("Jawaban terkirim").
    pub locked_in: Option<String>,
    /// The last closed question's result.
    pub last: Option<QuestionResult>,
}
