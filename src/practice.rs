//! The practice session flow on the device: start, answer, move on, finish or quit. Every
//! step is written to the store before the screen changes; rules come from `resapi_core`.

use crate::local_time::now_rfc3339;
use crate::store::guarded::Saved;
use crate::store::practice_session::{GivenAnswer, PracticeSessionQuestion, PracticeSessionState};
use crate::store::results::PracticeResult;
use crate::store::{Store, StoreError};
use crate::sync::record::made_now;
use resapi_core::content::ContentBundle;
use resapi_core::practice::{self, QUESTIONS_PER_SESSION};
use resapi_core::rng::Rng;
use resapi_core::sync::{PracticeAnswer, PracticeSession};
use std::collections::HashSet;
use time::OffsetDateTime;
use uuid::Uuid;

fn seed() -> u64 {
    (js_sys::Math::random() * u64::MAX as f64) as u64 ^ (js_sys::Date::now() as u64)
}

fn parse_time(s: &str) -> OffsetDateTime {
    OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|_| OffsetDateTime::now_utc())
}

fn parse_uuid(s: &str) -> Uuid {
    Uuid::parse_str(s).unwrap_or_else(|_| Uuid::now_v7())
}

/// Starts a review ("Ulang") session of the given due questions.
pub async fn start_review(
    store: &Store,
    content: &ContentBundle,
    account_id: &str,
    due: &[String],
) -> Result<PracticeSessionState, StoreError> {
    let mut rng = Rng::new(seed());
    let questions = due
        .iter()
        .filter_map(|id| content.question(id))
        .filter(|q| q.is_drawable())
        .take(crate::review::MAX_REVIEW)
        .map(|q| PracticeSessionQuestion {
            id: q.id.clone(),
            options: practice::shuffled_options(q, &mut rng),
        })
        .collect();
    let session = new_session(content, account_id, practice::REVIEW, questions);
    store.save_practice_session(&session).await?;
    Ok(session)
}

fn new_session(
    content: &ContentBundle,
    account_id: &str,
    scope: &str,
    questions: Vec<PracticeSessionQuestion>,
) -> PracticeSessionState {
    PracticeSessionState {
        id: Uuid::now_v7().to_string(),
        account_id: account_id.to_owned(),
        scope: scope.to_owned(),
        content_version: content.version.clone(),
        started_at: now_rfc3339(),
        questions,
        position: 0,
        answers: Vec::new(),
    }
}

/// Draws a new session for `scope` and saves it as the account's session in progress.
pub async fn start(
    store: &Store,
    content: &ContentBundle,
    account_id: &str,
    scope: &str,
) -> Result<PracticeSessionState, StoreError> {
    let avoid: HashSet<String> = store
        .previous_questions(account_id)
        .await?
        .into_iter()
        .collect();
    let mut rng = Rng::new(seed());
    let ids = practice::draw_questions(
        &content.questions,
        scope,
        &avoid,
        QUESTIONS_PER_SESSION,
        &mut rng,
    );
    let questions = ids
        .iter()
        .filter_map(|id| content.question(id))
        .map(|q| PracticeSessionQuestion {
            id: q.id.clone(),
            options: practice::shuffled_options(q, &mut rng),
        })
        .collect();
    let session = new_session(content, account_id, scope, questions);
    store.save_practice_session(&session).await?;
    store.set_previous_questions(account_id, &ids).await?;
    Ok(session)
}

/// Records the chosen option for the question on screen. Returns the new state, whose
/// `current_answer()` now carries the feedback. Answering twice keeps the first answer, and
/// a session another tab has answered or moved on in is not answered again: the page gets
/// what is saved instead ([`Saved::Elsewhere`]).
pub async fn answer(
    store: &Store,
    content: &ContentBundle,
    session: &PracticeSessionState,
    option_id: &str,
) -> Result<Saved<PracticeSessionState>, StoreError> {
    if session.current_answer().is_some() {
        return Ok(Saved::Done(session.clone()));
    }
    let Some(q) = session.current().and_then(|q| content.question(&q.id)) else {
        return Ok(Saved::Done(session.clone()));
    };
    let correct = q.is_correct(option_id);
    let payload = PracticeAnswer {
        session_id: parse_uuid(&session.id),
        question_id: q.id.clone(),
        option_id: option_id.to_owned(),
        correct,
        content_version: session.content_version.clone(),
        position: session.position as u32,
        question_rev: q.rev,
    };
    let record = made_now(Uuid::now_v7(), &session.account_id, &payload)?;
    let mut next = session.clone();
    next.answers.push(GivenAnswer {
        question_id: q.id.clone(),
        value: q.value.clone(),
        option_id: option_id.to_owned(),
        correct,
    });
    store.save_answer(session, &next, &record).await
}

/// Moves to the next question (unless another tab changed the session first).
pub async fn advance(
    store: &Store,
    session: &PracticeSessionState,
) -> Result<Saved<PracticeSessionState>, StoreError> {
    let mut next = session.clone();
    next.position = (next.position + 1).min(next.questions.len());
    store.step_practice_session(session, &next).await
}

/// Ends the session (completed or quit): its record goes to the outbox and the result to
/// history. A session quit before any answer leaves no trace (`Done(None)`). A session
/// another tab changed or finished first is left as that tab saved it.
pub async fn finish(
    store: &Store,
    session: &PracticeSessionState,
) -> Result<Saved<Option<PracticeResult>, PracticeSessionState>, StoreError> {
    if session.answers.is_empty() {
        return Ok(match store.discard_practice_session_from(session).await? {
            Saved::Done(()) => Saved::Done(None),
            Saved::Elsewhere(now) => Saved::Elsewhere(now),
        });
    }
    let score = GivenAnswer::score(&session.answers);
    let completed = session.answers.len() >= session.questions.len();
    let finished_at = now_rfc3339();
    let result = PracticeResult {
        id: session.id.clone(),
        account_id: session.account_id.clone(),
        scope: session.scope.clone(),
        correct: score.correct,
        answered: score.answered,
        total: session.questions.len() as u32,
        percent: score.percent,
        completed,
        started_at: session.started_at.clone(),
        finished_at,
        per_value: score.per_value,
        answers: session.answers.clone(),
    };
    let payload = PracticeSession {
        scope: session.scope.clone(),
        question_ids: session.questions.iter().map(|q| q.id.clone()).collect(),
        answered: score.answered,
        correct: score.correct,
        completed,
        started_at: parse_time(&session.started_at),
        content_version: session.content_version.clone(),
    };
    let record = made_now(parse_uuid(&session.id), &session.account_id, &payload)?;
    Ok(
        match store
            .finish_practice_session(session, &result, &record)
            .await?
        {
            Saved::Done(result) => Saved::Done(Some(result)),
            Saved::Elsewhere(now) => Saved::Elsewhere(now),
        },
    )
}
