//! Two server processes over one database, as behind a load balancer (docs/database.md,
//! "Several processes"): a phone's session, records and cursor are the same through either.
//! On PostgreSQL under `RESAPI_TEST_POSTGRES`; on one SQLite file otherwise (several processes
//! on one machine).

mod common;

use common::*;
use reqwest::StatusCode;
use resapi_core::api::AuthResponse;
use resapi_core::content::ContentBundle;
use resapi_core::sync::{RecordStatus, SyncResponse};
use serde_json::{Value, json};

async fn sync(http: &reqwest::Client, base: &str, token: &str, records: &[Value]) -> SyncResponse {
    let res = http
        .post(format!("{base}/api/v1/sync"))
        .bearer_auth(token)
        .json(&json!({ "records": records }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

/// The account's record ids as a restore reads them through `base`.
async fn restored_ids(http: &reqwest::Client, base: &str, token: &str) -> Vec<String> {
    restore(http, base, token, 4)
        .await
        .iter()
        .map(|r| r.record.id.to_string())
        .collect()
}

fn ids(records: &[Value]) -> Vec<String> {
    records
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn a_phone_syncs_through_either_of_two_processes_and_every_record_is_stored_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = test_db(&dir.path().join("resapi.db"));
    let one = spawn_server(&db, &[]);
    let two = spawn_server(&db, &[]);
    let http = reqwest::Client::new();
    let content: ContentBundle = get_json(&http, &one.url("/api/v1/content"), None).await;
    let auth: AuthResponse = http
        .post(one.url("/api/v1/auth/register"))
        .json(&json!({"nip": nip(1), "name": "Siti Rahma", "password": PASSWORD, "unit_id": UNIT}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let me = auth.account.id;
    let answers: Vec<Value> = content
        .questions
        .iter()
        .take(9)
        .enumerate()
        .map(|(k, q)| {
            let at = format!("2025-03-0{}T08:00:00+07:00", k + 1);
            answer_at(me, q, k % 3 == 0, &at, &content.version)
        })
        .collect();

    // Through the first process, then the second (the session made by the first holds).
    let first = sync(&http, &one.base, &auth.token, &answers[..3]).await;
    assert_eq!(statuses(&first), vec![RecordStatus::Stored; 3]);
    let second = sync(&http, &two.base, &auth.token, &answers[3..6]).await;
    assert_eq!(statuses(&second), vec![RecordStatus::Stored; 3]);

    // Then both at once, each with everything (a retry racing the first try): the new
    // records are stored once, by one of them; the other hears `duplicate`.
    let (a, b) = tokio::join!(
        sync(&http, &one.base, &auth.token, &answers),
        sync(&http, &two.base, &auth.token, &answers)
    );
    for (k, (x, y)) in a.results.iter().zip(&b.results).enumerate() {
        let mut pair = [x.status, y.status];
        pair.sort_by_key(|s| *s == RecordStatus::Stored);
        let expected = if k < 6 {
            [RecordStatus::Duplicate, RecordStatus::Duplicate]
        } else {
            // Stored by exactly one process.
            [RecordStatus::Duplicate, RecordStatus::Stored]
        };
        assert_eq!(pair, expected, "record {k}");
    }

    // Either process restores the same records, each once, in the order they were stored.
    let through_one = restored_ids(&http, &one.base, &auth.token).await;
    let through_two = restored_ids(&http, &two.base, &auth.token).await;
    assert_eq!(through_one, through_two);
    let mut sorted = through_one.clone();
    sorted.sort();
    let mut sent = ids(&answers);
    sent.sort();
    assert_eq!(sorted, sent, "every record once");
    assert_eq!(through_one[..6], ids(&answers[..6]));

    // Logging out through one process ends the session on the other.
    let out = http
        .post(two.url("/api/v1/auth/logout"))
        .bearer_auth(&auth.token)
        .send()
        .await
        .unwrap();
    assert!(out.status().is_success(), "{}", out.status());
    let after = http
        .get(one.url("/api/v1/me/records"))
        .bearer_auth(&auth.token)
        .send()
        .await
        .unwrap();
    assert_eq!(after.status(), StatusCode::UNAUTHORIZED);
    one.stop();
    two.stop();
}

/// A dashboard is cached per process until the facts change. A write through one process
/// must end the other's cached dashboards too (PostgreSQL: a shared generation); SQLite
/// keeps one process per file, apart from admin commands.
#[tokio::test]
async fn a_change_through_one_process_ends_the_other_processes_cached_dashboards() {
    let Some(db) = new_postgres_db() else {
        eprintln!("no RESAPI_TEST_POSTGRES: the shared facts generation is not checked here");
        return;
    };
    let one = resapi_server::store::Store::open(&db).await.unwrap();
    let two = resapi_server::store::Store::open(&db).await.unwrap();
    let before = one.facts_generation().await;
    assert_eq!(one.facts_generation().await, before, "nothing changed yet");
    two.sync_units(&[resapi_core::content::Unit {
        id: "bkn".into(),
        name: "BKN".into(),
        parent_id: None,
    }])
    .await
    .unwrap();
    let after = one.facts_generation().await;
    assert_ne!(after, before, "the other process's write is seen");
    assert_eq!(two.facts_generation().await, after);
}
