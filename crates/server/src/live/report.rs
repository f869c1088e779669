//! A game's report: the trainer's summary, the final board and the unit board, stored with
//! the game (history) and written as the CSV export.

use crate::export::{Cell, Column, ColumnKind, Table};
use resapi_core::live::game::Game;
use resapi_core::live::leaderboard::LeaderRow;
use resapi_core::live::summary::Summary;
use resapi_core::live::team::UnitBoard;
use serde::{Deserialize, Serialize};

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
