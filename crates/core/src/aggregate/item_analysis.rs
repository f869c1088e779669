//! Item analysis of practice questions, for the people who look after the question bank:
//! how hard each question is, whether it separates people who know the values from people
//! who do not, and how often each wrong option draws people. Read from each person's
//! *first* answer to a question (later answers are practice, not measurement).
//!
//! - difficulty p = share correct on a first attempt;
//! - point-biserial = Pearson correlation of "correct on this question" (0/1) with the
//!   person's share correct on their *other* first attempts (the rest score; the question
//!   itself is left out so it does not correlate with itself);
//! - upper–lower 27 %: p among the 27 % with the highest rest score minus p among the 27 %
//!   with the lowest (ties ordered by person id, so the result is stable);
//! - flags: p > 0.95 (too easy to tell anything) and discrimination < 0.2 (point-biserial,
//!   or upper–lower when the point-biserial is undefined).

use super::latest::{Keep, one_per_key};
use super::sample::{NotEnough, check_people};
use super::stats::{mean, pearson};
use super::threshold::MinRespondents;
use crate::content::Question;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::OffsetDateTime;
use uuid::Uuid;

/// Difficulty above this: flagged as too easy.
pub const MAX_DIFFICULTY: f64 = 0.95;
/// Discrimination below this: flagged as not telling people apart.
pub const MIN_DISCRIMINATION: f64 = 0.2;
/// Share of the top and of the bottom group in the upper–lower index.
pub const UPPER_LOWER_SHARE: f64 = 0.27;

/// One answered practice question with the option chosen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OptionAnswer {
    /// The record id (breaks ties on the time).
    pub id: Uuid,
    pub person: Uuid,
    pub question_id: String,
    pub option_id: String,
    /// As judged by the server.
    pub correct: bool,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// The question's `rev` it was answered under.
    pub rev: u32,
}

/// Each person's first answer to each wording of each question.
pub fn first_attempts(answers: &[OptionAnswer]) -> Vec<&OptionAnswer> {
    one_per_key(
        answers,
        |a| (a.question_id.clone(), a.rev, a.person),
        |a| (a.at, a.id),
        Keep::Earliest,
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    TooEasy,
    LowDiscrimination,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OptionShare {
    pub option: String,
    pub correct: bool,
    pub chosen: u32,
    /// Share of first attempts that chose it (0–1).
    pub share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemStats {
    /// People with a first attempt.
    pub n: u32,
    pub difficulty: f64,
    pub point_biserial: Option<f64>,
    pub upper_lower: Option<f64>,
    /// In the question's option order.
    pub options: Vec<OptionShare>,
    pub flags: Vec<Flag>,
}

/// Per question (bank order): its statistics, or why there are none.
pub fn analyse_items(
    bank: &[Question],
    first: &[&OptionAnswer],
    k: MinRespondents,
) -> Vec<(String, Result<ItemStats, NotEnough>)> {
    // Not answers to an earlier wording: it is another item, and mixing them would blur
    // both (its key may even have been another option).
    let rev: BTreeMap<&str, u32> = bank.iter().map(|q| (q.id.as_str(), q.rev)).collect();
    let first: Vec<&OptionAnswer> = first
        .iter()
        .copied()
        .filter(|a| rev.get(a.question_id.as_str()).is_none_or(|r| *r == a.rev))
        .collect();
    // Per person: (correct, answered) over all their first attempts.
    let mut totals: BTreeMap<Uuid, (u32, u32)> = BTreeMap::new();
    for a in &first {
        let t = totals.entry(a.person).or_default();
        t.0 += u32::from(a.correct);
        t.1 += 1;
    }
    let mut by_question: BTreeMap<&str, Vec<&OptionAnswer>> = BTreeMap::new();
    for a in &first {
        by_question
            .entry(a.question_id.as_str())
            .or_default()
            .push(a);
    }
    bank.iter()
        .map(|q| {
            let answers = by_question
                .get(q.id.as_str())
                .map_or(&[][..], Vec::as_slice);
            (q.id.clone(), item_stats(q, answers, &totals, k))
        })
        .collect()
}

fn item_stats(
    q: &Question,
    answers: &[&OptionAnswer],
    totals: &BTreeMap<Uuid, (u32, u32)>,
    k: MinRespondents,
) -> Result<ItemStats, NotEnough> {
    let n = check_people(answers.len(), k)?;
    let scored: Vec<f64> = answers
        .iter()
        .map(|a| f64::from(u8::from(a.correct)))
        .collect();
    let difficulty = mean(&scored).unwrap_or(0.0);

    // (person, correct, rest share) for people with other first attempts.
    let mut rest: Vec<(Uuid, f64, f64)> = answers
        .iter()
        .filter_map(|a| {
            let &(c, t) = totals.get(&a.person)?;
            let (c, t) = (c - u32::from(a.correct), t - 1);
            let correct = f64::from(u8::from(a.correct));
            (t > 0).then(|| (a.person, correct, f64::from(c) / f64::from(t)))
        })
        .collect();
    let xs: Vec<f64> = rest.iter().map(|r| r.1).collect();
    let ys: Vec<f64> = rest.iter().map(|r| r.2).collect();
    let point_biserial = pearson(&xs, &ys);
    rest.sort_by(|a, b| a.2.total_cmp(&b.2).then(a.0.cmp(&b.0)));
    let g = (rest.len() as f64 * UPPER_LOWER_SHARE).round() as usize;
    let upper_lower = (g > 0 && 2 * g <= rest.len()).then(|| {
        let p = |part: &[(Uuid, f64, f64)]| part.iter().map(|r| r.1).sum::<f64>() / g as f64;
        p(&rest[rest.len() - g..]) - p(&rest[..g])
    });

    let options = q
        .options
        .iter()
        .map(|o| {
            let chosen = answers.iter().filter(|a| a.option_id == o.id).count();
            OptionShare {
                option: o.id.clone(),
                correct: q.is_correct(&o.id),
                chosen: u32::try_from(chosen).unwrap_or(u32::MAX),
                share: chosen as f64 / answers.len() as f64,
            }
        })
        .collect();
    let mut flags = Vec::new();
    if difficulty > MAX_DIFFICULTY {
        flags.push(Flag::TooEasy);
    }
    if point_biserial
        .or(upper_lower)
        .is_some_and(|d| d < MIN_DISCRIMINATION)
    {
        flags.push(Flag::LowDiscrimination);
    }
    Ok(ItemStats {
        n,
        difficulty,
        point_biserial,
        upper_lower,
        options,
        flags,
    })
}
