//! `GET /units/{id}/dashboard`, `GET /units/{id}/quality` (unit admins within their scope,
//! admins) and `GET /admin/item-analysis` (admins): unit figures that never expose a
//! person (docs/dashboard.md, docs/anonymity.md).

use crate::dashboard::quality::{item_analysis, unit_quality};
use crate::dashboard::{DashboardError, unit_dashboard};
use crate::export::{
    CSV_CONTENT_TYPE, ExportError, Table, XLSX_CONTENT_TYPE, file_stem, to_csv_sections, to_xlsx,
    unit_report,
};
use crate::http::access::{Caller, RequireAdmin, RequireRole, UnitAdmin};
use crate::http::error::{Error, Result};
use crate::http::extract::{ApiPath, ApiQuery};
use crate::state::AppState;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use resapi_core::aggregate::period::Period;
use resapi_core::unit_dashboard::{ItemAnalysis, UnitDashboard, UnitQuality};
use serde::Deserialize;
use std::sync::Arc;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/units/{id}/dashboard", get(dashboard))
        .route("/units/{id}/dashboard.csv", get(dashboard_csv))
        .route("/units/{id}/dashboard.xlsx", get(dashboard_xlsx))
        .route("/units/{id}/quality", get(quality))
        .route("/admin/item-analysis", get(items))
}

#[derive(Deserialize)]
struct PeriodQuery {
    period: Option<String>,
}

impl PeriodQuery {
    /// The period, or 400 `invalid_period` naming the accepted forms.
    fn period(&self) -> Result<Period> {
        self.period
            .as_deref()
            .and_then(|p| p.parse().ok())
            .ok_or_else(|| Error::BadRequest {
                code: "invalid_period",
                message: "Periode tidak dikenal: tulis bulan `2026-03`, triwulan `2026-Q1`, \
                          atau tahun `2026` (parameter `period`)."
                    .into(),
            })
    }
}

impl From<DashboardError> for Error {
    fn from(e: DashboardError) -> Error {
        match e {
            DashboardError::NoSuchUnit => Error::Missing {
                code: "no_such_unit",
                message: "Unit tidak ditemukan.".into(),
            },
            DashboardError::Store(e) => Error::Store(e),
            DashboardError::Group(e) => Error::Internal(e.to_string()),
            DashboardError::Reading(e) => Error::Internal(e.to_string()),
        }
    }
}

async fn dashboard(
    State(state): State<AppState>,
    RequireRole(caller, _): RequireRole<UnitAdmin>,
    ApiPath(id): ApiPath<String>,
    ApiQuery(q): ApiQuery<PeriodQuery>,
) -> Result<Json<Arc<UnitDashboard>>> {
    caller.check_scope(&id)?;
    let period = q.period()?;
    let generation = state.store.facts_generation().await;
    let k = state.k.get();
    let today = state.clock.today();
    if let Some(d) = state.dashboards.get(&id, period, k, today, generation) {
        return Ok(Json(d));
    }
    let content = &state.content.bundle;
    let d = Arc::new(unit_dashboard(&state.store, content, &id, period, state.k, today).await?);
    state.dashboards.put(generation, today, Arc::clone(&d));
    Ok(Json(d))
}

/// The dashboard's figures as export tables: the same aggregates as the JSON answer.
async fn report(
    state: &AppState,
    caller: &Caller,
    id: &str,
    q: &PeriodQuery,
) -> Result<(String, Vec<Table>)> {
    caller.check_scope(id)?;
    let period = q.period()?;
    let content = &state.content.bundle;
    let d = unit_dashboard(
        &state.store,
        content,
        id,
        period,
        state.k,
        state.clock.today(),
    )
    .await?;
    let tables = unit_report(&d, content).map_err(export_error)?;
    Ok((
        file_stem(&format!("dasbor {} {}", d.unit.id, d.period)),
        tables,
    ))
}

fn export_error(e: ExportError) -> Error {
    Error::Internal(e.to_string())
}

/// A file download with its name.
pub(crate) fn download(bytes: Vec<u8>, content_type: &'static str, file_name: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

async fn dashboard_csv(
    State(state): State<AppState>,
    RequireRole(caller, _): RequireRole<UnitAdmin>,
    ApiPath(id): ApiPath<String>,
    ApiQuery(q): ApiQuery<PeriodQuery>,
) -> Result<Response> {
    let (stem, tables) = report(&state, &caller, &id, &q).await?;
    Ok(download(
        to_csv_sections(&tables),
        CSV_CONTENT_TYPE,
        format!("{stem}.csv"),
    ))
}

async fn dashboard_xlsx(
    State(state): State<AppState>,
    RequireRole(caller, _): RequireRole<UnitAdmin>,
    ApiPath(id): ApiPath<String>,
    ApiQuery(q): ApiQuery<PeriodQuery>,
) -> Result<Response> {
    let (stem, tables) = report(&state, &caller, &id, &q).await?;
    let bytes = to_xlsx(&tables).map_err(export_error)?;
    Ok(download(bytes, XLSX_CONTENT_TYPE, format!("{stem}.xlsx")))
}

async fn quality(
    State(state): State<AppState>,
    RequireRole(caller, _): RequireRole<UnitAdmin>,
    ApiPath(id): ApiPath<String>,
    ApiQuery(q): ApiQuery<PeriodQuery>,
) -> Result<Json<UnitQuality>> {
    caller.check_scope(&id)?;
    let period = q.period()?;
    let content = &state.content.bundle;
    Ok(Json(
        unit_quality(
            &state.store,
            content,
            &id,
            period,
            state.k,
            state.clock.today(),
        )
        .await?,
    ))
}

async fn items(
    State(state): State<AppState>,
    RequireAdmin { .. }: RequireAdmin,
    ApiQuery(q): ApiQuery<PeriodQuery>,
) -> Result<Json<ItemAnalysis>> {
    let period = q.period()?;
    let content = &state.content.bundle;
    Ok(Json(
        item_analysis(&state.store, content, period, state.k).await?,
    ))
}
