//! A person's own data (UU 27/2022): `GET /me/export` (download everything the server holds
//! about the caller) and `POST /me/erase` (remove the account and all its records).

use crate::client_addr::{self, ClientAddr};
use crate::http::error::{Error, Result};
use crate::http::extract::{ApiJson, AuthSession};
use crate::passwords::PasswordError;
use crate::state::AppState;
use crate::store::StoreError;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use resapi_core::api::EraseRequest;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/me/export", get(export))
        .route("/me/erase", post(erase))
}

/// The account went away while its token was being used: as if logged out.
fn gone_is_unauthorized(e: StoreError) -> Error {
    match e {
        StoreError::NoSuchAccount => Error::Unauthorized,
        other => other.into(),
    }
}

/// The download's file name: the NIP and the day, so two downloads do not overwrite.
fn file_name(nip: &str, exported_at: &str) -> String {
    let day = exported_at.get(..10).unwrap_or("data");
    format!("resapi-data-{nip}-{day}.json")
}

async fn export(State(state): State<AppState>, session: AuthSession) -> Result<Response> {
    let data = state
        .store
        .export_personal_data(session.account_id)
        .await
        .map_err(gone_is_unauthorized)?;
    let disposition = format!(
        "attachment; filename=\"{}\"",
        file_name(&data.account.nip, &data.exported_at)
    );
    let mut response = Json(data).into_response();
    let headers = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    // Personal data: no shared or browser cache keeps a copy.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// The password is asked again (a phone left unlocked must not be enough to erase an
/// account), and wrong tries count against the same per-NIP budget as logins, so a stolen
/// token cannot be used to guess the password faster than the login page allows.
async fn erase(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    session: AuthSession,
    ApiJson(req): ApiJson<EraseRequest>,
) -> Result<StatusCode> {
    let row = state
        .store
        .account_by_id(session.account_id)
        .await?
        .ok_or(Error::Unauthorized)?;
    let addr = client.map(client_addr::limit_key);
    let attempt = state
        .login_limiter
        .begin(&row.nip, addr.as_deref())
        .map_err(|retry_after| Error::TooManyAttempts { retry_after })?;
    let ok = match state
        .passwords
        .verify(req.password, Some(row.password_hash.clone()))
        .await
    {
        Ok(ok) => ok,
        Err(e) => {
            if matches!(e, PasswordError::Busy) {
                attempt.not_made();
            }
            return Err(e.into());
        }
    };
    if !ok {
        // Dropping the attempt keeps its slots: a failure, as at login.
        drop(attempt);
        return Err(Error::BadCredentials);
    }
    attempt.succeeded();
    let erased = state
        .store
        .erase_account(session.account_id)
        .await
        .map_err(gone_is_unauthorized)?;
    // Published results named the person: their row is blanked now.
    state.published.forget_all();
    tracing::info!(
        records = erased.records,
        sessions = erased.sessions,
        "account erased at its owner's request"
    );
    Ok(StatusCode::NO_CONTENT)
}
