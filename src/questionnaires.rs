//! Filling in a questionnaire on the device: start or resume a draft, answer, skip, go
//! back, finish. Every step is saved before the screen changes, and only over the draft the
//! page showed: a step taken in a stale tab gives back what another tab saved instead.

use crate::local_time::now_rfc3339;
use crate::store::guarded::Saved;
use crate::store::questionnaires::{Draft, Response};
use crate::store::{Store, StoreError};
use crate::sync::record::made_now;
use resapi_core::content::ContentBundle;
use resapi_core::questionnaire::Questionnaire;
use resapi_core::sync::QuestionnaireResponse;
use time::OffsetDateTime;
use uuid::Uuid;

/// The saved draft, or a new one.
pub async fn start(
    store: &Store,
    content: &ContentBundle,
    account_id: &str,
    questionnaire_id: &str,
) -> Result<Draft, StoreError> {
    if let Some(draft) = store.draft(account_id, questionnaire_id).await? {
        return Ok(draft);
    }
    let draft = Draft {
        account_id: account_id.to_owned(),
        questionnaire_id: questionnaire_id.to_owned(),
        content_version: content.version.clone(),
        started_at: now_rfc3339(),
        position: 0,
        answers: Default::default(),
    };
    store.save_draft(&draft).await?;
    Ok(draft)
}

/// Answers (or, with `None`, skips) the item on screen and moves to the next.
pub async fn answer(
    store: &Store,
    q: &Questionnaire,
    draft: &Draft,
    value: Option<u8>,
) -> Result<Saved<Draft>, StoreError> {
    let mut next = draft.clone();
    if let Some(item) = q.items.get(draft.position) {
        match value {
            Some(v) => next.answers.insert(item.id.clone(), v),
            None => next.answers.remove(&item.id),
        };
    }
    next.position = (draft.position + 1).min(q.items.len());
    store.step_draft(draft, &next).await
}

/// Goes to item `position` (back, or to an item from the review screen).
pub async fn go_to(
    store: &Store,
    q: &Questionnaire,
    draft: &Draft,
    position: usize,
) -> Result<Saved<Draft>, StoreError> {
    let mut next = draft.clone();
    next.position = position.min(q.items.len());
    store.step_draft(draft, &next).await
}

/// Finishes: the response is kept on the device and queued for the server.
/// Finishes the draft with its answers to the items `q` asks now (a draft begun before a
/// content update drops answers to items the update retired; see `Questionnaire::asked_now`).
pub async fn finish(
    store: &Store,
    q: &Questionnaire,
    draft: &Draft,
) -> Result<Saved<Response, Draft>, StoreError> {
    let id = Uuid::now_v7();
    let answers = q.asked_now(&draft.answers);
    let response = Response {
        id: id.to_string(),
        account_id: draft.account_id.clone(),
        questionnaire_id: draft.questionnaire_id.clone(),
        content_version: draft.content_version.clone(),
        started_at: draft.started_at.clone(),
        finished_at: now_rfc3339(),
        answers: answers.clone(),
    };
    let payload = QuestionnaireResponse {
        questionnaire_id: draft.questionnaire_id.clone(),
        answers,
        started_at: OffsetDateTime::parse(
            &draft.started_at,
            &time::format_description::well_known::Rfc3339,
        )
        .unwrap_or_else(|_| OffsetDateTime::now_utc()),
        content_version: draft.content_version.clone(),
    };
    let record = made_now(id, &draft.account_id, &payload)?;
    store.finish_questionnaire(draft, &response, &record).await
}
