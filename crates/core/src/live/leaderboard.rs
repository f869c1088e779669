//! Ranking with ties: the same points give the same rank, and the next rank skips the
//! tied places (standard competition ranking, "1, 2, 2, 4").

use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// Items in order with their rank. `better` orders best first; items it calls equal share
/// a rank. The sort is stable: tied items keep their given order.
pub fn rank_by<T>(mut items: Vec<T>, better: impl Fn(&T, &T) -> Ordering) -> Vec<(u32, T)> {
    items.sort_by(&better);
    let mut out: Vec<(u32, T)> = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let rank = match out.last() {
            Some((prev_rank, prev)) if better(prev, &item) == Ordering::Equal => *prev_rank,
            _ => i as u32 + 1,
        };
        out.push((rank, item));
    }
    out
}

/// One row of the people leaderboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaderRow {
    pub rank: u32,
    pub player: super::game::PlayerId,
    pub name: String,
    pub unit_name: String,
    pub points: u32,
    pub correct: u32,
}

/// Everyone still in the game, best first: by points, then (for the order of tied rows
/// only) by name, so a screen does not reshuffle tied people between updates.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Leaderboard {
    pub rows: Vec<LeaderRow>,
}

/// A player's standing before ranking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub player: super::game::PlayerId,
    pub name: String,
    pub unit_name: String,
    pub points: u32,
    pub correct: u32,
}

impl Leaderboard {
    pub fn new(mut entries: Vec<Entry>) -> Leaderboard {
        entries.sort_by(|a, b| a.name.cmp(&b.name).then(a.player.cmp(&b.player)));
        let rows = rank_by(entries, |a, b| b.points.cmp(&a.points))
            .into_iter()
            .map(|(rank, e)| LeaderRow {
                rank,
                player: e.player,
                name: e.name,
                unit_name: e.unit_name,
                points: e.points,
                correct: e.correct,
            })
            .collect();
        Leaderboard { rows }
    }

    /// The first `n` rows (a tie across the n-th place is cut; the ranks show it).
    pub fn top(&self, n: usize) -> Vec<LeaderRow> {
        self.rows.iter().take(n).cloned().collect()
    }

    /// A player's own row, wherever it is.
    pub fn row_of(&self, player: super::game::PlayerId) -> Option<&LeaderRow> {
        self.rows.iter().find(|r| r.player == player)
    }
}

#[cfg(test)]
mod tests {
    use super::super::game::PlayerId;
    use super::*;

    fn entry(id: u32, name: &str, points: u32) -> Entry {
        Entry {
            player: PlayerId(id),
            name: name.into(),
            unit_name: "Biro Umum".into(),
            points,
            correct: points / 1000,
        }
    }

    #[test]
    fn equal_points_share_a_rank_and_the_next_rank_skips() {
        let board = Leaderboard::new(vec![
            entry(1, "Dewi", 2000),
            entry(2, "Budi", 3000),
            entry(3, "Citra", 2000),
            entry(4, "Agus", 1000),
            entry(5, "Eka", 2000),
        ]);
        let ranks: Vec<(u32, &str)> = board
            .rows
            .iter()
            .map(|r| (r.rank, r.name.as_str()))
            .collect();
        assert_eq!(
            ranks,
            [
                (1, "Budi"),
                (2, "Citra"),
                (2, "Dewi"),
                (2, "Eka"),
                (5, "Agus")
            ]
        );
    }

    #[test]
    fn top_n_and_a_players_own_rank() {
        let board = Leaderboard::new(
            (1..=12)
                .map(|i| entry(i, &format!("P{i:02}"), i * 100))
                .collect(),
        );
        let top = board.top(10);
        assert_eq!(top.len(), 10);
        assert_eq!(top[0].name, "P12");
        assert_eq!(top[9].name, "P03");
        assert_eq!(board.row_of(PlayerId(1)).map(|r| r.rank), Some(12));
        assert_eq!(board.row_of(PlayerId(99)), None);
    }

    #[test]
    fn everyone_tied_is_first() {
        let board = Leaderboard::new(vec![entry(1, "A", 0), entry(2, "B", 0)]);
        assert!(board.rows.iter().all(|r| r.rank == 1));
        assert!(Leaderboard::new(vec![]).rows.is_empty());
    }
}
