//! `GET /units`: the unit tree, public (needed to register).

use crate::http::error::Result;
use crate::state::AppState;
use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use resapi_core::content::Unit;

pub fn router() -> Router<AppState> {
    Router::new().route("/units", get(list))
}

async fn list(State(state): State<AppState>) -> Result<Json<Vec<Unit>>> {
    let units = state.units.units(&state.store).await?;
    Ok(Json(units.as_ref().clone()))
}
