//! Reads the `content/` folder: values, the question bank, units and the optional scoring
//! configuration; validates them with the shared rules in `resapi_core::validate` and builds
//! the bundle the app downloads.

use resapi_core::content::{ContentBundle, Question, ScoringConfig, Unit, Value};
use resapi_core::validate::{self, ContentFiles, Coverage, Requirements, SourceFile};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
struct ValuesFile {
    #[serde(default)]
    value: Vec<Value>,
}

#[derive(Deserialize)]
struct QuestionsFile {
    #[serde(default)]
    question: Vec<Question>,
}

#[derive(Deserialize)]
struct UnitsFile {
    #[serde(default)]
    unit: Vec<Unit>,
}

/// The parsed content folder, before validation.
#[derive(Debug, Clone)]
pub struct ContentSource {
    pub files: ContentFiles,
    pub scoring: ScoringConfig,
}

/// Validated content, ready to serve.
#[derive(Debug, Clone)]
pub struct Content {
    pub bundle: ContentBundle,
    pub units: Vec<Unit>,
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

fn read_toml<T: DeserializeOwned>(path: &Path) -> Result<T, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read the file: {e}", display(path)))?;
    toml::from_str(&text).map_err(|e| format!("{}: {e}", display(path)))
}

/// Reads only `units.toml` (the admin commands need units before the first `serve`).
pub fn read_units(dir: &Path) -> Result<Vec<Unit>, String> {
    read_toml::<UnitsFile>(&dir.join("units.toml")).map(|f| f.unit)
}

/// Reads every content file, collecting all read and parse errors (not only the first).
pub fn read(dir: &Path) -> Result<ContentSource, Vec<String>> {
    let mut errors = Vec::new();
    let values_path = dir.join("values.toml");
    let values = match read_toml::<ValuesFile>(&values_path) {
        Ok(f) => f.value,
        Err(e) => {
            errors.push(e);
            Vec::new()
        }
    };
    let units_path = dir.join("units.toml");
    let units = match read_toml::<UnitsFile>(&units_path) {
        Ok(f) => f.unit,
        Err(e) => {
            errors.push(e);
            Vec::new()
        }
    };
    let mut question_paths: Vec<PathBuf> = Vec::new();
    let questions_dir = dir.join("questions");
    match std::fs::read_dir(&questions_dir) {
        Ok(entries) => {
            for entry in entries {
                match entry {
                    Ok(entry) => {
                        let path = entry.path();
                        if path.extension().is_some_and(|e| e == "toml") {
                            question_paths.push(path);
                        }
                    }
                    Err(e) => errors.push(format!("{}: {e}", display(&questions_dir))),
                }
            }
        }
        // No folder means no questions; validation then reports the missing coverage.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => errors.push(format!("{}: {e}", display(&questions_dir))),
    }
    question_paths.sort();
    let mut questions = Vec::new();
    for path in question_paths {
        match read_toml::<QuestionsFile>(&path) {
            Ok(f) => questions.push(SourceFile::new(display(&path), f.question)),
            Err(e) => errors.push(e),
        }
    }
    let scoring_path = dir.join("scoring.toml");
    let scoring = if scoring_path.exists() {
        match read_toml::<ScoringConfig>(&scoring_path) {
            Ok(s) => s,
            Err(e) => {
                errors.push(e);
                ScoringConfig::default()
            }
        }
    } else {
        ScoringConfig::default()
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ContentSource {
        files: ContentFiles {
            values: SourceFile::new(display(&values_path), values),
            questions,
            units: SourceFile::new(display(&units_path), units),
        },
        scoring: json_safe(scoring),
    })
}

/// JSON has no infinity: serde_json writes `-inf` as `null`, which the app then cannot
/// read back as a number. The lowest band's open bound becomes 0 %, the same thing for
/// percentages.
fn json_safe(mut scoring: ScoringConfig) -> ScoringConfig {
    for band in &mut scoring.index_bands {
        if !band.min_percent.is_finite() {
            band.min_percent = if band.min_percent > 0.0 { 100.0 } else { 0.0 };
        }
    }
    scoring
}

/// Reads and validates the folder. Errors name the file and the item.
pub fn load(dir: &Path) -> Result<Content, Vec<String>> {
    let source = read(dir)?;
    validate::validate(&source.files, Requirements::default())
        .map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    let bundle = validate::assemble(&source.files, source.scoring.clone());
    Ok(Content {
        bundle,
        units: source.files.units.items,
    })
}

/// The coverage report printed by `check-content`.
pub fn coverage_report(source: &ContentSource) -> String {
    let questions: Vec<Question> = source
        .files
        .questions
        .iter()
        .flat_map(|f| f.items.iter().cloned())
        .collect();
    let cov: Coverage = validate::coverage(&questions);
    let req = Requirements::default();
    let mut out = String::new();
    out.push_str(&format!("Questions: {}\n", cov.total));
    out.push_str(&format!(
        "\nPer value (need {}), projector-ready:\n",
        req.min_questions_per_value
    ));
    for value in resapi_core::catalog::VALUE_IDS {
        let have = cov.per_value.get(value).copied().unwrap_or(0);
        let projector = cov.projector_per_value.get(value).copied().unwrap_or(0);
        let mark = if have < req.min_questions_per_value {
            "  <- too few"
        } else {
            ""
        };
        out.push_str(&format!(
            "  {value:<12} {have:>4}   projector {projector:>3}{mark}\n"
        ));
    }
    out.push_str(&format!(
        "\nPer indicator (need {}):\n",
        req.min_questions_per_indicator
    ));
    for indicator in resapi_core::catalog::all_indicator_ids() {
        let have = cov.per_indicator.get(&indicator).copied().unwrap_or(0);
        let mark = if have < req.min_questions_per_indicator {
            "  <- too few"
        } else {
            ""
        };
        out.push_str(&format!("  {indicator:<14} {have:>4}{mark}\n"));
    }
    out.push_str("\nPer difficulty:\n");
    for (difficulty, n) in &cov.per_difficulty {
        out.push_str(&format!("  {difficulty}  {n:>4}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/content")
    }

    #[test]
    fn the_fixture_content_loads_and_validates() {
        let content = load(&fixture()).unwrap();
        assert_eq!(content.bundle.values.len(), 7);
        assert!(content.bundle.questions.len() >= 70);
        assert!(!content.units.is_empty());
        assert_eq!(content.bundle.version.len(), 16);
    }

    #[test]
    fn the_bundle_survives_a_json_round_trip() {
        // Guards the infinity fix: the app must be able to read what we serve.
        let content = load(&fixture()).unwrap();
        let json = serde_json::to_string(&content.bundle).unwrap();
        let back: ContentBundle = serde_json::from_str(&json).unwrap();
        assert_eq!(back.version, content.bundle.version);
    }

    #[test]
    fn a_missing_folder_reports_each_missing_file() {
        let errors = read(Path::new("/nonexistent/resapi-content")).unwrap_err();
        assert!(errors.iter().any(|e| e.contains("values.toml")));
        assert!(errors.iter().any(|e| e.contains("units.toml")));
    }

    #[test]
    fn the_coverage_report_lists_every_value() {
        let source = read(&fixture()).unwrap();
        let report = coverage_report(&source);
        for value in resapi_core::catalog::VALUE_IDS {
            assert!(report.contains(value));
        }
        assert!(!report.contains("too few"));
    }
}
