//! The live quiz's guards over real WebSockets: guests (names cleaned, units checked),
//! kicks that stick, the player cap, the join limit per address, malformed and oversized
//! messages answered rather than fatal, the projector read-only, a second presenter (the
//! phone remote), and who may create and open a game.

mod common;

use common::live::Socket;
use common::*;
use reqwest::StatusCode;
use resapi_core::api::Role;
use resapi_server::live::{Live, LiveSettings};
use serde_json::{Value, json};
use std::sync::Arc;

fn guest_game(max_players: u32) -> Value {
    json!({
        "source": {"kind": "value", "value_id": "akuntabel"},
        "question_count": 3,
        "seconds_per_question": 20,
        "scoring": "speed_points",
        "team_mode": false,
        "guests_allowed": true,
        "extra_time_allowed": true,
        "max_players": max_players
    })
}

async fn create(srv: &Server, token: &str, config: &Value) -> (String, String) {
    let res = srv.post("/api/v1/live/games", config, Some(token)).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let created: Value = res.json().await.unwrap();
    (
        created["id"].as_str().unwrap().to_owned(),
        created["code"].as_str().unwrap().to_owned(),
    )
}

async fn guest(srv: &Server, code: &str, name: &str) -> (Socket, Value) {
    let mut phone = Socket::connect(&srv.url(&format!("/api/v1/live/join/{code}/ws"))).await;
    phone
        .send(json!({"type": "join", "name": name, "unit_id": UNIT}))
        .await;
    let first = phone
        .until("welcome or refused", |v| {
            v["type"] == "welcome" || v["type"] == "refused"
        })
        .await;
    (phone, first)
}

#[tokio::test]
async fn guests_kicks_caps_and_bad_messages() {
    let srv = start().await;
    let trainer = srv.signed_in(1, UNIT, &[Role::Trainer], "x").await;
    let (id, code) = create(&srv, &trainer.token, &guest_game(2)).await;
    let host_url = |extra: &str| {
        srv.url(&format!(
            "/api/v1/live/games/{id}/ws?token={}{extra}",
            trainer.token
        ))
    };
    let mut host = Socket::connect(&host_url("")).await;
    host.until_type("host").await;

    // Names are cleaned: a zero-width space and doubled spaces go.
    let (mut budi, welcome) = guest(&srv, &code, "Budi  Santoso\u{200b}").await;
    assert_eq!(welcome["type"], "welcome");
    let budi_id = welcome["player"].as_u64().unwrap();
    let budi_secret = welcome["secret"].as_str().unwrap().to_owned();
    let you = budi.until_type("you").await;
    assert_eq!(you["status"]["name"], "Budi Santoso");

    // Bad messages are answered and the connection stays.
    let mut odd = Socket::connect(&srv.url(&format!("/api/v1/live/join/{code}/ws"))).await;
    odd.send_text("{not json".into()).await;
    assert_eq!(odd.until_type("refused").await["code"], "live_bad_message");
    odd.send_text(format!(
        "{{\"type\":\"join\",\"name\":\"{}\"}}",
        "x".repeat(5000)
    ))
    .await;
    assert_eq!(
        odd.until_type("refused").await["code"],
        "live_message_too_large"
    );
    odd.send(json!({"type": "host", "command": "start"})).await;
    assert_eq!(odd.until_type("refused").await["code"], "live_not_host");
    odd.send(json!({"type": "answer", "answer_id": uuid::Uuid::now_v7(), "question": 0, "option_id": "a"}))
        .await;
    assert_eq!(odd.until_type("refused").await["code"], "live_not_joined");
    odd.send(json!({"type": "join", "name": "Cici", "unit_id": "unit-yang-tidak-ada"}))
        .await;
    assert_eq!(odd.until_type("refused").await["code"], "live_unknown_unit");
    odd.send(json!({"type": "join", "name": "\u{7}", "unit_id": UNIT}))
        .await;
    assert_eq!(odd.until_type("refused").await["code"], "name_too_short");
    // Still open: this join goes through.
    odd.send(json!({"type": "join", "name": "Cici Paramida", "unit_id": UNIT}))
        .await;
    assert_eq!(odd.until_type("welcome").await["type"], "welcome");

    // The cap of 2 players.
    let (_, refused) = guest(&srv, &code, "Dedi Mizwar").await;
    assert_eq!(refused["code"], "live_game_full");

    // The projector only shows.
    let mut projector = Socket::connect(&host_url("&view=projector")).await;
    // Its view is held back at most a quarter second, so it may first show fewer.
    let view = projector
        .until("two players on the projector", |v| {
            v["view"]["players"] == 2
        })
        .await;
    assert_eq!(view["type"], "projector");
    assert!(
        view["view"].get("players").is_some() && view.get("answer_key").is_none(),
        "a projector view, not the presenter's"
    );
    projector
        .send(json!({"type": "host", "command": "start"}))
        .await;
    assert_eq!(
        projector.until_type("refused").await["code"],
        "live_read_only"
    );

    // Kick: told, disconnected, and neither the secret nor a rejoin brings Budi back.
    host.send(json!({"type": "host", "command": "kick", "player": budi_id}))
        .await;
    budi.until_type("kicked").await;
    budi.until_closed().await;
    let mut again = Socket::connect(&srv.url(&format!("/api/v1/live/join/{code}/ws"))).await;
    again
        .send(json!({"type": "rejoin", "secret": budi_secret}))
        .await;
    assert_eq!(again.until_type("refused").await["code"], "live_kicked");
    again.until_closed().await;

    // A second presenter connection (the trainer's phone as a remote) drives the game.
    let mut remote = Socket::connect(&host_url("")).await;
    remote.until_type("host").await;
    remote.host("start").await;
    let host_view = host.until_phase("question").await;
    projector.until_phase("question").await;
    let q = odd.until_phase("question").await;
    assert!(q["view"]["question"].get("correct_option").is_none());
    // The presenter sees the key, the projector never.
    assert!(host_view["view"]["answer_key"].is_string());
    assert!(
        projector
            .log
            .iter()
            .all(|m| !m.to_string().contains("answer_key")),
        "the projector never gets the key"
    );
    // A command in the wrong phase is refused with the rules' reason.
    remote
        .send(json!({"type": "host", "command": "resume"}))
        .await;
    assert_eq!(
        remote.until_type("refused").await["code"],
        "live_wrong_phase"
    );
}

#[tokio::test]
async fn joins_per_address_are_limited_but_rejoins_are_not() {
    let srv = start_with_state(|state| {
        state.live = Arc::new(Live::new(LiveSettings {
            joins_per_minute: 2,
            ..LiveSettings::default()
        }));
    })
    .await;
    let trainer = srv.signed_in(1, UNIT, &[Role::Trainer], "x").await;
    let (_, code) = create(&srv, &trainer.token, &guest_game(100)).await;
    let (_, first) = guest(&srv, &code, "Tamu Satu").await;
    let secret = first["secret"].as_str().unwrap().to_owned();
    guest(&srv, &code, "Tamu Dua").await;
    let (_, refused) = guest(&srv, &code, "Tamu Tiga").await;
    assert_eq!(refused["code"], "live_too_many_joins");
    let mut back = Socket::connect(&srv.url(&format!("/api/v1/live/join/{code}/ws"))).await;
    back.send(json!({"type": "rejoin", "secret": secret})).await;
    assert_eq!(back.until_type("welcome").await["secret"], secret);
}

#[tokio::test]
async fn only_trainers_and_above_create_and_host_games() {
    let srv = start().await;
    let employee = srv.signed_in(1, UNIT, &[], "x").await;
    let trainer = srv.signed_in(2, UNIT, &[Role::Trainer], "x").await;
    let other = srv.signed_in(3, UNIT, &[Role::Trainer], "x").await;
    let config = guest_game(10);

    let res = srv.post("/api/v1/live/games", &config, None).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(res).await, "unauthorized");
    let res = srv
        .post("/api/v1/live/games", &config, Some(&employee.token))
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(error_code(res).await, "forbidden");

    let mut bad = config.clone();
    bad["seconds_per_question"] = json!(5);
    let res = srv
        .post("/api/v1/live/games", &bad, Some(&trainer.token))
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_code(res).await, "live_seconds_out_of_range");
    let mut bad = config.clone();
    bad["question_count"] = json!(7);
    let res = srv
        .post("/api/v1/live/games", &bad, Some(&trainer.token))
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_code(res).await, "live_not_enough_questions");

    let (id, code) = create(&srv, &trainer.token, &config).await;
    // Another trainer's game does not exist for them; the host socket checks first.
    let res = srv
        .get(&format!("/api/v1/live/games/{id}"), Some(&other.token))
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = srv
        .get(
            &format!("/api/v1/live/games/{id}/ws?token={}", employee.token),
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = srv
        .get(&format!("/api/v1/live/games/{id}/ws"), Some(&trainer.token))
        .await;
    assert_eq!(res.status(), StatusCode::UPGRADE_REQUIRED);
    assert_eq!(error_code(res).await, "websocket_required");
    let res = srv.get("/api/v1/live/join/000000/ws", None).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(error_code(res).await, "live_no_such_game");
    let res = srv
        .get(&format!("/api/v1/live/join/{code}/ws?token=nope"), None)
        .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);

    // Quiz sets: saved, listed, started again.
    let res = srv
        .post(
            "/api/v1/live/quiz-sets",
            &json!({"name": "  Apel Senin  ", "config": config}),
            Some(&trainer.token),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let set: Value = res.json().await.unwrap();
    assert_eq!(set["name"], "Apel Senin");
    let sets: Value = srv
        .get("/api/v1/live/quiz-sets", Some(&trainer.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(sets.as_array().unwrap().len(), 1);
    let res = srv
        .get("/api/v1/live/quiz-sets", Some(&other.token))
        .await
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(
        res.as_array().unwrap().len(),
        0,
        "a trainer sees their own sets"
    );
    let res = srv
        .post(
            &format!(
                "/api/v1/live/quiz-sets/{}/games",
                set["id"].as_str().unwrap()
            ),
            &json!({}),
            Some(&trainer.token),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let res = srv
        .post(
            "/api/v1/live/quiz-sets",
            &json!({"name": "", "config": config}),
            Some(&trainer.token),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let history: Value = srv
        .get("/api/v1/live/games", Some(&trainer.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(history.as_array().unwrap().len(), 2);
    assert_eq!(history[0]["quiz_set_id"], set["id"]);
    assert_eq!(history[0]["running"], true);
}

#[tokio::test]
async fn a_game_and_its_code_expire_after_the_end_or_when_left_idle() {
    let srv = start_with_state(|state| {
        state.live = Arc::new(Live::new(LiveSettings {
            ended_grace: std::time::Duration::from_millis(300),
            idle_limit: std::time::Duration::from_millis(800),
            ..LiveSettings::default()
        }));
    })
    .await;
    let trainer = srv.signed_in(1, UNIT, &[Role::Trainer], "x").await;
    let (ended, ended_code) = create(&srv, &trainer.token, &guest_game(10)).await;
    let (idle, idle_code) = create(&srv, &trainer.token, &guest_game(10)).await;
    let mut host = Socket::connect(&srv.url(&format!(
        "/api/v1/live/games/{ended}/ws?token={}",
        trainer.token
    )))
    .await;
    host.host("end").await;
    // While the grace lasts, phones can still reach it (to see the results).
    let (_, refused) = guest(&srv, &ended_code, "Tamu Telat").await;
    assert_eq!(refused["code"], "live_game_over");
    host.until_closed().await;
    let res = srv
        .get(&format!("/api/v1/live/join/{ended_code}/ws"), None)
        .await;
    assert_eq!(
        res.status(),
        StatusCode::NOT_FOUND,
        "the code died with its game"
    );
    // The idle game ends by itself, and both are in the history as ended.
    let history = common::live::history_when(&srv, &trainer.token, |games| {
        games
            .iter()
            .all(|g| g["running"] == false && g["ended_at"].is_string())
    })
    .await;
    for game in &history {
        assert_eq!(game["running"], false, "{game}");
        assert!(game["ended_at"].is_string(), "{game}");
    }
    assert_eq!(history.len(), 2);
    let res = srv
        .get(&format!("/api/v1/live/join/{idle_code}/ws"), None)
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let _ = idle;
}
