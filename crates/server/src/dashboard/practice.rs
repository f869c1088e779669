//! Practice figures from the tallies (`fact_practice`): summed over the units in scope and
//! handed to core as its [`PracticeGroup`] (accuracy with `practice::percent`, values in
//! BerAKHLAK order, indicators in catalogue order), then guarded by core.

use super::Result;
use crate::store::facts::{ALL_KEY, value_key};
use crate::store::{PracticeTally, Store};
use resapi_core::aggregate::period::Period;
use resapi_core::aggregate::practice_group::{Accuracy, GuardedPractice, PracticeGroup};
use resapi_core::aggregate::suppression::{Guarded, Visibility};
use resapi_core::aggregate::threshold::MinRespondents;
use resapi_core::catalog::{VALUE_IDS, all_indicator_ids};
use resapi_core::practice::percent;
use std::collections::{HashMap, HashSet};

pub struct Tallies {
    rows: Vec<PracticeTally>,
}

fn n(x: i64) -> u32 {
    u32::try_from(x.max(0)).unwrap_or(u32::MAX)
}

impl Tallies {
    pub async fn load(store: &Store, periods: &[Period]) -> Result<Tallies> {
        let labels: Vec<String> = periods.iter().map(Period::to_string).collect();
        Ok(Tallies {
            rows: store.practice_tallies(&labels, None).await?,
        })
    }

    /// key -> (answered, correct, people) over the units in scope. People add up across
    /// units: a person is counted in one unit per period and key.
    fn sums(&self, period: &Period, scope: &HashSet<String>) -> HashMap<&str, (i64, i64, i64)> {
        let label = period.to_string();
        let mut out: HashMap<&str, (i64, i64, i64)> = HashMap::new();
        for t in self
            .rows
            .iter()
            .filter(|t| t.period == label && scope.contains(&t.unit_id))
        {
            let s = out.entry(t.key.as_str()).or_default();
            s.0 += t.answered;
            s.1 += t.correct;
            s.2 += t.people;
        }
        out
    }

    fn group(&self, period: &Period, scope: &HashSet<String>) -> PracticeGroup {
        let sums = self.sums(period, scope);
        let accuracy = |key: &str, shown_as: &str| {
            sums.get(key).map(|&(answered, correct, people)| Accuracy {
                key: shown_as.to_string(),
                answered: n(answered),
                correct: n(correct),
                percent: percent(n(correct), n(answered)),
                people: n(people),
            })
        };
        PracticeGroup {
            overall: accuracy(ALL_KEY, "").unwrap_or(Accuracy {
                key: String::new(),
                answered: 0,
                correct: 0,
                percent: 0,
                people: 0,
            }),
            per_value: VALUE_IDS
                .iter()
                .filter_map(|v| accuracy(&value_key(v), v))
                .collect(),
            per_indicator: all_indicator_ids()
                .iter()
                .filter_map(|i| accuracy(i, i))
                .collect(),
        }
    }

    /// The unit's practice figures in `period`, where its cell is shown.
    pub fn guarded(
        &self,
        period: &Period,
        scope: &HashSet<String>,
        visibility: Visibility,
        k: MinRespondents,
    ) -> Guarded<GuardedPractice> {
        let g = self.group(period, scope);
        visibility.guard(g.overall.people, || g.guarded(k))
    }

    /// Overall accuracy (a trend point or a sub-unit bar), where the cell is shown.
    pub fn overall(
        &self,
        period: &Period,
        scope: &HashSet<String>,
        visibility: Visibility,
    ) -> Guarded<Accuracy> {
        let g = self.group(period, scope);
        visibility.guard(g.overall.people, || g.overall)
    }
}
