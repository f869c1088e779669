//! Synced records: what makes two records the same (canonical JSON, content hash) and the
//! answer for each record of a batch. Storing and paging them is `store/records.rs`. Rules (docs/api.md, as in ODK Central): same id and same content is a
//! `duplicate`; same id and different content is rejected `id_conflict`; a record of
//! another account is rejected `forbidden`.

use crate::store::try_rfc3339;
use crate::tokens::hex;
use resapi_core::api::ErrorDetail;
use resapi_core::sync::{RecordError, RecordResult, RecordStatus, SyncRecord, parse_record};
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// A parsed record with what its row needs: `created_at` as stored, the payload as
/// canonical JSON, and the hash that tells a repeat from a reused id.
pub struct Prepared {
    pub record: SyncRecord,
    pub created_at: String,
    pub payload: String,
    pub content_hash: String,
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

/// The content hash stored with a record: what makes two records "the same" is kind,
/// owner, the instant (not its spelling) and the payload (key order aside).
pub fn fingerprint(record: &SyncRecord) -> String {
    content_hash(record, &canonical_json(&record.payload))
}

fn content_hash(record: &SyncRecord, payload: &str) -> String {
    let mut hasher = Sha256::new();
    for part in [
        record.kind.as_str(),
        &record.account_id.to_string(),
        &record.created_at.unix_timestamp_nanos().to_string(),
        payload,
    ] {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part.as_bytes());
    }
    hex(&hasher.finalize())
}

/// A parsed record of the caller, hashed, not yet judged against the content.
pub fn identify(raw: &serde_json::Value, account_id: Uuid) -> Result<Prepared, RecordError> {
    let record: SyncRecord = parse_record(raw)?;
    if record.account_id != account_id {
        return Err(RecordError::Forbidden);
    }
    let created_at = try_rfc3339(record.created_at)
        .ok_or_else(|| RecordError::Malformed("`created_at` di luar rentang".into()))?;
    let payload = canonical_json(&record.payload);
    Ok(Prepared {
        content_hash: content_hash(&record, &payload),
        created_at,
        payload,
        record,
    })
}

pub fn rejected(id: String, error: &RecordError) -> RecordResult {
    RecordResult {
        id,
        status: RecordStatus::Rejected,
        error: Some(ErrorDetail {
            code: error.code().into(),
            message: error.to_string(),
        }),
    }
}

pub fn ok(id: String, status: RecordStatus) -> RecordResult {
    RecordResult {
        id,
        status,
        error: None,
    }
}

/// The answer for a same-content repeat of a record already judged in this batch: what the
/// first copy got, except that a stored first copy makes the repeat a `duplicate`.
pub fn repeat_of(first: &RecordResult, id: String) -> RecordResult {
    match first.status {
        RecordStatus::Stored | RecordStatus::Duplicate => ok(id, RecordStatus::Duplicate),
        RecordStatus::Rejected => RecordResult {
            id,
            ..first.clone()
        },
    }
}

pub fn acknowledged(result: &RecordResult) -> bool {
    matches!(
        result.status,
        RecordStatus::Stored | RecordStatus::Duplicate
    )
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
