//! The unit board in team mode. A unit's score is the mean of the totals of its members
//! who answered at least one question, so a big unit does not win by numbers alone and a
//! member who joined but never answered does not pull the unit down. A unit ranks only
//! with at least [`MIN_UNIT_PLAYERS`] such members: one fast person is not a unit, and a
//! unit of one or two would be identifiable on the projector.

use super::leaderboard::rank_by;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// Members who answered that a unit needs to be ranked.
pub const MIN_UNIT_PLAYERS: u32 = 3;

/// One player's part in the unit board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member<'a> {
    pub unit_id: &'a str,
    pub unit_name: &'a str,
    pub total: u32,
    /// Questions this player answered (any answer, right or wrong).
    pub answered: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitRow {
    /// None for a unit with too few players ("belum cukup pemain").
    pub rank: Option<u32>,
    pub unit_id: String,
    pub unit_name: String,
    /// Members who answered at least one question.
    pub players: u32,
    /// Sum of those members' totals.
    pub total: u64,
    /// total / players, rounded half up to a whole number for display.
    pub mean: u32,
}

impl UnitRow {
    /// The exact mean, for charts.
    pub fn mean_exact(&self) -> f64 {
        if self.players == 0 {
            0.0
        } else {
            self.total as f64 / f64::from(self.players)
        }
    }
}

/// Ranked units first (best mean first), then the units with too few players.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UnitBoard {
    pub ranked: Vec<UnitRow>,
    /// Shown as "belum cukup pemain" / "not enough players yet", by name.
    pub too_few: Vec<UnitRow>,
}

impl UnitBoard {
    pub fn new<'a>(members: impl IntoIterator<Item = Member<'a>>) -> UnitBoard {
        let mut units: BTreeMap<&str, (&str, u32, u64)> = BTreeMap::new();
        for m in members {
            if m.answered == 0 {
                continue;
            }
            let unit = units.entry(m.unit_id).or_insert((m.unit_name, 0, 0));
            unit.1 += 1;
            unit.2 += u64::from(m.total);
        }
        let rows = units
            .into_iter()
            .map(|(id, (name, players, total))| UnitRow {
                rank: None,
                unit_id: id.to_owned(),
                unit_name: name.to_owned(),
                players,
                total,
                mean: ((2 * total + u64::from(players)) / (2 * u64::from(players))) as u32,
            });
        let (enough, mut too_few): (Vec<UnitRow>, Vec<UnitRow>) =
            rows.partition(|r| r.players >= MIN_UNIT_PLAYERS);
        let mut enough = enough;
        enough.sort_by(|a, b| a.unit_name.cmp(&b.unit_name));
        too_few.sort_by(|a, b| a.unit_name.cmp(&b.unit_name));
        let ranked = rank_by(enough, better_mean)
            .into_iter()
            .map(|(rank, row)| UnitRow {
                rank: Some(rank),
                ..row
            })
            .collect();
        UnitBoard { ranked, too_few }
    }

    /// The best unit for the podium (the first of tied best units by name).
    pub fn best(&self) -> Option<&UnitRow> {
        self.ranked.first()
    }
}

/// Higher exact mean first, compared without rounding: a/n vs b/m as a·m vs b·n.
fn better_mean(a: &UnitRow, b: &UnitRow) -> Ordering {
    let left = u128::from(b.total) * u128::from(a.players);
    let right = u128::from(a.total) * u128::from(b.players);
    left.cmp(&right)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m<'a>(unit: &'a str, total: u32, answered: u32) -> Member<'a> {
        Member {
            unit_id: unit,
            unit_name: unit,
            total,
            answered,
        }
    }

    #[test]
    fn a_units_score_is_the_mean_of_members_who_answered() {
        let board = UnitBoard::new(vec![
            m("Keuangan", 3000, 3),
            m("Keuangan", 2000, 3),
            m("Keuangan", 0, 3),
            m("Keuangan", 0, 0), // joined, never answered: not counted
            m("Umum", 2500, 3),
            m("Umum", 2500, 2),
            m("Umum", 2500, 3),
        ]);
        let rows: Vec<(Option<u32>, &str, u32, u32)> = board
            .ranked
            .iter()
            .map(|r| (r.rank, r.unit_name.as_str(), r.players, r.mean))
            .collect();
        // Umum 7500/3 = 2500; Keuangan 5000/3 = 1666.67 → shown 1667.
        assert_eq!(
            rows,
            [(Some(1), "Umum", 3, 2500), (Some(2), "Keuangan", 3, 1667)]
        );
        assert!((board.ranked[1].mean_exact() - 1666.666).abs() < 0.01);
        assert_eq!(board.best().map(|r| r.unit_name.as_str()), Some("Umum"));
    }

    #[test]
    fn a_unit_with_fewer_than_three_players_is_listed_but_not_ranked() {
        let board = UnitBoard::new(vec![
            m("Hukum", 5000, 5),
            m("Hukum", 5000, 5),
            m("Umum", 1000, 1),
            m("Umum", 1000, 1),
            m("Umum", 1000, 1),
        ]);
        assert_eq!(board.ranked.len(), 1);
        assert_eq!(board.ranked[0].unit_name, "Umum");
        assert_eq!(board.too_few.len(), 1);
        assert_eq!(board.too_few[0].unit_name, "Hukum");
        assert_eq!(board.too_few[0].rank, None);
        assert_eq!(board.too_few[0].players, 2);
    }

    #[test]
    fn equal_means_tie_even_when_their_sizes_differ() {
        // 3000/3 = 1000 and 4000/4 = 1000: same rank; 2700/3 = 900 is third.
        let mut members = vec![m("A", 1000, 1); 3];
        members.extend(vec![m("B", 1000, 1); 4]);
        members.extend(vec![m("C", 900, 1); 3]);
        let board = UnitBoard::new(members);
        let ranks: Vec<(Option<u32>, &str)> = board
            .ranked
            .iter()
            .map(|r| (r.rank, r.unit_id.as_str()))
            .collect();
        assert_eq!(ranks, [(Some(1), "A"), (Some(1), "B"), (Some(3), "C")]);
    }

    #[test]
    fn means_that_differ_by_less_than_rounding_still_order() {
        // 2001/3 = 667.0 and 2000/3 = 666.67 both show 667, but the first is ahead.
        let board = UnitBoard::new(vec![
            m("X", 667, 1),
            m("X", 667, 1),
            m("X", 667, 1),
            m("Y", 666, 1),
            m("Y", 667, 1),
            m("Y", 667, 1),
        ]);
        assert_eq!(board.ranked[0].unit_id, "X");
        assert_eq!(board.ranked[1].rank, Some(2));
        assert_eq!(board.ranked[1].mean, 667);
    }
}
