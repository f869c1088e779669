//! The sync rules a phone relies on to empty its outbox safely: a record already stored is
//! acknowledged on every resend, whatever changed since; a repeat inside one batch gets the
//! answer of its first copy; one answer per practice session and position; records are
//! bounded in size and fields; restore pages are bounded in bytes.

mod common;

use common::*;
use reqwest::StatusCode;
use resapi_core::sync::{
    MAX_PAGE_BYTES, MAX_RECORD_BYTES, RecordStatus, RecordsPage, SyncResponse, json_len,
    parse_record,
};
use resapi_server::AppState;
use serde_json::{Value, json};
use std::path::Path;
use uuid::Uuid;

fn answer_at(account: Uuid, session: Uuid, position: u32, question: &str, option: &str) -> Value {
    json!({
        "id": Uuid::now_v7(),
        "kind": "practice_answer",
        "account_id": account,
        "created_at": "2025-01-06T01:02:03Z",
        "payload": {
            "attempt_id": session,
            "question_id": question,
            "option_id": option,
            "correct": option == "b",
            "content_version": "v1",
            "position": position
        }
    })
}

/// A commitment check-in: free text and no reference to content (the fixture content has
/// no modules).
fn checkin(account: Uuid, note: &str) -> Value {
    json!({
        "id": Uuid::now_v7(),
        "kind": "commitment_checkin",
        "account_id": account,
        "created_at": "2025-02-01T08:00:00+07:00",
        "payload": {"commitment_id": Uuid::now_v7(), "outcome": "partly", "note": note}
    })
}

/// A second server over the same database file with other content (a content update
/// deployed between two syncs of the phone).
/// A sync to the server at `base` (another server than `srv`, on the same database).
async fn sync_at(http: &reqwest::Client, base: &str, token: &str, body: Value) -> SyncResponse {
    let res = http
        .post(format!("{base}/api/v1/sync"))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

async fn serve_other_content(db: &Path, content: &Path) -> String {
    let state = AppState::open(db, content, Path::new("/nonexistent-dist"))
        .await
        .unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        axum::serve(listener, resapi_server::http::app(state))
            .await
            .unwrap();
    });
    format!("http://{addr}")
}

#[tokio::test]
async fn a_stored_answer_is_a_duplicate_on_resend_after_its_question_left_the_content() {
    let srv = start().await;
    let auth = srv.register(1).await;
    let me = auth.account.id;
    let answer = answer_at(me, Uuid::now_v7(), 0, "adaptif-003", "b");
    let first = srv.sync(&auth.token, vec![answer.clone()]).await;
    assert_eq!(statuses(&first), vec![RecordStatus::Stored]);

    // A content update removes the question (renamed away); the server restarts with it.
    let content = srv.dir.path().join("content-next");
    copy_dir(&fixture_content(), &content);
    let questions = content.join("questions/adaptif.toml");
    let toml = std::fs::read_to_string(&questions).unwrap();
    std::fs::write(
        &questions,
        toml.replace("id = \"adaptif-003\"", "id = \"adaptif-903\""),
    )
    .unwrap();
    let next = serve_other_content(&srv.db_path(), &content).await;

    // The phone never got the acknowledgement and resends: it must hear `duplicate`, not a
    // rejection that would park an answer the server already holds under "Perlu perhatian".
    let resend: SyncResponse =
        sync_at(&srv.http, &next, &auth.token, json!({"records": [answer]})).await;
    assert_eq!(statuses(&resend), vec![RecordStatus::Duplicate]);
    // A new answer to the removed question is refused, so the rule is really in force.
    let fresh: SyncResponse = sync_at(
        &srv.http,
        &next,
        &auth.token,
        json!({"records": [answer_at(me, Uuid::now_v7(), 1, "adaptif-003", "b")]}),
    )
    .await;
    assert_eq!(error_codes(&fresh), vec![Some("unknown_question")]);
    assert_eq!(srv.count("SELECT COUNT(*) FROM records").await, 1);
}

#[tokio::test]
async fn a_record_stored_under_older_time_rules_is_a_duplicate_on_resend() {
    let srv = start().await;
    let auth = srv.register(2).await;
    let me = auth.account.id;
    // Stored by an older server that had no time bounds (or whose clock allowed it then):
    // one from 2020, one three days ahead of today's clock.
    let ahead = time::OffsetDateTime::now_utc() + time::Duration::days(3);
    let ahead = ahead
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    let mut old_rules = Vec::new();
    for created_at in ["2020-06-01T03:00:00Z", ahead.as_str()] {
        let mut record = checkin(me, "Catatan lama");
        record["created_at"] = json!(created_at);
        let parsed = parse_record(&record).unwrap();
        sqlx::query(
            "INSERT INTO records (id, account_id, kind, created_at, received_at, payload, content_hash) \
             VALUES ($1, $2, 'commitment_checkin', $3, '2020-06-01T03:00:01Z', $4, $5)",
        )
        .bind(parsed.id.to_string())
        .bind(me.to_string())
        .bind(created_at)
        .bind(resapi_server::records::canonical_json(&parsed.payload))
        .bind(resapi_server::records::fingerprint(&parsed))
        .execute(&srv.db)
        .await
        .unwrap();
        old_rules.push(record);
    }
    let resend = srv.sync(&auth.token, old_rules.clone()).await;
    assert_eq!(statuses(&resend), vec![RecordStatus::Duplicate; 2]);

    // The same times on new records are refused: the bounds apply to what is new.
    let mut new_old = checkin(me, "Baru");
    new_old["created_at"] = json!("2020-06-01T03:00:00Z");
    let mut new_ahead = checkin(me, "Baru");
    new_ahead["created_at"] = json!(ahead);
    let fresh = srv.sync(&auth.token, vec![new_old, new_ahead]).await;
    assert_eq!(
        error_codes(&fresh),
        vec![Some("created_too_early"), Some("created_in_future")]
    );
    // A changed copy of a stored id is still a conflict, not a time error.
    let mut changed = old_rules[0].clone();
    changed["payload"]["text"] = json!("Diubah");
    let conflict = srv.sync(&auth.token, vec![changed]).await;
    assert_eq!(error_codes(&conflict), vec![Some("id_conflict")]);
    assert_eq!(srv.count("SELECT COUNT(*) FROM records").await, 2);
}

#[tokio::test]
async fn a_repeat_inside_one_batch_gets_the_final_answer_of_its_first_copy() {
    let srv = start().await;
    let auth = srv.register(3).await;
    let me = auth.account.id;
    let stored = checkin(me, "Sudah tersimpan");
    srv.sync(&auth.token, vec![stored.clone()]).await;

    let mut conflicting = stored.clone();
    conflicting["payload"]["text"] = json!("Isi lain dengan id yang sama");
    let unknown = answer_at(me, Uuid::now_v7(), 0, "adaptif-999", "b");
    let fresh = checkin(me, "Baru");
    let mut fresh_changed = fresh.clone();
    fresh_changed["payload"]["text"] = json!("Baru, diubah");
    let batch = vec![
        conflicting.clone(),
        conflicting,
        unknown.clone(),
        unknown,
        fresh.clone(),
        fresh,
        fresh_changed,
    ];
    let res = srv.sync(&auth.token, batch).await;
    assert_eq!(
        error_codes(&res),
        vec![
            Some("id_conflict"),
            Some("id_conflict"),
            Some("unknown_question"),
            Some("unknown_question"),
            None,
            None,
            Some("id_conflict"),
        ]
    );
    assert_eq!(
        statuses(&res)[4..6],
        [RecordStatus::Stored, RecordStatus::Duplicate]
    );
    assert_eq!(
        res.results[2].error, res.results[3].error,
        "the same message too"
    );
    assert_eq!(srv.count("SELECT COUNT(*) FROM records").await, 2);
}

#[tokio::test]
async fn a_second_answer_for_the_same_session_position_is_refused_already_answered() {
    let srv = start().await;
    let auth = srv.register(4).await;
    let me = auth.account.id;
    let session = Uuid::now_v7();
    let first = answer_at(me, session, 1, "adaptif-001", "b");
    let res = srv.sync(&auth.token, vec![first.clone()]).await;
    assert_eq!(statuses(&res), vec![RecordStatus::Stored]);

    // The stale tab's answer to the same position, in a later batch; and two answers for
    // one position inside one batch.
    let stale = answer_at(me, session, 1, "adaptif-001", "a");
    let later = srv.sync(&auth.token, vec![stale, first.clone()]).await;
    assert_eq!(error_codes(&later), vec![Some("already_answered"), None]);
    assert_eq!(statuses(&later)[1], RecordStatus::Duplicate);
    let both = srv
        .sync(
            &auth.token,
            vec![
                answer_at(me, session, 2, "adaptif-002", "b"),
                answer_at(me, session, 2, "adaptif-002", "c"),
            ],
        )
        .await;
    assert_eq!(error_codes(&both), vec![None, Some("already_answered")]);
    assert!(!both.results[1].error.as_ref().unwrap().message.is_empty());

    // The batch's answer slots are claimed together when it ends: a refused answer sent
    // twice in one batch is refused twice (its repeat follows it), and only the answer that
    // claimed a free position is stored.
    let stale_again = answer_at(me, session, 2, "adaptif-002", "d");
    let free = answer_at(me, session, 3, "adaptif-003", "a");
    let repeated = srv
        .sync(&auth.token, vec![stale_again.clone(), free, stale_again])
        .await;
    assert_eq!(
        error_codes(&repeated),
        vec![Some("already_answered"), None, Some("already_answered")]
    );
    assert_eq!(statuses(&repeated)[1], RecordStatus::Stored);

    // Another account naming the same practice session id cannot block this person's positions,
    // nor be blocked by them.
    let other = srv.register(5).await;
    let theirs = srv
        .sync(
            &other.token,
            vec![answer_at(other.account.id, session, 1, "adaptif-001", "b")],
        )
        .await;
    assert_eq!(statuses(&theirs), vec![RecordStatus::Stored]);
    assert_eq!(
        srv.count("SELECT COUNT(*) FROM records WHERE kind = 'practice_answer'")
            .await,
        4
    );
    assert_eq!(srv.count("SELECT COUNT(*) FROM answer_slots").await, 4);
}

#[tokio::test]
async fn oversized_and_out_of_bounds_records_are_refused_one_by_one() {
    let srv = start().await;
    let auth = srv.register(6).await;
    let me = auth.account.id;
    let good = checkin(me, "Baik");
    let big = checkin(me, &"a".repeat(MAX_RECORD_BYTES));
    let mut padded = checkin(me, "Baik");
    padded["payload"]["junk"] = json!("b".repeat(MAX_RECORD_BYTES));
    let session = json!({
        "id": Uuid::now_v7(), "kind": "practice_attempt", "account_id": me,
        "created_at": "2025-01-06T01:05:00Z",
        "payload": {"scope": "adaptif", "question_ids": ["adaptif-001", "tidak-ada"],
                    "answered": 1, "correct": 1, "completed": false,
                    "started_at": "2025-01-06T01:00:00Z", "content_version": "v1"}
    });
    let res = srv
        .sync(&auth.token, vec![big, good, padded, session])
        .await;
    assert_eq!(
        error_codes(&res),
        vec![
            Some("record_too_large"),
            None,
            Some("record_too_large"),
            Some("unknown_question")
        ]
    );
    assert_eq!(srv.count("SELECT COUNT(*) FROM records").await, 1);
}

#[tokio::test]
async fn restore_pages_stay_under_the_byte_limit_and_lose_nothing() {
    let srv = start().await;
    let auth = srv.register(7).await;
    let me = auth.account.id;
    // 100 check-ins with notes of 2,000 three-byte characters: about 6 KB each, 620 KB in all.
    let text = "—".repeat(2000);
    let mut ids = Vec::new();
    for _ in 0..2 {
        let batch: Vec<Value> = (0..50).map(|_| checkin(me, &text)).collect();
        ids.extend(batch.iter().map(|r| r["id"].as_str().unwrap().to_owned()));
        let res = srv.sync(&auth.token, batch).await;
        assert!(statuses(&res).iter().all(|s| *s == RecordStatus::Stored));
    }
    let mut seen = Vec::new();
    let mut since = String::new();
    let mut pages = 0;
    loop {
        let res = srv
            .get(
                &format!("/api/v1/me/records?limit=500&since={since}"),
                Some(&auth.token),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        let body = res.bytes().await.unwrap();
        let page: RecordsPage = serde_json::from_slice(&body).unwrap();
        let records_bytes: usize = page
            .records
            .iter()
            .map(|r| json_len(&serde_json::to_value(r).unwrap()))
            .sum();
        println!(
            "restore page {pages}: {} records, {} bytes of records, {} bytes of body",
            page.records.len(),
            records_bytes,
            body.len()
        );
        assert!(records_bytes <= MAX_PAGE_BYTES);
        assert!(!page.records.is_empty());
        seen.extend(page.records.iter().map(|r| r.record.id.to_string()));
        pages += 1;
        match page.next_since {
            Some(next) => since = next,
            None => break,
        }
    }
    assert!(pages >= 2, "620 KB cannot fit one 512 KiB page");
    assert_eq!(seen, ids, "every record once, oldest first");
}

#[tokio::test]
async fn a_database_from_before_the_slot_rule_keeps_its_first_answer_per_position() {
    let dir = tempfile::tempdir().unwrap();
    let db_path = dir.path().join("old.db");
    // The schema as it was before answer_slots, with a doubled answer already stored (the
    // two-tabs bug): two answers for position 0 of one practice session.
    let first_only = dir.path().join("migrations");
    std::fs::create_dir_all(&first_only).unwrap();
    let migrations = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations/sqlite");
    std::fs::copy(
        migrations.join("0001_init.sql"),
        first_only.join("0001_init.sql"),
    )
    .unwrap();
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(&db_path)
        .create_if_missing(true);
    let old = sqlx::SqlitePool::connect_with(options).await.unwrap();
    sqlx::migrate::Migrator::new(first_only.as_path())
        .await
        .unwrap()
        .run(&old)
        .await
        .unwrap();
    let account = Uuid::now_v7();
    let session = Uuid::now_v7();
    sqlx::query("INSERT INTO units (id, name) VALUES ('u', 'Unit')")
        .execute(&old)
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO accounts (id, nip, name, unit_id, password_hash, created_at) \
         VALUES ($1, '198503122010011001', 'Siti', 'u', 'x', '2025-01-01T00:00:00Z')",
    )
    .bind(account.to_string())
    .execute(&old)
    .await
    .unwrap();
    let mut ids = Vec::new();
    for option in ["b", "a"] {
        let raw = answer_at(account, session, 0, "adaptif-001", option);
        let parsed = parse_record(&raw).unwrap();
        sqlx::query(
            "INSERT INTO records (id, account_id, kind, created_at, received_at, payload, content_hash) \
             VALUES ($1, $2, 'practice_answer', '2025-01-06T01:02:03Z', '2025-01-06T01:02:04Z', $3, $4)",
        )
        .bind(parsed.id.to_string())
        .bind(account.to_string())
        .bind(resapi_server::records::canonical_json(&parsed.payload))
        .bind(resapi_server::records::fingerprint(&parsed))
        .execute(&old)
        .await
        .unwrap();
        ids.push(parsed.id.to_string());
    }
    old.close().await;

    // The new server migrates it: the first answer stored holds the slot, nothing is lost.
    let store = resapi_server::store::Store::open(&db_path).await.unwrap();
    let db = store.sqlite().unwrap().clone();
    let slots: Vec<(String, i64)> = sqlx::query_as("SELECT record_id, position FROM answer_slots")
        .fetch_all(&db)
        .await
        .unwrap();
    assert_eq!(slots, vec![(ids[0].clone(), 0)]);
    let records: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM records")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(records, 2, "acknowledged records are never deleted");
}
