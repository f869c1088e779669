//! Per-record checks the server runs on every synced record.

use resapi_core::content::{
    ContentBundle, Question, QuestionKind, QuestionOption, ScoringConfig, Value,
};
use resapi_core::module::{Action, Module, ModuleKind, Story};
use resapi_core::questionnaire::{Component, Item, Questionnaire};
use resapi_core::sync::{RecordError, RecordKind, SyncRecord, check_record, parse_record};
use resapi_core::text::Text;
use serde_json::json;
use time::OffsetDateTime;
use uuid::Uuid;

fn t(s: &str) -> Text {
    Text::new(s, s)
}

fn bundle() -> ContentBundle {
    ContentBundle {
        version: "v".into(),
        values: vec![Value {
            id: "loyal".into(),
            name: t("Loyal"),
            summary: t("s"),
            indicators: vec![],
        }],
        questions: vec![Question {
            id: "loyal-001".into(),
            value: "loyal".into(),
            indicator: "loyal-1".into(),
            difficulty: 1,
            projector: true,
            kind: QuestionKind::Situational,
            answer: "b".into(),
            stem: t("s"),
            explanation: t("e"),
            options: ["a", "b", "c", "d"]
                .iter()
                .map(|o| QuestionOption {
                    id: (*o).into(),
                    text: t(o),
                })
                .collect(),
            rev: 1,
            status: Default::default(),
            source: None,
            audience: Vec::new(),
            competency: None,
        }],
        scales: vec![],
        questionnaires: vec![Questionnaire {
            id: "komitmen".into(),
            scale: "agreement".into(),
            minutes: 5,
            title: t("k"),
            purpose: t("p"),
            components: vec![Component {
                id: "afektif".into(),
                name: t("a"),
                description: t("d"),
                low: t("l"),
                high: t("h"),
            }],
            items: vec![Item {
                id: "komitmen-af-01".into(),
                component: "afektif".into(),
                reverse: false,
                indicator: None,
                text: t("i"),
                since: None,
                until: None,
            }],
            form: 1,
            retired: Vec::new(),
        }],
        modules: vec![Module {
            id: "modul-loyal".into(),
            kind: ModuleKind::Value,
            value: Some("loyal".into()),
            component: None,
            minutes: 5,
            title: t("m"),
            intro: t("i"),
            reflection: t("r"),
            indicators: vec![],
            story: Story {
                title: t("s"),
                body: t("b"),
            },
            actions: vec![Action {
                id: "modul-loyal-aksi-1".into(),
                text: t("a"),
            }],
        }],
        mappings: vec![],
        scoring: ScoringConfig::default(),
    }
}

fn check(kind: &str, payload: serde_json::Value) -> Result<Option<bool>, RecordError> {
    let account = Uuid::now_v7();
    let raw = json!({
        "id": Uuid::now_v7().to_string(),
        "kind": kind,
        "account_id": account.to_string(),
        "created_at": "2026-11-20T01:02:03Z",
        "payload": payload,
    });
    let record: SyncRecord = parse_record(&raw)?;
    check_record(&record, account, &bundle(), OffsetDateTime::now_utc())
}

fn code(r: Result<Option<bool>, RecordError>) -> &'static str {
    r.map(|_| "ok").unwrap_or_else(|e| e.code())
}

#[test]
fn every_kind_round_trips_through_its_name() {
    for kind in resapi_core::sync::RECORD_KINDS {
        assert_eq!(RecordKind::parse(kind.as_str()), Some(kind));
    }
    assert_eq!(RecordKind::parse("survey"), None);
}

#[test]
fn a_practice_answer_is_judged_by_the_servers_key() {
    let answer = |option: &str| {
        json!({"attempt_id": Uuid::now_v7(), "question_id": "loyal-001", "option_id": option,
               "correct": true, "content_version": "v", "position": 0})
    };
    assert_eq!(check("practice_answer", answer("b")).unwrap(), Some(true));
    assert_eq!(check("practice_answer", answer("a")).unwrap(), Some(false));
    assert_eq!(
        code(check("practice_answer", answer("e"))),
        "unknown_option"
    );
}

#[test]
fn an_answer_keeps_its_wording_and_an_earlier_wording_keeps_the_devices_judgement() {
    let mut content = bundle();
    content.questions[0].rev = 2;
    let account = Uuid::now_v7();
    let check_rev = |rev: Option<u32>, option: &str| {
        let mut payload = json!({"attempt_id": Uuid::now_v7(), "question_id": "loyal-001",
            "option_id": option, "correct": true, "content_version": "v", "position": 0});
        if let Some(rev) = rev {
            payload["question_rev"] = json!(rev);
        }
        let raw = json!({"id": Uuid::now_v7().to_string(), "kind": "practice_answer",
            "account_id": account.to_string(), "created_at": "2026-11-20T01:02:03Z",
            "payload": payload});
        check_record(
            &parse_record(&raw)?,
            account,
            &content,
            OffsetDateTime::now_utc(),
        )
    };
    // Today's wording: the server's key decides.
    assert_eq!(check_rev(Some(2), "a").unwrap(), Some(false));
    assert_eq!(check_rev(Some(2), "b").unwrap(), Some(true));
    // The first wording (or a record from before revisions): its key may have been another
    // option, so the server does not judge it.
    assert_eq!(check_rev(Some(1), "a").unwrap(), None);
    assert_eq!(check_rev(None, "a").unwrap(), None);
    // A wording the server has never had is refused with a message that says what to do.
    let refused = check_rev(Some(3), "b").unwrap_err();
    assert_eq!(refused.code(), "unknown_revision");
    assert!(refused.to_string().contains("Perbarui aplikasi"));
    assert_eq!(code(check_rev(Some(0), "b")), "unknown_revision");
}

#[test]
fn a_questionnaire_response_needs_known_items_and_answers_from_one_to_five() {
    let response = |item: &str, answer: u8| {
        json!({"questionnaire_id": "komitmen", "answers": {item: answer},
               "started_at": "2026-11-20T01:00:00Z", "content_version": "v"})
    };
    assert_eq!(
        code(check(
            "questionnaire_response",
            response("komitmen-af-01", 4)
        )),
        "ok"
    );
    assert_eq!(
        code(check(
            "questionnaire_response",
            response("komitmen-af-01", 6)
        )),
        "invalid_payload"
    );
    assert_eq!(
        code(check("questionnaire_response", response("komitmen-xx", 3))),
        "invalid_payload"
    );
    let mut unknown = response("komitmen-af-01", 3);
    unknown["questionnaire_id"] = json!("kepuasan");
    assert_eq!(
        code(check("questionnaire_response", unknown)),
        "invalid_payload"
    );
}

#[test]
fn reflections_and_commitments_name_a_real_module_and_fit_their_length() {
    assert_eq!(
        code(check(
            "reflection",
            json!({"module_id": "modul-loyal", "text": "Saya belajar…"})
        )),
        "ok"
    );
    assert_eq!(
        code(check(
            "reflection",
            json!({"module_id": "modul-loyal", "text": "  "})
        )),
        "invalid_payload"
    );
    assert_eq!(
        code(check(
            "reflection",
            json!({"module_id": "modul-loyal", "text": "x".repeat(5001)})
        )),
        "invalid_payload"
    );
    assert_eq!(
        code(check(
            "reflection",
            json!({"module_id": "modul-jujur", "text": "a"})
        )),
        "invalid_payload"
    );
    let commitment = |action: serde_json::Value, due: &str| json!({"module_id": "modul-loyal", "action_id": action, "text": "Menjaga rahasia jabatan", "due_on": due});
    assert_eq!(
        code(check(
            "commitment",
            commitment(json!("modul-loyal-aksi-1"), "2026-11-27")
        )),
        "ok"
    );
    assert_eq!(
        code(check("commitment", commitment(json!(null), "2026-11-27"))),
        "ok"
    );
    assert_eq!(
        code(check(
            "commitment",
            commitment(json!("modul-loyal-aksi-9"), "2026-11-27")
        )),
        "invalid_payload"
    );
    assert_eq!(
        code(check("commitment", commitment(json!(null), "27/11/2026"))),
        "invalid_payload"
    );
}

#[test]
fn a_live_answer_names_a_real_question_and_option_and_earns_points_only_when_right() {
    let answer = |option: &str, correct: bool, points: u32| {
        json!({"game_id": Uuid::now_v7(), "question_id": "loyal-001", "option_id": option,
               "correct": correct, "points": points, "position": 0, "scoring": "speed_points",
               "time_ms": 4200, "content_version": "v"})
    };
    assert_eq!(
        check("live_answer", answer("b", true, 895)).unwrap(),
        Some(true)
    );
    assert_eq!(
        check("live_answer", answer("a", false, 0)).unwrap(),
        Some(false)
    );
    // The server judges by its own key, as for practice answers.
    assert_eq!(
        check("live_answer", answer("a", true, 895)).unwrap(),
        Some(false)
    );
    assert_eq!(
        code(check("live_answer", answer("a", false, 500))),
        "invalid_payload"
    );
    assert_eq!(
        code(check("live_answer", answer("b", true, 1001))),
        "invalid_payload"
    );
    assert_eq!(
        code(check("live_answer", answer("e", false, 0))),
        "unknown_option"
    );
    let mut late = answer("b", true, 500);
    late["time_ms"] = json!(135_001);
    assert_eq!(code(check("live_answer", late)), "invalid_payload");
    let mut far = answer("b", true, 500);
    far["position"] = json!(50);
    assert_eq!(code(check("live_answer", far)), "invalid_payload");
    let mut unknown = answer("b", true, 500);
    unknown["question_id"] = json!("loyal-999");
    assert_eq!(code(check("live_answer", unknown)), "unknown_question");
    let mut mode = answer("b", true, 500);
    mode["scoring"] = json!("fastest_wins");
    assert_eq!(code(check("live_answer", mode)), "invalid_payload");
}

#[test]
fn a_checkin_has_one_of_three_outcomes() {
    let checkin =
        |outcome: &str| json!({"commitment_id": Uuid::now_v7(), "outcome": outcome, "note": ""});
    for outcome in ["done", "partly", "not_yet"] {
        assert_eq!(code(check("commitment_checkin", checkin(outcome))), "ok");
    }
    assert_eq!(
        code(check("commitment_checkin", checkin("maybe"))),
        "invalid_payload"
    );
}

fn raw_at(kind: &str, created_at: &str, payload: serde_json::Value) -> serde_json::Value {
    json!({
        "id": Uuid::now_v7().to_string(),
        "kind": kind,
        "account_id": Uuid::nil().to_string(),
        "created_at": created_at,
        "payload": payload,
    })
}

fn check_raw(raw: &serde_json::Value, now: OffsetDateTime) -> Result<Option<bool>, RecordError> {
    let record = parse_record(raw)?;
    check_record(&record, Uuid::nil(), &bundle(), now)
}

fn reflection(text: &str) -> serde_json::Value {
    json!({"module_id": "modul-loyal", "text": text})
}

#[test]
fn a_record_over_the_size_limit_is_refused_whatever_field_makes_it_big() {
    use resapi_core::sync::{MAX_RECORD_BYTES, json_len};
    let now = OffsetDateTime::now_utc();
    let base = raw_at("reflection", "2026-11-20T01:02:03Z", reflection(""));
    let room = MAX_RECORD_BYTES - json_len(&base);
    // Exactly at the limit: parses (the text is then judged by its own rule, too long).
    let at_limit = raw_at(
        "reflection",
        "2026-11-20T01:02:03Z",
        reflection(&"x".repeat(room)),
    );
    assert_eq!(json_len(&at_limit), MAX_RECORD_BYTES);
    assert!(parse_record(&at_limit).is_ok());
    let over = raw_at(
        "reflection",
        "2026-11-20T01:02:03Z",
        reflection(&"x".repeat(room + 1)),
    );
    assert_eq!(code(check_raw(&over, now)), "record_too_large");
    // An unknown field cannot dodge the limit either.
    let mut padded = raw_at("reflection", "2026-11-20T01:02:03Z", reflection("ok"));
    padded["junk"] = json!("y".repeat(MAX_RECORD_BYTES));
    assert_eq!(code(check_raw(&padded, now)), "record_too_large");
    // A maximum-length reflection of 4-byte characters still fits.
    let emoji = raw_at(
        "reflection",
        "2026-11-20T01:02:03Z",
        reflection(&"😀".repeat(resapi_core::sync::MAX_REFLECTION_CHARS)),
    );
    assert_eq!(code(check_raw(&emoji, now)), "ok");
}

#[test]
fn created_at_must_be_after_2020_and_at_most_a_day_ahead() {
    let now = time::macros::datetime!(2026-11-20 12:00 UTC);
    let at = |t: &str| code(check_raw(&raw_at("reflection", t, reflection("a")), now));
    assert_eq!(at("2020-12-31T23:59:59Z"), "created_too_early");
    assert_eq!(at("2021-01-01T00:00:00Z"), "ok");
    assert_eq!(at("2026-11-21T11:59:00Z"), "ok");
    assert_eq!(at("2026-11-21T12:01:00Z"), "created_in_future");
    // The same instant spelled in WIB.
    assert_eq!(at("2021-01-01T06:59:59+07:00"), "created_too_early");
}

#[test]
fn ids_counts_and_references_are_bounded_and_checked_against_the_content() {
    let now = OffsetDateTime::now_utc();
    let long = "x".repeat(resapi_core::sync::MAX_ID_CHARS + 1);
    let answer = |question: &str, option: &str, position: u32| {
        json!({"attempt_id": Uuid::now_v7(), "question_id": question, "option_id": option,
               "correct": true, "content_version": "v", "position": position})
    };
    let c = |kind: &str, payload: serde_json::Value| {
        code(check_raw(
            &raw_at(kind, "2026-11-20T01:02:03Z", payload),
            now,
        ))
    };
    assert_eq!(c("practice_answer", answer("loyal-001", "b", 9)), "ok");
    assert_eq!(
        c("practice_answer", answer(&long, "b", 0)),
        "invalid_payload"
    );
    assert_eq!(
        c("practice_answer", answer("loyal-001", &long, 0)),
        "invalid_payload"
    );
    assert_eq!(
        c("practice_answer", answer("loyal-001", "b", 50)),
        "invalid_payload"
    );

    let session = |scope: &str, ids: Vec<String>| {
        json!({"scope": scope, "question_ids": ids, "answered": 1, "correct": 1,
               "completed": true, "started_at": "2026-11-20T01:00:00Z", "content_version": "v"})
    };
    let one = || vec!["loyal-001".to_string()];
    assert_eq!(c("practice_attempt", session("loyal", one())), "ok");
    assert_eq!(c("practice_attempt", session("campuran", one())), "ok");
    assert_eq!(c("practice_attempt", session("ulang", one())), "ok");
    assert_eq!(
        c("practice_attempt", session("jujur", one())),
        "invalid_payload"
    );
    assert_eq!(
        c(
            "practice_attempt",
            session("loyal", vec!["loyal-404".into()])
        ),
        "unknown_question"
    );
    assert_eq!(
        c(
            "practice_attempt",
            session("loyal", vec!["loyal-001".into(); 51])
        ),
        "invalid_payload"
    );
    assert_eq!(
        c("practice_attempt", session("loyal", vec![])),
        "invalid_payload"
    );
    let mut early = session("loyal", one());
    early["started_at"] = json!("2019-05-01T00:00:00Z");
    assert_eq!(c("practice_attempt", early), "created_too_early");

    let many: serde_json::Map<String, serde_json::Value> =
        (0..201).map(|i| (format!("k-{i}"), json!(3))).collect();
    assert_eq!(
        c(
            "questionnaire_response",
            json!({"questionnaire_id": "komitmen", "answers": many,
                   "started_at": "2026-11-20T01:00:00Z", "content_version": "v"})
        ),
        "invalid_payload"
    );
    let commitment =
        |due: &str| json!({"module_id": "modul-loyal", "text": "Menjaga", "due_on": due});
    assert_eq!(c("commitment", commitment("2020-06-01")), "invalid_payload");
    assert_eq!(c("commitment", commitment("9999-01-01")), "invalid_payload");
    assert_eq!(
        c(
            "commitment",
            json!({"module_id": "modul-loyal", "action_id": long, "text": "a", "due_on": "2026-11-27"})
        ),
        "invalid_payload"
    );
}
