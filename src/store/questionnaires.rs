//! Questionnaires on the device: the draft being filled (saved after every answer, so a
//! reload resumes at the same item) and finished responses, kept for results and charts.
//! Scores are not stored: `resapi_core::scoring` recomputes them from the answers.

use super::{Store, db};
use resapi_core::scoring::Answers;
use resapi_core::sync::SyncRecord;
use rexie::TransactionMode;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub account_id: String,
    pub questionnaire_id: String,
    pub content_version: String,
    pub started_at: String,
    /// Index of the item on screen; `items.len()` is the review screen before finishing.
    pub position: usize,
    pub answers: Answers,
}

/// A finished questionnaire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Response {
    /// The record id.
    pub id: String,
    pub account_id: String,
    pub questionnaire_id: String,
    pub content_version: String,
    pub started_at: String,
    pub finished_at: String,
    pub answers: Answers,
}

fn draft_key(account_id: &str, questionnaire_id: &str) -> String {
    format!("{account_id}:{questionnaire_id}")
}

impl Store {
    pub async fn draft(
        &self,
        account_id: &str,
        questionnaire_id: &str,
    ) -> db::Result<Option<Draft>> {
        db::get(
            self.db(),
            db::DRAFTS,
            &draft_key(account_id, questionnaire_id),
        )
        .await
    }

    pub async fn save_draft(&self, draft: &Draft) -> db::Result<()> {
        let key = draft_key(&draft.account_id, &draft.questionnaire_id);
        db::put(self.db(), db::DRAFTS, draft, Some(&key)).await
    }

    pub async fn discard_draft(&self, account_id: &str, questionnaire_id: &str) -> db::Result<()> {
        db::delete(
            self.db(),
            db::DRAFTS,
            &draft_key(account_id, questionnaire_id),
        )
        .await
    }

    /// Finishes a questionnaire: the record goes to the outbox and the response to the
    /// device's history, and the draft is removed, in one transaction.
    pub async fn finish_questionnaire(
        &self,
        response: &Response,
        record: &SyncRecord,
    ) -> db::Result<()> {
        let tx = self.db().transaction(
            &[db::OUTBOX, db::RESPONSES, db::DRAFTS],
            TransactionMode::ReadWrite,
        )?;
        tx.store(db::OUTBOX)?.put(&db::to_js(record)?, None).await?;
        tx.store(db::RESPONSES)?
            .put(&db::to_js(response)?, None)
            .await?;
        tx.store(db::DRAFTS)?
            .delete(JsValue::from_str(&draft_key(
                &response.account_id,
                &response.questionnaire_id,
            )))
            .await?;
        tx.done().await?;
        Ok(())
    }

    /// This account's responses, oldest first.
    pub async fn responses(&self, account_id: &str) -> db::Result<Vec<Response>> {
        let mut items: Vec<Response> =
            db::all_for_account(self.db(), db::RESPONSES, account_id).await?;
        items.sort_by(|a, b| a.finished_at.cmp(&b.finished_at));
        Ok(items)
    }

    pub async fn response(&self, id: &str) -> db::Result<Option<Response>> {
        db::get(self.db(), db::RESPONSES, id).await
    }
}
