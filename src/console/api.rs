//! The console's calls to the admin API (`/api/v1/admin/…`, docs/api.md), through the app's
//! one HTTP client ([`crate::api`]: deadlines, the server's `{error:{code,message}}`). The
//! console is online by nature, so every screen asks the server directly.

use crate::api::{
    ApiError, BASE, INTERACTIVE_TIMEOUT, TRANSFER_TIMEOUT, bearer, error_of, file_name, no_body,
    no_content, read, send,
};
use gloo_net::http::{Request, RequestBuilder};
use resapi_core::admin::{
    AdminUnit, NewUnit, PeoplePage, PersonRoles, PersonUnit, RosterReport, UnitChange,
};
use resapi_core::aggregate::period::Period;
use resapi_core::api::{Account, Role};
use resapi_core::unit_dashboard::{ItemAnalysis, UnitDashboard, UnitQuality};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::time::Duration;

/// A roster of a few thousand rows is read, checked and (on import) written in one request.
const ROSTER_TIMEOUT: Duration = Duration::from_secs(60);

/// The content type the server reads a roster file by.
pub const CSV: &str = "text/csv";
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

pub(crate) fn authorized(req: RequestBuilder, token: &str) -> RequestBuilder {
    req.header("Authorization", &bearer(token))
}

pub(crate) async fn get<T: DeserializeOwned>(path: &str, token: &str) -> Result<T, ApiError> {
    let req = authorized(Request::get(&format!("{BASE}{path}")), token);
    send(req, INTERACTIVE_TIMEOUT, no_body, read).await
}

/// A GET whose answer the server computes over a period's records (dashboards, quality):
/// it can take longer than an admin edit, so it gets the transfer deadline.
async fn get_computed<T: DeserializeOwned>(path: &str, token: &str) -> Result<T, ApiError> {
    let req = authorized(Request::get(&format!("{BASE}{path}")), token);
    send(req, TRANSFER_TIMEOUT, no_body, read).await
}

/// Sends `body` as JSON with `req` (a POST, PATCH or PUT) and reads the JSON answer.
pub(crate) async fn with_json<B: Serialize, T: DeserializeOwned>(
    req: RequestBuilder,
    token: &str,
    body: &B,
) -> Result<T, ApiError> {
    send(
        authorized(req, token),
        INTERACTIVE_TIMEOUT,
        |r| r.json(body),
        read,
    )
    .await
}

/// A path segment as the address needs it (unit ids are safe; this keeps any id whole).
pub(crate) fn segment(text: &str) -> String {
    String::from(js_sys::encode_uri_component(text))
}

pub async fn units(token: &str) -> Result<Vec<AdminUnit>, ApiError> {
    get("/admin/units", token).await
}

/// A unit's dashboard, `path` as `/units/{id}/dashboard?period=…`: computing a big agency's
/// figures can take longer than an admin edit, so it gets the transfer deadline.
pub async fn dashboard(path: &str, token: &str) -> Result<UnitDashboard, ApiError> {
    get_computed(path, token).await
}

/// Cronbach's α per questionnaire component of a unit (with its sub-units) in `period`:
/// as heavy as the dashboard (it reads the period's responses), so the same deadline.
pub async fn quality(unit: &str, period: &Period, token: &str) -> Result<UnitQuality, ApiError> {
    let path = format!("/units/{}/quality?period={period}", segment(unit));
    get_computed(&path, token).await
}

/// The item analysis of every practice question over the agency in `period` (admins only):
/// it reads every practice answer of the period, so the transfer deadline.
pub async fn item_analysis(period: &Period, token: &str) -> Result<ItemAnalysis, ApiError> {
    get_computed(&format!("/admin/item-analysis?period={period}"), token).await
}

/// A download (`path` under `/api/v1`): the server's file name and the bytes. A link cannot
/// carry the bearer header, so downloads go through here.
pub async fn file(path: &str, token: &str) -> Result<(String, Vec<u8>), ApiError> {
    let req = authorized(Request::get(&format!("{BASE}{path}")), token);
    send(req, TRANSFER_TIMEOUT, no_body, |resp| async move {
        if !resp.ok() {
            return Err(error_of(resp).await);
        }
        let name = file_name(&resp, "resapi-export");
        let bytes = resp.binary().await.map_err(|_| ApiError::Network)?;
        Ok((name, bytes))
    })
    .await
}

pub async fn create_unit(
    token: &str,
    name: &str,
    parent: Option<&str>,
) -> Result<AdminUnit, ApiError> {
    let body = NewUnit {
        id: None,
        name: name.to_owned(),
        parent_id: parent.map(str::to_owned),
    };
    with_json(Request::post(&format!("{BASE}/admin/units")), token, &body).await
}

pub async fn change_unit(
    token: &str,
    id: &str,
    change: &UnitChange,
) -> Result<AdminUnit, ApiError> {
    let url = format!("{BASE}/admin/units/{}", segment(id));
    with_json(Request::patch(&url), token, change).await
}

/// Retires a unit (204); refused 409 while it has members or active sub-units.
pub async fn retire_unit(token: &str, id: &str) -> Result<(), ApiError> {
    let url = format!("{BASE}/admin/units/{}", segment(id));
    let req = authorized(Request::delete(&url), token);
    send(req, INTERACTIVE_TIMEOUT, no_body, no_content).await
}

/// One page of the people in scope whose NIP or name matches `query`.
pub async fn people(token: &str, query: &str, page: u32) -> Result<PeoplePage, ApiError> {
    get(
        &format!("/admin/people?q={}&page={page}", segment(query.trim())),
        token,
    )
    .await
}

pub async fn set_person_unit(
    token: &str,
    person: &str,
    unit_id: &str,
) -> Result<Account, ApiError> {
    let url = format!("{BASE}/admin/people/{}/unit", segment(person));
    let body = PersonUnit {
        unit_id: unit_id.to_owned(),
    };
    with_json(Request::put(&url), token, &body).await
}

/// Grants (`grant`) or revokes a role; the answer is the person's roles now.
pub async fn set_role(
    token: &str,
    person: &str,
    role: Role,
    grant: bool,
) -> Result<PersonRoles, ApiError> {
    let url = format!(
        "{BASE}/admin/people/{}/roles/{}",
        segment(person),
        role.as_str()
    );
    let req = if grant {
        Request::put(&url)
    } else {
        Request::delete(&url)
    };
    send(authorized(req, token), INTERACTIVE_TIMEOUT, no_body, read).await
}

/// Sends a roster file as it is (`content_type` [`CSV`] or [`XLSX`]): with `preview`
/// nothing changes; without it the roster is replaced only if every row is valid.
pub async fn roster(
    token: &str,
    file: &web_sys::File,
    content_type: &str,
    preview: bool,
) -> Result<RosterReport, ApiError> {
    let url = format!("{BASE}/admin/roster?preview={preview}");
    let req = authorized(Request::post(&url), token).header("Content-Type", content_type);
    let body = wasm_bindgen::JsValue::from(file.clone());
    send(req, ROSTER_TIMEOUT, |r| r.body(body), read).await
}
