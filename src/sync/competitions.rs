//! The sync round's pull of competitions and recognitions, after the outbox went up (so an
//! attempt just sent is already counted in `taken`): the list, the paper of every open
//! competition not yet taken (so it can be taken offline later), and *ASN Inspiratif*.
//! A failure here ends only this pull: the rest of the round has done its work.

use crate::api::{self, ApiError};
use crate::store::Store;
use resapi_core::competition::schedule::Phase;
use resapi_core::sync::{RecordKind, SyncRecord};
use std::collections::HashSet;

/// What a round sent, to decide whether it pulls: every round that sent nothing (at start,
/// back online, the button, the timer) or sent an attempt or a consent (whose effect the
/// lists then show) does; one that only carried other records (a round follows each practice
/// answer) does not, so practice costs no extra requests.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Sent {
    any: bool,
    lomba: bool,
}

impl Sent {
    pub fn note(&mut self, batch: &[SyncRecord]) {
        self.any |= !batch.is_empty();
        self.lomba |= batch.iter().any(|r| {
            matches!(
                r.kind,
                RecordKind::CompetitionAttempt | RecordKind::RecognitionConsent
            )
        });
    }

    pub fn wants_pull(self) -> bool {
        !self.any || self.lomba
    }
}

/// Pulls both; returns whether anything on the phone changed (pages then re-read).
pub async fn pull(store: &Store, token: &str, account_id: &str) -> bool {
    let competitions = pull_competitions(store, token, account_id).await;
    let recognitions = pull_recognitions(store, token, account_id).await;
    competitions.unwrap_or(false) || recognitions.unwrap_or(false)
}

async fn pull_competitions(store: &Store, token: &str, account_id: &str) -> Result<bool, ApiError> {
    let list = api::my_competitions(token).await?;
    let before = store.my_competitions(account_id).await.ok().flatten();
    let mut changed = before.as_ref() != Some(&list);
    if changed {
        let _ = store.save_my_competitions(account_id, &list).await;
    }
    let held: HashSet<String> = store
        .papers_held(account_id)
        .await
        .unwrap_or_default()
        .into_iter()
        .collect();
    let started: HashSet<String> = store
        .competition_attempts(account_id)
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|a| a.competition_id)
        .collect();
    for c in &list.competitions {
        let id = c.id.to_string();
        if c.phase != Phase::Open || c.taken || held.contains(&id) || started.contains(&id) {
            continue;
        }
        // One paper that cannot be had (closed meanwhile, a unit change) leaves the others.
        match api::competition_paper(token, &id).await {
            Ok(paper) => {
                if store.save_paper(account_id, &paper).await.is_ok() {
                    changed = true;
                }
            }
            Err(ApiError::Network) => return Err(ApiError::Network),
            Err(_) => {}
        }
    }
    Ok(changed)
}

async fn pull_recognitions(store: &Store, token: &str, account_id: &str) -> Result<bool, ApiError> {
    let list = api::my_recognitions(token).await?;
    let before = store.my_recognitions(account_id).await.ok().flatten();
    if before.as_ref() == Some(&list) {
        return Ok(false);
    }
    let _ = store.save_my_recognitions(account_id, &list).await;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use resapi_core::sync::{RecognitionConsent, Reflection};
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn record<P: resapi_core::sync::Payload>(payload: &P) -> SyncRecord {
        let id = uuid::Uuid::now_v7();
        SyncRecord::new(id, id, time::OffsetDateTime::now_utc(), payload).unwrap()
    }

    #[wasm_bindgen_test]
    fn a_round_of_practice_records_only_does_not_ask_for_the_competitions() {
        let other = record(&Reflection {
            module_id: "m".into(),
            text: "t".into(),
        });
        let consent = record(&RecognitionConsent {
            recognition_id: uuid::Uuid::now_v7(),
            given: true,
        });
        assert!(Sent::default().wants_pull(), "an idle round pulls");
        let mut practice = Sent::default();
        practice.note(std::slice::from_ref(&other));
        assert!(!practice.wants_pull());
        let mut decided = Sent::default();
        decided.note(&[other]);
        decided.note(&[consent]);
        assert!(decided.wants_pull(), "the consent's effect is brought back");
    }
}
