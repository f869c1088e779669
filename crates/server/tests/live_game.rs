//! A whole live game over real WebSockets on loopback: a host and three signed-in phones.
//! Join by code, answers, a reconnect mid-question that keeps the score and gets its ack
//! again, a late answer refused with its reason, a guest refused, the podium and the unit
//! board, every message each phone received checked for the open question's key, and the
//! records stored once (a later sync of the same record is a duplicate).

mod common;

use common::live::Socket;
use common::*;
use reqwest::StatusCode;
use resapi_core::api::Role;
use resapi_core::content::ContentBundle;
use resapi_core::sync::RecordStatus;
use serde_json::{Value, json};
use std::time::Duration;
use uuid::Uuid;

const QUESTIONS: [&str; 3] = ["akuntabel-001", "akuntabel-002", "akuntabel-003"];

fn config(guests: bool) -> Value {
    json!({
        "source": {"kind": "questions", "question_ids": QUESTIONS},
        "question_count": 3,
        "seconds_per_question": 10,
        "scoring": "accuracy_only",
        "team_mode": true,
        "guests_allowed": guests,
        "extra_time_allowed": false,
        "max_players": 10
    })
}

fn key(content: &ContentBundle, i: usize) -> String {
    content.question(QUESTIONS[i]).unwrap().answer.clone()
}

fn wrong(content: &ContentBundle, i: usize) -> String {
    wrong_option(content.question(QUESTIONS[i]).unwrap())
}

/// A phone's answer with its own id.
fn answer(question: u32, option: &str) -> (Uuid, Value) {
    let id = Uuid::now_v7();
    let msg = json!({"type": "answer", "answer_id": id, "question": question, "option_id": option});
    (id, msg)
}

/// Whether any object in `v` shows question `open`'s key or result: a `correct_option`
/// or `answer_key` not tied to another question, an explanation, or a record of it.
fn leaks(v: &Value, open: u32, open_id: &str) -> Option<String> {
    match v {
        Value::Object(map) => {
            let index = map.get("index").and_then(Value::as_u64);
            let tied_elsewhere = index.is_some_and(|i| i != u64::from(open));
            for field in ["correct_option", "answer_key", "explanation"] {
                if map.contains_key(field) && !tied_elsewhere {
                    return Some(format!("`{field}` while question {open} is open"));
                }
            }
            if map.get("question_id").and_then(Value::as_str) == Some(open_id)
                && map.contains_key("correct")
            {
                return Some(format!("a result of question {open} while it is open"));
            }
            map.values().find_map(|v| leaks(v, open, open_id))
        }
        Value::Array(items) => items.iter().find_map(|v| leaks(v, open, open_id)),
        _ => None,
    }
}

/// Walks one phone's messages in order: from a question's `state` until its reveal, no
/// message may carry its key. Returns how many messages were checked while a question was
/// open.
fn check_no_key_before_close(log: &[Value]) -> usize {
    let mut open: Option<(u32, String)> = None;
    let mut checked = 0;
    for msg in log {
        if msg["type"] == "state" {
            let view = &msg["view"];
            match view["phase"].as_str() {
                Some("question") => {
                    let q = &view["question"];
                    open = Some((
                        q["index"].as_u64().unwrap() as u32,
                        q["question_id"].as_str().unwrap().to_owned(),
                    ));
                }
                _ => open = None,
            }
        }
        if let Some((index, id)) = &open {
            checked += 1;
            if let Some(leak) = leaks(msg, *index, id) {
                panic!("{leak}: {msg}");
            }
        }
    }
    checked
}

#[tokio::test]
async fn a_whole_game_over_websockets_with_a_host_and_three_phones() {
    let srv = start().await;
    let content = srv.content().await;
    let trainer = srv.signed_in(1, UNIT, &[Role::Trainer], "x").await;
    let people = [
        srv.signed_in(2, UNIT, &[], "x").await,
        srv.signed_in(3, UNIT, &[], "x").await,
        srv.signed_in(4, UNIT, &[], "x").await,
    ];

    let res = srv
        .post("/api/v1/live/games", &config(false), Some(&trainer.token))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let created: Value = res.json().await.unwrap();
    let (id, code) = (
        created["id"].as_str().unwrap().to_owned(),
        created["code"].as_str().unwrap().to_owned(),
    );
    assert_eq!(created["join_path"], format!("/gabung/{code}"));

    let mut host = Socket::connect(&srv.url(&format!(
        "/api/v1/live/games/{id}/ws?token={}",
        trainer.token
    )))
    .await;
    host.until_type("host").await;

    let join_url = |token: &str| srv.url(&format!("/api/v1/live/join/{code}/ws?token={token}"));
    let mut phones = Vec::new();
    let mut secrets = Vec::new();
    for person in &people {
        let mut phone = Socket::connect(&join_url(&person.token)).await;
        phone.send(json!({"type": "join"})).await;
        let welcome = phone.until_type("welcome").await;
        assert_eq!(welcome["question_count"], 3);
        secrets.push(welcome["secret"].as_str().unwrap().to_owned());
        phone.until_phase("lobby").await;
        phones.push(phone);
    }
    // Guests are off in this game.
    let mut guest = Socket::connect(&srv.url(&format!("/api/v1/live/join/{code}/ws"))).await;
    guest
        .send(json!({"type": "join", "name": "Tamu Satu", "unit_id": UNIT}))
        .await;
    let refused = guest.until_type("refused").await;
    assert_eq!(refused["code"], "live_guests_not_allowed");

    // The lobby's count reaches the presenter (held back at most a quarter second).
    host.until("3 players in the lobby", |v| {
        v["view"]["projector"]["players"] == 3
    })
    .await;
    host.host("start").await;
    for phone in &mut phones {
        let q = phone.until_phase("question").await;
        assert_eq!(q["view"]["question"]["index"], 0);
        assert_eq!(q["view"]["question"]["question_id"], QUESTIONS[0]);
    }

    // Question 0: phone 3 answers, drops, comes back, sends the same answer again.
    let (a3, msg3) = answer(0, &key(&content, 0));
    phones[2].send(msg3.clone()).await;
    let ack = phones[2].until_type("ack").await;
    assert_eq!(ack["answer_id"], a3.to_string());
    let dropped = phones.remove(2);
    let mut earlier_logs = vec![dropped.log.clone()];
    drop(dropped);
    let mut back = Socket::connect(&srv.url(&format!("/api/v1/live/join/{code}/ws"))).await;
    back.send(json!({"type": "rejoin", "secret": secrets[2]}))
        .await;
    let welcome = back.until_type("welcome").await;
    assert_eq!(welcome["secret"], secrets[2]);
    // The open question, then the phone's own status with its answer locked in.
    back.until_phase("question").await;
    let you = back.until_type("you").await;
    assert_eq!(
        you["status"]["locked_in"],
        key(&content, 0),
        "after the reconnect the phone sees its answer locked in"
    );
    back.send(msg3).await;
    let again = back.until_type("ack").await;
    assert_eq!(again["answer_id"], a3.to_string(), "the same ack again");
    phones.push(back);

    let (_, m1) = answer(0, &key(&content, 0));
    phones[0].send(m1).await;
    let (_, m2) = answer(0, &wrong(&content, 0));
    phones[1].send(m2).await;
    // Everyone answered: the question closes at once.
    for phone in &mut phones {
        let reveal = phone.until_phase("reveal").await;
        assert_eq!(reveal["view"]["reveal"]["correct_option"], key(&content, 0));
        let dist: u64 = reveal["view"]["reveal"]["distribution"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["count"].as_u64().unwrap())
            .sum();
        assert_eq!(dist, 3, "three answers, phone 3's counted once");
    }
    let you = phones[2]
        .until("phone 3's result", |v| {
            v["type"] == "you" && v["status"]["last"]["index"] == 0
        })
        .await;
    assert_eq!(
        you["status"]["total"], 1000,
        "the reconnect kept one answer's points"
    );
    assert_eq!(you["status"]["answered"], 1);

    host.host("next").await;
    host.host("next").await;
    for phone in &mut phones {
        phone.until_phase("question").await;
    }
    // Question 1: phones 1 and 3 answer; phone 2 waits until the server's clock closes it.
    for i in [0, 2] {
        let (_, m) = answer(1, &key(&content, 1));
        phones[i].send(m).await;
        phones[i].until_type("ack").await;
    }
    let started = std::time::Instant::now();
    for phone in &mut phones {
        phone.until_phase("reveal").await;
    }
    let waited = started.elapsed();
    assert!(
        waited > Duration::from_secs(8),
        "closed by the clock after the question's 10 s (+0.5 s), not before: {waited:?}"
    );
    let (late, m) = answer(1, &key(&content, 1));
    phones[1].send(m).await;
    let refused = phones[1].until_type("refused").await;
    assert_eq!(refused["code"], "live_too_late");
    assert_eq!(refused["answer_id"], late.to_string());
    assert!(!refused["message"]["id"].as_str().unwrap().is_empty());

    host.host("next").await;
    host.host("next").await;
    for phone in &mut phones {
        phone.until_phase("question").await;
    }
    let picks = [key(&content, 2), key(&content, 2), wrong(&content, 2)];
    for (phone, pick) in phones.iter_mut().zip(&picks) {
        let (_, m) = answer(2, pick);
        phone.send(m).await;
    }
    for phone in &mut phones {
        phone.until_phase("reveal").await;
    }
    host.host("next").await;
    let board = phones[0].until_phase("leaderboard").await;
    let units = &board["view"]["units"];
    assert_eq!(units["ranked"][0]["unit_id"], UNIT);
    assert_eq!(units["ranked"][0]["players"], 3);
    // Totals 3000, 1000, 2000: the unit's score is their mean.
    assert_eq!(units["ranked"][0]["mean"], 2000);
    host.host("next").await;
    let podium = phones[0].until_phase("podium").await;
    let top = common::live::ranking(&podium["view"]["top"]);
    assert_eq!(
        top,
        vec![
            ("Pegawai 002".to_owned(), 3000, 1),
            ("Pegawai 004".to_owned(), 2000, 2),
            ("Pegawai 003".to_owned(), 1000, 3)
        ]
    );
    assert_eq!(podium["view"]["best_unit"]["unit_id"], UNIT);
    host.host("next").await;
    for phone in &mut phones {
        phone.until_phase("ended").await;
    }

    // No phone ever saw an open question's key.
    earlier_logs.extend(phones.iter().map(|p| p.log.clone()));
    let mut checked = 0;
    for log in &earlier_logs {
        checked += check_no_key_before_close(log);
    }
    assert!(
        checked > 20,
        "messages during open questions were checked: {checked}"
    );

    // Records: one per account answer (3 + 2 + 3; the late one is none), stored once.
    let mut stored = 0;
    for _ in 0..100 {
        stored = srv
            .count("SELECT COUNT(*) FROM records WHERE kind = 'live_answer'")
            .await;
        if stored >= 8 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(stored, 8);
    // The phone later syncs the records it got: each is a duplicate.
    while common::live::records(&phones[0].log).len() < 3 {
        phones[0].until_type("record").await;
    }
    let records = common::live::records(&phones[0].log);
    assert_eq!(records.len(), 3);
    let res = srv.sync(&people[0].token, records).await;
    assert_eq!(statuses(&res), vec![RecordStatus::Duplicate; 3]);
    assert_eq!(
        srv.count("SELECT COUNT(*) FROM records WHERE kind = 'live_answer'")
            .await,
        8
    );

    // The trainer's history, the CSV and the QR code.
    // The game's row is marked ended by the game's writer, just after the end.
    let history = common::live::history_when(&srv, &trainer.token, |games| {
        games.first().is_some_and(|g| g["ended_at"].is_string())
    })
    .await;
    assert_eq!(history[0]["id"], id.as_str());
    assert_eq!(
        history[0]["summary"]["questions"].as_array().unwrap().len(),
        3
    );
    assert!(history[0]["ended_at"].is_string());
    let csv = srv
        .get(
            &format!("/api/v1/live/games/{id}/results.csv"),
            Some(&trainer.token),
        )
        .await;
    assert_eq!(csv.status(), StatusCode::OK);
    let csv = csv.text().await.unwrap();
    assert!(
        csv.contains("1,Pegawai 002,") && csv.contains(",3000,3"),
        "{csv}"
    );
    let qr = srv
        .get(
            &format!("/api/v1/live/games/{id}/qr.svg"),
            Some(&trainer.token),
        )
        .await;
    assert_eq!(qr.status(), StatusCode::OK);
    assert_eq!(qr.headers()["content-type"], "image/svg+xml");
    assert!(qr.text().await.unwrap().contains("<svg"));
}

/// How many live answers `account` has on the server.
async fn live_answers_of(srv: &Server, account: Uuid) -> i64 {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM records WHERE kind = 'live_answer' AND account_id = $1",
    )
    .bind(account.to_string())
    .fetch_one(&srv.db)
    .await
    .unwrap()
}

#[tokio::test]
async fn a_phone_gets_its_live_answer_only_once_stored_and_cannot_make_one_up() {
    let srv = start().await;
    let content = srv.content().await;
    let trainer = srv.signed_in(1, UNIT, &[Role::Trainer], "x").await;
    let person = srv.signed_in(2, UNIT, &[], "x").await;
    let res = srv
        .post("/api/v1/live/games", &config(false), Some(&trainer.token))
        .await;
    let created: Value = res.json().await.unwrap();
    let (id, code) = (
        created["id"].as_str().unwrap().to_owned(),
        created["code"].as_str().unwrap().to_owned(),
    );
    let mut host = Socket::connect(&srv.url(&format!(
        "/api/v1/live/games/{id}/ws?token={}",
        trainer.token
    )))
    .await;
    host.until_type("host").await;
    let join_url = srv.url(&format!(
        "/api/v1/live/join/{code}/ws?token={}",
        person.token
    ));
    let mut phone = Socket::connect(&join_url).await;
    phone.send(json!({"type": "join"})).await;
    let secret = phone.until_type("welcome").await["secret"]
        .as_str()
        .unwrap()
        .to_owned();
    host.host("start").await;
    phone.until_phase("question").await;

    // Another writer holds the database: the question closes, but its record cannot be
    // stored yet, so the phone must not get it (nor find it in a rejoin's welcome).
    let mut lock = srv.hold_write_lock().await;
    let (answer_id, msg) = answer(0, &key(&content, 0));
    phone.send(msg).await;
    // The only player answered: the question closes at once.
    phone
        .until("the close", |v| {
            v["type"] == "you" && v["status"]["last"]["index"] == 0
        })
        .await;
    let no_record_yet = |phone: &Socket| {
        assert!(
            common::live::records(&phone.log).is_empty(),
            "a record before it was stored: {:#?}",
            phone.log
        );
    };
    while phone.next(Duration::from_millis(1500)).await.is_some() {}
    no_record_yet(&phone);
    drop(phone);
    let mut phone = Socket::connect(&join_url).await;
    phone
        .send(json!({"type": "rejoin", "secret": secret}))
        .await;
    let welcome = phone.until_type("welcome").await;
    assert_eq!(
        welcome["records"],
        json!([]),
        "no record before the server holds it"
    );
    while phone.next(Duration::from_millis(500)).await.is_some() {}
    no_record_yet(&phone);
    sqlx::query("ROLLBACK").execute(&mut *lock).await.unwrap();
    drop(lock);
    let record = phone.until_type("record").await["record"].clone();
    assert_eq!(record["id"], answer_id.to_string());
    assert_eq!(
        live_answers_of(&srv, person.id).await,
        1,
        "the row exists when the phone hears of it"
    );

    // A live answer the game never made is refused, whatever it claims.
    let mut forged = record.clone();
    forged["id"] = json!(Uuid::now_v7());
    let mut other_question = record.clone();
    other_question["id"] = json!(Uuid::now_v7());
    other_question["payload"]["question_id"] = json!(QUESTIONS[1]);
    other_question["payload"]["option_id"] = json!(key(&content, 1));
    other_question["payload"]["position"] = json!(1);
    let mut made_up_game = forged.clone();
    made_up_game["id"] = json!(Uuid::now_v7());
    made_up_game["payload"]["game_id"] = json!(Uuid::now_v7());
    let res = srv
        .sync(
            &person.token,
            vec![forged, other_question, made_up_game, record.clone()],
        )
        .await;
    assert_eq!(
        error_codes(&res),
        vec![
            Some("live_answer_unknown"),
            Some("live_answer_unknown"),
            Some("live_answer_unknown"),
            None
        ]
    );
    assert!(
        res.results[0]
            .error
            .as_ref()
            .is_some_and(|e| e.message.contains("kuis")),
        "a message a phone can show: {:?}",
        res.results[0].error
    );
    // The real one, synced later (again), is a duplicate and counts once.
    assert_eq!(res.results[3].status, RecordStatus::Duplicate);
    let again = srv.sync(&person.token, vec![record]).await;
    assert_eq!(statuses(&again), vec![RecordStatus::Duplicate]);
    assert_eq!(live_answers_of(&srv, person.id).await, 1);
}
