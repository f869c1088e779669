//! What the database backends must agree on (docs/database.md): a schema newer than the
//! binary is refused at start, and the `me/records` cursor neither skips nor repeats a
//! record when writers' transactions commit out of order. Runs on SQLite, and on
//! PostgreSQL under `RESAPI_TEST_POSTGRES`.

mod common;

use common::*;
use reqwest::StatusCode;
use resapi_core::sync::{RecordStatus, RecordsPage};
use std::time::Duration;
use uuid::Uuid;

#[tokio::test]
async fn a_database_migrated_by_a_newer_binary_is_refused_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let db = test_db(&dir.path().join("resapi.db"));
    let store = resapi_server::store::Store::open(&db).await.unwrap();
    store.close().await;
    // A later release applied its migration 9999 to this database.
    let pool = any_pool(&db).await;
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
         VALUES (9999, 'from a newer release', TRUE, $1, 0)",
    )
    .bind(vec![0u8; 48])
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;

    let err = resapi_server::store::Store::open(&db).await.unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("cannot migrate") && message.contains("9999"),
        "{message}"
    );
    // The command line says so and exits non-zero instead of serving.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_resapi-server"))
        .args(["serve", "--addr", "127.0.0.1:0", "--db"])
        .arg(&db)
        .arg("--content")
        .arg(fixture_content())
        .env_remove("RESAPI_DB")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("9999"), "{stderr}");
}

/// Reads the account's records from `since` on, page by page (as a phone restoring does);
/// returns them and the cursor to continue from.
async fn read_from(
    srv: &Server,
    token: &str,
    mut since: Option<String>,
) -> (Vec<String>, Option<String>) {
    let mut ids = Vec::new();
    loop {
        let path = match &since {
            Some(s) => format!("/api/v1/me/records?limit=1&since={s}"),
            None => "/api/v1/me/records?limit=1".to_owned(),
        };
        let res = srv.get(&path, Some(token)).await;
        assert_eq!(res.status(), StatusCode::OK);
        let page: RecordsPage = res.json().await.unwrap();
        ids.extend(page.records.iter().map(|r| r.record.id.to_string()));
        match page.next_since {
            Some(next) => since = Some(next),
            None => {
                // The cursor after the last record read: where the next restore starts.
                if let Some(last) = page.records.last() {
                    let seq: i64 = sqlx::query_scalar("SELECT seq FROM records WHERE id = $1")
                        .bind(last.record.id.to_string())
                        .fetch_one(&srv.db)
                        .await
                        .unwrap();
                    since = Some(seq.to_string());
                }
                return (ids, since);
            }
        }
    }
}

/// Two writers of one account's records interleave: the first takes its `seq` and has not
/// committed when the second (a sync) arrives. Were the second to take a larger `seq` and
/// commit first, a phone reading between the two commits would move its cursor past the
/// first writer's smaller `seq` and never see that record. The second writer waits for the
/// first (the account's lock), so every reader sees a prefix in `seq` order.
#[tokio::test]
async fn interleaved_writers_of_one_account_never_make_the_records_cursor_skip_or_repeat() {
    let srv = start().await;
    let auth = srv.register(1).await;
    let me = auth.account.id;
    let content = srv.content().await;

    // Writer 1 has taken its `seq` (its record inserted) and stays open. It takes no lock of
    // its own on PostgreSQL: the insert alone must hold the second writer back.
    let mut first = srv.db.acquire().await.unwrap();
    let begin = if postgres_url().is_some() {
        "BEGIN"
    } else {
        // SQLite: its one write lock, as every writer takes it.
        "BEGIN IMMEDIATE"
    };
    sqlx::query(begin).execute(&mut *first).await.unwrap();
    let first_id = Uuid::now_v7().to_string();
    let payload = practice_session_record(me, &content.version)["payload"].to_string();
    sqlx::query(
        "INSERT INTO records (id, account_id, kind, created_at, received_at, payload, content_hash) \
         VALUES ($1, $2, 'practice_attempt', '2025-01-06T01:05:00+07:00', '2025-01-06T01:05:00Z', $3, 'x')",
    )
    .bind(&first_id)
    .bind(me.to_string())
    .bind(payload)
    .execute(&mut *first)
    .await
    .unwrap();

    // Writer 2: the phone syncs another record meanwhile.
    let second = practice_session_record(me, &content.version);
    let second_id = second["id"].as_str().unwrap().to_owned();
    let sync = {
        let http = srv.http.clone();
        let url = srv.url("/api/v1/sync");
        let token = auth.token.clone();
        tokio::spawn(async move {
            http.post(url)
                .bearer_auth(token)
                .json(&serde_json::json!({ "records": [second] }))
                .send()
                .await
                .unwrap()
        })
    };
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert!(!sync.is_finished(), "the second writer waits for the first");

    // A phone reads while the first writer is still open: nothing committed, nothing shown.
    let (early, cursor) = read_from(&srv, &auth.token, None).await;
    assert!(early.is_empty(), "{early:?}");

    sqlx::query("COMMIT").execute(&mut *first).await.unwrap();
    drop(first);
    let res = sync.await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let body: resapi_core::sync::SyncResponse = res.json().await.unwrap();
    assert_eq!(statuses(&body), vec![RecordStatus::Stored]);

    // From its cursor the phone gets both, in commit order, once each.
    let (later, cursor) = read_from(&srv, &auth.token, cursor).await;
    assert_eq!(later, vec![first_id, second_id]);
    let (after, _) = read_from(&srv, &auth.token, cursor).await;
    assert!(after.is_empty(), "nothing repeats: {after:?}");
}

/// A whole unit syncs at once after the ceremony: every batch adds to the same unit tallies.
/// On PostgreSQL the batches run side by side and lock the shared tally rows; in a random
/// order two of them could wait for each other and one fail `busy` (a deadlock). All are
/// stored, and the unit's tally counts every answer once.
#[tokio::test]
async fn a_whole_unit_syncing_at_once_stores_every_batch() {
    let srv = start().await;
    let content = srv.content().await;
    let mut people = Vec::new();
    for n in 0..24 {
        people.push(srv.signed_in(100 + n, UNIT, &[], "x").await);
    }
    let batches: Vec<(String, Vec<serde_json::Value>)> = people
        .iter()
        .enumerate()
        .map(|(i, p)| {
            // Each person's answers in another order of the questions: the tally cells
            // (period, unit, value, indicator) come in a different order per batch.
            let records = content
                .questions
                .iter()
                .cycle()
                .skip(i * 5 % content.questions.len())
                .take(8)
                .enumerate()
                .map(|(k, q)| {
                    let at = format!("2025-0{}-0{}T08:00:00+07:00", 1 + k % 3, 1 + k);
                    answer_at(p.id, q, k % 2 == 0, &at, &content.version)
                })
                .collect();
            (p.token.clone(), records)
        })
        .collect();
    let mut syncs = tokio::task::JoinSet::new();
    for (token, records) in batches {
        let http = srv.http.clone();
        let url = srv.url("/api/v1/sync");
        syncs.spawn(async move {
            let res = http
                .post(url)
                .bearer_auth(token)
                .json(&serde_json::json!({ "records": records }))
                .send()
                .await
                .unwrap();
            let status = res.status();
            let body = res.text().await.unwrap();
            (status, body)
        });
    }
    while let Some(done) = syncs.join_next().await {
        let (status, body) = done.unwrap();
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    assert_eq!(srv.count("SELECT COUNT(*) FROM records").await, 24 * 8);
    let answered: i64 = sqlx::query_scalar(
        "SELECT answered FROM fact_practice WHERE key = 'all' AND period = '2025' AND unit_id = $1",
    )
    .bind(UNIT)
    .fetch_one(&srv.db)
    .await
    .unwrap();
    assert_eq!(answered, 24 * 8);
}
