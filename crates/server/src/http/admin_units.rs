//! `/admin/units`: the unit tree as the console manages it. Unit admins work within their
//! scope (their unit and everything under it); only admins add or move a unit to the top.

use crate::http::access::{RequireRole, UnitAdmin};
use crate::http::error::{Error, Result};
use crate::http::extract::{ApiJson, ApiPath};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, patch};
use axum::{Json, Router};
use resapi_core::admin::{
    AdminUnit, NewUnit, UnitChange, check_unit_id, check_unit_name, unit_id_from_name,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/units", get(list).post(create))
        .route("/admin/units/{id}", patch(change).delete(retire))
}

fn invalid(code: &str, message: String) -> Error {
    Error::Invalid {
        code: code.into(),
        message,
    }
}

/// The units in the caller's scope, retired ones too, in org-chart order.
async fn list(
    State(state): State<AppState>,
    RequireRole(caller, _): RequireRole<UnitAdmin>,
) -> Result<Json<Vec<AdminUnit>>> {
    let units = state.store.admin_units().await?;
    Ok(Json(
        units
            .into_iter()
            .filter(|u| caller.can_manage(&u.id))
            .collect(),
    ))
}

async fn found(state: &AppState, id: &str) -> Result<AdminUnit> {
    state.store.admin_unit(id).await?.ok_or(Error::Missing {
        code: "no_such_unit",
        message: "Unit tidak ditemukan.".into(),
    })
}

async fn create(
    State(state): State<AppState>,
    RequireRole(caller, _): RequireRole<UnitAdmin>,
    ApiJson(req): ApiJson<NewUnit>,
) -> Result<(StatusCode, Json<AdminUnit>)> {
    match req.parent_id.as_deref() {
        Some(parent) => caller.check_scope(parent)?,
        None if caller.is_admin() => {}
        None => return Err(Error::Forbidden),
    }
    let name = req.name.trim();
    check_unit_name(name).map_err(|m| invalid("invalid_unit_name", m))?;
    let id = match req.id.as_deref().map(str::trim) {
        Some(id) if !id.is_empty() => id.to_owned(),
        _ => unit_id_from_name(name),
    };
    check_unit_id(&id).map_err(|m| invalid("invalid_unit_id", m))?;
    state
        .store
        .create_unit(&id, name, req.parent_id.as_deref())
        .await?;
    Ok((StatusCode::CREATED, Json(found(&state, &id).await?)))
}

/// Rename and/or move. A move is checked first (it may be refused `unit_cycle`), so a
/// refused request changes nothing.
async fn change(
    State(state): State<AppState>,
    RequireRole(caller, _): RequireRole<UnitAdmin>,
    ApiPath(id): ApiPath<String>,
    ApiJson(req): ApiJson<UnitChange>,
) -> Result<Json<AdminUnit>> {
    caller.check_scope(&id)?;
    let name = req.name.as_deref().map(str::trim);
    if let Some(name) = name {
        check_unit_name(name).map_err(|m| invalid("invalid_unit_name", m))?;
    }
    if let Some(parent) = &req.parent_id {
        match parent.as_deref() {
            Some(parent) => caller.check_scope(parent)?,
            None if caller.is_admin() => {}
            None => return Err(Error::Forbidden),
        }
        state.store.move_unit(&id, parent.as_deref()).await?;
    }
    if let Some(name) = name {
        state.store.rename_unit(&id, name).await?;
    }
    Ok(Json(found(&state, &id).await?))
}

/// Retires a unit without members or active sub-units (409 `unit_has_members` /
/// `unit_has_subunits` otherwise). It is kept, inactive, for the records that name it.
async fn retire(
    State(state): State<AppState>,
    RequireRole(caller, _): RequireRole<UnitAdmin>,
    ApiPath(id): ApiPath<String>,
) -> Result<StatusCode> {
    caller.check_scope(&id)?;
    state.store.retire_unit(&id).await?;
    Ok(StatusCode::NO_CONTENT)
}
