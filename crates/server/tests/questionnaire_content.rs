//! What the shipped questionnaires say about themselves and ask: commitment has one target
//! (the agency), no index item asks how often colleagues do *not* do something (on a
//! frequency scale "never" would be a double negative), the index says it is not the
//! official measurement, and every intro states the real anonymity threshold.

use resapi_core::aggregate::threshold::DEFAULT_K;
use resapi_core::content::ContentBundle;
use resapi_server::content;
use std::path::PathBuf;

fn bundle() -> ContentBundle {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../content");
    content::load(&dir).expect("valid content").bundle
}

#[test]
fn every_commitment_item_is_about_the_agency() {
    let bundle = bundle();
    let q = bundle.questionnaire("komitmen").expect("komitmen");
    for item in &q.items {
        assert!(
            item.text.id.contains("instansi"),
            "{}: {}",
            item.id,
            item.text.id
        );
        assert!(
            item.text.en.contains("agency"),
            "{}: {}",
            item.id,
            item.text.en
        );
    }
}

#[test]
fn no_index_item_is_negated_on_the_frequency_scale() {
    let bundle = bundle();
    let q = bundle.questionnaire("indeks-berakhlak").expect("index");
    assert_eq!(q.scale, "frequency");
    for item in &q.items {
        // The behaviour asked about: what colleagues do (never "do not do").
        let behaviour = item
            .text
            .id
            .strip_prefix("Di unit kerja saya, rekan-rekan ")
            .unwrap_or_else(|| panic!("{}: about colleagues in one's unit", item.id));
        let first = behaviour.split_whitespace().next().unwrap_or("");
        assert!(
            !["tidak", "bukan", "jangan", "enggan", "menghindari"].contains(&first),
            "{}: `Tidak pernah` would be a double negative: {}",
            item.id,
            item.text.id
        );
    }
}

#[test]
fn every_intro_says_who_sees_what_with_the_real_threshold() {
    let bundle = bundle();
    for q in &bundle.questionnaires {
        assert!(
            q.purpose
                .id
                .contains(&format!("sedikitnya {DEFAULT_K} orang"))
                && q.purpose
                    .id
                    .contains("hanya dapat dilihat oleh Anda sendiri"),
            "{}: {}",
            q.id,
            q.purpose.id
        );
        assert!(
            q.purpose
                .en
                .contains(&format!("at least {DEFAULT_K} people")),
            "{}: {}",
            q.id,
            q.purpose.en
        );
    }
    let index = bundle.questionnaire("indeks-berakhlak").expect("index");
    assert!(index.purpose.id.contains("bukan pengukuran resmi"));
    assert!(index.purpose.en.contains("not an official measurement"));
}
