//! `/admin/people`: search the people in one's scope, move them between units, grant and
//! revoke roles. A unit admin grants `trainer` and `unit_admin` within their scope; only an
//! admin grants `admin`; the last admin's role cannot be revoked.

use crate::http::access::{Caller, RequireRole, UnitAdmin};
use crate::http::error::{Error, Result};
use crate::http::extract::{ApiJson, ApiPath, ApiQuery};
use crate::state::AppState;
use crate::store::{AccountRow, PeopleQuery};
use axum::extract::State;
use axum::routing::{get, put};
use axum::{Json, Router};
use resapi_core::admin::{PeoplePage, PersonRoles, PersonUnit};
use resapi_core::api::{Account, Role};
use serde::Deserialize;
use uuid::Uuid;

pub const DEFAULT_PER_PAGE: u32 = 50;
pub const MAX_PER_PAGE: u32 = 200;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/people", get(search))
        .route("/admin/people/{id}/unit", put(set_unit))
        .route("/admin/people/{id}/roles/{role}", put(grant).delete(revoke))
}

#[derive(Deserialize)]
struct SearchQuery {
    q: Option<String>,
    /// Narrows the search to this unit and its sub-units (within the caller's scope).
    unit: Option<String>,
    page: Option<String>,
    per_page: Option<String>,
}

fn number(text: Option<&str>, default: u32, code: &'static str) -> Result<u32> {
    match text.map(str::trim) {
        None | Some("") => Ok(default),
        Some(s) => s.parse::<u32>().map_err(|_| Error::BadRequest {
            code,
            message: "Nomor halaman dan ukuran halaman harus berupa angka.".into(),
        }),
    }
}

async fn search(
    State(state): State<AppState>,
    RequireRole(caller, _): RequireRole<UnitAdmin>,
    ApiQuery(query): ApiQuery<SearchQuery>,
) -> Result<Json<PeoplePage>> {
    let page = number(query.page.as_deref(), 1, "bad_page")?.max(1);
    let per_page =
        number(query.per_page.as_deref(), DEFAULT_PER_PAGE, "bad_page")?.clamp(1, MAX_PER_PAGE);
    let root = caller.subtree_root(query.unit.as_deref())?;
    let matching = PeopleQuery::parse(query.q.as_deref().unwrap_or(""));
    let (people, total) = state
        .store
        .search_people(root.as_deref(), &matching, page, per_page)
        .await?;
    Ok(Json(PeoplePage {
        people,
        total,
        page,
        per_page,
    }))
}

/// The person named in the path, if the caller may manage them: 404 `no_such_person` when
/// there is none, 403 `forbidden` when their unit is outside the caller's scope.
async fn person_in_scope(state: &AppState, caller: &Caller, id: &str) -> Result<AccountRow> {
    let missing = || Error::Missing {
        code: "no_such_person",
        message: "Pegawai tidak ditemukan.".into(),
    };
    let id = Uuid::parse_str(id).map_err(|_| missing())?;
    let row = state.store.account_by_id(id).await?.ok_or_else(missing)?;
    caller.check_scope(&row.unit_id)?;
    Ok(row)
}

fn role_in_path(role: &str) -> Result<Role> {
    Role::parse(role).ok_or_else(|| Error::Invalid {
        code: "unknown_role".into(),
        message: "Peran tidak dikenal: employee, trainer, unit_admin atau admin.".into(),
    })
}

/// Moves a person to another unit; both their unit and the new one must be in scope.
async fn set_unit(
    State(state): State<AppState>,
    RequireRole(caller, _): RequireRole<UnitAdmin>,
    ApiPath(id): ApiPath<String>,
    ApiJson(req): ApiJson<PersonUnit>,
) -> Result<Json<Account>> {
    let row = person_in_scope(&state, &caller, &id).await?;
    let unit = req.unit_id.trim();
    caller.check_scope(unit)?;
    let id = row.uuid()?;
    state.store.set_person_unit(id, unit).await?;
    let row = AccountRow {
        unit_id: unit.to_owned(),
        ..row
    };
    Ok(Json(state.store.public_account(&row).await?))
}

/// Who may grant or revoke `role` for the person: someone whose scope holds the person's
/// unit and who may grant that role.
async fn role_change(
    state: &AppState,
    caller: &Caller,
    id: &str,
    role: &str,
) -> Result<(Uuid, Role)> {
    let role = role_in_path(role)?;
    let row = person_in_scope(state, caller, id).await?;
    if !caller.scope.may_grant(role) {
        return Err(if role == Role::Employee {
            Error::Invalid {
                code: "role_not_grantable".into(),
                message:
                    "Setiap akun adalah pegawai (employee); peran ini tidak diberikan atau dicabut."
                        .into(),
            }
        } else {
            Error::Forbidden
        });
    }
    Ok((row.uuid()?, role))
}

async fn grant(
    State(state): State<AppState>,
    RequireRole(caller, _): RequireRole<UnitAdmin>,
    ApiPath((id, role)): ApiPath<(String, String)>,
) -> Result<Json<PersonRoles>> {
    let (id, role) = role_change(&state, &caller, &id, &role).await?;
    state.store.grant_role(id, role).await?;
    tracing::info!(by = %caller.account_id, to = %id, role = role.as_str(), "role granted");
    Ok(Json(PersonRoles {
        roles: state.store.roles(id).await?,
    }))
}

async fn revoke(
    State(state): State<AppState>,
    RequireRole(caller, _): RequireRole<UnitAdmin>,
    ApiPath((id, role)): ApiPath<(String, String)>,
) -> Result<Json<PersonRoles>> {
    let (id, role) = role_change(&state, &caller, &id, &role).await?;
    state.store.revoke_role(id, role).await?;
    tracing::info!(by = %caller.account_id, from = %id, role = role.as_str(), "role revoked");
    Ok(Json(PersonRoles {
        roles: state.store.roles(id).await?,
    }))
}
