//! `POST /auth/register`, `/auth/login`, `/auth/logout`, `/auth/logout-all`.

use crate::client_addr::{self, ClientAddr};
use crate::http::error::{Error, Result};
use crate::http::extract::{ApiJson, AuthSession};
use crate::passwords::MAX_PASSWORD_BYTES;
use crate::state::AppState;
use crate::store::{AccountRow, Admission, NewAccount};
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
    let account = state.store.public_account(row).await?;
    let (token, expires_at) = state.store.create_session(account.id).await?;
    Ok(AuthResponse {
        token,
        expires_at,
        account,
    })
}

fn invalid_nip(e: resapi_core::nip::NipError) -> Error {
    Error::Invalid {
        code: e.code().into(),
        message: e.to_string(),
    }
}

async fn register(
    State(state): State<AppState>,
    ApiJson(req): ApiJson<RegisterRequest>,
) -> Result<(StatusCode, Json<AuthResponse>)> {
    check_registration(&req).map_err(|(_field, code, message)| Error::Invalid { code, message })?;
    let nip = Nip::parse(&req.nip).map_err(invalid_nip)?;
    // With a roster loaded, only listed NIPs register, in the roster's unit (the unit picked
    // in the form is not needed then).
    let unit_id = match state.store.admission(nip.as_str()).await? {
        Admission::Open => req.unit_id.trim().to_owned(),
        Admission::Listed(entry) => entry.unit_id,
        Admission::NotListed => return Err(Error::NotOnRoster),
    };
    if !state.store.unit_is_active(&unit_id).await? {
        return Err(Error::Invalid {
            code: "unknown_unit".into(),
            message: "Unit kerja tidak dikenal. Pilih unit dari daftar.".into(),
        });
    }
    // Checked before hashing so a repeat costs no argon2 work; the insert checks again.
    if state.store.account_by_nip(nip.as_str()).await?.is_some() {
        return Err(Error::NipTaken);
    }
    let password_hash = state.passwords.hash(req.password).await?;
    let row = state
        .store
        .create_account(NewAccount {
            nip: nip.as_str(),
            name: req.name.trim(),
            unit_id: &unit_id,
            password_hash: &password_hash,
            roles: &[Role::Employee],
        })
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(auth_response(&state, &row).await?),
    ))
}

/// A login takes its slots in the limits before anything slow happens; a malformed NIP is
/// refused before that (it can never match, and costs no hash).
async fn login(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    ApiJson(req): ApiJson<LoginRequest>,
) -> Result<Json<AuthResponse>> {
    let nip = Nip::parse(&req.nip).map_err(invalid_nip)?;
    let addr = client.map(client_addr::limit_key);
    let attempt = state
        .login_limiter
        .begin(nip.as_str(), addr.as_deref())
        .map_err(|retry_after| Error::TooManyAttempts { retry_after })?;
    let row = state.store.account_by_nip(nip.as_str()).await?;
    let checked = if req.password.len() > MAX_PASSWORD_BYTES {
        Ok(false)
    } else {
        state
            .passwords
            .verify(req.password, row.as_ref().map(|r| r.password_hash.clone()))
            .await
    };
    let ok = match checked {
        Ok(ok) => ok,
        Err(e) => {
            if matches!(e, crate::passwords::PasswordError::Busy) {
                attempt.not_made();
            }
            return Err(e.into());
        }
    };
    let Some(row) = row.filter(|_| ok) else {
        // Dropping the attempt keeps its slots: a failure.
        drop(attempt);
        return Err(Error::BadCredentials);
    };
    attempt.succeeded();
    Ok(Json(auth_response(&state, &row).await?))
}

async fn logout(State(state): State<AppState>, session: AuthSession) -> Result<StatusCode> {
    state.store.revoke_session(&session.token_hash).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// "Keluar dari semua perangkat": every session of the account ends, this one included.
async fn logout_all(State(state): State<AppState>, session: AuthSession) -> Result<StatusCode> {
    state.store.end_all_sessions(session.account_id).await?;
    Ok(StatusCode::NO_CONTENT)
}
