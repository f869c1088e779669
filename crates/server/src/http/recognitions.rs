//! ASN Inspiratif (docs/competitions.md "Recognition"): leaders (unit admins within their
//! scope, admins) name a person of a unit with a citation; the named person's consent comes
//! through `POST /sync` (`recognition_consent`); `GET /me/recognitions` gives a phone the
//! ones naming its owner and the consented ones of the owner's units.

use crate::http::access::{Caller, RequireRole, UnitAdmin};
use crate::http::error::{Error, Result};
use crate::http::extract::{ApiJson, ApiPath};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{delete, get};
use axum::{Json, Router};
use resapi_core::recognition::{Consent, MyRecognitions, NameRequest, Recognition};
use resapi_core::role::subtree;
use uuid::Uuid;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/recognitions", get(list).post(name))
        .route("/recognitions/{id}", delete(withdraw))
        .route("/me/recognitions", get(mine))
}

fn invalid(code: &str, message: &str) -> Error {
    Error::Invalid {
        code: code.into(),
        message: message.into(),
    }
}

async fn name(
    State(state): State<AppState>,
    RequireRole(caller, _): RequireRole<UnitAdmin>,
    ApiJson(request): ApiJson<NameRequest>,
) -> Result<(StatusCode, Json<Recognition>)> {
    request
        .check()
        .map_err(|e| invalid(e.code(), &e.to_string()))?;
    if !state.store.unit_is_active(&request.unit_id).await? {
        return Err(invalid(
            "no_such_unit",
            "Unit tidak ditemukan atau sudah tidak aktif.",
        ));
    }
    caller.check_scope(&request.unit_id)?;
    if state.content.bundle.value(&request.value_id).is_none() {
        return Err(invalid(
            "recognition_value",
            "Pilih salah satu nilai BerAKHLAK.",
        ));
    }
    let person = state
        .store
        .account_by_id(request.account_id)
        .await?
        .ok_or_else(|| invalid("no_such_person", "Pegawai tidak ditemukan."))?;
    let tree = state.store.unit_tree().await?;
    if !subtree(&request.unit_id, &tree).contains(&person.unit_id) {
        return Err(invalid(
            "recognition_not_in_unit",
            "Pegawai ini bukan anggota unit tersebut.",
        ));
    }
    if let Some(c) = request.competition_id
        && state.store.competition(c).await?.is_none()
    {
        return Err(invalid("competition_not_found", "Lomba tidak ditemukan."));
    }
    let named = state
        .store
        .name_recognition(&request, caller.account_id, state.clock.now())
        .await?;
    Ok((StatusCode::CREATED, Json(named)))
}

async fn list(
    State(state): State<AppState>,
    RequireRole(caller, _): RequireRole<UnitAdmin>,
) -> Result<Json<Vec<Recognition>>> {
    let all = state.store.recognitions().await?;
    Ok(Json(
        all.into_iter()
            .filter(|r| caller.can_manage(&r.unit_id))
            .collect(),
    ))
}

async fn withdraw(
    State(state): State<AppState>,
    RequireRole(caller, _): RequireRole<UnitAdmin>,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<StatusCode> {
    let missing = || Error::Missing {
        code: "recognition_not_found",
        message: "Penghargaan tidak ditemukan.".into(),
    };
    let r = state.store.recognition(id).await?.ok_or_else(missing)?;
    caller.check_scope(&r.unit_id)?;
    state.store.withdraw_recognition(id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// One's own recognitions (to decide on), and the consented ones of one's unit and the
/// units above it.
async fn mine(State(state): State<AppState>, caller: Caller) -> Result<Json<MyRecognitions>> {
    let tree = state.store.unit_tree().await?;
    let all = state.store.recognitions().await?;
    let (mine, others): (Vec<_>, Vec<_>) = all
        .into_iter()
        .partition(|r| r.account_id == caller.account_id);
    let mut shown = others
        .into_iter()
        .chain(mine.iter().cloned())
        .filter(|r| r.consent == Consent::Given)
        .filter(|r| subtree(&r.unit_id, &tree).contains(&caller.unit_id))
        .collect::<Vec<_>>();
    shown.sort_by_key(|r| std::cmp::Reverse(r.named_at));
    Ok(Json(MyRecognitions { mine, shown }))
}
