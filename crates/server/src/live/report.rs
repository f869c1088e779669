//! A game's report: the trainer's summary, the final board and the unit board, stored with
//! the game (history) and written as the CSV export.

use crate::export::{Cell, Column, ColumnKind, Table};
use resapi_core::live::game::{Game, PlayerId};
use resapi_core::live::leaderboard::LeaderRow;
use resapi_core::live::summary::Summary;
use resapi_core::live::team::UnitBoard;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use uuid::Uuid;

pub use resapi_core::api::ERASED_NAME;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GameReport {
    pub summary: Summary,
    /// The hardest question's position (the lowest share of right answers).
    pub hardest: Option<u32>,
    /// Every player still in the game, ranked.
    pub leaderboard: Vec<LeaderRow>,
    pub units: UnitBoard,
}

impl GameReport {
    pub fn of(game: &Game) -> GameReport {
        let summary = game.summary();
        GameReport {
            hardest: summary.hardest().map(|q| q.index),
            summary,
            leaderboard: game.leaderboard().rows.clone(),
            units: game.unit_board().clone(),
        }
    }

    /// The players' results as a table (rank, name, unit, points, right answers).
    pub fn results_table(&self) -> Result<Table, crate::export::ExportError> {
        let columns = vec![
            Column::new("Peringkat", ColumnKind::Integer),
            Column::new("Nama", ColumnKind::Text),
            Column::new("Unit", ColumnKind::Text),
            Column::new("Poin", ColumnKind::Integer),
            Column::new("Jawaban benar", ColumnKind::Integer),
        ];
        let mut table = Table::new("Hasil kuis", columns);
        for r in &self.leaderboard {
            table.push_row(vec![
                Cell::Integer(i64::from(r.rank)),
                Cell::Text(r.name.clone()),
                Cell::Text(r.unit_name.clone()),
                Cell::Integer(i64::from(r.points)),
                Cell::Integer(i64::from(r.correct)),
            ])?;
        }
        Ok(table)
    }
}

/// A report as the database keeps it: the report, and which of its rows are accounts, so
/// erasing an account can find and blank its name (`store/game_reports.rs`). The accounts
/// never leave the server: the history reads the stored JSON as a [`GameReport`], which
/// has no field for them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StoredReport {
    #[serde(flatten)]
    pub report: GameReport,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accounts: Vec<PlayerAccount>,
}

/// One ranked player who joined as an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlayerAccount {
    pub player: PlayerId,
    pub account: Uuid,
}

impl StoredReport {
    pub fn of(game: &Game) -> StoredReport {
        let report = GameReport::of(game);
        let accounts = report
            .leaderboard
            .iter()
            .filter_map(|r| {
                Some(PlayerAccount {
                    player: r.player,
                    account: game.account_of(r.player)?,
                })
            })
            .collect();
        StoredReport { report, accounts }
    }

    /// The accounts the report lists.
    pub fn account_ids(&self) -> impl Iterator<Item = Uuid> + '_ {
        self.accounts.iter().map(|a| a.account)
    }

    /// Blanks the rows of the `erased` accounts ([`ERASED_NAME`]) and forgets which
    /// accounts they were. Whether anything changed.
    pub fn forget(&mut self, erased: &HashSet<Uuid>) -> bool {
        let players: HashSet<PlayerId> = self
            .accounts
            .iter()
            .filter(|a| erased.contains(&a.account))
            .map(|a| a.player)
            .collect();
        if players.is_empty() {
            return false;
        }
        for row in &mut self.report.leaderboard {
            if players.contains(&row.player) {
                row.name = ERASED_NAME.to_owned();
            }
        }
        self.accounts.retain(|a| !erased.contains(&a.account));
        true
    }
}
