//! Extractors whose rejections are API errors, so that a bad body, query or token never
//! produces anything but the JSON error shape.

use crate::http::error::Error;
use crate::state::AppState;
use crate::tokens::hash_token;
use axum::Json;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::header;
use axum::http::request::Parts;
use uuid::Uuid;

/// `Json<T>` with rejections mapped to [`Error`] (400 / 413 / 415 / 422).
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    Json<T>: FromRequest<S, Rejection = JsonRejection>,
    S: Send + Sync,
{
    type Rejection = Error;

    async fn from_request(req: Request, state: &S) -> Result<Self, Error> {
        let Json(value) = Json::<T>::from_request(req, state).await?;
        Ok(ApiJson(value))
    }
}

/// `Query<T>` with rejections mapped to a 400 `bad_query`.
pub struct ApiQuery<T>(pub T);

impl<S, T> FromRequestParts<S> for ApiQuery<T>
where
    Query<T>: FromRequestParts<S, Rejection = QueryRejection>,
    S: Send + Sync,
{
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Error> {
        let Query(value) = Query::<T>::from_request_parts(parts, state).await?;
        Ok(ApiQuery(value))
    }
}

/// `Path<T>` with rejections mapped to a 400 `bad_path`.
pub struct ApiPath<T>(pub T);

impl<S, T> FromRequestParts<S> for ApiPath<T>
where
    Path<T>: FromRequestParts<S, Rejection = PathRejection>,
    S: Send + Sync,
{
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Error> {
        let Path(value) =
            Path::<T>::from_request_parts(parts, state)
                .await
                .map_err(|rejection| {
                    tracing::debug!(%rejection, "bad path parameter");
                    Error::BadRequest {
                        code: "bad_path",
                        message: "Alamat tidak sah.".into(),
                    }
                })?;
        Ok(ApiPath(value))
    }
}

/// The caller of an authenticated route: `Authorization: Bearer <token>` of a live session.
pub struct AuthSession {
    pub account_id: Uuid,
    pub token_hash: String,
}

impl FromRequestParts<AppState> for AuthSession {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Error> {
        let token = bearer(&parts.headers).ok_or(Error::Unauthorized)?;
        AuthSession::of_token(state, token).await
    }
}

/// The token of `Authorization: Bearer <token>`, if one is there.
pub fn bearer(headers: &header::HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            let (scheme, token) = v.trim().split_once(' ')?;
            scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
        })
}

impl AuthSession {
    /// The live session of `token` (a browser's WebSocket cannot set headers, so the live
    /// quiz's sockets also take it from the address); 401 otherwise.
    pub async fn of_token(state: &AppState, token: &str) -> Result<AuthSession, Error> {
        if token.is_empty() || token.len() > 256 {
            return Err(Error::Unauthorized);
        }
        let token_hash = hash_token(token);
        let account_id = state
            .store
            .session_account(&token_hash)
            .await?
            .ok_or(Error::Unauthorized)?;
        Ok(AuthSession {
            account_id,
            token_hash,
        })
    }
}
