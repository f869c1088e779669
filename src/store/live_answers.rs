//! Live-quiz answers (records of kind `live_answer`) kept for the history and progress
//! pages after their outbox entry has gone to the server.
//!
//! **Two writers, one shape.** The join page (`web/gabung/gabung.js`, `keepRecords`), plain
//! JavaScript, writes most of them: each `record` the game sends a signed-in phone (and the
//! `records` of a rejoin's `welcome`) goes, in one read-write transaction, to
//!
//! - `outbox`, key path `id`: the record exactly as the server sent it, the JSON of
//!   [`SyncRecord`] `{id, kind: "live_answer", account_id, created_at, payload}` (strings
//!   for the ids and the RFC 3339 time, `payload` the [`resapi_core::sync::LiveAnswer`]
//!   object), which is what [`Store::pending`] reads and sync sends;
//! - `live_answers`, key path `id`, index `by_account` on `account_id`: the same object.
//!
//! Only a record whose id is not yet in `live_answers` is written to either, so a record
//! received twice is stored once and one already synced (gone from the outbox) is not sent
//! again. The page writes only for the account of the app's own session, and never creates
//! or upgrades the database: on a phone still on schema version 3 (no `live_answers` yet)
//! it writes the outbox alone, and sync copies live answers from the outbox here before
//! sending ([`Store::keep_live_answers`]). `tests/e2e/journeys/live_phone.test.mjs` checks
//! that the app reads what the page wrote (history and sync). Restore writes here too.

use super::{Store, db};
use resapi_core::sync::{RecordKind, SyncRecord};
use rexie::TransactionMode;

impl Store {
    /// This account's live answers, in no particular order (`live::played` groups them).
    pub async fn live_answers(&self, account_id: &str) -> db::Result<Vec<SyncRecord>> {
        db::all_for_account(self.db(), db::LIVE_ANSWERS, account_id).await
    }

    /// Keeps the live answers among `records` (others are ignored); putting by id makes it
    /// idempotent.
    pub async fn keep_live_answers(&self, records: &[SyncRecord]) -> db::Result<()> {
        let live: Vec<&SyncRecord> = records
            .iter()
            .filter(|r| r.kind == RecordKind::LiveAnswer)
            .collect();
        if live.is_empty() {
            return Ok(());
        }
        let tx = self
            .db()
            .transaction(&[db::LIVE_ANSWERS], TransactionMode::ReadWrite)?;
        let store = tx.store(db::LIVE_ANSWERS)?;
        for record in live {
            store.put(&db::to_js(record)?, None).await?;
        }
        tx.done().await?;
        Ok(())
    }
}
