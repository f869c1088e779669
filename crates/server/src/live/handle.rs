//! What a connection holds of a running game: the sender of commands to its task and the
//! shared, latest broadcasts (one serialization per change, read by every connection).

use resapi_core::live::code::JoinCode;
use resapi_core::live::game::{Answer, GameError, HostCommand, Joiner, PlayerId};
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot, watch};
use uuid::Uuid;

/// Messages for one connection only (welcome, acks, own status, records, refusals): small
/// and bounded, so a stalled phone costs the game a few messages, never a wait. A full
/// outbox disconnects that phone (it rejoins and gets its state afresh).
pub type Outbox = mpsc::Sender<Arc<str>>;

/// A connection's number, so that a late goodbye from a replaced connection does not
/// unhook the player's new one.
pub type ConnId = u64;

/// To a game's task.
pub enum Command {
    /// A new player (or an account coming back): on success the task sends `welcome`,
    /// the player's status and records through `outbox`, and from then on its messages.
    Join {
        joiner: Joiner,
        conn: ConnId,
        outbox: Outbox,
        reply: oneshot::Sender<Result<PlayerId, GameError>>,
    },
    /// A player coming back with the secret from `welcome`.
    Rejoin {
        secret: String,
        conn: ConnId,
        outbox: Outbox,
        reply: oneshot::Sender<Result<PlayerId, GameError>>,
    },
    /// Answered with `ack` or `refused` through the player's outbox.
    Answer {
        player: PlayerId,
        answer: Answer,
    },
    ExtraTime {
        player: PlayerId,
        on: bool,
    },
    /// A presenter's command.
    Host {
        command: HostCommand,
        reply: oneshot::Sender<Result<(), GameError>>,
    },
    /// A player's connection closed.
    Left {
        player: PlayerId,
        conn: ConnId,
    },
    /// The report now (history and CSV of a running game).
    Report {
        reply: oneshot::Sender<super::StoredReport>,
    },
}

/// A running game as the registry and the connections see it.
#[derive(Clone)]
pub struct GameHandle {
    pub id: Uuid,
    pub code: JoinCode,
    pub owner: Uuid,
    pub commands: mpsc::Sender<Command>,
    /// The latest `state` message every phone shows.
    pub players: watch::Receiver<Arc<str>>,
    /// The latest `projector` message.
    pub projector: watch::Receiver<Arc<str>>,
    /// The latest `host` message (with the key: presenters only).
    pub host: watch::Receiver<Arc<str>>,
    /// Whether the game accepts guests (checked before asking a guest's unit).
    pub guests_allowed: bool,
}

impl GameHandle {
    /// Sends a command; false when the game's task has stopped (the game expired).
    pub async fn send(&self, command: Command) -> bool {
        self.commands.send(command).await.is_ok()
    }
}
