//! "One response per person per period counts (the latest)": whatever a person submitted
//! more, a group figure reads only their last questionnaire response of the period. And the
//! mirror rule for practice item analysis: a person's *first* answer to a question.
//!
//! Ties on the time (two records in the same second) are broken by the record id, a UUID v7
//! that grows with time on the device, so the choice never depends on query order.

use super::period::Period;
use crate::scoring::Answers;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::{OffsetDateTime, UtcOffset};
use uuid::Uuid;

/// One questionnaire response as the group figures read it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResponseFact {
    /// The record id.
    pub id: Uuid,
    pub person: Uuid,
    pub questionnaire_id: String,
    /// When the person answered (the record's `created_at`).
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub answers: Answers,
}

/// Which end of time to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    Earliest,
    Latest,
}

/// Keeps one item per key: the earliest or the latest by `(time, id)`. Returned in key order.
pub fn one_per_key<'a, T, K: Ord>(
    items: impl IntoIterator<Item = &'a T>,
    key: impl Fn(&T) -> K,
    stamp: impl Fn(&T) -> (OffsetDateTime, Uuid),
    keep: Keep,
) -> Vec<&'a T> {
    let mut best: BTreeMap<K, &'a T> = BTreeMap::new();
    for item in items {
        let slot = best.entry(key(item)).or_insert(item);
        let better = match keep {
            Keep::Latest => stamp(item) > stamp(slot),
            Keep::Earliest => stamp(item) < stamp(slot),
        };
        if better {
            *slot = item;
        }
    }
    best.into_values().collect()
}

/// Each person's latest response to each questionnaire within `period` (on the agency's
/// calendar, `offset`). Responses outside the period are ignored. Ordered by questionnaire,
/// then person.
pub fn latest_per_person<'a>(
    responses: &'a [ResponseFact],
    period: &Period,
    offset: UtcOffset,
) -> Vec<&'a ResponseFact> {
    one_per_key(
        responses
            .iter()
            .filter(|r| period.contains_date(r.at.to_offset(offset).date())),
        |r| (r.questionnaire_id.clone(), r.person),
        |r| (r.at, r.id),
        Keep::Latest,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{datetime, offset};

    fn response(n: u128, person: u128, q: &str, at: OffsetDateTime, answer: u8) -> ResponseFact {
        ResponseFact {
            id: Uuid::from_u128(n),
            person: Uuid::from_u128(person),
            questionnaire_id: q.into(),
            at,
            answers: [("x".to_string(), answer)].into_iter().collect(),
        }
    }

    #[test]
    fn the_latest_response_of_the_period_counts_once() {
        let rs = vec![
            response(1, 7, "komitmen", datetime!(2026-03-02 09:00 UTC), 2),
            response(2, 7, "komitmen", datetime!(2026-03-20 09:00 UTC), 4),
            // April: another period.
            response(3, 7, "komitmen", datetime!(2026-04-02 09:00 UTC), 1),
            // Another questionnaire of the same person counts separately.
            response(4, 7, "smart-asn", datetime!(2026-03-05 09:00 UTC), 3),
            response(5, 8, "komitmen", datetime!(2026-03-01 09:00 UTC), 5),
        ];
        let march = Period::month(2026, 3).unwrap();
        let picked = latest_per_person(&rs, &march, offset!(+7));
        let ids: Vec<u128> = picked.iter().map(|r| r.id.as_u128()).collect();
        assert_eq!(ids, vec![2, 5, 4]);
        let q1 = Period::quarter(2026, 1).unwrap();
        assert_eq!(latest_per_person(&rs, &q1, offset!(+7)).len(), 3);
        let year = Period::year(2026);
        let ids: Vec<u128> = latest_per_person(&rs, &year, offset!(+7))
            .iter()
            .map(|r| r.id.as_u128())
            .collect();
        assert_eq!(ids, vec![3, 5, 4]);
    }

    #[test]
    fn the_local_calendar_decides_the_period_and_the_id_breaks_ties() {
        let same = datetime!(2026-03-31 18:00 UTC); // 1 April 01:00 WIB
        let rs = vec![
            response(9, 7, "komitmen", same, 2),
            response(8, 7, "komitmen", same, 4),
        ];
        let march = Period::month(2026, 3).unwrap();
        assert!(latest_per_person(&rs, &march, offset!(+7)).is_empty());
        let april = Period::month(2026, 4).unwrap();
        let picked = latest_per_person(&rs, &april, offset!(+7));
        assert_eq!(picked[0].id.as_u128(), 9);
        let first = one_per_key(&rs, |r| r.person, |r| (r.at, r.id), Keep::Earliest);
        assert_eq!(first[0].id.as_u128(), 8);
    }
}
