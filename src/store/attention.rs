//! Records the server refused, kept with its message so the person can see and export them.

use super::{Store, db};
use resapi_core::sync::SyncRecord;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttentionItem {
    pub id: String,
    pub account_id: String,
    pub code: String,
    pub message: String,
    /// When the server refused it (RFC 3339).
    pub at: String,
    pub record: SyncRecord,
}

impl Store {
    pub async fn attention(&self, account_id: &str) -> db::Result<Vec<AttentionItem>> {
        let mut items: Vec<AttentionItem> =
            db::all_for_account(self.db(), db::ATTENTION, account_id).await?;
        items.sort_by(|a, b| b.at.cmp(&a.at));
        Ok(items)
    }

    pub async fn attention_count(&self, account_id: &str) -> db::Result<u32> {
        db::count_for_account(self.db(), db::ATTENTION, account_id).await
    }
}
