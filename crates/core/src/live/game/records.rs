//! A game's answers as `live_answer` records: made when a question closes, and again for a
//! phone that rejoins, always the same record for the same answer.

use super::{Game, GameQuestion, Given, PlayerId};
use crate::live::config::GameConfig;
use crate::sync::{LiveAnswer, SyncRecord};
use time::OffsetDateTime;
use uuid::Uuid;

/// The server clock's Unix milliseconds as a time (for records).
fn instant(ms: u64) -> Option<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000).ok()
}

impl Game {
    /// Records made since the last call: one `live_answer` per account player and closed
    /// question, with the answer's own id. The server stores them like synced records.
    pub fn take_records(&mut self) -> Vec<SyncRecord> {
        std::mem::take(&mut self.records)
    }

    /// A player's records so far (closed questions only): a phone that rejoins or missed
    /// a reveal stores them, and the same ids make the phone's later sync a duplicate.
    pub fn records_of(&self, id: PlayerId) -> Vec<SyncRecord> {
        let Some(p) = self.players.get(id.0 as usize) else {
            return Vec::new();
        };
        let Some(account) = p.account else {
            return Vec::new();
        };
        self.closed
            .iter()
            .enumerate()
            .filter(|(_, c)| c.is_some())
            .filter_map(|(i, _)| {
                let given = p.answers[i].as_ref()?;
                record(
                    self.id,
                    &self.content_version,
                    &self.config,
                    &self.questions[i],
                    i as u32,
                    account,
                    given,
                )
            })
            .collect()
    }
}

pub(super) fn record(
    game_id: Uuid,
    content_version: &str,
    config: &GameConfig,
    question: &GameQuestion,
    position: u32,
    account: Uuid,
    given: &Given,
) -> Option<SyncRecord> {
    let payload = LiveAnswer {
        game_id,
        question_id: question.id.clone(),
        option_id: given.option_id.clone(),
        correct: given.correct,
        points: given.points,
        position,
        scoring: config.scoring,
        time_ms: u32::try_from(given.taken_ms).unwrap_or(u32::MAX),
        content_version: content_version.to_owned(),
        question_rev: question.rev,
    };
    SyncRecord::new(
        given.answer_id,
        account,
        instant(given.accepted_at)?,
        &payload,
    )
    .ok()
}
