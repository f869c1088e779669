//! Competitions (*lomba*) on the device: the list as last synced, each paper downloaded ahead
//! (so an attempt works offline), and the attempt in progress, saved on every tap so a reload
//! resumes it with its start time (the countdown is computed from it).
//!
//! An attempt sent to the outbox leaves a mark in place of its answers ([`Attempt::sent_at`]):
//! the list says "Sudah dikerjakan" before the server knows, and the phone never offers a
//! second attempt. Like the practice session, every step is a guarded write (two tabs).

use super::guarded::{Saved, open_if_unchanged};
use super::{Store, db};
use resapi_core::competition::wire::{MyCompetitions, Paper};
use resapi_core::sync::SyncRecord;
use rexie::TransactionMode;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

/// One chosen option.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chosen {
    pub question_id: String,
    pub option_id: String,
}

/// An attempt on this phone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    pub account_id: String,
    pub competition_id: String,
    /// When "Mulai" was tapped (the phone's clock, RFC 3339).
    pub started_at: String,
    pub limit_minutes: u32,
    /// The question on screen; the number of questions is the summary before sending.
    pub position: usize,
    pub answers: Vec<Chosen>,
    /// Set when the attempt went to the outbox (its answers are then dropped).
    #[serde(default)]
    pub sent_at: Option<String>,
}

impl Attempt {
    pub fn chosen(&self, question_id: &str) -> Option<&str> {
        self.answers
            .iter()
            .find(|a| a.question_id == question_id)
            .map(|a| a.option_id.as_str())
    }

    /// This attempt with `option_id` chosen for `question_id` (replacing an earlier choice).
    pub fn choose(&self, question_id: &str, option_id: &str) -> Attempt {
        let mut next = self.clone();
        next.answers.retain(|a| a.question_id != question_id);
        next.answers.push(Chosen {
            question_id: question_id.to_owned(),
            option_id: option_id.to_owned(),
        });
        next
    }

    pub fn at(&self, position: usize) -> Attempt {
        Attempt {
            position,
            ..self.clone()
        }
    }

    /// What stays once it is sent: who, which competition, when.
    pub fn sent(&self, at: &str) -> Attempt {
        Attempt {
            position: 0,
            answers: Vec::new(),
            sent_at: Some(at.to_owned()),
            ..self.clone()
        }
    }
}

fn key(account_id: &str, competition_id: &str) -> String {
    format!("{account_id}:{competition_id}")
}

impl Store {
    pub async fn my_competitions(&self, account_id: &str) -> db::Result<Option<MyCompetitions>> {
        db::get(self.db(), db::COMPETITIONS, account_id).await
    }

    pub async fn save_my_competitions(
        &self,
        account_id: &str,
        list: &MyCompetitions,
    ) -> db::Result<()> {
        db::put(self.db(), db::COMPETITIONS, list, Some(account_id)).await
    }

    pub async fn paper(&self, account_id: &str, competition_id: &str) -> db::Result<Option<Paper>> {
        db::get(self.db(), db::PAPERS, &key(account_id, competition_id)).await
    }

    pub async fn save_paper(&self, account_id: &str, paper: &Paper) -> db::Result<()> {
        let key = key(account_id, &paper.competition_id.to_string());
        db::put(self.db(), db::PAPERS, paper, Some(&key)).await
    }

    /// The ids of the competitions whose paper is on this phone.
    pub async fn papers_held(&self, account_id: &str) -> db::Result<Vec<String>> {
        let tx = self
            .db()
            .transaction(&[db::PAPERS], TransactionMode::ReadOnly)?;
        let keys = tx.store(db::PAPERS)?.get_all_keys(None, None).await?;
        tx.done().await?;
        let prefix = format!("{account_id}:");
        Ok(keys
            .into_iter()
            .filter_map(|k| k.as_string()?.strip_prefix(&prefix).map(str::to_owned))
            .collect())
    }

    pub async fn competition_attempt(
        &self,
        account_id: &str,
        competition_id: &str,
    ) -> db::Result<Option<Attempt>> {
        db::get(
            self.db(),
            db::COMPETITION_ATTEMPTS,
            &key(account_id, competition_id),
        )
        .await
    }

    /// Every attempt of the account on this phone (in progress or sent).
    pub async fn competition_attempts(&self, account_id: &str) -> db::Result<Vec<Attempt>> {
        let tx = self
            .db()
            .transaction(&[db::COMPETITION_ATTEMPTS], TransactionMode::ReadOnly)?;
        let range = rexie::KeyRange::bound(
            &JsValue::from_str(&format!("{account_id}:")),
            &JsValue::from_str(&format!("{account_id}:\u{ffff}")),
            None,
            None,
        )
        .map_err(|e| db::StoreError::Idb(e.to_string()))?;
        let values = tx
            .store(db::COMPETITION_ATTEMPTS)?
            .get_all(Some(range), None)
            .await?;
        tx.done().await?;
        values.into_iter().map(db::from_js).collect()
    }

    /// Starts `attempt`, unless this competition already has one on this phone (another tab
    /// started it, or it was sent): then nothing is written and that one is given.
    pub async fn start_competition_attempt(&self, attempt: &Attempt) -> db::Result<Saved<Attempt>> {
        let key = JsValue::from_str(&key(&attempt.account_id, &attempt.competition_id));
        let tx = self
            .db()
            .transaction(&[db::COMPETITION_ATTEMPTS], TransactionMode::ReadWrite)?;
        let store = tx.store(db::COMPETITION_ATTEMPTS)?;
        if let Some(v) = store.get(key.clone()).await?.filter(|v| !v.is_undefined()) {
            let saved: Attempt = db::from_js(v)?;
            tx.done().await?;
            return Ok(Saved::Elsewhere(Some(saved)));
        }
        store.put(&db::to_js(attempt)?, Some(&key)).await?;
        tx.done().await?;
        Ok(Saved::Done(attempt.clone()))
    }

    async fn attempt_unchanged(
        &self,
        before: &Attempt,
    ) -> db::Result<Result<rexie::Transaction, Option<Attempt>>> {
        let key = key(&before.account_id, &before.competition_id);
        let stores = [db::COMPETITION_ATTEMPTS, db::OUTBOX, db::PAPERS];
        open_if_unchanged(self.db(), &stores, db::COMPETITION_ATTEMPTS, &key, before).await
    }

    /// Replaces `before` by `next` (a choice, a move), if no other tab changed it first.
    pub async fn step_competition_attempt(
        &self,
        before: &Attempt,
        next: &Attempt,
    ) -> db::Result<Saved<Attempt>> {
        let tx = match self.attempt_unchanged(before).await? {
            Ok(tx) => tx,
            Err(now) => return Ok(Saved::Elsewhere(now)),
        };
        let key = key(&next.account_id, &next.competition_id);
        tx.store(db::COMPETITION_ATTEMPTS)?
            .put(&db::to_js(next)?, Some(&JsValue::from_str(&key)))
            .await?;
        tx.done().await?;
        Ok(Saved::Done(next.clone()))
    }

    /// Sends the attempt `before`: its record goes to the outbox, the answers and the paper
    /// leave the phone and the mark `sent` stays, in one transaction (unless another tab
    /// changed or sent it first).
    pub async fn send_competition_attempt(
        &self,
        before: &Attempt,
        sent: &Attempt,
        record: &SyncRecord,
    ) -> db::Result<Saved<Attempt>> {
        let tx = match self.attempt_unchanged(before).await? {
            Ok(tx) => tx,
            Err(now) => return Ok(Saved::Elsewhere(now)),
        };
        let key = JsValue::from_str(&key(&sent.account_id, &sent.competition_id));
        tx.store(db::OUTBOX)?.put(&db::to_js(record)?, None).await?;
        tx.store(db::COMPETITION_ATTEMPTS)?
            .put(&db::to_js(sent)?, Some(&key))
            .await?;
        tx.store(db::PAPERS)?.delete(key).await?;
        tx.done().await?;
        Ok(Saved::Done(sent.clone()))
    }

    /// Marks attempts the server already holds (a restore on a new phone) as sent, leaving
    /// any attempt already on the phone as it is.
    pub async fn mark_attempts_sent(&self, attempts: &[Attempt]) -> db::Result<()> {
        let tx = self
            .db()
            .transaction(&[db::COMPETITION_ATTEMPTS], TransactionMode::ReadWrite)?;
        let store = tx.store(db::COMPETITION_ATTEMPTS)?;
        for a in attempts {
            let key = JsValue::from_str(&key(&a.account_id, &a.competition_id));
            if store
                .get(key.clone())
                .await?
                .is_none_or(|v| v.is_undefined())
            {
                store.put(&db::to_js(a)?, Some(&key)).await?;
            }
        }
        tx.done().await?;
        Ok(())
    }
}
