//! The local store in real IndexedDB (headless Chromium): answers survive upgrades and
//! reloads, and leave the outbox only when acknowledged.
#![cfg(target_arch = "wasm32")]

mod common;

use common::bundle;
use resapi::practice;
use resapi::store::Store;
use resapi::store::attention::AttentionItem;
use resapi::store::db;
use resapi_core::sync::{PracticeAnswer, RecordKind, SyncRecord};
use uuid::Uuid;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn unique_name(prefix: &str) -> String {
    format!("{prefix}-{}", Uuid::now_v7())
}

/// A new record of `payload` by `account`, made now.
fn made_now<P: resapi_core::sync::Payload>(account: Uuid, payload: &P) -> SyncRecord {
    SyncRecord::new(
        Uuid::now_v7(),
        account,
        time::OffsetDateTime::now_utc(),
        payload,
    )
    .unwrap()
}

fn record(account: Uuid) -> SyncRecord {
    let answer = PracticeAnswer {
        session_id: Uuid::now_v7(),
        question_id: "loyal-001".into(),
        option_id: "b".into(),
        correct: true,
        content_version: "v1".into(),
        position: 0,
        question_rev: 1,
    };
    made_now(account, &answer)
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
    // Version 5: the competitions and recognitions.
    let me = account.to_string();
    assert!(store.competition_attempts(&me).await.unwrap().is_empty());
    assert!(store.my_recognitions(&me).await.unwrap().is_none());
}

#[wasm_bindgen_test]
async fn an_answer_is_committed_with_the_session_and_survives_reopening() {
    let name = unique_name("answer");
    let account = Uuid::now_v7().to_string();
    let content = bundle();
    let store = Store::open_named(&name).await.unwrap();
    let session = practice::start(&store, &content, &account, "loyal")
        .await
        .unwrap();
    assert_eq!(session.questions.len(), 10);
    let first = session.current().unwrap().clone();
    let after = practice::answer(&store, &content, &session, "b")
        .await
        .unwrap()
        .done()
        .unwrap();
    assert!(after.current_answer().unwrap().correct);

    // A reload: a fresh handle on the same database sees the same question, answered.
    let reopened = Store::open_named(&name).await.unwrap();
    let resumed = reopened.practice_session(&account).await.unwrap().unwrap();
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
async fn finishing_moves_the_session_to_history_and_queues_its_record() {
    let name = unique_name("finish");
    let account = Uuid::now_v7().to_string();
    let content = bundle();
    let store = Store::open_named(&name).await.unwrap();
    let mut session = practice::start(&store, &content, &account, "loyal")
        .await
        .unwrap();
    for i in 0..10 {
        let option = if i % 2 == 0 { "b" } else { "c" };
        session = practice::answer(&store, &content, &session, option)
            .await
            .unwrap()
            .done()
            .unwrap();
        if i < 9 {
            session = practice::advance(&store, &session)
                .await
                .unwrap()
                .done()
                .unwrap();
        }
    }
    let result = practice::finish(&store, &session)
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
    assert!(store.practice_session(&account).await.unwrap().is_none());
    assert_eq!(store.results(&account).await.unwrap(), vec![result]);
    let pending = store.pending(&account).await.unwrap();
    assert_eq!(pending.len(), 11);
    assert_eq!(
        pending
            .iter()
            .filter(|r| r.kind == RecordKind::PracticeSession)
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
        .filter(|q| !session.questions.iter().any(|old| old.id == q.id))
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
    use resapi::store::practice_session::GivenAnswer;
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
        .save_restored(&account, &[result], &[], &[], &[])
        .await
        .unwrap();
    let due = resapi::review::due_today(&store, &account).await.unwrap();
    assert_eq!(due, vec!["loyal-001".to_string()]);
    // A review session draws exactly the due questions.
    let session = resapi::practice::start_review(&store, &bundle(), &account, &due)
        .await
        .unwrap();
    assert_eq!(session.scope, "ulang");
    assert_eq!(
        session
            .questions
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
    let expected = resapi_core::commitment::format_day(
        resapi::local_time::local_today() + time::Duration::days(7),
    );
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
            due_on: resapi_core::commitment::format_day(
                resapi::local_time::local_today() - time::Duration::days(1),
            ),
            outcome: None,
            note: String::new(),
        },
    };
    store
        .save_restored(&account, &[], &[], std::slice::from_ref(&old), &[])
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

/// Everything one person leaves on a phone: a finished session (results, its records), a session in
/// progress, a commitment, a questionnaire response and draft, a restore flag and a last
/// sync. Returns the finished result.
async fn a_persons_data(store: &Store, account: &str) -> resapi::store::results::PracticeResult {
    use resapi::store::questionnaires::{Draft, Response};
    let content = bundle();
    let mut session = practice::start(store, &content, account, "loyal")
        .await
        .unwrap();
    session = practice::answer(store, &content, &session, "b")
        .await
        .unwrap()
        .done()
        .unwrap();
    let result = practice::finish(store, &session)
        .await
        .unwrap()
        .done()
        .flatten()
        .unwrap();
    let session = practice::start(store, &content, account, "loyal")
        .await
        .unwrap();
    practice::answer(store, &content, &session, "a")
        .await
        .unwrap();
    resapi::journal::commit(store, account, "modul-loyal", None, "Tepat waktu")
        .await
        .unwrap();
    let response = Response {
        id: Uuid::now_v7().to_string(),
        account_id: account.into(),
        questionnaire_id: "komitmen".into(),
        content_version: "v1".into(),
        started_at: "2026-01-01T00:00:00Z".into(),
        finished_at: "2026-01-01T00:05:00Z".into(),
        answers: Default::default(),
    };
    store
        .save_restored(account, &[], &[response], &[], &[])
        .await
        .unwrap();
    store
        .save_draft(&Draft {
            account_id: account.into(),
            questionnaire_id: "smart-asn".into(),
            content_version: "v1".into(),
            started_at: "2026-01-02T00:00:00Z".into(),
            position: 1,
            answers: Default::default(),
        })
        .await
        .unwrap();
    store
        .set_last_sync(account, "2026-01-02T00:00:00Z")
        .await
        .unwrap();
    result
}

/// (results, responses, journal, session in progress, drafts, waiting, refused, restored,
/// last sync, previous questions) of an account.
async fn footprint(store: &Store, account: &str) -> [usize; 10] {
    [
        store.results(account).await.unwrap().len(),
        store.responses(account).await.unwrap().len(),
        store.journal(account).await.unwrap().len(),
        usize::from(store.practice_session(account).await.unwrap().is_some()),
        usize::from(store.draft(account, "smart-asn").await.unwrap().is_some()),
        store.pending_count(account).await.unwrap() as usize,
        store.attention_count(account).await.unwrap() as usize,
        usize::from(store.restored(account).await.unwrap()),
        usize::from(store.last_sync(account).await.unwrap().is_some()),
        usize::from(!store.previous_questions(account).await.unwrap().is_empty()),
    ]
}

fn session_of(account: &str) -> resapi::store::session::Session {
    resapi::store::session::Session {
        token: "t".into(),
        expires_at: "2026-12-31T00:00:00Z".into(),
        account: resapi_core::api::Account {
            id: account.parse().unwrap(),
            nip: "198503122010011004".into(),
            name: "Siti".into(),
            unit_id: "bkn".into(),
            roles: vec![],
        },
        needs_login: false,
    }
}

#[wasm_bindgen_test]
async fn erasing_from_the_phone_waits_for_the_server_and_removes_only_that_accounts_data() {
    use resapi::store::erase::{EraseRule, LocalErasure, Unacknowledged};
    let name = unique_name("erase");
    let store = Store::open_named(&name).await.unwrap();
    let (a, b) = (Uuid::now_v7().to_string(), Uuid::now_v7().to_string());
    store.save_content(&bundle()).await.unwrap();
    let a_result = a_persons_data(&store, &a).await;
    let b_result = a_persons_data(&store, &b).await;
    store.save_session(&session_of(&a)).await.unwrap();
    let b_before = footprint(&store, &b).await;
    // 1 answer + its session record, 1 answer of the session in progress, 1 commitment.
    assert_eq!(b_before, [1, 1, 1, 1, 1, 4, 0, 1, 1, 1]);
    let a_before = footprint(&store, &a).await;
    assert_eq!(a_before, b_before);

    // Records still waiting: refused with the count, nothing removed.
    let refused = store
        .erase_local_data(&a, EraseRule::Acknowledged)
        .await
        .unwrap();
    let four_waiting = Unacknowledged {
        waiting: 4,
        refused: 0,
    };
    assert_eq!(refused, LocalErasure::Refused(four_waiting));
    assert_eq!(store.unacknowledged(&a).await.unwrap(), four_waiting);
    assert_eq!(footprint(&store, &a).await, a_before);

    // The server acknowledges three and refuses one: the refused one still blocks, unless
    // the person agrees that it goes too.
    let pending = store.pending(&a).await.unwrap();
    let (refused_record, acknowledged) = pending.split_last().unwrap();
    let acknowledged: Vec<String> = acknowledged.iter().map(|r| r.id.to_string()).collect();
    let attention = AttentionItem {
        id: refused_record.id.to_string(),
        account_id: a.clone(),
        code: "invalid_payload".into(),
        message: "Isi catatan tidak sah.".into(),
        at: "2026-01-03T00:00:00Z".into(),
        record: refused_record.clone(),
    };
    store.settle(&acknowledged, &[attention]).await.unwrap();
    assert_eq!(
        store
            .erase_local_data(&a, EraseRule::Acknowledged)
            .await
            .unwrap(),
        LocalErasure::Refused(Unacknowledged {
            waiting: 0,
            refused: 1
        })
    );
    assert_eq!(
        store
            .erase_local_data(&a, EraseRule::AcknowledgedOrRefused)
            .await
            .unwrap(),
        LocalErasure::Erased
    );

    // A reload sees nothing of A's: no result (also not by its address), no session.
    let reopened = Store::open_named(&name).await.unwrap();
    assert_eq!(footprint(&reopened, &a).await, [0; 10]);
    assert_eq!(reopened.own_result(&a, &a_result.id).await.unwrap(), None);
    assert_eq!(reopened.session().await.unwrap(), None);
    // B's data is all there, and B's result is B's alone.
    assert_eq!(footprint(&reopened, &b).await, b_before);
    assert_eq!(
        reopened.own_result(&b, &b_result.id).await.unwrap(),
        Some(b_result.clone())
    );
    assert_eq!(reopened.own_result(&a, &b_result.id).await.unwrap(), None);
    // The content is shared by everyone on the phone: it stays.
    assert!(reopened.content().await.unwrap().is_some());

    // Once B's account is erased on the server, B's unsent records go too.
    store.save_session(&session_of(&b)).await.unwrap();
    assert_eq!(
        store
            .erase_local_data(&b, EraseRule::AccountErased)
            .await
            .unwrap(),
        LocalErasure::Erased
    );
    assert_eq!(footprint(&store, &b).await, [0; 10]);
    assert_eq!(store.session().await.unwrap(), None);
}

#[wasm_bindgen_test]
async fn a_result_opened_by_its_address_is_shown_only_to_its_owner() {
    let name = unique_name("by-id");
    let store = Store::open_named(&name).await.unwrap();
    let (a, b) = (Uuid::now_v7().to_string(), Uuid::now_v7().to_string());
    let result = a_persons_data(&store, &a).await;
    let response = store.responses(&a).await.unwrap().remove(0);
    assert_eq!(
        store.own_result(&a, &result.id).await.unwrap(),
        Some(result.clone())
    );
    assert_eq!(store.own_result(&b, &result.id).await.unwrap(), None);
    assert_eq!(
        store.own_response(&a, &response.id).await.unwrap(),
        Some(response.clone())
    );
    assert_eq!(store.own_response(&b, &response.id).await.unwrap(), None);
}

#[wasm_bindgen_test]
async fn every_store_but_the_shared_content_is_covered_by_the_erasure() {
    // A new store that holds personal data must be added to the erasure, or this fails.
    let store = Store::open_named(&unique_name("stores")).await.unwrap();
    let mut names = store.db().store_names();
    names.retain(|n| n != db::CONTENT);
    names.sort();
    let mut covered: Vec<String> = resapi::store::erase::PERSONAL_STORES
        .iter()
        .map(|s| s.to_string())
        .collect();
    covered.sort();
    assert_eq!(names, covered);
}

/// A `live_answer` record as the game sends it to a phone: the JSON of a `record` message.
fn live_record(account: Uuid, game: Uuid, position: u32) -> SyncRecord {
    let answer = resapi_core::sync::LiveAnswer {
        game_id: game,
        question_id: format!("loyal-{position:03}"),
        option_id: "b".into(),
        correct: true,
        points: 1000,
        position,
        scoring: resapi_core::live::scoring::ScoringMode::AccuracyOnly,
        time_ms: 4200,
        content_version: "v1".into(),
        question_rev: 1,
    };
    made_now(account, &answer)
}

/// Puts `record` into `stores` as the join page does: the JSON the game sent, parsed by the
/// browser, in one transaction.
async fn put_as_the_join_page(store: &Store, record: &SyncRecord, stores: &[&str]) {
    let object = js_sys::JSON::parse(&serde_json::to_string(record).unwrap()).unwrap();
    let tx = store
        .db()
        .transaction(stores, rexie::TransactionMode::ReadWrite)
        .unwrap();
    for name in stores {
        tx.store(name).unwrap().put(&object, None).await.unwrap();
    }
    tx.done().await.unwrap();
}

#[wasm_bindgen_test]
async fn the_app_reads_live_answers_as_the_join_page_writes_them() {
    let name = unique_name("live");
    let store = Store::open_named(&name).await.unwrap();
    let account = Uuid::now_v7();
    let game = Uuid::now_v7();
    let kept = live_record(account, game, 0);
    // The join page puts the message's parsed JSON, untouched, into both stores
    // (web/gabung/gabung.js `keepRecords`).
    put_as_the_join_page(&store, &kept, &[db::OUTBOX, db::LIVE_ANSWERS]).await;
    let me = account.to_string();
    assert_eq!(
        store.pending(&me).await.unwrap(),
        vec![kept.clone()],
        "sync sends it as sent"
    );
    assert_eq!(store.live_answers(&me).await.unwrap(), vec![kept.clone()]);
    assert_eq!(
        store.pending_summary(&me).await.unwrap(),
        (1, 1),
        "it counts as an answer waiting"
    );

    // One in the outbox only (a database that was on version 3 when the page wrote it) is
    // kept for the history by sync's copy; keeping twice stores it once.
    let outbox_only = live_record(account, game, 1);
    put_as_the_join_page(&store, &outbox_only, &[db::OUTBOX]).await;
    let pending = store.pending(&me).await.unwrap();
    store.keep_live_answers(&pending).await.unwrap();
    store.keep_live_answers(&pending).await.unwrap();
    let mut ids: Vec<Uuid> = store
        .live_answers(&me)
        .await
        .unwrap()
        .iter()
        .map(|r| r.id)
        .collect();
    ids.sort();
    assert_eq!(ids, vec![kept.id, outbox_only.id]);
    let games = resapi_core::live::played::played_games(&store.live_answers(&me).await.unwrap());
    assert_eq!(games.len(), 1);
    assert_eq!((games[0].correct(), games[0].points()), (2, 2000));
    // Another account on the phone sees none of them.
    assert!(
        store
            .live_answers(&Uuid::now_v7().to_string())
            .await
            .unwrap()
            .is_empty()
    );
}

#[wasm_bindgen_test]
async fn a_new_phone_restores_live_games_from_the_servers_records() {
    let account = Uuid::now_v7();
    let game = Uuid::now_v7();
    let stored = |record: SyncRecord| resapi_core::sync::StoredRecord {
        record,
        received_at: time::OffsetDateTime::now_utc(),
    };
    let records = vec![
        stored(live_record(account, game, 0)),
        stored(live_record(account, game, 1)),
        stored(record(account)),
    ];
    let me = account.to_string();
    let rebuilt = resapi::sync::restore::rebuild(&me, &records, &bundle());
    assert_eq!(
        rebuilt.live_answers.len(),
        2,
        "the practice answer is not a live one"
    );
    let store = Store::open_named(&unique_name("restore-live"))
        .await
        .unwrap();
    store
        .save_restored(&me, &[], &[], &[], &rebuilt.live_answers)
        .await
        .unwrap();
    let games = resapi_core::live::played::played_games(&store.live_answers(&me).await.unwrap());
    assert_eq!(games.len(), 1);
    assert_eq!(games[0].answered(), 2);
    assert_eq!(
        store.pending_count(&me).await.unwrap(),
        0,
        "restoring sends nothing back"
    );
}

/// Start-up asks whether a bundle is saved without reading it (a new phone then starts the
/// bundle's download at once, `sync::prefetch`).
#[wasm_bindgen_test]
async fn a_saved_bundle_is_known_without_reading_it() {
    let store = Store::open_named(&unique_name("has-content"))
        .await
        .unwrap();
    assert!(!store.has_content().await.unwrap());
    store.save_content(&bundle()).await.unwrap();
    assert!(store.has_content().await.unwrap());
}
