//! The live game (*kuis apel*): a trainer runs a short quiz for a room after the apel;
//! phones join with a code, answer against a timer, and see a leaderboard and a podium.
//! These are the rules, the state machine and the message types that the server's game
//! task, the console's host and projector screens and the phone share
//! (docs/live-quiz.md). Pure: time comes in as milliseconds, randomness as an [`Rng`].
//!
//! [`Rng`]: crate::rng::Rng

pub mod code;
pub mod config;
pub mod error;
pub mod game;
pub mod host_controls;
pub mod leaderboard;
pub mod names;
pub mod played;
pub mod player;
pub mod protocol;
pub mod scoring;
pub mod summary;
pub mod team;
pub mod view;

use crate::text::Text;

/// A live game error: a stable code the client can translate and a message in both
/// languages (Indonesian is the `Display`).
pub trait Coded: std::fmt::Display {
    fn code(&self) -> &'static str;
    fn english(&self) -> String;
    fn text(&self) -> Text {
        Text::new(self.to_string(), self.english())
    }
}
