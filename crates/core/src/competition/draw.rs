//! Which questions a competition asks, and in what order each person sees their options.
//! The organiser picks N questions per value or per indicator from the active bank, or a
//! fixed set. Every participant gets the same questions (a fair comparison between units);
//! the order of the questions and of each question's options is shuffled per person, from
//! a seed of the competition and the account, so a neighbour's screen does not give the
//! answer letter away and grading maps each choice back to the option's id.

use crate::content::{ContentBundle, Question};
use crate::rng::Rng;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use thiserror::Error;
use uuid::Uuid;

/// Most questions one competition may ask.
pub const MAX_QUESTIONS: usize = 60;

/// Where a competition's questions come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum QuestionSource {
    /// `per_value` questions of each of the seven values.
    PerValue { per_value: u32 },
    /// `per_indicator` questions of each of the 21 indicators.
    PerIndicator { per_indicator: u32 },
    /// These questions, in this order.
    Fixed { question_ids: Vec<String> },
}

#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum DrawError {
    #[error(
        "Pilih paling sedikit satu soal dan paling banyak {MAX_QUESTIONS} soal (sekarang {count})."
    )]
    Count { count: usize },
    #[error("Soal `{id}` tidak ada di bank soal.")]
    UnknownQuestion { id: String },
    #[error("Soal `{id}` tidak aktif (draf atau sudah tidak dipakai).")]
    NotActive { id: String },
    #[error("Soal `{id}` dipilih lebih dari sekali.")]
    Duplicate { id: String },
    #[error("`{scope}` hanya punya {available} soal aktif, kurang dari {wanted} yang diminta.")]
    NotEnough {
        scope: String,
        wanted: u32,
        available: usize,
    },
}

/// The competition's questions: the same for everyone, drawn once when it is created.
pub fn draw(
    source: &QuestionSource,
    content: &ContentBundle,
    rng: &mut Rng,
) -> Result<Vec<String>, DrawError> {
    let ids = match source {
        QuestionSource::Fixed { question_ids } => {
            let mut seen = HashSet::new();
            for id in question_ids {
                let q = content
                    .question(id)
                    .ok_or_else(|| DrawError::UnknownQuestion { id: id.clone() })?;
                if !q.is_drawable() {
                    return Err(DrawError::NotActive { id: id.clone() });
                }
                if !seen.insert(id.as_str()) {
                    return Err(DrawError::Duplicate { id: id.clone() });
                }
            }
            question_ids.clone()
        }
        QuestionSource::PerValue { per_value } => {
            let groups: Vec<(String, Vec<&Question>)> = content
                .values
                .iter()
                .map(|v| (v.id.clone(), active(content, |q| q.value == v.id)))
                .collect();
            pick(groups, *per_value, rng)?
        }
        QuestionSource::PerIndicator { per_indicator } => {
            let groups: Vec<(String, Vec<&Question>)> = content
                .values
                .iter()
                .flat_map(|v| &v.indicators)
                .map(|i| (i.id.clone(), active(content, |q| q.indicator == i.id)))
                .collect();
            pick(groups, *per_indicator, rng)?
        }
    };
    if ids.is_empty() || ids.len() > MAX_QUESTIONS {
        return Err(DrawError::Count { count: ids.len() });
    }
    Ok(ids)
}

fn active(content: &ContentBundle, keep: impl Fn(&Question) -> bool) -> Vec<&Question> {
    content
        .questions
        .iter()
        .filter(|q| q.is_drawable() && keep(q))
        .collect()
}

fn pick(
    groups: Vec<(String, Vec<&Question>)>,
    wanted: u32,
    rng: &mut Rng,
) -> Result<Vec<String>, DrawError> {
    let mut out = Vec::new();
    for (scope, mut pool) in groups {
        if pool.len() < wanted as usize {
            return Err(DrawError::NotEnough {
                scope,
                wanted,
                available: pool.len(),
            });
        }
        rng.shuffle(&mut pool);
        out.extend(pool.into_iter().take(wanted as usize).map(|q| q.id.clone()));
    }
    Ok(out)
}

/// A person's view of the competition: the questions in their own order, each with its
/// options in their own order (ids only: the phone gets texts without keys elsewhere).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonalOrder {
    pub questions: Vec<(String, Vec<String>)>,
}

/// Every bit of both ids moves the seed (a multiply-rotate mix of their four halves).
fn seed_of(competition: Uuid, account: Uuid) -> u64 {
    let mut h: u64 = 0x9E37_79B9_7F4A_7C15;
    for id in [competition.as_u128(), account.as_u128()] {
        for half in [id as u64, (id >> 64) as u64] {
            h = (h ^ half)
                .wrapping_mul(0xBF58_476D_1CE4_E5B9)
                .rotate_left(31);
        }
    }
    h
}

/// The order `account` sees `questions` and their options in, the same every time it is
/// asked (a reload or a second phone shows the same screen).
pub fn personal_order(
    competition: Uuid,
    account: Uuid,
    questions: &[String],
    content: &ContentBundle,
) -> PersonalOrder {
    let mut rng = Rng::new(seed_of(competition, account));
    let mut order: Vec<&String> = questions.iter().collect();
    rng.shuffle(&mut order);
    PersonalOrder {
        questions: order
            .into_iter()
            .filter_map(|id| {
                let q = content.question(id)?;
                Some((id.clone(), crate::practice::shuffled_options(q, &mut rng)))
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Indicator, ItemStatus, Value};
    use crate::cues::fixtures::question;
    use crate::text::Text;

    fn content() -> ContentBundle {
        let mut questions = Vec::new();
        for v in crate::catalog::VALUE_IDS {
            for n in 0..6 {
                let mut q = question(v, n, ["a", "b", "c", "d"], n % 4);
                q.indicator = format!("{v}-{}", 1 + n % 3);
                questions.push(q);
            }
        }
        let values = crate::catalog::VALUE_IDS
            .iter()
            .map(|v| Value {
                id: (*v).into(),
                name: Text::new(*v, *v),
                summary: Text::new(*v, *v),
                indicators: (1..=3)
                    .map(|i| Indicator {
                        id: format!("{v}-{i}"),
                        text: Text::new("i", "i"),
                    })
                    .collect(),
            })
            .collect();
        crate::cues::fixtures::bundle(values, questions)
    }

    #[test]
    fn per_value_and_per_indicator_draw_that_many_active_questions_of_each() {
        let mut c = content();
        c.questions[0].status = ItemStatus::Retired; // the first value's first question
        let retired = c.questions[0].id.clone();
        let ids = draw(
            &QuestionSource::PerValue { per_value: 3 },
            &c,
            &mut Rng::new(1),
        )
        .unwrap();
        assert_eq!(ids.len(), 21);
        for v in crate::catalog::VALUE_IDS {
            assert_eq!(ids.iter().filter(|id| id.starts_with(v)).count(), 3, "{v}");
        }
        assert!(!ids.contains(&retired));
        let ids = draw(
            &QuestionSource::PerIndicator { per_indicator: 1 },
            &c,
            &mut Rng::new(1),
        )
        .unwrap();
        assert_eq!(ids.len(), 21);
        assert_eq!(ids.iter().collect::<HashSet<_>>().len(), 21);
        // Two per indicator: the first value's first indicator has one active question left.
        let short = draw(
            &QuestionSource::PerIndicator { per_indicator: 2 },
            &c,
            &mut Rng::new(1),
        );
        assert!(
            matches!(short, Err(DrawError::NotEnough { available: 1, .. })),
            "{short:?}"
        );
    }

    #[test]
    fn a_fixed_set_must_name_active_questions_once_each() {
        let mut c = content();
        let a = c.questions[1].id.clone();
        let b = c.questions[2].id.clone();
        let fixed = |ids: &[&String]| QuestionSource::Fixed {
            question_ids: ids.iter().map(|s| (*s).clone()).collect(),
        };
        assert_eq!(
            draw(&fixed(&[&a, &b]), &c, &mut Rng::new(1)),
            Ok(vec![a.clone(), b.clone()])
        );
        assert!(matches!(
            draw(&fixed(&[&a, &a]), &c, &mut Rng::new(1)),
            Err(DrawError::Duplicate { .. })
        ));
        assert!(matches!(
            draw(&fixed(&[]), &c, &mut Rng::new(1)),
            Err(DrawError::Count { count: 0 })
        ));
        let nope = "nope".to_string();
        assert!(matches!(
            draw(&fixed(&[&nope]), &c, &mut Rng::new(1)),
            Err(DrawError::UnknownQuestion { .. })
        ));
        c.questions[1].status = ItemStatus::Draft;
        assert!(matches!(
            draw(&fixed(&[&a]), &c, &mut Rng::new(1)),
            Err(DrawError::NotActive { .. })
        ));
    }

    #[test]
    fn each_person_has_their_own_stable_order_of_questions_and_options() {
        let c = content();
        let ids = draw(
            &QuestionSource::PerValue { per_value: 2 },
            &c,
            &mut Rng::new(5),
        )
        .unwrap();
        let game = Uuid::from_u128(7);
        let (ani, budi) = (Uuid::from_u128(1), Uuid::from_u128(2));
        let a1 = personal_order(game, ani, &ids, &c);
        assert_eq!(
            a1,
            personal_order(game, ani, &ids, &c),
            "the same on every reload"
        );
        let b = personal_order(game, budi, &ids, &c);
        assert_ne!(a1, b, "a neighbour sees another order");
        // Everyone gets every question once, each with all four options.
        for order in [&a1, &b] {
            let mut got: Vec<&String> = order.questions.iter().map(|(id, _)| id).collect();
            got.sort();
            let mut want: Vec<&String> = ids.iter().collect();
            want.sort();
            assert_eq!(got, want);
            for (_, options) in &order.questions {
                let mut o = options.clone();
                o.sort();
                assert_eq!(o, ["a", "b", "c", "d"]);
            }
        }
    }
}
