//! Restoring an account's history on a new phone (or after the browser's storage was
//! cleared): the account's records come down from the server once and rebuild practice
//! results, questionnaire responses, the journal and live-quiz answers on the device.

use crate::api::{self, ApiError};
use crate::local_time::rfc3339;
use crate::store::Store;
use crate::store::journal::{Entry, JournalItem};
use crate::store::practice_session::GivenAnswer;
use crate::store::questionnaires::Response;
use crate::store::results::PracticeResult;
use resapi_core::content::ContentBundle;
use resapi_core::sync::{
    Commitment, CommitmentCheckin, PracticeAnswer, PracticeSession, QuestionnaireResponse,
    RecordKind, Reflection, StoredRecord, SyncRecord,
};
use std::collections::HashMap;

/// A new account has no history on the server: mark it restored so no download is made.
pub async fn nothing_to_restore(store: &Store, account_id: &str) {
    let _ = store.save_restored(account_id, &[], &[], &[], &[]).await;
}

/// Everything the server holds for this account; `progress` hears the count after each page.
pub async fn download(
    token: &str,
    progress: impl Fn(usize),
) -> Result<Vec<StoredRecord>, ApiError> {
    let mut all = Vec::new();
    let mut since: Option<String> = None;
    loop {
        let page = api::my_records(token, since.as_deref()).await?;
        all.extend(page.records);
        progress(all.len());
        match page.next_since {
            Some(next) => since = Some(next),
            None => return Ok(all),
        }
    }
}

/// What the records rebuild on the device.
#[derive(Default)]
pub struct Rebuilt {
    pub results: Vec<PracticeResult>,
    pub responses: Vec<Response>,
    pub journal: Vec<JournalItem>,
    /// Live-quiz answers, kept as they came (the history groups them into games).
    pub live_answers: Vec<SyncRecord>,
}

/// Rebuilds the device's history from the account's records (pure: testable without a
/// server). Records the content no longer knows are still kept where they can be.
pub fn rebuild(account_id: &str, records: &[StoredRecord], content: &ContentBundle) -> Rebuilt {
    let mut out = Rebuilt::default();
    let mut answers: HashMap<String, Vec<(u32, GivenAnswer)>> = HashMap::new();
    let mut checkins: Vec<CommitmentCheckin> = Vec::new();
    for stored in records {
        let r = &stored.record;
        let id = r.id.to_string();
        let at = rfc3339(r.created_at);
        let payload = r.payload.clone();
        match r.kind {
            RecordKind::PracticeAnswer => {
                if let Ok(a) = serde_json::from_value::<PracticeAnswer>(payload) {
                    let value = content
                        .question(&a.question_id)
                        .map(|q| q.value.clone())
                        .unwrap_or_default();
                    answers.entry(a.session_id.to_string()).or_default().push((
                        a.position,
                        GivenAnswer {
                            question_id: a.question_id,
                            value,
                            option_id: a.option_id,
                            correct: a.correct,
                        },
                    ));
                }
            }
            RecordKind::PracticeSession => {
                if let Ok(a) = serde_json::from_value::<PracticeSession>(payload) {
                    out.results.push(PracticeResult {
                        id,
                        account_id: account_id.to_owned(),
                        scope: a.scope,
                        correct: a.correct,
                        answered: a.answered,
                        total: a.question_ids.len() as u32,
                        percent: resapi_core::practice::percent(a.correct, a.answered),
                        completed: a.completed,
                        started_at: rfc3339(a.started_at),
                        finished_at: at,
                        per_value: Default::default(),
                        answers: Vec::new(),
                    });
                }
            }
            RecordKind::QuestionnaireResponse => {
                if let Ok(q) = serde_json::from_value::<QuestionnaireResponse>(payload) {
                    out.responses.push(Response {
                        id,
                        account_id: account_id.to_owned(),
                        questionnaire_id: q.questionnaire_id,
                        content_version: q.content_version,
                        started_at: rfc3339(q.started_at),
                        finished_at: at,
                        answers: q.answers,
                    });
                }
            }
            RecordKind::Reflection => {
                if let Ok(x) = serde_json::from_value::<Reflection>(payload) {
                    out.journal.push(JournalItem {
                        id,
                        account_id: account_id.to_owned(),
                        at,
                        entry: Entry::Reflection {
                            module_id: x.module_id,
                            text: x.text,
                        },
                    });
                }
            }
            RecordKind::Commitment => {
                if let Ok(x) = serde_json::from_value::<Commitment>(payload) {
                    out.journal.push(JournalItem {
                        id,
                        account_id: account_id.to_owned(),
                        at,
                        entry: Entry::Commitment {
                            module_id: x.module_id,
                            action_id: x.action_id,
                            text: x.text,
                            due_on: x.due_on,
                            outcome: None,
                            note: String::new(),
                        },
                    });
                }
            }
            RecordKind::CommitmentCheckin => {
                if let Ok(x) = serde_json::from_value::<CommitmentCheckin>(payload) {
                    checkins.push(x);
                }
            }
            RecordKind::LiveAnswer => out.live_answers.push(r.clone()),
            // Competitions and recognitions come back from their own lists
            // (`/me/competitions` says which were taken, `/me/recognitions` the consents).
            RecordKind::CompetitionAttempt | RecordKind::RecognitionConsent => {}
        }
    }
    for result in &mut out.results {
        let mut given = answers.remove(&result.id).unwrap_or_default();
        given.sort_by_key(|(pos, _)| *pos);
        result.answers = given.into_iter().map(|(_, a)| a).collect();
        result.per_value = GivenAnswer::score(&result.answers).per_value;
    }
    for checkin in checkins {
        let id = checkin.commitment_id.to_string();
        if let Some(JournalItem {
            entry: Entry::Commitment { outcome, note, .. },
            ..
        }) = out.journal.iter_mut().find(|i| i.id == id)
        {
            *outcome = Some(checkin.outcome);
            *note = checkin.note;
        }
    }
    out
}

/// Downloads and rebuilds once per account on this phone. Returns whether anything came.
pub async fn restore_once(
    store: &Store,
    token: &str,
    account_id: &str,
    content: &ContentBundle,
    progress: impl Fn(usize),
) -> Result<bool, ApiError> {
    if store.restored(account_id).await.unwrap_or(false) {
        return Ok(false);
    }
    progress(0);
    let records = download(token, progress).await?;
    let rebuilt = rebuild(account_id, &records, content);
    let any = !records.is_empty();
    if store
        .save_restored(
            account_id,
            &rebuilt.results,
            &rebuilt.responses,
            &rebuilt.journal,
            &rebuilt.live_answers,
        )
        .await
        .is_err()
    {
        return Ok(false);
    }
    Ok(any)
}
