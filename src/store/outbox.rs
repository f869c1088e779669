//! Records waiting to reach the server. A record leaves only when the server acknowledged it
//! (stored or duplicate), or moves to "needs attention" when it was rejected.

use super::attention::AttentionItem;
use super::{Store, db};
use resapi_core::sync::{RecordKind, SyncRecord};
use rexie::TransactionMode;
use wasm_bindgen::JsValue;

impl Store {
    pub async fn pending(&self, account_id: &str) -> db::Result<Vec<SyncRecord>> {
        let mut records: Vec<SyncRecord> =
            db::all_for_account(self.db(), db::OUTBOX, account_id).await?;
        records.sort_by_key(|r| r.id); // UUID v7: oldest first
        Ok(records)
    }

    pub async fn pending_count(&self, account_id: &str) -> db::Result<u32> {
        db::count_for_account(self.db(), db::OUTBOX, account_id).await
    }

    /// (answers, all records) waiting. People count answers; a session's summary record
    /// travels with them but is not an answer.
    pub async fn pending_summary(&self, account_id: &str) -> db::Result<(u32, u32)> {
        /// Only the kind: the counts run at start, and reading whole records (their payloads
        /// and times) would put those parsers into the first visit's code.
        #[derive(serde::Deserialize)]
        struct KindOnly {
            kind: RecordKind,
        }
        let records: Vec<KindOnly> = db::all_for_account(self.db(), db::OUTBOX, account_id).await?;
        let answers = records
            .iter()
            .filter(|r| r.kind != RecordKind::PracticeSession)
            .count() as u32;
        Ok((answers, records.len() as u32))
    }

    /// Settles a sync answer in one transaction: acknowledged ids leave the outbox, rejected
    /// ones move to the attention list.
    pub async fn settle(
        &self,
        acknowledged: &[String],
        rejected: &[AttentionItem],
    ) -> db::Result<()> {
        let tx = self
            .db()
            .transaction(&[db::OUTBOX, db::ATTENTION], TransactionMode::ReadWrite)?;
        let outbox = tx.store(db::OUTBOX)?;
        let attention = tx.store(db::ATTENTION)?;
        for id in acknowledged {
            outbox.delete(JsValue::from_str(id)).await?;
        }
        for item in rejected {
            attention.put(&db::to_js(item)?, None).await?;
            outbox.delete(JsValue::from_str(&item.id)).await?;
        }
        tx.done().await?;
        Ok(())
    }
}
