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
