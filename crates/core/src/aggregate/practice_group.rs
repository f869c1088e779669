//! A group's practice figures: accuracy per BerAKHLAK value and per behavioural indicator,
//! with the questions answered and the people who practised. Every answer in the period
//! counts (practice is learning, not a survey: answering again is the point); the share is
//! the same rounded percentage as the phone shows (`crate::practice::percent`).

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
