//! "Hapus data saya dari ponsel ini": removing one account's data from a shared phone.
//!
//! Nothing the server has not acknowledged is removed by the person's own choice: records
//! still in the outbox block the erasure, and so do records the server refused ("Perlu
//! perhatian") unless the person says they may go too (they were told they can export them
//! first). Only after the account itself was erased on the server does everything go,
//! unsent records included: they can no longer be sent anywhere.
//!
//! The check and the removal run in one IndexedDB transaction over every store that holds
//! personal data, so an answer saved in another tab cannot slip in between and be lost.

use super::session::{SESSION_KEY, Session};
use super::{Store, db};
use rexie::{Transaction, TransactionMode};
use wasm_bindgen::JsValue;

/// Stores whose items carry `account_id` and the `by_account` index.
const INDEXED: [&str; 6] = [
    db::OUTBOX,
    db::ATTENTION,
    db::RESULTS,
    db::RESPONSES,
    db::JOURNAL,
    db::LIVE_ANSWERS,
];

/// Every store an erasure touches; `content` is the only other store, and it is shared.
pub const PERSONAL_STORES: [&str; 13] = [
    db::OUTBOX,
    db::ATTENTION,
    db::RESULTS,
    db::RESPONSES,
    db::JOURNAL,
    db::LIVE_ANSWERS,
    db::PRACTICE_SESSION,
    db::DRAFTS,
    db::META,
    db::COMPETITIONS,
    db::PAPERS,
    db::COMPETITION_ATTEMPTS,
    db::RECOGNITIONS,
];

/// Stores keyed by the account (`account`) or by `account:<item>`.
const KEYED_BY_ACCOUNT: [&str; 5] = [
    db::DRAFTS,
    db::COMPETITIONS,
    db::PAPERS,
    db::COMPETITION_ATTEMPTS,
    db::RECOGNITIONS,
];

/// What of this account the server has not acknowledged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Unacknowledged {
    /// Records in the outbox, waiting to be sent.
    pub waiting: u32,
    /// Records the server refused, kept under "Perlu perhatian".
    pub refused: u32,
}

/// How much may go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EraseRule {
    /// Only if the server acknowledged everything: nothing waiting, nothing refused.
    Acknowledged,
    /// As `Acknowledged`, but refused records may go too (the person agreed).
    AcknowledgedOrRefused,
    /// Everything, unsent records included: the account no longer exists on the server.
    AccountErased,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocalErasure {
    Erased,
    /// Nothing was removed, because of these.
    Refused(Unacknowledged),
}

impl Store {
    /// What keeps this account's data from being erased by `EraseRule::Acknowledged`.
    pub async fn unacknowledged(&self, account_id: &str) -> db::Result<Unacknowledged> {
        Ok(Unacknowledged {
            waiting: db::count_for_account(self.db(), db::OUTBOX, account_id).await?,
            refused: db::count_for_account(self.db(), db::ATTENTION, account_id).await?,
        })
    }

    /// Removes this account's results, questionnaire responses and drafts, journal, the
    /// practice session in progress, its competitions (list, papers, attempts) and
    /// recognitions, its notes (last sync, previous questions, the restore flag) and the
    /// session when it is this account's; or refuses, removing nothing, under `rule`.
    /// Other accounts' data and the shared content stay.
    pub async fn erase_local_data(
        &self,
        account_id: &str,
        rule: EraseRule,
    ) -> db::Result<LocalErasure> {
        let tx = self
            .db()
            .transaction(&PERSONAL_STORES, TransactionMode::ReadWrite)?;
        match erase_in(&tx, account_id, rule).await {
            Ok(outcome) => {
                tx.done().await?;
                Ok(outcome)
            }
            Err(e) => {
                // A transaction left alone commits what it did; half an erasure must not.
                let _ = tx.abort().await;
                Err(e)
            }
        }
    }
}

async fn count_in(tx: &Transaction, store: &str, account_id: &str) -> db::Result<u32> {
    let range = db::account_range(account_id)?;
    Ok(tx
        .store(store)?
        .index(db::BY_ACCOUNT)?
        .count(Some(range))
        .await?)
}

async fn erase_in(tx: &Transaction, account_id: &str, rule: EraseRule) -> db::Result<LocalErasure> {
    let left = Unacknowledged {
        waiting: count_in(tx, db::OUTBOX, account_id).await?,
        refused: count_in(tx, db::ATTENTION, account_id).await?,
    };
    let blocked = match rule {
        EraseRule::Acknowledged => left.waiting > 0 || left.refused > 0,
        EraseRule::AcknowledgedOrRefused => left.waiting > 0,
        EraseRule::AccountErased => false,
    };
    if blocked {
        return Ok(LocalErasure::Refused(left));
    }
    for name in INDEXED {
        let store = tx.store(name)?;
        let keys = store
            .index(db::BY_ACCOUNT)?
            .get_all_keys(Some(db::account_range(account_id)?), None)
            .await?;
        for key in keys {
            store.delete(key).await?;
        }
    }
    // The practice session in progress is keyed by the account; drafts by `account:questionnaire`,
    // competitions and recognitions by the account or `account:competition`.
    tx.store(db::PRACTICE_SESSION)?
        .delete(JsValue::from_str(account_id))
        .await?;
    let prefix = format!("{account_id}:");
    for name in KEYED_BY_ACCOUNT {
        let store = tx.store(name)?;
        for key in store.get_all_keys(None, None).await? {
            if key
                .as_string()
                .is_some_and(|k| k == account_id || k.starts_with(&prefix))
            {
                store.delete(key).await?;
            }
        }
    }
    // Notes in `meta` are keyed `<what>:<account>`; the session only if it is theirs.
    let meta = tx.store(db::META)?;
    let suffix = format!(":{account_id}");
    for key in meta.get_all_keys(None, None).await? {
        if key.as_string().is_some_and(|k| k.ends_with(&suffix)) {
            meta.delete(key).await?;
        }
    }
    let session = meta.get(JsValue::from_str(SESSION_KEY)).await?;
    if let Some(value) = session.filter(|v| !v.is_undefined()) {
        let session: Session = db::from_js(value)?;
        if session.account_id() == account_id {
            meta.delete(JsValue::from_str(SESSION_KEY)).await?;
        }
    }
    Ok(LocalErasure::Erased)
}
