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
        "the bundle is {compressed} bytes gzip; DESIGN.md: split it past 150 KiB"
    );
}
