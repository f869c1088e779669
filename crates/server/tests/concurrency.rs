//! The server under simultaneous syncs and a locked or overloaded database: every record is
//! stored once, the others hear `duplicate`; a wait that runs out answers a clean JSON 503
//! with Retry-After, never a 500 and never a half-stored batch. Simultaneous edits of the
//! unit tree (a read, then a write) never answer busy.

mod common;

use common::*;
use reqwest::StatusCode;
use reqwest::header;
use resapi_core::sync::{RecordStatus, SyncResponse};
use resapi_server::http::ServeConfig;
use serde_json::{Value, json};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use uuid::Uuid;

fn batch(account: Uuid, n: usize) -> Vec<Value> {
    (0..n)
        .map(|i| {
            json!({
                "id": Uuid::now_v7(),
                "kind": "practice_answer",
                "account_id": account,
                "created_at": "2025-01-06T01:02:03Z",
                "payload": {
                    "attempt_id": Uuid::now_v7(),
                    "question_id": format!("adaptif-{:03}", i % 10 + 1),
                    "option_id": "b",
                    "correct": true,
                    "content_version": "v1",
                    "position": 0
                }
            })
        })
        .collect()
}

/// `senders` phones (or tabs) send the same records at the same instant.
async fn same_records_at_once(senders: usize) {
    let srv = start().await;
    let auth = srv.register(senders as u32).await;
    let records = batch(auth.account.id, 40);
    let started = Instant::now();
    let sends = (0..senders).map(|_| send(&srv, &auth.token, records.clone()));
    let answers: Vec<SyncResponse> = join_all(sends).await;
    println!(
        "{senders} simultaneous syncs of {} records: {:?}",
        records.len(),
        started.elapsed()
    );
    for (i, record) in records.iter().enumerate() {
        let got: Vec<RecordStatus> = answers.iter().map(|a| a.results[i].status).collect();
        let stored = got.iter().filter(|s| **s == RecordStatus::Stored).count();
        let duplicate = got
            .iter()
            .filter(|s| **s == RecordStatus::Duplicate)
            .count();
        assert_eq!(
            (stored, duplicate),
            (1, senders - 1),
            "record {} got {got:?}",
            record["id"]
        );
    }
    assert_eq!(
        srv.count("SELECT COUNT(*) FROM records").await,
        records.len() as i64
    );
}

/// One sync as a `'static` future, so that many can run on their own tasks at once.
fn send(
    srv: &Server,
    token: &str,
    records: Vec<Value>,
) -> impl std::future::Future<Output = SyncResponse> + Send + 'static {
    let request = srv
        .http
        .post(srv.url("/api/v1/sync"))
        .bearer_auth(token)
        .json(&json!({ "records": records }));
    async move {
        let res = request.send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        res.json().await.unwrap()
    }
}

/// Joins futures without a `futures` dependency: each on its own task.
async fn join_all<F, T>(futures: impl Iterator<Item = F>) -> Vec<T>
where
    F: std::future::Future<Output = T> + Send + 'static,
    T: Send + 'static,
{
    let handles: Vec<_> = futures.map(tokio::spawn).collect();
    let mut out = Vec::with_capacity(handles.len());
    for h in handles {
        out.push(h.await.unwrap());
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_simultaneous_syncs_of_the_same_records_store_each_once() {
    same_records_at_once(2).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn ten_simultaneous_syncs_of_the_same_records_store_each_once() {
    same_records_at_once(10).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_tabs_answering_one_position_at_once_store_one_answer() {
    let srv = start().await;
    let auth = srv.register(11).await;
    let me = auth.account.id;
    let session = Uuid::now_v7();
    let answer = |option: &str| {
        json!({
            "id": Uuid::now_v7(), "kind": "practice_answer", "account_id": me,
            "created_at": "2025-01-06T01:02:03Z",
            "payload": {"attempt_id": session, "question_id": "adaptif-001", "option_id": option,
                        "correct": option == "b", "content_version": "v1", "position": 3}
        })
    };
    let tabs = ["a", "b", "c", "d"].map(|o| send(&srv, &auth.token, vec![answer(o)]));
    let answers = join_all(tabs.into_iter()).await;
    let codes: Vec<Option<String>> = answers
        .iter()
        .map(|a| a.results[0].error.as_ref().map(|e| e.code.clone()))
        .collect();
    assert_eq!(codes.iter().filter(|c| c.is_none()).count(), 1, "{codes:?}");
    assert_eq!(
        codes
            .iter()
            .filter(|c| c.as_deref() == Some("already_answered"))
            .count(),
        3,
        "{codes:?}"
    );
    assert_eq!(srv.count("SELECT COUNT(*) FROM records").await, 1);
}

#[tokio::test]
async fn a_write_lock_held_past_the_busy_timeout_answers_503_busy_and_corrupts_nothing() {
    let srv = start_configured(Duration::from_millis(300), &ServeConfig::default(), |_| {}).await;
    let auth = srv.register(12).await;
    let records = batch(auth.account.id, 5);

    // Another writer (a backup, an admin command, a stuck process) holds the write lock.
    let mut other = srv.hold_write_lock().await;

    let started = Instant::now();
    let res = srv
        .post(
            "/api/v1/sync",
            &json!({ "records": records }),
            Some(&auth.token),
        )
        .await;
    println!(
        "sync against a held write lock answered after {:?}",
        started.elapsed()
    );
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    let retry_after = res.headers().get(header::RETRY_AFTER).cloned();
    assert!(
        retry_after.is_some_and(|v| v.to_str().unwrap().parse::<u64>().unwrap() >= 1),
        "Retry-After in seconds"
    );
    assert_eq!(error_code(res).await, "busy");

    sqlx::query("ROLLBACK").execute(&mut *other).await.unwrap();
    if common::postgres_url().is_none() {
        let (check,): (String,) = sqlx::query_as("PRAGMA integrity_check")
            .fetch_one(&mut *other)
            .await
            .unwrap();
        assert_eq!(check, "ok");
    }
    assert_eq!(srv.count("SELECT COUNT(*) FROM records").await, 0);

    // The phone retries as told: everything is stored, once.
    let again = srv.sync(&auth.token, records).await;
    assert_eq!(statuses(&again), vec![RecordStatus::Stored; 5]);
    assert_eq!(srv.count("SELECT COUNT(*) FROM records").await, 5);
}

/// Opens a request whose body never finishes arriving: it stays in flight on the server.
async fn stalled_sync(base: &str, token: &str) -> tokio::net::TcpStream {
    let addr = base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "POST /api/v1/sync HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{\"records\": ["
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream
}

#[tokio::test]
async fn at_the_in_flight_ceiling_a_request_is_answered_503_busy_at_once() {
    let config = ServeConfig {
        max_in_flight: 1,
        ..ServeConfig::default()
    };
    let srv = start_configured(resapi_server::store::BUSY_TIMEOUT, &config, |_| {}).await;
    // Registering takes the one slot only while it runs.
    let auth = srv.register(13).await;
    let _held = stalled_sync(&srv.base, &auth.token).await;
    tokio::time::sleep(Duration::from_millis(200)).await;

    let started = Instant::now();
    let res = srv.get("/api/v1/health", None).await;
    assert!(started.elapsed() < Duration::from_secs(2), "not queued");
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(res.headers().contains_key(header::RETRY_AFTER));
    assert_eq!(error_code(res).await, "busy");

    drop(_held);
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(
        srv.get("/api/v1/health", None).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_request_past_the_timeout_is_answered_503_timeout_in_json() {
    let config = ServeConfig {
        request_timeout: Duration::from_millis(500),
        ..ServeConfig::default()
    };
    let srv = start_configured(resapi_server::store::BUSY_TIMEOUT, &config, |_| {}).await;
    let auth = srv.register(14).await;
    let mut stream = stalled_sync(&srv.base, &auth.token).await;
    let started = Instant::now();
    let mut answer = Vec::new();
    let mut buf = [0u8; 4096];
    // Read until the JSON body has arrived (the server keeps the connection open).
    while !String::from_utf8_lossy(&answer).contains("}}") {
        let n = tokio::time::timeout(Duration::from_secs(10), stream.read(&mut buf))
            .await
            .expect("the server answers before 10 s")
            .unwrap();
        if n == 0 {
            break;
        }
        answer.extend_from_slice(&buf[..n]);
    }
    let answer = String::from_utf8_lossy(&answer);
    println!("stalled request answered after {:?}", started.elapsed());
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
    assert!(
        answer.to_ascii_lowercase().contains("retry-after:"),
        "{answer}"
    );
    assert!(answer.contains(r#""code":"timeout""#), "{answer}");
    assert_eq!(srv.count("SELECT COUNT(*) FROM records").await, 0);
}

/// Unit admins editing the tree at the same moment. Each edit reads (the parent is active,
/// the unit has no members) and then writes. On SQLite a transaction begun as a reader cannot
/// become the writer once another edit has committed since its read (`SQLITE_BUSY_SNAPSHOT`,
/// answered at once: no waiting helps), so every such edit must begin as the writer. None
/// may answer busy.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn simultaneous_unit_edits_never_answer_busy() {
    let srv = start().await;
    let parent = srv.store.list_units().await.unwrap()[0].id.clone();
    let edits = (0..24).map(|i| {
        let store = srv.store.clone();
        let parent = parent.clone();
        async move {
            let id = format!("uji-serentak-{i}");
            store
                .create_unit(&id, &format!("Unit uji {i}"), Some(&parent))
                .await?;
            store.move_unit(&id, None).await?;
            store.retire_unit(&id).await
        }
    });
    let outcomes = join_all(edits).await;
    let failed: Vec<String> = outcomes
        .iter()
        .filter_map(|o| o.as_ref().err().map(|e| e.to_string()))
        .collect();
    assert!(
        failed.is_empty(),
        "{} of 24 edits failed: {failed:?}",
        failed.len()
    );
}
