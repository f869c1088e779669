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
/// order the device wrote the keys in. Written straight into one buffer (once per record
/// synced): the same bytes as serialising each key and leaf on its own.
pub fn canonical_json(value: &serde_json::Value) -> String {
    fn write(value: &serde_json::Value, out: &mut Vec<u8>) {
        match value {
            serde_json::Value::Object(map) => {
                let mut entries: Vec<(&String, &serde_json::Value)> = map.iter().collect();
                entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
                out.push(b'{');
                for (i, (key, v)) in entries.into_iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    leaf(key, out);
                    out.push(b':');
                    write(v, out);
                }
                out.push(b'}');
            }
            serde_json::Value::Array(items) => {
                out.push(b'[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    write(item, out);
                }
                out.push(b']');
            }
            other => leaf(other, out),
        }
    }
    // Writing JSON into memory cannot fail (a string, number, bool or null).
    fn leaf<T: serde::Serialize + ?Sized>(value: &T, out: &mut Vec<u8>) {
        let _ = serde_json::to_writer(&mut *out, value);
    }
    let mut out = Vec::with_capacity(256);
    write(value, &mut out);
    // serde_json writes UTF-8 only.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
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

    /// The first implementation, key by key and leaf by leaf: stored hashes were made with
    /// it, so the canonical form may never change.
    fn canonical_json_as_first_written(value: &serde_json::Value) -> String {
        match value {
            serde_json::Value::Object(map) => {
                let mut keys: Vec<&String> = map.keys().collect();
                keys.sort();
                let fields: Vec<String> = keys
                    .into_iter()
                    .map(|k| {
                        format!(
                            "{}:{}",
                            serde_json::Value::String(k.clone()),
                            canonical_json_as_first_written(&map[k])
                        )
                    })
                    .collect();
                format!("{{{}}}", fields.join(","))
            }
            serde_json::Value::Array(items) => {
                let items: Vec<String> =
                    items.iter().map(canonical_json_as_first_written).collect();
                format!("[{}]", items.join(","))
            }
            other => other.to_string(),
        }
    }

    #[test]
    fn the_canonical_form_is_the_one_stored_hashes_were_made_with() {
        for text in [
            r#"{"attempt_id":"0193","position":3,"correct":true,"option_id":"b","ratio":0.125}"#,
            r#"{"z":null,"a":[1,-2.5e-7,{"é\u0000\"\n":"tab\there","":[]}],"m":{"y":false,"x":1e300}}"#,
            r#"{"text":"Saya 🙏 berkomitmen \\ \/ \u2028","n":12345678901234567890}"#,
            r#"[]"#,
            r#""only a string""#,
        ] {
            let value: serde_json::Value = serde_json::from_str(text).unwrap();
            assert_eq!(
                canonical_json(&value),
                canonical_json_as_first_written(&value),
                "{text}"
            );
        }
    }

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
