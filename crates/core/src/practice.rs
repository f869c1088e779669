//! Practice sessions: which questions a session draws, in which order the options show,
//! and how a finished session is scored.

use crate::content::Question;
use crate::mastery::{Tally, tally_by};
use crate::rng::Rng;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

/// Questions in one practice session.
pub const QUESTIONS_PER_SESSION: usize = 10;

/// The scope id for a session mixing all values.
pub const MIXED: &str = "campuran";

/// The scope id for a review ("Ulang") session of questions due again.
pub const REVIEW: &str = "ulang";

/// Draws up to `count` question ids for `scope` (a value id or [`MIXED`]). Questions seen in
/// the previous session (`avoid`) are used only when the bank has too few others. A mixed
/// session spreads over the values as evenly as the bank allows.
pub fn draw_questions(
    bank: &[Question],
    scope: &str,
    avoid: &HashSet<String>,
    count: usize,
    rng: &mut Rng,
) -> Vec<String> {
    let in_scope: Vec<&Question> = bank
        .iter()
        .filter(|q| q.is_drawable() && (scope == MIXED || q.value == scope))
        .collect();
    let (mut fresh, mut seen): (Vec<&Question>, Vec<&Question>) =
        in_scope.into_iter().partition(|q| !avoid.contains(&q.id));
    rng.shuffle(&mut fresh);
    rng.shuffle(&mut seen);
    let mut picked: Vec<&Question> = if scope == MIXED {
        round_robin_by_value(&fresh, count)
    } else {
        fresh.into_iter().take(count).collect()
    };
    for q in seen {
        if picked.len() >= count {
            break;
        }
        picked.push(q);
    }
    rng.shuffle(&mut picked);
    picked.into_iter().map(|q| q.id.clone()).collect()
}

/// Takes one question per value in turn, so ten mixed questions cover every value.
fn round_robin_by_value<'a>(shuffled: &[&'a Question], count: usize) -> Vec<&'a Question> {
    let mut by_value: BTreeMap<&str, Vec<&'a Question>> = BTreeMap::new();
    for q in shuffled {
        by_value.entry(q.value.as_str()).or_default().push(q);
    }
    let mut queues: Vec<std::vec::IntoIter<&'a Question>> =
        by_value.into_values().map(Vec::into_iter).collect();
    let mut out = Vec::with_capacity(count);
    while out.len() < count {
        let before = out.len();
        for queue in queues.iter_mut() {
            if out.len() >= count {
                break;
            }
            if let Some(q) = queue.next() {
                out.push(q);
            }
        }
        if out.len() == before {
            break;
        }
    }
    out
}

/// The option ids of `question` in a random display order.
pub fn shuffled_options(question: &Question, rng: &mut Rng) -> Vec<String> {
    let mut ids: Vec<String> = question.options.iter().map(|o| o.id.clone()).collect();
    rng.shuffle(&mut ids);
    ids
}

/// One answered question, as the score needs it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnsweredQuestion {
    pub question_id: String,
    pub value: String,
    pub correct: bool,
}

/// The score of a practice session, overall and per value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PracticeScore {
    pub correct: u32,
    pub answered: u32,
    /// Share correct, 0–100, rounded to a whole number; 0 when nothing was answered.
    pub percent: u32,
    /// value id → (correct, answered)
    pub per_value: BTreeMap<String, (u32, u32)>,
}

pub fn score(answers: &[AnsweredQuestion]) -> PracticeScore {
    let mut overall = Tally::default();
    for a in answers {
        overall.add(a.correct);
    }
    let per_value = tally_by(answers.iter().map(|a| (a.value.clone(), a.correct)));
    PracticeScore {
        correct: overall.correct,
        answered: overall.answered,
        percent: percent(overall.correct, overall.answered),
        per_value,
    }
}

/// `part / whole` as a rounded percentage; 0 for an empty whole.
pub fn percent(part: u32, whole: u32) -> u32 {
    if whole == 0 {
        0
    } else {
        (f64::from(part) * 100.0 / f64::from(whole)).round() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{QuestionKind, QuestionOption};
    use crate::text::Text;

    fn question(id: &str, value: &str) -> Question {
        Question {
            id: id.into(),
            value: value.into(),
            indicator: format!("{value}-1"),
            difficulty: 1,
            projector: false,
            kind: QuestionKind::Situational,
            answer: "a".into(),
            stem: Text::new("s", "s"),
            explanation: Text::new("e", "e"),
            options: ["a", "b", "c", "d"]
                .iter()
                .map(|o| QuestionOption {
                    id: (*o).into(),
                    text: Text::new(*o, *o),
                })
                .collect(),
            rev: 1,
            status: Default::default(),
            source: None,
            audience: Vec::new(),
            competency: None,
        }
    }

    fn bank(per_value: usize) -> Vec<Question> {
        crate::catalog::VALUE_IDS
            .iter()
            .flat_map(|v| (0..per_value).map(move |n| question(&format!("{v}-{n:03}"), v)))
            .collect()
    }

    #[test]
    fn a_value_session_draws_ten_distinct_questions_of_that_value() {
        let bank = bank(12);
        let ids = draw_questions(&bank, "adaptif", &HashSet::new(), 10, &mut Rng::new(1));
        assert_eq!(ids.len(), 10);
        assert!(ids.iter().all(|id| id.starts_with("adaptif-")));
        assert_eq!(ids.iter().collect::<HashSet<_>>().len(), 10);
    }

    #[test]
    fn drafts_and_retired_questions_are_never_drawn() {
        let mut bank = bank(12);
        bank[0].status = crate::content::ItemStatus::Retired;
        bank[1].status = crate::content::ItemStatus::Draft;
        let (retired, draft) = (bank[0].id.clone(), bank[1].id.clone());
        for seed in 0..20 {
            let ids = draw_questions(&bank, MIXED, &HashSet::new(), 10, &mut Rng::new(seed));
            assert!(!ids.contains(&retired) && !ids.contains(&draft));
        }
    }

    #[test]
    fn the_previous_session_is_not_repeated_when_the_bank_allows() {
        let bank = bank(20);
        let first = draw_questions(&bank, "loyal", &HashSet::new(), 10, &mut Rng::new(3));
        let avoid: HashSet<String> = first.iter().cloned().collect();
        let second = draw_questions(&bank, "loyal", &avoid, 10, &mut Rng::new(4));
        assert!(second.iter().all(|id| !avoid.contains(id)));
    }

    #[test]
    fn repeats_fill_in_only_when_the_bank_is_too_small() {
        let bank = bank(12);
        let first = draw_questions(&bank, "loyal", &HashSet::new(), 10, &mut Rng::new(3));
        let avoid: HashSet<String> = first.iter().cloned().collect();
        let second = draw_questions(&bank, "loyal", &avoid, 10, &mut Rng::new(4));
        assert_eq!(second.len(), 10);
        assert_eq!(second.iter().filter(|id| !avoid.contains(*id)).count(), 2);
    }

    #[test]
    fn a_mixed_session_covers_every_value() {
        let bank = bank(10);
        let ids = draw_questions(&bank, MIXED, &HashSet::new(), 10, &mut Rng::new(9));
        for v in crate::catalog::VALUE_IDS {
            assert!(ids.iter().any(|id| id.starts_with(v)), "{v} missing");
        }
    }

    #[test]
    fn score_counts_overall_and_per_value() {
        let answers = vec![
            AnsweredQuestion {
                question_id: "1".into(),
                value: "loyal".into(),
                correct: true,
            },
            AnsweredQuestion {
                question_id: "2".into(),
                value: "loyal".into(),
                correct: false,
            },
            AnsweredQuestion {
                question_id: "3".into(),
                value: "adaptif".into(),
                correct: true,
            },
        ];
        let s = score(&answers);
        assert_eq!((s.correct, s.answered, s.percent), (2, 3, 67));
        assert_eq!(s.per_value["loyal"], (1, 2));
        assert_eq!(s.per_value["adaptif"], (1, 1));
        assert_eq!(score(&[]).percent, 0);
    }

    #[test]
    fn options_are_shuffled_but_complete() {
        let q = question("x", "loyal");
        let mut orders = HashSet::new();
        let mut rng = Rng::new(5);
        for _ in 0..20 {
            let o = shuffled_options(&q, &mut rng);
            assert_eq!(o.len(), 4);
            orders.insert(o);
        }
        assert!(orders.len() > 1);
    }
}
