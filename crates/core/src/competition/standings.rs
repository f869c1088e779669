//! From counted attempts to standings: which units are ranked, how many members each has,
//! and the order of the people. A competition is set for one unit and its subtree; its
//! direct sub-units are the ones ranked, each with everything under it (a directorate with
//! its sections), and people placed directly in the top unit form a group of their own.

use super::ranking::UnitInput;
use crate::live::leaderboard::rank_by;
use crate::role::subtree;
use std::collections::{BTreeMap, HashSet};
use uuid::Uuid;

/// One counted attempt.
#[derive(Debug, Clone, PartialEq)]
pub struct Taken {
    pub account: Uuid,
    /// The unit the person was in when the attempt arrived.
    pub unit_id: String,
    pub correct: u32,
    pub total: u32,
    pub started_ms: i64,
    pub finished_ms: i64,
}

impl Taken {
    pub fn share(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            f64::from(self.correct) / f64::from(self.total)
        }
    }

    pub fn seconds(&self) -> u32 {
        u32::try_from((self.finished_ms - self.started_ms).max(0) / 1000).unwrap_or(u32::MAX)
    }
}

/// A ranked group: its unit and every unit it counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub unit_id: String,
    pub units: HashSet<String>,
}

/// The groups a competition of `root` ranks: each direct sub-unit with its subtree, and
/// `root` itself for the people placed directly in it, when it has any (or when it has no
/// sub-units at all). `members` counts accounts per unit.
pub fn groups(
    root: &str,
    tree: &[(String, Option<String>)],
    members: &BTreeMap<String, u32>,
) -> Vec<Group> {
    let mut out: Vec<Group> = tree
        .iter()
        .filter(|(_, parent)| parent.as_deref() == Some(root))
        .map(|(id, _)| Group {
            unit_id: id.clone(),
            units: subtree(id, tree),
        })
        .collect();
    if out.is_empty() || members.get(root).is_some_and(|m| *m > 0) {
        out.push(Group {
            unit_id: root.to_owned(),
            units: HashSet::from([root.to_owned()]),
        });
    }
    out.sort_by(|a, b| a.unit_id.cmp(&b.unit_id));
    out
}

/// The group an attempt counts for, if any.
pub fn group_of<'a>(groups: &'a [Group], unit_id: &str) -> Option<&'a Group> {
    groups.iter().find(|g| g.units.contains(unit_id))
}

/// The ranking rule's inputs: members and each participant's share per group.
pub fn unit_inputs(
    groups: &[Group],
    taken: &[Taken],
    members: &BTreeMap<String, u32>,
) -> Vec<UnitInput> {
    groups
        .iter()
        .map(|g| {
            let mine: Vec<&Taken> = taken
                .iter()
                .filter(|t| g.units.contains(&t.unit_id))
                .collect();
            let finished: Vec<i64> = mine.iter().map(|t| t.finished_ms).collect();
            UnitInput {
                unit: g.unit_id.clone(),
                members: g.units.iter().filter_map(|u| members.get(u)).sum(),
                scores: mine.iter().map(|t| t.share()).collect(),
                mean_finished_ms: (!finished.is_empty())
                    .then(|| finished.iter().sum::<i64>() / finished.len() as i64),
            }
        })
        .collect()
}

/// People best first: more correct, then the shorter attempt; equal on both share a rank.
pub fn rank_people(taken: &[Taken]) -> Vec<(u32, &Taken)> {
    rank_by(taken.iter().collect(), |a: &&Taken, b: &&Taken| {
        b.share()
            .total_cmp(&a.share())
            .then(a.seconds().cmp(&b.seconds()))
    })
}

/// 0–100 with two decimals, as published.
pub fn percent(share: f64) -> f64 {
    (share * 10_000.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> Vec<(String, Option<String>)> {
        [
            ("kab", None),
            ("dinkes", Some("kab")),
            ("pkm-a", Some("dinkes")),
            ("disdik", Some("kab")),
            ("other", None),
        ]
        .iter()
        .map(|(id, p)| (id.to_string(), p.map(str::to_string)))
        .collect()
    }

    fn taken(unit: &str, correct: u32, seconds: i64) -> Taken {
        Taken {
            account: Uuid::now_v7(),
            unit_id: unit.into(),
            correct,
            total: 10,
            started_ms: 0,
            finished_ms: seconds * 1000,
        }
    }

    #[test]
    fn direct_sub_units_are_ranked_with_everything_under_them() {
        let members = BTreeMap::from([
            ("dinkes".to_string(), 4),
            ("pkm-a".to_string(), 6),
            ("disdik".to_string(), 5),
        ]);
        let g = groups("kab", &tree(), &members);
        let ids: Vec<&str> = g.iter().map(|g| g.unit_id.as_str()).collect();
        // Nobody sits directly in `kab`: no group of its own.
        assert_eq!(ids, ["dinkes", "disdik"]);
        assert_eq!(group_of(&g, "pkm-a").unwrap().unit_id, "dinkes");
        assert!(group_of(&g, "other").is_none());
        let inputs = unit_inputs(
            &g,
            &[
                taken("pkm-a", 8, 60),
                taken("dinkes", 6, 120),
                taken("disdik", 9, 30),
            ],
            &members,
        );
        assert_eq!(inputs[0].members, 10);
        assert_eq!(inputs[0].scores, vec![0.8, 0.6]);
        assert_eq!(inputs[0].mean_finished_ms, Some(90_000));
        assert_eq!(inputs[1].members, 5);
    }

    #[test]
    fn people_directly_in_the_top_unit_form_a_group_and_a_leaf_unit_ranks_itself() {
        let members = BTreeMap::from([("kab".to_string(), 2)]);
        let ids: Vec<String> = groups("kab", &tree(), &members)
            .into_iter()
            .map(|g| g.unit_id)
            .collect();
        assert_eq!(ids, ["dinkes", "disdik", "kab"]);
        let leaf: Vec<String> = groups("pkm-a", &tree(), &BTreeMap::new())
            .into_iter()
            .map(|g| g.unit_id)
            .collect();
        assert_eq!(leaf, ["pkm-a"]);
    }

    #[test]
    fn people_rank_by_score_then_the_quicker_attempt() {
        let all = [
            taken("a", 7, 300),
            taken("a", 9, 400),
            taken("a", 9, 200),
            taken("a", 7, 300),
        ];
        let ranked: Vec<(u32, u32, u32)> = rank_people(&all)
            .into_iter()
            .map(|(r, t)| (r, t.correct, t.seconds()))
            .collect();
        assert_eq!(ranked, [(1, 9, 200), (2, 9, 400), (3, 7, 300), (3, 7, 300)]);
        assert_eq!(percent(2.0 / 3.0), 66.67);
    }
}
