//! Competitions between units (docs/competitions.md), played through the real server over a
//! real SQLite file with the server's clock moved on through the week: the organiser's
//! rules, the window and its grace, the clock trick, one attempt each, scopes, key secrecy
//! and the published results.

mod common;

use common::*;
use reqwest::{Method, StatusCode};
use resapi_core::api::{ERASED_NAME, Role};
use resapi_core::competition::wire::{
    Competition, CompetitionResults, MyCompetitions, Paper, Participation,
};
use resapi_core::content::Question;
use resapi_core::sync::{CompetitionAttempt, RecordStatus, SyncRecord};
use serde_json::{Value, json};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

const SINKA: &str = "bkn-deputi-sinka";
const PENGADAAN: &str = "bkn-direktorat-pengadaan";
const KANREG: &str = "kanreg-1-yogyakarta";

/// `t` as the organiser types it in WIB.
fn wib(t: OffsetDateTime) -> String {
    resapi_core::competition::schedule::Zone::Wib.format_local(t)
}

/// A competition of all of BKN, opening in an hour and closing two days later, two
/// questions per value, 15 minutes, 48 h grace, ranking units from one participant.
fn draft(srv: &Server) -> Value {
    let now = srv.clock.now();
    json!({
        "name": "Lomba Bulan BerAKHLAK",
        "description": "Tujuh nilai, satu minggu.",
        "unit_id": "bkn",
        "opens_local": wib(now + Duration::hours(1)),
        "closes_local": wib(now + Duration::hours(49)),
        "zone": "WIB",
        "questions": {"kind": "per_value", "per_value": 2},
        "limit_minutes": 15,
        "min_participants": 1
    })
}

async fn call(
    srv: &Server,
    method: Method,
    path: &str,
    body: Option<&Value>,
    token: &str,
) -> (StatusCode, Value) {
    let res = srv.send(method, path, body, Some(token)).await;
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}

/// `POST /competitions` with `body` as `token`'s.
async fn create(srv: &Server, body: &Value, token: &str) -> (StatusCode, Value) {
    call(srv, Method::POST, "/api/v1/competitions", Some(body), token).await
}

fn code(body: &Value) -> &str {
    body["error"]["code"].as_str().unwrap_or("")
}

/// The pool with its keys, as the server loaded it.
fn pool(srv: &Server) -> Vec<Question> {
    resapi_server::content::load(&srv.dir.path().join("content"))
        .unwrap()
        .pool
}

struct Week {
    srv: Server,
    organiser: SignedIn,
    competition: Competition,
    pool: Vec<Question>,
}

/// A created competition; its organiser is an admin.
async fn created() -> Week {
    let srv = start_with_pool().await;
    let h = srv.passwords.hash(PASSWORD.into()).await.unwrap();
    let organiser = srv.signed_in(1, "bkn", &[Role::Admin], &h).await;
    let (status, body) = create(&srv, &draft(&srv), &organiser.token).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let competition: Competition = serde_json::from_value(body).unwrap();
    let pool = pool(&srv);
    Week {
        srv,
        organiser,
        competition,
        pool,
    }
}

impl Week {
    fn path(&self, rest: &str) -> String {
        format!("/api/v1/competitions/{}{rest}", self.competition.id)
    }

    async fn person(&self, n: u32, unit: &str) -> SignedIn {
        let h = self.srv.passwords.hash(PASSWORD.into()).await.unwrap();
        self.srv.signed_in(n, unit, &[], &h).await
    }

    /// Opens the competition (the clock moves past its opening).
    fn open(&self) {
        self.srv.clock.advance(Duration::hours(2));
    }

    async fn paper(&self, who: &SignedIn) -> (StatusCode, Value) {
        let path = format!("/api/v1/me/competitions/{}/paper", self.competition.id);
        call(&self.srv, Method::GET, &path, None, &who.token).await
    }

    fn key(&self, question: &str) -> String {
        self.pool
            .iter()
            .find(|q| q.id == question)
            .map(|q| q.answer.clone())
            .unwrap()
    }

    /// An attempt answering the paper's questions: the first `right` correctly, the rest
    /// with a wrong option.
    fn attempt(
        &self,
        who: &SignedIn,
        paper: &Paper,
        right: usize,
        started: OffsetDateTime,
    ) -> Value {
        let answers = paper
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let key = self.key(&q.id);
                let option = if i < right {
                    key
                } else {
                    q.options.iter().find(|o| o.id != key).unwrap().id.clone()
                };
                json!({"question_id": q.id, "option_id": option})
            })
            .collect::<Vec<_>>();
        self.record(who, started, started + Duration::minutes(10), answers)
    }

    fn record(
        &self,
        who: &SignedIn,
        started: OffsetDateTime,
        finished: OffsetDateTime,
        answers: Vec<Value>,
    ) -> Value {
        let payload = CompetitionAttempt {
            competition_id: self.competition.id,
            started_at: started,
            finished_at: finished,
            answers: serde_json::from_value(Value::Array(answers)).unwrap(),
        };
        serde_json::to_value(SyncRecord::new(Uuid::now_v7(), who.id, finished, &payload).unwrap())
            .unwrap()
    }

    /// Downloads the paper and sends an attempt with `right` correct answers, started now.
    async fn take(&self, who: &SignedIn, right: usize) -> (RecordStatus, Option<String>) {
        let (status, body) = self.paper(who).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let paper: Paper = serde_json::from_value(body).unwrap();
        let record = self.attempt(who, &paper, right, self.srv.clock.now());
        self.send(who, record).await
    }

    /// `POST /sync` with one record, whatever the answer's status.
    async fn post_sync(&self, who: &SignedIn, record: Value) -> reqwest::Response {
        let body = json!({"records": [record]});
        self.srv.post("/api/v1/sync", &body, Some(&who.token)).await
    }

    async fn send(&self, who: &SignedIn, record: Value) -> (RecordStatus, Option<String>) {
        let res = self.srv.sync(&who.token, vec![record]).await;
        let r = &res.results[0];
        (r.status, r.error.as_ref().map(|e| e.code.clone()))
    }

    async fn mine(&self, who: &SignedIn) -> MyCompetitions {
        let (status, body) = call(
            &self.srv,
            Method::GET,
            "/api/v1/me/competitions",
            None,
            &who.token,
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        serde_json::from_value(body).unwrap()
    }
}

#[tokio::test]
async fn a_competition_runs_from_its_creation_to_published_results_on_the_phones() {
    let w = created().await;
    let c = &w.competition;
    assert_eq!(c.question_count, 14);
    assert_eq!(c.grace_hours, 48);
    let t = w.organiser.token.as_str();

    // Before it opens: editable, and no paper for anyone.
    let mut changed = draft(&w.srv);
    changed["name"] = json!("Lomba Apel Desember");
    let (s, body) = call(&w.srv, Method::PUT, &w.path(""), Some(&changed), t).await;
    assert_eq!(s, StatusCode::OK, "{body}");
    assert_eq!(body["name"], "Lomba Apel Desember");
    let siti = w.person(10, SINKA).await;
    let (s, body) = w.paper(&siti).await;
    assert_eq!(
        (s, code(&body)),
        (StatusCode::CONFLICT, "competition_not_open")
    );
    let upcoming = w.mine(&siti).await;
    assert_eq!(
        upcoming.competitions[0].phase,
        resapi_core::competition::schedule::Phase::Upcoming
    );

    w.open();
    let (s, body) = call(&w.srv, Method::PUT, &w.path(""), Some(&changed), t).await;
    assert_eq!(
        (s, code(&body)),
        (StatusCode::CONFLICT, "competition_started")
    );

    // Each person has their own stable order; the questions are the same for everyone.
    let budi = w.person(11, SINKA).await;
    let ani = w.person(12, PENGADAAN).await;
    let (_, a1) = w.paper(&siti).await;
    let (_, a2) = w.paper(&siti).await;
    let (_, b1) = w.paper(&budi).await;
    let (a1, a2, b1): (Paper, Paper, Paper) = (
        serde_json::from_value(a1).unwrap(),
        serde_json::from_value(a2).unwrap(),
        serde_json::from_value(b1).unwrap(),
    );
    assert_eq!(a1, a2, "a reload shows the same paper");
    assert_ne!(
        a1.questions, b1.questions,
        "a neighbour's paper is in another order"
    );
    let ids = |p: &Paper| {
        let mut ids: Vec<String> = p.questions.iter().map(|q| q.id.clone()).collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(&a1), ids(&b1));

    assert_eq!(w.take(&siti, 14).await, (RecordStatus::Stored, None));
    assert_eq!(w.take(&budi, 7).await, (RecordStatus::Stored, None));
    assert_eq!(w.take(&ani, 10).await, (RecordStatus::Stored, None));

    // While it runs: counts only.
    let (s, body) = call(&w.srv, Method::GET, &w.path("/participation"), None, t).await;
    assert_eq!(s, StatusCode::OK);
    let p: Participation = serde_json::from_value(body.clone()).unwrap();
    let sinka = p.units.iter().find(|u| u.unit_id == SINKA).unwrap();
    assert_eq!(
        (sinka.members, sinka.downloaded, sinka.participants),
        (2, 2, 2)
    );
    assert!(
        !body.to_string().contains("score"),
        "no scores while it runs: {body}"
    );
    let (s, body) = call(&w.srv, Method::GET, &w.path("/results"), None, t).await;
    assert_eq!(
        (s, code(&body)),
        (StatusCode::CONFLICT, "competition_not_final")
    );

    // Closed, then the grace is over: results.
    w.srv.clock.advance(Duration::hours(48 + 49));
    let (s, body) = call(&w.srv, Method::GET, &w.path("/results"), None, t).await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let r: CompetitionResults = serde_json::from_value(body).unwrap();
    let scores: Vec<(u32, &str, f64)> = r
        .people
        .iter()
        .map(|p| (p.rank, p.ranked_unit_id.as_str(), p.score))
        .collect();
    assert_eq!(
        scores,
        [(1, SINKA, 100.0), (2, PENGADAAN, 71.43), (3, SINKA, 50.0)]
    );
    assert_eq!(
        r.ranking.overall_mean.map(|m| (m * 1000.0).round()),
        Some(738.0)
    );
    let ranked: Vec<(&str, Option<u32>)> = r
        .ranking
        .units
        .iter()
        .map(|u| (u.unit.as_str(), u.rank))
        .collect();
    // Sinka: both members took part (75 %, w = 1); Pengadaan: its one member (71 %).
    assert_eq!(ranked[..2], [(SINKA, Some(1)), (PENGADAAN, Some(2))]);
    assert_eq!(r.items.len(), 14);
    assert!(
        r.items.iter().all(|i| i.stats.is_err()),
        "three people are below k = 5"
    );

    // Published: the phones get their result, the answers and the explanations.
    let (s, body) = call(&w.srv, Method::POST, &w.path("/publish"), None, t).await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let mine = w.mine(&budi).await;
    let c = &mine.competitions[0];
    assert!(c.taken);
    let result = c.result.as_ref().unwrap();
    assert_eq!(
        (result.correct, result.total, result.rank, result.unit_rank),
        (7, 14, 3, Some(1))
    );
    assert_eq!(result.review.len(), 14);
    let missed = result
        .review
        .iter()
        .filter(|q| q.chosen.as_deref() != Some(q.answer.as_str()))
        .count();
    assert_eq!(missed, 7);
    assert!(result.review.iter().all(|q| !q.explanation.id.is_empty()));
    assert_eq!(c.podium[0].unit_id, SINKA);
    assert_eq!(c.top_people.len(), 3);
    let (s, body) = call(&w.srv, Method::POST, &w.path("/publish"), None, t).await;
    assert_eq!(
        (s, code(&body)),
        (StatusCode::CONFLICT, "competition_published")
    );

    // Budi erases his account: the published results keep his place and score, not who
    // he was, for the organiser and on the other phones.
    let names = |r: &CompetitionResults| -> Vec<(u32, String, f64)> {
        r.people
            .iter()
            .map(|p| (p.rank, p.name.clone(), p.score))
            .collect()
    };
    let (_, body) = call(&w.srv, Method::GET, &w.path("/results"), None, t).await;
    let before: CompetitionResults = serde_json::from_value(body).unwrap();
    let budi_name = before
        .people
        .iter()
        .find(|p| p.account_id == budi.id)
        .unwrap()
        .name
        .clone();
    let res = w
        .srv
        .post(
            "/api/v1/me/erase",
            &json!({ "password": PASSWORD }),
            Some(&budi.token),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let (s, body) = call(&w.srv, Method::GET, &w.path("/results"), None, t).await;
    assert_eq!(s, StatusCode::OK, "{body}");
    assert!(!body.to_string().contains(&budi.id.to_string()), "{body}");
    let after: CompetitionResults = serde_json::from_value(body).unwrap();
    let expected: Vec<(u32, String, f64)> = names(&before)
        .into_iter()
        .map(|(rank, name, score)| {
            let name = if name == budi_name {
                ERASED_NAME.to_owned()
            } else {
                name
            };
            (rank, name, score)
        })
        .collect();
    assert_eq!(names(&after), expected);
    assert_eq!(
        after.ranking, before.ranking,
        "the unit ranking is unchanged"
    );
    let places: Vec<String> = w.mine(&siti).await.competitions[0]
        .top_people
        .iter()
        .map(|p| p.name.clone())
        .collect();
    assert!(places.contains(&ERASED_NAME.to_owned()), "{places:?}");
    assert!(!places.contains(&budi_name), "{places:?}");
}

#[tokio::test]
async fn an_offline_phone_counts_within_the_grace_and_is_told_when_it_came_too_late() {
    let w = created().await;
    w.open();
    let dewi = w.person(10, SINKA).await;
    let eko = w.person(11, SINKA).await;
    let fajar = w.person(12, PENGADAAN).await;
    let papers = [&dewi, &eko, &fajar];
    let mut records = Vec::new();
    for who in papers {
        let (_, body) = w.paper(who).await;
        let paper: Paper = serde_json::from_value(body).unwrap();
        // Each takes it offline an hour before the close.
        let start = w.competition.closes_at - Duration::hours(1);
        records.push(w.attempt(who, &paper, 5, start));
    }
    // The close passes; Dewi syncs the next day, within the grace.
    w.srv.clock.advance(Duration::hours(48 + 24));
    assert_eq!(
        w.send(&dewi, records[0].clone()).await,
        (RecordStatus::Stored, None)
    );
    // Eko's phone comes back after the grace: refused, with a message to show.
    w.srv.clock.advance(Duration::hours(30));
    let res = w.srv.sync(&eko.token, vec![records[1].clone()]).await;
    let error = res.results[0].error.as_ref().unwrap();
    assert_eq!(error.code, "competition_closed");
    assert!(
        error.message.starts_with("Lomba sudah ditutup"),
        "{}",
        error.message
    );
    // The organiser sees the refusal by its code; Eko is not a participant.
    let (_, body) = call(
        &w.srv,
        Method::GET,
        &w.path("/results"),
        None,
        &w.organiser.token,
    )
    .await;
    let r: CompetitionResults = serde_json::from_value(body).unwrap();
    assert_eq!(r.refused, [("competition_closed".to_string(), 1)]);
    assert_eq!(r.people.len(), 1);
    let _ = fajar;
}

#[tokio::test]
async fn a_clock_set_back_or_a_paper_never_downloaded_does_not_buy_a_valid_attempt() {
    let w = created().await;
    w.open();
    let gita = w.person(10, SINKA).await;
    let hadi = w.person(11, SINKA).await;
    let indah = w.person(12, SINKA).await;

    // Hadi never downloaded the paper (he copied a friend's question ids).
    let (_, body) = w.paper(&gita).await;
    let paper: Paper = serde_json::from_value(body).unwrap();
    let copied = w.attempt(&hadi, &paper, 14, w.srv.clock.now());
    assert_eq!(
        w.send(&hadi, copied).await,
        (
            RecordStatus::Rejected,
            Some("competition_not_downloaded".into())
        )
    );

    // The paper is not served after the close, so a phone cannot fetch it then and set its
    // clock back into the window.
    w.srv.clock.advance(Duration::hours(48));
    let (s, body) = w.paper(&indah).await;
    assert_eq!(
        (s, code(&body)),
        (StatusCode::CONFLICT, "competition_not_open")
    );

    // Gita's phone claims a start before the competition opened: read as her download,
    // inside the window, so it counts (honestly taken, wrong clock).
    let back = w.competition.opens_at - Duration::days(3);
    let early = w.attempt(&gita, &paper, 3, back);
    assert_eq!(w.send(&gita, early).await, (RecordStatus::Stored, None));

    // Over the time limit, or finishing before starting: refused.
    let (_, body) = w.paper(&hadi).await;
    assert_eq!(code(&body), "competition_not_open", "closed now");
}

#[tokio::test]
async fn one_attempt_each_for_ones_own_unit_with_only_the_drawn_questions() {
    let w = created().await;
    w.open();
    let joko = w.person(10, SINKA).await;
    let kartika = w.person(11, SINKA).await;
    let (_, body) = w.paper(&joko).await;
    let paper: Paper = serde_json::from_value(body).unwrap();
    let now = w.srv.clock.now();

    // Too long, and finishing before it started.
    let long = w.record(&joko, now, now + Duration::minutes(20), vec![]);
    assert_eq!(
        w.send(&joko, long).await.1.as_deref(),
        Some("competition_over_time_limit")
    );
    let backwards = w.record(&joko, now, now - Duration::minutes(1), vec![]);
    assert_eq!(
        w.send(&joko, backwards).await.1.as_deref(),
        Some("competition_bad_times")
    );
    // A question outside the draw, an option the question lacks, one answered twice.
    let outside = w
        .pool
        .iter()
        .find(|q| !paper.questions.iter().any(|p| p.id == q.id))
        .unwrap();
    let first = &paper.questions[0];
    for (answers, expected) in [
        (
            vec![json!({"question_id": outside.id, "option_id": "a"})],
            "competition_answer_not_in_draw",
        ),
        (
            vec![json!({"question_id": first.id, "option_id": "z"})],
            "competition_unknown_option",
        ),
        (
            vec![
                json!({"question_id": first.id, "option_id": "a"}),
                json!({"question_id": first.id, "option_id": "b"}),
            ],
            "competition_answer_twice",
        ),
    ] {
        let record = w.record(&joko, now, now + Duration::minutes(5), answers);
        assert_eq!(w.send(&joko, record).await.1.as_deref(), Some(expected));
    }

    // For another account: refused as any record of someone else.
    let mut forged = w.attempt(&joko, &paper, 14, now);
    forged["account_id"] = json!(kartika.id);
    assert_eq!(w.send(&joko, forged).await.1.as_deref(), Some("forbidden"));

    // The first valid attempt counts; a resend is a duplicate; a second attempt is refused.
    let record = w.attempt(&joko, &paper, 9, now);
    assert_eq!(
        w.send(&joko, record.clone()).await,
        (RecordStatus::Stored, None)
    );
    assert_eq!(w.send(&joko, record).await, (RecordStatus::Duplicate, None));
    let again = w.attempt(&joko, &paper, 14, now);
    let res = w.srv.sync(&joko.token, vec![again]).await;
    let error = res.results[0].error.as_ref().unwrap();
    assert_eq!(error.code, "competition_already_taken");
    assert!(error.message.contains("hanya satu kali"));
    assert!(w.mine(&joko).await.competitions[0].taken);

    // Someone outside the competition's units neither gets the paper nor counts.
    let h = w.srv.passwords.hash(PASSWORD.into()).await.unwrap();
    let srv = &w.srv;
    let outsider = srv.signed_in(20, "kanreg-1-yogyakarta", &[], &h).await;
    let _ = KANREG;
    assert_eq!(
        w.mine(&outsider).await.competitions.len(),
        1,
        "kanreg is under bkn"
    );
    let store = srv.store();
    store
        .create_unit("luar", "Instansi Lain", None)
        .await
        .unwrap();
    let stranger = srv.signed_in(21, "luar", &[], &h).await;
    assert!(w.mine(&stranger).await.competitions.is_empty());
    let (s, body) = w.paper(&stranger).await;
    assert_eq!((s, code(&body)), (StatusCode::FORBIDDEN, "forbidden"));
    let record = w.attempt(&stranger, &paper, 14, now);
    assert_eq!(
        w.send(&stranger, record).await.1.as_deref(),
        Some("competition_not_your_unit")
    );
}

/// Every string of the competition's keys and explanations that a cheater could look for.
fn secrets(w: &Week) -> Vec<String> {
    w.pool
        .iter()
        .flat_map(|q| [q.explanation.id.clone(), q.explanation.en.clone()])
        .collect()
}

/// A response's text leaks when it names an explanation or has an `answer` field.
fn leaks(w: &Week, text: &str) -> bool {
    text.contains("\"answer\"") || secrets(w).iter().any(|s| text.contains(s.as_str()))
}

#[tokio::test]
async fn no_endpoint_gives_a_key_or_an_explanation_before_publication() {
    let w = created().await;
    w.open();
    let lina = w.person(10, SINKA).await;
    let id = w.competition.id;
    w.take(&lina, 10).await;
    let bundle = w
        .srv
        .get("/api/v1/content", None)
        .await
        .text()
        .await
        .unwrap();
    for q in &w.pool {
        assert!(!bundle.contains(&q.id), "the public bundle has {}", q.id);
    }
    let t = w.organiser.token.clone();
    let phone = [
        "/api/v1/me/competitions".to_string(),
        format!("/api/v1/me/competitions/{id}/paper"),
        "/api/v1/me/records".to_string(),
        "/api/v1/me/recognitions".to_string(),
    ];
    let console = [
        "/api/v1/competitions".to_string(),
        "/api/v1/competitions/pool".to_string(),
        format!("/api/v1/competitions/{id}"),
        format!("/api/v1/competitions/{id}/participation"),
        format!("/api/v1/competitions/{id}/results"),
    ];
    let walk = |stage: &'static str| {
        let w = &w;
        let phone = phone.clone();
        let console = console.clone();
        let lina = lina.token.clone();
        let t = t.clone();
        async move {
            for path in &phone {
                let text = w.srv.get(path, Some(&lina)).await.text().await.unwrap();
                assert!(!leaks(w, &text), "{stage}: {path} leaks: {text}");
            }
            for path in &console {
                let text = w.srv.get(path, Some(&t)).await.text().await.unwrap();
                assert!(!leaks(w, &text), "{stage}: {path} leaks");
            }
        }
    };
    walk("open").await;
    w.srv.clock.advance(Duration::hours(50));
    walk("in the grace").await;
    // Final: the organiser's results have the keys (item analysis); the phones still not.
    w.srv.clock.advance(Duration::hours(48));
    for path in &phone[..1] {
        let text = w
            .srv
            .get(path, Some(&lina.token))
            .await
            .text()
            .await
            .unwrap();
        assert!(!leaks(&w, &text), "final: {path} leaks");
    }
    call(&w.srv, Method::POST, &w.path("/publish"), None, &t).await;
    let text = w
        .srv
        .get(&phone[0], Some(&lina.token))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        leaks(&w, &text),
        "published: the phone gets the answers and explanations"
    );
}

#[tokio::test]
async fn organisers_work_in_their_own_scope_extend_and_cancel_with_a_reason() {
    let srv = start_with_pool().await;
    let h = srv.passwords.hash(PASSWORD.into()).await.unwrap();
    let ua = srv.signed_in(1, SINKA, &[Role::UnitAdmin], &h).await;
    let employee = srv.signed_in(2, SINKA, &[], &h).await;
    let mut body = draft(&srv);
    let (s, b) = create(&srv, &body, &ua.token).await;
    assert_eq!(
        (s, code(&b)),
        (StatusCode::FORBIDDEN, "forbidden"),
        "bkn is above the unit admin"
    );
    let (s, _) = create(&srv, &body, &employee.token).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    body["unit_id"] = json!(SINKA);
    for (field, value, expected) in [
        ("name", json!(""), "competition_name"),
        ("closes_local", json!("besok"), "competition_time"),
        ("limit_minutes", json!(0), "competition_limit"),
        (
            "questions",
            json!({"kind": "per_value", "per_value": 13}),
            "competition_questions",
        ),
        (
            "questions",
            json!({"kind": "fixed", "question_ids": ["adaptif-001"]}),
            "competition_questions",
        ),
    ] {
        let mut bad = body.clone();
        bad[field] = value;
        let (s, b) = create(&srv, &bad, &ua.token).await;
        assert_eq!(
            (s, code(&b)),
            (StatusCode::UNPROCESSABLE_ENTITY, expected),
            "{field}"
        );
    }
    let (s, b) = create(&srv, &body, &ua.token).await;
    assert_eq!(s, StatusCode::CREATED, "{b}");
    let c: Competition = serde_json::from_value(b).unwrap();
    let path = |rest: &str| format!("/api/v1/competitions/{}{rest}", c.id);

    // Another unit admin does not see it.
    let other = srv.signed_in(3, KANREG, &[Role::UnitAdmin], &h).await;
    let (s, _) = call(&srv, Method::GET, &path(""), None, &other.token).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (_, list) = call(
        &srv,
        Method::GET,
        "/api/v1/competitions",
        None,
        &other.token,
    )
    .await;
    assert_eq!(list, json!([]));

    // Extend: only later.
    let earlier = json!({"closes_local": wib(c.closes_at - Duration::hours(1))});
    let (s, b) = call(
        &srv,
        Method::POST,
        &path("/extend"),
        Some(&earlier),
        &ua.token,
    )
    .await;
    assert_eq!(
        (s, code(&b)),
        (StatusCode::UNPROCESSABLE_ENTITY, "competition_window")
    );
    let later = json!({"closes_local": wib(c.closes_at + Duration::days(2))});
    let (s, b) = call(
        &srv,
        Method::POST,
        &path("/extend"),
        Some(&later),
        &ua.token,
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{b}");
    assert_eq!(b["closes_local"], later["closes_local"]);

    // Cancel: a reason is required, and the phones show it.
    let (s, b) = call(
        &srv,
        Method::POST,
        &path("/cancel"),
        Some(&json!({"reason": " "})),
        &ua.token,
    )
    .await;
    assert_eq!(
        (s, code(&b)),
        (StatusCode::UNPROCESSABLE_ENTITY, "competition_reason")
    );
    let reason = "Bertepatan dengan libur nasional; dijadwalkan ulang.";
    let (s, b) = call(
        &srv,
        Method::POST,
        &path("/cancel"),
        Some(&json!({"reason": reason})),
        &ua.token,
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(b["phase"], "cancelled");
    let (_, mine) = call(
        &srv,
        Method::GET,
        "/api/v1/me/competitions",
        None,
        &employee.token,
    )
    .await;
    assert_eq!(mine["competitions"][0]["cancel_reason"], reason);
    let (s, b) = call(
        &srv,
        Method::POST,
        &path("/cancel"),
        Some(&json!({"reason": reason})),
        &ua.token,
    )
    .await;
    assert_eq!((s, code(&b)), (StatusCode::CONFLICT, "competition_final"));
}

#[tokio::test]
async fn attempt_submissions_are_rate_limited_per_account() {
    let w = created().await;
    w.open();
    let mira = w.person(10, SINKA).await;
    let now = w.srv.clock.now();
    let mut last = StatusCode::OK;
    for _ in 0..=resapi_server::state::ATTEMPTS_PER_HOUR {
        let record = w.record(&mira, now, now + Duration::minutes(1), vec![]);
        let res = w.post_sync(&mira, record).await;
        last = res.status();
        if last != StatusCode::OK {
            assert_eq!(error_code(res).await, "too_many_competition_attempts");
            break;
        }
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
    // Other records still sync.
    let other = w.person(11, SINKA).await;
    let record = w.record(&other, now, now + Duration::minutes(1), vec![]);
    let res = w.post_sync(&other, record).await;
    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test]
async fn an_asn_inspiratif_appears_in_the_unit_only_after_the_person_consented() {
    let w = created().await;
    let srv = &w.srv;
    let h = srv.passwords.hash(PASSWORD.into()).await.unwrap();
    let leader = srv.signed_in(2, SINKA, &[Role::UnitAdmin], &h).await;
    let nina = w.person(10, SINKA).await;
    let oka = w.person(11, SINKA).await;
    let putu = w.person(12, PENGADAAN).await;
    let citation = "Mendampingi warga lansia mengurus data kepegawaian hingga selesai.";
    let request = |who: &SignedIn, unit: &str| json!({"unit_id": unit, "account_id": who.id, "value_id": "pelayanan", "citation": citation, "period": "2026-12"});
    let name = |body: Value| {
        let token = leader.token.clone();
        async move {
            call(
                srv,
                Method::POST,
                "/api/v1/recognitions",
                Some(&body),
                &token,
            )
            .await
        }
    };
    let (s, b) = name(request(&putu, SINKA)).await;
    assert_eq!(
        (s, code(&b)),
        (StatusCode::UNPROCESSABLE_ENTITY, "recognition_not_in_unit")
    );
    let (s, b) = name(request(&putu, PENGADAAN)).await;
    assert_eq!(s, StatusCode::FORBIDDEN, "{b}");
    let mut short = request(&nina, SINKA);
    short["citation"] = json!("Hebat");
    let (s, b) = name(short).await;
    assert_eq!(
        (s, code(&b)),
        (StatusCode::UNPROCESSABLE_ENTITY, "recognition_citation")
    );
    let (s, b) = name(request(&nina, SINKA)).await;
    assert_eq!(s, StatusCode::CREATED, "{b}");
    assert_eq!(b["consent"], "pending");
    let id: Uuid = serde_json::from_value(b["id"].clone()).unwrap();

    let shown = |who: &SignedIn| {
        let token = who.token.clone();
        async move {
            let (_, b) = call(srv, Method::GET, "/api/v1/me/recognitions", None, &token).await;
            b
        }
    };
    assert_eq!(shown(&oka).await["shown"], json!([]), "not before consent");
    assert_eq!(shown(&nina).await["mine"][0]["consent"], "pending");

    // Someone else cannot consent for her.
    let consent = |who: &SignedIn, given: bool| {
        let payload = resapi_core::sync::RecognitionConsent {
            recognition_id: id,
            given,
        };
        serde_json::to_value(
            SyncRecord::new(Uuid::now_v7(), who.id, srv.clock.now(), &payload).unwrap(),
        )
        .unwrap()
    };
    let res = srv.sync(&oka.token, vec![consent(&oka, true)]).await;
    assert_eq!(
        res.results[0].error.as_ref().unwrap().code,
        "recognition_unknown"
    );
    let res = srv.sync(&nina.token, vec![consent(&nina, true)]).await;
    assert_eq!(res.results[0].status, RecordStatus::Stored);
    let seen = shown(&oka).await;
    assert_eq!(seen["shown"][0]["citation"], citation);
    assert_eq!(seen["shown"][0]["person_name"], "Pegawai 010");
    assert_eq!(shown(&putu).await["shown"], json!([]), "another unit's");

    // She changes her mind; then the leader withdraws it.
    srv.sync(&nina.token, vec![consent(&nina, false)]).await;
    assert_eq!(shown(&oka).await["shown"], json!([]));
    let (s, _) = call(
        srv,
        Method::DELETE,
        &format!("/api/v1/recognitions/{id}"),
        None,
        &leader.token,
    )
    .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    assert_eq!(shown(&nina).await["mine"], json!([]));
}
