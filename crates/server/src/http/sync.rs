//! `POST /sync`: a batch of records from the device's outbox.

use crate::http::error::{Error, Result};
use crate::http::extract::{ApiJson, AuthSession};
use crate::state::AppState;
use crate::store::Judging;
use axum::extract::State;
use axum::routing::post;
use axum::{Json, Router};
use resapi_core::sync::{MAX_BATCH, RecordKind, SyncResponse};

const ATTEMPT_KIND: &str = RecordKind::CompetitionAttempt.as_str();
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new().route("/sync", post(sync))
}

/// Records stay raw JSON here so that one malformed record is rejected on its own instead
/// of failing the whole batch.
#[derive(Deserialize)]
struct SyncBody {
    records: Vec<serde_json::Value>,
}

async fn sync(
    State(state): State<AppState>,
    session: AuthSession,
    ApiJson(body): ApiJson<SyncBody>,
) -> Result<Json<SyncResponse>> {
    if body.records.len() > MAX_BATCH {
        return Err(Error::BatchTooLarge { max: MAX_BATCH });
    }
    let account = session.account_id.to_string();
    let attempts = body
        .records
        .iter()
        .filter(|r| r.get("kind").and_then(|k| k.as_str()) == Some(ATTEMPT_KIND))
        .count();
    // One use per attempt sent: the whole batch waits (429) rather than part of it being
    // refused, so the phone keeps every record and sends them again later.
    if (0..attempts).any(|_| !state.attempt_limit.allow(Some(&account))) {
        return Err(Error::TooManyCompetitionAttempts {
            retry_after: std::time::Duration::from_secs(15 * 60),
        });
    }
    // Also renews the session, in the batch's own transaction.
    let results = state
        .store
        .store_batch(
            session.account_id,
            &session.token_hash,
            Judging {
                content: &state.content.bundle,
                pool: &state.pool,
                now: state.clock.now(),
            },
            &body.records,
        )
        .await?;
    Ok(Json(SyncResponse { results }))
}
