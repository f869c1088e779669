//! Reads the `content/` folder: values, the question bank, units, answer scales,
//! questionnaires, modules, their mapping and the optional scoring configuration; validates them with the shared rules in `resapi_core::validate` and builds
//! the bundle the app downloads.

use resapi_core::content::{ContentBundle, Question, ScoringConfig, Unit, Value};
use resapi_core::cues::{CueReport, ValueGuess};
use resapi_core::module::{Mapping, Module};
use resapi_core::questionnaire::{Questionnaire, Scale};
use resapi_core::validate::{self, ContentFiles, Coverage, Requirements, SourceFile};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Deserialize, Default)]
struct ScalesFile {
    #[serde(default)]
    scale: Vec<Scale>,
}

#[derive(Deserialize, Default)]
struct MappingsFile {
    #[serde(default)]
    map: Vec<Mapping>,
}

#[derive(Deserialize, Default)]
struct ValuesFile {
    #[serde(default)]
    value: Vec<Value>,
}

#[derive(Deserialize, Default)]
struct QuestionsFile {
    #[serde(default)]
    question: Vec<Question>,
}

#[derive(Deserialize, Default)]
struct UnitsFile {
    #[serde(default)]
    unit: Vec<Unit>,
}

/// The parsed content folder, before validation.
#[derive(Debug, Clone)]
pub struct ContentSource {
    pub files: ContentFiles,
    pub scoring: ScoringConfig,
    /// The competition pool (`competition/`): server-only, never in the bundle.
    pub pool: Vec<SourceFile<Question>>,
}

/// Validated content, ready to serve.
#[derive(Debug, Clone)]
pub struct Content {
    pub bundle: ContentBundle,
    pub units: Vec<Unit>,
    /// The competition pool: its keys stay on the server until a competition is published.
    pub pool: Vec<Question>,
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

/// Collects read and parse errors, so that one run reports all of them.
#[derive(Default)]
struct Reader {
    errors: Vec<String>,
}

impl Reader {
    fn file<T: DeserializeOwned + Default>(&mut self, path: &Path) -> T {
        read_toml(path).unwrap_or_else(|e| {
            self.errors.push(e);
            T::default()
        })
    }

    /// An optional file: absent means default.
    fn optional<T: DeserializeOwned + Default>(&mut self, path: &Path) -> T {
        if path.exists() {
            self.file(path)
        } else {
            T::default()
        }
    }

    /// Every `*.toml` in `dir`, sorted by name. No folder means no files; validation then
    /// reports what is missing.
    fn folder<F: DeserializeOwned, T>(
        &mut self,
        dir: &Path,
        items: impl Fn(F) -> Vec<T>,
    ) -> Vec<SourceFile<T>> {
        let mut paths: Vec<PathBuf> = Vec::new();
        match std::fs::read_dir(dir) {
            Ok(entries) => {
                for entry in entries {
                    match entry {
                        Ok(entry) if entry.path().extension().is_some_and(|e| e == "toml") => {
                            paths.push(entry.path())
                        }
                        Ok(_) => {}
                        Err(e) => self.errors.push(format!("{}: {e}", display(dir))),
                    }
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => self.errors.push(format!("{}: {e}", display(dir))),
        }
        paths.sort();
        paths
            .into_iter()
            .filter_map(|path| match read_toml::<F>(&path) {
                Ok(f) => Some(SourceFile::new(display(&path), items(f))),
                Err(e) => {
                    self.errors.push(e);
                    None
                }
            })
            .collect()
    }
}

/// Reads every content file, collecting all read and parse errors (not only the first).
pub fn read(dir: &Path) -> Result<ContentSource, Vec<String>> {
    let mut r = Reader::default();
    let values_path = dir.join("values.toml");
    let units_path = dir.join("units.toml");
    let scales_path = dir.join("scales.toml");
    let mappings_path = dir.join("mappings.toml");
    let values: ValuesFile = r.file(&values_path);
    let units: UnitsFile = r.file(&units_path);
    let scales: ScalesFile = r.optional(&scales_path);
    let mappings: MappingsFile = r.optional(&mappings_path);
    let questions = r.folder(&dir.join("questions"), |f: QuestionsFile| f.question);
    let questionnaires = r.folder(&dir.join("questionnaires"), |q: Questionnaire| vec![q]);
    let modules = r.folder(&dir.join("modules"), |m: Module| vec![m]);
    let pool = r.folder(&dir.join("competition"), |f: QuestionsFile| f.question);
    let scoring: ScoringConfig = r.optional(&dir.join("scoring.toml"));
    if !r.errors.is_empty() {
        return Err(r.errors);
    }
    Ok(ContentSource {
        files: ContentFiles {
            values: SourceFile::new(display(&values_path), values.value),
            questions,
            units: SourceFile::new(display(&units_path), units.unit),
            scales: SourceFile::new(display(&scales_path), scales.scale),
            questionnaires,
            modules,
            mappings: SourceFile::new(display(&mappings_path), mappings.map),
        },
        scoring: json_safe(scoring),
        pool,
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
    validate::validate_pool(&source.files, &source.pool)
        .map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    let bundle = validate::assemble(&source.files, source.scoring.clone());
    Ok(Content {
        bundle,
        units: source.files.units.items,
        pool: source.pool.into_iter().flat_map(|f| f.items).collect(),
    })
}

/// The coverage report printed by `check-content`, measured against `req`.
/// For the index: the fewest and most items any behavioural indicator has.
fn per_indicator(q: &Questionnaire) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for indicator in q.items.iter().filter_map(|i| i.indicator.as_deref()) {
        *counts.entry(indicator).or_default() += 1;
    }
    match (counts.values().min(), counts.values().max()) {
        (Some(min), Some(max)) if min == max => {
            format!("; {} indicators, {min} items each", counts.len())
        }
        (Some(min), Some(max)) => format!("; {} indicators, {min}–{max} items", counts.len()),
        _ => String::new(),
    }
}

pub fn coverage_report(source: &ContentSource, req: Requirements) -> String {
    use resapi_core::Lang;
    use resapi_core::catalog::{VALUE_IDS, all_indicator_ids};
    use resapi_core::quality::{answer_positions, longest_is_best_share};
    use std::fmt::Write;

    let files = &source.files;
    let questions: Vec<Question> = files
        .questions
        .iter()
        .flat_map(|f| f.items.iter().cloned())
        .collect();
    let cov: Coverage = validate::coverage(&questions);
    let short = |have: usize, need: usize| if have < need { "  <- too few" } else { "" };
    let mut out = String::new();
    let _ = writeln!(out, "Questions: {}", cov.total);
    let _ = writeln!(
        out,
        "\nPer value (need {}, projector-ready {}); best option longest id/en; best at a/b/c/d:",
        req.min_questions_per_value, req.min_projector_per_value
    );
    for value in VALUE_IDS {
        let have = cov.per_value.get(value).copied().unwrap_or(0);
        let projector = cov.projector_per_value.get(value).copied().unwrap_or(0);
        let qs: Vec<&Question> = questions.iter().filter(|q| q.value == value).collect();
        let longest = |lang| (longest_is_best_share(&qs, lang) * 100.0).round();
        let pos = answer_positions(&qs);
        let at = |p: usize| pos.get(&p).copied().unwrap_or(0);
        let _ = writeln!(
            out,
            "  {value:<12} {have:>4}   projector {projector:>3}   longest {:>3}%/{:>3}%   {}/{}/{}/{}{}{}",
            longest(Lang::Id),
            longest(Lang::En),
            at(0),
            at(1),
            at(2),
            at(3),
            short(have, req.min_questions_per_value),
            short(projector, req.min_projector_per_value),
        );
    }
    let _ = writeln!(
        out,
        "\nPer indicator (need {}):",
        req.min_questions_per_indicator
    );
    for indicator in all_indicator_ids() {
        let have = cov.per_indicator.get(&indicator).copied().unwrap_or(0);
        let _ = writeln!(
            out,
            "  {indicator:<14} {have:>4}{}",
            short(have, req.min_questions_per_indicator)
        );
    }
    let _ = writeln!(out, "\nPer difficulty:");
    for (difficulty, n) in &cov.per_difficulty {
        let _ = writeln!(out, "  {difficulty}  {n:>4}");
    }
    out.push_str(&metadata_section(&questions));
    out.push_str(&cue_section(&answer_cues(source)));
    if !source.pool.is_empty() {
        out.push_str("\nCompetition pool (content/competition/, server only):");
        out.push_str(&cue_section(&pool_cues(source)));
    }
    let _ = writeln!(
        out,
        "\nQuestionnaires (items, reverse-keyed per component):"
    );
    for q in files.questionnaires.iter().flat_map(|f| &f.items) {
        let parts: Vec<String> = q
            .components
            .iter()
            .map(|c| {
                let items = q.items_of(&c.id).count();
                let reverse = q.items_of(&c.id).filter(|i| i.reverse).count();
                format!("{} {items}/{reverse}", c.id)
            })
            .collect();
        let _ = writeln!(
            out,
            "  {:<18} {:>3} items: {}",
            q.id,
            q.items.len(),
            parts.join(", ")
        );
        let _ = writeln!(
            out,
            "  {:<18}     form {}, {} retired item(s) of earlier forms still scored{}",
            "",
            q.form,
            q.retired.len(),
            per_indicator(q)
        );
    }
    let modules: Vec<_> = files.modules.iter().flat_map(|f| &f.items).collect();
    let _ = writeln!(out, "\nModules: {}", modules.len());
    for m in modules {
        let topic = m.value.as_deref().or(m.component.as_deref()).unwrap_or("?");
        let _ = writeln!(
            out,
            "  {:<20} {topic:<12} {} min, {} actions",
            m.id,
            m.minutes,
            m.actions.len()
        );
    }
    let _ = writeln!(out, "\nMappings: {}", files.mappings.items.len());
    out
}

/// The questions' life and sources: how many are drafts, active and retired, how many
/// have been reworded, and which cite a rule in the stem without naming it in `source`.
fn metadata_section(questions: &[Question]) -> String {
    use resapi_core::content::ItemStatus;
    use std::fmt::Write;
    let count = |s: ItemStatus| questions.iter().filter(|q| q.status == s).count();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\nQuestion status: {} active, {} draft, {} retired; {} reworded (rev > 1), {} with a source",
        count(ItemStatus::Active),
        count(ItemStatus::Draft),
        count(ItemStatus::Retired),
        questions.iter().filter(|q| q.rev > 1).count(),
        questions.iter().filter(|q| q.source.is_some()).count(),
    );
    let unsourced = resapi_core::citation::unsourced(questions);
    let _ = writeln!(
        out,
        "Stems citing a rule without a `source`: {}{}",
        unsourced.len(),
        if unsourced.is_empty() {
            ""
        } else {
            "  <- name the regulation and article"
        }
    );
    for q in unsourced {
        let _ = writeln!(out, "  {}", q.id);
    }
    out
}

/// The answer-cue measures of the question bank (docs/question-bank.md): the questions
/// people can be given (drafts and retired ones are not drawn).
pub fn answer_cues(source: &ContentSource) -> CueReport {
    CueReport::measure(&drawable(&source.files.questions))
}

/// The same measures of the competition pool, its held-out model also trained on the
/// practice bank (whose keys every phone has).
pub fn pool_cues(source: &ContentSource) -> CueReport {
    CueReport::measure_within(&drawable(&source.pool), &drawable(&source.files.questions))
}

fn drawable(files: &[SourceFile<Question>]) -> Vec<&Question> {
    files
        .iter()
        .flat_map(|f| &f.items)
        .filter(|q| q.is_drawable())
        .collect()
}

/// The coverage report's answer-cue tables: per value, how often the held-out option-only
/// model picks the key; per cue, its share in keys and in wrong options.
fn cue_section(report: &CueReport) -> String {
    use resapi_core::cues::{MAX_GUESS_SHARE, MAX_SHARE_GAP};
    use std::fmt::Write;

    let pct = |share: f64| (share * 100.0).round();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\nAnswer cues, option-only model trained on the other values picks the key \
         (allowed {}%, chance 25%):",
        pct(MAX_GUESS_SHARE)
    );
    let row = |out: &mut String, g: &ValueGuess, flag: bool| {
        let _ = writeln!(
            out,
            "  {:<12} {:>4} items   picked {:>3}   {:>3}%{}",
            g.value,
            g.items,
            g.picked,
            pct(g.share()),
            if flag && !g.within_limit() {
                "  <- too guessable"
            } else {
                ""
            }
        );
    };
    for g in &report.guesses {
        row(&mut out, g, true);
        if !g.within_limit() {
            // Which keys were guessed: where a rewrite starts.
            let ids: Vec<&str> = report
                .picks
                .iter()
                .filter(|p| p.value == g.value && p.picked_key)
                .map(|p| p.id.as_str())
                .collect();
            let _ = writeln!(out, "               guessed: {}", ids.join(", "));
        }
    }
    row(&mut out, &report.overall(), false);
    for (_, g) in report.by_difficulty() {
        row(&mut out, &g, false);
    }
    let s = &report.shares;
    let _ = writeln!(
        out,
        "\nAnswer cues in keys vs wrong options ({} keys, {} wrong; allowed {} points apart):",
        s.keys,
        s.wrong,
        pct(MAX_SHARE_GAP)
    );
    for share in &s.shares {
        let _ = writeln!(
            out,
            "  {:<38} keys {:>3}%   wrong {:>3}%{}",
            share.name,
            pct(share.keys),
            pct(share.wrong),
            if share.within_limit() { "" } else { "  <- cue" }
        );
    }
    let _ = writeln!(
        out,
        "  {:<38} keys {:>4.1}   wrong {:>4.1}",
        "mean length in words", s.key_words, s.wrong_words
    );
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
        let report = coverage_report(&source, Requirements::default());
        for value in resapi_core::catalog::VALUE_IDS {
            assert!(report.contains(value));
        }
        assert!(!report.contains("too few"));
        // The small fixture is far from a release.
        let report = coverage_report(&source, Requirements::release());
        assert!(report.contains("too few"));
    }
}
