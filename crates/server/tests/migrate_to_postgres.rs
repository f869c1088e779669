//! `resapi-server migrate-to-postgres` (docs/database.md, "Moving to PostgreSQL"): a SQLite
//! installation moves into an empty PostgreSQL database with every row intact. Needs a
//! PostgreSQL server (`RESAPI_TEST_POSTGRES`, set by scripts/test.sh); without one the test
//! says so and checks nothing.

mod common;

use common::*;
use resapi_core::api::AuthResponse;
use resapi_core::content::ContentBundle;
use resapi_core::sync::{RecordStatus, SyncResponse};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::path::Path;

const TABLES: &[&str] = resapi_server::store::transfer::TABLES;

/// seq, id, owner, created, received, payload, content hash, judgement as text.
type RecordRow = (
    i64,
    String,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
);

async fn post(http: &reqwest::Client, url: String, body: Value, token: Option<&str>) -> Value {
    let mut req = http.post(url).json(&body);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let res = req.send().await.unwrap();
    assert!(res.status().is_success(), "{}", res.status());
    res.json().await.unwrap()
}

/// Every record of the account, as JSON.
async fn all_records(http: &reqwest::Client, base: &str, token: &str) -> Vec<Value> {
    restore(http, base, token, 7)
        .await
        .iter()
        .map(|r| serde_json::to_value(r).unwrap())
        .collect()
}

/// Rows per table and a checksum of the records, read through the database itself (the
/// judgement normalised: SQLite keeps it as 1/0, PostgreSQL as a boolean).
async fn fingerprint(db: &Path) -> (Vec<i64>, String) {
    let pool = any_pool(db).await;
    let mut counts = Vec::new();
    for table in TABLES {
        let sql = format!("SELECT COUNT(*) FROM {table}");
        counts.push(
            sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
                .fetch_one(&pool)
                .await
                .unwrap(),
        );
    }
    let rows: Vec<RecordRow> = sqlx::query_as(
        "SELECT seq, id, account_id, created_at, received_at, payload, content_hash, \
             CAST(server_correct AS TEXT) FROM records ORDER BY seq",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let mut hash = Sha256::new();
    for (seq, id, account, created, received, payload, content_hash, judged) in rows {
        let judged = judged.map(|j| j == "1" || j == "true");
        hash.update(
            format!(
                "{seq}|{id}|{account}|{created}|{received}|{payload}|{content_hash}|{judged:?}\n"
            )
            .as_bytes(),
        );
    }
    pool.close().await;
    let checksum = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
    (counts, checksum)
}

#[tokio::test]
async fn a_sqlite_installation_moves_to_postgres_with_every_record_account_and_session() {
    let Some(target) = new_postgres_db() else {
        eprintln!("no RESAPI_TEST_POSTGRES: migrate-to-postgres is not checked here");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("data/resapi.db");
    let http = reqwest::Client::new();

    // An office on SQLite: three people, their practice and notes.
    let old = spawn_server(&file, &[]);
    let content: ContentBundle = get_json(&http, &old.url("/api/v1/content"), None).await;
    let mut people: Vec<AuthResponse> = Vec::new();
    for n in 1..=3 {
        let body = json!({"nip": nip(n), "name": format!("Pegawai {n}"), "password": PASSWORD, "unit_id": UNIT});
        let auth = post(&http, old.url("/api/v1/auth/register"), body, None).await;
        people.push(serde_json::from_value(auth).unwrap());
    }
    for (i, person) in people.iter().enumerate() {
        let me = person.account.id;
        let mut records = vec![practice_session_record(me, &content.version)];
        for (k, q) in content.questions.iter().take(4 + i).enumerate() {
            let at = format!("2025-0{}-1{k}T08:00:00+07:00", i + 1);
            records.push(answer_at(me, q, k % 2 == 0, &at, &content.version));
        }
        let res: SyncResponse = serde_json::from_value(
            post(
                &http,
                old.url("/api/v1/sync"),
                json!({ "records": records }),
                Some(&person.token),
            )
            .await,
        )
        .unwrap();
        assert!(res.results.iter().all(|r| r.status == RecordStatus::Stored));
    }
    let before_pages = all_records(&http, &old.base, &people[2].token).await;
    old.stop();
    let before = fingerprint(&file).await;
    assert!(before.0[TABLES.iter().position(|t| *t == "records").unwrap()] >= 15);

    let migrate = || {
        server_command()
            .arg("migrate-to-postgres")
            .arg("--from")
            .arg(&file)
            .arg("--to")
            .arg(&target)
            .output()
            .unwrap()
    };
    let out = migrate();
    let stdout = output_text(&out);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("3 account(s)") && stdout.contains("checked"),
        "{stdout}"
    );

    // Counts and the records' checksum are equal, read independently on each side.
    let after = fingerprint(&target).await;
    assert_eq!(before, after);

    // The installation runs on PostgreSQL as it did: sessions, passwords and cursors hold.
    let new = spawn_server(&target, &[]);
    assert_eq!(
        all_records(&http, &new.base, &people[2].token).await,
        before_pages,
        "an old session reads the same records"
    );
    let login = json!({"nip": nip(1), "password": PASSWORD});
    let auth: AuthResponse =
        serde_json::from_value(post(&http, new.url("/api/v1/auth/login"), login, None).await)
            .unwrap();
    let next = practice_session_record(auth.account.id, &content.version);
    post(
        &http,
        new.url("/api/v1/sync"),
        json!({ "records": [next.clone()] }),
        Some(&auth.token),
    )
    .await;
    let mine = all_records(&http, &new.base, &auth.token).await;
    assert_eq!(
        mine.last().unwrap()["id"],
        next["id"],
        "a new record comes after the moved ones"
    );
    new.stop();

    // A second move into the same database is refused: it is no longer empty.
    let again = migrate();
    assert!(!again.status.success());
    assert!(output_text(&again).contains("not empty"));
}
