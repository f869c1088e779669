//! Load generator for the live quiz: N simulated phones over real WebSockets on loopback
//! play a whole game against the real server (in this process, with a real SQLite file):
//! join, 10 questions with answers spread over the first seconds of each, 5 % of the
//! phones dropping and rejoining mid-question (resending their answer), podium, end.
//! Prints join time, answer → ack percentiles, question-open broadcast → last phone,
//! close → reveal, CPU time and peak memory of the process (server and generator), and
//! any lost or doubled answers. Numbers only; nothing is asserted on time.
//!
//!   cargo bench -p resapi-server --bench live_load                       # N = 500
//!   RESAPI_LIVE_PLAYERS=500,2000,5000 cargo bench -p resapi-server --bench live_load

use futures_util::{SinkExt, StreamExt};
use resapi_core::api::Role;
use resapi_server::AppState;
use resapi_server::live::{Live, LiveSettings};
use resapi_server::store::NewAccount;
use serde_json::{Value, json};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Semaphore;
use tokio_tungstenite::tungstenite::Message;
use uuid::Uuid;

const QUESTIONS: u32 = 10;
/// Answers are sent at a random moment in the first this many milliseconds of a question.
const SPREAD_MS: u64 = 4000;
/// Every this-many-th phone drops and rejoins during question 3 (5 %).
const REJOIN_EVERY: usize = 20;
const REJOIN_QUESTION: u32 = 3;

type Ws =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

fn nip_digits(n: usize) -> String {
    format!(
        "1985{:02}12201001{}{:03}",
        1 + n / 2000 % 12,
        1 + n / 1000 % 2,
        n % 1000
    )
}

/// A small deterministic spread (no rand dependency).
fn jitter(seed: u64) -> u64 {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03;
    x ^= x >> 29;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^= x >> 32;
    x
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

async fn connect(url: &str) -> Ws {
    let mut wait = Duration::from_millis(50);
    loop {
        // No Nagle delay, as a phone's browser sends its frames.
        let config = tokio_tungstenite::tungstenite::protocol::WebSocketConfig::default()
            .read_buffer_size(16 * 1024)
            .write_buffer_size(0);
        match tokio_tungstenite::connect_async_with_config(url, Some(config), true).await {
            Ok((ws, _)) => return ws,
            Err(_) => {
                tokio::time::sleep(wait).await;
                wait = (wait * 2).min(Duration::from_secs(2));
            }
        }
    }
}

async fn send(ws: &mut Ws, v: &Value) -> bool {
    ws.send(Message::Text(v.to_string().into())).await.is_ok()
}

#[derive(Default)]
struct PlayerReport {
    join: Duration,
    acks: Vec<Duration>,
    rejoin_acks: Vec<Duration>,
    opened: HashMap<u32, Instant>,
    sent: HashMap<u32, Instant>,
    answers_sent: HashSet<Uuid>,
    answers_acked: HashSet<Uuid>,
    refused: u32,
    final_answered: u64,
}

/// One phone: joins, answers each question once at a random moment, and (if `rejoins`)
/// drops right after answering question 3, comes back with its secret and resends.
async fn phone(url: String, n: usize, rejoins: bool, joined: Arc<Semaphore>) -> PlayerReport {
    let mut report = PlayerReport::default();
    let started = Instant::now();
    let mut ws = connect(&url).await;
    send(&mut ws, &json!({"type": "join"})).await;
    let mut secret = String::new();
    let mut pending: Option<(tokio::time::Instant, u32, Value)> = None;
    let mut in_flight: HashMap<Uuid, (Instant, bool)> = HashMap::new();
    let mut answered: HashSet<u32> = HashSet::new();
    // After the end, read on until the server has been quiet a moment: the phone's own
    // last status may come just after the shared view that says the game ended.
    let mut ended: Option<tokio::time::Instant> = None;
    loop {
        let quiet =
            ended.unwrap_or_else(|| tokio::time::Instant::now() + Duration::from_secs(3600));
        let deadline = pending
            .as_ref()
            .map(|(at, _, _)| *at)
            .unwrap_or_else(|| tokio::time::Instant::now() + Duration::from_secs(3600));
        tokio::select! {
            frame = ws.next() => {
                let Some(Ok(frame)) = frame else { break };
                if ended.is_some() {
                    ended = Some(tokio::time::Instant::now() + Duration::from_millis(500));
                }
                let Message::Text(text) = frame else { continue };
                let Ok(msg) = serde_json::from_str::<Value>(text.as_str()) else { continue };
                match msg["type"].as_str() {
                    Some("welcome") if secret.is_empty() => {
                        secret = msg["secret"].as_str().unwrap_or_default().to_owned();
                        report.join = started.elapsed();
                        joined.add_permits(1);
                    }
                    Some("state") => {
                        let view = &msg["view"];
                        match view["phase"].as_str() {
                            Some("question") => {
                                let q = &view["question"];
                                let index = q["index"].as_u64().unwrap_or(0) as u32;
                                report.opened.entry(index).or_insert_with(Instant::now);
                                if answered.insert(index) {
                                    let options = q["options"].as_array().cloned().unwrap_or_default();
                                    let pick = jitter(n as u64 * 31 + u64::from(index)) as usize % options.len().max(1);
                                    let option = options.get(pick).map(|o| o["id"].clone()).unwrap_or_default();
                                    let answer = json!({"type": "answer", "answer_id": Uuid::now_v7(), "question": index, "option_id": option});
                                    let delay = jitter(n as u64 * 7919 + u64::from(index)) % SPREAD_MS;
                                    pending = Some((tokio::time::Instant::now() + Duration::from_millis(delay), index, answer));
                                }
                            }
                            Some("ended") if ended.is_none() => {
                                ended = Some(tokio::time::Instant::now() + Duration::from_millis(500));
                            }
                            _ => {}
                        }
                    }
                    Some("ack") => {
                        if let Some(id) = msg["answer_id"].as_str().and_then(|s| Uuid::parse_str(s).ok()) {
                            if let Some((at, again)) = in_flight.remove(&id) {
                                if again { report.rejoin_acks.push(at.elapsed()) } else { report.acks.push(at.elapsed()) }
                            }
                            report.answers_acked.insert(id);
                        }
                    }
                    Some("refused") => report.refused += 1,
                    Some("you") => {
                        report.final_answered = msg["status"]["answered"].as_u64().unwrap_or(0);
                    }
                    _ => {}
                }
            }
            () = tokio::time::sleep_until(quiet), if ended.is_some() => break,
            () = tokio::time::sleep_until(deadline), if pending.is_some() => {
                let Some((_, index, answer)) = pending.take() else { continue };
                let id = Uuid::parse_str(answer["answer_id"].as_str().unwrap_or_default()).unwrap_or_default();
                report.answers_sent.insert(id);
                report.sent.insert(index, Instant::now());
                in_flight.insert(id, (Instant::now(), false));
                if !send(&mut ws, &answer).await { break; }
                if rejoins && index == REJOIN_QUESTION {
                    // Gone before the ack: a phone that locked or switched networks.
                    drop(ws);
                    ws = connect(&url).await;
                    send(&mut ws, &json!({"type": "rejoin", "secret": secret})).await;
                    in_flight.insert(id, (Instant::now(), true));
                    send(&mut ws, &answer).await;
                }
            }
        }
    }
    report
}

/// The presenter: starts when everyone joined, moves on when each question closed (all
/// answered), and records when it asked for each question and when it saw each reveal.
async fn presenter(
    url: String,
    players: usize,
    joined: Arc<Semaphore>,
) -> (Vec<Instant>, Vec<Instant>) {
    let mut ws = connect(&url).await;
    let _ = joined.acquire_many(players as u32).await;
    eprint!("all {players} joined;");
    let mut opens = Vec::new();
    let mut reveals = Vec::new();
    opens.push(Instant::now());
    send(&mut ws, &json!({"type": "host", "command": "start"})).await;
    let mut index = 0;
    while let Some(Ok(frame)) = ws.next().await {
        let Message::Text(text) = frame else { continue };
        let Ok(msg) = serde_json::from_str::<Value>(text.as_str()) else {
            continue;
        };
        let phase = &msg["view"]["projector"]["phase"];
        if phase["phase"] == "reveal" && phase["reveal"]["index"] == index {
            reveals.push(Instant::now());
            eprint!(" q{index}");
            send(&mut ws, &json!({"type": "host", "command": "next"})).await;
            index += 1;
            opens.push(Instant::now());
            send(&mut ws, &json!({"type": "host", "command": "next"})).await;
            if index == QUESTIONS {
                send(&mut ws, &json!({"type": "host", "command": "next"})).await;
            }
        }
        // Stay until the end is seen: closing with unread views would reset the
        // connection and could drop the last commands.
        if phase["phase"] == "ended" {
            let _ = ws.close(None).await;
            break;
        }
    }
    (opens, reveals)
}

fn process_numbers() -> (f64, u64) {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit(')')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    let cpu = (ticks(11) + ticks(12)) / 100.0;
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let peak_kib = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    (cpu, peak_kib)
}

async fn run(players: usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let mut state = AppState::open(
        &dir.path().join("resapi.db"),
        &content,
        &dir.path().join("dist"),
    )
    .await
    .expect("server state");
    // Every phone comes from 127.0.0.1 here: the per-address join limit is lifted.
    state.live = Arc::new(Live::new(LiveSettings {
        joins_per_minute: 1_000_000,
        ..LiveSettings::default()
    }));
    let store = state.store.clone();
    let units: Vec<String> = store
        .list_units()
        .await
        .expect("units")
        .into_iter()
        .map(|u| u.id)
        .take(8)
        .collect();
    let bundle = state.content.bundle.clone();
    let trainer = store
        .create_account(NewAccount {
            nip: "198501282010011001",
            name: "Pemandu",
            unit_id: &units[0],
            password_hash: "x",
            roles: &[Role::Employee, Role::Trainer],
        })
        .await
        .expect("trainer");
    let (trainer_token, _) = store
        .create_session(trainer.uuid().expect("id"))
        .await
        .expect("session");
    let mut tokens = Vec::with_capacity(players);
    for n in 0..players {
        let row = store
            .create_account(NewAccount {
                nip: &nip_digits(n),
                name: &format!("Pegawai {n:05}"),
                unit_id: &units[n % units.len()],
                password_hash: "x",
                roles: &[Role::Employee],
            })
            .await
            .expect("account");
        tokens.push(
            store
                .create_session(row.uuid().expect("id"))
                .await
                .expect("session")
                .0,
        );
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("port");
    let base = format!("ws://{}", listener.local_addr().expect("address"));
    let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
        let _ = tcp.set_nodelay(true);
    });
    let app = resapi_server::http::app(state)
        .into_make_service_with_connect_info::<std::net::SocketAddr>();
    tokio::spawn(async move { axum::serve(listener, app).await });

    let questions: Vec<String> = bundle
        .questions
        .iter()
        .take(QUESTIONS as usize)
        .map(|q| q.id.clone())
        .collect();
    let http = reqwest::Client::new();
    let created: Value = http
        .post(format!("{}/api/v1/live/games", base.replacen("ws://", "http://", 1)))
        .bearer_auth(&trainer_token)
        .json(&json!({
            "source": {"kind": "questions", "question_ids": questions},
            "question_count": QUESTIONS, "seconds_per_question": 20, "scoring": "speed_points",
            "team_mode": true, "guests_allowed": false, "extra_time_allowed": true, "max_players": 5000
        }))
        .send().await.expect("create").json().await.expect("created");
    let (id, code) = (
        created["id"].as_str().expect("id").to_owned(),
        created["code"].as_str().expect("code").to_owned(),
    );

    let (cpu_before, _) = process_numbers();
    let joined = Arc::new(Semaphore::new(0));
    let wall = Instant::now();
    let host = tokio::spawn(presenter(
        format!("{base}/api/v1/live/games/{id}/ws?token={trainer_token}"),
        players,
        Arc::clone(&joined),
    ));
    let mut phones = Vec::with_capacity(players);
    for (n, token) in tokens.iter().enumerate() {
        let url = format!("{base}/api/v1/live/join/{code}/ws?token={token}");
        phones.push(tokio::spawn(phone(
            url,
            n,
            n % REJOIN_EVERY == 0,
            Arc::clone(&joined),
        )));
    }
    let mut reports = Vec::with_capacity(players);
    for p in phones {
        reports.push(p.await.expect("phone"));
    }
    let (opens, reveals) = host.await.expect("presenter");
    let played = wall.elapsed();
    let (cpu_after, peak_kib) = process_numbers();

    let mut joins: Vec<Duration> = reports.iter().map(|r| r.join).collect();
    joins.sort();
    let mut acks: Vec<Duration> = reports
        .iter()
        .flat_map(|r| r.acks.iter().copied())
        .collect();
    acks.sort();
    let mut rejoin_acks: Vec<Duration> = reports
        .iter()
        .flat_map(|r| r.rejoin_acks.iter().copied())
        .collect();
    rejoin_acks.sort();
    let mut broadcast: Vec<Duration> = Vec::new();
    for (q, open) in opens.iter().enumerate().take(QUESTIONS as usize) {
        for r in &reports {
            if let Some(at) = r.opened.get(&(q as u32)) {
                broadcast.push(at.saturating_duration_since(*open));
            }
        }
    }
    broadcast.sort();
    let mut close_to_reveal: Vec<Duration> = Vec::new();
    for (q, reveal) in reveals.iter().enumerate() {
        let last_sent = reports.iter().filter_map(|r| r.sent.get(&(q as u32))).max();
        if let Some(last) = last_sent {
            close_to_reveal.push(reveal.saturating_duration_since(*last));
        }
    }
    close_to_reveal.sort();
    let sent: usize = reports.iter().map(|r| r.answers_sent.len()).sum();
    let acked: usize = reports.iter().map(|r| r.answers_acked.len()).sum();
    let counted: u64 = reports.iter().map(|r| r.final_answered).sum();
    let refused: u32 = reports.iter().map(|r| r.refused).sum();
    let mut stored = 0i64;
    for _ in 0..600 {
        stored = sqlx::query_scalar("SELECT COUNT(*) FROM records WHERE kind = 'live_answer'")
            .fetch_one(store.sqlite().unwrap())
            .await
            .unwrap_or(0);
        if stored as usize >= acked {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    println!(
        "== live quiz, {players} phones, {QUESTIONS} questions, {}% rejoin mid-question ==",
        100 / REJOIN_EVERY
    );
    println!(
        "join (connect → welcome): p50 {}, p95 {}, last {}",
        ms(percentile(&joins, 0.5)),
        ms(percentile(&joins, 0.95)),
        ms(percentile(&joins, 1.0))
    );
    println!(
        "answer → ack: p50 {}, p95 {}, p99 {} ({} answers)",
        ms(percentile(&acks, 0.5)),
        ms(percentile(&acks, 0.95)),
        ms(percentile(&acks, 0.99)),
        acks.len()
    );
    println!(
        "answer → ack across a rejoin (reconnect included): p50 {}, p95 {} ({})",
        ms(percentile(&rejoin_acks, 0.5)),
        ms(percentile(&rejoin_acks, 0.95)),
        rejoin_acks.len()
    );
    println!(
        "question-open broadcast → phone: p95 {}, last {}",
        ms(percentile(&broadcast, 0.95)),
        ms(percentile(&broadcast, 1.0))
    );
    println!(
        "last answer → reveal at the presenter (close, boards, views): p50 {}, max {}",
        ms(percentile(&close_to_reveal, 0.5)),
        ms(percentile(&close_to_reveal, 1.0))
    );
    println!(
        "game wall time {:.1} s; process CPU {:.1} s (server and generator); peak memory {} MiB",
        played.as_secs_f64(),
        cpu_after - cpu_before,
        peak_kib / 1024
    );
    println!(
        "answers sent {sent}, acknowledged {acked}, counted by the game {counted}, stored as records {stored}, refusals {refused}"
    );
    println!(
        "lost {}, doubled {}",
        sent.saturating_sub(acked) + acked.saturating_sub(counted as usize),
        (counted as usize).saturating_sub(acked) + (stored as usize).saturating_sub(acked)
    );
}

fn main() {
    let sizes: Vec<usize> = std::env::var("RESAPI_LIVE_PLAYERS")
        .unwrap_or_else(|_| "500".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    if sizes.len() > 1 {
        // One process per size: each gets its own peak memory and a clean slate.
        let exe = std::env::current_exe().expect("this program");
        for n in sizes {
            let status = std::process::Command::new(&exe)
                .args(std::env::args().skip(1))
                .env("RESAPI_LIVE_PLAYERS", n.to_string())
                .status()
                .expect("run a size");
            assert!(status.success(), "the run with {n} phones failed");
        }
        return;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    for n in sizes {
        runtime.block_on(run(n));
    }
}
