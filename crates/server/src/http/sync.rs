//! `POST /sync`: a batch of records from the device's outbox.

use crate::http::error::{Error, Result};
use crate::http::extract::{ApiJson, AuthSession};
use crate::state::AppState;
use axum::extract::State;
use axum::routing::post;
use axum::{Json, Router};
use resapi_core::sync::{MAX_BATCH, SyncResponse};
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
    // Also renews the session, in the batch's own transaction.
    let results = state
        .store
        .store_batch(
            session.account_id,
            &session.token_hash,
            &state.content.bundle,
            &body.records,
        )
        .await?;
    Ok(Json(SyncResponse { results }))
}
