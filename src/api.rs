//! The one HTTP client of the app. The sync module uses it, and so do the few pages that
//! are online by nature (register, login, the unit list). Every other page reads the store.
//!
//! Every request has a deadline (an `AbortController` that fires after a set time and also
//! stops the reading of the answer): a network that connects but never answers must not
//! leave the app "syncing" or a login spinning forever. A request that runs out of time is
//! treated like no connection at all ([`ApiError::Network`]): records stay in the outbox
//! and the next round sends them again (the server acknowledges a resend as `duplicate`).

use gloo_net::http::{Request, RequestBuilder, Response};
use resapi_core::api::{AuthResponse, ErrorBody, LoginRequest, RegisterRequest};
use resapi_core::content::{ContentBundle, Unit};
use resapi_core::sync::{RecordsPage, SyncRecord, SyncRequest, SyncResponse};
use serde::de::DeserializeOwned;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use thiserror::Error;

pub(crate) const BASE: &str = "/api/v1";

/// Login, registration, logout and the unit list: small answers, a person is waiting on
/// the screen, so give up soon and say so.
pub(crate) const INTERACTIVE_TIMEOUT: Duration = Duration::from_secs(10);
/// A sync batch (up to `BATCH_TARGET_BYTES` up), the content bundle and a page of records
/// down: large bodies on a slow link, and nobody waits on them.
pub const TRANSFER_TIMEOUT: Duration = Duration::from_secs(15);

/// Aborts the request it is attached to once `limit` has passed. Dropping it (when the
/// answer has been read) cancels the timer.
struct Deadline {
    controller: Option<web_sys::AbortController>,
    fired: Rc<Cell<bool>>,
    _timer: Option<gloo_timers::callback::Timeout>,
}

impl Deadline {
    fn new(limit: Duration) -> Deadline {
        let controller = web_sys::AbortController::new().ok();
        let fired = Rc::new(Cell::new(false));
        let timer = controller.clone().map(|c| {
            let fired = fired.clone();
            gloo_timers::callback::Timeout::new(limit.as_millis() as u32, move || {
                fired.set(true);
                c.abort();
            })
        });
        Deadline {
            controller,
            fired,
            _timer: timer,
        }
    }

    fn attach(&self, req: RequestBuilder) -> RequestBuilder {
        let signal = self.controller.as_ref().map(|c| c.signal());
        req.abort_signal(signal.as_ref())
    }

    /// Any failure after the deadline fired is a timeout, whatever the browser called it
    /// (the fetch rejects, or the body stops half-read).
    fn or_timeout(&self, e: ApiError) -> ApiError {
        if self.fired.get() {
            ApiError::Network
        } else {
            e
        }
    }
}
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ApiError {
    /// No answer from the server: offline, the server is down, or no answer in time.
    #[error("Tidak tersambung ke server. Periksa sinyal lalu coba lagi.")]
    Network,
    /// The server answered with an error it explained.
    #[error("{message}")]
    Server {
        status: u16,
        code: String,
        message: String,
    },
}

impl ApiError {
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Network => None,
            ApiError::Server { status, .. } => Some(*status),
        }
    }

    pub fn code(&self) -> &str {
        match self {
            ApiError::Network => "network",
            ApiError::Server { code, .. } => code,
        }
    }
}

/// The body read by the browser's JSON parser and turned into `T` by serde-wasm-bindgen
/// (already in the app for IndexedDB), so the app needs no second JSON deserialiser.
async fn json_of<T: DeserializeOwned>(resp: &Response) -> Result<T, ()> {
    serde_wasm_bindgen::from_value(parsed(resp).await?).map_err(|_| ())
}

/// The body as the browser's JSON parser reads it.
async fn parsed(resp: &Response) -> Result<wasm_bindgen::JsValue, ()> {
    let text = resp.text().await.map_err(|_| ())?;
    js_sys::JSON::parse(&text).map_err(|_| ())
}

pub(crate) async fn read<T: DeserializeOwned>(resp: Response) -> Result<T, ApiError> {
    if resp.ok() {
        return json_of::<T>(&resp)
            .await
            .map_err(|_| unreadable(resp.status()));
    }
    Err(error_of(resp).await)
}

/// A success whose body could not be read as what was asked for.
fn unreadable(status: u16) -> ApiError {
    ApiError::Server {
        status,
        code: "bad_response".into(),
        message: "Jawaban server tidak terbaca. Coba lagi nanti.".into(),
    }
}

pub async fn error_of(resp: Response) -> ApiError {
    let status = resp.status();
    match json_of::<ErrorBody>(&resp).await {
        Ok(body) => ApiError::Server {
            status,
            code: body.error.code,
            message: body.error.message,
        },
        // A proxy or a dead server answered, not ours.
        Err(_) if status >= 500 || status == 404 => ApiError::Network,
        Err(_) => ApiError::Server {
            status,
            code: "http_error".into(),
            message: format!("Server menjawab dengan kode {status}. Coba lagi nanti."),
        },
    }
}

pub(crate) fn bearer(token: &str) -> String {
    format!("Bearer {token}")
}

/// Sends `req` (built from the builder by `build`) under a deadline of `limit` and hands the
/// answer to `handle`, still under the deadline.
pub(crate) async fn send<T, F, Fut>(
    req: RequestBuilder,
    limit: Duration,
    build: impl FnOnce(RequestBuilder) -> Result<Request, gloo_net::Error>,
    handle: F,
) -> Result<T, ApiError>
where
    F: FnOnce(Response) -> Fut,
    Fut: std::future::Future<Output = Result<T, ApiError>>,
{
    let deadline = Deadline::new(limit);
    let req = build(deadline.attach(req)).map_err(|_| ApiError::Network)?;
    let resp = req.send().await.map_err(|_| ApiError::Network)?;
    handle(resp).await.map_err(|e| deadline.or_timeout(e))
}

pub(crate) fn no_body(req: RequestBuilder) -> Result<Request, gloo_net::Error> {
    req.build()
}

/// POSTs `body` as JSON (with the token when given) and reads the JSON answer, within `limit`.
async fn post_json<B: serde::Serialize, T: DeserializeOwned>(
    path: &str,
    token: Option<&str>,
    body: &B,
    limit: Duration,
) -> Result<T, ApiError> {
    let mut req = Request::post(&format!("{BASE}{path}"));
    if let Some(token) = token {
        req = req.header("Authorization", &bearer(token));
    }
    send(req, limit, |r| r.json(body), read).await
}

pub async fn register(req: &RegisterRequest) -> Result<AuthResponse, ApiError> {
    post_json("/auth/register", None, req, INTERACTIVE_TIMEOUT).await
}

pub async fn login(req: &LoginRequest) -> Result<AuthResponse, ApiError> {
    post_json("/auth/login", None, req, INTERACTIVE_TIMEOUT).await
}

pub async fn logout(token: &str) -> Result<(), ApiError> {
    post_no_content::<()>("/auth/logout", token, None).await
}

pub async fn units() -> Result<Vec<Unit>, ApiError> {
    let req = Request::get(&format!("{BASE}/units"));
    send(req, INTERACTIVE_TIMEOUT, no_body, read).await
}

/// The content bundle, or `None` when the copy with `version` is still current (304).
pub async fn content(version: Option<&str>) -> Result<Option<ContentBundle>, ApiError> {
    let mut req = Request::get(&format!("{BASE}/content"));
    if let Some(v) = version {
        req = req.header("If-None-Match", &format!("\"{v}\""));
    }
    send(req, TRANSFER_TIMEOUT, no_body, |resp| async move {
        if resp.status() == 304 {
            return Ok(None);
        }
        read(resp).await.map(Some)
    })
    .await
}

pub async fn sync(token: &str, records: Vec<SyncRecord>) -> Result<SyncResponse, ApiError> {
    let body = SyncRequest { records };
    post_json("/sync", Some(token), &body, TRANSFER_TIMEOUT).await
}

/// One page of the account's own records on the server, oldest first.
pub async fn my_records(token: &str, since: Option<&str>) -> Result<RecordsPage, ApiError> {
    let mut url = format!("{BASE}/me/records?limit=500");
    if let Some(since) = since {
        url.push_str("&since=");
        url.push_str(since);
    }
    let req = Request::get(&url).header("Authorization", &bearer(token));
    send(req, TRANSFER_TIMEOUT, no_body, read).await
}

/// POSTs (with the token, and a JSON body when given) to an endpoint that answers 204.
async fn post_no_content<B: serde::Serialize>(
    path: &str,
    token: &str,
    body: Option<&B>,
) -> Result<(), ApiError> {
    let req = Request::post(&format!("{BASE}{path}")).header("Authorization", &bearer(token));
    let build = |r: RequestBuilder| match body {
        Some(body) => r.json(body),
        None => r.build(),
    };
    send(req, INTERACTIVE_TIMEOUT, build, no_content).await
}

/// Reads an answer that carries nothing when it succeeds (204).
pub(crate) async fn no_content(resp: Response) -> Result<(), ApiError> {
    if resp.ok() {
        Ok(())
    } else {
        Err(error_of(resp).await)
    }
}

/// The file name the server suggests (`Content-Disposition`), else `fallback`.
pub fn file_name(resp: &Response, fallback: &str) -> String {
    resp.headers()
        .get("content-disposition")
        .and_then(|d| Some(d.split("filename=\"").nth(1)?.split('"').next()?.to_owned()))
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| fallback.to_owned())
}

/// Everything the server holds about the account, as the JSON text to save, with the file
/// name the server suggests.
pub async fn my_data(token: &str) -> Result<(String, String), ApiError> {
    let req = Request::get(&format!("{BASE}/me/export")).header("Authorization", &bearer(token));
    send(req, TRANSFER_TIMEOUT, no_body, |resp| async move {
        if !resp.ok() {
            return Err(error_of(resp).await);
        }
        let name = file_name(&resp, "resapi-data.json");
        let text = resp.text().await.map_err(|_| ApiError::Network)?;
        Ok((name, text))
    })
    .await
}

/// Ends every session of the account, this phone's included.
pub async fn logout_all(token: &str) -> Result<(), ApiError> {
    post_no_content::<()>("/auth/logout-all", token, None).await
}

/// Erases the account and everything of it on the server; the password is asked again.
pub async fn erase_account(token: &str, password: &str) -> Result<(), ApiError> {
    let body = resapi_core::api::EraseRequest {
        password: password.to_owned(),
    };
    post_no_content("/me/erase", token, Some(&body)).await
}

/// GETs `path` with the token and reads the JSON answer (the sync round's pulls).
async fn get_json<T: DeserializeOwned>(path: &str, token: &str) -> Result<T, ApiError> {
    let req = Request::get(&format!("{BASE}{path}")).header("Authorization", &bearer(token));
    send(req, TRANSFER_TIMEOUT, no_body, read).await
}

/// The competitions of the account's units, with its own results after publication.
pub async fn my_competitions(
    token: &str,
) -> Result<resapi_core::competition::wire::MyCompetitions, ApiError> {
    get_json("/me/competitions", token).await
}

/// A competition's paper (while it is open): the questions in one's own order, no keys.
pub async fn competition_paper(
    token: &str,
    id: &str,
) -> Result<resapi_core::competition::wire::Paper, ApiError> {
    get_json(&format!("/me/competitions/{id}/paper"), token).await
}

/// One's own *ASN Inspiratif* recognitions and those shown in one's units.
pub async fn my_recognitions(
    token: &str,
) -> Result<resapi_core::recognition::MyRecognitions, ApiError> {
    get_json("/me/recognitions", token).await
}
