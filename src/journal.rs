//! Reflections and *komitmen aksi* on the device: each is kept in the journal and queued
//! for the server in one step. Seven days after a commitment, home asks how it went.

use crate::local_time::{iso_date, local_today, now_rfc3339};
use crate::store::journal::{Entry, JournalItem};
use crate::store::{Store, StoreError};
use resapi_core::sync::{
    CheckinOutcome, Commitment, CommitmentCheckin, RecordKind, Reflection, SyncRecord,
};
use time::OffsetDateTime;
use uuid::Uuid;

/// Days until home asks how a commitment went.
pub const COMMITMENT_DAYS: i64 = 7;

fn record(kind: RecordKind, account_id: &str, payload: serde_json::Value) -> SyncRecord {
    SyncRecord {
        id: Uuid::now_v7(),
        kind,
        account_id: Uuid::parse_str(account_id).unwrap_or_else(|_| Uuid::nil()),
        created_at: OffsetDateTime::now_utc(),
        payload,
    }
}

async fn keep(
    store: &Store,
    account_id: &str,
    record: SyncRecord,
    entry: Entry,
) -> Result<JournalItem, StoreError> {
    let item = JournalItem {
        id: record.id.to_string(),
        account_id: account_id.to_owned(),
        at: now_rfc3339(),
        entry,
    };
    store.add_journal(&item, &record).await?;
    Ok(item)
}

pub async fn reflect(
    store: &Store,
    account_id: &str,
    module_id: &str,
    text: &str,
) -> Result<JournalItem, StoreError> {
    let payload = Reflection {
        module_id: module_id.to_owned(),
        text: text.trim().to_owned(),
    };
    let rec = record(
        RecordKind::Reflection,
        account_id,
        serde_json::to_value(&payload).unwrap_or_default(),
    );
    keep(
        store,
        account_id,
        rec,
        Entry::Reflection {
            module_id: payload.module_id,
            text: payload.text,
        },
    )
    .await
}

pub async fn commit(
    store: &Store,
    account_id: &str,
    module_id: &str,
    action_id: Option<String>,
    text: &str,
) -> Result<JournalItem, StoreError> {
    let due_on = iso_date(local_today() + time::Duration::days(COMMITMENT_DAYS));
    let payload = Commitment {
        module_id: module_id.to_owned(),
        action_id,
        text: text.trim().to_owned(),
        due_on,
    };
    let rec = record(
        RecordKind::Commitment,
        account_id,
        serde_json::to_value(&payload).unwrap_or_default(),
    );
    keep(
        store,
        account_id,
        rec,
        Entry::Commitment {
            module_id: payload.module_id,
            action_id: payload.action_id,
            text: payload.text,
            due_on: payload.due_on,
            outcome: None,
            note: String::new(),
        },
    )
    .await
}

pub async fn check_in(
    store: &Store,
    commitment: &JournalItem,
    outcome: CheckinOutcome,
    note: &str,
) -> Result<(), StoreError> {
    let payload = CommitmentCheckin {
        commitment_id: Uuid::parse_str(&commitment.id).unwrap_or_else(|_| Uuid::nil()),
        outcome,
        note: note.trim().to_owned(),
    };
    let rec = record(
        RecordKind::CommitmentCheckin,
        &commitment.account_id,
        serde_json::to_value(&payload).unwrap_or_default(),
    );
    store.check_in(commitment, outcome, note.trim(), &rec).await
}

/// Commitments whose seven days are up (local day) and that have no check-in yet.
pub fn due_checkins(journal: &[JournalItem]) -> Vec<JournalItem> {
    let today = iso_date(local_today());
    journal
        .iter()
        .filter(|i| {
            matches!(&i.entry, Entry::Commitment { due_on, outcome: None, .. } if *due_on <= today)
        })
        .cloned()
        .collect()
}
