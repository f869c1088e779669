//! A trainer's saved quiz sets can be renamed, changed and deleted: by their owner or an
//! admin, checked as when saved, and a deleted set's games stay in the history.

mod common;

use common::*;
use reqwest::StatusCode;
use resapi_core::api::Role;
use serde_json::{Value, json};

fn config(seconds: u32) -> Value {
    json!({
        "source": {"kind": "value", "value_id": "akuntabel"},
        "question_count": 2,
        "seconds_per_question": seconds,
        "scoring": "accuracy_only",
        "team_mode": true,
        "guests_allowed": true,
        "extra_time_allowed": false,
        "max_players": 50
    })
}

async fn put(srv: &Server, id: &str, body: &Value, token: &str) -> reqwest::Response {
    let url = srv.url(&format!("/api/v1/live/quiz-sets/{id}"));
    let req = srv.http.put(url).json(body).bearer_auth(token);
    req.send().await.unwrap()
}

async fn delete(srv: &Server, id: &str, token: &str) -> reqwest::Response {
    let url = srv.url(&format!("/api/v1/live/quiz-sets/{id}"));
    srv.http
        .delete(url)
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

async fn sets(srv: &Server, token: &str) -> Vec<Value> {
    let res = srv.get("/api/v1/live/quiz-sets", Some(token)).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

#[tokio::test]
async fn a_quiz_set_is_changed_by_its_owner_with_the_same_checks_as_saving_it() {
    let srv = start().await;
    let trainer = srv.signed_in(1, UNIT, &[Role::Trainer], "x").await;
    let other = srv.signed_in(2, UNIT, &[Role::Trainer], "x").await;
    let admin = srv.signed_in(3, "bkn", &[Role::Admin], "x").await;
    let res = srv
        .post(
            "/api/v1/live/quiz-sets",
            &json!({"name": "Apel Senin", "config": config(20)}),
            Some(&trainer.token),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let set: Value = res.json().await.unwrap();
    let id = set["id"].as_str().unwrap();

    // Another trainer's set does not exist for them.
    let res = put(
        &srv,
        id,
        &json!({"name": "Milik saya", "config": config(20)}),
        &other.token,
    )
    .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(error_code(res).await, "live_no_such_quiz_set");

    // Refused as saving would refuse, and nothing changes.
    let res = put(
        &srv,
        id,
        &json!({"name": "  ", "config": config(20)}),
        &trainer.token,
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_code(res).await, "live_quiz_set_name");
    let res = put(
        &srv,
        id,
        &json!({"name": "Apel", "config": config(5)}),
        &trainer.token,
    )
    .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_code(res).await, "live_seconds_out_of_range");
    let mut too_many = config(20);
    too_many["question_count"] = json!(50);
    let res = put(
        &srv,
        id,
        &json!({"name": "Apel", "config": too_many}),
        &trainer.token,
    )
    .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_code(res).await, "live_not_enough_questions");
    let res = put(
        &srv,
        id,
        &json!({"name": "Apel", "config": config(20), "extra": 1}),
        &trainer.token,
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let unchanged = sets(&srv, &trainer.token).await;
    assert_eq!(unchanged[0]["name"], "Apel Senin");
    assert_eq!(unchanged[0]["config"]["seconds_per_question"], 20);

    // The owner renames it and changes the time; the list and the set show it.
    let res = put(
        &srv,
        id,
        &json!({"name": " Apel  Selasa ", "config": config(45)}),
        &trainer.token,
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let changed: Value = res.json().await.unwrap();
    assert_eq!(changed["id"], set["id"]);
    assert_eq!(changed["name"], "Apel Selasa");
    assert_eq!(changed["config"]["seconds_per_question"], 45);
    assert_eq!(changed["created_at"], set["created_at"]);
    let listed = sets(&srv, &trainer.token).await;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["name"], "Apel Selasa");

    // A game started from it now runs with the new settings.
    let res = srv
        .post(
            &format!("/api/v1/live/quiz-sets/{id}/games"),
            &json!({}),
            Some(&trainer.token),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let game: Value = res.json().await.unwrap();
    let detail: Value = srv
        .get(
            &format!("/api/v1/live/games/{}", game["id"].as_str().unwrap()),
            Some(&trainer.token),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(detail["config"]["seconds_per_question"], 45);

    // An admin may change anyone's set.
    let res = put(
        &srv,
        id,
        &json!({"name": "Apel Rabu", "config": config(30)}),
        &admin.token,
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(sets(&srv, &trainer.token).await[0]["name"], "Apel Rabu");

    // A set that never was.
    let res = put(
        &srv,
        "0190a0a0-0000-7000-8000-000000000000",
        &json!({"name": "Apel", "config": config(20)}),
        &trainer.token,
    )
    .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_deleted_quiz_set_is_gone_but_its_games_stay_in_the_history() {
    let srv = start().await;
    let trainer = srv.signed_in(1, UNIT, &[Role::Trainer], "x").await;
    let other = srv.signed_in(2, UNIT, &[Role::UnitAdmin], "x").await;
    let admin = srv.signed_in(3, "bkn", &[Role::Admin], "x").await;
    let mut ids = Vec::new();
    for name in ["Apel Senin", "Apel Jumat"] {
        let res = srv
            .post(
                "/api/v1/live/quiz-sets",
                &json!({"name": name, "config": config(20)}),
                Some(&trainer.token),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let set: Value = res.json().await.unwrap();
        ids.push(set["id"].as_str().unwrap().to_owned());
    }
    let res = srv
        .post(
            &format!("/api/v1/live/quiz-sets/{}/games", ids[0]),
            &json!({}),
            Some(&trainer.token),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);

    let res = delete(&srv, &ids[0], &other.token).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND, "not theirs");
    assert_eq!(sets(&srv, &trainer.token).await.len(), 2);

    let res = delete(&srv, &ids[0], &trainer.token).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let left = sets(&srv, &trainer.token).await;
    assert_eq!(left.len(), 1);
    assert_eq!(left[0]["name"], "Apel Jumat");
    let res = srv
        .get(
            &format!("/api/v1/live/quiz-sets/{}", ids[0]),
            Some(&trainer.token),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = srv
        .post(
            &format!("/api/v1/live/quiz-sets/{}/games", ids[0]),
            &json!({}),
            Some(&trainer.token),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = delete(&srv, &ids[0], &trainer.token).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND, "deleted once");

    let history: Value = srv
        .get("/api/v1/live/games", Some(&trainer.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(history.as_array().unwrap().len(), 1);
    assert_eq!(history[0]["quiz_set_id"].as_str(), Some(ids[0].as_str()));

    // An admin may delete anyone's set.
    let res = delete(&srv, &ids[1], &admin.token).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert!(sets(&srv, &trainer.token).await.is_empty());
}
