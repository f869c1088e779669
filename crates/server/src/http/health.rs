//! `GET /health`: for monitors and the app's "is the server there" check.

use crate::http::error::{Error, Result};
use crate::state::AppState;
use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Value, json};

pub fn router() -> Router<AppState> {
    Router::new().route("/health", get(health))
}

async fn health(State(state): State<AppState>) -> Result<Json<Value>> {
    if let Err(e) = state.store.ping().await {
        tracing::error!(error = %e, "health check: database unavailable");
        return Err(Error::Unavailable);
    }
    Ok(Json(json!({
        "status": "ok",
        "content_version": state.content.bundle.version,
    })))
}
