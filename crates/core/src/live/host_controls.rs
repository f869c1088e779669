//! Which host commands a game takes in each phase (docs/live-quiz.md "Phases"), as one rule
//! for the game's state machine and the presenter's buttons: a button the game would refuse
//! is not offered.

use super::game::HostCommand;

/// A game's phase as the presenter's controls tell them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ControlPhase {
    Lobby,
    Question { paused: bool },
    Reveal,
    Leaderboard,
    Podium,
    Ended,
}

/// Whether the game takes `command` in `phase` with `players` still in it. `start` needs one
/// player (`live_no_players`); `kick` is taken in every phase (a screen may still choose
/// not to offer it after the end).
pub fn host_allows(command: &HostCommand, phase: ControlPhase, players: u32) -> bool {
    use ControlPhase as P;
    match command {
        HostCommand::Start => phase == P::Lobby && players > 0,
        HostCommand::Next => matches!(
            phase,
            P::Question { .. } | P::Reveal | P::Leaderboard | P::Podium
        ),
        HostCommand::Pause => phase == P::Question { paused: false },
        HostCommand::Resume => phase == P::Question { paused: true },
        HostCommand::Skip => matches!(phase, P::Question { .. }),
        HostCommand::End => phase != P::Ended,
        HostCommand::Kick { .. } => true,
    }
}
