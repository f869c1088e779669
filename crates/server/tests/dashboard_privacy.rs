//! The attacker: over real HTTP, an admin who sees every dashboard of every unit in every
//! month, quarter and year tries to work out a group of fewer than k people by subtraction,
//! over the unit tree (a unit minus its shown sub-units, hidden sub-units opened up into
//! their own shown parts, the unit's own members) and over periods (a year minus its shown
//! quarters, a quarter minus its shown months), for counts and for sums (mean × n where both
//! are shown). The agency has tiny units (1–4 people) next to bigger ones, and people who
//! answer several times a year. The test knows the truth and fails on any recovered cell.
//! It also checks that no answer carries a person (ids, NIPs, names) and that employees and
//! trainers are refused.

mod common;

use common::*;
use resapi_core::api::Role;
use resapi_core::questionnaire::Questionnaire;
use resapi_core::rng::Rng;
use resapi_core::scoring::score_components;
use serde_json::Value;
use std::collections::BTreeMap;
use uuid::Uuid;

const K: u32 = 5;

/// The tree: (unit, parent, people). `bkn` is the fixture's top unit with 2 own members.
const UNITS: &[(&str, Option<&str>, usize)] = &[
    ("bkn", None, 2),
    ("bkn-deputi-sinka", Some("bkn"), 0),
    ("seksi-a", Some("bkn-deputi-sinka"), 3),
    ("seksi-b", Some("bkn-deputi-sinka"), 9),
    ("seksi-c", Some("bkn-deputi-sinka"), 14),
    ("bkn-direktorat-pengadaan", Some("bkn"), 2),
    ("subdit-x", Some("bkn-direktorat-pengadaan"), 1),
    ("subdit-y", Some("bkn-direktorat-pengadaan"), 11),
    ("kanreg-1-yogyakarta", Some("bkn"), 4),
];

const QUESTIONNAIRES: [&str; 2] = ["komitmen", "indeks-berakhlak"];

/// (month, answers).
type Answered = (u8, BTreeMap<String, u8>);

struct Person {
    _id: Uuid,
    unit: &'static str,
    /// (month, answers) in time order.
    responses: BTreeMap<String, Vec<Answered>>,
}

fn periods() -> Vec<String> {
    let mut out: Vec<String> = (1..=12).map(|m| format!("2025-{m:02}")).collect();
    out.extend((1..=4).map(|q| format!("2025-Q{q}")));
    out.push("2025".into());
    out
}

fn months_of(period: &str) -> Vec<u8> {
    if let Some(q) = period.strip_prefix("2025-Q") {
        let q: u8 = q.parse().unwrap();
        (q * 3 - 2..=q * 3).collect()
    } else if let Some(m) = period.strip_prefix("2025-") {
        vec![m.parse().unwrap()]
    } else {
        (1..=12).collect()
    }
}

fn parent_of(unit: &str) -> Option<&'static str> {
    UNITS.iter().find(|u| u.0 == unit).and_then(|u| u.1)
}

fn children_of(unit: &str) -> Vec<&'static str> {
    UNITS
        .iter()
        .filter(|u| u.1 == Some(unit))
        .map(|u| u.0)
        .collect()
}

fn in_subtree(unit: &str, root: &str) -> bool {
    let mut at = Some(unit);
    while let Some(u) = at {
        if u == root {
            return true;
        }
        at = parent_of(u);
    }
    false
}

/// A cell an attacker may try to pin: a unit's own members, or a leaf unit (whose row is
/// its own members).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Cell {
    own_of: &'static str,
    period: String,
    q: &'static str,
}

/// The truth of a group: its count and the sum of its people's first-component scores.
#[derive(Debug, Clone, Copy, Default)]
struct Truth {
    n: u32,
    sum: f64,
}

/// Each person's latest response of the period, for people matching `who`.
fn truth(
    people: &[Person],
    q: &Questionnaire,
    period: &str,
    who: impl Fn(&Person) -> bool,
) -> Truth {
    let months = months_of(period);
    let mut t = Truth::default();
    for p in people.iter().filter(|p| who(p)) {
        let latest = p.responses[&q.id].iter().rfind(|(m, _)| months.contains(m));
        if let Some((_, answers)) = latest {
            t.n += 1;
            let scores = score_components(q, answers).unwrap();
            t.sum += scores[0].percent.unwrap();
        }
    }
    t
}

/// What the dashboards published about one unit's cell.
#[derive(Debug, Clone, Copy)]
enum Published {
    Shown { n: u32, sum: Option<f64> },
    Hidden,
}

fn read_cell(figure: &Value, q: &str) -> Published {
    match figure["status"].as_str() {
        Some("shown") => {
            let n = figure["n"].as_u64().unwrap() as u32;
            // A shown spread gives its n and mean: their product is the sum of scores.
            let spread = if q == "komitmen" {
                &figure["value"]["components"][0]["spread"]
            } else {
                &Value::Null
            };
            let sum = spread["mean"]
                .as_f64()
                .map(|m| m * spread["n"].as_f64().unwrap());
            Published::Shown { n, sum }
        }
        Some("suppressed") => {
            let reason = figure["reason"].as_str().unwrap();
            assert!(["below_k", "complementary"].contains(&reason), "{figure}");
            assert!(figure.get("n").is_none() && figure.get("value").is_none());
            Published::Hidden
        }
        other => panic!("a cell is shown or suppressed, not {other:?}: {figure}"),
    }
}

/// Opens `unit` in `period` up into what is known and what is not: a shown unit is known;
/// a hidden unit is its own members (unknown) plus its sub-units, opened up in turn.
fn open_up(
    published: &BTreeMap<(String, String, &'static str), Published>,
    unit: &'static str,
    period: &str,
    q: &'static str,
    known: &mut (u32, Option<f64>),
    unknown: &mut Vec<Cell>,
) {
    if let Some(Published::Shown { n, sum }) = published.get(&(unit.into(), period.into(), q)) {
        known.0 += n;
        known.1 = known.1.zip(*sum).map(|(a, b)| a + b);
        return;
    }
    unknown.push(Cell {
        own_of: unit,
        period: period.into(),
        q,
    });
    for child in children_of(unit) {
        open_up(published, child, period, q, known, unknown);
    }
}

#[tokio::test]
async fn differencing_over_the_tree_and_the_periods_recovers_no_cell_under_k() {
    let srv = start_with_questionnaires().await;
    let content = srv.content().await;
    let v = content.version.clone();
    let store = srv.store();
    for (id, parent, _) in UNITS {
        if ![
            "bkn",
            "bkn-deputi-sinka",
            "bkn-direktorat-pengadaan",
            "kanreg-1-yogyakarta",
        ]
        .contains(id)
        {
            store
                .create_unit(id, &format!("Unit {id}"), *parent)
                .await
                .unwrap();
        }
    }
    let hash = srv.passwords.hash(PASSWORD.into()).await.unwrap();
    let mut rng = Rng::new(9);
    let mut people = Vec::new();
    let mut secrets = Vec::new();
    let mut n = 100;
    for (unit, _, size) in UNITS {
        for _ in 0..*size {
            n += 1;
            let p = srv.signed_in(n, unit, &[], &hash).await;
            secrets.push(p.id.to_string());
            secrets.push(p.nip.clone());
            secrets.push(format!("Pegawai {n:03}"));
            let level = 1 + rng.below(5) as i64;
            let mut records = Vec::new();
            let mut responses = BTreeMap::new();
            for qid in QUESTIONNAIRES {
                let q = content.questionnaires.iter().find(|q| q.id == qid).unwrap();
                // One to four answers a year, in random months, time order.
                let mut months: Vec<u8> = (0..1 + rng.below(4))
                    .map(|_| 1 + rng.below(12) as u8)
                    .collect();
                months.sort();
                let mut list = Vec::new();
                for (i, m) in months.iter().enumerate() {
                    let answers: BTreeMap<String, u8> = q
                        .items
                        .iter()
                        .map(|item| {
                            let a = (level + rng.below(3) as i64 - 1).clamp(1, 5) as u8;
                            (item.id.clone(), a)
                        })
                        .collect();
                    let at = format!("2025-{m:02}-{:02}T03:00:00Z", 5 + i);
                    records.push(response_record(p.id, q, &at, &v, |item| answers[&item.id]));
                    list.push((*m, answers));
                }
                responses.insert(qid.to_string(), list);
            }
            let res = srv.sync(&p.token, records).await;
            assert!(error_codes(&res).iter().all(Option::is_none), "{res:?}");
            people.push(Person {
                _id: p.id,
                unit,
                responses,
            });
        }
    }
    let admin = srv.signed_in(1, "bkn", &[Role::Admin], &hash).await;
    // The admin is a member of `bkn` but never answers; the truth counts answers only.

    // Every unit's dashboard over every period.
    let mut published: BTreeMap<(String, String, &'static str), Published> = BTreeMap::new();
    let mut requests = 0;
    for (unit, _, _) in UNITS {
        for period in periods() {
            let res = srv
                .get(
                    &format!("/api/v1/units/{unit}/dashboard?period={period}"),
                    Some(&admin.token),
                )
                .await;
            assert_eq!(res.status(), 200);
            let text = res.text().await.unwrap();
            requests += 1;
            for secret in &secrets {
                assert!(
                    !text.contains(secret.as_str()),
                    "a person in an answer: {secret}"
                );
            }
            let d: Value = serde_json::from_str(&text).unwrap();
            let komitmen = d["components"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["questionnaire"] == "komitmen")
                .unwrap();
            let cells = [
                ("komitmen", read_cell(&komitmen["figure"], "komitmen")),
                (
                    "indeks-berakhlak",
                    read_cell(&d["index"], "indeks-berakhlak"),
                ),
            ];
            for (q, cell) in cells {
                published.insert((unit.to_string(), period.clone(), q), cell);
            }
            // The sub-units' bars say the same as the sub-units' own dashboards (read later);
            // keep them to compare.
            for sub in d["sub_units"].as_array().unwrap() {
                let id = sub["unit"]["id"].as_str().unwrap().to_string();
                let status = sub["index"]["status"].as_str().unwrap().to_string();
                let n = sub["index"]["n"].as_u64();
                published_bars_check(&mut published, &id, &period, &status, n);
            }
        }
    }

    let mut attacks = 0u64;
    let mut recovered = Vec::new();
    let mut small_cells = 0;
    let mut shown_cells = 0;
    let qs: BTreeMap<&str, &Questionnaire> = QUESTIONNAIRES
        .iter()
        .map(|id| {
            (
                *id,
                content.questionnaires.iter().find(|q| q.id == *id).unwrap(),
            )
        })
        .collect();
    let own_truth = |cell: &Cell| {
        let q = qs[cell.q];
        truth(&people, q, &cell.period, |p| p.unit == cell.own_of)
    };
    for ((unit, period, q), cell) in &published {
        let t = truth(&people, qs[q], period, |p| in_subtree(p.unit, unit));
        match cell {
            Published::Shown { n, .. } => {
                shown_cells += 1;
                assert_eq!(*n, t.n, "{unit} {period} {q}: the shown n is the true n");
            }
            Published::Hidden => {
                if t.n > 0 && t.n < K {
                    small_cells += 1;
                }
            }
        }
    }

    // 1. Over the tree: a shown unit minus everything known below it.
    for ((unit, period, q), cell) in &published {
        let Published::Shown { n, sum } = cell else {
            continue;
        };
        let unit: &'static str = UNITS.iter().find(|u| u.0 == unit).unwrap().0;
        let mut known = (0, Some(0.0));
        let mut unknown = vec![Cell {
            own_of: unit,
            period: period.clone(),
            q,
        }];
        if children_of(unit).is_empty() {
            continue;
        }
        for child in children_of(unit) {
            open_up(&published, child, period, q, &mut known, &mut unknown);
        }
        attacks += 2; // the count and the sum
        if unknown.len() == 1 {
            let target = &unknown[0];
            let t = own_truth(target);
            let derived_n = n.checked_sub(known.0);
            if t.n > 0 && t.n < K && derived_n == Some(t.n) {
                recovered.push(format!("count of {target:?} = {}", t.n));
            }
            if let (Some(s), Some(k)) = (sum, known.1)
                && t.n > 0
                && t.n < K
                && ((s - k) - t.sum).abs() < 0.01
            {
                recovered.push(format!("score sum of {target:?}"));
            }
        }
    }

    // 2. Over the periods: a shown year or quarter minus its shown parts.
    for ((unit, period, q), cell) in &published {
        let Published::Shown { n, sum } = cell else {
            continue;
        };
        let parts: Vec<String> = if period == "2025" {
            (1..=4).map(|i| format!("2025-Q{i}")).collect()
        } else if period.contains('Q') {
            months_of(period)
                .into_iter()
                .map(|m| format!("2025-{m:02}"))
                .collect()
        } else {
            continue;
        };
        // Also with a hidden quarter opened up into its months.
        let mut variants = vec![parts.clone()];
        if period == "2025" {
            let mut open = Vec::new();
            for p in &parts {
                match published.get(&(unit.clone(), p.clone(), *q)) {
                    Some(Published::Shown { .. }) => open.push(p.clone()),
                    _ => open.extend(months_of(p).into_iter().map(|m| format!("2025-{m:02}"))),
                }
            }
            variants.push(open);
        }
        for parts in variants {
            attacks += 2;
            let mut known = (0u32, Some(0.0));
            let mut hidden = Vec::new();
            for p in &parts {
                match published.get(&(unit.clone(), p.clone(), *q)) {
                    Some(Published::Shown { n, sum }) => {
                        known.0 += n;
                        known.1 = known.1.zip(*sum).map(|(a, b)| a + b);
                    }
                    _ => hidden.push(p.clone()),
                }
            }
            if hidden.len() != 1 {
                continue;
            }
            let t = truth(&people, qs[q], &hidden[0], |p| in_subtree(p.unit, unit));
            if t.n > 0 && t.n < K && n.checked_sub(known.0) == Some(t.n) {
                recovered.push(format!("count of {unit} {} {q} = {}", hidden[0], t.n));
            }
            if let (Some(s), Some(k)) = (sum, known.1)
                && t.n > 0
                && t.n < K
                && ((s - k) - t.sum).abs() < 0.01
            {
                recovered.push(format!("score sum of {unit} {} {q}", hidden[0]));
            }
        }
    }

    // 3. Both at once: a shown year or quarter of a unit minus its sub-units' (and own
    // members') shown quarters or months, hidden ones opened up the tree.
    for ((unit, period, q), cell) in &published {
        let Published::Shown { n, .. } = cell else {
            continue;
        };
        let parts: Vec<String> = if period == "2025" {
            (1..=4).map(|i| format!("2025-Q{i}")).collect()
        } else if period.contains('Q') {
            months_of(period)
                .into_iter()
                .map(|m| format!("2025-{m:02}"))
                .collect()
        } else {
            continue;
        };
        let unit: &'static str = UNITS.iter().find(|u| u.0 == unit).unwrap().0;
        if children_of(unit).is_empty() {
            continue;
        }
        let mut known = (0, Some(0.0));
        let mut unknown = Vec::new();
        for part in &parts {
            unknown.push(Cell {
                own_of: unit,
                period: part.clone(),
                q,
            });
            for child in children_of(unit) {
                open_up(&published, child, part, q, &mut known, &mut unknown);
            }
        }
        attacks += 1;
        if unknown.len() == 1 {
            let t = own_truth(&unknown[0]);
            if t.n > 0 && t.n < K && n.checked_sub(known.0) == Some(t.n) {
                recovered.push(format!("count of {:?} = {}", unknown[0], t.n));
            }
        }
    }

    println!(
        "dashboard attacker: {requests} dashboards read, {} cells ({shown_cells} shown, {small_cells} hidden with 1-{} people), {attacks} differencing attacks tried, {} recovered",
        published.len(),
        K - 1,
        recovered.len()
    );
    assert!(small_cells > 20, "the agency has small groups to protect");
    assert!(shown_cells > 50, "and figures to show");
    assert!(recovered.is_empty(), "recovered:\n{}", recovered.join("\n"));
}

/// A sub-unit's bar on its parent's dashboard must agree with the sub-unit's own dashboard;
/// both are read, so record the bar and compare when both are in.
fn published_bars_check(
    published: &mut BTreeMap<(String, String, &'static str), Published>,
    unit: &str,
    period: &str,
    status: &str,
    n: Option<u64>,
) {
    if let Some(own) = published.get(&(unit.to_string(), period.to_string(), "indeks-berakhlak")) {
        match own {
            Published::Shown { n: own_n, .. } => {
                assert_eq!(status, "shown", "{unit} {period}");
                assert_eq!(n, Some(u64::from(*own_n)));
            }
            Published::Hidden => assert_eq!(status, "suppressed", "{unit} {period}"),
        }
    }
}

#[tokio::test]
async fn employees_and_trainers_get_no_dashboard_and_no_quality() {
    let srv = start_with_questionnaires().await;
    let hash = srv.passwords.hash(PASSWORD.into()).await.unwrap();
    let employee = srv.signed_in(1, "bkn-deputi-sinka", &[], &hash).await;
    let trainer = srv
        .signed_in(2, "bkn-deputi-sinka", &[Role::Trainer], &hash)
        .await;
    for who in [&employee, &trainer] {
        for path in [
            "/api/v1/units/bkn-deputi-sinka/dashboard?period=2025",
            "/api/v1/units/bkn-deputi-sinka/quality?period=2025",
            "/api/v1/admin/item-analysis?period=2025",
        ] {
            let res = srv.get(path, Some(&who.token)).await;
            assert_eq!(res.status(), 403, "{path}");
            assert_eq!(error_code(res).await, "forbidden");
        }
    }
}

#[tokio::test]
async fn an_erased_person_leaves_the_unit_figures() {
    let srv = start_with_questionnaires().await;
    let content = srv.content().await;
    let v = content.version.clone();
    let hash = srv.passwords.hash(PASSWORD.into()).await.unwrap();
    let admin = srv.signed_in(1, "bkn", &[Role::Admin], &hash).await;
    let q = content
        .questions
        .iter()
        .find(|q| q.id == "adaptif-001")
        .unwrap();
    let mut people = Vec::new();
    for n in 0..6 {
        let p = srv.signed_in(10 + n, "bkn-deputi-sinka", &[], &hash).await;
        let a = answer_at(p.id, q, true, "2025-02-03T03:00:00Z", &v);
        srv.sync(&p.token, vec![a]).await;
        people.push(p);
    }
    let read = |body: Value| body["practice"]["value"]["overall"]["value"]["answered"].clone();
    let path = "/api/v1/units/bkn-deputi-sinka/dashboard?period=2025-02";
    let before: Value = srv
        .get(path, Some(&admin.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(read(before), 6);
    let res = srv
        .post(
            "/api/v1/me/erase",
            &serde_json::json!({"password": PASSWORD}),
            Some(&people[0].token),
        )
        .await;
    assert_eq!(res.status(), 204);
    let after: Value = srv
        .get(path, Some(&admin.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(read(after), 5);
    let left = srv.count("SELECT COUNT(*) FROM fact_practice_people").await;
    // Five people × 3 periods × 3 keys (indicator, value, all).
    assert_eq!(left, 5 * 3 * 3);
}
