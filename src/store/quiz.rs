//! The practice session in progress, one per account, saved after every step so that a
//! reload resumes at the same question.

use super::results::PracticeResult;
use super::{Store, db};
use resapi_core::sync::SyncRecord;
use rexie::TransactionMode;
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

impl Store {
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
    /// feedback shows.
    pub async fn save_answer(&self, quiz: &QuizState, record: &SyncRecord) -> db::Result<()> {
        let tx = self
            .db()
            .transaction(&[db::QUIZ, db::OUTBOX], TransactionMode::ReadWrite)?;
        tx.store(db::OUTBOX)?.put(&db::to_js(record)?, None).await?;
        tx.store(db::QUIZ)?
            .put(
                &db::to_js(quiz)?,
                Some(&JsValue::from_str(&quiz.account_id)),
            )
            .await?;
        tx.done().await?;
        Ok(())
    }

    /// Ends the session: the attempt record goes to the outbox, the result to history, and
    /// the in-progress state is removed, all at once.
    pub async fn finish_quiz(
        &self,
        result: &PracticeResult,
        record: &SyncRecord,
    ) -> db::Result<()> {
        let tx = self.db().transaction(
            &[db::QUIZ, db::OUTBOX, db::RESULTS],
            TransactionMode::ReadWrite,
        )?;
        tx.store(db::OUTBOX)?.put(&db::to_js(record)?, None).await?;
        tx.store(db::RESULTS)?
            .put(&db::to_js(result)?, None)
            .await?;
        tx.store(db::QUIZ)?
            .delete(JsValue::from_str(&result.account_id))
            .await?;
        tx.done().await?;
        Ok(())
    }
}
