//! A WebSocket client for the live quiz's tests: a phone or a console that keeps every
//! message it received, in order, so a test can check all of them afterwards.

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use std::time::Duration;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

pub struct Socket {
    ws: WebSocketStream<MaybeTlsStream<TcpStream>>,
    /// Every message received, parsed.
    pub log: Vec<Value>,
    pub closed: bool,
}

/// How long a test waits for one expected message.
pub const WAIT: Duration = Duration::from_secs(15);

impl Socket {
    /// Connects to `url` (`http://…` is turned into `ws://…`).
    pub async fn connect(url: &str) -> Socket {
        let url = url.replacen("http://", "ws://", 1);
        let (ws, _) = tokio_tungstenite::connect_async(url).await.unwrap();
        Socket {
            ws,
            log: Vec::new(),
            closed: false,
        }
    }

    pub async fn send(&mut self, msg: Value) {
        self.send_text(msg.to_string()).await;
    }

    pub async fn send_text(&mut self, text: String) {
        self.ws.send(Message::Text(text.into())).await.unwrap();
    }

    /// The next message (None when the connection closed or nothing came within `wait`).
    pub async fn next(&mut self, wait: Duration) -> Option<Value> {
        loop {
            let msg = tokio::time::timeout(wait, self.ws.next()).await.ok()??;
            match msg {
                Ok(Message::Text(text)) => {
                    let value: Value = serde_json::from_str(text.as_str()).unwrap();
                    self.log.push(value.clone());
                    return Some(value);
                }
                Ok(Message::Close(_)) | Err(_) => {
                    self.closed = true;
                    return None;
                }
                Ok(_) => continue,
            }
        }
    }

    /// Reads until a message matches; panics with what came instead.
    pub async fn until(&mut self, what: &str, matches: impl Fn(&Value) -> bool) -> Value {
        let start = self.log.len();
        loop {
            match self.next(WAIT).await {
                Some(v) if matches(&v) => return v,
                Some(_) => {}
                None => panic!("waiting for {what}, got instead: {:#?}", &self.log[start..]),
            }
        }
    }

    /// The next message of this `type`.
    pub async fn until_type(&mut self, kind: &str) -> Value {
        self.until(kind, |v| v["type"] == kind).await
    }

    /// The next shared view in this phase (`state`, `projector` or `host` messages).
    pub async fn until_phase(&mut self, phase: &str) -> Value {
        self.until(phase, |v| {
            v["view"]["phase"] == phase
                || v["view"]["phase"]["phase"] == phase
                || v["view"]["projector"]["phase"]["phase"] == phase
        })
        .await
    }

    /// Waits until the server closes the connection.
    pub async fn until_closed(&mut self) {
        while self.next(WAIT).await.is_some() {}
        assert!(self.closed, "the server closed the connection");
    }

    /// Reads what has arrived already (a console keeps reading its views).
    pub async fn drain(&mut self) {
        while self.next(Duration::from_millis(20)).await.is_some() {}
    }

    /// A presenter's command; panics if the game refuses it.
    pub async fn host(&mut self, command: &str) {
        self.drain().await;
        let start = self.log.len();
        self.send(json!({"type": "host", "command": command})).await;
        self.drain().await;
        if let Some(refused) = self.log[start..].iter().find(|m| m["type"] == "refused") {
            panic!("host {command} refused: {refused}");
        }
    }
}

/// The trainer's game history once `ready` holds for it (the game's writer stores the end
/// just after it; waits up to 5 s, then returns what it has).
pub async fn history_when(
    srv: &super::Server,
    token: &str,
    ready: impl Fn(&[Value]) -> bool,
) -> Vec<Value> {
    let mut history = Vec::new();
    for _ in 0..100 {
        history = srv
            .get("/api/v1/live/games", Some(token))
            .await
            .json()
            .await
            .unwrap();
        if ready(&history) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    history
}

/// A finished game: its id and every phone with what it received.
pub struct Played {
    pub id: String,
    pub phones: Vec<Socket>,
}

/// Plays a whole game (accuracy only, unit board on, no guests) of `questions` with
/// `people` on their phones: each phone answers each question with `pick(phone, question)`,
/// the presenter moves on until the game has ended. Each phone then waits for its `record`
/// of every question, which comes once the server has stored it.
pub async fn play(
    srv: &super::Server,
    trainer_token: &str,
    people: &[&super::SignedIn],
    questions: &[&str],
    pick: impl Fn(usize, usize) -> String,
) -> Played {
    let config = json!({
        "source": {"kind": "questions", "question_ids": questions},
        "question_count": questions.len(),
        "seconds_per_question": 10,
        "scoring": "accuracy_only",
        "team_mode": true,
        "guests_allowed": false,
        "extra_time_allowed": false,
        "max_players": 10
    });
    let res = srv
        .post("/api/v1/live/games", &config, Some(trainer_token))
        .await;
    assert_eq!(res.status(), reqwest::StatusCode::CREATED);
    let created: Value = res.json().await.unwrap();
    let id = created["id"].as_str().unwrap().to_owned();
    let code = created["code"].as_str().unwrap().to_owned();
    let mut host =
        Socket::connect(&srv.url(&format!("/api/v1/live/games/{id}/ws?token={trainer_token}")))
            .await;
    host.until_type("host").await;
    let mut phones = Vec::new();
    for person in people {
        let mut phone = Socket::connect(&srv.url(&format!(
            "/api/v1/live/join/{code}/ws?token={}",
            person.token
        )))
        .await;
        phone.send(json!({"type": "join"})).await;
        phone.until_type("welcome").await;
        phones.push(phone);
    }
    host.host("start").await;
    for q in 0..questions.len() {
        for (i, phone) in phones.iter_mut().enumerate() {
            phone.until_phase("question").await;
            let msg = json!({"type": "answer", "answer_id": uuid::Uuid::now_v7(),
                "question": q, "option_id": pick(i, q)});
            phone.send(msg).await;
        }
        // Everyone answered: the question closes at once, and each phone hears its result.
        for phone in &mut phones {
            phone
                .until("the result", |v| {
                    v["type"] == "you" && v["status"]["last"]["index"] == q
                })
                .await;
        }
        host.host("next").await;
        host.host("next").await;
    }
    host.host("next").await;
    for phone in &mut phones {
        phone.until_phase("ended").await;
    }
    for phone in &mut phones {
        while records(&phone.log).len() < questions.len() {
            phone.until_type("record").await;
        }
    }
    Played { id, phones }
}

/// The `record`s a phone received, in order.
pub fn records(log: &[Value]) -> Vec<Value> {
    log.iter()
        .filter(|m| m["type"] == "record")
        .map(|m| m["record"].clone())
        .collect()
}

/// (name, points, rank) of each row of a ranking (a podium's `top`, a report's
/// `leaderboard`).
pub fn ranking(rows: &Value) -> Vec<(String, u64, u64)> {
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["name"].as_str().unwrap().to_owned(),
                r["points"].as_u64().unwrap(),
                r["rank"].as_u64().unwrap(),
            )
        })
        .collect()
}
