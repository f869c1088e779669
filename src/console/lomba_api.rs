//! The console's calls for competitions between units (*lomba*) and *ASN Inspiratif*
//! (`/api/v1/competitions…`, `/api/v1/recognitions…`, docs/api.md "Lomba"): the organiser's
//! drafts, the participation counts while one runs, the results and their publication, and
//! naming a person of a unit.

use super::api::{authorized, get, segment, with_json};
use crate::api::{
    ApiError, BASE, INTERACTIVE_TIMEOUT, TRANSFER_TIMEOUT, no_body, no_content, read, send,
};
use gloo_net::http::Request;
use resapi_core::admin::PeoplePage;
use resapi_core::competition::schedule::CompetitionDraft;
use resapi_core::competition::wire::{
    CancelRequest, Competition, CompetitionResults, ExtendRequest, Participation, PoolQuestion,
};
use resapi_core::recognition::{NameRequest, Recognition};
use uuid::Uuid;

fn competition_path(id: Uuid) -> String {
    format!("/competitions/{}", segment(&id.to_string()))
}

pub async fn competitions(token: &str) -> Result<Vec<Competition>, ApiError> {
    get("/competitions", token).await
}

/// The competition pool's questions (texts only) for a fixed set.
pub async fn pool(token: &str) -> Result<Vec<PoolQuestion>, ApiError> {
    get("/competitions/pool", token).await
}

pub async fn competition(token: &str, id: Uuid) -> Result<Competition, ApiError> {
    get(&competition_path(id), token).await
}

/// Creates a competition (`id` none) or changes the one with `id` (only before it opens).
pub async fn save(
    token: &str,
    id: Option<Uuid>,
    draft: &CompetitionDraft,
) -> Result<Competition, ApiError> {
    let req = match id {
        Some(id) => Request::put(&format!("{BASE}{}", competition_path(id))),
        None => Request::post(&format!("{BASE}/competitions")),
    };
    with_json(req, token, draft).await
}

/// A later close, `closes_local` in the competition's zone (only before it closes).
pub async fn extend(token: &str, id: Uuid, closes_local: &str) -> Result<Competition, ApiError> {
    let url = format!("{BASE}{}/extend", competition_path(id));
    let body = ExtendRequest {
        closes_local: closes_local.to_owned(),
    };
    with_json(Request::post(&url), token, &body).await
}

pub async fn cancel(token: &str, id: Uuid, reason: &str) -> Result<Competition, ApiError> {
    let url = format!("{BASE}{}/cancel", competition_path(id));
    let body = CancelRequest {
        reason: reason.trim().to_owned(),
    };
    with_json(Request::post(&url), token, &body).await
}

pub async fn participation(token: &str, id: Uuid) -> Result<Participation, ApiError> {
    get(&format!("{}/participation", competition_path(id)), token).await
}

/// The results: computed over every attempt and answer, so the transfer deadline.
pub async fn results(token: &str, id: Uuid) -> Result<CompetitionResults, ApiError> {
    let url = format!("{BASE}{}/results", competition_path(id));
    send(
        authorized(Request::get(&url), token),
        TRANSFER_TIMEOUT,
        no_body,
        read,
    )
    .await
}

pub async fn publish(token: &str, id: Uuid) -> Result<Competition, ApiError> {
    let url = format!("{BASE}{}/publish", competition_path(id));
    send(
        authorized(Request::post(&url), token),
        INTERACTIVE_TIMEOUT,
        no_body,
        read,
    )
    .await
}

pub async fn recognitions(token: &str) -> Result<Vec<Recognition>, ApiError> {
    get("/recognitions", token).await
}

pub async fn name_person(token: &str, request: &NameRequest) -> Result<Recognition, ApiError> {
    with_json(
        Request::post(&format!("{BASE}/recognitions")),
        token,
        request,
    )
    .await
}

/// Withdraws a recognition (204).
pub async fn withdraw(token: &str, id: Uuid) -> Result<(), ApiError> {
    let url = format!("{BASE}/recognitions/{}", segment(&id.to_string()));
    send(
        authorized(Request::delete(&url), token),
        INTERACTIVE_TIMEOUT,
        no_body,
        no_content,
    )
    .await
}

/// The people of `unit` (and its sub-units) whose NIP or name matches `query`, to pick
/// whom to name (the first 200).
pub async fn unit_people(token: &str, unit: &str, query: &str) -> Result<PeoplePage, ApiError> {
    let path = format!(
        "/admin/people?unit={}&q={}&per_page=200",
        segment(unit),
        segment(query.trim())
    );
    get(&path, token).await
}
