//! Bulk loading of generated records (benchmarks): many rows per statement in one
//! transaction, without the per-record rules of `store_batch` (the records are made by the
//! program itself from the core payload types). Answer slots are not claimed; the dashboard
//! facts are built afterwards with [`Store::rebuild_facts`], as after migration 0006.

use super::{Backend, Result, Store, on_pool, rfc3339};
use crate::records::{canonical_json, fingerprint};
use resapi_core::sync::SyncRecord;
use sqlx::QueryBuilder;

/// Rows per INSERT (8 parameters each).
const ROWS_PER_STATEMENT: usize = 1000;

impl Store {
    /// Stores `records` (with the server's judgement of a practice answer) as they are.
    pub async fn load_records(&self, records: &[(SyncRecord, Option<bool>)]) -> Result<()> {
        on_pool!(&self.pool, pool => {
            let received_at = rfc3339(time::OffsetDateTime::now_utc());
            let mut tx = pool.begin_with(<Db as Backend>::BEGIN_WRITE).await?;
            for chunk in records.chunks(ROWS_PER_STATEMENT) {
                let mut qb: QueryBuilder<Db> = QueryBuilder::new(
                    "INSERT INTO records (id, account_id, kind, created_at, received_at, payload, content_hash, server_correct) ",
                );
                qb.push_values(chunk, |mut b, (r, correct)| {
                    b.push_bind(r.id.to_string())
                        .push_bind(r.account_id.to_string())
                        .push_bind(r.kind.as_str())
                        .push_bind(rfc3339(r.created_at))
                        .push_bind(received_at.clone())
                        .push_bind(canonical_json(&r.payload))
                        .push_bind(fingerprint(r))
                        .push_bind(*correct);
                });
                qb.build().execute(&mut *tx).await?;
            }
            tx.commit().await?;
            self.facts_changed().await;
            Ok(())
        })
    }
}
