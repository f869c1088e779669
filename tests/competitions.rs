//! Competitions and *ASN Inspiratif* on the phone, in real IndexedDB (headless Chromium): an
//! attempt resumes after a reload with its start time and answers, is sent once through the
//! outbox, a second one is not started, a restore marks competitions taken, and a consent
//! goes out with the stored decision.
#![cfg(target_arch = "wasm32")]

mod common;

use resapi::competition::{self, Standing, standing};
use resapi::store::Store;
use resapi::store::attention::AttentionItem;
use resapi::store::erase::{EraseRule, LocalErasure};
use resapi::store::guarded::Saved;
use resapi_core::Text;
use resapi_core::competition::schedule::{Phase, Zone};
use resapi_core::competition::wire::{
    MyCompetition, MyCompetitions, Paper, PaperOption, PaperQuestion,
};
use resapi_core::recognition::{Consent, MyRecognitions, Recognition};
use resapi_core::sync::{
    CompetitionAttempt, RecognitionConsent, RecordKind, StoredRecord, SyncRecord,
};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn new_store(prefix: &str) -> Store {
    Store::open_named(&format!("{prefix}-{}", Uuid::now_v7()))
        .await
        .unwrap()
}

fn open_competition(now: OffsetDateTime) -> MyCompetition {
    MyCompetition {
        id: Uuid::now_v7(),
        name: "Lomba Desember".into(),
        description: "Akuntabel".into(),
        zone: Zone::Wib,
        opens_at: now - Duration::days(1),
        closes_at: now + Duration::days(6),
        grace_hours: 48,
        limit_minutes: 10,
        question_count: 2,
        phase: Phase::Open,
        cancel_reason: None,
        taken: false,
        result: None,
        podium: Vec::new(),
        top_people: Vec::new(),
    }
}

fn paper(c: &MyCompetition) -> Paper {
    let question = |id: &str| PaperQuestion {
        id: id.into(),
        value: "akuntabel".into(),
        stem: Text::new("Soal", "Question"),
        options: ["c", "a", "d", "b"]
            .iter()
            .map(|o| PaperOption {
                id: (*o).into(),
                text: Text::new(*o, *o),
            })
            .collect(),
    };
    Paper {
        competition_id: c.id,
        downloaded_at: OffsetDateTime::now_utc(),
        questions: vec![question("q1"), question("q2")],
    }
}

#[wasm_bindgen_test]
async fn an_attempt_resumes_after_a_reload_and_is_sent_once_through_the_outbox() {
    let name = format!("attempt-{}", Uuid::now_v7());
    let account = Uuid::now_v7().to_string();
    let now = OffsetDateTime::now_utc();
    let c = open_competition(now);
    let p = paper(&c);
    let chosen = {
        let store = Store::open_named(&name).await.unwrap();
        store.save_paper(&account, &p).await.unwrap();
        let started = competition::start(&store, &account, &c, now)
            .await
            .unwrap()
            .done()
            .unwrap();
        let answered = competition::choose(&store, &p, &started, "d", now)
            .await
            .unwrap()
            .unwrap()
            .done()
            .unwrap();
        store
            .step_competition_attempt(&answered, &answered.at(1))
            .await
            .unwrap();
        answered
    };
    // The page reloads: the same start, the answer and the question on screen are there.
    let store = Store::open_named(&name).await.unwrap();
    let saved = store
        .competition_attempt(&account, &c.id.to_string())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(saved.started_at, chosen.started_at);
    assert_eq!(saved.chosen("q1"), Some("d"));
    assert_eq!(saved.position, 1);
    assert_eq!(
        standing(&c, true, Some(&saved), false, now),
        Standing::InProgress
    );
    // A second "Mulai" (another tab) does not start it again.
    let again = competition::start(&store, &account, &c, now).await.unwrap();
    assert_eq!(again, Saved::Elsewhere(Some(saved.clone())));

    let sent = competition::send(&store, &saved, now + Duration::minutes(3))
        .await
        .unwrap()
        .done()
        .unwrap();
    let pending = store.pending(&account).await.unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].kind, RecordKind::CompetitionAttempt);
    let payload: CompetitionAttempt = serde_json::from_value(pending[0].payload.clone()).unwrap();
    assert_eq!(payload.competition_id, c.id);
    assert_eq!(
        payload.answers.len(),
        1,
        "the unanswered question is absent"
    );
    assert_eq!(payload.answers[0].option_id, "d");
    // The answers and the paper leave the phone; the list says it was taken.
    assert!(sent.answers.is_empty());
    assert!(
        store
            .paper(&account, &c.id.to_string())
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(
        standing(&c, false, Some(&sent), false, now),
        Standing::Taken
    );
    // The page left behind cannot send it a second time.
    let twice = competition::send(&store, &saved, now).await.unwrap();
    assert!(matches!(twice, Saved::Elsewhere(_)));
    assert_eq!(store.pending_count(&account).await.unwrap(), 1);
}

#[wasm_bindgen_test]
async fn no_answer_is_saved_after_the_time_has_run_out() {
    let store = new_store("expired").await;
    let account = Uuid::now_v7().to_string();
    let now = OffsetDateTime::now_utc();
    let c = open_competition(now);
    let p = paper(&c);
    let started = competition::start(&store, &account, &c, now - Duration::minutes(11))
        .await
        .unwrap()
        .done()
        .unwrap();
    let late = competition::choose(&store, &p, &started, "a", now)
        .await
        .unwrap();
    assert_eq!(late, None);
    let saved = store
        .competition_attempt(&account, &c.id.to_string())
        .await
        .unwrap()
        .unwrap();
    assert!(saved.answers.is_empty());
}

fn stored(record: SyncRecord) -> StoredRecord {
    StoredRecord {
        record,
        received_at: OffsetDateTime::now_utc(),
    }
}

#[wasm_bindgen_test]
async fn a_restored_attempt_marks_its_competition_taken_and_a_consent_is_no_trouble() {
    let account = Uuid::now_v7();
    let me = account.to_string();
    let now = OffsetDateTime::now_utc();
    let c = open_competition(now);
    let attempt = CompetitionAttempt {
        competition_id: c.id,
        started_at: now - Duration::minutes(8),
        finished_at: now - Duration::minutes(1),
        answers: Vec::new(),
    };
    let consent = RecognitionConsent {
        recognition_id: Uuid::now_v7(),
        given: true,
    };
    let records = vec![
        stored(SyncRecord::new(Uuid::now_v7(), account, now, &attempt).unwrap()),
        stored(SyncRecord::new(Uuid::now_v7(), account, now, &consent).unwrap()),
    ];
    let rebuilt = resapi::sync::restore::rebuild(&me, &records, &common::bundle());
    assert_eq!(rebuilt.attempts.len(), 1);
    let store = new_store("restore-lomba").await;
    store.mark_attempts_sent(&rebuilt.attempts).await.unwrap();
    let mark = store
        .competition_attempt(&me, &c.id.to_string())
        .await
        .unwrap();
    assert_eq!(
        standing(&c, true, mark.as_ref(), false, now),
        Standing::Taken,
        "no second attempt is offered on the new phone"
    );
}

fn recognition(account: Uuid, consent: Consent) -> Recognition {
    Recognition {
        id: Uuid::now_v7(),
        unit_id: "bkn".into(),
        unit_name: "BKN".into(),
        account_id: account,
        person_name: "Siti".into(),
        value_id: "harmonis".into(),
        citation: "Menengahi perselisihan dua seksi dengan sabar.".into(),
        period: "2026-12".into(),
        competition_id: None,
        named_at: OffsetDateTime::now_utc(),
        consent,
    }
}

#[wasm_bindgen_test]
async fn a_consent_goes_to_the_outbox_with_the_stored_decision() {
    let store = new_store("consent").await;
    let account = Uuid::now_v7();
    let me = account.to_string();
    let mine = recognition(account, Consent::Pending);
    let list = MyRecognitions {
        mine: vec![mine.clone()],
        shown: Vec::new(),
    };
    store.save_my_recognitions(&me, &list).await.unwrap();
    let record = SyncRecord::new(
        Uuid::now_v7(),
        account,
        OffsetDateTime::now_utc(),
        &RecognitionConsent {
            recognition_id: mine.id,
            given: false,
        },
    )
    .unwrap();
    let updated = store
        .decide_recognition(&me, mine.id, false, &record)
        .await
        .unwrap();
    assert_eq!(updated.mine[0].consent, Consent::Declined);
    let saved = store.my_recognitions(&me).await.unwrap().unwrap();
    assert_eq!(saved, updated, "a reload no longer asks");
    let pending = store.pending(&me).await.unwrap();
    assert_eq!(pending, vec![record]);
}

#[wasm_bindgen_test]
async fn erasing_an_account_removes_its_competitions_and_recognitions_only() {
    let store = new_store("erase-lomba").await;
    let (a, b) = (Uuid::now_v7().to_string(), Uuid::now_v7().to_string());
    let now = OffsetDateTime::now_utc();
    let c = open_competition(now);
    for account in [&a, &b] {
        let list = MyCompetitions {
            competitions: vec![c.clone()],
        };
        store.save_my_competitions(account, &list).await.unwrap();
        store.save_paper(account, &paper(&c)).await.unwrap();
        competition::start(&store, account, &c, now).await.unwrap();
        store
            .save_my_recognitions(account, &MyRecognitions::default())
            .await
            .unwrap();
    }
    let erased = store
        .erase_local_data(&a, EraseRule::Acknowledged)
        .await
        .unwrap();
    assert_eq!(erased, LocalErasure::Erased);
    let id = c.id.to_string();
    assert!(store.my_competitions(&a).await.unwrap().is_none());
    assert!(store.paper(&a, &id).await.unwrap().is_none());
    assert!(store.competition_attempt(&a, &id).await.unwrap().is_none());
    assert!(store.my_recognitions(&a).await.unwrap().is_none());
    assert!(store.my_competitions(&b).await.unwrap().is_some());
    assert!(store.paper(&b, &id).await.unwrap().is_some());
    assert!(store.competition_attempt(&b, &id).await.unwrap().is_some());
    assert!(store.my_recognitions(&b).await.unwrap().is_some());
}

#[wasm_bindgen_test]
async fn an_attempt_refused_by_the_server_is_listed_as_refused_not_taken() {
    let store = new_store("refused").await;
    let account = Uuid::now_v7().to_string();
    let now = OffsetDateTime::now_utc();
    let c = open_competition(now);
    let started = competition::start(&store, &account, &c, now)
        .await
        .unwrap()
        .done()
        .unwrap();
    let sent = competition::send(&store, &started, now)
        .await
        .unwrap()
        .done()
        .unwrap();
    let record = store.pending(&account).await.unwrap().remove(0);
    // The server's answer, as the sync round settles it: "Lomba sudah ditutup".
    let refusal = AttentionItem {
        id: record.id.to_string(),
        account_id: account.clone(),
        code: "competition_closed".into(),
        message: "Lomba sudah ditutup.".into(),
        at: resapi::local_time::now_rfc3339(),
        record,
    };
    store.settle(&[], &[refusal]).await.unwrap();
    let attention = store.attention(&account).await.unwrap();
    let refused = competition::refusals(&attention);
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].0, c.id.to_string());
    assert_eq!(refused[0].1.code, "competition_closed");
    assert_eq!(
        standing(&c, false, Some(&sent), true, now),
        Standing::Refused
    );
}
