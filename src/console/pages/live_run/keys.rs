//! The presenter's keys on the laptop: → is "next" (start in the lobby); Space pauses or
//! resumes an open question and is "next" otherwise. Space is ignored on a focused button or
//! link (the browser already presses it: it would act twice) and both keys in a text field.

use super::controls::{Control, enabled};
use super::phase::Phase;

/// Where the keyboard focus is when a key is pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// An input, a text area, a select or anything editable: keys are typing.
    Text,
    /// A button or a link: Space presses it.
    Button,
    Elsewhere,
}

/// The control a key stands for in this phase, if the phase allows it.
pub fn control_for(
    key: &str,
    focus: Focus,
    phase: Phase,
    paused: bool,
    players: u32,
) -> Option<Control> {
    if focus == Focus::Text {
        return None;
    }
    let next = if phase == Phase::Lobby {
        Control::Start
    } else {
        Control::Next
    };
    let control = match key {
        "ArrowRight" => next,
        " " | "Spacebar" if focus == Focus::Button => return None,
        " " | "Spacebar" if phase == Phase::Question => {
            if paused {
                Control::Resume
            } else {
                Control::Pause
            }
        }
        " " | "Spacebar" => next,
        _ => return None,
    };
    enabled(control, phase, paused, players).then_some(control)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn key(key: &str, phase: Phase, paused: bool) -> Option<Control> {
        control_for(key, Focus::Elsewhere, phase, paused, 3)
    }

    #[wasm_bindgen_test]
    fn arrow_right_starts_in_the_lobby_and_is_next_after() {
        assert_eq!(key("ArrowRight", Phase::Lobby, false), Some(Control::Start));
        for phase in [
            Phase::Question,
            Phase::Reveal,
            Phase::Leaderboard,
            Phase::Podium,
        ] {
            assert_eq!(
                key("ArrowRight", phase, false),
                Some(Control::Next),
                "{phase:?}"
            );
        }
        assert_eq!(key("ArrowRight", Phase::Ended, false), None);
    }

    #[wasm_bindgen_test]
    fn space_pauses_and_resumes_a_question_and_is_next_otherwise() {
        assert_eq!(key(" ", Phase::Question, false), Some(Control::Pause));
        assert_eq!(key(" ", Phase::Question, true), Some(Control::Resume));
        assert_eq!(key(" ", Phase::Lobby, false), Some(Control::Start));
        assert_eq!(key(" ", Phase::Reveal, false), Some(Control::Next));
        assert_eq!(key(" ", Phase::Leaderboard, false), Some(Control::Next));
        assert_eq!(key(" ", Phase::Ended, false), None);
    }

    #[wasm_bindgen_test]
    fn keys_do_nothing_while_typing_and_space_not_on_a_button() {
        assert_eq!(
            control_for(" ", Focus::Text, Phase::Question, false, 3),
            None
        );
        assert_eq!(
            control_for("ArrowRight", Focus::Text, Phase::Reveal, false, 3),
            None
        );
        assert_eq!(
            control_for(" ", Focus::Button, Phase::Question, false, 3),
            None
        );
        assert_eq!(
            control_for("ArrowRight", Focus::Button, Phase::Reveal, false, 3),
            Some(Control::Next)
        );
    }

    #[wasm_bindgen_test]
    fn other_keys_and_a_lobby_without_players_do_nothing() {
        assert_eq!(key("Enter", Phase::Reveal, false), None);
        assert_eq!(key("a", Phase::Question, false), None);
        assert_eq!(
            control_for("ArrowRight", Focus::Elsewhere, Phase::Lobby, false, 0),
            None
        );
    }
}
