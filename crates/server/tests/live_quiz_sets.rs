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

fn set_url(srv: &Server, id: &str) -> String {
    srv.url(&format!("/api/v1/live/quiz-sets/{id}"))
}

/// `PUT /live/quiz-sets/{id}` with `{name, config}`.
async fn put(srv: &Server, id: &str, name: &str, config: Value, token: &str) -> reqwest::Response {
    let body = json!({"name": name, "config": config});
    let req = srv
        .http
        .put(set_url(srv, id))
        .json(&body)
        .bearer_auth(token);
    req.send().await.unwrap()
}

/// The status and error code of a refused change.
async fn refused(res: reqwest::Response) -> (StatusCode, String) {
    (res.status(), error_code(res).await)
}

async fn delete(srv: &Server, id: &str, token: &str) -> StatusCode {
    let req = srv.http.delete(set_url(srv, id)).bearer_auth(token);
    req.send().await.unwrap().status()
}

/// Saves a set named `name` (20 s per question) and answers it.
async fn save(srv: &Server, name: &str, token: &str) -> Value {
    let body = json!({"name": name, "config": config(20)});
    let res = srv.post("/api/v1/live/quiz-sets", &body, Some(token)).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    res.json().await.unwrap()
}

/// Starts a game from the set; the answer's status and body.
async fn run(srv: &Server, id: &str, token: &str) -> (StatusCode, Value) {
    let path = format!("/api/v1/live/quiz-sets/{id}/games");
    let res = srv.post(&path, &json!({}), Some(token)).await;
    (res.status(), res.json().await.unwrap_or(Value::Null))
}

async fn json_of(srv: &Server, path: &str, token: &str) -> Value {
    let res = srv.get(path, Some(token)).await;
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    res.json().await.unwrap()
}

async fn sets(srv: &Server, token: &str) -> Vec<Value> {
    let list = json_of(srv, "/api/v1/live/quiz-sets", token).await;
    list.as_array().unwrap().clone()
}

#[tokio::test]
async fn a_quiz_set_is_changed_by_its_owner_with_the_same_checks_as_saving_it() {
    let srv = start().await;
    let trainer = srv.signed_in(1, UNIT, &[Role::Trainer], "x").await;
    let other = srv.signed_in(2, UNIT, &[Role::Trainer], "x").await;
    let admin = srv.signed_in(3, "bkn", &[Role::Admin], "x").await;
    let set = save(&srv, "Apel Senin", &trainer.token).await;
    let id = set["id"].as_str().unwrap();

    // Another trainer's set does not exist for them.
    let res = put(&srv, id, "Milik saya", config(20), &other.token).await;
    assert_eq!(
        refused(res).await,
        (StatusCode::NOT_FOUND, "live_no_such_quiz_set".into())
    );

    // Refused as saving would refuse, and nothing changes.
    let res = put(&srv, id, "  ", config(20), &trainer.token).await;
    assert_eq!(
        refused(res).await,
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            "live_quiz_set_name".into()
        )
    );
    let res = put(&srv, id, "Apel", config(5), &trainer.token).await;
    assert_eq!(
        refused(res).await,
        (StatusCode::BAD_REQUEST, "live_seconds_out_of_range".into())
    );
    let mut too_many = config(20);
    too_many["question_count"] = json!(50);
    let res = put(&srv, id, "Apel", too_many, &trainer.token).await;
    assert_eq!(
        refused(res).await,
        (StatusCode::BAD_REQUEST, "live_not_enough_questions".into())
    );
    let mut unknown = config(20);
    unknown["source"] = json!({"kind": "value", "value_id": "tidak-ada"});
    let res = put(&srv, id, "Apel", unknown, &trainer.token).await;
    assert_eq!(
        refused(res).await,
        (StatusCode::BAD_REQUEST, "live_unknown_value".into())
    );
    let unchanged = sets(&srv, &trainer.token).await;
    assert_eq!(unchanged[0]["name"], "Apel Senin");
    assert_eq!(unchanged[0]["config"]["seconds_per_question"], 20);

    // The owner renames it and changes the time; the list shows it.
    let res = put(&srv, id, " Apel  Selasa ", config(45), &trainer.token).await;
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
    let (status, game) = run(&srv, id, &trainer.token).await;
    assert_eq!(status, StatusCode::CREATED);
    let path = format!("/api/v1/live/games/{}", game["id"].as_str().unwrap());
    let detail = json_of(&srv, &path, &trainer.token).await;
    assert_eq!(detail["config"]["seconds_per_question"], 45);

    // An admin may change anyone's set.
    let res = put(&srv, id, "Apel Rabu", config(30), &admin.token).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(sets(&srv, &trainer.token).await[0]["name"], "Apel Rabu");

    // A set that never was.
    let never = "0190a0a0-0000-7000-8000-000000000000";
    let res = put(&srv, never, "Apel", config(20), &trainer.token).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_deleted_quiz_set_is_gone_but_its_games_stay_in_the_history() {
    let srv = start().await;
    let trainer = srv.signed_in(1, UNIT, &[Role::Trainer], "x").await;
    let other = srv.signed_in(2, UNIT, &[Role::UnitAdmin], "x").await;
    let admin = srv.signed_in(3, "bkn", &[Role::Admin], "x").await;
    let monday = save(&srv, "Apel Senin", &trainer.token).await;
    let friday = save(&srv, "Apel Jumat", &trainer.token).await;
    let (monday, friday) = (
        monday["id"].as_str().unwrap(),
        friday["id"].as_str().unwrap(),
    );
    assert_eq!(
        run(&srv, monday, &trainer.token).await.0,
        StatusCode::CREATED
    );

    assert_eq!(
        delete(&srv, monday, &other.token).await,
        StatusCode::NOT_FOUND,
        "not theirs"
    );
    assert_eq!(sets(&srv, &trainer.token).await.len(), 2);

    assert_eq!(
        delete(&srv, monday, &trainer.token).await,
        StatusCode::NO_CONTENT
    );
    let left = sets(&srv, &trainer.token).await;
    assert_eq!(left.len(), 1);
    assert_eq!(left[0]["name"], "Apel Jumat");
    let res = srv
        .get(
            &format!("/api/v1/live/quiz-sets/{monday}"),
            Some(&trainer.token),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        run(&srv, monday, &trainer.token).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        delete(&srv, monday, &trainer.token).await,
        StatusCode::NOT_FOUND,
        "deleted once"
    );

    let history = json_of(&srv, "/api/v1/live/games", &trainer.token).await;
    assert_eq!(history.as_array().unwrap().len(), 1);
    assert_eq!(history[0]["quiz_set_id"].as_str(), Some(monday));

    // An admin may delete anyone's set.
    assert_eq!(
        delete(&srv, friday, &admin.token).await,
        StatusCode::NO_CONTENT
    );
    assert!(sets(&srv, &trainer.token).await.is_empty());
}
