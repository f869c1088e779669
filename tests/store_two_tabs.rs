//! Two tabs of the app on one phone share one IndexedDB. A tab left in the background holds
//! the state it last saw; its next step must not answer a question again, overwrite another
//! tab's answers, or finish a session twice. Each tab here is its own handle on the database,
//! as two tabs are (real IndexedDB, headless Chromium).
#![cfg(target_arch = "wasm32")]

mod common;

use common::bundle;
use resapi::practice;
use resapi::store::Store;
use resapi::store::guarded::Saved;
use resapi::store::questionnaires::{Draft, Response};
use resapi_core::sync::{QuestionnaireResponse, RecordKind, SyncRecord};
use uuid::Uuid;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn two_tabs(prefix: &str) -> (Store, Store) {
    let name = format!("{prefix}-{}", Uuid::now_v7());
    let a = Store::open_named(&name).await.unwrap();
    let b = Store::open_named(&name).await.unwrap();
    (a, b)
}

fn answers_at(records: &[SyncRecord], position: u64) -> usize {
    records
        .iter()
        .filter(|r| r.kind == RecordKind::PracticeAnswer && r.payload["position"] == position)
        .count()
}

#[wasm_bindgen_test]
async fn a_stale_tab_jumps_to_the_saved_question_and_never_answers_twice() {
    let (tab_a, tab_b) = two_tabs("two-tabs-practice-session").await;
    let account = Uuid::now_v7().to_string();
    let content = bundle();

    // Tab A answers question 1.
    let started = practice::start(&tab_a, &content, &account, "loyal")
        .await
        .unwrap();
    let a_answered = practice::answer(&tab_a, &content, &started, "b")
        .await
        .unwrap()
        .done()
        .unwrap();

    // Tab B opens the session, moves on and answers question 2.
    let b_state = tab_b.practice_session(&account).await.unwrap().unwrap();
    assert_eq!(b_state, a_answered);
    let b_state = practice::advance(&tab_b, &b_state)
        .await
        .unwrap()
        .done()
        .unwrap();
    let b_state = practice::answer(&tab_b, &content, &b_state, "c")
        .await
        .unwrap()
        .done()
        .unwrap();

    // Back in tab A (not reloaded), "next": it is shown question 2 with B's answer.
    let Saved::Elsewhere(Some(shown)) = practice::advance(&tab_a, &a_answered).await.unwrap()
    else {
        panic!("a stale tab must be given the saved session");
    };
    assert_eq!(shown, b_state);
    assert_eq!(shown.position, 1);
    assert_eq!(shown.current_answer().unwrap().option_id, "c");

    // Had tab A moved on with its own stale copy, its answer to question 2 is refused too.
    let mut stale_at_two = a_answered.clone();
    stale_at_two.position = 1;
    let refused = practice::answer(&tab_a, &content, &stale_at_two, "a")
        .await
        .unwrap();
    assert_eq!(refused, Saved::Elsewhere(Some(b_state.clone())));

    let pending = tab_a.pending(&account).await.unwrap();
    assert_eq!(pending.len(), 2, "one answer per question answered");
    assert_eq!(answers_at(&pending, 0), 1);
    assert_eq!(answers_at(&pending, 1), 1);

    // B finishes (quits after two answers); A's stale "finish" leaves the session alone.
    let finished = practice::finish(&tab_b, &b_state).await.unwrap();
    assert!(matches!(finished, Saved::Done(Some(_))));
    let again = practice::finish(&tab_a, &a_answered).await.unwrap();
    assert_eq!(again, Saved::Elsewhere(None));
    assert_eq!(tab_a.results(&account).await.unwrap().len(), 1);
    let pending = tab_a.pending(&account).await.unwrap();
    let sessions: Vec<_> = pending
        .iter()
        .filter(|r| r.kind == RecordKind::PracticeSession)
        .collect();
    assert_eq!(sessions.len(), 1, "one finished session");
    assert_eq!(sessions[0].payload["answered"], 2);
    assert_eq!(pending.len(), 3);
}

fn draft(account: &str, position: usize, answers: &[(&str, u8)]) -> Draft {
    Draft {
        account_id: account.to_owned(),
        questionnaire_id: "komitmen".into(),
        content_version: "v1".into(),
        started_at: "2026-11-30T08:00:00Z".into(),
        position,
        answers: answers.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect(),
    }
}

#[wasm_bindgen_test]
async fn a_stale_questionnaire_tab_keeps_the_other_tabs_answers_and_finishes_once() {
    let (tab_a, tab_b) = two_tabs("two-tabs-questionnaire").await;
    let account = Uuid::now_v7().to_string();

    // Both tabs saw item 2 after item 1 was answered.
    let seen = draft(&account, 1, &[("k1", 4)]);
    tab_a.save_draft(&seen).await.unwrap();

    // B answers items 2 and 3.
    let b2 = draft(&account, 2, &[("k1", 4), ("k2", 5)]);
    assert_eq!(
        tab_b.step_draft(&seen, &b2).await.unwrap(),
        Saved::Done(b2.clone())
    );
    let b3 = draft(&account, 3, &[("k1", 4), ("k2", 5), ("k3", 2)]);
    tab_b.step_draft(&b2, &b3).await.unwrap();

    // A, still on item 2, answers it: nothing is overwritten, A is shown B's draft.
    let a2 = draft(&account, 2, &[("k1", 4), ("k2", 1)]);
    assert_eq!(
        tab_a.step_draft(&seen, &a2).await.unwrap(),
        Saved::Elsewhere(Some(b3.clone()))
    );
    assert_eq!(
        tab_a.draft(&account, "komitmen").await.unwrap(),
        Some(b3.clone())
    );

    // B finishes; A's finish from its stale draft adds no second response.
    let finish = |from: &Draft| {
        let id = Uuid::now_v7();
        let response = Response {
            id: id.to_string(),
            account_id: account.clone(),
            questionnaire_id: "komitmen".into(),
            content_version: "v1".into(),
            started_at: from.started_at.clone(),
            finished_at: "2026-11-30T08:05:00Z".into(),
            answers: from.answers.clone(),
        };
        let payload = QuestionnaireResponse {
            questionnaire_id: response.questionnaire_id.clone(),
            answers: response.answers.clone(),
            started_at: time::OffsetDateTime::now_utc(),
            content_version: response.content_version.clone(),
        };
        let record = SyncRecord::new(
            id,
            Uuid::parse_str(&account).unwrap(),
            time::OffsetDateTime::now_utc(),
            &payload,
        )
        .unwrap();
        (response, record)
    };
    let (response, record) = finish(&b3);
    assert!(matches!(
        tab_b
            .finish_questionnaire(&b3, &response, &record)
            .await
            .unwrap(),
        Saved::Done(_)
    ));
    let (response, record) = finish(&seen);
    assert_eq!(
        tab_a
            .finish_questionnaire(&seen, &response, &record)
            .await
            .unwrap(),
        Saved::Elsewhere(None)
    );
    assert_eq!(tab_a.responses(&account).await.unwrap().len(), 1);
    assert_eq!(tab_a.pending(&account).await.unwrap().len(), 1);
}
