//! Synced records: checking a batch record by record, storing each once, and paging them
//! back for restore. Rules (DESIGN.md, as in ODK Central): same id and same content is a
//! `duplicate`; same id and different content is rejected `id_conflict`; a record of
//! another account is rejected `forbidden`.

use crate::db::{Db, rfc3339, try_rfc3339};
use crate::tokens::hex;
use resapi_core::api::ErrorDetail;
use resapi_core::content::ContentBundle;
use resapi_core::sync::{
    RecordError, RecordKind, RecordResult, RecordStatus, RecordsPage, StoredRecord, SyncRecord,
    check_record, parse_record, raw_id,
};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use uuid::Uuid;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    #[error("stored record is unreadable: {0}")]
    Corrupt(String),
}

/// A checked record, ready to insert.
struct Prepared {
    id: Uuid,
    kind: RecordKind,
    created_at: String,
    payload: String,
    content_hash: String,
    server_correct: Option<bool>,
}

/// JSON with object keys sorted at every level, so equal content hashes equally whatever
/// order the device wrote the keys in.
pub fn canonical_json(value: &serde_json::Value) -> String {
    fn write(value: &serde_json::Value, out: &mut String) {
        match value {
            serde_json::Value::Object(map) => {
                let mut keys: Vec<&String> = map.keys().collect();
                keys.sort();
                out.push('{');
                for (i, key) in keys.into_iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&serde_json::Value::String(key.clone()).to_string());
                    out.push(':');
                    if let Some(v) = map.get(key) {
                        write(v, out);
                    }
                }
                out.push('}');
            }
            serde_json::Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write(item, out);
                }
                out.push(']');
            }
            other => out.push_str(&other.to_string()),
        }
    }
    let mut out = String::new();
    write(value, &mut out);
    out
}

fn prepare(
    raw: &serde_json::Value,
    account_id: Uuid,
    content: &ContentBundle,
    now: OffsetDateTime,
) -> Result<Prepared, RecordError> {
    let record: SyncRecord = parse_record(raw)?;
    let server_correct = check_record(&record, account_id, content, now)?;
    let created_at = try_rfc3339(record.created_at)
        .ok_or_else(|| RecordError::Malformed("`created_at` di luar rentang".into()))?;
    let payload = canonical_json(&record.payload);
    // What makes two records "the same": kind, owner, the instant (not its spelling) and
    // the payload.
    let mut hasher = Sha256::new();
    for part in [
        record.kind.as_str(),
        &record.account_id.to_string(),
        &record.created_at.unix_timestamp_nanos().to_string(),
        &payload,
    ] {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part.as_bytes());
    }
    Ok(Prepared {
        id: record.id,
        kind: record.kind,
        created_at,
        payload,
        content_hash: hex(&hasher.finalize()),
        server_correct,
    })
}

fn rejected(id: String, error: &RecordError) -> RecordResult {
    RecordResult {
        id,
        status: RecordStatus::Rejected,
        error: Some(ErrorDetail {
            code: error.code().into(),
            message: error.to_string(),
        }),
    }
}

fn ok(id: String, status: RecordStatus) -> RecordResult {
    RecordResult {
        id,
        status,
        error: None,
    }
}

/// Checks and stores one batch for `account_id`; answers per record in request order.
/// All inserts happen in one transaction: on a database error nothing is stored and the
/// client retries the whole batch (repeats then come back as `duplicate`).
pub async fn store_batch(
    db: &Db,
    account_id: Uuid,
    content: &ContentBundle,
    raws: &[serde_json::Value],
) -> Result<Vec<RecordResult>, StoreError> {
    let now = OffsetDateTime::now_utc();
    let received_at = rfc3339(now);
    let mut results = Vec::with_capacity(raws.len());
    let mut pending: Vec<(usize, Prepared)> = Vec::new();
    // Ids accepted earlier in this batch, with their content hash.
    let mut in_batch: HashMap<Uuid, String> = HashMap::new();
    for (i, raw) in raws.iter().enumerate() {
        let id_text = raw_id(raw).unwrap_or_default();
        match prepare(raw, account_id, content, now) {
            Err(e) => results.push(rejected(id_text, &e)),
            Ok(p) => match in_batch.get(&p.id) {
                Some(hash) if *hash == p.content_hash => {
                    results.push(ok(id_text, RecordStatus::Duplicate))
                }
                Some(_) => results.push(rejected(id_text, &RecordError::IdConflict)),
                None => {
                    in_batch.insert(p.id, p.content_hash.clone());
                    // Filled in below, once the database has answered.
                    results.push(ok(id_text, RecordStatus::Stored));
                    pending.push((i, p));
                }
            },
        }
    }
    if pending.is_empty() {
        return Ok(results);
    }
    let mut tx = db.begin().await?;
    for (i, p) in pending {
        let inserted = sqlx::query(
            "INSERT INTO records (id, account_id, kind, created_at, received_at, payload, content_hash, server_correct) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING",
        )
        .bind(p.id.to_string())
        .bind(account_id.to_string())
        .bind(p.kind.as_str())
        .bind(&p.created_at)
        .bind(&received_at)
        .bind(&p.payload)
        .bind(&p.content_hash)
        .bind(p.server_correct)
        .execute(&mut *tx)
        .await?;
        if inserted.rows_affected() == 1 {
            continue;
        }
        let (stored_hash,): (String,) =
            sqlx::query_as("SELECT content_hash FROM records WHERE id = $1")
                .bind(p.id.to_string())
                .fetch_one(&mut *tx)
                .await?;
        // The hash covers the owner too: an id taken by another account is a conflict.
        if let Some(result) = results.get_mut(i) {
            *result = if stored_hash == p.content_hash {
                ok(result.id.clone(), RecordStatus::Duplicate)
            } else {
                rejected(result.id.clone(), &RecordError::IdConflict)
            };
        }
    }
    tx.commit().await?;
    Ok(results)
}

type RecordRow = (i64, String, String, String, String, String, String);

fn to_stored(row: RecordRow) -> Result<(i64, StoredRecord), StoreError> {
    let (seq, id, kind, account_id, created_at, received_at, payload) = row;
    let corrupt = |what: &str, e: &dyn std::fmt::Display| {
        StoreError::Corrupt(format!("record {id} {what}: {e}"))
    };
    let record = SyncRecord {
        id: Uuid::parse_str(&id).map_err(|e| corrupt("id", &e))?,
        kind: RecordKind::parse(&kind).ok_or_else(|| corrupt("kind", &kind))?,
        account_id: Uuid::parse_str(&account_id).map_err(|e| corrupt("account", &e))?,
        created_at: OffsetDateTime::parse(&created_at, &Rfc3339)
            .map_err(|e| corrupt("created_at", &e))?,
        payload: serde_json::from_str(&payload).map_err(|e| corrupt("payload", &e))?,
    };
    let received_at =
        OffsetDateTime::parse(&received_at, &Rfc3339).map_err(|e| corrupt("received_at", &e))?;
    Ok((
        seq,
        StoredRecord {
            record,
            received_at,
        },
    ))
}

/// One page of an account's records after cursor `since` (a `seq`), oldest first.
pub async fn page(
    db: &Db,
    account_id: Uuid,
    since: i64,
    limit: u32,
) -> Result<RecordsPage, StoreError> {
    let rows: Vec<RecordRow> = sqlx::query_as(
        "SELECT seq, id, kind, account_id, created_at, received_at, payload FROM records \
         WHERE account_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
    )
    .bind(account_id.to_string())
    .bind(since)
    // One extra row tells whether another page follows.
    .bind(i64::from(limit) + 1)
    .fetch_all(db)
    .await?;
    let more = rows.len() > limit as usize;
    let mut records = Vec::with_capacity(rows.len().min(limit as usize));
    let mut last_seq = since;
    for row in rows.into_iter().take(limit as usize) {
        let (seq, record) = to_stored(row)?;
        last_seq = seq;
        records.push(record);
    }
    Ok(RecordsPage {
        records,
        next_since: more.then(|| last_seq.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_json_sorts_keys_at_every_level() {
        let a: serde_json::Value =
            serde_json::from_str(r#"{"b":1,"a":{"d":[1,{"y":2,"x":1}],"c":"é"}}"#).unwrap();
        assert_eq!(
            canonical_json(&a),
            r#"{"a":{"c":"é","d":[1,{"x":1,"y":2}]},"b":1}"#
        );
    }
}
