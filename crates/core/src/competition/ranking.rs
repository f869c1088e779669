//! How units are ranked in a competition, fairly whatever their size (docs/competitions.md).
//!
//! For a unit with `M` members of whom `n` took part, with mean score `x̄` (each person's
//! share correct), and `μ` the mean over every participant in the competition:
//!
//! - participation `p = n / M`;
//! - weight `w = n / (n + k · (1 − p))`: how far the unit's own mean is trusted. It grows
//!   with the people who took part and reaches 1 when everyone did (then the mean is not an
//!   estimate but the fact); `k` is the prior's strength in people;
//! - shrunk mean `m̂ = w · x̄ + (1 − w) · μ`: one keen member of a big unit says little about
//!   the unit, so its mean is pulled to everyone's;
//! - score `100 · m̂ · ((1 − a) + a · p)`: participation counts, by at most the share `a`.
//!
//! Units with fewer than `min_participants` are listed but not ranked. Equal scores (as
//! published, to two decimals) are broken by participation, then by the earlier average
//! completion; units equal on all three share a rank.

use crate::live::leaderboard::rank_by;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// The rule's parameters, published beside the ranking.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RankingRule {
    /// `k`: the prior's strength, in people.
    pub prior_people: f64,
    /// `a`: how much of the score participation can move (0–1).
    pub participation_share: f64,
    /// Units with fewer participants are listed but not ranked.
    pub min_participants: u32,
}

impl Default for RankingRule {
    fn default() -> Self {
        RankingRule {
            prior_people: 5.0,
            participation_share: 0.25,
            min_participants: 3,
        }
    }
}

/// One unit's inputs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitInput {
    pub unit: String,
    /// Members of the unit (its subtree) when the competition opened.
    pub members: u32,
    /// Each participant's share correct, 0–1.
    pub scores: Vec<f64>,
    /// Mean completion time of its attempts, Unix ms (earlier breaks ties).
    pub mean_finished_ms: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unranked {
    /// Fewer participants than the rule's minimum.
    TooFewParticipants,
}

/// One unit's standing, with every input of its score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitStanding {
    pub unit: String,
    /// `None` when listed but not ranked.
    pub rank: Option<u32>,
    pub unranked: Option<Unranked>,
    pub members: u32,
    pub participants: u32,
    /// `p`, 0–1.
    pub participation: f64,
    /// `x̄`, 0–1; `None` without participants.
    pub mean: Option<f64>,
    /// `w`, 0–1.
    pub weight: f64,
    /// `m̂`, 0–1.
    pub shrunk_mean: f64,
    /// 0–100, rounded to two decimals.
    pub score: f64,
    pub mean_finished_ms: Option<i64>,
}

/// The ranking with the rule and the overall mean it used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ranking {
    pub rule: RankingRule,
    /// `μ`, 0–1; `None` when nobody took part.
    pub overall_mean: Option<f64>,
    /// Ranked units first (best first), then the unranked ones by score.
    pub units: Vec<UnitStanding>,
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn standing(u: &UnitInput, rule: &RankingRule, overall: f64) -> UnitStanding {
    let n = u.scores.len() as u32;
    // A roster that shrank below the people who took part: they were members then.
    let members = u.members.max(n);
    let participation = if members == 0 {
        0.0
    } else {
        f64::from(n) / f64::from(members)
    };
    let mean = (n > 0).then(|| u.scores.iter().sum::<f64>() / f64::from(n));
    let weight = if n == 0 {
        0.0
    } else {
        f64::from(n) / (f64::from(n) + rule.prior_people * (1.0 - participation))
    };
    let shrunk_mean = weight * mean.unwrap_or(0.0) + (1.0 - weight) * overall;
    let a = rule.participation_share.clamp(0.0, 1.0);
    let score = round2(100.0 * shrunk_mean * ((1.0 - a) + a * participation));
    let unranked = (n < rule.min_participants.max(1)).then_some(Unranked::TooFewParticipants);
    UnitStanding {
        unit: u.unit.clone(),
        rank: None,
        unranked,
        members,
        participants: n,
        participation,
        mean,
        weight,
        shrunk_mean,
        score,
        mean_finished_ms: u.mean_finished_ms,
    }
}

/// Best first: score, then participation, then the earlier average completion.
fn better(a: &UnitStanding, b: &UnitStanding) -> Ordering {
    b.score
        .total_cmp(&a.score)
        .then(b.participation.total_cmp(&a.participation))
        .then(match (a.mean_finished_ms, b.mean_finished_ms) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        })
}

pub fn rank_units(units: &[UnitInput], rule: RankingRule) -> Ranking {
    let all: Vec<f64> = units
        .iter()
        .flat_map(|u| u.scores.iter().copied())
        .collect();
    let overall_mean = (!all.is_empty()).then(|| all.iter().sum::<f64>() / all.len() as f64);
    let mut standings: Vec<UnitStanding> = units
        .iter()
        .map(|u| standing(u, &rule, overall_mean.unwrap_or(0.0)))
        .collect();
    // Input order must not decide anything: ties keep the unit id order.
    standings.sort_by(|a, b| a.unit.cmp(&b.unit));
    let (ranked, mut unranked): (Vec<_>, Vec<_>) =
        standings.into_iter().partition(|s| s.unranked.is_none());
    let mut out: Vec<UnitStanding> = rank_by(ranked, better)
        .into_iter()
        .map(|(rank, s)| UnitStanding {
            rank: Some(rank),
            ..s
        })
        .collect();
    unranked.sort_by(better);
    out.extend(unranked);
    Ranking {
        rule,
        overall_mean,
        units: out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(id: &str, members: u32, scores: &[f64]) -> UnitInput {
        UnitInput {
            unit: id.into(),
            members,
            scores: scores.to_vec(),
            mean_finished_ms: Some(0),
        }
    }

    fn order(r: &Ranking) -> Vec<(&str, Option<u32>)> {
        r.units.iter().map(|s| (s.unit.as_str(), s.rank)).collect()
    }

    fn get<'a>(r: &'a Ranking, id: &str) -> &'a UnitStanding {
        r.units.iter().find(|s| s.unit == id).unwrap()
    }

    #[test]
    fn one_keen_member_of_a_big_unit_does_not_beat_a_unit_that_took_part_whole() {
        let rule = RankingRule {
            min_participants: 1,
            ..RankingRule::default()
        };
        let r = rank_units(
            &[
                unit("keen", 40, &[1.0]),
                unit("whole", 10, &[0.8; 10]),
                unit("half", 20, &[0.75; 10]),
            ],
            rule,
        );
        assert_eq!(
            order(&r),
            [("whole", Some(1)), ("half", Some(2)), ("keen", Some(3))]
        );
        // μ = (1 + 8 + 7.5) / 21; the keen unit's weight 1 / (1 + 5 · 39/40) ≈ 0.17, so its
        // perfect score counts for little: it is pulled most of the way to μ, and half the
        // members of another unit at 75 % outweigh it.
        let mu = 16.5 / 21.0;
        assert!((r.overall_mean.unwrap() - mu).abs() < 1e-12);
        let keen = get(&r, "keen");
        let w = 1.0 / (1.0 + 5.0 * 39.0 / 40.0);
        assert!((keen.weight - w).abs() < 1e-12);
        let m = w * 1.0 + (1.0 - w) * mu;
        assert_eq!(keen.score, round2(100.0 * m * (0.75 + 0.25 / 40.0)));
        // Everyone took part: the mean is the fact, not shrunk; full participation factor.
        let whole = get(&r, "whole");
        assert_eq!((whole.weight, whole.score), (1.0, 80.0));
        assert!((whole.shrunk_mean - 0.8).abs() < 1e-12);
    }

    #[test]
    fn with_everyone_taking_part_size_neither_helps_nor_hurts() {
        let scores_small = [0.9, 0.7, 0.5, 0.7, 0.7];
        let scores_big: Vec<f64> = scores_small.iter().cycle().take(50).copied().collect();
        let r = rank_units(
            &[
                unit("small", 5, &scores_small),
                unit("big", 50, &scores_big),
                unit("other", 8, &[0.4; 8]),
            ],
            RankingRule::default(),
        );
        assert_eq!(get(&r, "small").score, get(&r, "big").score);
        assert_eq!(get(&r, "small").rank, get(&r, "big").rank);
        assert_eq!(
            get(&r, "other").rank,
            Some(3),
            "tied first places skip the second"
        );
    }

    #[test]
    fn equal_scores_go_to_the_higher_participation_then_the_earlier_finish() {
        // Same shrunk mean (all 0.6 = μ) and both the whole unit: a tie on score and
        // participation, broken by the earlier average completion.
        let mut early = unit("early", 4, &[0.6; 4]);
        early.mean_finished_ms = Some(1_000);
        let mut late = unit("late", 3, &[0.6; 3]);
        late.mean_finished_ms = Some(2_000);
        let r = rank_units(&[late.clone(), early.clone()], RankingRule::default());
        assert_eq!(order(&r), [("early", Some(1)), ("late", Some(2))]);
        // Same score, different participation: participation first. With μ = 0.6 for all,
        // the score is 60 · (0.75 + 0.25 p), so equal scores need equal p; use a = 0.
        let rule = RankingRule {
            participation_share: 0.0,
            ..RankingRule::default()
        };
        let r = rank_units(
            &[unit("most", 4, &[0.6; 3]), unit("all", 3, &[0.6; 3])],
            rule,
        );
        assert_eq!(get(&r, "most").score, get(&r, "all").score);
        assert_eq!(order(&r), [("all", Some(1)), ("most", Some(2))]);
        // Equal on everything: the same rank, whatever the input order.
        let twin = UnitInput {
            unit: "twin".into(),
            ..early.clone()
        };
        let r = rank_units(&[twin, early], RankingRule::default());
        assert_eq!(order(&r), [("early", Some(1)), ("twin", Some(1))]);
    }

    #[test]
    fn units_below_the_minimum_are_listed_but_not_ranked() {
        let r = rank_units(
            &[
                unit("two", 2, &[1.0, 1.0]),
                unit("none", 30, &[]),
                unit("three", 9, &[0.5, 0.5, 0.5]),
            ],
            RankingRule::default(),
        );
        assert_eq!(
            order(&r),
            [("three", Some(1)), ("two", None), ("none", None)]
        );
        let none = get(&r, "none");
        assert_eq!(none.unranked, Some(Unranked::TooFewParticipants));
        assert_eq!((none.participants, none.mean, none.weight), (0, None, 0.0));
    }

    #[test]
    fn nobody_taking_part_ranks_nobody_and_divides_by_nothing() {
        let r = rank_units(
            &[unit("a", 10, &[]), unit("b", 0, &[])],
            RankingRule::default(),
        );
        assert_eq!(r.overall_mean, None);
        assert!(r.units.iter().all(|s| s.rank.is_none() && s.score == 0.0));
        assert!(r.units.iter().all(|s| s.participation.is_finite()));
    }

    #[test]
    fn a_roster_smaller_than_its_participants_counts_them_as_members() {
        let r = rank_units(&[unit("moved", 2, &[0.5; 4])], RankingRule::default());
        let s = get(&r, "moved");
        assert_eq!((s.members, s.participation, s.weight), (4, 1.0, 1.0));
    }
}
