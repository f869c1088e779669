//! What the server's integration tests share: a real server on 127.0.0.1:0 over a real
//! database, talked to with reqwest, and record builders. Each test file uses its own part
//! of it.
//!
//! The database is a SQLite file in a temp dir; with `RESAPI_TEST_POSTGRES` set to a
//! PostgreSQL URL (`scripts/postgres.sh start`), it is a new PostgreSQL database per test
//! instead ([`test_db`]), so the same suite runs against both backends. Tests about the
//! SQLite file itself check [`postgres_url`] and say so when they do not apply.
#![allow(dead_code)]

pub mod live;

use reqwest::StatusCode;
use reqwest::header;
use resapi_core::api::{AuthResponse, ErrorBody};
use resapi_core::content::{ContentBundle, Question};
use resapi_core::sync::{RecordStatus, SyncResponse};
use resapi_server::AppState;
use serde_json::{Value, json};
use sqlx::AnyPool;
use std::path::{Path, PathBuf};
use tempfile::TempDir;
use uuid::Uuid;

pub const PASSWORD: &str = "rahasia-123";
pub const UNIT: &str = "bkn-deputi-sinka";

pub struct Server {
    /// The server's clock: `advance` it to play days.
    pub clock: resapi_server::clock::Clock,
    pub base: String,
    pub http: reqwest::Client,
    /// The database, for looking at tables directly (either backend: sqlx's `Any`).
    pub db: AnyPool,
    /// The server's store.
    pub store: resapi_server::store::Store,
    /// What `--db` names: the SQLite file, or the PostgreSQL database's URL.
    pub location: PathBuf,
    /// The server's password hashing, to count the checks it made.
    pub passwords: resapi_server::passwords::Passwords,
    pub dir: TempDir,
}

pub fn fixture_content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/content")
}

/// Copies a folder tree (a content folder a test changes without touching the fixture).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A valid NIP per `n` (born 1985-03-12, appointed 2010-01, male, serial n).
pub fn nip(n: u32) -> String {
    format!("19850312 201001 1 {n:03}")
}

pub fn nip_digits(n: u32) -> String {
    nip(n).replace(' ', "")
}

/// The test records lie in 2025 and 2026: a day after them, so that their periods have ended
/// (questionnaire figures wait for that) whatever day the tests run on.
pub fn after_the_test_data() -> resapi_server::clock::Clock {
    resapi_server::clock::Clock::fixed(
        time::Date::from_calendar_date(2027, time::Month::January, 15).unwrap(),
    )
}

pub async fn start() -> Server {
    start_with_dist(|_| {}).await
}

/// Starts the app; `make_dist` may fill the dist folder (left missing if it writes nothing).
pub async fn start_with_dist(make_dist: impl FnOnce(&Path)) -> Server {
    start_configured(
        resapi_server::store::BUSY_TIMEOUT,
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
    start_full(busy_timeout, config, make_dist, |_| {}).await
}

/// Starts the app with its state adjusted first (login limits, trusted proxies, hashing).
pub async fn start_with_state(configure: impl FnOnce(&mut AppState)) -> Server {
    start_full(
        resapi_server::store::BUSY_TIMEOUT,
        &resapi_server::http::ServeConfig::default(),
        |_| {},
        configure,
    )
    .await
}

/// The fixture content with the project's questionnaires, scales, modules and mappings
/// (unit figures need them), written into `dir`.
pub fn content_with_questionnaires(dir: &Path) -> PathBuf {
    let to = dir.join("content");
    copy_dir(&fixture_content(), &to);
    let project = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    for sub in ["questionnaires", "modules"] {
        copy_dir(&project.join(sub), &to.join(sub));
    }
    for file in ["scales.toml", "mappings.toml"] {
        std::fs::copy(project.join(file), to.join(file)).unwrap();
    }
    to
}

/// The fixture content with the project's competition pool (`content/competition/`).
pub fn content_with_pool(dir: &Path) -> PathBuf {
    let to = dir.join("content");
    copy_dir(&fixture_content(), &to);
    let project = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    copy_dir(&project.join("competition"), &to.join("competition"));
    to
}

/// Starts the app over the fixture content with the competition pool.
pub async fn start_with_pool() -> Server {
    start_over(
        resapi_server::store::BUSY_TIMEOUT,
        &resapi_server::http::ServeConfig::default(),
        |_| {},
        |_| {},
        content_with_pool,
    )
    .await
}

/// Starts the app over the fixture content with the questionnaires (unit dashboards).
pub async fn start_with_questionnaires() -> Server {
    start_with_questionnaires_and_state(|_| {}).await
}

/// [`start_with_questionnaires`] with the state adjusted first (e.g. another day).
pub async fn start_with_questionnaires_and_state(configure: impl FnOnce(&mut AppState)) -> Server {
    start_over(
        resapi_server::store::BUSY_TIMEOUT,
        &resapi_server::http::ServeConfig::default(),
        |_| {},
        configure,
        content_with_questionnaires,
    )
    .await
}

/// Served with the peer address, as `resapi-server serve` does (the login limits count
/// per client address).
async fn start_full(
    busy_timeout: std::time::Duration,
    config: &resapi_server::http::ServeConfig,
    make_dist: impl FnOnce(&Path),
    configure: impl FnOnce(&mut AppState),
) -> Server {
    start_over(busy_timeout, config, make_dist, configure, |_| {
        fixture_content()
    })
    .await
}

async fn start_over(
    busy_timeout: std::time::Duration,
    config: &resapi_server::http::ServeConfig,
    make_dist: impl FnOnce(&Path),
    configure: impl FnOnce(&mut AppState),
    content: impl FnOnce(&Path) -> PathBuf,
) -> Server {
    let dir = tempfile::tempdir().unwrap();
    let dist = dir.path().join("dist");
    make_dist(&dist);
    let content = content(dir.path());
    let location = test_db(&dir.path().join("db/resapi.db"));
    let mut state = AppState::open_with(&location, &content, &dist, busy_timeout)
        .await
        .unwrap();
    state.clock = after_the_test_data();
    configure(&mut state);
    let clock = state.clock.clone();
    let store = state.store.clone();
    let db = any_pool(&location).await;
    let passwords = state.passwords.clone();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = resapi_server::http::app_with(state, config)
        .into_make_service_with_connect_info::<std::net::SocketAddr>();
    tokio::spawn(async move {
        axum::serve(listener, app).await.unwrap();
    });
    Server {
        clock,
        base: format!("http://{addr}"),
        http: reqwest::Client::new(),
        db,
        store,
        location,
        passwords,
        dir,
    }
}

impl Server {
    /// What `--db` names for this server's database (a file, or a PostgreSQL URL).
    pub fn db_path(&self) -> PathBuf {
        self.location.clone()
    }
}

impl Server {
    /// Holds the lock a writer of records needs, as another writer would (a backup, an
    /// admin command, a stuck process), until `ROLLBACK` on the returned connection.
    /// SQLite: the database's one write lock (`BEGIN IMMEDIATE`); PostgreSQL: every
    /// account's row, which a writer of records locks first.
    pub async fn hold_write_lock(&self) -> sqlx::pool::PoolConnection<sqlx::Any> {
        let mut conn = self.db.acquire().await.unwrap();
        if postgres_url().is_some() {
            sqlx::query("BEGIN").execute(&mut *conn).await.unwrap();
            sqlx::query("SELECT id FROM accounts FOR UPDATE")
                .execute(&mut *conn)
                .await
                .unwrap();
        } else {
            sqlx::query("BEGIN IMMEDIATE")
                .execute(&mut *conn)
                .await
                .unwrap();
        }
        conn
    }
}

/// The PostgreSQL server the tests run against, when `RESAPI_TEST_POSTGRES` names one.
pub fn postgres_url() -> Option<String> {
    std::env::var("RESAPI_TEST_POSTGRES")
        .ok()
        .filter(|u| !u.is_empty())
}

/// A fresh database for one test: `file` (SQLite), or under `RESAPI_TEST_POSTGRES` a new
/// PostgreSQL database with a unique name (its URL, which `--db` takes like a path).
pub fn test_db(file: &Path) -> PathBuf {
    new_postgres_db().unwrap_or_else(|| file.to_path_buf())
}

/// A new, empty PostgreSQL database under `RESAPI_TEST_POSTGRES` (its URL); `None` without.
pub fn new_postgres_db() -> Option<PathBuf> {
    let url = postgres_url()?;
    let name = format!("resapi_test_{}", Uuid::now_v7().simple());
    let admin = url.clone();
    let created = name.clone();
    // Its own thread and runtime: callable from sync tests and from inside a runtime.
    std::thread::spawn(move || {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(async move {
                use sqlx::Connection;
                let mut c = sqlx::PgConnection::connect(&admin).await.unwrap();
                sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {created}")))
                    .execute(&mut c)
                    .await
                    .unwrap();
            })
    })
    .join()
    .unwrap();
    let base = url.rsplit_once('/').map_or(url.as_str(), |(base, _)| base);
    Some(PathBuf::from(format!("{base}/{name}")))
}

/// A pool on the database `--db` names, for tests that look at the tables.
pub async fn any_pool(location: &Path) -> AnyPool {
    sqlx::any::install_default_drivers();
    let text = location.to_string_lossy();
    let url = if text.starts_with("postgres") {
        text.into_owned()
    } else {
        format!("sqlite://{text}")
    };
    sqlx::pool::PoolOptions::new()
        .max_connections(4)
        .connect(&url)
        .await
        .unwrap()
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
    answer_json(
        account,
        q,
        option,
        correct,
        "2025-01-06T01:02:03.456Z",
        version,
    )
}

fn answer_json(
    account: Uuid,
    q: &Question,
    option: &str,
    correct: bool,
    at: &str,
    version: &str,
) -> Value {
    json!({
        "id": Uuid::now_v7(),
        "kind": "practice_answer",
        "account_id": account,
        "created_at": at,
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

pub fn practice_session_record(account: Uuid, version: &str) -> Value {
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

/// `resapi-server` run as a process, as an operator runs it.
pub struct ServerProcess {
    pub child: std::process::Child,
    pub base: String,
    stderr: std::thread::JoinHandle<String>,
}

pub const BIN: &str = env!("CARGO_BIN_EXE_resapi-server");

/// The binary with none of the RESAPI_* variables of the surrounding shell.
pub fn server_command() -> std::process::Command {
    let mut c = std::process::Command::new(BIN);
    for var in [
        "RESAPI_DB",
        "RESAPI_ADDR",
        "RESAPI_DIST",
        "RESAPI_CONTENT",
        "RESAPI_PASSWORD",
        "RESAPI_TRUSTED_PROXIES",
    ] {
        c.env_remove(var);
    }
    c.env("RUST_LOG", "info");
    c
}

/// Starts `resapi-server serve` on a free port over `db` with the fixture content; `extra`
/// are more serve flags. Returns once it prints its address.
pub fn spawn_server(db: &Path, extra: &[&str]) -> ServerProcess {
    use std::io::{BufRead, BufReader, Read};
    use std::process::Stdio;
    let mut child = server_command()
        .arg("--addr")
        .arg("127.0.0.1:0")
        .arg("--db")
        .arg(db)
        .arg("--dist")
        .arg(db.with_extension("no-dist"))
        .arg("--content")
        .arg(fixture_content())
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read stderr all along, so the server never blocks on a full pipe.
    let mut err = child.stderr.take().unwrap();
    let stderr = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = err.read_to_string(&mut text);
        text
    });
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let base = line
        .trim()
        .strip_prefix("Resapi listening on ")
        .unwrap_or_else(|| panic!("unexpected first line: {line:?}"))
        .to_owned();
    ServerProcess {
        child,
        base,
        stderr,
    }
}

impl ServerProcess {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// SIGTERM, wait for the graceful stop, and return everything it logged.
    pub fn stop(mut self) -> String {
        let killed = std::process::Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            if std::time::Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("the server did not stop within 30 s of SIGTERM");
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        let log = self.stderr.join().unwrap();
        assert!(status.success(), "server exit {status}: {log}");
        log
    }
}

/// Someone signed in, made straight in the store (no password hashing per account).
pub struct SignedIn {
    pub id: Uuid,
    pub nip: String,
    pub token: String,
}

impl Server {
    pub fn store(&self) -> resapi_server::store::Store {
        self.store.clone()
    }

    /// An account `n` in `unit` with `roles` (employee always) and a live session. Its
    /// password is `password_hash` (a hash of [`PASSWORD`], made once per test).
    pub async fn signed_in(
        &self,
        n: u32,
        unit: &str,
        roles: &[resapi_core::api::Role],
        password_hash: &str,
    ) -> SignedIn {
        let mut all = vec![resapi_core::api::Role::Employee];
        all.extend_from_slice(roles);
        let store = self.store();
        let row = store
            .create_account(resapi_server::store::NewAccount {
                nip: &nip_digits(n),
                name: &format!("Pegawai {n:03}"),
                unit_id: unit,
                password_hash,
                roles: &all,
            })
            .await
            .unwrap();
        let id = row.uuid().unwrap();
        let (token, _) = store.create_session(id).await.unwrap();
        SignedIn {
            id,
            nip: row.nip,
            token,
        }
    }

    /// Any method, with an optional JSON body and token.
    pub async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<&Value>,
        token: Option<&str>,
    ) -> reqwest::Response {
        let mut req = self.http.request(method, self.url(path));
        if let Some(b) = body {
            req = req.json(b);
        }
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        req.send().await.unwrap()
    }
}

/// `resapi-server import-roster FILE` over `db` with the fixture content's units.
pub fn import_roster(db: &Path, file: &Path) -> std::process::Output {
    server_command()
        .env("RUST_LOG", "warn")
        .arg("import-roster")
        .arg(file)
        .arg("--content")
        .arg(fixture_content())
        .arg("--db")
        .arg(db)
        .output()
        .unwrap()
}

/// What a command printed, stdout then stderr.
pub fn output_text(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A questionnaire response of `account` at `at` (RFC 3339) with every item of `q`
/// answered by `answer(item)`.
pub fn response_record(
    account: Uuid,
    q: &resapi_core::questionnaire::Questionnaire,
    at: &str,
    version: &str,
    answer: impl Fn(&resapi_core::questionnaire::Item) -> u8,
) -> Value {
    let answers: serde_json::Map<String, Value> = q
        .items
        .iter()
        .map(|i| (i.id.clone(), json!(answer(i))))
        .collect();
    // Ten minutes to fill it in: time enough to read every item (a faster response is
    // careless and stays out of the unit's figures).
    let started_at =
        time::OffsetDateTime::parse(at, &time::format_description::well_known::Rfc3339)
            .map(|t| t - time::Duration::minutes(10))
            .ok()
            .and_then(|t| {
                t.format(&time::format_description::well_known::Rfc3339)
                    .ok()
            })
            .unwrap_or_else(|| at.to_owned());
    json!({
        "id": Uuid::now_v7(),
        "kind": "questionnaire_response",
        "account_id": account,
        "created_at": at,
        "payload": {
            "questionnaire_id": q.id,
            "answers": answers,
            "started_at": started_at,
            "content_version": version
        }
    })
}

/// A practice answer of `account` at `at`, right or wrong.
pub fn answer_at(account: Uuid, q: &Question, correct: bool, at: &str, version: &str) -> Value {
    let option = if correct {
        q.answer.clone()
    } else {
        wrong_option(q)
    };
    answer_json(account, q, &option, correct, at, version)
}

/// GET `url` (on any server, not only a [`Server`]) and read its JSON.
pub async fn get_json<T: serde::de::DeserializeOwned>(
    http: &reqwest::Client,
    url: &str,
    token: Option<&str>,
) -> T {
    let mut req = http.get(url);
    if let Some(token) = token {
        req = req.bearer_auth(token);
    }
    req.send().await.unwrap().json().await.unwrap()
}

/// Every record of the account as a phone's restore reads them through the server at
/// `base`, page by page of `limit`.
pub async fn restore(
    http: &reqwest::Client,
    base: &str,
    token: &str,
    limit: u32,
) -> Vec<resapi_core::sync::StoredRecord> {
    let mut out = Vec::new();
    let mut path = format!("/api/v1/me/records?limit={limit}");
    loop {
        let res = http
            .get(format!("{base}{path}"))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let page: resapi_core::sync::RecordsPage = res.json().await.unwrap();
        out.extend(page.records);
        match page.next_since {
            Some(s) => path = format!("/api/v1/me/records?limit={limit}&since={s}"),
            None => return out,
        }
    }
}
