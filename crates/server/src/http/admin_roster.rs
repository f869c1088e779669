//! `POST /admin/roster`: the roster import of the console (the command line's
//! `import-roster`, scoped). The body is the file itself, CSV (`text/csv`) or XLSX. With
//! `?preview=true` nothing changes and every row's outcome comes back; without it the
//! roster of the unit and its sub-units is replaced, only if every row is valid.

use crate::http::access::{RequireRole, UnitAdmin};
use crate::http::error::{Error, Result};
use crate::http::extract::ApiQuery;
use crate::roster::{self, Record, RowError};
use crate::roster_file::{self, RosterFileError};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use axum::http::{HeaderMap, StatusCode, header};
use axum::routing::post;
use axum::{Json, Router};
use resapi_core::admin::{RosterProblem, RosterReport};
use resapi_core::role::subtree;
use serde::Deserialize;
use std::collections::HashSet;

pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

pub fn router() -> Router<AppState> {
    Router::new().route("/admin/roster", post(import))
}

#[derive(Deserialize)]
struct RosterQuery {
    preview: Option<String>,
    /// The unit whose subtree the file replaces (default: the caller's unit; an admin's
    /// default is the whole roster).
    unit: Option<String>,
}

fn bad_query() -> Error {
    Error::BadRequest {
        code: "bad_query",
        message: "Parameter alamat tidak sah.".into(),
    }
}

/// The file's rows, by its content type.
fn read(headers: &HeaderMap, body: &[u8]) -> Result<Result<Vec<Record>, RowError>> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match content_type.as_str() {
        "text/csv" | "text/plain" | XLSX => {}
        _ => return Err(Error::UnsupportedFile),
    }
    // The bytes decide the format: a workbook sent as text/csv is still read as one.
    Ok(
        roster_file::read_records(body, &content_type).map_err(|e| match e {
            RosterFileError::Rows(errors) if !errors.is_empty() => errors[0].clone(),
            other => RowError {
                line: 1,
                message: other.to_string(),
            },
        }),
    )
}

async fn import(
    State(state): State<AppState>,
    RequireRole(caller, _): RequireRole<UnitAdmin>,
    ApiQuery(query): ApiQuery<RosterQuery>,
    headers: HeaderMap,
    body: std::result::Result<Bytes, BytesRejection>,
) -> Result<Json<RosterReport>> {
    let preview = match query.preview.as_deref().map(str::trim) {
        None | Some("" | "false" | "0") => false,
        Some("true" | "1") => true,
        Some(_) => return Err(bad_query()),
    };
    let root = caller.subtree_root(query.unit.as_deref())?;
    let body = body.map_err(|rejection| match rejection.status() {
        StatusCode::PAYLOAD_TOO_LARGE => Error::PayloadTooLarge,
        _ => Error::BadRequest {
            code: "bad_body",
            message: "Berkas tidak terbaca.".into(),
        },
    })?;
    let records = read(&headers, &body)?;
    let store = &state.store;
    let units: HashSet<String> = store
        .list_units()
        .await?
        .into_iter()
        .map(|u| u.id)
        .collect();
    let target = match &root {
        Some(root) => Some(subtree(root, &store.unit_tree().await?)),
        None => None,
    };
    let in_scope = |unit: &str| target.as_ref().is_none_or(|t| t.contains(unit));
    let checked = records.and_then(|records| roster::check(&records, &units));
    let (entries, mut report) = match checked {
        Ok(rows) => roster::plan(rows, &store.roster().await?, in_scope),
        Err(e) => {
            let (entries, mut report) = roster::plan(Vec::new(), &[], in_scope);
            report.problems.push(RosterProblem {
                line: e.line,
                message: e.message,
            });
            (entries, report)
        }
    };
    report.unit_id = root.clone();
    if preview {
        return Ok(Json(report));
    }
    if !report.problems.is_empty() {
        return Err(has_errors(&report.problems));
    }
    let before = store
        .replace_roster_under(root.as_deref(), &entries)
        .await?;
    tracing::info!(
        by = %caller.account_id,
        unit = root.as_deref().unwrap_or("(all)"),
        people = entries.len(),
        before,
        "roster imported"
    );
    report.imported = true;
    Ok(Json(report))
}

/// 422 `roster_has_errors`, naming the first lines to fix (the preview lists them all).
fn has_errors(problems: &[RosterProblem]) -> Error {
    const SHOWN: usize = 5;
    let lines: Vec<String> = problems
        .iter()
        .take(SHOWN)
        .map(|p| format!("baris {}: {}", p.line, p.message))
        .collect();
    let more = problems.len().saturating_sub(SHOWN);
    let tail = if more > 0 {
        format!("; dan {more} lagi")
    } else {
        String::new()
    };
    Error::Invalid {
        code: "roster_has_errors".into(),
        message: format!(
            "Berkas memiliki {} masalah; tidak ada yang diimpor. {}{tail}",
            problems.len(),
            lines.join("; ")
        ),
    }
}
