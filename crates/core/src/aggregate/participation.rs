//! Participation of a unit in a period: how many people are members, how many did anything
//! in the app, and how many answered a questionnaire.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participation {
    /// People in the unit and its sub-units.
    pub members: u32,
    /// Members with any practice, questionnaire, module or reflection record in the period.
    pub active: u32,
    /// Members with at least one questionnaire response in the period.
    pub respondents: u32,
    /// `active ÷ members`, whole percent (0 for an empty unit).
    pub active_percent: u32,
    /// `respondents ÷ members`, whole percent.
    pub respondent_percent: u32,
}

/// Counts participation. Activity and responses of people who are not members (moved away,
/// or another unit) are ignored, so the shares never pass 100 %.
pub fn participation(
    members: &BTreeSet<Uuid>,
    active: &BTreeSet<Uuid>,
    respondents: &BTreeSet<Uuid>,
) -> Participation {
    let n = |s: &BTreeSet<Uuid>| u32::try_from(s.intersection(members).count()).unwrap_or(u32::MAX);
    let total = u32::try_from(members.len()).unwrap_or(u32::MAX);
    // A respondent is active by definition, even if the caller's activity list missed them.
    let active_all: BTreeSet<Uuid> = active.union(respondents).copied().collect();
    let (active, respondents) = (n(&active_all), n(respondents));
    Participation {
        members: total,
        active,
        respondents,
        active_percent: crate::practice::percent(active, total),
        respondent_percent: crate::practice::percent(respondents, total),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(xs: &[u128]) -> BTreeSet<Uuid> {
        xs.iter().map(|x| Uuid::from_u128(*x)).collect()
    }

    #[test]
    fn counts_members_only_and_respondents_are_active() {
        let p = participation(&ids(&[1, 2, 3, 4]), &ids(&[1, 2, 9]), &ids(&[2, 3, 8]));
        assert_eq!((p.members, p.active, p.respondents), (4, 3, 2));
        assert_eq!((p.active_percent, p.respondent_percent), (75, 50));
        let empty = participation(&ids(&[]), &ids(&[1]), &ids(&[]));
        assert_eq!(
            (empty.members, empty.active, empty.active_percent),
            (0, 0, 0)
        );
    }
}
