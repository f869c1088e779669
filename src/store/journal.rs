//! The person's journal: reflections on modules, the *komitmen aksi* they took on, and how
//! each went. Private: it syncs for restore, and nobody else sees it.

use super::{Store, db};
use resapi_core::sync::{CheckinOutcome, SyncRecord};
use rexie::TransactionMode;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Entry {
    Reflection {
        module_id: String,
        text: String,
    },
    Commitment {
        module_id: String,
        action_id: Option<String>,
        text: String,
        /// Local date `YYYY-MM-DD` when home asks how it went.
        due_on: String,
        /// Filled in by the check-in.
        #[serde(default)]
        outcome: Option<CheckinOutcome>,
        #[serde(default)]
        note: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JournalItem {
    /// The record id.
    pub id: String,
    pub account_id: String,
    pub at: String,
    pub entry: Entry,
}

impl Store {
    /// Keeps a journal entry and queues its record, together.
    pub async fn add_journal(&self, item: &JournalItem, record: &SyncRecord) -> db::Result<()> {
        let tx = self
            .db()
            .transaction(&[db::OUTBOX, db::JOURNAL], TransactionMode::ReadWrite)?;
        tx.store(db::OUTBOX)?.put(&db::to_js(record)?, None).await?;
        tx.store(db::JOURNAL)?.put(&db::to_js(item)?, None).await?;
        tx.done().await?;
        Ok(())
    }

    /// This account's journal, newest first.
    pub async fn journal(&self, account_id: &str) -> db::Result<Vec<JournalItem>> {
        let mut items: Vec<JournalItem> =
            db::all_for_account(self.db(), db::JOURNAL, account_id).await?;
        items.sort_by(|a, b| b.at.cmp(&a.at));
        Ok(items)
    }

    /// Records how a commitment went: the check-in record is queued and the commitment in
    /// the journal updated, together.
    pub async fn check_in(
        &self,
        commitment: &JournalItem,
        outcome: CheckinOutcome,
        note: &str,
        record: &SyncRecord,
    ) -> db::Result<()> {
        let mut updated = commitment.clone();
        if let Entry::Commitment {
            outcome: o,
            note: n,
            ..
        } = &mut updated.entry
        {
            *o = Some(outcome);
            *n = note.to_owned();
        }
        self.add_journal(&updated, record).await
    }
}
