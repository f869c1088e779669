//! Finished practice sessions, for the history and result pages.

use super::practice_session::GivenAnswer;
use super::{Store, db};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PracticeResult {
    /// The practice session's id (also the id of its record).
    pub id: String,
    pub account_id: String,
    pub scope: String,
    pub correct: u32,
    pub answered: u32,
    pub total: u32,
    pub percent: u32,
    pub completed: bool,
    pub started_at: String,
    pub finished_at: String,
    /// value id → (correct, answered)
    pub per_value: BTreeMap<String, (u32, u32)>,
    pub answers: Vec<GivenAnswer>,
}

impl Store {
    /// This account's results, newest first.
    pub async fn results(&self, account_id: &str) -> db::Result<Vec<PracticeResult>> {
        let mut items: Vec<PracticeResult> =
            db::all_for_account(self.db(), db::RESULTS, account_id).await?;
        items.sort_by(|a, b| b.finished_at.cmp(&a.finished_at));
        Ok(items)
    }
}
