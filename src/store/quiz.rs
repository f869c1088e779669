//! The practice session in progress, one per account, saved after every step so that a
//! reload resumes at the same question.
//!
//! Two tabs (or windows) of the app share this one saved session, and a tab left in the
//! background keeps showing the state it last saw. So every step is a guarded write: inside
//! the write's own transaction the saved state is read again, and the step is written only
//! if it is still the state the page started from. Otherwise nothing is written and the
//! page is given what is saved, to show instead ([`Saved::Elsewhere`]).

use super::results::PracticeResult;
use super::{Store, db};
use resapi_core::sync::SyncRecord;
use rexie::TransactionMode;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizQuestion {
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
pub struct QuizState {
    pub attempt_id: String,
    pub account_id: String,
    pub scope: String,
    pub content_version: String,
    pub started_at: String,
    pub questions: Vec<QuizQuestion>,
    /// Index of the question on screen.
    pub position: usize,
    pub answers: Vec<GivenAnswer>,
}

impl QuizState {
    pub fn current(&self) -> Option<&QuizQuestion> {
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

/// The outcome of a guarded write of a `T` over a saved `S` (the session or draft).
#[derive(Debug, Clone, PartialEq)]
pub enum Saved<T, S = T> {
    /// The step is saved; this is what it made.
    Done(T),
    /// Another tab or window changed the saved state first: nothing was written. This is what
    /// is saved now (`None`: the session or draft was finished or discarded there).
    Elsewhere(Option<S>),
}

impl<T, S> Saved<T, S> {
    /// What the step made, if it was saved.
    pub fn done(self) -> Option<T> {
        match self {
            Saved::Done(t) => Some(t),
            Saved::Elsewhere(_) => None,
        }
    }
}

/// Opens a read-write transaction over `stores` if the value saved under `key` in `store` is
/// still `before` (the check and the write that follows are one transaction, so no other tab
/// can step in between); otherwise closes it and gives what is saved now.
pub(super) async fn open_if_unchanged<T: DeserializeOwned + PartialEq>(
    db: &rexie::Rexie,
    stores: &[&str],
    store: &str,
    key: &str,
    before: &T,
) -> db::Result<Result<rexie::Transaction, Option<T>>> {
    let tx = db.transaction(stores, TransactionMode::ReadWrite)?;
    let saved: Option<T> = match tx.store(store)?.get(JsValue::from_str(key)).await? {
        Some(v) if !v.is_undefined() => Some(db::from_js(v)?),
        _ => None,
    };
    if saved.as_ref() == Some(before) {
        return Ok(Ok(tx));
    }
    tx.done().await?;
    Ok(Err(saved))
}

/// The stores a quiz step may write.
const QUIZ_STEP: [&str; 3] = [db::QUIZ, db::OUTBOX, db::RESULTS];

impl Store {
    async fn quiz_unchanged(
        &self,
        before: &QuizState,
    ) -> db::Result<Result<rexie::Transaction, Option<QuizState>>> {
        open_if_unchanged(self.db(), &QUIZ_STEP, db::QUIZ, &before.account_id, before).await
    }

    /// Moves the session from `before` to `next` (e.g. to the next question), if no other
    /// tab moved it first.
    pub async fn step_quiz(
        &self,
        before: &QuizState,
        next: &QuizState,
    ) -> db::Result<Saved<QuizState>> {
        let tx = match self.quiz_unchanged(before).await? {
            Ok(tx) => tx,
            Err(now) => return Ok(Saved::Elsewhere(now)),
        };
        tx.store(db::QUIZ)?
            .put(
                &db::to_js(next)?,
                Some(&JsValue::from_str(&next.account_id)),
            )
            .await?;
        tx.done().await?;
        Ok(Saved::Done(next.clone()))
    }

    /// Removes a session quit before any answer, if no other tab changed it first.
    pub async fn discard_quiz_from(&self, before: &QuizState) -> db::Result<Saved<(), QuizState>> {
        let tx = match self.quiz_unchanged(before).await? {
            Ok(tx) => tx,
            Err(now) => return Ok(Saved::Elsewhere(now)),
        };
        tx.store(db::QUIZ)?
            .delete(JsValue::from_str(&before.account_id))
            .await?;
        tx.done().await?;
        Ok(Saved::Done(()))
    }

    pub async fn quiz(&self, account_id: &str) -> db::Result<Option<QuizState>> {
        db::get(self.db(), db::QUIZ, account_id).await
    }

    pub async fn save_quiz(&self, quiz: &QuizState) -> db::Result<()> {
        db::put(self.db(), db::QUIZ, quiz, Some(&quiz.account_id)).await
    }

    pub async fn discard_quiz(&self, account_id: &str) -> db::Result<()> {
        db::delete(self.db(), db::QUIZ, account_id).await
    }

    /// Saves an answer: the outbox record and the session state commit together, before the
    /// feedback shows, and only if the session is still `before` (no other tab answered or
    /// moved on first: the phone never sends two answers for one question of a session).
    pub async fn save_answer(
        &self,
        before: &QuizState,
        quiz: &QuizState,
        record: &SyncRecord,
    ) -> db::Result<Saved<QuizState>> {
        let tx = match self.quiz_unchanged(before).await? {
            Ok(tx) => tx,
            Err(now) => return Ok(Saved::Elsewhere(now)),
        };
        tx.store(db::OUTBOX)?.put(&db::to_js(record)?, None).await?;
        tx.store(db::QUIZ)?
            .put(
                &db::to_js(quiz)?,
                Some(&JsValue::from_str(&quiz.account_id)),
            )
            .await?;
        tx.done().await?;
        Ok(Saved::Done(quiz.clone()))
    }

    /// Ends the session `before`: the attempt record goes to the outbox, the result to
    /// history, and the in-progress state is removed, all at once (unless another tab
    /// changed or finished the session first).
    pub async fn finish_quiz(
        &self,
        before: &QuizState,
        result: &PracticeResult,
        record: &SyncRecord,
    ) -> db::Result<Saved<PracticeResult, QuizState>> {
        let tx = match self.quiz_unchanged(before).await? {
            Ok(tx) => tx,
            Err(now) => return Ok(Saved::Elsewhere(now)),
        };
        tx.store(db::OUTBOX)?.put(&db::to_js(record)?, None).await?;
        tx.store(db::RESULTS)?
            .put(&db::to_js(result)?, None)
            .await?;
        tx.store(db::QUIZ)?
            .delete(JsValue::from_str(&result.account_id))
            .await?;
        tx.done().await?;
        Ok(Saved::Done(result.clone()))
    }
}
