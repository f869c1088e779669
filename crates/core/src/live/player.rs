//! Who plays: a player's number in the game, their unit, and how they join.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A player's number in this game (0, 1, 2 … in order of joining).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PlayerId(pub u32);

/// A unit as the game shows it (the server resolves the id to its name).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitRef {
    pub id: String,
    pub name: String,
}

/// Who asks to join.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Joiner {
    /// A signed-in account: name and unit come from the account.
    Account {
        account_id: Uuid,
        name: String,
        unit: UnitRef,
    },
    /// A guest (when the game allows guests): a typed name and a chosen unit.
    Guest { name: String, unit: UnitRef },
}

/// The result of a join: the player's number and the secret that rejoins them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Joined {
    pub player: PlayerId,
    pub secret: String,
    /// True when an account that was already in the game came back.
    pub rejoined: bool,
}
