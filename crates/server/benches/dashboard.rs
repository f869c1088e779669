//! Benchmark: the unit dashboard of the top unit over a year, on a database of a million
//! records (or `RESAPI_BENCH_RECORDS`). Fills a fresh SQLite file with an agency (the unit
//! tree of `content/units.toml`, people spread unevenly over it, a year of practice answers
//! and questionnaire responses built from the core payload types), builds the dashboard facts
//! as after migration 0006, then asks for the dashboard repeatedly and prints the server
//! time (median, p95) of the whole computation: reading the facts, the anonymity grids of
//! every figure family, the figures, the trend and the sub-units.
//!
//!   cargo bench -p resapi-server --bench dashboard
//!   RESAPI_BENCH_RECORDS=200000 cargo bench -p resapi-server --bench dashboard
//!   RESAPI_BENCH_DB=postgres://… cargo bench -p resapi-server --bench dashboard  (an empty database)

use axum::body::Body;
use axum::http::Request;
use resapi_core::aggregate::period::Period;
use resapi_core::aggregate::suppression::Guarded;
use resapi_core::aggregate::threshold::MinRespondents;
use resapi_core::api::Role;
use resapi_core::content::{ContentBundle, Unit};
use resapi_core::rng::Rng;
use resapi_core::sync::{PracticeAnswer, QuestionnaireResponse, SyncRecord};
use resapi_server::AppState;
use resapi_server::dashboard::unit_dashboard;
use resapi_server::store::{NewAccount, Store};
use std::path::Path;
use std::time::{Duration, Instant};
use time::macros::datetime;
use tower::ServiceExt;
use uuid::Uuid;

const SEED: u64 = 2026;
const REQUESTS: usize = 40;

fn nip(n: usize) -> String {
    format!(
        "1985{:02}{:02}2010011{:03}",
        1 + n / 28_000 % 12,
        1 + n / 1000 % 28,
        n % 1000
    )
}

/// People per unit: most units 20–100, a few tiny ones (1–4) where suppression bites.
fn unit_sizes(units: &[Unit], people: usize, rng: &mut Rng) -> Vec<usize> {
    let weights: Vec<usize> = (0..units.len())
        .map(|i| if i % 9 == 4 { 1 } else { 5 + rng.below(20) })
        .collect();
    let total: usize = weights.iter().sum();
    weights
        .iter()
        .map(|w| (people * w / total).max(1))
        .collect()
}

/// A person's answer to a Likert item: around their level, Adaptif lower.
fn likert(level: i64, item: &resapi_core::questionnaire::Item, rng: &mut Rng) -> u8 {
    let dip = i64::from(item.component == "adaptif");
    let a = level - dip + rng.below(3) as i64 - 1;
    let a = if item.reverse { 6 - a } else { a };
    a.clamp(1, 5) as u8
}

fn generate(
    bundle: &ContentBundle,
    people: &[(Uuid, usize)],
    records: usize,
    rng: &mut Rng,
) -> Vec<(SyncRecord, Option<bool>)> {
    let start = datetime!(2026-01-01 01:00 UTC);
    let mut out = Vec::with_capacity(records);
    // Questionnaires: each person answers each one in about 3 of the 12 months.
    for &(person, skill) in people {
        for q in &bundle.questionnaires {
            for month in 0..12 {
                if rng.below(4) != 0 {
                    continue;
                }
                let at = start + Duration::from_secs((month * 30 + rng.below(28)) as u64 * 86_400);
                let level = 2 + (skill % 3) as i64;
                let mut answers = std::collections::BTreeMap::new();
                for i in &q.items {
                    // One item in twenty is skipped.
                    if rng.below(20) != 0 {
                        answers.insert(i.id.clone(), likert(level, i, rng));
                    }
                }
                let payload = QuestionnaireResponse {
                    questionnaire_id: q.id.clone(),
                    answers,
                    started_at: at,
                    content_version: bundle.version.clone(),
                };
                if let Ok(r) = SyncRecord::new(Uuid::now_v7(), person, at, &payload) {
                    out.push((r, None));
                }
            }
        }
    }
    // Practice answers fill the rest, spread over the year.
    let mut position = 0u32;
    let mut session = Uuid::now_v7();
    while out.len() < records {
        let (person, skill) = people[rng.below(people.len())];
        let q = &bundle.questions[rng.below(bundle.questions.len())];
        let correct = rng.below(100) < 45 + skill % 45;
        let option = if correct {
            q.answer.clone()
        } else {
            q.options
                .iter()
                .find(|o| o.id != q.answer)
                .map_or_else(|| q.answer.clone(), |o| o.id.clone())
        };
        if position.is_multiple_of(10) {
            session = Uuid::now_v7();
        }
        let at = start + Duration::from_secs(rng.below(364 * 86_400) as u64);
        let payload = PracticeAnswer {
            session_id: session,
            question_id: q.id.clone(),
            option_id: option,
            correct,
            content_version: bundle.version.clone(),
            position: position % 10,
            question_rev: q.rev,
        };
        position += 1;
        if let Ok(r) = SyncRecord::new(Uuid::now_v7(), person, at, &payload) {
            out.push((r, Some(correct)));
        }
    }
    out
}

async fn fill(store: &Store, bundle: &ContentBundle, units: &[Unit], records: usize) -> usize {
    let mut rng = Rng::new(SEED);
    let people_total = (records / 330).max(3000);
    let sizes = unit_sizes(units, people_total, &mut rng);
    let mut people = Vec::new();
    let hash = "$argon2id$v=19$m=19456,t=2,p=1$YmVuY2g$YmVuY2hoYXNo";
    for (unit, &size) in units.iter().zip(&sizes) {
        for _ in 0..size {
            let n = people.len();
            let row = store
                .create_account(NewAccount {
                    nip: &nip(n),
                    name: &format!("Pegawai {n}"),
                    unit_id: &unit.id,
                    password_hash: hash,
                    roles: &[Role::Employee],
                })
                .await
                .expect("account");
            people.push((row.uuid().expect("uuid"), rng.below(1000)));
        }
    }
    let generated = generate(bundle, &people, records, &mut rng);
    for chunk in generated.chunks(100_000) {
        store.load_records(chunk).await.expect("records");
    }
    people.len()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn state_is_postgres(location: &Path) -> bool {
    location.to_string_lossy().starts_with("postgres")
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

#[tokio::main]
async fn main() {
    let records: usize = std::env::var("RESAPI_BENCH_RECORDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let content_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let content = resapi_server::content::load(&content_dir).expect("content");
    let location = std::env::var("RESAPI_BENCH_DB")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| dir.path().join("bench.db"));
    let backend = if state_is_postgres(&location) {
        "PostgreSQL"
    } else {
        "SQLite"
    };
    let mut state = AppState::open(&location, &content_dir, &dir.path().join("dist"))
        .await
        .expect("open");
    // The bench's records lie in 2026: a day after it, so every figure is computed (a running
    // period's questionnaire figures are not).
    let after = time::macros::date!(2027 - 01 - 15);
    state.clock = resapi_server::clock::Clock::fixed(after);
    let store = state.store.clone();
    let bundle = &state.content.bundle;
    let top = content
        .units
        .iter()
        .find(|u| u.parent_id.is_none())
        .expect("a top unit")
        .id
        .clone();

    let t = Instant::now();
    let people = fill(&store, bundle, &content.units, records).await;
    let fill_time = t.elapsed();
    let t = Instant::now();
    let read = store.rebuild_facts(bundle).await.expect("facts");
    let facts_time = t.elapsed();
    println!(
        "dashboard bench ({backend}): {read} records, {people} people, {} units; fill {:.1} s, facts built in {:.1} s",
        content.units.len(),
        fill_time.as_secs_f64(),
        facts_time.as_secs_f64()
    );

    let k = MinRespondents::DEFAULT;
    let admin = store
        .create_account(NewAccount {
            nip: &nip(999_999),
            name: "Admin",
            unit_id: &top,
            password_hash: "$argon2id$v=19$m=19456,t=2,p=1$YmVuY2g$YmVuY2hoYXNo",
            roles: &[Role::Employee, Role::Admin],
        })
        .await
        .expect("admin");
    let (token, _) = store
        .create_session(admin.uuid().expect("uuid"))
        .await
        .expect("session");
    let app = resapi_server::http::app(state.clone());
    for label in ["2026", "2026-Q2", "2026-03"] {
        let period: Period = label.parse().expect("period");
        // Computed: what the first request after new records costs.
        let mut computed = Vec::with_capacity(REQUESTS);
        let mut shown = 0;
        for _ in 0..REQUESTS {
            let t = Instant::now();
            let d = unit_dashboard(&store, bundle, &top, period, k, after)
                .await
                .expect("dashboard");
            computed.push(t.elapsed());
            shown = d
                .sub_units
                .iter()
                .filter(|s| matches!(s.index, Guarded::Shown { .. }))
                .count();
        }
        computed.sort();
        // Served: the whole request in the server (auth, scope, cache, JSON), as an admin
        // opening the dashboard again before new records arrive.
        let mut served = Vec::with_capacity(REQUESTS);
        let mut bytes = 0;
        for _ in 0..REQUESTS {
            let req = Request::get(format!("/api/v1/units/{top}/dashboard?period={label}"))
                .header("authorization", format!("Bearer {token}"))
                .body(Body::empty())
                .expect("request");
            let t = Instant::now();
            let res = app.clone().oneshot(req).await.expect("response");
            let body = axum::body::to_bytes(res.into_body(), usize::MAX)
                .await
                .expect("body");
            served.push(t.elapsed());
            bytes = body.len();
        }
        served.sort();
        println!(
            "  top unit `{top}`, period {label}: computed median {:.1} ms, p95 {:.1} ms; \
             served median {:.1} ms, p95 {:.1} ms ({REQUESTS} requests each; {bytes} bytes; \
             {shown} sub-unit index cells shown)",
            ms(percentile(&computed, 0.5)),
            ms(percentile(&computed, 0.95)),
            ms(percentile(&served, 0.5)),
            ms(percentile(&served, 0.95)),
        );
    }
}
