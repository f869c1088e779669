//! Old answers after the questionnaires were rebuilt (form 2). Phones and the server hold
//! responses to the form-1 items (`fixtures/questionnaires-form1/`, the files as they were
//! shipped): such a response must still sync, show the same result it showed before, and
//! an item id must never change its meaning (a changed item has a new id).

use resapi_core::content::{ContentBundle, ScoringConfig};
use resapi_core::questionnaire::{INDEKS_BERAKHLAK, Questionnaire};
use resapi_core::scoring::{Answers, index_from_answers, score_components};
use resapi_core::sync::{QuestionnaireResponse, SyncRecord, check_record};
use resapi_server::content;
use std::path::PathBuf;
use time::OffsetDateTime;
use uuid::Uuid;

const IDS: [&str; 3] = ["komitmen", "smart-asn", "indeks-berakhlak"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn bundle() -> ContentBundle {
    content::load(&root().join("../../content"))
        .expect("valid content")
        .bundle
}

fn form_1(id: &str) -> Questionnaire {
    let path = root().join(format!("tests/fixtures/questionnaires-form1/{id}.toml"));
    let text = std::fs::read_to_string(&path).expect("fixture");
    toml::from_str(&text).expect("a form-1 questionnaire")
}

fn now<'a>(bundle: &'a ContentBundle, id: &str) -> &'a Questionnaire {
    bundle.questionnaire(id).expect("shipped questionnaire")
}

/// A form-1 sheet: answers 1–5 in turn, every fourth item skipped.
fn old_sheet(q: &Questionnaire) -> Answers {
    q.items
        .iter()
        .enumerate()
        .filter(|(n, _)| n % 4 != 3)
        .map(|(n, i)| (i.id.clone(), 1 + (n % 5) as u8))
        .collect()
}

#[test]
fn every_form_1_item_id_keeps_its_meaning() {
    let bundle = bundle();
    for id in IDS {
        let q = now(&bundle, id);
        assert!(q.form >= 2, "{id} was rebuilt as form 2");
        for old in &form_1(id).items {
            let same = q
                .items
                .iter()
                .chain(&q.retired)
                .find(|i| i.id == old.id)
                .unwrap_or_else(|| panic!("{id}: form-1 item `{}` is gone", old.id));
            assert_eq!(
                same.text.id, old.text.id,
                "{}: same id, new wording",
                old.id
            );
            assert_eq!(
                (&same.component, same.reverse, &same.indicator),
                (&old.component, old.reverse, &old.indicator),
                "{}: same id, scored differently",
                old.id
            );
        }
    }
}

#[test]
fn a_form_1_response_shows_the_result_it_showed_before() {
    let bundle = bundle();
    let config = ScoringConfig::default();
    for id in IDS {
        let old = form_1(id);
        let sheet = old_sheet(&old);
        let q = now(&bundle, id);
        if id == INDEKS_BERAKHLAK {
            let before = index_from_answers(&old, &sheet, &config).unwrap();
            let after = index_from_answers(q, &sheet, &config).unwrap();
            assert_eq!(after, before, "{id}");
            assert!(after.overall.is_some(), "{id}: the old result is not empty");
        } else {
            let before = score_components(&old, &sheet).unwrap();
            let after = score_components(q, &sheet).unwrap();
            assert_eq!(after, before, "{id}");
            assert!(after.iter().all(|s| s.percent.is_some()), "{id}: {after:?}");
        }
    }
}

#[test]
fn a_form_1_response_still_syncs() {
    let bundle = bundle();
    let account = Uuid::from_u128(7);
    let at = OffsetDateTime::now_utc();
    for (n, id) in IDS.into_iter().enumerate() {
        let response = QuestionnaireResponse {
            questionnaire_id: id.into(),
            answers: old_sheet(&form_1(id)),
            started_at: at,
            content_version: "form-1".into(),
        };
        let record = SyncRecord::new(Uuid::from_u128(n as u128), account, at, &response).unwrap();
        assert_eq!(
            check_record(&record, account, &bundle, at),
            Ok(None),
            "{id}"
        );
    }
}

#[test]
fn a_new_response_counts_only_the_items_asked_now() {
    let bundle = bundle();
    for id in ["komitmen", "smart-asn"] {
        let q = now(&bundle, id);
        let all_agree: Answers = q.items.iter().map(|i| (i.id.clone(), 5)).collect();
        for s in score_components(q, &all_agree).unwrap() {
            // Agreeing with everything never gives 100 %: each part has a reverse key.
            assert_eq!(s.answered, s.items, "{id} {}", s.component);
            assert!(s.percent.unwrap() < 100.0, "{id} {}: {s:?}", s.component);
        }
    }
    let index = now(&bundle, INDEKS_BERAKHLAK);
    let always: Answers = index.items.iter().map(|i| (i.id.clone(), 5)).collect();
    let score = index_from_answers(index, &always, &ScoringConfig::default()).unwrap();
    assert_eq!(score.overall, Some(100.0));
    assert!(
        score
            .values
            .iter()
            .all(|v| v.indicators.iter().all(|i| i.items == 2))
    );
}
