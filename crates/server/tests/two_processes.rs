//! Two server processes over one database, as behind a load balancer (docs/database.md,
//! "Several processes"): a phone's session, records and cursor are the same through either.
//! On PostgreSQL under `RESAPI_TEST_POSTGRES`; on one SQLite file otherwise (several processes
//! on one machine).

mod common;

use common::live::Socket;
use common::*;
use reqwest::StatusCode;
use resapi_core::api::{AuthResponse, Role};
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

/// An account made straight in the shared database, with a session; returns its token.
async fn signed_in(store: &resapi_server::store::Store, n: u32, roles: &[Role]) -> String {
    let mut all = vec![Role::Employee];
    all.extend_from_slice(roles);
    let row = store
        .create_account(resapi_server::store::NewAccount {
            nip: &nip_digits(n),
            name: &format!("Pegawai {n:03}"),
            unit_id: UNIT,
            password_hash: "x",
            roles: &all,
        })
        .await
        .unwrap();
    store.create_session(row.uuid().unwrap()).await.unwrap().0
}

/// A running live game lives in the memory of the process that created it. Each process
/// hands out its own last digits of join codes, and a game's id ends in its code's digit,
/// so a load balancer can send every request about a game to its process (docs/deploy.md:
/// nginx maps the last digit of the code or id to a process). The test routes as that map
/// does: a game made through either process is hosted and joined through the process its
/// code names, and the other process answers a clear 404 `live_no_such_game`.
#[tokio::test]
async fn a_live_game_is_reached_through_the_process_its_code_ends_in() {
    let dir = tempfile::tempdir().unwrap();
    let db = test_db(&dir.path().join("resapi.db"));
    let low = spawn_server(&db, &["--live-code-endings", "01234"]);
    let high = spawn_server(&db, &["--live-code-endings", "5,6,7,8,9"]);
    let store = resapi_server::store::Store::open(&db).await.unwrap();
    let trainer = signed_in(&store, 1, &[Role::Trainer]).await;
    let player = signed_in(&store, 2, &[]).await;
    // The load balancer's rule (docs/deploy.md), as the test's own function.
    let route = |last: char| if "01234".contains(last) { &low } else { &high };
    let config = json!({
        "source": {"kind": "questions", "question_ids": ["akuntabel-001", "akuntabel-002"]},
        "question_count": 2,
        "seconds_per_question": 10,
        "scoring": "accuracy_only",
        "team_mode": false,
        "guests_allowed": false,
        "extra_time_allowed": false,
        "max_players": 10
    });
    let http = reqwest::Client::new();
    for (made_by, other) in [(&low, &high), (&high, &low), (&low, &high)] {
        let res = http
            .post(made_by.url("/api/v1/live/games"))
            .bearer_auth(&trainer)
            .json(&config)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::CREATED);
        let created: Value = res.json().await.unwrap();
        let id = created["id"].as_str().unwrap().to_owned();
        let code = created["code"].as_str().unwrap().to_owned();
        let last = code.chars().last().unwrap();
        assert_eq!(id.chars().last(), Some(last), "the id routes like the code");
        assert!(
            std::ptr::eq(route(last), made_by),
            "code {code} made by {} routes elsewhere",
            made_by.base
        );

        // Misrouted, the other process does not know the game: a clear 404, for the phone
        // and for the host.
        let res = http
            .get(other.url(&format!("/api/v1/live/join/{code}/ws?token={player}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        assert_eq!(error_code(res).await, "live_no_such_game");
        let res = http
            .get(other.url(&format!("/api/v1/live/games/{id}/ws?token={trainer}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND);

        // Routed by the code, the host runs the game and a phone joins it.
        let at = route(last);
        let mut host =
            Socket::connect(&at.url(&format!("/api/v1/live/games/{id}/ws?token={trainer}"))).await;
        host.until_type("host").await;
        let mut phone =
            Socket::connect(&at.url(&format!("/api/v1/live/join/{code}/ws?token={player}"))).await;
        phone.send(json!({"type": "join"})).await;
        phone.until_type("welcome").await;
        host.host("end").await;
        phone.until_phase("ended").await;
    }
    low.stop();
    high.stop();
}
