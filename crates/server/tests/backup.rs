//! The database file as an operator handles it: private to the server's user, backed up
//! while the server runs, and restored by starting a server on the copy.

mod common;

use common::*;
use reqwest::StatusCode;
use resapi_core::api::AuthResponse;
use resapi_core::content::ContentBundle;
use resapi_core::sync::{RecordStatus, SyncResponse};
use serde_json::{Value, json};
use std::collections::HashSet;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

struct Phone {
    http: reqwest::Client,
    base: String,
    auth: AuthResponse,
    content: ContentBundle,
}

impl Phone {
    async fn register(base: &str) -> Phone {
        let http = reqwest::Client::new();
        let res = http
            .post(format!("{base}/api/v1/auth/register"))
            .json(&json!({"nip": nip(1), "name": "Siti Rahma", "password": PASSWORD, "unit_id": UNIT}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::CREATED);
        let auth = res.json().await.unwrap();
        let content = get_json(&http, &format!("{base}/api/v1/content"), None).await;
        Phone {
            http,
            base: base.to_owned(),
            auth,
            content,
        }
    }

    /// Sends `count` answers; returns the ids the server acknowledged as stored.
    async fn sync_answers(&self, count: usize) -> Vec<String> {
        let q = &self.content.questions[0];
        let records: Vec<Value> = (0..count)
            .map(|_| {
                answer_record(
                    self.auth.account.id,
                    q,
                    &q.answer,
                    true,
                    &self.content.version,
                )
            })
            .collect();
        let res = self
            .http
            .post(format!("{}/api/v1/sync", self.base))
            .bearer_auth(&self.auth.token)
            .json(&json!({ "records": records }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let answer: SyncResponse = res.json().await.unwrap();
        answer
            .results
            .into_iter()
            .map(|r| {
                assert_eq!(r.status, RecordStatus::Stored, "{:?}", r.error);
                r.id
            })
            .collect()
    }
}

/// Logs in on `base` and pages through every record of the account.
async fn restored_ids(base: &str) -> HashSet<String> {
    let http = reqwest::Client::new();
    let auth: AuthResponse = http
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({"nip": nip(1), "password": PASSWORD}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mut ids = HashSet::new();
    let mut path = "/api/v1/me/records".to_owned();
    loop {
        let page: Value = get_json(&http, &format!("{base}{path}"), Some(&auth.token)).await;
        for r in page["records"].as_array().unwrap() {
            assert!(ids.insert(r["id"].as_str().unwrap().to_owned()), "doubled");
        }
        match page["next_since"].as_str() {
            Some(since) => path = format!("/api/v1/me/records?since={since}"),
            None => return ids,
        }
    }
}

fn backup(db: &Path, to: &Path) -> std::process::Output {
    server_command()
        .env("RUST_LOG", "warn")
        .arg("backup")
        .arg("--db")
        .arg(db)
        .arg("--to")
        .arg(to)
        .output()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_while_syncing_restores_every_acknowledged_record() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data/resapi.db");
    let server = spawn_server(&db, &[]);
    let phone = Phone::register(&server.base).await;
    // The database and SQLite's companion files are the server user's alone.
    for file in ["resapi.db", "resapi.db-wal", "resapi.db-shm"] {
        assert_eq!(mode(&dir.path().join("data").join(file)), 0o600, "{file}");
    }

    let mut acknowledged = Vec::new();
    for _ in 0..4 {
        acknowledged.extend(phone.sync_answers(50).await);
    }
    // Phones keep syncing while the backup is taken.
    let phone = std::sync::Arc::new(phone);
    let busy = {
        let phone = phone.clone();
        tokio::spawn(async move {
            let mut later = Vec::new();
            for _ in 0..10 {
                later.extend(phone.sync_answers(20).await);
            }
            later
        })
    };
    let copy = dir.path().join("backups/resapi-2026-12-01.db");
    let out = tokio::task::spawn_blocking({
        let (db, copy) = (db.clone(), copy.clone());
        move || backup(&db, &copy)
    })
    .await
    .unwrap();
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        said.contains("1 account(s)") && said.contains("checked"),
        "{said}"
    );
    let during = busy.await.unwrap();
    assert_eq!(mode(&copy), 0o600);
    // A backup never overwrites a file.
    let again = backup(&db, &copy);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    server.stop();

    // Restore: a server started on the copy has every record acknowledged before the
    // backup, none twice, and nothing that was never acknowledged.
    let restored = spawn_server(&copy, &[]);
    let ids = restored_ids(&restored.base).await;
    restored.stop();
    let before: HashSet<String> = acknowledged.into_iter().collect();
    let all: HashSet<String> = before.iter().cloned().chain(during).collect();
    println!(
        "backup during sync: {} acknowledged before it, {} restored (of {} acknowledged in all)",
        before.len(),
        ids.len(),
        all.len()
    );
    assert!(
        before.is_subset(&ids),
        "a record acknowledged before the backup is missing"
    );
    assert!(ids.is_subset(&all));
}

#[tokio::test]
async fn an_existing_database_readable_by_others_is_made_private_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("resapi.db");
    resapi_server::store::Store::open(&db)
        .await
        .unwrap()
        .close()
        .await;
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    let pool = resapi_server::store::Store::open(&db).await.unwrap();
    assert_eq!(mode(&db), 0o600);
    assert_eq!(mode(&resapi_server::store::sidecar(&db, "-wal")), 0o600);
    pool.close().await;
    // A backup of a database that does not exist is refused, and creates nothing.
    let out = backup(&dir.path().join("nothing.db"), &dir.path().join("copy.db"));
    assert!(!out.status.success());
    assert!(!dir.path().join("nothing.db").exists() && !dir.path().join("copy.db").exists());
}
