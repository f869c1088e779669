//! The local store in real IndexedDB (headless Chromium): answers survive upgrades and
//! reloads, and leave the outbox only when acknowledged.
#![cfg(target_arch = "wasm32")]

mod common;

use common::bundle;
use resapi::practice;
use resapi::store::Store;
use resapi::store::attention::AttentionItem;
use resapi::store::db;
use resapi_core::sync::{RecordKind, SyncRecord};
use uuid::Uuid;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn unique_name(prefix: &str) -> String {
    format!("{prefix}-{}", Uuid::now_v7())
}

fn record(account: Uuid) -> SyncRecord {
    SyncRecord {
        id: Uuid::now_v7(),
        kind: RecordKind::PracticeAnswer,
        account_id: account,
        created_at: time::OffsetDateTime::now_utc(),
        payload: serde_json::json!({"question_id": "loyal-001"}),
    }
}

#[wasm_bindgen_test]
async fn unsent_answers_survive_a_schema_upgrade_from_every_older_version() {
    for version in 1..db::CURRENT_VERSION {
        upgrade_from(version).await;
    }
}

async fn upgrade_from(version: u32) {
    let name = unique_name(&format!("upgrade-v{version}"));
    let account = Uuid::now_v7();
    let rec = record(account);
    {
        // A phone still on an older release's schema, with one answer not yet sent.
        let old = db::schema(&name, version).build().await.unwrap();
        let tx = old
            .transaction(&[db::OUTBOX], rexie::TransactionMode::ReadWrite)
            .unwrap();
        tx.store(db::OUTBOX)
            .unwrap()
            .put(&db::to_js(&rec).unwrap(), None)
            .await
            .unwrap();
        tx.done().await.unwrap();
        old.close();
    }
    let store = Store::open_named(&name).await.unwrap();
    let pending = store.pending(&account.to_string()).await.unwrap();
    assert_eq!(pending, vec![rec], "from version {version}");
    assert_eq!(store.pending_count(&account.to_string()).await.unwrap(), 1);
    // The stores added since are there and usable.
    assert!(
        store
            .responses(&account.to_string())
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        store
            .journal(&account.to_string())
            .await
            .unwrap()
            .is_empty()
    );
}

#[wasm_bindgen_test]
async fn an_answer_is_committed_with_the_session_and_survives_reopening() {
    let name = unique_name("answer");
    let account = Uuid::now_v7().to_string();
    let content = bundle();
    let store = Store::open_named(&name).await.unwrap();
    let quiz = practice::start(&store, &content, &account, "loyal")
        .await
        .unwrap();
    assert_eq!(quiz.questions.len(), 10);
    let first = quiz.current().unwrap().clone();
    let after = practice::answer(&store, &content, &quiz, "b")
        .await
        .unwrap()
        .done()
        .unwrap();
    assert!(after.current_answer().unwrap().correct);

    // A reload: a fresh handle on the same database sees the same question, answered.
    let reopened = Store::open_named(&name).await.unwrap();
    let resumed = reopened.quiz(&account).await.unwrap().unwrap();
    assert_eq!(resumed.position, 0);
    assert_eq!(resumed.current().unwrap().id, first.id);
    assert_eq!(resumed.current().unwrap().options, first.options);
    assert_eq!(resumed.current_answer().unwrap().option_id, "b");
    assert_eq!(reopened.pending_count(&account).await.unwrap(), 1);

    // Answering the same question again does not add a second record.
    let again = practice::answer(&reopened, &content, &resumed, "a")
        .await
        .unwrap()
        .done()
        .unwrap();
    assert_eq!(again.answers.len(), 1);
    assert_eq!(reopened.pending_count(&account).await.unwrap(), 1);
}

#[wasm_bindgen_test]
async fn finishing_moves_the_session_to_history_and_queues_the_attempt() {
    let name = unique_name("finish");
    let account = Uuid::now_v7().to_string();
    let content = bundle();
    let store = Store::open_named(&name).await.unwrap();
    let mut quiz = practice::start(&store, &content, &account, "loyal")
        .await
        .unwrap();
    for i in 0..10 {
        let option = if i % 2 == 0 { "b" } else { "c" };
        quiz = practice::answer(&store, &content, &quiz, option)
            .await
            .unwrap()
            .done()
            .unwrap();
        if i < 9 {
            quiz = practice::advance(&store, &quiz)
                .await
                .unwrap()
                .done()
                .unwrap();
        }
    }
    let result = practice::finish(&store, &quiz)
        .await
        .unwrap()
        .done()
        .flatten()
        .unwrap();
    assert_eq!(
        (result.correct, result.answered, result.percent),
        (5, 10, 50)
    );
    assert!(result.completed);
    assert!(store.quiz(&account).await.unwrap().is_none());
    assert_eq!(store.results(&account).await.unwrap(), vec![result]);
    let pending = store.pending(&account).await.unwrap();
    assert_eq!(pending.len(), 11);
    assert_eq!(
        pending
            .iter()
            .filter(|r| r.kind == RecordKind::PracticeAttempt)
            .count(),
        1
    );
    // The next session avoids these ten questions where the bank allows.
    let next = practice::start(&store, &content, &account, "loyal")
        .await
        .unwrap();
    let fresh = next
        .questions
        .iter()
        .filter(|q| !quiz.questions.iter().any(|old| old.id == q.id))
        .count();
    assert_eq!(fresh, 2, "the bank has 12: both unseen ones come first");
}

#[wasm_bindgen_test]
async fn records_leave_the_outbox_only_when_acknowledged_and_rejected_ones_are_kept() {
    let name = unique_name("settle");
    let account = Uuid::now_v7();
    let store = Store::open_named(&name).await.unwrap();
    let (a, b, c) = (record(account), record(account), record(account));
    for r in [&a, &b, &c] {
        db::put(store_db(&store), db::OUTBOX, r, None)
            .await
            .unwrap();
    }
    let rejected = AttentionItem {
        id: b.id.to_string(),
        account_id: account.to_string(),
        code: "id_conflict".into(),
        message: "Id catatan sudah dipakai untuk isi yang berbeda.".into(),
        at: "2026-11-22T00:00:00Z".into(),
        record: b.clone(),
    };
    store
        .settle(&[a.id.to_string()], std::slice::from_ref(&rejected))
        .await
        .unwrap();
    let acc = account.to_string();
    assert_eq!(store.pending(&acc).await.unwrap(), vec![c]);
    assert_eq!(store.attention(&acc).await.unwrap(), vec![rejected]);
    // Another account's records are not counted for this one.
    assert_eq!(
        store
            .pending_count(&Uuid::now_v7().to_string())
            .await
            .unwrap(),
        0
    );
}

fn store_db(store: &Store) -> &rexie::Rexie {
    store.db()
}

#[wasm_bindgen_test]
async fn a_question_answered_wrong_two_days_ago_is_due_for_review_today() {
    use resapi::store::quiz::GivenAnswer;
    use resapi::store::results::PracticeResult;
    let name = unique_name("review");
    let account = Uuid::now_v7().to_string();
    let store = Store::open_named(&name).await.unwrap();
    let two_days_ago = (time::OffsetDateTime::now_utc() - time::Duration::days(2))
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    let answer = |id: &str, correct: bool| GivenAnswer {
        question_id: id.into(),
        value: "loyal".into(),
        option_id: "a".into(),
        correct,
    };
    let result = PracticeResult {
        id: Uuid::now_v7().to_string(),
        account_id: account.clone(),
        scope: "loyal".into(),
        correct: 1,
        answered: 2,
        total: 2,
        percent: 50,
        completed: true,
        started_at: two_days_ago.clone(),
        finished_at: two_days_ago,
        per_value: Default::default(),
        answers: vec![answer("loyal-001", false), answer("loyal-002", true)],
    };
    store
        .save_restored(&account, &[result], &[], &[])
        .await
        .unwrap();
    let due = resapi::review::due_today(&store, &account).await.unwrap();
    assert_eq!(due, vec!["loyal-001".to_string()]);
    // A review session draws exactly the due questions.
    let quiz = resapi::practice::start_review(&store, &bundle(), &account, &due)
        .await
        .unwrap();
    assert_eq!(quiz.scope, "ulang");
    assert_eq!(
        quiz.questions
            .iter()
            .map(|q| q.id.as_str())
            .collect::<Vec<_>>(),
        vec!["loyal-001"]
    );
}

#[wasm_bindgen_test]
async fn a_commitment_comes_back_for_a_checkin_after_seven_days_and_not_before() {
    use resapi::store::journal::{Entry, JournalItem};
    use resapi_core::sync::CheckinOutcome;
    let name = unique_name("journal");
    let account = Uuid::now_v7().to_string();
    let store = Store::open_named(&name).await.unwrap();
    // Taken on today: due in seven days, so home does not ask yet.
    let fresh = resapi::journal::commit(
        &store,
        &account,
        "modul-loyal",
        None,
        "Menjaga rahasia jabatan",
    )
    .await
    .unwrap();
    let Entry::Commitment { due_on, .. } = &fresh.entry else {
        panic!("a commitment")
    };
    let expected =
        resapi::local_time::iso_date(resapi::local_time::local_today() + time::Duration::days(7));
    assert_eq!(due_on, &expected);
    let journal = store.journal(&account).await.unwrap();
    assert!(resapi::journal::due_checkins(&journal).is_empty());
    assert_eq!(store.pending_count(&account).await.unwrap(), 1);

    // One taken on eight days ago is due; after the check-in it is not asked again.
    let old = JournalItem {
        id: Uuid::now_v7().to_string(),
        account_id: account.clone(),
        at: "2026-01-01T00:00:00Z".into(),
        entry: Entry::Commitment {
            module_id: "modul-loyal".into(),
            action_id: None,
            text: "Datang tepat waktu".into(),
            due_on: resapi::local_time::iso_date(
                resapi::local_time::local_today() - time::Duration::days(1),
            ),
            outcome: None,
            note: String::new(),
        },
    };
    store
        .save_restored(&account, &[], &[], std::slice::from_ref(&old))
        .await
        .unwrap();
    let due = resapi::journal::due_checkins(&store.journal(&account).await.unwrap());
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].id, old.id);
    resapi::journal::check_in(
        &store,
        &due[0],
        CheckinOutcome::Partly,
        "Dua kali terlambat",
    )
    .await
    .unwrap();
    let journal = store.journal(&account).await.unwrap();
    assert!(resapi::journal::due_checkins(&journal).is_empty());
    let checked = journal.iter().find(|j| j.id == old.id).unwrap();
    assert!(matches!(
        &checked.entry,
        Entry::Commitment { outcome: Some(CheckinOutcome::Partly), note, .. } if note == "Dua kali terlambat"
    ));
    // The commitment and the check-in both wait in the outbox.
    assert_eq!(store.pending_count(&account).await.unwrap(), 2);
}
