//! The practice session in progress, one per account, saved after every step so that a
//! reload resumes at the same question. Two tabs share it: every step is a guarded write
//! (see [`super::guarded`]).

use super::guarded::{Saved, open_if_unchanged};
use super::results::PracticeResult;
use super::{Store, db};
use resapi_core::sync::SyncRecord;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PracticeSessionQuestion {
    pub id: String,
    /// Option ids in display order (shuffled once, kept across reloads).
    pub options: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GivenAnswer {
    pub question_id: String,
    pub value: String,
    pub option_id: String,
    pub correct: bool,
}

impl GivenAnswer {
    /// Scores a list of answers with the shared rules.
    pub fn score(answers: &[GivenAnswer]) -> resapi_core::practice::PracticeScore {
        let scored: Vec<resapi_core::practice::AnsweredQuestion> = answers
            .iter()
            .map(|a| resapi_core::practice::AnsweredQuestion {
                question_id: a.question_id.clone(),
                value: a.value.clone(),
                correct: a.correct,
            })
            .collect();
        resapi_core::practice::score(&scored)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PracticeSessionState {
    /// The session's id, also the id of its record. Saved as `attempt_id` (phones in the
    /// field have sessions in progress saved so).
    #[serde(rename = "attempt_id")]
    pub id: String,
    pub account_id: String,
    pub scope: String,
    pub content_version: String,
    pub started_at: String,
    pub questions: Vec<PracticeSessionQuestion>,
    /// Index of the question on screen.
    pub position: usize,
    pub answers: Vec<GivenAnswer>,
}

impl PracticeSessionState {
    pub fn current(&self) -> Option<&PracticeSessionQuestion> {
        self.questions.get(self.position)
    }

    /// The answer already given to the question on screen (its feedback is showing).
    pub fn current_answer(&self) -> Option<&GivenAnswer> {
        let q = self.current()?;
        self.answers.iter().find(|a| a.question_id == q.id)
    }

    pub fn is_last(&self) -> bool {
        self.position + 1 >= self.questions.len()
    }
}

/// The stores a practice session step may write.
const PRACTICE_SESSION_STEP: [&str; 3] = [db::PRACTICE_SESSION, db::OUTBOX, db::RESULTS];

impl Store {
    async fn practice_session_unchanged(
        &self,
        before: &PracticeSessionState,
    ) -> db::Result<Result<rexie::Transaction, Option<PracticeSessionState>>> {
        open_if_unchanged(
            self.db(),
            &PRACTICE_SESSION_STEP,
            db::PRACTICE_SESSION,
            &before.account_id,
            before,
        )
        .await
    }

    /// Moves the session from `before` to `next` (e.g. to the next question), if no other
    /// tab moved it first.
    pub async fn step_practice_session(
        &self,
        before: &PracticeSessionState,
        next: &PracticeSessionState,
    ) -> db::Result<Saved<PracticeSessionState>> {
        let tx = match self.practice_session_unchanged(before).await? {
            Ok(tx) => tx,
            Err(now) => return Ok(Saved::Elsewhere(now)),
        };
        tx.store(db::PRACTICE_SESSION)?
            .put(
                &db::to_js(next)?,
                Some(&JsValue::from_str(&next.account_id)),
            )
            .await?;
        tx.done().await?;
        Ok(Saved::Done(next.clone()))
    }

    /// Removes a session quit before any answer, if no other tab changed it first.
    pub async fn discard_practice_session_from(
        &self,
        before: &PracticeSessionState,
    ) -> db::Result<Saved<(), PracticeSessionState>> {
        let tx = match self.practice_session_unchanged(before).await? {
            Ok(tx) => tx,
            Err(now) => return Ok(Saved::Elsewhere(now)),
        };
        tx.store(db::PRACTICE_SESSION)?
            .delete(JsValue::from_str(&before.account_id))
            .await?;
        tx.done().await?;
        Ok(Saved::Done(()))
    }

    pub async fn practice_session(
        &self,
        account_id: &str,
    ) -> db::Result<Option<PracticeSessionState>> {
        db::get(self.db(), db::PRACTICE_SESSION, account_id).await
    }

    pub async fn save_practice_session(&self, session: &PracticeSessionState) -> db::Result<()> {
        db::put(
            self.db(),
            db::PRACTICE_SESSION,
            session,
            Some(&session.account_id),
        )
        .await
    }

    pub async fn discard_practice_session(&self, account_id: &str) -> db::Result<()> {
        db::delete(self.db(), db::PRACTICE_SESSION, account_id).await
    }

    /// Saves an answer: the outbox record and the session state commit together, before the
    /// feedback shows, and only if the session is still `before` (no other tab answered or
    /// moved on first: the phone never sends two answers for one question of a session).
    pub async fn save_answer(
        &self,
        before: &PracticeSessionState,
        session: &PracticeSessionState,
        record: &SyncRecord,
    ) -> db::Result<Saved<PracticeSessionState>> {
        let tx = match self.practice_session_unchanged(before).await? {
            Ok(tx) => tx,
            Err(now) => return Ok(Saved::Elsewhere(now)),
        };
        tx.store(db::OUTBOX)?.put(&db::to_js(record)?, None).await?;
        tx.store(db::PRACTICE_SESSION)?
            .put(
                &db::to_js(session)?,
                Some(&JsValue::from_str(&session.account_id)),
            )
            .await?;
        tx.done().await?;
        Ok(Saved::Done(session.clone()))
    }

    /// Ends the session `before`: the session's record goes to the outbox, the result to
    /// history, and the in-progress state is removed, all at once (unless another tab
    /// changed or finished the session first).
    pub async fn finish_practice_session(
        &self,
        before: &PracticeSessionState,
        result: &PracticeResult,
        record: &SyncRecord,
    ) -> db::Result<Saved<PracticeResult, PracticeSessionState>> {
        let tx = match self.practice_session_unchanged(before).await? {
            Ok(tx) => tx,
            Err(now) => return Ok(Saved::Elsewhere(now)),
        };
        tx.store(db::OUTBOX)?.put(&db::to_js(record)?, None).await?;
        tx.store(db::RESULTS)?
            .put(&db::to_js(result)?, None)
            .await?;
        tx.store(db::PRACTICE_SESSION)?
            .delete(JsValue::from_str(&result.account_id))
            .await?;
        tx.done().await?;
        Ok(Saved::Done(result.clone()))
    }
}
