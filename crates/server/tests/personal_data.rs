//! A person's data (UU 27/2022): the download of everything the server holds about them,
//! "log out of every device", erasure by the person (password asked again) and by an
//! operator (`resapi-server erase-account`), each leaving other people's data untouched.

mod common;

use common::*;
use reqwest::StatusCode;
use reqwest::header;
use resapi_core::api::AuthResponse;
use serde_json::{Value, json};
use std::process::Command;

async fn try_login(srv: &Server, n: u32) -> reqwest::Response {
    srv.post(
        "/api/v1/auth/login",
        &json!({"nip": nip(n), "password": PASSWORD}),
        None,
    )
    .await
}

async fn login(srv: &Server, n: u32) -> AuthResponse {
    let res = try_login(srv, n).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

async fn erase(srv: &Server, password: &str, token: Option<&str>) -> reqwest::Response {
    srv.post("/api/v1/me/erase", &json!({ "password": password }), token)
        .await
}

/// An answer and a session summary for the account, acknowledged by the server; their ids.
async fn two_records(srv: &Server, auth: &AuthResponse) -> Vec<String> {
    let content = srv.content().await;
    let q = &content.questions[0];
    let records = vec![
        answer_record(auth.account.id, q, &q.answer, true, &content.version),
        practice_session_record(auth.account.id, &content.version),
    ];
    let ids = records
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    let res = srv.sync(&auth.token, records).await;
    assert!(res.results.iter().all(|r| r.error.is_none()), "{res:?}");
    ids
}

async fn records_of(srv: &Server, account: &str) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM records WHERE account_id = $1")
        .bind(account)
        .fetch_one(&srv.db)
        .await
        .unwrap()
}

async fn status_of_token(srv: &Server, token: &str) -> StatusCode {
    srv.get("/api/v1/me/records", Some(token)).await.status()
}

#[tokio::test]
async fn the_export_holds_everything_about_the_caller_and_nothing_of_anyone_else() {
    let srv = start().await;
    let a = srv.register(11).await;
    let b = srv.register(12).await;
    let a_ids = two_records(&srv, &a).await;
    let b_ids = two_records(&srv, &b).await;
    let a2 = login(&srv, 11).await;
    srv.post("/api/v1/auth/logout", &json!({}), Some(&a2.token))
        .await;

    let res = srv.get("/api/v1/me/export", Some(&a.token)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let disposition = res.headers()[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        disposition.starts_with("attachment;")
            && disposition.contains(&format!("resapi-data-{}-", nip_digits(11))),
        "{disposition}"
    );
    assert_eq!(res.headers()[header::CACHE_CONTROL], "no-store");
    let text = res.text().await.unwrap();
    let data: Value = serde_json::from_str(&text).unwrap();

    let account = &data["account"];
    assert_eq!(account["nip"], nip_digits(11));
    assert_eq!(account["name"], "Siti Rahma");
    assert_eq!(account["unit_id"], UNIT);
    assert!(account["unit_name"].as_str().is_some_and(|n| !n.is_empty()));
    assert_eq!(account["roles"], json!(["employee"]));
    assert!(account["created_at"].as_str().unwrap().starts_with("20"));

    // Both sessions (registration and the later login), the ended one with its end date.
    let sessions = data["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 2, "{sessions:?}");
    assert!(sessions[0]["revoked_at"].is_null());
    assert!(sessions[1]["revoked_at"].as_str().is_some());
    for s in sessions {
        let keys: Vec<&String> = s.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["created_at", "expires_at", "revoked_at"]);
    }

    let records = data["records"].as_array().unwrap();
    let ids: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, a_ids);
    assert!(
        records
            .iter()
            .all(|r| r["account_id"] == json!(a.account.id))
    );
    assert!(records[0]["payload"]["question_id"].is_string());
    assert!(records[0]["received_at"].is_string());

    // No secret and nothing of B's: not the tokens, not the password hash, not B's records.
    for secret in [
        a.token.as_str(),
        a2.token.as_str(),
        "$argon2",
        "token",
        "hash",
    ] {
        assert!(!text.contains(secret), "export contains {secret}");
    }
    for id in &b_ids {
        assert!(!text.contains(id.as_str()));
    }
    assert!(!text.contains(&nip_digits(12)));

    let res = srv.get("/api/v1/me/export", None).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(res).await, "unauthorized");
}

#[tokio::test]
async fn logout_all_ends_every_session_of_the_account_and_only_that_account() {
    let srv = start().await;
    let a = srv.register(21).await;
    let a_phone = login(&srv, 21).await;
    let a_laptop = login(&srv, 21).await;
    let b = srv.register(22).await;
    for token in [&a.token, &a_phone.token, &a_laptop.token, &b.token] {
        assert_eq!(status_of_token(&srv, token).await, StatusCode::OK);
    }

    let res = srv
        .post("/api/v1/auth/logout-all", &json!({}), Some(&a_phone.token))
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    for token in [&a.token, &a_phone.token, &a_laptop.token] {
        assert_eq!(status_of_token(&srv, token).await, StatusCode::UNAUTHORIZED);
    }
    assert_eq!(status_of_token(&srv, &b.token).await, StatusCode::OK);
    // The person can log in again at once (no lock-out).
    let again = login(&srv, 21).await;
    assert_eq!(status_of_token(&srv, &again.token).await, StatusCode::OK);

    let res = srv
        .post("/api/v1/auth/logout-all", &json!({}), Some(&a.token))
        .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn erasure_needs_the_password_and_then_removes_the_account_and_all_its_data() {
    let srv = start().await;
    let a = srv.register(31).await;
    let other_phone = login(&srv, 31).await;
    let b = srv.register(32).await;
    two_records(&srv, &a).await;
    let b_ids = two_records(&srv, &b).await;
    let a_id = a.account.id.to_string();
    assert_eq!(records_of(&srv, &a_id).await, 2);

    // A wrong password removes nothing.
    let res = erase(&srv, "bukan-sandinya", Some(&a.token)).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(res).await, "bad_credentials");
    // A body without the password is refused as such.
    let res = srv
        .post("/api/v1/me/erase", &json!({}), Some(&a.token))
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_code(res).await, "invalid_body");
    // Without a session nobody can erase anything.
    let res = erase(&srv, PASSWORD, None).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(records_of(&srv, &a_id).await, 2);
    assert_eq!(status_of_token(&srv, &a.token).await, StatusCode::OK);

    let res = erase(&srv, PASSWORD, Some(&a.token)).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);

    assert_eq!(records_of(&srv, &a_id).await, 0);
    for sql in [
        "SELECT COUNT(*) FROM accounts WHERE id = $1",
        "SELECT COUNT(*) FROM sessions WHERE account_id = $1",
        "SELECT COUNT(*) FROM account_roles WHERE account_id = $1",
    ] {
        let n: i64 = sqlx::query_scalar(sql)
            .bind(&a_id)
            .fetch_one(&srv.db)
            .await
            .unwrap();
        assert_eq!(n, 0, "{sql}");
    }
    for token in [&a.token, &other_phone.token] {
        assert_eq!(status_of_token(&srv, token).await, StatusCode::UNAUTHORIZED);
    }
    let res = try_login(&srv, 31).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(res).await, "bad_credentials");

    // B keeps everything.
    let res = srv.get("/api/v1/me/records", Some(&b.token)).await;
    let page: Value = res.json().await.unwrap();
    let ids: Vec<&str> = page["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, b_ids);

    // The NIP is free again: the person can start over.
    let fresh = srv.register(31).await;
    assert_ne!(fresh.account.id, a.account.id);
}

#[tokio::test]
async fn wrong_passwords_at_erasure_count_against_the_login_limit() {
    let srv = start().await;
    let a = srv.register(41).await;
    for _ in 0..10 {
        let res = erase(&srv, "tebakan-salah", Some(&a.token)).await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    }
    // A stolen token gives no more guesses than the login page: now even the right
    // password waits, at erasure and at login alike.
    let res = erase(&srv, PASSWORD, Some(&a.token)).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(res.headers().contains_key(header::RETRY_AFTER));
    assert_eq!(error_code(res).await, "too_many_attempts");
    let res = try_login(&srv, 41).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(records_of(&srv, &a.account.id.to_string()).await, 0);
    assert_eq!(status_of_token(&srv, &a.token).await, StatusCode::OK);
}

fn erase_cmd(srv: &Server, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_resapi-server"))
        .arg("erase-account")
        .args(args)
        .arg("--db")
        .arg(srv.db_path())
        .env_remove("RESAPI_DB")
        .env("RUST_LOG", "warn")
        .output()
        .unwrap()
}

#[tokio::test]
async fn the_erase_account_command_reports_first_and_erases_only_with_yes() {
    let srv = start().await;
    let a = srv.register(51).await;
    let b = srv.register(52).await;
    two_records(&srv, &a).await;
    two_records(&srv, &b).await;
    let a_id = a.account.id.to_string();

    // Without --yes: says what would go, changes nothing, exits non-zero.
    let out = erase_cmd(&srv, &["--nip", &nip(51)]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("2 record(s)") && stderr.contains("--yes"),
        "{stderr}"
    );
    assert_eq!(records_of(&srv, &a_id).await, 2);
    assert_eq!(status_of_token(&srv, &a.token).await, StatusCode::OK);

    // An unknown NIP and a malformed one are clear errors.
    let out = erase_cmd(&srv, &["--nip", &nip(59), "--yes"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no account"));
    let out = erase_cmd(&srv, &["--nip", "123", "--yes"]);
    assert!(!out.status.success());

    // With --yes, while the server runs: gone, and the running server agrees at once.
    let out = erase_cmd(&srv, &["--nip", &nip_digits(51), "--yes"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("2 record(s), 1 session(s)") && stdout.contains("Aggregates"),
        "{stdout}"
    );
    assert_eq!(records_of(&srv, &a_id).await, 0);
    assert_eq!(
        status_of_token(&srv, &a.token).await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(records_of(&srv, &b.account.id.to_string()).await, 2);
    assert_eq!(status_of_token(&srv, &b.token).await, StatusCode::OK);
}

/// Every byte of the database files, for looking for what should be gone.
fn database_bytes(srv: &Server) -> Vec<u8> {
    let mut all = Vec::new();
    for suffix in ["", "-wal"] {
        let path = srv.dir.path().join(format!("db/resapi.db{suffix}"));
        all.extend(std::fs::read(path).unwrap_or_default());
    }
    all
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[tokio::test]
async fn an_erased_account_leaves_no_trace_in_the_database_file() {
    if common::postgres_url().is_some() {
        // SQLite only: the bytes of its file. PostgreSQL reclaims space with VACUUM.
        return;
    }
    let srv = start().await;
    let a = srv.register(61).await;
    let ids = two_records(&srv, &a).await;
    let before = database_bytes(&srv);
    assert!(contains(&before, &nip_digits(61)));
    assert!(contains(&before, &ids[0]));

    let res = erase(&srv, PASSWORD, Some(&a.token)).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    // Not only unreachable: overwritten, in the file and in its write-ahead log.
    let after = database_bytes(&srv);
    for gone in [nip_digits(61), ids[0].clone(), ids[1].clone()] {
        assert!(!contains(&after, &gone), "{gone} is still in the file");
    }
}

#[tokio::test]
async fn the_api_document_describes_the_personal_data_operations() {
    let srv = start().await;
    let doc: Value = srv
        .get("/api/openapi.json", None)
        .await
        .json()
        .await
        .unwrap();
    for (path, method, op) in [
        ("/api/v1/me/export", "get", "exportMyData"),
        ("/api/v1/me/erase", "post", "eraseMyAccount"),
        ("/api/v1/auth/logout-all", "post", "logoutAll"),
    ] {
        let operation = &doc["paths"][path][method];
        assert_eq!(operation["operationId"], op, "{path}");
        assert_eq!(operation["security"], json!([{"bearer": []}]), "{path}");
    }
    let schema = &doc["components"]["schemas"]["PersonalData"];
    assert_eq!(
        schema["required"],
        json!([
            "about",
            "exported_at",
            "account",
            "sessions",
            "records",
            "quiz_sets",
            "games"
        ])
    );
}

/// The stored report of game `id`, as JSON.
async fn stored_report(srv: &Server, id: &str) -> Value {
    let text: String = sqlx::query_scalar("SELECT report FROM live_games WHERE id = $1")
        .bind(id)
        .fetch_one(&srv.db)
        .await
        .unwrap();
    serde_json::from_str(&text).unwrap()
}

/// (name, points, rank) of a report's ranking.
fn ranking(report: &Value) -> Vec<(String, u64, u64)> {
    common::live::ranking(&report["leaderboard"])
}

#[tokio::test]
async fn a_trainers_export_lists_quiz_sets_and_games_and_an_erased_player_leaves_no_name() {
    let srv = start().await;
    let content = srv.content().await;
    let hash = srv.passwords.hash(PASSWORD.into()).await.unwrap();
    let role = [resapi_core::api::Role::Trainer];
    let trainer = srv.signed_in(40, UNIT, &role, &hash).await;
    let players = [
        srv.signed_in(41, UNIT, &[], &hash).await,
        srv.signed_in(42, UNIT, &[], &hash).await,
        srv.signed_in(43, UNIT, &[], &hash).await,
    ];
    let questions = ["akuntabel-001", "akuntabel-002"];
    let set = json!({"name": "Apel Senin", "config": {
        "source": {"kind": "questions", "question_ids": questions},
        "question_count": 2, "seconds_per_question": 20, "scoring": "speed_points",
        "team_mode": true, "guests_allowed": false, "extra_time_allowed": false,
        "max_players": 50
    }});
    let res = srv
        .post("/api/v1/live/quiz-sets", &set, Some(&trainer.token))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    // Pegawai 041 gets both right, 042 one, 043 none.
    let pick = |phone: usize, q: usize| {
        let question = content.question(questions[q]).unwrap();
        if phone + q < 2 {
            question.answer.clone()
        } else {
            wrong_option(question)
        }
    };
    let people: Vec<&SignedIn> = players.iter().collect();
    let played = common::live::play(&srv, &trainer.token, &people, &questions, pick).await;
    let game = played.id.clone();
    let before = common::live::history_when(&srv, &trainer.token, |games| {
        games.first().is_some_and(|g| g["ended_at"].is_string())
    })
    .await;
    assert!(before[0]["ended_at"].is_string());
    let stored = stored_report(&srv, &game).await;
    let names = |r: &Value| ranking(r).into_iter().map(|(n, ..)| n).collect::<Vec<_>>();
    assert_eq!(
        names(&stored),
        ["Pegawai 041", "Pegawai 042", "Pegawai 043"]
    );

    // The trainer's download lists the quiz set and the game; a player's lists none.
    let export: Value = srv
        .get("/api/v1/me/export", Some(&trainer.token))
        .await
        .json()
        .await
        .unwrap();
    let sets = export["quiz_sets"].as_array().unwrap();
    assert_eq!(sets.len(), 1);
    assert_eq!(sets[0]["name"], "Apel Senin");
    assert_eq!(sets[0]["config"]["scoring"], "speed_points");
    let games = export["games"].as_array().unwrap();
    assert_eq!(games.len(), 1);
    assert_eq!(games[0]["id"], game.as_str());
    assert_eq!(games[0]["players"], 3);
    assert!(games[0]["ended_at"].is_string());
    assert!(
        !export.to_string().contains("Pegawai 041"),
        "the players' names are theirs, not in the trainer's download"
    );
    let player_export: Value = srv
        .get("/api/v1/me/export", Some(&players[0].token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(player_export["quiz_sets"], json!([]));
    assert_eq!(player_export["games"], json!([]));
    assert_eq!(
        player_export["records"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["kind"] == "live_answer")
            .count(),
        2,
        "the player's own answers are in their download"
    );

    // Pegawai 041 erases the account: the name leaves the stored report and the trainer's
    // views of the game (the running game's too); the points and the ranking stay.
    let res = srv
        .post(
            "/api/v1/me/erase",
            &json!({"password": PASSWORD}),
            Some(&players[0].token),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let after = stored_report(&srv, &game).await;
    let want: Vec<(String, u64, u64)> = ranking(&stored)
        .into_iter()
        .map(|(name, points, rank)| {
            let name = if name == "Pegawai 041" {
                "Peserta terhapus".to_owned()
            } else {
                name
            };
            (name, points, rank)
        })
        .collect();
    assert_eq!(ranking(&after), want);
    assert_eq!(
        after["units"], stored["units"],
        "the unit board is unchanged"
    );
    let raw: String = sqlx::query_scalar("SELECT report FROM live_games WHERE id = $1")
        .bind(&game)
        .fetch_one(&srv.db)
        .await
        .unwrap();
    assert!(!raw.contains("Pegawai 041") && !raw.contains(&players[0].id.to_string()));
    let detail: Value = srv
        .get(&format!("/api/v1/live/games/{game}"), Some(&trainer.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(ranking(&detail["report"]), want);
    assert!(detail["report"].get("accounts").is_none(), "never sent");
    let csv = srv
        .get(
            &format!("/api/v1/live/games/{game}/results.csv"),
            Some(&trainer.token),
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(
        csv.contains("Peserta terhapus") && !csv.contains("Pegawai 041"),
        "{csv}"
    );
    assert!(csv.contains("Pegawai 042"));
}
