//! The pieces of a projector view that the live screens show, each a memo of its own: a new
//! message (four a second while answers come in) changes only the text that changed, in
//! place, and a screen is built again only when the phase changes.

use super::clock::Countdown;
use super::phase::{self, Phase};
use super::timer_ring::now_ms;
use leptos::prelude::*;
use resapi_core::live::leaderboard::LeaderRow;
use resapi_core::live::team::{UnitBoard, UnitRow};
use resapi_core::live::view::{PlayerQuestion, PlayerView, ProjectorView, RevealView};

#[derive(Clone, Copy)]
pub struct Parts {
    pub phase: Memo<Option<Phase>>,
    pub paused: Memo<bool>,
    pub code: Memo<String>,
    pub players: Memo<u32>,
    pub answered: Memo<u32>,
    pub names: Memo<Vec<String>>,
    /// (index, count) of the question the phase is about (0 in the lobby).
    pub position: Memo<(u32, u32)>,
    pub question: Memo<Option<PlayerQuestion>>,
    pub countdown: Memo<Option<Countdown>>,
    pub reveal: Memo<Option<RevealView>>,
    pub top: Memo<Vec<LeaderRow>>,
    pub units: Memo<Option<UnitBoard>>,
    pub best_unit: Memo<Option<UnitRow>>,
}

impl Parts {
    pub fn new(view: Signal<Option<ProjectorView>>) -> Parts {
        Parts {
            phase: Memo::new(move |_| view.with(|v| v.as_ref().map(|v| Phase::of(&v.phase)))),
            paused: Memo::new(move |_| {
                view.with(|v| v.as_ref().is_some_and(|v| phase::paused(&v.phase)))
            }),
            code: Memo::new(move |_| {
                view.with(|v| v.as_ref().map(|v| v.code.to_string()).unwrap_or_default())
            }),
            players: Memo::new(move |_| view.with(|v| v.as_ref().map_or(0, |v| v.players))),
            answered: Memo::new(move |_| view.with(|v| v.as_ref().map_or(0, |v| v.answered))),
            names: Memo::new(move |_| {
                view.with(|v| {
                    v.as_ref()
                        .map(|v| v.recent_names.clone())
                        .unwrap_or_default()
                })
            }),
            position: Memo::new(move |_| {
                view.with(|v| {
                    v.as_ref().map_or((0, 0), |v| {
                        let count = v.question_count;
                        match &v.phase {
                            PlayerView::Question { question, .. } => (question.index, count),
                            PlayerView::Reveal { reveal } => (reveal.index, count),
                            PlayerView::Leaderboard { index, .. } => (*index, count),
                            _ => (0, count),
                        }
                    })
                })
            }),
            question: Memo::new(move |_| {
                view.with(|v| match v.as_ref().map(|v| &v.phase) {
                    Some(PlayerView::Question { question, .. }) => Some(question.clone()),
                    _ => None,
                })
            }),
            countdown: Memo::new(move |_| {
                view.with(|v| match v.as_ref().map(|v| &v.phase) {
                    Some(PlayerView::Question {
                        remaining_ms,
                        allowed_ms,
                        paused,
                        ..
                    }) => Some(Countdown {
                        remaining_ms: *remaining_ms,
                        allowed_ms: *allowed_ms,
                        paused: *paused,
                        received_at: now_ms(),
                    }),
                    _ => None,
                })
            }),
            reveal: Memo::new(move |_| {
                view.with(|v| match v.as_ref().map(|v| &v.phase) {
                    Some(PlayerView::Reveal { reveal }) => Some(reveal.clone()),
                    _ => None,
                })
            }),
            top: Memo::new(move |_| {
                view.with(|v| match v.as_ref().map(|v| &v.phase) {
                    Some(
                        PlayerView::Leaderboard { top, .. }
                        | PlayerView::Podium { top, .. }
                        | PlayerView::Ended { top, .. },
                    ) => top.clone(),
                    _ => Vec::new(),
                })
            }),
            units: Memo::new(move |_| {
                view.with(|v| match v.as_ref().map(|v| &v.phase) {
                    Some(
                        PlayerView::Leaderboard { units, .. }
                        | PlayerView::Podium { units, .. }
                        | PlayerView::Ended { units, .. },
                    ) => units.clone(),
                    _ => None,
                })
            }),
            best_unit: Memo::new(move |_| {
                view.with(|v| match v.as_ref().map(|v| &v.phase) {
                    Some(PlayerView::Podium { best_unit, .. }) => best_unit.clone(),
                    _ => None,
                })
            }),
        }
    }
}
