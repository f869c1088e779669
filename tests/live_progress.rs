//! Live-quiz answers count in the phone's personal progress per value as practice answers
//! do (docs/scoring.md "Live answers in personal progress").
#![cfg(target_arch = "wasm32")]

mod common;

use common::bundle;
use resapi::phone::pages::progress::answers_per_value;
use resapi::store::practice_session::GivenAnswer;
use resapi::store::results::PracticeResult;
use resapi_core::live::played::PlayedAnswer;
use uuid::Uuid;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn practice(answers: Vec<GivenAnswer>) -> PracticeResult {
    PracticeResult {
        id: Uuid::now_v7().to_string(),
        account_id: "a".into(),
        scope: "loyal".into(),
        correct: 0,
        answered: answers.len() as u32,
        total: answers.len() as u32,
        percent: 0,
        completed: true,
        started_at: "2026-11-30T08:00:00Z".into(),
        finished_at: "2026-11-30T08:05:00Z".into(),
        per_value: Default::default(),
        answers,
    }
}

#[wasm_bindgen_test]
fn live_answers_count_per_value_with_practice_answers() {
    let content = bundle();
    let given = |q: &str, correct: bool| GivenAnswer {
        question_id: q.into(),
        value: "loyal".into(),
        option_id: "b".into(),
        correct,
    };
    let live = |q: &str, correct: bool| PlayedAnswer {
        game_id: Uuid::nil(),
        question_id: q.into(),
        option_id: "b".into(),
        correct,
        points: if correct { 1000 } else { 0 },
        position: 0,
    };
    let results = [practice(vec![
        given("loyal-000", true),
        given("loyal-001", false),
    ])];
    // Two live answers to "loyal" questions, and one to a question the content no longer has.
    let played = [
        live("loyal-002", true),
        live("loyal-003", true),
        live("gone-001", true),
    ];
    let per = answers_per_value(&content, &results, &played);
    assert_eq!(
        per.get("loyal"),
        Some(&(3, 4)),
        "1 of 2 practised + 2 of 2 live"
    );
    assert_eq!(per.len(), 1, "an unknown question counts nowhere");
    let without_live = answers_per_value(&content, &results, &[]);
    assert_eq!(without_live.get("loyal"), Some(&(1, 2)));
}
