//! What the server's integration tests share: a real server on 127.0.0.1:0 over a real
//! SQLite file in a temp dir, talked to with reqwest, and record builders. Each test file
//! uses its own part of it.
#![allow(dead_code)]

use reqwest::StatusCode;
use reqwest::header;
use resapi_core::api::{AuthResponse, ErrorBody};
use resapi_core::content::{ContentBundle, Question};
use resapi_core::sync::{RecordStatus, SyncResponse};
use resapi_server::AppState;
use serde_json::{Value, json};
use sqlx::SqlitePool;
use std::path::{Path, PathBuf};
use tempfile::TempDir;
use uuid::Uuid;

pub const PASSWORD: &str = "rahasia-123";
pub const UNIT: &str = "bkn-deputi-sinka";

pub struct Server {
    pub base: String,
    pub http: reqwest::Client,
    pub db: SqlitePool,
    pub dir: TempDir,
}

pub fn fixture_content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/content")
}

/// A valid NIP per `n` (born 1985-03-12, appointed 2010-01, male, serial n).
pub fn nip(n: u32) -> String {
    format!("19850312 201001 1 {n:03}")
}

pub fn nip_digits(n: u32) -> String {
    nip(n).replace(' ', "")
}

pub async fn start() -> Server {
    start_with_dist(|_| {}).await
}

/// Starts the app; `make_dist` may fill the dist folder (left missing if it writes nothing).
pub async fn start_with_dist(make_dist: impl FnOnce(&Path)) -> Server {
    start_configured(
        resapi_server::db::BUSY_TIMEOUT,
        &resapi_server::http::ServeConfig::default(),
        make_dist,
    )
    .await
}

/// Starts the app with a database busy timeout and the serve options (limits, HSTS).
pub async fn start_configured(
    busy_timeout: std::time::Duration,
    config: &resapi_server::http::ServeConfig,
    make_dist: impl FnOnce(&Path),
) -> Server {
    let dir = tempfile::tempdir().unwrap();
    let dist = dir.path().join("dist");
    make_dist(&dist);
    let state = AppState::open_with(
        &dir.path().join("db/resapi.db"),
        &fixture_content(),
        &dist,
        busy_timeout,
    )
    .await
    .unwrap();
    let db = state.db.clone();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = resapi_server::http::app_with(state, config);
    tokio::spawn(async move {
        axum::serve(listener, app).await.unwrap();
    });
    Server {
        base: format!("http://{addr}"),
        http: reqwest::Client::new(),
        db,
        dir,
    }
}

impl Server {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn post(&self, path: &str, body: &Value, token: Option<&str>) -> reqwest::Response {
        let mut req = self.http.post(self.url(path)).json(body);
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        req.send().await.unwrap()
    }

    pub async fn post_raw(
        &self,
        path: &str,
        body: impl Into<reqwest::Body>,
        content_type: Option<&str>,
        token: Option<&str>,
    ) -> reqwest::Response {
        let mut req = self.http.post(self.url(path)).body(body);
        if let Some(ct) = content_type {
            req = req.header(header::CONTENT_TYPE, ct);
        }
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        req.send().await.unwrap()
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> reqwest::Response {
        let mut req = self.http.get(self.url(path));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        req.send().await.unwrap()
    }

    pub async fn register(&self, n: u32) -> AuthResponse {
        let res = self
            .post(
                "/api/v1/auth/register",
                &json!({"nip": nip(n), "name": "Siti Rahma", "password": PASSWORD, "unit_id": UNIT}),
                None,
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        res.json().await.unwrap()
    }

    pub async fn content(&self) -> ContentBundle {
        self.get("/api/v1/content", None)
            .await
            .json()
            .await
            .unwrap()
    }

    pub async fn sync(&self, token: &str, records: Vec<Value>) -> SyncResponse {
        let res = self
            .post("/api/v1/sync", &json!({ "records": records }), Some(token))
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        res.json().await.unwrap()
    }

    pub async fn count(&self, sql: &'static str) -> i64 {
        sqlx::query_scalar(sql).fetch_one(&self.db).await.unwrap()
    }
}

/// Asserts the JSON error shape and returns the code.
pub async fn error_code(res: reqwest::Response) -> String {
    let ct = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    assert!(ct.starts_with("application/json"), "content type {ct}");
    let body: ErrorBody = res.json().await.unwrap();
    assert!(!body.error.message.is_empty());
    body.error.code
}

pub fn wrong_option(q: &Question) -> String {
    q.options
        .iter()
        .find(|o| o.id != q.answer)
        .unwrap()
        .id
        .clone()
}

pub fn answer_record(
    account: Uuid,
    q: &Question,
    option: &str,
    correct: bool,
    version: &str,
) -> Value {
    json!({
        "id": Uuid::now_v7(),
        "kind": "practice_answer",
        "account_id": account,
        "created_at": "2025-01-06T01:02:03.456Z",
        "payload": {
            "attempt_id": Uuid::now_v7(),
            "question_id": q.id,
            "option_id": option,
            "correct": correct,
            "content_version": version,
            "position": 0
        }
    })
}

pub fn attempt_record(account: Uuid, version: &str) -> Value {
    json!({
        "id": Uuid::now_v7(),
        "kind": "practice_attempt",
        "account_id": account,
        "created_at": "2025-01-06T01:05:00+07:00",
        "payload": {
            "scope": "adaptif",
            "question_ids": ["adaptif-001", "adaptif-002"],
            "answered": 2,
            "correct": 1,
            "completed": true,
            "started_at": "2025-01-06T01:00:00+07:00",
            "content_version": version
        }
    })
}

pub fn statuses(res: &SyncResponse) -> Vec<RecordStatus> {
    res.results.iter().map(|r| r.status).collect()
}

pub fn error_codes(res: &SyncResponse) -> Vec<Option<&str>> {
    res.results
        .iter()
        .map(|r| r.error.as_ref().map(|e| e.code.as_str()))
        .collect()
}
