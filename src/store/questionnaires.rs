//! Questionnaires on the device: the draft being filled (saved after every answer, so a
//! reload resumes at the same item) and finished responses, kept for results and charts.
//! Scores are not stored: `resapi_core::scoring` recomputes them from the answers.
//!
//! Like the practice session, every step is a guarded write (see `guarded`): a tab left in
//! the background cannot overwrite answers given in another tab, nor finish a questionnaire
//! twice.

use super::guarded::{Saved, open_if_unchanged};
use super::{Store, db};
use resapi_core::scoring::Answers;
use resapi_core::sync::SyncRecord;
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

    async fn draft_unchanged(
        &self,
        before: &Draft,
    ) -> db::Result<Result<rexie::Transaction, Option<Draft>>> {
        let key = draft_key(&before.account_id, &before.questionnaire_id);
        let stores = [db::DRAFTS, db::OUTBOX, db::RESPONSES];
        open_if_unchanged(self.db(), &stores, db::DRAFTS, &key, before).await
    }

    /// Replaces the draft `before` by `next` (an answer, a skip, a move), if no other tab
    /// changed it first.
    pub async fn step_draft(&self, before: &Draft, next: &Draft) -> db::Result<Saved<Draft>> {
        let tx = match self.draft_unchanged(before).await? {
            Ok(tx) => tx,
            Err(now) => return Ok(Saved::Elsewhere(now)),
        };
        let key = draft_key(&next.account_id, &next.questionnaire_id);
        tx.store(db::DRAFTS)?
            .put(&db::to_js(next)?, Some(&JsValue::from_str(&key)))
            .await?;
        tx.done().await?;
        Ok(Saved::Done(next.clone()))
    }

    pub async fn discard_draft(&self, account_id: &str, questionnaire_id: &str) -> db::Result<()> {
        db::delete(
            self.db(),
            db::DRAFTS,
            &draft_key(account_id, questionnaire_id),
        )
        .await
    }

    /// Finishes the draft `before`: the record goes to the outbox and the response to the
    /// device's history, and the draft is removed, in one transaction (unless another tab
    /// changed or finished the draft first).
    pub async fn finish_questionnaire(
        &self,
        before: &Draft,
        response: &Response,
        record: &SyncRecord,
    ) -> db::Result<Saved<Response, Draft>> {
        let tx = match self.draft_unchanged(before).await? {
            Ok(tx) => tx,
            Err(now) => return Ok(Saved::Elsewhere(now)),
        };
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
        Ok(Saved::Done(response.clone()))
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
