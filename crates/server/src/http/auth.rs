//! `POST /auth/register`, `/auth/login`, `/auth/logout`, `/auth/logout-all`.

use crate::accounts::{self, AccountRow, NewAccount};
use crate::db;
use crate::http::error::{Error, Result};
use crate::http::extract::{ApiJson, AuthSession};
use crate::passwords::MAX_PASSWORD_BYTES;
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use resapi_core::api::{AuthResponse, LoginRequest, RegisterRequest, Role, check_registration};
use resapi_core::nip::Nip;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/auth/register", post(register))
        .route("/auth/login", post(login))
        .route("/auth/logout", post(logout))
        .route("/auth/logout-all", post(logout_all))
}

async fn auth_response(state: &AppState, row: &AccountRow) -> Result<AuthResponse> {
    let account = accounts::public(&state.db, row).await?;
    let (token, expires_at) = accounts::create_session(&state.db, account.id).await?;
    Ok(AuthResponse {
        token,
        expires_at,
        account,
    })
}

async fn register(
    State(state): State<AppState>,
    ApiJson(req): ApiJson<RegisterRequest>,
) -> Result<(StatusCode, Json<AuthResponse>)> {
    check_registration(&req).map_err(|(_field, code, message)| Error::Invalid { code, message })?;
    let nip = Nip::parse(&req.nip).map_err(|e| Error::Invalid {
        code: e.code().into(),
        message: e.to_string(),
    })?;
    let unit_id = req.unit_id.trim();
    if !db::unit_is_active(&state.db, unit_id).await? {
        return Err(Error::Invalid {
            code: "unknown_unit".into(),
            message: "Unit kerja tidak dikenal. Pilih unit dari daftar.".into(),
        });
    }
    // Checked before hashing so a repeat costs no argon2 work; the insert checks again.
    if accounts::find_by_nip(&state.db, nip.as_str())
        .await?
        .is_some()
    {
        return Err(Error::NipTaken);
    }
    let password_hash = state.passwords.hash(req.password).await?;
    let row = accounts::create(
        &state.db,
        NewAccount {
            nip: nip.as_str(),
            name: req.name.trim(),
            unit_id,
            password_hash: &password_hash,
            roles: &[Role::Employee],
        },
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(auth_response(&state, &row).await?),
    ))
}

/// The rate-limit key of a login attempt: the NIP's digits when it is a NIP, else the
/// (bounded) input, so that spaced and unspaced spellings share one budget.
fn login_key(input: &str) -> String {
    match Nip::parse(input) {
        Ok(nip) => nip.as_str().to_owned(),
        Err(_) => input.trim().chars().take(64).collect(),
    }
}

async fn login(
    State(state): State<AppState>,
    ApiJson(req): ApiJson<LoginRequest>,
) -> Result<Json<AuthResponse>> {
    let key = login_key(&req.nip);
    state
        .login_limiter
        .check(&key)
        .map_err(|retry_after| Error::TooManyAttempts { retry_after })?;
    let row = match Nip::parse(&req.nip) {
        Ok(nip) => accounts::find_by_nip(&state.db, nip.as_str()).await?,
        Err(_) => None,
    };
    let ok = req.password.len() <= MAX_PASSWORD_BYTES
        && state
            .passwords
            .verify(req.password, row.as_ref().map(|r| r.password_hash.clone()))
            .await?;
    let Some(row) = row.filter(|_| ok) else {
        state.login_limiter.record_failure(&key);
        return Err(Error::BadCredentials);
    };
    state.login_limiter.record_success(&key);
    Ok(Json(auth_response(&state, &row).await?))
}

async fn logout(State(state): State<AppState>, session: AuthSession) -> Result<StatusCode> {
    accounts::revoke_session(&state.db, &session.token_hash).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// "Keluar dari semua perangkat": every session of the account ends, this one included.
async fn logout_all(State(state): State<AppState>, session: AuthSession) -> Result<StatusCode> {
    crate::erasure::end_all_sessions(&state.db, session.account_id).await?;
    Ok(StatusCode::NO_CONTENT)
}
