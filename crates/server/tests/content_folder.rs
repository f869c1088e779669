//! The real `content/` folder: it loads, validates, and the bundle stays small enough for a
//! phone on 3G.

use resapi_server::content;
use std::io::Write;
use std::path::PathBuf;

fn content_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

#[test]
fn the_shipped_content_validates_and_has_ten_questions_per_value_or_more() {
    let loaded = content::load(&content_dir()).unwrap_or_else(|errors| {
        panic!("content/ is invalid:\n{}", errors.join("\n"));
    });
    for value in resapi_core::catalog::VALUE_IDS {
        let n = loaded
            .bundle
            .questions
            .iter()
            .filter(|q| q.value == value)
            .count();
        assert!(n >= 10, "{value} has {n} questions");
    }
    assert!(loaded.units.len() >= 10, "the unit tree is the agency's");
}

#[test]
fn the_bundle_stays_under_150_kib_compressed() {
    let loaded = content::load(&content_dir()).expect("valid content");
    let json = serde_json::to_vec(&loaded.bundle).expect("serialisable");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&json).expect("in memory");
    let compressed = gz.finish().expect("in memory").len();
    println!(
        "content bundle: {} questions, {} bytes JSON, {} bytes gzip",
        loaded.bundle.questions.len(),
        json.len(),
        compressed
    );
    assert!(
        compressed < 150 * 1024,
        "the bundle is {compressed} bytes gzip; split it past 150 KiB (docs/content.md)"
    );
}

/// The shipped bank holds both answer-cue limits (docs/question-bank.md): no value's keys
/// guessable from the options by a model trained on the other values, no cue far more
/// common in keys than in wrong options.
#[test]
fn the_shipped_bank_gives_no_answer_cues() {
    let source = content::read(&content_dir()).expect("readable content");
    let report = content::answer_cues(&source);
    for g in &report.guesses {
        println!(
            "{:<12} picked {:>2} of {} ({:.0} %)",
            g.value,
            g.picked,
            g.items,
            g.share() * 100.0
        );
    }
    let problems: Vec<String> = report.problems().iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{problems:#?}");
}

/// The competition pool holds the same limits, judged by a model that also learned the
/// practice bank's keys (which every phone has): a contestant who studied the practice
/// keys' habits must not be able to read the competition's keys off the options.
#[test]
fn the_competition_pool_gives_no_answer_cues() {
    let source = content::read(&content_dir()).expect("readable content");
    let report = content::pool_cues(&source);
    assert_eq!(report.picks.len(), 84, "12 pool questions per value");
    let overall = report.overall();
    println!(
        "pool: picked {} of {} ({:.0} %)",
        overall.picked,
        overall.items,
        overall.share() * 100.0
    );
    let problems: Vec<String> = report.problems().iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{problems:#?}");
}

fn bank() -> Vec<resapi_core::content::Question> {
    content::load(&content_dir())
        .expect("valid content")
        .bundle
        .questions
}

#[test]
fn the_shipped_content_is_a_complete_release() {
    let source = content::read(&content_dir()).expect("readable content");
    if let Err(errors) = resapi_core::validate::validate(
        &source.files,
        resapi_core::validate::Requirements::release(),
    ) {
        let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("content/ is not release-complete:\n{}", list.join("\n"));
    }
}

#[test]
fn the_best_option_is_not_given_away_by_length_or_position() {
    use resapi_core::Lang;
    use resapi_core::quality::{answer_positions, longest_is_best_share};
    let bank = bank();
    for value in resapi_core::catalog::VALUE_IDS {
        let qs: Vec<_> = bank.iter().filter(|q| q.value == value).collect();
        for lang in [Lang::Id, Lang::En] {
            let share = longest_is_best_share(&qs, lang);
            println!(
                "{value:<12} {lang:?}: best is the longest in {:.0} %",
                share * 100.0
            );
            assert!(
                share <= 0.25,
                "{value}: the best option is the longest in {:.0} % ({lang:?})",
                share * 100.0
            );
        }
        let positions = answer_positions(&qs);
        for pos in 0..4 {
            let n = positions.get(&pos).copied().unwrap_or(0);
            let share = n as f64 / qs.len() as f64;
            assert!(
                (0.15..=0.35).contains(&share),
                "{value}: position {pos} holds the best option in {n} of {} questions",
                qs.len()
            );
        }
    }
}

#[test]
fn no_two_stems_are_near_duplicates() {
    let bank = bank();
    let all: Vec<_> = bank.iter().collect();
    let pairs = resapi_core::quality::near_duplicate_stems(&all, 0.5);
    assert!(pairs.is_empty(), "near-duplicate stems: {pairs:?}");
    let closest = resapi_core::quality::near_duplicate_stems(&all, 0.0);
    if let Some((a, b, s)) = closest.first() {
        println!("most alike stems: {a} ~ {b}: {s:.2}");
    }
}
