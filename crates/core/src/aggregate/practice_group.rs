//! A group's practice figures: accuracy per BerAKHLAK value and per behavioural indicator,
//! with the questions answered and the people who practised. Every answer in the period
//! counts (practice is learning, not a survey: answering again is the point); the share is
//! the same rounded percentage as the phone shows (`crate::practice::percent`).
//!
//! A row practised by fewer than k people would show their results: [`PracticeGroup::guarded`]
//! hides it, and hides another row where the hidden one could be worked out as the overall
//! minus the other values (or a value minus its other indicators): the same rule as the
//! unit tree (`docs/anonymity.md`), on the rows of one cell.

use super::suppression::{Guarded, Relation, suppress};
use super::threshold::MinRespondents;
use crate::catalog::{VALUE_IDS, all_indicator_ids};
use crate::practice::percent;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use uuid::Uuid;

/// One answered practice question, as the group figures read it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PracticeFact {
    pub person: Uuid,
    pub question_id: String,
    pub value: String,
    pub indicator: String,
    /// As judged by the server with its own key.
    pub correct: bool,
}

/// Accuracy over a set of answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accuracy {
    /// A value id, an indicator id, or empty for the whole group.
    pub key: String,
    pub answered: u32,
    pub correct: u32,
    /// Correct ÷ answered, whole percent (0 when nothing was answered).
    pub percent: u32,
    /// Distinct people among these answers.
    pub people: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PracticeGroup {
    pub overall: Accuracy,
    /// In BerAKHLAK order; values nobody practised are left out.
    pub per_value: Vec<Accuracy>,
    /// In catalogue order (`pelayanan-1` … `kolaboratif-3`).
    pub per_indicator: Vec<Accuracy>,
}

#[derive(Default)]
struct Tally<'a> {
    answered: u32,
    correct: u32,
    people: BTreeSet<&'a Uuid>,
}

impl<'a> Tally<'a> {
    fn add(&mut self, f: &'a PracticeFact) {
        self.answered = self.answered.saturating_add(1);
        self.correct = self.correct.saturating_add(u32::from(f.correct));
        self.people.insert(&f.person);
    }

    fn accuracy(&self, key: &str) -> Accuracy {
        Accuracy {
            key: key.to_string(),
            answered: self.answered,
            correct: self.correct,
            percent: percent(self.correct, self.answered),
            people: u32::try_from(self.people.len()).unwrap_or(u32::MAX),
        }
    }
}

/// Tallies by `key`, ordered by the position of the key in `order` (unknown keys last, by id).
fn by_key<'a>(
    facts: &'a [PracticeFact],
    key: impl Fn(&'a PracticeFact) -> &'a str,
    order: &[String],
) -> Vec<Accuracy> {
    let mut tallies: BTreeMap<&str, Tally> = BTreeMap::new();
    for f in facts {
        tallies.entry(key(f)).or_default().add(f);
    }
    let rank = |k: &str| order.iter().position(|o| o == k).unwrap_or(order.len());
    let mut out: Vec<Accuracy> = tallies.iter().map(|(k, t)| t.accuracy(k)).collect();
    out.sort_by(|a, b| rank(&a.key).cmp(&rank(&b.key)).then(a.key.cmp(&b.key)));
    out
}

/// Practice accuracy over a group's answers.
pub fn group_practice(facts: &[PracticeFact]) -> PracticeGroup {
    let mut all = Tally::default();
    facts.iter().for_each(|f| all.add(f));
    let values: Vec<String> = VALUE_IDS.iter().map(|v| v.to_string()).collect();
    PracticeGroup {
        overall: all.accuracy(""),
        per_value: by_key(facts, |f| f.value.as_str(), &values),
        per_indicator: by_key(facts, |f| f.indicator.as_str(), &all_indicator_ids()),
    }
}

/// A row of the guarded practice figures: the key stays, the figure may be hidden.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PracticeRow {
    pub key: String,
    pub figure: Guarded<Accuracy>,
}

/// [`PracticeGroup`] as the dashboard may show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GuardedPractice {
    pub overall: Guarded<Accuracy>,
    pub per_value: Vec<PracticeRow>,
    pub per_indicator: Vec<PracticeRow>,
}

impl PracticeGroup {
    /// Hides rows practised by fewer than k people, and any row that would give a hidden
    /// one away by subtraction (answers and correct answers add up: overall = Σ values,
    /// value = Σ its indicators).
    pub fn guarded(&self, k: MinRespondents) -> GuardedPractice {
        let rows: Vec<&Accuracy> = std::iter::once(&self.overall)
            .chain(&self.per_value)
            .chain(&self.per_indicator)
            .collect();
        let people: Vec<u32> = rows.iter().map(|a| a.people).collect();
        let values = 1..1 + self.per_value.len();
        let mut relations = vec![Relation::new(0, &values.clone().collect::<Vec<_>>())];
        for v in values {
            let value = &rows[v].key;
            let parts: Vec<usize> = (1 + self.per_value.len()..rows.len())
                .filter(|&i| {
                    crate::catalog::value_of_indicator(&rows[i].key).is_some_and(|of| of == value)
                })
                .collect();
            if !parts.is_empty() {
                relations.push(Relation::new(v, &parts));
            }
        }
        let decision = suppress(&people, &relations, k);
        let guard = |i: usize| decision.visibility[i].guard(rows[i].people, || rows[i].clone());
        let row = |i: usize| PracticeRow {
            key: rows[i].key.clone(),
            figure: guard(i),
        };
        let first_indicator = 1 + self.per_value.len();
        GuardedPractice {
            overall: guard(0),
            per_value: (1..first_indicator).map(row).collect(),
            per_indicator: (first_indicator..rows.len()).map(row).collect(),
        }
    }
}
