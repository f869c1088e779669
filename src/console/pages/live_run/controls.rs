//! The presenter's controls and which of them the phase allows (docs/live-quiz.md "Phases"):
//! a button the server would refuse is not offered.

use super::phase::Phase;
use resapi_core::live::game::HostCommand;
use resapi_core::live::host_controls::{ControlPhase, host_allows};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    Start,
    Next,
    Pause,
    Resume,
    Skip,
    End,
}

impl Control {
    pub fn command(self) -> HostCommand {
        match self {
            Control::Start => HostCommand::Start,
            Control::Next => HostCommand::Next,
            Control::Pause => HostCommand::Pause,
            Control::Resume => HostCommand::Resume,
            Control::Skip => HostCommand::Skip,
            Control::End => HostCommand::End,
        }
    }
}

/// Whether `control` may be pressed now: when the game would take its command (core's rule,
/// `host_allows`), so a button the server would refuse is not offered.
pub fn enabled(control: Control, phase: Phase, paused: bool, players: u32) -> bool {
    let phase = match phase {
        Phase::Lobby => ControlPhase::Lobby,
        Phase::Question => ControlPhase::Question { paused },
        Phase::Reveal => ControlPhase::Reveal,
        Phase::Leaderboard => ControlPhase::Leaderboard,
        Phase::Podium => ControlPhase::Podium,
        Phase::Ended => ControlPhase::Ended,
    };
    host_allows(&control.command(), phase, players)
}

/// Whether a player may be kicked now: in every phase until the game has ended.
pub fn may_kick(phase: Phase) -> bool {
    phase != Phase::Ended
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    const ALL: [Control; 6] = [
        Control::Start,
        Control::Next,
        Control::Pause,
        Control::Resume,
        Control::Skip,
        Control::End,
    ];

    fn offered(phase: Phase, paused: bool, players: u32) -> Vec<Control> {
        ALL.into_iter()
            .filter(|c| enabled(*c, phase, paused, players))
            .collect()
    }

    #[wasm_bindgen_test]
    fn each_phase_offers_the_commands_the_rules_allow() {
        use Control::*;
        assert_eq!(offered(Phase::Lobby, false, 0), vec![End]);
        assert_eq!(offered(Phase::Lobby, false, 1), vec![Start, End]);
        assert_eq!(
            offered(Phase::Question, false, 5),
            vec![Next, Pause, Skip, End]
        );
        assert_eq!(
            offered(Phase::Question, true, 5),
            vec![Next, Resume, Skip, End]
        );
        assert_eq!(offered(Phase::Reveal, false, 5), vec![Next, End]);
        assert_eq!(offered(Phase::Leaderboard, false, 5), vec![Next, End]);
        assert_eq!(offered(Phase::Podium, false, 5), vec![Next, End]);
        assert_eq!(offered(Phase::Ended, false, 5), vec![]);
    }

    #[wasm_bindgen_test]
    fn players_can_be_kicked_until_the_game_ends() {
        assert!(may_kick(Phase::Lobby));
        assert!(may_kick(Phase::Podium));
        assert!(!may_kick(Phase::Ended));
    }
}
