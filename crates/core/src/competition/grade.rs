//! Grading an attempt on the server, from its own key: the phone never had the key. An
//! answer names the option's id (the phone showed the options in the person's own order and
//! maps the tap back to the id), so the display order plays no part here. A question left
//! unanswered counts as not correct: the score is a share of the competition's questions,
//! not of those attempted, or skipping the hard ones would pay.

use crate::content::ContentBundle;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use thiserror::Error;

/// One answer of an attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptAnswer {
    pub question_id: String,
    pub option_id: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Grade {
    pub correct: u32,
    pub answered: u32,
    /// The competition's questions.
    pub total: u32,
}

impl Grade {
    /// Share correct of all the competition's questions, 0–1 (0 for an empty competition).
    pub fn share(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            f64::from(self.correct) / f64::from(self.total)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum GradeError {
    #[error("Soal `{question}` bukan bagian dari lomba ini.")]
    NotInDraw { question: String },
    #[error("Soal `{question}` dijawab lebih dari sekali.")]
    Duplicate { question: String },
    #[error("Pilihan `{option}` tidak ada pada soal `{question}`.")]
    UnknownOption { question: String, option: String },
}

impl GradeError {
    pub fn code(&self) -> &'static str {
        match self {
            GradeError::NotInDraw { .. } => "competition_answer_not_in_draw",
            GradeError::Duplicate { .. } => "competition_answer_twice",
            GradeError::UnknownOption { .. } => "competition_unknown_option",
        }
    }
}

/// The grade of `answers` to the competition's `questions`; any answer that does not belong
/// refuses the whole attempt (an honest phone never sends one).
pub fn grade(
    questions: &[String],
    answers: &[AttemptAnswer],
    content: &ContentBundle,
) -> Result<Grade, GradeError> {
    let drawn: HashSet<&str> = questions.iter().map(String::as_str).collect();
    let mut seen = HashSet::new();
    let mut correct = 0u32;
    for a in answers {
        let question = a.question_id.as_str();
        let q = content
            .question(question)
            .filter(|_| drawn.contains(question))
            .ok_or_else(|| GradeError::NotInDraw {
                question: a.question_id.clone(),
            })?;
        if !seen.insert(question) {
            return Err(GradeError::Duplicate {
                question: a.question_id.clone(),
            });
        }
        if q.option(&a.option_id).is_none() {
            return Err(GradeError::UnknownOption {
                question: a.question_id.clone(),
                option: a.option_id.clone(),
            });
        }
        correct += u32::from(q.is_correct(&a.option_id));
    }
    Ok(Grade {
        correct,
        answered: seen.len() as u32,
        total: questions.len() as u32,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::competition::draw::{QuestionSource, draw, personal_order};
    use crate::rng::Rng;
    use uuid::Uuid;

    fn content() -> ContentBundle {
        let questions = (0..4)
            .map(|n| crate::cues::fixtures::question("loyal", n, ["a", "b", "c", "d"], n % 4))
            .collect();
        crate::cues::fixtures::bundle(vec![], questions)
    }

    fn answer(q: &str, o: &str) -> AttemptAnswer {
        AttemptAnswer {
            question_id: q.into(),
            option_id: o.into(),
        }
    }

    #[test]
    fn the_servers_key_grades_whatever_order_the_options_were_shown_in() {
        let c = content();
        let ids: Vec<String> = c.questions.iter().map(|q| q.id.clone()).collect();
        let fixed = QuestionSource::Fixed {
            question_ids: ids.clone(),
        };
        let drawn = draw(&fixed, &c, &mut Rng::new(1)).unwrap();
        // Budi taps the second option on screen for every question; the phone sends the id.
        let order = personal_order(Uuid::from_u128(3), Uuid::from_u128(4), &drawn, &c);
        let answers: Vec<AttemptAnswer> = order
            .questions
            .iter()
            .map(|(q, options)| answer(q, &options[1]))
            .collect();
        let expected = order
            .questions
            .iter()
            .filter(|(q, options)| c.question(q).unwrap().is_correct(&options[1]))
            .count() as u32;
        let g = grade(&drawn, &answers, &c).unwrap();
        assert_eq!((g.correct, g.answered, g.total), (expected, 4, 4));
    }

    #[test]
    fn unanswered_questions_count_against_and_foreign_answers_refuse_the_attempt() {
        let c = content();
        let drawn = vec!["loyal-000".to_string(), "loyal-001".to_string()];
        // loyal-000's key is a, loyal-001's is b; only the first answered, rightly.
        let g = grade(&drawn, &[answer("loyal-000", "a")], &c).unwrap();
        assert_eq!((g.correct, g.answered, g.total), (1, 1, 2));
        assert!((g.share() - 0.5).abs() < 1e-12);
        let not_drawn = grade(&drawn, &[answer("loyal-002", "c")], &c).unwrap_err();
        assert_eq!(not_drawn.code(), "competition_answer_not_in_draw");
        let twice = grade(
            &drawn,
            &[answer("loyal-000", "a"), answer("loyal-000", "b")],
            &c,
        );
        assert_eq!(twice.unwrap_err().code(), "competition_answer_twice");
        let bad = grade(&drawn, &[answer("loyal-001", "e")], &c).unwrap_err();
        assert_eq!(bad.code(), "competition_unknown_option");
        assert!(bad.to_string().contains("tidak ada pada soal"));
    }
}
