//! Benchmark: the morning after the flag ceremony. Every phone of an office (each its own
//! account) syncs a batch of finished practice sessions — ten sessions of nine answers and
//! the session record, 100 records (`RESAPI_BENCH_SESSIONS` sets the sessions per batch:
//! 1 is a phone that syncs after each session) — over real HTTP to real `resapi-server` processes
//! (the release binary) and a real database. Three rounds:
//!
//! 1. **all at once**: every phone posts its first batch at the same moment (the apel);
//! 2. **steady**: every phone posts another batch, at most `IN_FLIGHT` at a time, one
//!    after another (the rate a server keeps up with a bounded queue: the latency goal);
//!    once for each number in `RESAPI_BENCH_IN_FLIGHT` (default `6,8`). At a given rate,
//!    more batches in flight only wait longer (20,000 records/s is 200 batches/s, so 8 in
//!    flight average 40 ms each), so the latency goal is read where the rate still holds;
//! 3. **duplicates**: the first batches again, all at once (acknowledgements lost).
//!
//! Prints records/s and the latency of a batch (p50, p95, p99, max) per round; checks that
//! every record is stored exactly once.
//!
//!   cargo bench -p resapi-server --bench sync_after_apel
//!   RESAPI_BENCH_PHONES=1000 RESAPI_BENCH_IN_FLIGHT=4,16 RESAPI_BENCH_SESSIONS=1 cargo bench …
//!   RESAPI_BENCH_DB=postgres://… RESAPI_BENCH_SERVERS=2 RESAPI_BENCH_UNITS=40 cargo bench …
//!
//! Accounts are made straight in the database (argon2 sign-ups would take most of the run
//! and measure password hashing, not sync). With several servers, phones are spread over
//! them in turn, as a load balancer does.

use resapi_core::api::Role;
use resapi_core::content::ContentBundle;
use resapi_core::sync::{RecordStatus, SyncResponse};
use resapi_server::store::{NewAccount, Store};
use serde_json::{Value, json};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use uuid::Uuid;

const ANSWERS_PER_SESSION: usize = 9;
const RECORDS_PER_SESSION: usize = ANSWERS_PER_SESSION + 1;

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A list of numbers (`6,8`); the default when unset or unreadable.
fn env_numbers(name: &str, default: &[usize]) -> Vec<usize> {
    std::env::var(name)
        .ok()
        .and_then(|v| {
            v.split(',')
                .map(|n| n.trim().parse::<usize>().ok().map(|n| n.max(1)))
                .collect::<Option<Vec<_>>>()
        })
        .filter(|list| !list.is_empty())
        .unwrap_or_else(|| default.to_vec())
}

/// A valid NIP per phone: born 1985-03-12, appointed 2010-01, serial from `n`.
fn nip(n: usize) -> String {
    format!(
        "1985{:02}12201001{}{:03}",
        1 + n / 2000 % 12,
        1 + n / 1000 % 2,
        n % 1000
    )
}

/// One practice session: nine answers and the session record.
fn session(account: Uuid, bundle: &ContentBundle, start: usize, records: &mut Vec<Value>) {
    let questions: Vec<_> = bundle
        .questions
        .iter()
        .cycle()
        .skip(start % bundle.questions.len())
        .take(ANSWERS_PER_SESSION)
        .collect();
    let session_id = Uuid::now_v7();
    for (position, q) in questions.iter().enumerate() {
        let option = &q.options[(start + position) % q.options.len()].id;
        records.push(json!({
            "id": Uuid::now_v7(),
            "kind": "practice_answer",
            "account_id": account,
            "created_at": "2026-11-23T01:15:00Z",
            "payload": {
                "attempt_id": session_id,
                "question_id": q.id,
                "option_id": option,
                "correct": *option == q.answer,
                "content_version": bundle.version,
                "position": position
            }
        }));
    }
    records.push(json!({
        "id": session_id,
        "kind": "practice_attempt",
        "account_id": account,
        "created_at": "2026-11-23T01:20:00Z",
        "payload": {
            "scope": "campuran",
            "question_ids": questions.iter().map(|q| q.id.clone()).collect::<Vec<_>>(),
            "answered": ANSWERS_PER_SESSION,
            "correct": 0,
            "completed": true,
            "started_at": "2026-11-23T01:10:00Z",
            "content_version": bundle.version
        }
    }));
}

/// A phone's batch: `sessions` sessions (ten: 100 records).
fn batch(
    account: Uuid,
    bundle: &ContentBundle,
    phone: usize,
    round: usize,
    sessions: usize,
) -> Value {
    let mut records = Vec::with_capacity(sessions * RECORDS_PER_SESSION);
    for s in 0..sessions {
        session(
            account,
            bundle,
            phone * 7 + (round * sessions + s) * 13,
            &mut records,
        );
    }
    json!({ "records": records })
}

/// One `resapi-server serve` process of the bench (killed when dropped).
struct ServerProcess {
    child: Child,
    base: String,
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn spawn_server(db: &Path, content: &Path, dist: &Path) -> ServerProcess {
    let mut child = Command::new(env!("CARGO_BIN_EXE_resapi-server"))
        .arg("serve")
        .arg("--db")
        .arg(db)
        .args(["--addr", "127.0.0.1:0"])
        .arg("--content")
        .arg(content)
        .arg("--dist")
        .arg(dist)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("resapi-server starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("first line");
    let base = line
        .trim()
        .strip_prefix("Resapi listening on ")
        .unwrap_or_else(|| panic!("unexpected first line: {line:?}"))
        .to_owned();
    ServerProcess { child, base }
}

/// User and system CPU seconds a process has used so far, from `/proc/<pid>/stat`.
fn cpu_seconds(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    // USER_HZ is 100 on every Linux this runs on.
    Some(ticks / 100.0)
}

struct Round {
    wall: Duration,
    latencies: Vec<Duration>,
    statuses: Vec<RecordStatus>,
}

/// Posts every batch, at most `in_flight` at a time; each request timed on its own.
async fn round(
    http: &reqwest::Client,
    batches: &[(String, String, Arc<Value>)],
    in_flight: usize,
) -> Round {
    let started = Instant::now();
    let gate = Arc::new(Semaphore::new(in_flight));
    let mut set = JoinSet::new();
    for (url, token, body) in batches.iter().cloned() {
        let (http, gate) = (http.clone(), Arc::clone(&gate));
        set.spawn(async move {
            let _turn = gate.acquire_owned().await.expect("gate");
            let t = Instant::now();
            let res = http.post(url).bearer_auth(token).json(&*body).send().await;
            let res = res
                .expect("request")
                .error_for_status()
                .expect("status 200");
            let body: SyncResponse = res.json().await.expect("sync response");
            (t.elapsed(), body)
        });
    }
    let mut latencies = Vec::new();
    let mut statuses = Vec::new();
    while let Some(done) = set.join_next().await {
        let (latency, body) = done.expect("task");
        latencies.push(latency);
        statuses.extend(body.results.into_iter().map(|r| r.status));
    }
    latencies.sort();
    Round {
        wall: started.elapsed(),
        latencies,
        statuses,
    }
}

fn report(what: &str, r: &Round) {
    let pct = |p: f64| r.latencies[((r.latencies.len() - 1) as f64 * p).round() as usize];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "| {what:<32} | {:>6.0} | {:>8.0} | {:>5.0} | {:>5.0} | {:>5.0} | {:>5.0} |",
        ms(r.wall),
        r.statuses.len() as f64 / r.wall.as_secs_f64(),
        ms(pct(0.5)),
        ms(pct(0.95)),
        ms(pct(0.99)),
        ms(pct(1.0)),
    );
}

#[tokio::main]
async fn main() {
    let phones = env_number("RESAPI_BENCH_PHONES", 300);
    let in_flight = env_numbers("RESAPI_BENCH_IN_FLIGHT", &[6, 8]);
    let servers = env_number("RESAPI_BENCH_SERVERS", 1).max(1);
    let sessions = env_number("RESAPI_BENCH_SESSIONS", 10).clamp(1, 45);
    // Phones of one unit share its tally rows (the worst case on PostgreSQL, where batches
    // of one unit wait for each other's commit); more units spread them as a ministry does.
    let units = env_number("RESAPI_BENCH_UNITS", 1).max(1);
    let per_batch = sessions * RECORDS_PER_SESSION;
    let dir = tempfile::tempdir().expect("temp dir");
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    // A new, empty database: a SQLite file here, or the PostgreSQL one named.
    let location = std::env::var("RESAPI_BENCH_DB")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| dir.path().join("resapi.db"));
    let backend = if location.to_string_lossy().starts_with("postgres") {
        "PostgreSQL"
    } else {
        "SQLite file"
    };
    let dist = dir.path().join("dist");
    let processes: Vec<ServerProcess> = (0..servers)
        .map(|_| spawn_server(&location, &content, &dist))
        .collect();
    let store = Store::open(&location).await.expect("database");
    let http = reqwest::Client::new();
    // A phone asking for brotli waits for the server's one compression of the content
    // bundle (seconds at its strongest setting), which would otherwise run during round 1.
    let compressed = http
        .get(format!("{}/api/v1/content", processes[0].base))
        .header("accept-encoding", "br")
        .send()
        .await
        .expect("content");
    compressed.bytes().await.expect("content bytes");
    let bundle: ContentBundle = http
        .get(format!("{}/api/v1/content", processes[0].base))
        .send()
        .await
        .expect("content")
        .json()
        .await
        .expect("content bundle");

    let unit_ids: Vec<String> = store
        .list_units()
        .await
        .expect("units")
        .into_iter()
        .map(|u| u.id)
        .take(units)
        .collect();
    let mut first = Vec::new();
    let mut steady_batches = vec![Vec::new(); in_flight.len()];
    for n in 0..phones {
        let account = store
            .create_account(NewAccount {
                nip: &nip(n),
                name: &format!("Pegawai {n}"),
                unit_id: &unit_ids[n % unit_ids.len()],
                password_hash: "not used",
                roles: &[Role::Employee],
            })
            .await
            .expect("account");
        let id = account.uuid().expect("account id");
        let (token, _) = store.create_session(id).await.expect("session");
        let url = format!("{}/api/v1/sync", processes[n % servers].base);
        first.push((
            url.clone(),
            token.clone(),
            Arc::new(batch(id, &bundle, n, 0, sessions)),
        ));
        for (k, batches) in steady_batches.iter_mut().enumerate() {
            let body = Arc::new(batch(id, &bundle, n, 1 + k, sessions));
            batches.push((url.clone(), token.clone(), body));
        }
    }

    // Start-up (migrations, the content's compression) is not the sync's.
    let cpu_before: f64 = processes
        .iter()
        .filter_map(|p| cpu_seconds(p.child.id()))
        .sum();
    let all_at_once = round(&http, &first, phones).await;
    let mut steady = Vec::new();
    for (batches, &at_once) in steady_batches.iter().zip(&in_flight) {
        steady.push((at_once, round(&http, batches, at_once).await));
    }
    let again = round(&http, &first, phones).await;

    let rounds_stored = 1 + in_flight.len();
    let expected = phones * per_batch * rounds_stored;
    let contents = store.contents().await.expect("count");
    let stored = contents
        .rows
        .iter()
        .find(|(table, _)| table == "records")
        .map_or(0, |(_, n)| *n);
    assert!(
        all_at_once
            .statuses
            .iter()
            .all(|s| *s == RecordStatus::Stored)
    );
    for (_, r) in &steady {
        assert!(r.statuses.iter().all(|s| *s == RecordStatus::Stored));
    }
    assert!(again.statuses.iter().all(|s| *s == RecordStatus::Duplicate));
    assert_eq!(stored as usize, expected, "each record stored exactly once");

    println!(
        "\nsync after the apel: {phones} phones × {per_batch} records, {} unit(s), {backend}, \
         {servers} server process(es)\n",
        unit_ids.len()
    );
    println!("| round | wall ms | records/s | p50 ms | p95 ms | p99 ms | max ms |");
    println!("|---|---|---|---|---|---|---|");
    report(&format!("all {phones} at once (stored)"), &all_at_once);
    for (at_once, r) in &steady {
        report(&format!("{at_once} at a time (stored)"), r);
    }
    report(&format!("all {phones} again (duplicates)"), &again);
    println!("\nstored: {stored} records, each once");
    // The servers' own CPU time (from /proc; Linux only), for sizing: the database's is
    // measured apart (docs/scale.md).
    let cpu: f64 = processes
        .iter()
        .filter_map(|p| cpu_seconds(p.child.id()))
        .sum::<f64>()
        - cpu_before;
    if cpu > 0.0 {
        println!(
            "server CPU: {cpu:.1} s for {} records sent ({:.0} µs per record)",
            phones * per_batch * (rounds_stored + 1),
            cpu * 1e6 / (phones * per_batch * (rounds_stored + 1)) as f64
        );
    }
    drop(processes);
}
