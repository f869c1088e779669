//! Who is logged in on this phone, and small per-account notes (last sync, last practice session).

use super::journal::JournalItem;
use super::questionnaires::Response;
use super::results::PracticeResult;
use super::{Store, db};
use resapi_core::api::Account;
use resapi_core::sync::SyncRecord;
use rexie::TransactionMode;
use serde::{Deserialize, Serialize};

/// The `meta` key of the signed-in session.
pub const SESSION_KEY: &str = "session";

/// The signed-in account and its token. The token may have expired: local use goes on, only
/// the next sync asks to log in again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub token: String,
    pub expires_at: String,
    pub account: Account,
    /// The server refused the token: sync waits for a new login.
    #[serde(default)]
    pub needs_login: bool,
}

impl Session {
    pub fn account_id(&self) -> String {
        self.account.id.to_string()
    }
}

fn account_key(prefix: &str, account_id: &str) -> String {
    format!("{prefix}:{account_id}")
}

impl Store {
    pub async fn session(&self) -> db::Result<Option<Session>> {
        db::get(self.db(), db::META, SESSION_KEY).await
    }

    pub async fn save_session(&self, session: &Session) -> db::Result<()> {
        db::put(self.db(), db::META, session, Some(SESSION_KEY)).await
    }

    pub async fn clear_session(&self) -> db::Result<()> {
        db::delete(self.db(), db::META, SESSION_KEY).await
    }

    /// When this account last synced successfully (RFC 3339, UTC).
    pub async fn last_sync(&self, account_id: &str) -> db::Result<Option<String>> {
        db::get(self.db(), db::META, &account_key("last_sync", account_id)).await
    }

    pub async fn set_last_sync(&self, account_id: &str, at: &str) -> db::Result<()> {
        db::put(
            self.db(),
            db::META,
            &at.to_owned(),
            Some(&account_key("last_sync", account_id)),
        )
        .await
    }

    /// The question ids of this account's previous practice session (not repeated next time).
    pub async fn previous_questions(&self, account_id: &str) -> db::Result<Vec<String>> {
        Ok(db::get(
            self.db(),
            db::META,
            &account_key("prev_questions", account_id),
        )
        .await?
        .unwrap_or_default())
    }

    pub async fn set_previous_questions(&self, account_id: &str, ids: &[String]) -> db::Result<()> {
        db::put(
            self.db(),
            db::META,
            &ids.to_vec(),
            Some(&account_key("prev_questions", account_id)),
        )
        .await
    }

    /// Whether this account's history was already restored from the server on this phone.
    pub async fn restored(&self, account_id: &str) -> db::Result<bool> {
        Ok(
            db::get(self.db(), db::META, &account_key("restored", account_id))
                .await?
                .unwrap_or(false),
        )
    }

    /// Writes a restored history and marks the account restored, all at once. Items already
    /// on the phone (same id) are overwritten with the same content.
    pub async fn save_restored(
        &self,
        account_id: &str,
        results: &[PracticeResult],
        responses: &[Response],
        journal: &[JournalItem],
        live_answers: &[SyncRecord],
    ) -> db::Result<()> {
        let tx = self.db().transaction(
            &[
                db::RESULTS,
                db::RESPONSES,
                db::JOURNAL,
                db::LIVE_ANSWERS,
                db::META,
            ],
            TransactionMode::ReadWrite,
        )?;
        let store = tx.store(db::RESULTS)?;
        for r in results {
            store.put(&db::to_js(r)?, None).await?;
        }
        let store = tx.store(db::RESPONSES)?;
        for r in responses {
            store.put(&db::to_js(r)?, None).await?;
        }
        let store = tx.store(db::JOURNAL)?;
        for j in journal {
            store.put(&db::to_js(j)?, None).await?;
        }
        let store = tx.store(db::LIVE_ANSWERS)?;
        for r in live_answers {
            store.put(&db::to_js(r)?, None).await?;
        }
        tx.store(db::META)?
            .put(
                &db::to_js(&true)?,
                Some(&wasm_bindgen::JsValue::from_str(&account_key(
                    "restored", account_id,
                ))),
            )
            .await?;
        tx.done().await?;
        Ok(())
    }
}
