//! The unit dashboard over HTTP on a small hand-built agency (numbers worked by hand in the
//! comments), its scope, and the measurement-quality endpoints.

mod common;

use common::*;
use resapi_core::api::Role;
use resapi_core::content::ContentBundle;
use resapi_core::questionnaire::Questionnaire;
use serde_json::Value;

const SINKA: &str = "bkn-deputi-sinka";
const PENGADAAN: &str = "bkn-direktorat-pengadaan";
const KANREG: &str = "kanreg-1-yogyakarta";

fn questionnaire<'a>(content: &'a ContentBundle, id: &str) -> &'a Questionnaire {
    content.questionnaires.iter().find(|q| q.id == id).unwrap()
}

/// Everyone's index answers: `base` on every item, `adaptif` on Adaptif's items.
fn index_answers(base: u8, adaptif: u8) -> impl Fn(&resapi_core::questionnaire::Item) -> u8 {
    move |i| {
        if i.component == "adaptif" {
            adaptif
        } else {
            base
        }
    }
}

async fn dashboard(srv: &Server, token: &str, unit: &str, period: &str) -> Value {
    let res = srv
        .get(
            &format!("/api/v1/units/{unit}/dashboard?period={period}"),
            Some(token),
        )
        .await;
    assert_eq!(res.status(), 200, "{unit} {period}");
    res.json().await.unwrap()
}

fn close(v: &Value, want: f64) -> bool {
    v.as_f64().is_some_and(|x| (x - want).abs() < 0.01)
}

fn value_row<'a>(index: &'a Value, value: &str) -> &'a Value {
    index["value"]["values"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["index"]["value"] == value)
        .unwrap()
}

/// The seeded agency with the shipped questionnaires, its content, the password hash every
/// test account shares, and an admin.
struct Agency {
    srv: Server,
    content: ContentBundle,
    hash: String,
    admin: SignedIn,
}

async fn agency() -> Agency {
    let srv = start_with_questionnaires().await;
    let content = srv.content().await;
    let hash = srv.passwords.hash(PASSWORD.into()).await.unwrap();
    let admin = srv.signed_in(1, "bkn", &[Role::Admin], &hash).await;
    Agency {
        srv,
        content,
        hash,
        admin,
    }
}

/// Asserts the index cell's percentage of `value`.
fn assert_percent(index: &Value, value: &str, want: f64) {
    let row = value_row(index, value);
    assert!(close(&row["index"]["percent"], want), "{value}: {row}");
}

#[tokio::test]
async fn the_dashboard_shows_hand_checked_figures_counting_each_persons_latest_response() {
    let Agency {
        srv,
        content,
        hash,
        admin,
    } = agency().await;
    let v = content.version.clone();
    let index = questionnaire(&content, "indeks-berakhlak");

    // Sinka: six people answer 5 5 4 4 3 3 on every item, 2 on Adaptif's. The first of them
    // answered 1s (2 on Adaptif's) earlier in March: only the latest response counts.
    let mut n = 10;
    for base in [5, 5, 4, 4, 3, 3] {
        n += 1;
        let p = srv.signed_in(n, SINKA, &[], &hash).await;
        let mut records = vec![];
        if n == 11 {
            records.push(response_record(
                p.id,
                index,
                "2026-03-02T03:00:00Z",
                &v,
                index_answers(1, 2),
            ));
        }
        records.push(response_record(
            p.id,
            index,
            "2026-03-20T03:00:00Z",
            &v,
            index_answers(base, 2),
        ));
        // Practice: each gets one of two right (adaptif-001 right, adaptif-002 wrong).
        let q1 = content
            .questions
            .iter()
            .find(|q| q.id == "adaptif-001")
            .unwrap();
        let q2 = content
            .questions
            .iter()
            .find(|q| q.id == "adaptif-002")
            .unwrap();
        records.push(answer_at(p.id, q1, true, "2026-03-10T03:00:00Z", &v));
        records.push(answer_at(p.id, q2, false, "2026-03-10T03:01:00Z", &v));
        let res = srv.sync(&p.token, records).await;
        assert!(error_codes(&res).iter().all(Option::is_none), "{res:?}");
    }
    // Pengadaan: six people answer 3 everywhere (50 %), 4 on Adaptif's (75 %).
    for _ in 0..6 {
        n += 1;
        let p = srv.signed_in(n, PENGADAAN, &[], &hash).await;
        let r = response_record(p.id, index, "2026-03-15T03:00:00Z", &v, index_answers(3, 4));
        srv.sync(&p.token, vec![r]).await;
    }

    let d = dashboard(&srv, &admin.token, SINKA, "2026-03").await;
    let idx = &d["index"];
    assert_eq!(idx["status"], "shown");
    // Six respondents, not seven: the early sheet does not count.
    assert_eq!(idx["n"], 6);
    // Item means (5+5+4+4+3+3)/6 = 4 → 75 % → A; Adaptif 2 → 25 % → C.
    let pelayanan = value_row(idx, "pelayanan");
    assert!(close(&pelayanan["index"]["percent"], 75.0), "{pelayanan}");
    assert_eq!(pelayanan["index"]["band"]["grade"], "A");
    let adaptif = value_row(idx, "adaptif");
    assert!(close(&adaptif["index"]["percent"], 25.0));
    assert_eq!(adaptif["index"]["band"]["grade"], "C");
    // Overall (6 · 75 + 25) / 7 = 67.86 → B.
    assert!(close(&idx["value"]["overall"], 475.0 / 7.0));
    assert_eq!(idx["value"]["overall_band"]["grade"], "B");
    assert_eq!(d["weakest"]["value"], "adaptif");
    assert_eq!(d["weakest"]["modules"][0], "modul-adaptif");
    // Practice: 12 answers, 6 right, 6 people → 50 %.
    let practice = &d["practice"];
    assert_eq!(practice["status"], "shown", "{practice}");
    assert_eq!(practice["value"]["overall"]["value"]["answered"], 12);
    assert_eq!(practice["value"]["overall"]["value"]["percent"], 50);
    // Participation: six members, all active.
    assert_eq!(d["participation"]["members"], 6);
    assert_eq!(d["participation"]["active"], 6);
    // The month's trend: the last 12 months, March shown with the same overall.
    let trend = d["index_trend"].as_array().unwrap();
    assert_eq!(trend.len(), 12);
    assert_eq!(trend[11]["period"], "2026-03");
    assert!(close(&trend[11]["figure"]["value"]["overall"], 475.0 / 7.0));
    assert_eq!(trend[0]["period"], "2025-04");

    // The whole agency over Q1: twelve respondents. Non-Adaptif items (24 + 18) / 12 = 3.5
    // → 62.5 % B; Adaptif (12 + 24) / 12 = 3 → 50 % B; overall (6 · 62.5 + 50) / 7.
    let d = dashboard(&srv, &admin.token, "bkn", "2026-Q1").await;
    assert_eq!(d["index"]["n"], 12);
    assert!(close(
        &value_row(&d["index"], "kompeten")["index"]["percent"],
        62.5
    ));
    assert!(close(
        &value_row(&d["index"], "adaptif")["index"]["percent"],
        50.0
    ));
    assert!(close(&d["index"]["value"]["overall"], 425.0 / 7.0));
    assert_eq!(d["participation"]["members"], 13);
    // Sub-units side by side: Sinka 67.86 B, Pengadaan (6 · 50 + 75) / 7 = 53.57 B, Kanreg
    // empty (shown, n = 0).
    let subs = d["sub_units"].as_array().unwrap();
    let sub = |id: &str| subs.iter().find(|s| s["unit"]["id"] == id).unwrap();
    assert!(close(&sub(SINKA)["index"]["value"]["overall"], 475.0 / 7.0));
    assert_eq!(sub(SINKA)["index"]["value"]["band"], "B");
    assert!(close(
        &sub(PENGADAAN)["index"]["value"]["overall"],
        375.0 / 7.0
    ));
    assert_eq!(sub(KANREG)["index"]["n"], 0);
    assert_eq!(d["index_trend"].as_array().unwrap().len(), 4);

    // Two people answer in Kanreg: its cell says "fewer than 5" and, since the agency is
    // shown, one of the two bigger sub-units is hidden too so 14 − shown ≠ Kanreg's 2.
    for _ in 0..2 {
        n += 1;
        let p = srv.signed_in(n, KANREG, &[], &hash).await;
        let r = response_record(p.id, index, "2026-03-16T03:00:00Z", &v, index_answers(1, 2));
        srv.sync(&p.token, vec![r]).await;
    }
    let d = dashboard(&srv, &admin.token, "bkn", "2026-03").await;
    assert_eq!(d["index"]["n"], 14);
    let subs = d["sub_units"].as_array().unwrap();
    let reason = |id: &str| {
        let s = subs.iter().find(|s| s["unit"]["id"] == id).unwrap();
        s["index"]["reason"].as_str().map(str::to_string)
    };
    assert_eq!(reason(KANREG).as_deref(), Some("below_k"));
    let complements = [reason(SINKA), reason(PENGADAAN)];
    assert_eq!(
        complements
            .iter()
            .filter(|r| r.as_deref() == Some("complementary"))
            .count(),
        1,
        "{complements:?}"
    );
    // A hidden cell carries no n and no figure.
    let kanreg = subs.iter().find(|s| s["unit"]["id"] == KANREG).unwrap();
    assert!(kanreg["index"].get("n").is_none() && kanreg["index"].get("value").is_none());
    let own = dashboard(&srv, &admin.token, KANREG, "2026-03").await;
    assert_eq!(own["index"]["status"], "suppressed");
    assert_eq!(own["index"]["reason"], "below_k");
}

/// A period answered on an earlier form of the index (before its revision) is read in that
/// form: its figures stay whole, as they were, instead of losing the items whose ids changed;
/// a period answered on today's form is read in today's.
#[tokio::test]
async fn a_period_answered_on_an_earlier_form_keeps_its_figures() {
    let Agency {
        srv,
        content,
        hash,
        admin,
    } = agency().await;
    let v = content.version.clone();
    let index = questionnaire(&content, "indeks-berakhlak");
    assert!(index.form > 1, "the shipped index has been revised");
    let form_1 = index.as_form(1);
    assert!(
        form_1
            .items
            .iter()
            .any(|i| !index.items.iter().any(|n| n.id == i.id))
    );
    for n in 10..16 {
        let p = srv.signed_in(n, SINKA, &[], &hash).await;
        let old = response_record(
            p.id,
            &form_1,
            "2026-02-10T03:00:00Z",
            &v,
            index_answers(4, 2),
        );
        let new = response_record(p.id, index, "2026-04-10T03:00:00Z", &v, index_answers(5, 3));
        let res = srv.sync(&p.token, vec![old, new]).await;
        assert!(error_codes(&res).iter().all(Option::is_none), "{res:?}");
    }
    // February, on form 1: every value 4 → 75 %, Adaptif 2 → 25 %, from all six people.
    let feb = dashboard(&srv, &admin.token, SINKA, "2026-02").await;
    assert_eq!(feb["index"]["n"], 6, "{}", feb["index"]);
    for value in [
        "pelayanan",
        "akuntabel",
        "kompeten",
        "harmonis",
        "loyal",
        "kolaboratif",
    ] {
        assert_percent(&feb["index"], value, 75.0);
    }
    assert_percent(&feb["index"], "adaptif", 25.0);
    // April, on today's form: 5 → 100 %, Adaptif 3 → 50 %.
    let apr = dashboard(&srv, &admin.token, SINKA, "2026-04").await;
    assert_percent(&apr["index"], "loyal", 100.0);
    assert_percent(&apr["index"], "adaptif", 50.0);
}

/// A response with the same answer throughout, or finished faster than its items can be
/// read, stays its owner's but is left out of the unit's figures; a person's careful
/// response earlier in the period still counts.
#[tokio::test]
async fn careless_responses_stay_out_of_the_units_figures() {
    let Agency {
        srv,
        content,
        hash,
        admin,
    } = agency().await;
    let v = content.version.clone();
    let index = questionnaire(&content, "indeks-berakhlak");
    // Five careful people: 4 everywhere, 2 on Adaptif's.
    for n in 10..15 {
        let p = srv.signed_in(n, SINKA, &[], &hash).await;
        let r = response_record(p.id, index, "2026-03-10T03:00:00Z", &v, index_answers(4, 2));
        srv.sync(&p.token, vec![r]).await;
    }
    // One taps 5 on every item.
    let same = srv.signed_in(20, SINKA, &[], &hash).await;
    let r = response_record(same.id, index, "2026-03-11T03:00:00Z", &v, |_| 5);
    let res = srv.sync(&same.token, vec![r]).await;
    assert!(
        error_codes(&res).iter().all(Option::is_none),
        "stored: {res:?}"
    );
    // One finishes 42 items in 20 seconds.
    let fast = srv.signed_in(21, SINKA, &[], &hash).await;
    let mut r = response_record(
        fast.id,
        index,
        "2026-03-12T03:00:00Z",
        &v,
        index_answers(5, 1),
    );
    r["payload"]["started_at"] = "2026-03-12T02:59:40Z".into();
    let res = srv.sync(&fast.token, vec![r]).await;
    assert!(
        error_codes(&res).iter().all(Option::is_none),
        "stored: {res:?}"
    );
    // A careful person whose later response is careless: the careful one counts.
    let later = srv.signed_in(22, SINKA, &[], &hash).await;
    let careful = response_record(
        later.id,
        index,
        "2026-03-05T03:00:00Z",
        &v,
        index_answers(4, 2),
    );
    let hurried = response_record(later.id, index, "2026-03-25T03:00:00Z", &v, |_| 1);
    srv.sync(&later.token, vec![careful, hurried]).await;

    let d = dashboard(&srv, &admin.token, SINKA, "2026-03").await;
    assert_eq!(d["index"]["n"], 6, "{}", d["index"]);
    // Only careful sheets: every value 4 → 75 %, Adaptif 2 → 25 %.
    assert_percent(&d["index"], "loyal", 75.0);
    assert_percent(&d["index"], "adaptif", 25.0);
}

#[tokio::test]
async fn only_admins_and_unit_admins_in_scope_see_a_dashboard_and_a_bad_period_is_a_400() {
    let srv = start_with_questionnaires().await;
    let hash = srv.passwords.hash(PASSWORD.into()).await.unwrap();
    let in_scope = srv.signed_in(1, SINKA, &[Role::UnitAdmin], &hash).await;
    let out_of_scope = srv.signed_in(2, KANREG, &[Role::UnitAdmin], &hash).await;
    let employee = srv.signed_in(3, SINKA, &[], &hash).await;
    let trainer = srv.signed_in(4, SINKA, &[Role::Trainer], &hash).await;
    let path = format!("/api/v1/units/{SINKA}/dashboard?period=2026-Q1");
    assert_eq!(srv.get(&path, Some(&in_scope.token)).await.status(), 200);
    for who in [&out_of_scope, &employee, &trainer] {
        let res = srv.get(&path, Some(&who.token)).await;
        assert_eq!(res.status(), 403);
        assert_eq!(error_code(res).await, "forbidden");
    }
    // A unit admin of Sinka does not see the agency above it.
    let up = srv
        .get(
            "/api/v1/units/bkn/dashboard?period=2026",
            Some(&in_scope.token),
        )
        .await;
    assert_eq!(up.status(), 403);
    for bad in ["", "?period=2026-13", "?period=Q1-2026", "?period=26"] {
        let res = srv
            .get(
                &format!("/api/v1/units/{SINKA}/dashboard{bad}"),
                Some(&in_scope.token),
            )
            .await;
        assert_eq!(res.status(), 400, "{bad}");
        assert_eq!(error_code(res).await, "invalid_period");
    }
    let admin = srv.signed_in(5, "bkn", &[Role::Admin], &hash).await;
    let missing = srv
        .get(
            "/api/v1/units/nowhere/dashboard?period=2026",
            Some(&admin.token),
        )
        .await;
    assert_eq!(missing.status(), 404);
    assert_eq!(error_code(missing).await, "no_such_unit");
}

#[tokio::test]
async fn quality_gives_alpha_over_enough_respondents_and_item_analysis_is_for_admins() {
    let srv = start_with_questionnaires().await;
    let content = srv.content().await;
    let v = content.version.clone();
    let komitmen = questionnaire(&content, "komitmen");
    let hash = srv.passwords.hash(PASSWORD.into()).await.unwrap();
    let admin = srv.signed_in(1, "bkn", &[Role::Admin], &hash).await;
    let unit_admin = srv.signed_in(2, SINKA, &[Role::UnitAdmin], &hash).await;
    // 24 people answer the commitment scale consistently (a person's level on every item,
    // reverse-keyed items mirrored), so α is high; 5 people is too few for Pengadaan.
    let first_q = content
        .questions
        .iter()
        .find(|q| q.id == "adaptif-001")
        .unwrap();
    for n in 0..24u32 {
        let p = srv.signed_in(100 + n, SINKA, &[], &hash).await;
        // Never 3: a 3 everywhere (mirrored 6 − 3 = 3) is the same answer throughout.
        let level = [1, 2, 4, 5][(n % 4) as usize];
        let r = response_record(p.id, komitmen, "2026-05-05T03:00:00Z", &v, |i| {
            if i.reverse { 6 - level } else { level }
        });
        // Practice: half get the first question right.
        let a = answer_at(p.id, first_q, n % 2 == 0, "2026-05-06T03:00:00Z", &v);
        srv.sync(&p.token, vec![r, a]).await;
    }
    for n in 0..5u32 {
        let p = srv.signed_in(200 + n, PENGADAAN, &[], &hash).await;
        let r = response_record(p.id, komitmen, "2026-05-05T03:00:00Z", &v, |i| {
            if i.reverse { 2 } else { 3 }
        });
        srv.sync(&p.token, vec![r]).await;
    }
    let res = srv
        .get(
            &format!("/api/v1/units/{SINKA}/quality?period=2026-05"),
            Some(&unit_admin.token),
        )
        .await;
    assert_eq!(res.status(), 200);
    let q: Value = res.json().await.unwrap();
    let k = q["questionnaires"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["questionnaire"] == "komitmen")
        .unwrap();
    assert_eq!(k["components"]["n"], 24);
    let afektif = &k["components"]["value"][0];
    assert_eq!(afektif["component"], "afektif");
    assert_eq!(afektif["alpha"]["status"], "given");
    assert!(close(&afektif["alpha"]["reliability"]["alpha"], 1.0));
    assert_eq!(afektif["alpha"]["reliability"]["n"], 24);
    // Pengadaan: 5 people (k) but fewer than 20, everyone alike: not given, with a reason.
    let p: Value = srv
        .get(
            &format!("/api/v1/units/{PENGADAAN}/quality?period=2026-05"),
            Some(&admin.token),
        )
        .await
        .json()
        .await
        .unwrap();
    let pk = p["questionnaires"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["questionnaire"] == "komitmen")
        .unwrap();
    let first = &pk["components"]["value"][0]["alpha"];
    assert_eq!(first["status"], "not_given", "{pk}");
    assert_eq!(first["reason"]["reason"], "too_few_people");
    // Out of scope: 403.
    let res = srv
        .get(
            &format!("/api/v1/units/{PENGADAAN}/quality?period=2026-05"),
            Some(&unit_admin.token),
        )
        .await;
    assert_eq!(res.status(), 403);

    // Item analysis: admins only; the first question has 24 first attempts, half right.
    let res = srv
        .get(
            "/api/v1/admin/item-analysis?period=2026",
            Some(&unit_admin.token),
        )
        .await;
    assert_eq!(res.status(), 403);
    let items: Value = srv
        .get(
            "/api/v1/admin/item-analysis?period=2026",
            Some(&admin.token),
        )
        .await
        .json()
        .await
        .unwrap();
    let row = items["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["question"] == "adaptif-001")
        .unwrap();
    assert_eq!(row["analysis"]["status"], "given", "{row}");
    assert_eq!(row["analysis"]["stats"]["n"], 24);
    assert!(close(&row["analysis"]["stats"]["difficulty"], 0.5));
    let wrong: u64 = row["analysis"]["stats"]["options"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["correct"] == false)
        .map(|o| o["chosen"].as_u64().unwrap())
        .sum();
    assert_eq!(wrong, 12);
    let other = items["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["question"] == "adaptif-002")
        .unwrap();
    assert_eq!(other["analysis"]["reason"]["reason"], "below_k");
}

/// A dashboard computed from the facts as they are (no cache), as JSON.
async fn computed(
    store: &resapi_server::store::Store,
    content: &ContentBundle,
    unit: &str,
    period: &str,
) -> Value {
    computed_on(store, content, unit, period, after_the_test_data().today()).await
}

/// The dashboard as seen on `today` (questionnaire figures wait for their period's end).
async fn computed_on(
    store: &resapi_server::store::Store,
    content: &ContentBundle,
    unit: &str,
    period: &str,
    today: time::Date,
) -> Value {
    let k = resapi_core::aggregate::threshold::MinRespondents::DEFAULT;
    let d = resapi_server::dashboard::unit_dashboard(
        store,
        content,
        unit,
        period.parse().unwrap(),
        k,
        today,
    )
    .await
    .unwrap_or_else(|e| panic!("{unit} {period}: {e}"));
    serde_json::to_value(d).unwrap()
}

#[tokio::test]
async fn facts_built_from_stored_records_match_the_facts_kept_while_syncing() {
    let srv = start_with_questionnaires().await;
    let content = srv.content().await;
    let v = content.version.clone();
    let index = questionnaire(&content, "indeks-berakhlak");
    let komitmen = questionnaire(&content, "komitmen");
    let hash = srv.passwords.hash(PASSWORD.into()).await.unwrap();
    let q = content
        .questions
        .iter()
        .find(|q| q.id == "adaptif-001")
        .unwrap();
    for n in 0..7u32 {
        let unit = if n < 5 { SINKA } else { KANREG };
        let p = srv.signed_in(10 + n, unit, &[], &hash).await;
        let base = 1 + (n % 5) as u8;
        // Later answers arrive first: the latest by time counts, whatever the order.
        let records = vec![
            response_record(
                p.id,
                index,
                "2026-02-20T03:00:00Z",
                &v,
                index_answers(base, base % 5 + 1),
            ),
            response_record(p.id, index, "2026-02-02T03:00:00Z", &v, index_answers(5, 4)),
            response_record(p.id, komitmen, "2026-01-09T03:00:00Z", &v, |i| {
                if i.component == "afektif" {
                    base
                } else {
                    base % 5 + 1
                }
            }),
            answer_at(p.id, q, n % 2 == 0, "2026-01-10T03:00:00Z", &v),
            answer_at(p.id, q, true, "2026-02-10T03:00:00Z", &v),
        ];
        srv.sync(&p.token, records).await;
    }
    let store = srv.store();
    let compute = |unit, period| computed(&store, &content, unit, period);
    let cases = [
        ("bkn", "2026-Q1"),
        (SINKA, "2026-02"),
        (SINKA, "2026"),
        (KANREG, "2026-01"),
    ];
    let mut kept = Vec::new();
    for (unit, period) in cases {
        kept.push(compute(unit, period).await);
    }
    // The comparison covers shown figures and hidden ones.
    let statuses: Vec<&str> = kept
        .iter()
        .map(|d| d["index"]["status"].as_str().unwrap())
        .collect();
    assert!(
        statuses.contains(&"shown") && statuses.contains(&"suppressed"),
        "{statuses:?}"
    );
    assert!(kept.iter().any(|d| d["practice"]["status"] == "shown"));
    let read = store.rebuild_facts(&content).await.unwrap();
    assert_eq!(read, 35);
    for ((unit, period), before) in cases.into_iter().zip(&kept) {
        assert_eq!(&compute(unit, period).await, before, "{unit} {period}");
    }

    // Every counted response keeps its compact row, read instead of the JSON answers.
    assert!(srv.count("SELECT COUNT(*) FROM fact_responses").await > 0);
    assert_eq!(
        srv.count("SELECT COUNT(*) FROM fact_responses WHERE answer_row IS NULL OR layout IS NULL")
            .await,
        0
    );

    // A content update that drops an item: old answers to it are left out, no error, and
    // the rows give what the JSON answers give (as stored before the rows existed).
    let mut changed = content.clone();
    let q = changed
        .questionnaires
        .iter_mut()
        .find(|q| q.id == "indeks-berakhlak")
        .unwrap();
    q.items.remove(0);
    let changed_cases = [("bkn", "2026-Q1"), (SINKA, "2026"), (KANREG, "2026-02")];
    let compute_changed = |unit, period| computed(&store, &changed, unit, period);
    let mut from_rows = Vec::new();
    for (unit, period) in changed_cases {
        from_rows.push(compute_changed(unit, period).await);
    }
    assert_eq!(from_rows[0]["index"]["status"], "shown");
    sqlx::query("UPDATE fact_responses SET layout = NULL, answer_row = NULL")
        .execute(&srv.db)
        .await
        .unwrap();
    for ((unit, period), rows) in changed_cases.into_iter().zip(from_rows) {
        assert_eq!(compute_changed(unit, period).await, rows, "{unit} {period}");
    }
    // And with today's content, the JSON answers give what the rows kept while syncing gave.
    for ((unit, period), before) in cases.into_iter().zip(&kept) {
        assert_eq!(&compute(unit, period).await, before, "{unit} {period}");
    }

    // A database kept before migration 0008 is left like this (facts without rows) with the
    // back-fill asked for: the next start gives every response its row, figures unchanged.
    sqlx::query("UPDATE fact_state SET built = 0")
        .execute(&srv.db)
        .await
        .unwrap();
    store.build_facts_if_needed(&content).await.unwrap();
    assert_eq!(
        srv.count("SELECT COUNT(*) FROM fact_responses WHERE answer_row IS NULL OR layout IS NULL")
            .await,
        0
    );
    for ((unit, period), before) in cases.into_iter().zip(&kept) {
        assert_eq!(&compute(unit, period).await, before, "{unit} {period}");
    }
}

/// A period still running shows no questionnaire figure, however many answered: two screens
/// an hour apart would otherwise differ by one person's answers. Practice and participation
/// stay live; the figure appears the day after the period ends.
#[tokio::test]
async fn questionnaire_figures_wait_for_the_period_to_end() {
    let mid_march = time::macros::date!(2026 - 03 - 20);
    let srv = start_with_questionnaires_and_state(|s| {
        s.clock = resapi_server::clock::Clock::fixed(mid_march);
    })
    .await;
    let content = srv.content().await;
    let v = content.version.clone();
    let index = questionnaire(&content, "indeks-berakhlak");
    let q1 = content
        .questions
        .iter()
        .find(|q| q.id == "adaptif-001")
        .unwrap();
    let hash = srv.passwords.hash(PASSWORD.into()).await.unwrap();
    let admin = srv.signed_in(1, "bkn", &[Role::Admin], &hash).await;
    let answer = |n: u32| {
        let srv = &srv;
        let hash = &hash;
        let v = v.clone();
        async move {
            let p = srv.signed_in(n, SINKA, &[], hash).await;
            let records = vec![
                response_record(p.id, index, "2026-03-10T03:00:00Z", &v, index_answers(4, 3)),
                answer_at(p.id, q1, true, "2026-03-10T03:05:00Z", &v),
            ];
            let res = srv.sync(&p.token, records).await;
            assert!(error_codes(&res).iter().all(Option::is_none), "{res:?}");
        }
    };
    for n in 10..20 {
        answer(n).await;
    }
    let morning = dashboard(&srv, &admin.token, SINKA, "2026-03").await;
    answer(20).await;
    let afternoon = dashboard(&srv, &admin.token, SINKA, "2026-03").await;
    for d in [&morning, &afternoon] {
        assert_eq!(d["index"]["status"], "suppressed", "{}", d["index"]);
        assert_eq!(d["index"]["reason"], "running");
        assert!(d["index"].get("n").is_none());
        for c in d["components"].as_array().unwrap() {
            assert_eq!(c["figure"]["reason"], "running", "{c}");
        }
        // March's own trend point waits; the months before it have ended.
        let trend = d["index_trend"].as_array().unwrap();
        assert_eq!(trend.last().unwrap()["figure"]["reason"], "running");
        assert!(
            trend[..trend.len() - 1]
                .iter()
                .all(|p| p["figure"]["reason"] != "running")
        );
        assert!(d["weakest"].is_null());
    }
    // Practice and participation are live: the eleventh person shows at once.
    assert_eq!(morning["practice"]["n"], 10);
    assert_eq!(afternoon["practice"]["n"], 11);
    assert_eq!(afternoon["participation"]["active"], 11);
    for period in ["2026-Q1", "2026"] {
        let d = dashboard(&srv, &admin.token, SINKA, period).await;
        assert_eq!(d["index"]["reason"], "running", "{period}");
    }
    // α waits too (its n would give the cell away).
    let quality: Value = srv
        .get(
            &format!("/api/v1/units/{SINKA}/quality?period=2026-03"),
            Some(&admin.token),
        )
        .await
        .json()
        .await
        .unwrap();
    assert!(
        quality["questionnaires"]
            .as_array()
            .unwrap()
            .iter()
            .all(|q| q["components"]["reason"] == "running"),
        "{quality}"
    );

    // On 1 April, March has ended: its eleven respondents are shown.
    let store = srv.store();
    let on = |day| computed_on(&store, &content, SINKA, "2026-03", day);
    let march_31 = on(time::macros::date!(2026 - 03 - 31)).await;
    assert_eq!(march_31["index"]["reason"], "running");
    let april_1 = on(time::macros::date!(2026 - 04 - 01)).await;
    assert_eq!(april_1["index"]["status"], "shown", "{}", april_1["index"]);
    assert_eq!(april_1["index"]["n"], 11);
}

#[tokio::test]
async fn a_live_quizs_answers_count_in_the_units_practice_figures_once() {
    let srv = start().await;
    let content = srv.content().await;
    let v = content.version.clone();
    let hash = srv.passwords.hash(PASSWORD.into()).await.unwrap();
    let admin = srv.signed_in(1, "bkn", &[Role::Admin], &hash).await;
    let trainer = srv.signed_in(2, KANREG, &[Role::Trainer], &hash).await;
    // The game's records are made now (the server clock): this month on the agency's calendar.
    let now = time::OffsetDateTime::now_utc();
    let month = resapi_core::aggregate::period::Period::of_instant(
        now,
        resapi_server::store::facts::AGENCY_OFFSET,
        resapi_core::aggregate::period::PeriodKind::Month,
    )
    .to_string();
    let stamp = now
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    let practised = content
        .questions
        .iter()
        .find(|q| q.id == "adaptif-001")
        .unwrap();
    // Six people of Sinka practise one question each, right: 6 answers, 100 %.
    let mut people = Vec::new();
    for n in 10..16 {
        let p = srv.signed_in(n, SINKA, &[], &hash).await;
        let res = srv
            .sync(&p.token, vec![answer_at(p.id, practised, true, &stamp, &v)])
            .await;
        assert!(error_codes(&res).iter().all(Option::is_none), "{res:?}");
        people.push(p);
    }
    let overall = |d: &Value| d["practice"]["value"]["overall"]["value"].clone();
    let before = dashboard(&srv, &admin.token, SINKA, &month).await;
    assert_eq!(before["practice"]["n"], 6, "{}", before["practice"]);
    assert_eq!(overall(&before)["answered"], 6);

    // A live quiz of two questions: everyone right on the first, wrong on the second.
    let questions = ["akuntabel-001", "akuntabel-002"];
    let pick = |_: usize, q: usize| {
        let question = content.question(questions[q]).unwrap();
        if q == 0 {
            question.answer.clone()
        } else {
            wrong_option(question)
        }
    };
    let players: Vec<&SignedIn> = people.iter().collect();
    let played = common::live::play(&srv, &trainer.token, &players, &questions, pick).await;
    let after = dashboard(&srv, &admin.token, SINKA, &month).await;
    // 6 practice answers + 12 live ones; 6 + 6 right: 12 of 18 = 67 %; still six people.
    assert_eq!(after["practice"]["n"], 6, "{}", after["practice"]);
    assert_eq!(overall(&after)["answered"], 18);
    assert_eq!(overall(&after)["correct"], 12);
    assert_eq!(overall(&after)["percent"], 67);
    assert_eq!(after["participation"]["active"], 6);

    // Each phone syncs the records it got (the next day, say): duplicates, nothing moves.
    for (phone, person) in played.phones.iter().zip(&people) {
        let records = common::live::records(&phone.log);
        assert_eq!(records.len(), 2);
        let res = srv.sync(&person.token, records).await;
        assert_eq!(
            statuses(&res),
            vec![resapi_core::sync::RecordStatus::Duplicate; 2]
        );
    }
    let synced = dashboard(&srv, &admin.token, SINKA, &month).await;
    assert_eq!(synced["practice"], after["practice"]);
    // The facts rebuilt from the stored records say the same (a live answer counts there too).
    srv.store().rebuild_facts(&content).await.unwrap();
    let rebuilt = dashboard(&srv, &admin.token, SINKA, &month).await;
    assert_eq!(rebuilt["practice"], after["practice"]);
}
