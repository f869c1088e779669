//! Per-record checks the server runs on every synced record.

use resapi_core::content::{ContentBundle, Question, QuestionKind, QuestionOption, ScoringConfig};
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
        values: vec![],
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
            }],
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
