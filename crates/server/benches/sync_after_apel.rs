//! Benchmark: the morning after the flag ceremony. Every phone of an office (each its own
//! account) sends a finished practice session — ten answers and the session record — at the
//! same moment, over real HTTP to the real server and a real SQLite file; then all of them
//! again, as when acknowledgements were lost (every record a duplicate). Prints throughput
//! and latency; checks only that each record is stored exactly once.
//!
//!   cargo bench -p resapi-server --bench sync_after_apel
//!   RESAPI_BENCH_PHONES=1000 cargo bench -p resapi-server --bench sync_after_apel
//!   RESAPI_BENCH_DB=postgres://… cargo bench -p resapi-server --bench sync_after_apel

use resapi_core::api::AuthResponse;
use resapi_core::content::ContentBundle;
use resapi_core::sync::{RecordStatus, SyncResponse};
use resapi_server::AppState;
use serde_json::{Value, json};
use std::path::Path;
use std::time::{Duration, Instant};
use tokio::task::JoinSet;
use uuid::Uuid;

const ANSWERS_PER_PHONE: usize = 10;

/// A valid NIP per phone: born 1985-03-12, appointed 2010-01, serial from `n`.
fn nip(n: usize) -> String {
    format!(
        "1985{:02}12 201001 {} {:03}",
        1 + n / 2000 % 12,
        1 + n / 1000 % 2,
        n % 1000
    )
}

fn session(account: Uuid, bundle: &ContentBundle, phone: usize) -> Value {
    let mut records = Vec::new();
    let questions: Vec<_> = bundle
        .questions
        .iter()
        .cycle()
        .skip(phone * 7 % bundle.questions.len())
        .take(ANSWERS_PER_PHONE)
        .collect();
    let session_id = Uuid::now_v7();
    for (position, q) in questions.iter().enumerate() {
        let option = &q.options[(phone + position) % q.options.len()].id;
        records.push(json!({
            "id": Uuid::now_v7(),
            "kind": "practice_answer",
            "account_id": account,
            "created_at": "2026-11-23T01:15:00Z",
            "payload": {
                "attempt_id": session_id,
                "question_id": q.id,
                "option_id": option,
                "correct": *option == q.answer,
                "content_version": bundle.version,
                "position": position
            }
        }));
    }
    records.push(json!({
        "id": session_id,
        "kind": "practice_attempt",
        "account_id": account,
        "created_at": "2026-11-23T01:20:00Z",
        "payload": {
            "scope": "campuran",
            "question_ids": questions.iter().map(|q| q.id.clone()).collect::<Vec<_>>(),
            "answered": ANSWERS_PER_PHONE,
            "correct": 0,
            "completed": true,
            "started_at": "2026-11-23T01:10:00Z",
            "content_version": bundle.version
        }
    }));
    json!({ "records": records })
}

struct Round {
    wall: Duration,
    latencies: Vec<Duration>,
    statuses: Vec<RecordStatus>,
}

/// Every phone posts its batch at once; each request timed on its own.
async fn round(http: &reqwest::Client, url: &str, batches: &[(String, Value)]) -> Round {
    let started = Instant::now();
    let mut set = JoinSet::new();
    for (token, body) in batches.iter().cloned() {
        let (http, url) = (http.clone(), url.to_owned());
        set.spawn(async move {
            let t = Instant::now();
            let res = http.post(url).bearer_auth(token).json(&body).send().await;
            let res = res
                .expect("request")
                .error_for_status()
                .expect("status 200");
            let body: SyncResponse = res.json().await.expect("sync response");
            (t.elapsed(), body)
        });
    }
    let mut latencies = Vec::new();
    let mut statuses = Vec::new();
    while let Some(done) = set.join_next().await {
        let (latency, body) = done.expect("task");
        latencies.push(latency);
        statuses.extend(body.results.into_iter().map(|r| r.status));
    }
    latencies.sort();
    Round {
        wall: started.elapsed(),
        latencies,
        statuses,
    }
}

fn report(what: &str, r: &Round) {
    let pct = |p: f64| r.latencies[((r.latencies.len() - 1) as f64 * p).round() as usize];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "  {what:<34} {:>7.0} ms wall {:>7.0} records/s   p50 {:>6.0} ms  p95 {:>6.0} ms  max {:>6.0} ms",
        ms(r.wall),
        r.statuses.len() as f64 / r.wall.as_secs_f64(),
        ms(pct(0.5)),
        ms(pct(0.95)),
        ms(pct(1.0)),
    );
}

#[tokio::main]
async fn main() {
    let phones: usize = std::env::var("RESAPI_BENCH_PHONES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    let dir = tempfile::tempdir().expect("temp dir");
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    // A new, empty database: a SQLite file here, or the PostgreSQL one named.
    let location = std::env::var("RESAPI_BENCH_DB")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| dir.path().join("resapi.db"));
    let backend = if location.to_string_lossy().starts_with("postgres") {
        "PostgreSQL"
    } else {
        "SQLite file"
    };
    let state = AppState::open(&location, &content, &dir.path().join("dist"))
        .await
        .expect("server state");
    let store = state.store.clone();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("port");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    tokio::spawn(async move { axum::serve(listener, resapi_server::http::app(state)).await });
    let http = reqwest::Client::new();

    let bundle: ContentBundle = http
        .get(format!("{base}/api/v1/content"))
        .send()
        .await
        .expect("content")
        .json()
        .await
        .expect("content bundle");

    // Sign-ups are bounded by argon2 (deliberately slow, two at a time), not by sync.
    let started = Instant::now();
    let mut set = JoinSet::new();
    for n in 0..phones {
        let (http, base) = (http.clone(), base.clone());
        set.spawn(async move {
            let res = loop {
                let res = http
                    .post(format!("{base}/api/v1/auth/register"))
                    .json(&json!({"nip": nip(n), "name": format!("Pegawai {n}"), "password": "apel-pagi-2026", "unit_id": "bkn"}))
                    .send()
                    .await
                    .expect("register");
                // The password queue is full (503): wait as told, as a phone does.
                if res.status() != reqwest::StatusCode::SERVICE_UNAVAILABLE {
                    break res;
                }
                tokio::time::sleep(Duration::from_secs(2)).await;
            };
            let auth: AuthResponse = res.error_for_status().expect("201").json().await.expect("auth");
            (n, auth)
        });
    }
    let mut accounts = Vec::new();
    while let Some(done) = set.join_next().await {
        accounts.push(done.expect("task"));
    }
    let signup = started.elapsed();
    accounts.sort_by_key(|(n, _)| *n);
    let batches: Vec<(String, Value)> = accounts
        .iter()
        .map(|(n, a)| (a.token.clone(), session(a.account.id, &bundle, *n)))
        .collect();

    let url = format!("{base}/api/v1/sync");
    let first = round(&http, &url, &batches).await;
    let again = round(&http, &url, &batches).await;

    let expected = phones * (ANSWERS_PER_PHONE + 1);
    let contents = store.contents().await.expect("count");
    let stored = contents
        .rows
        .iter()
        .find(|(table, _)| table == "records")
        .map_or(0, |(_, n)| *n);
    assert!(first.statuses.iter().all(|s| *s == RecordStatus::Stored));
    assert!(again.statuses.iter().all(|s| *s == RecordStatus::Duplicate));
    assert_eq!(stored as usize, expected, "each record stored exactly once");

    println!(
        "\nsync after the apel: {phones} phones × {} records, {backend}, one process",
        ANSWERS_PER_PHONE + 1
    );
    println!(
        "  sign-up of {phones} accounts (argon2)     {:>7.0} ms",
        signup.as_secs_f64() * 1000.0
    );
    report("first sync (all stored)", &first);
    report("same batches again (duplicates)", &again);
    println!("  stored: {stored} records, each once");
}
