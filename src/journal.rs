//! Reflections and *komitmen aksi* on the device: each is kept in the journal and queued
//! for the server in one step. Seven days after a commitment, home asks how it went.

use crate::local_time::{local_today, now_rfc3339};
use crate::store::journal::{Entry, JournalItem};
use crate::store::{Store, StoreError};
use crate::sync::record::made_now;
use resapi_core::commitment;
use resapi_core::sync::{CheckinOutcome, Commitment, CommitmentCheckin, Reflection, SyncRecord};
use uuid::Uuid;

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
    let rec = made_now(Uuid::now_v7(), account_id, &payload)?;
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
    let due_on = commitment::format_day(commitment::due_on(local_today()));
    let payload = Commitment {
        module_id: module_id.to_owned(),
        action_id,
        text: text.trim().to_owned(),
        due_on,
    };
    let rec = made_now(Uuid::now_v7(), account_id, &payload)?;
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
    let rec = made_now(Uuid::now_v7(), &commitment.account_id, &payload)?;
    store.check_in(commitment, outcome, note.trim(), &rec).await
}

/// Commitments whose seven days are up (local day) and that have no check-in yet.
pub fn due_checkins(journal: &[JournalItem]) -> Vec<JournalItem> {
    let today = local_today();
    journal
        .iter()
        .filter(|i| match &i.entry {
            Entry::Commitment {
                due_on, outcome, ..
            } => commitment::checkin_due(due_on, outcome.is_some(), today),
            Entry::Reflection { .. } => false,
        })
        .cloned()
        .collect()
}
