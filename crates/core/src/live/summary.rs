//! After the game: accuracy per question, the hardest question and participation per unit,
//! for the trainer's summary and its CSV export.

use crate::practice::percent;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// How the room did on one closed question (skipped ones are left out).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionStats {
    pub index: u32,
    pub question_id: String,
    pub answered: u32,
    pub correct: u32,
    /// Share of answers that were right, 0–100.
    pub percent: u32,
}

/// How many of a unit's players took part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitParticipation {
    pub unit_id: String,
    pub unit_name: String,
    pub joined: u32,
    /// Joined players who answered at least one question.
    pub answered: u32,
    pub percent: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Players in the game at the end (kicked ones not counted).
    pub players: u32,
    pub questions: Vec<QuestionStats>,
    /// By unit name.
    pub units: Vec<UnitParticipation>,
}

impl QuestionStats {
    pub fn new(index: u32, question_id: String, answered: u32, correct: u32) -> QuestionStats {
        QuestionStats {
            index,
            question_id,
            answered,
            correct,
            percent: percent(correct, answered),
        }
    }
}

impl UnitParticipation {
    pub fn new(unit_id: String, unit_name: String, joined: u32, answered: u32) -> Self {
        UnitParticipation {
            unit_id,
            unit_name,
            joined,
            answered,
            percent: percent(answered, joined),
        }
    }
}

impl Summary {
    /// The question with the lowest share of right answers among those anyone answered,
    /// compared exactly (1 of 3 is harder than 34 of 100 though both show 33 %); the
    /// earliest of equally hard ones.
    pub fn hardest(&self) -> Option<&QuestionStats> {
        self.questions
            .iter()
            .filter(|q| q.answered > 0)
            .min_by(|a, b| easier(a, b).then(a.index.cmp(&b.index)))
    }
}

/// a's share against b's: a.correct / a.answered vs b.correct / b.answered.
fn easier(a: &QuestionStats, b: &QuestionStats) -> Ordering {
    (u64::from(a.correct) * u64::from(b.answered))
        .cmp(&(u64::from(b.correct) * u64::from(a.answered)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(index: u32, answered: u32, correct: u32) -> QuestionStats {
        QuestionStats::new(index, format!("q{index}"), answered, correct)
    }

    #[test]
    fn the_hardest_question_is_the_lowest_exact_share_among_answered_ones() {
        let summary = Summary {
            players: 100,
            questions: vec![q(0, 100, 34), q(1, 3, 1), q(2, 0, 0), q(3, 50, 40)],
            units: vec![],
        };
        assert_eq!(summary.questions[0].percent, 34);
        assert_eq!(summary.questions[1].percent, 33);
        assert_eq!(summary.hardest().map(|q| q.index), Some(1));
        let tied = Summary {
            questions: vec![q(0, 10, 5), q(1, 4, 2)],
            ..Summary::default()
        };
        assert_eq!(tied.hardest().map(|q| q.index), Some(0));
        assert_eq!(Summary::default().hardest(), None);
    }

    #[test]
    fn participation_is_the_share_of_joined_players_who_answered() {
        let unit = UnitParticipation::new("keu".into(), "Biro Keuangan".into(), 3, 2);
        assert_eq!(unit.percent, 67);
        assert_eq!(
            UnitParticipation::new("x".into(), "X".into(), 0, 0).percent,
            0
        );
    }
}
