//! `resapi-server demo` over a real SQLite file: a fresh database gets a believable agency
//! whose records the server itself accepts and serves, with the patterns the dashboards are
//! meant to show; a database that holds anything is refused, and demo data says what it is.

mod common;

use common::{get_json, server_command};
use reqwest::StatusCode;
use resapi_core::api::AuthResponse;
use resapi_core::content::ContentBundle;
use resapi_core::questionnaire::INDEKS_BERAKHLAK;
use resapi_core::scoring::{ItemMeans, index_from_item_means};
use resapi_core::sync::{QuestionnaireResponse, RecordKind, RecordsPage, SyncRecord, check_record};
use resapi_server::AppState;
use resapi_server::demo::{self, DEMO_PASSWORD, DemoError, Options, Report, SIGN_IN};
use resapi_server::store::Store;
use serde_json::{Value, json};
use sqlx::SqlitePool;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use uuid::Uuid;

fn content_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

/// Small enough for a debug build to fill in seconds, large enough for the patterns; a
/// fixed year (Lebaran on 20 March 2026), so the test does not depend on the day it runs.
fn test_scale(seed: u64) -> Options {
    Options {
        seed,
        accounts: 1500,
        records: 20_000,
        until: Some(time::macros::date!(2026 - 11 - 30)),
    }
}

async fn fill(
    path: &Path,
    options: &Options,
) -> (SqlitePool, ContentBundle, Result<Report, DemoError>) {
    let content = resapi_server::content::load(&content_dir()).unwrap();
    let store = Store::open(path).await.unwrap();
    let report = demo::fill(&store, &content.bundle, &content.units, options, |_, _| {}).await;
    (store.sqlite().unwrap().clone(), content.bundle, report)
}

async fn scalar(db: &SqlitePool, sql: &'static str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(db).await.unwrap()
}

/// Serves `path` as `resapi-server serve` would; returns the base URL.
async fn serve(path: &Path, dist: &Path) -> String {
    let state = AppState::open(path, &content_dir(), dist).await.unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = resapi_server::http::app_with(state, &Default::default())
        .into_make_service_with_connect_info::<std::net::SocketAddr>();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}")
}

type Row = (
    String,
    String,
    String,
    String,
    String,
    String,
    Option<bool>,
    String,
);

#[tokio::test]
async fn a_fresh_database_gets_a_believable_demo_agency_the_server_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    let (pool, content, report) = fill(&path, &test_scale(11)).await;
    let report = report.unwrap();

    // The real unit tree, thousands of people, the records asked for.
    let units = resapi_server::content::read_units(&content_dir()).unwrap();
    assert!((40..=60).contains(&units.len()));
    assert_eq!(
        scalar(&pool, "SELECT COUNT(*) FROM units").await,
        units.len() as i64
    );
    let accounts = scalar(&pool, "SELECT COUNT(*) FROM accounts").await;
    assert!((1400..=1600).contains(&accounts), "{accounts} accounts");
    let records = scalar(&pool, "SELECT COUNT(*) FROM records").await;
    assert_eq!(records as u64, report.records);
    assert!(
        (20_000..=21_000).contains(&records),
        "{records} records: at least those asked"
    );
    assert_eq!(scalar(&pool, "SELECT demo FROM instance").await, 1);
    println!(
        "demo test scale: {} accounts, {records} records in {:.1} s",
        accounts, report.seconds
    );

    // Every record passes the server's own check, with the server's judgement of answers
    // and the fingerprint a resent copy would match.
    let now = OffsetDateTime::now_utc();
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, kind, account_id, created_at, received_at, payload, server_correct, content_hash FROM records",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let mut kinds: HashSet<RecordKind> = HashSet::new();
    for (id, kind, account, created, received, payload, server_correct, hash) in &rows {
        let record = SyncRecord {
            id: Uuid::parse_str(id).unwrap(),
            kind: RecordKind::parse(kind).unwrap(),
            account_id: Uuid::parse_str(account).unwrap(),
            created_at: OffsetDateTime::parse(created, &Rfc3339).unwrap(),
            payload: serde_json::from_str(payload).unwrap(),
        };
        let judged = check_record(&record, record.account_id, &content, now)
            .unwrap_or_else(|e| panic!("{kind} {id} refused: {e}"));
        assert_eq!(judged, *server_correct, "{id}");
        assert_eq!(&resapi_server::records::fingerprint(&record), hash);
        let received = OffsetDateTime::parse(received, &Rfc3339).unwrap();
        assert!(received >= record.created_at && received <= now, "{id}");
        kinds.insert(record.kind);
    }
    assert_eq!(kinds.len(), 6, "every kind of record: {kinds:?}");

    // The employee sign-in account sees her own history through the API; health says demo.
    let base = serve(&path, &dir.path().join("dist")).await;
    let http = reqwest::Client::new();
    let health: Value = get_json(&http, &format!("{base}/api/v1/health"), None).await;
    assert_eq!(health["demo"], json!(true));
    let employee = SIGN_IN
        .iter()
        .find(|s| s.role == resapi_core::api::Role::Employee)
        .unwrap();
    let res = http
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({"nip": employee.nip, "password": DEMO_PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let auth: AuthResponse = res.json().await.unwrap();
    let page: RecordsPage = get_json(
        &http,
        &format!("{base}/api/v1/me/records"),
        Some(&auth.token),
    )
    .await;
    assert!(page.records.len() > 20, "{} records", page.records.len());
    assert!(
        page.records
            .iter()
            .all(|r| r.record.account_id == auth.account.id)
    );
    assert!(
        page.records
            .iter()
            .any(|r| r.record.kind == RecordKind::PracticeAnswer)
    );

    // Adaptif is the weakest value of the agency's BerAKHLAK index.
    let questionnaire = content.questionnaire(INDEKS_BERAKHLAK).unwrap();
    let mut sums: BTreeMap<String, (f64, f64)> = BTreeMap::new();
    for (_, kind, _, _, _, payload, _, _) in &rows {
        if kind == "questionnaire_response" {
            let response: QuestionnaireResponse = serde_json::from_str(payload).unwrap();
            if response.questionnaire_id == INDEKS_BERAKHLAK {
                for (item, answer) in response.answers {
                    let s = sums.entry(item).or_default();
                    s.0 += f64::from(answer);
                    s.1 += 1.0;
                }
            }
        }
    }
    let means: ItemMeans = sums.into_iter().map(|(k, (s, n))| (k, s / n)).collect();
    let index = index_from_item_means(questionnaire, &means, &content.scoring).unwrap();
    let percents: Vec<String> = index
        .values
        .iter()
        .map(|v| format!("{} {:.1}", v.value, v.percent.unwrap_or(f64::NAN)))
        .collect();
    println!("index per value: {}", percents.join(", "));
    assert_eq!(index.weakest().unwrap().value, "adaptif", "{index:?}");

    // Strong units answer practice questions better than weak ones, and take part more.
    let by_unit: Vec<(String, f64, i64, i64)> = sqlx::query_as(
        "SELECT a.unit_id, AVG(r.server_correct), COUNT(DISTINCT r.account_id), \
         (SELECT COUNT(*) FROM accounts m WHERE m.unit_id = a.unit_id) \
         FROM records r JOIN accounts a ON a.id = r.account_id \
         WHERE r.kind = 'practice_answer' GROUP BY a.unit_id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let group = |ids: &[String]| {
        let rows: Vec<_> = by_unit.iter().filter(|u| ids.contains(&u.0)).collect();
        assert!(!rows.is_empty());
        let accuracy = rows.iter().map(|u| u.1).sum::<f64>() / rows.len() as f64;
        let share = rows.iter().map(|u| u.2 as f64 / u.3 as f64).sum::<f64>() / rows.len() as f64;
        (accuracy, share)
    };
    let (strong_accuracy, strong_share) = group(&report.strong_units);
    let (weak_accuracy, weak_share) = group(&report.weak_units);
    println!(
        "practice accuracy strong {strong_accuracy:.3} weak {weak_accuracy:.3}; members active strong {strong_share:.2} weak {weak_share:.2}"
    );
    assert!(
        strong_accuracy > weak_accuracy + 0.08,
        "strong {strong_accuracy:.2}, weak {weak_accuracy:.2}"
    );
    assert!(
        strong_share > weak_share + 0.2,
        "strong {strong_share:.2}, weak {weak_share:.2}"
    );

    // The Lebaran month is quieter than a usual month.
    let months: Vec<(String, i64)> = sqlx::query_as(
        "SELECT strftime('%Y-%m', created_at, '+7 hours') AS m, COUNT(*) FROM records \
         WHERE kind = 'practice_attempt' GROUP BY m ORDER BY m",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let (year, month) = report.dip_month.unwrap();
    assert_eq!((year, month), (2026, time::Month::March));
    let dip_key = format!("{year:04}-{:02}", u8::from(month));
    let dip = months.iter().find(|m| m.0 == dip_key).unwrap().1;
    // Full months only (the period's first and last are partial).
    let mut usual: Vec<i64> = months[1..months.len() - 1]
        .iter()
        .filter(|m| m.0 != dip_key)
        .map(|m| m.1)
        .collect();
    usual.sort_unstable();
    let median = usual[usual.len() / 2];
    println!("practice sessions in the Lebaran month {dip}, median month {median}");
    assert!(
        (dip as f64) < 0.8 * median as f64,
        "dip {dip} vs median {median}: {months:?}"
    );

    // A few units have fewer than five people, and some of them did answer.
    let respondents: HashMap<String, (i64, i64)> = sqlx::query_as::<_, (String, i64, i64)>(
        "SELECT u.id, (SELECT COUNT(*) FROM accounts a WHERE a.unit_id = u.id), \
         (SELECT COUNT(DISTINCT r.account_id) FROM records r JOIN accounts a ON a.id = r.account_id \
          WHERE a.unit_id = u.id AND r.kind = 'questionnaire_response') FROM units u",
    )
    .fetch_all(&pool)
    .await
    .unwrap()
    .into_iter()
    .map(|(id, members, answered)| (id, (members, answered)))
    .collect();
    assert!(report.small_units.len() >= 2);
    for unit in &report.small_units {
        assert!(respondents[unit].0 < 5, "{unit}: {:?}", respondents[unit]);
    }
    assert!(report.small_units.iter().any(|u| respondents[u].1 > 0));

    // Some people answered one questionnaire more than once in a month.
    let repeated = scalar(
        &pool,
        "SELECT COUNT(*) FROM (SELECT account_id FROM records WHERE kind = 'questionnaire_response' \
         GROUP BY account_id, json_extract(payload, '$.questionnaire_id'), \
         strftime('%Y-%m', created_at, '+7 hours') HAVING COUNT(*) > 1)",
    )
    .await;
    println!("questionnaires answered twice in a month: {repeated}");
    assert!(repeated >= 20, "{repeated} repeat answers in a month");
}

#[tokio::test]
async fn a_database_that_holds_anything_is_refused_and_left_as_it_was() {
    // Through the library: an account is enough to refuse.
    let srv = common::start().await;
    let health: Value = srv.get("/api/v1/health", None).await.json().await.unwrap();
    assert_eq!(health["demo"], json!(false));
    srv.register(1).await;
    let content = resapi_server::content::load(&content_dir()).unwrap();
    let refused = demo::fill(
        &srv.store(),
        &content.bundle,
        &content.units,
        &test_scale(1),
        |_, _| {},
    )
    .await;
    assert!(
        matches!(refused, Err(DemoError::NotEmpty { accounts: 1, .. })),
        "{refused:?}"
    );

    // Through the command: a clear message, a failing exit, nothing added, no demo mark.
    let out = server_command()
        .args(["demo", "--content"])
        .arg(content_dir())
        .arg("--db")
        .arg(srv.db_path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("not empty") && stderr.contains("1 account"),
        "{stderr}"
    );
    assert_eq!(srv.count("SELECT COUNT(*) FROM accounts").await, 1);
    assert_eq!(srv.count("SELECT COUNT(*) FROM records").await, 0);
    assert_eq!(srv.count("SELECT demo FROM instance").await, 0);
}

#[tokio::test]
async fn a_seed_makes_the_same_agency_a_demo_database_is_not_filled_twice_and_admin_commands_warn()
{
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    let tiny = Options {
        seed: 3,
        accounts: 80,
        records: 1500,
        until: Some(time::macros::date!(2026 - 10 - 31)),
    };
    let (pool, _, report) = fill(&path, &tiny).await;
    report.unwrap();
    let (_, _, again) = fill(&path, &tiny).await;
    assert!(matches!(again, Err(DemoError::AlreadyDemo)), "{again:?}");

    // The same seed and last day make the same agency, to the record.
    let (twin, _, report) = fill(&dir.path().join("twin.db"), &tiny).await;
    report.unwrap();
    let all = "SELECT a.nip || ' ' || r.id || ' ' || r.created_at || ' ' || r.payload \
               FROM records r JOIN accounts a ON a.id = r.account_id ORDER BY r.id";
    let first: Vec<String> = sqlx::query_scalar(all).fetch_all(&pool).await.unwrap();
    let second: Vec<String> = sqlx::query_scalar(all).fetch_all(&twin).await.unwrap();
    assert!(first.len() >= 1500);
    assert!(first == second, "the same seed made different records");
    pool.close().await;

    let out = server_command()
        .args(["demo", "--content"])
        .arg(content_dir())
        .arg("--db")
        .arg(&path)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("already holds demo data"));

    // A real admin command still works on demo data, after saying what the data is.
    let out = server_command()
        .args([
            "grant-role",
            "--role",
            "trainer",
            "--nip",
            SIGN_IN[3].nip,
            "--db",
        ])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("DEMO data"));
}

/// The demo's competitions: last month's is published with the Deputi BMK's directorates
/// ranked, this week's is open to the demo employee, and ASN Inspiratif shows on her phone
/// (a colleague's, consented) while hers waits for her decision.
#[tokio::test]
async fn the_demo_agency_has_a_published_and_an_open_competition_and_an_asn_inspiratif() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    let (_, bundle, report) = fill(&path, &test_scale(7)).await;
    report.unwrap();
    let content = resapi_server::content::load(&content_dir()).unwrap();
    let pool = ContentBundle {
        questions: content.pool,
        ..bundle
    };
    let store = Store::open(&path).await.unwrap();
    let summary = demo::competitions::seed(&store, &pool, OffsetDateTime::now_utc(), 7)
        .await
        .unwrap();
    assert!(summary.starts_with("2 competitions"), "{summary}");
    store.close().await;

    let base = serve(&path, &dir.path().join("dist")).await;
    let http = reqwest::Client::new();
    let siti = &SIGN_IN[3];
    let auth: AuthResponse = http
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({"nip": siti.nip, "password": DEMO_PASSWORD}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mine: Value = get_json(
        &http,
        &format!("{base}/api/v1/me/competitions"),
        Some(&auth.token),
    )
    .await;
    let phases: Vec<&str> = mine["competitions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["phase"].as_str().unwrap())
        .collect();
    assert_eq!(phases, ["open", "published"]);
    let podium = mine["competitions"][1]["podium"].as_array().unwrap();
    assert!(podium.len() >= 3, "the directorates are ranked: {podium:?}");
    assert!(
        podium
            .iter()
            .all(|u| u["unit_id"].as_str().unwrap().starts_with("bkn-dit-"))
    );
    let recognitions: Value = get_json(
        &http,
        &format!("{base}/api/v1/me/recognitions"),
        Some(&auth.token),
    )
    .await;
    assert_eq!(recognitions["mine"][0]["consent"], "pending");
    assert_eq!(recognitions["shown"].as_array().unwrap().len(), 1);
}
