//! The IndexedDB database: its versioned schema and how it opens.
//!
//! IndexedDB deletes every object store an upgrade does not declare, so each schema version
//! below lists *all* stores, and a new version only adds. `tests/store_upgrade.rs` opens a
//! database made by every older version and checks that unsent answers survive.

use rexie::{Index, ObjectStore, Rexie, TransactionMode};
use serde::{Serialize, de::DeserializeOwned};
use thiserror::Error;
use wasm_bindgen::JsValue;

pub const DB_NAME: &str = "resapi";

/// Store names.
pub const CONTENT: &str = "content";
pub const OUTBOX: &str = "outbox";
/// The practice session in progress (named before the practice session had one name).
pub const PRACTICE_SESSION: &str = "quiz";
pub const RESULTS: &str = "results";
pub const ATTENTION: &str = "attention";
pub const META: &str = "meta";
pub const DRAFTS: &str = "drafts";
pub const RESPONSES: &str = "responses";
pub const JOURNAL: &str = "journal";
/// Live-quiz answers kept for the history (see [`super::live_answers`]).
pub const LIVE_ANSWERS: &str = "live_answers";
/// The account's competitions as last synced (`MyCompetitions`), keyed by account.
pub const COMPETITIONS: &str = "competitions";
/// Downloaded competition papers, keyed `account:competition`.
pub const PAPERS: &str = "papers";
/// A competition attempt in progress, or the mark that it was sent, keyed `account:competition`.
pub const COMPETITION_ATTEMPTS: &str = "competition_attempts";
/// *ASN Inspiratif* as last synced (`MyRecognitions`), keyed by account.
pub const RECOGNITIONS: &str = "recognitions";

/// The index on `account_id` that outbox, results and attention carry (added in version 2).
pub const BY_ACCOUNT: &str = "by_account";

pub const CURRENT_VERSION: u32 = 5;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("penyimpanan perangkat tidak bisa dibuka: {0}")]
    Idb(String),
    #[error("data tersimpan tidak bisa dibaca: {0}")]
    Decode(String),
    /// Its code only: the phone makes records from its own typed payloads, so this never
    /// reaches a person, and the messages of every refusal would cost the phone's download.
    #[error("catatan tidak bisa dibuat: {0}")]
    Record(&'static str),
}

impl From<rexie::Error> for StoreError {
    fn from(e: rexie::Error) -> Self {
        StoreError::Idb(e.to_string())
    }
}

impl From<serde_wasm_bindgen::Error> for StoreError {
    fn from(e: serde_wasm_bindgen::Error) -> Self {
        StoreError::Decode(e.to_string())
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// The schema as of `version`. Version 1 was the first release; version 2 added the
/// per-account indexes when several accounts began sharing one phone; version 3 added
/// questionnaire drafts and responses, and the journal of reflections and commitments;
/// version 4 added the live-quiz answers; version 5 the competitions (list, papers, attempts)
/// and the *ASN Inspiratif* recognitions.
pub fn schema(name: &str, version: u32) -> rexie::RexieBuilder {
    let mut outbox = ObjectStore::new(OUTBOX).key_path("id");
    let mut results = ObjectStore::new(RESULTS).key_path("id");
    let mut attention = ObjectStore::new(ATTENTION).key_path("id");
    if version >= 2 {
        outbox = outbox.add_index(Index::new(BY_ACCOUNT, "account_id"));
        results = results.add_index(Index::new(BY_ACCOUNT, "account_id"));
        attention = attention.add_index(Index::new(BY_ACCOUNT, "account_id"));
    }
    let mut builder = Rexie::builder(name)
        .version(version)
        .add_object_store(ObjectStore::new(CONTENT))
        .add_object_store(outbox)
        .add_object_store(ObjectStore::new(PRACTICE_SESSION))
        .add_object_store(results)
        .add_object_store(attention)
        .add_object_store(ObjectStore::new(META));
    if version >= 3 {
        builder = builder
            .add_object_store(ObjectStore::new(DRAFTS))
            .add_object_store(
                ObjectStore::new(RESPONSES)
                    .key_path("id")
                    .add_index(Index::new(BY_ACCOUNT, "account_id")),
            )
            .add_object_store(
                ObjectStore::new(JOURNAL)
                    .key_path("id")
                    .add_index(Index::new(BY_ACCOUNT, "account_id")),
            );
    }
    if version >= 4 {
        builder = builder.add_object_store(
            ObjectStore::new(LIVE_ANSWERS)
                .key_path("id")
                .add_index(Index::new(BY_ACCOUNT, "account_id")),
        );
    }
    if version >= 5 {
        for name in [COMPETITIONS, PAPERS, COMPETITION_ATTEMPTS, RECOGNITIONS] {
            builder = builder.add_object_store(ObjectStore::new(name));
        }
    }
    builder
}

/// Opens (and if needed upgrades) the database at the current version.
pub async fn open_named(name: &str) -> Result<Rexie> {
    Ok(schema(name, CURRENT_VERSION).build().await?)
}

pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue> {
    // json_compatible: plain objects, not Maps, so key paths work.
    Ok(value.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?)
}

pub fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T> {
    Ok(serde_wasm_bindgen::from_value(value)?)
}

/// Reads one value by key from a store.
pub async fn get<T: DeserializeOwned>(db: &Rexie, store: &str, key: &str) -> Result<Option<T>> {
    let tx = db.transaction(&[store], TransactionMode::ReadOnly)?;
    let value = tx.store(store)?.get(JsValue::from_str(key)).await?;
    tx.done().await?;
    match value {
        Some(v) if !v.is_undefined() => Ok(Some(from_js(v)?)),
        _ => Ok(None),
    }
}

/// Writes one value; `key` for stores without a key path.
pub async fn put<T: Serialize>(
    db: &Rexie,
    store: &str,
    value: &T,
    key: Option<&str>,
) -> Result<()> {
    let tx = db.transaction(&[store], TransactionMode::ReadWrite)?;
    let key = key.map(JsValue::from_str);
    tx.store(store)?.put(&to_js(value)?, key.as_ref()).await?;
    tx.done().await?;
    Ok(())
}

pub async fn delete(db: &Rexie, store: &str, key: &str) -> Result<()> {
    let tx = db.transaction(&[store], TransactionMode::ReadWrite)?;
    tx.store(store)?.delete(JsValue::from_str(key)).await?;
    tx.done().await?;
    Ok(())
}

pub fn account_range(account_id: &str) -> Result<rexie::KeyRange> {
    only(account_id)
}

/// The range of the one key `key`.
pub fn only(key: &str) -> Result<rexie::KeyRange> {
    rexie::KeyRange::only(&JsValue::from_str(key)).map_err(|e| StoreError::Idb(e.to_string()))
}

/// All values of `store` that belong to `account_id`.
pub async fn all_for_account<T: DeserializeOwned>(
    db: &Rexie,
    store: &str,
    account_id: &str,
) -> Result<Vec<T>> {
    let tx = db.transaction(&[store], TransactionMode::ReadOnly)?;
    let range = account_range(account_id)?;
    let values = tx
        .store(store)?
        .index(BY_ACCOUNT)?
        .get_all(Some(range), None)
        .await?;
    tx.done().await?;
    values.into_iter().map(from_js).collect()
}

/// How many values of `store` belong to `account_id`.
pub async fn count_for_account(db: &Rexie, store: &str, account_id: &str) -> Result<u32> {
    let tx = db.transaction(&[store], TransactionMode::ReadOnly)?;
    let range = account_range(account_id)?;
    let n = tx
        .store(store)?
        .index(BY_ACCOUNT)?
        .count(Some(range))
        .await?;
    tx.done().await?;
    Ok(n)
}
