//! The phase of a game as the console's live screens tell them apart: which screen the
//! projector shows and which controls the presenter offers. A question that only changes its
//! counts stays the same phase, so a screen is built once per phase and then updated in place.

use resapi_core::live::view::PlayerView;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Lobby,
    Question,
    Reveal,
    Leaderboard,
    Podium,
    Ended,
}

impl Phase {
    pub fn of(view: &PlayerView) -> Phase {
        match view {
            PlayerView::Lobby { .. } => Phase::Lobby,
            PlayerView::Question { .. } => Phase::Question,
            PlayerView::Reveal { .. } => Phase::Reveal,
            PlayerView::Leaderboard { .. } => Phase::Leaderboard,
            PlayerView::Podium { .. } => Phase::Podium,
            PlayerView::Ended { .. } => Phase::Ended,
        }
    }

    /// The name a stylesheet and a test read (`data-phase`).
    pub fn slug(self) -> &'static str {
        match self {
            Phase::Lobby => "lobby",
            Phase::Question => "question",
            Phase::Reveal => "reveal",
            Phase::Leaderboard => "leaderboard",
            Phase::Podium => "podium",
            Phase::Ended => "ended",
        }
    }
}

/// Whether the open question is paused (false in every other phase).
pub fn paused(view: &PlayerView) -> bool {
    matches!(view, PlayerView::Question { paused: true, .. })
}

/// The letter an option is shown with, in display order: A, B, C, D … (never colour alone).
pub fn letter(position: usize) -> char {
    (b'A' + (position % 26) as u8) as char
}

#[cfg(test)]
mod tests {
    use super::*;
    use resapi_core::live::view::PlayerQuestion;
    use resapi_core::text::Text;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn options_are_lettered_in_display_order() {
        let letters: String = (0..4).map(letter).collect();
        assert_eq!(letters, "ABCD");
    }

    fn question(paused: bool) -> PlayerView {
        PlayerView::Question {
            question: PlayerQuestion {
                index: 0,
                count: 2,
                question_id: "q".into(),
                stem: Text::new("Soal", "Question"),
                options: Vec::new(),
            },
            remaining_ms: 10_000,
            allowed_ms: 20_000,
            paused,
        }
    }

    #[wasm_bindgen_test]
    fn only_an_open_question_can_be_paused() {
        assert!(paused(&question(true)));
        assert!(!paused(&question(false)));
        assert_eq!(Phase::of(&question(true)), Phase::Question);
        assert!(!paused(&PlayerView::Lobby { players: 3 }));
        assert_eq!(Phase::of(&PlayerView::Lobby { players: 3 }), Phase::Lobby);
    }
}
