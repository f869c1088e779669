//! `GET /me/records`: the caller's own records, oldest first, paged by a `since` cursor,
//! so a new phone can restore its history.

use crate::http::error::{Error, Result};
use crate::http::extract::{ApiQuery, AuthSession};
use crate::state::AppState;
use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use resapi_core::sync::RecordsPage;
use serde::Deserialize;

pub const DEFAULT_LIMIT: u32 = 200;
pub const MAX_LIMIT: u32 = 500;

pub fn router() -> Router<AppState> {
    Router::new().route("/me/records", get(list))
}

/// Kept as text and parsed here, so a bad value gets a precise error code.
#[derive(Deserialize)]
struct PageQuery {
    since: Option<String>,
    limit: Option<String>,
}

fn bad(code: &'static str, message: &str) -> Error {
    Error::BadRequest {
        code,
        message: message.into(),
    }
}

async fn list(
    State(state): State<AppState>,
    session: AuthSession,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> Result<Json<RecordsPage>> {
    let since = match query.since.as_deref().map(str::trim) {
        None | Some("") => 0,
        Some(s) => s
            .parse::<i64>()
            .ok()
            .filter(|n| *n >= 0)
            .ok_or_else(|| bad("bad_cursor", "Penanda halaman (since) tidak sah."))?,
    };
    let limit = match query.limit.as_deref().map(str::trim) {
        None | Some("") => DEFAULT_LIMIT,
        Some(s) => s
            .parse::<u64>()
            .map(|n| n.clamp(1, u64::from(MAX_LIMIT)) as u32)
            .map_err(|_| bad("bad_limit", "Batas jumlah (limit) harus berupa angka."))?,
    };
    Ok(Json(
        state
            .store
            .records_page(session.account_id, since, limit)
            .await?,
    ))
}
