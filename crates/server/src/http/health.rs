//! `GET /health`: for monitors and the app's "is the server there" check; `demo` says the
//! database holds demo data (the console shows "Data demo").

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
    // Reading the demo mark is also the database check.
    let demo = match crate::store::demo::is_demo(state.store.pool()).await {
        Ok(demo) => demo,
        Err(e) => {
            tracing::error!(error = %e, "health check: database unavailable");
            return Err(Error::Unavailable);
        }
    };
    Ok(Json(json!({
        "status": "ok",
        "content_version": state.content.bundle.version,
        "demo": demo,
    })))
}
