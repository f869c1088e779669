//! The "Ulang" review on the device: which questions are due today (local day), rebuilt
//! from the answers in the practice history, so it survives a restore on a new phone.

use crate::local_time::{local_offset, local_today};
use crate::store::results::PracticeResult;
use crate::store::{Store, StoreError};
use resapi_core::review::{self, ReviewEvent};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// Questions in one review session at most.
pub const MAX_REVIEW: usize = 10;

/// Every answer in the history as a review event (a session's answers carry its end time).
pub fn events(results: &[PracticeResult]) -> Vec<ReviewEvent> {
    results
        .iter()
        .filter_map(|r| {
            let at = OffsetDateTime::parse(&r.finished_at, &Rfc3339).ok()?;
            Some(r.answers.iter().map(move |a| ReviewEvent {
                question_id: a.question_id.clone(),
                at,
                correct: a.correct,
            }))
        })
        .flatten()
        .collect()
}

/// The ids due today or earlier, most overdue first.
pub async fn due_today(store: &Store, account_id: &str) -> Result<Vec<String>, StoreError> {
    let results = store.results(account_id).await?;
    let offset = local_offset();
    let state = review::rebuild(&events(&results), offset);
    Ok(review::due_questions(&state, local_today(), offset))
}
