//! Records built with `SyncRecord::new` travel exactly as the records phones in the field
//! already made and servers already store. The expected strings below were printed by the
//! previous code (records built field by field, before the practice session was renamed),
//! for the same payloads: a change here would break phones and stored data.

use resapi_core::live::scoring::ScoringMode;
use resapi_core::sync::{
    CheckinOutcome, Commitment, CommitmentCheckin, LiveAnswer, Payload, PracticeAnswer,
    PracticeSession, QuestionnaireResponse, RecordKind, Reflection, SyncRecord, parse_record,
};
use time::macros::datetime;
use uuid::Uuid;

fn uuid(last: &str) -> Uuid {
    Uuid::parse_str(&format!("019ad5a0-0000-7000-8000-{last:0>12}")).unwrap()
}

/// The record built the new way, as compact JSON.
fn built<P: Payload>(payload: &P) -> String {
    let record = SyncRecord::new(
        uuid("1"),
        uuid("aa"),
        datetime!(2026-11-30 08:05:06.789 UTC),
        payload,
    )
    .unwrap();
    serde_json::to_string(&record).unwrap()
}

/// Checks the bytes, and that the old bytes read back into the same record and payload
/// (what a restore and the server's checks read).
fn same_on_the_wire<P: Payload + PartialEq + std::fmt::Debug>(
    payload: &P,
    before: &str,
    kind: RecordKind,
) {
    let now = built(payload);
    assert_eq!(now, before, "{kind:?} changed on the wire");
    let raw: serde_json::Value = serde_json::from_str(before).unwrap();
    let parsed = parse_record(&raw).unwrap();
    assert_eq!(parsed.kind, kind);
    assert_eq!(serde_json::to_string(&parsed).unwrap(), before);
    let read: P = serde_json::from_value(parsed.payload).unwrap();
    assert_eq!(&read, payload);
}

const ENVELOPE: &str = r#""account_id":"019ad5a0-0000-7000-8000-0000000000aa","created_at":"2026-11-30T08:05:06.789Z""#;

fn before(kind: &str, payload: &str) -> String {
    format!(
        r#"{{"id":"019ad5a0-0000-7000-8000-000000000001","kind":"{kind}",{ENVELOPE},"payload":{payload}}}"#
    )
}

#[test]
fn a_practice_answer_keeps_its_wire_form_with_attempt_id() {
    let answer = PracticeAnswer {
        session_id: uuid("bb"),
        question_id: "adaptif-001".into(),
        option_id: "b".into(),
        correct: true,
        content_version: "2026.11.1".into(),
        position: 3,
        question_rev: 1,
    };
    same_on_the_wire(
        &answer,
        &before(
            "practice_answer",
            r#"{"attempt_id":"019ad5a0-0000-7000-8000-0000000000bb","content_version":"2026.11.1","correct":true,"option_id":"b","position":3,"question_id":"adaptif-001"}"#,
        ),
        RecordKind::PracticeAnswer,
    );
}

/// A reworded question's answer names its wording; the first wording stays as it was.
#[test]
fn an_answer_to_a_reworded_question_carries_its_revision() {
    let answer = PracticeAnswer {
        session_id: uuid("bb"),
        question_id: "adaptif-001".into(),
        option_id: "b".into(),
        correct: true,
        content_version: "2026.12.1".into(),
        position: 3,
        question_rev: 2,
    };
    same_on_the_wire(
        &answer,
        &before(
            "practice_answer",
            r#"{"attempt_id":"019ad5a0-0000-7000-8000-0000000000bb","content_version":"2026.12.1","correct":true,"option_id":"b","position":3,"question_id":"adaptif-001","question_rev":2}"#,
        ),
        RecordKind::PracticeAnswer,
    );
}

#[test]
fn a_practice_session_still_travels_as_a_practice_attempt() {
    let session = PracticeSession {
        scope: "campuran".into(),
        question_ids: vec!["adaptif-001".into(), "loyal-002".into()],
        answered: 2,
        correct: 1,
        completed: false,
        started_at: datetime!(2026-11-30 08:00:00 +07:00),
        content_version: "2026.11.1".into(),
    };
    same_on_the_wire(
        &session,
        &before(
            "practice_attempt",
            r#"{"answered":2,"completed":false,"content_version":"2026.11.1","correct":1,"question_ids":["adaptif-001","loyal-002"],"scope":"campuran","started_at":"2026-11-30T08:00:00+07:00"}"#,
        ),
        RecordKind::PracticeSession,
    );
    assert_eq!(RecordKind::PracticeSession.as_str(), "practice_attempt");
    assert_eq!(
        RecordKind::parse("practice_attempt"),
        Some(RecordKind::PracticeSession)
    );
    assert_eq!(RecordKind::parse("practice_session"), None);
}

#[test]
fn a_questionnaire_response_keeps_its_wire_form() {
    let response = QuestionnaireResponse {
        questionnaire_id: "komitmen".into(),
        answers: [
            ("komitmen-af-01".to_owned(), 4),
            ("komitmen-no-02".into(), 2),
        ]
        .into_iter()
        .collect(),
        started_at: datetime!(2026-11-30 07:55:00.5 UTC),
        content_version: "2026.11.1".into(),
    };
    same_on_the_wire(
        &response,
        &before(
            "questionnaire_response",
            r#"{"answers":{"komitmen-af-01":4,"komitmen-no-02":2},"content_version":"2026.11.1","questionnaire_id":"komitmen","started_at":"2026-11-30T07:55:00.5Z"}"#,
        ),
        RecordKind::QuestionnaireResponse,
    );
}

#[test]
fn a_reflection_keeps_its_wire_form_with_quotes_and_non_ascii_text() {
    let reflection = Reflection {
        module_id: "modul-loyal".into(),
        text: "Saya \"belajar\" — ✓ ünï".into(),
    };
    same_on_the_wire(
        &reflection,
        &before(
            "reflection",
            r#"{"module_id":"modul-loyal","text":"Saya \"belajar\" — ✓ ünï"}"#,
        ),
        RecordKind::Reflection,
    );
}

#[test]
fn a_commitment_keeps_its_wire_form_with_and_without_an_action() {
    let own_words = Commitment {
        module_id: "modul-loyal".into(),
        action_id: None,
        text: "Menyapa tamu".into(),
        due_on: "2026-12-07".into(),
    };
    same_on_the_wire(
        &own_words,
        &before(
            "commitment",
            r#"{"action_id":null,"due_on":"2026-12-07","module_id":"modul-loyal","text":"Menyapa tamu"}"#,
        ),
        RecordKind::Commitment,
    );
    let suggested = Commitment {
        action_id: Some("aksi-1".into()),
        ..own_words
    };
    same_on_the_wire(
        &suggested,
        &before(
            "commitment",
            r#"{"action_id":"aksi-1","due_on":"2026-12-07","module_id":"modul-loyal","text":"Menyapa tamu"}"#,
        ),
        RecordKind::Commitment,
    );
}

#[test]
fn a_commitment_checkin_keeps_its_wire_form() {
    let checkin = CommitmentCheckin {
        commitment_id: uuid("cc"),
        outcome: CheckinOutcome::NotYet,
        note: String::new(),
    };
    same_on_the_wire(
        &checkin,
        &before(
            "commitment_checkin",
            r#"{"commitment_id":"019ad5a0-0000-7000-8000-0000000000cc","note":"","outcome":"not_yet"}"#,
        ),
        RecordKind::CommitmentCheckin,
    );
}

/// The live answer's form as first released (docs/live-quiz.md "Records"): fixed from now on.
#[test]
fn a_live_answer_keeps_its_wire_form() {
    let answer = LiveAnswer {
        game_id: uuid("dd"),
        question_id: "loyal-004".into(),
        option_id: "c".into(),
        correct: true,
        points: 895,
        position: 2,
        scoring: ScoringMode::SpeedPoints,
        time_ms: 4200,
        content_version: "2026.11.1".into(),
        question_rev: 1,
    };
    same_on_the_wire(
        &answer,
        &before(
            "live_answer",
            r#"{"content_version":"2026.11.1","correct":true,"game_id":"019ad5a0-0000-7000-8000-0000000000dd","option_id":"c","points":895,"position":2,"question_id":"loyal-004","scoring":"speed_points","time_ms":4200}"#,
        ),
        RecordKind::LiveAnswer,
    );
}

#[test]
fn a_payload_time_rfc3339_cannot_write_is_an_error_not_a_null_payload() {
    let session = PracticeSession {
        scope: "loyal".into(),
        question_ids: vec!["loyal-001".into()],
        answered: 0,
        correct: 0,
        completed: false,
        started_at: datetime!(2026-11-30 08:00 UTC).replace_year(-1).unwrap(),
        content_version: "v".into(),
    };
    let built = SyncRecord::new(
        uuid("1"),
        uuid("aa"),
        datetime!(2026-11-30 08:00 UTC),
        &session,
    );
    assert!(built.is_err());
}
