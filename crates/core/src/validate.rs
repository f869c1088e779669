//! Content validation: a pure function over parsed content files. Every error names the
//! file and the item, so an author can fix it without hunting.

use crate::catalog;
use crate::content::{
    ContentBundle, ItemStatus, Question, ScoringConfig, Unit, Value, content_version,
};
use crate::module::{Mapping, Module, ModuleKind};
use crate::questionnaire::{
    COMMITMENT_COMPONENTS, INDEKS_BERAKHLAK, Item, KOMITMEN, Questionnaire, SCALE_MAX, SCALE_MIN,
    SMART_ASN, SMART_ASN_INDICATORS, Scale,
};
use crate::text::{Lang, Text};
use std::collections::{BTreeMap, HashMap, HashSet};
use thiserror::Error;

/// Items parsed from one content file.
#[derive(Debug, Clone)]
pub struct SourceFile<T> {
    pub path: String,
    pub items: Vec<T>,
}

impl<T> SourceFile<T> {
    pub fn new(path: impl Into<String>, items: Vec<T>) -> SourceFile<T> {
        SourceFile {
            path: path.into(),
            items,
        }
    }
}

impl<T> Default for SourceFile<T> {
    fn default() -> Self {
        SourceFile {
            path: String::new(),
            items: Vec::new(),
        }
    }
}

/// All parsed content files, before validation.
#[derive(Debug, Clone, Default)]
pub struct ContentFiles {
    pub values: SourceFile<Value>,
    pub questions: Vec<SourceFile<Question>>,
    pub units: SourceFile<Unit>,
    pub scales: SourceFile<Scale>,
    /// One questionnaire per file.
    pub questionnaires: Vec<SourceFile<Questionnaire>>,
    /// One module per file.
    pub modules: Vec<SourceFile<Module>>,
    pub mappings: SourceFile<Mapping>,
}

/// How much content is needed. `default()` is what the server needs to start; `release()`
/// is the complete content a release ships (checked by the content tests and
/// `check-content`).
#[derive(Debug, Clone, Copy)]
pub struct Requirements {
    pub min_questions_per_value: usize,
    pub min_questions_per_indicator: usize,
    pub min_projector_per_value: usize,
    /// The three questionnaires, a module per value and per commitment component, and a
    /// mapping for every result.
    pub complete: bool,
}

impl Default for Requirements {
    fn default() -> Self {
        Requirements {
            min_questions_per_value: 10,
            min_questions_per_indicator: 3,
            min_projector_per_value: 0,
            complete: false,
        }
    }
}

impl Requirements {
    pub fn release() -> Requirements {
        Requirements {
            min_questions_per_value: 30,
            min_questions_per_indicator: 8,
            min_projector_per_value: 10,
            complete: true,
        }
    }
}

/// The structure a questionnaire needs (issue: "sound instruments"): its components in
/// order, items and reverse-keyed items per component (at least, and at most when given),
/// and for the index the exact number of items per behavioural indicator.
struct Structure {
    components: Vec<String>,
    items: (usize, Option<usize>),
    reverse: (usize, Option<usize>),
    per_indicator: Option<usize>,
}

/// Items asked per BerAKHLAK indicator in the index: two, so that reliability can be
/// estimated per value.
pub const INDEX_ITEMS_PER_INDICATOR: usize = 2;

fn questionnaire_rules(id: &str) -> Option<Structure> {
    let owned = |ids: &[&str]| ids.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    match id {
        // Six per component, two of them reverse-keyed: enough for a component's
        // reliability, and the reverse keys catch straight-lining.
        KOMITMEN => Some(Structure {
            components: owned(&COMMITMENT_COMPONENTS),
            items: (6, Some(6)),
            reverse: (2, Some(2)),
            per_indicator: None,
        }),
        // A reverse-keyed item per indicator breaks the ceiling of agreeing with everything.
        SMART_ASN => Some(Structure {
            components: owned(&SMART_ASN_INDICATORS),
            items: (3, None),
            reverse: (1, None),
            per_indicator: None,
        }),
        INDEKS_BERAKHLAK => Some(Structure {
            components: owned(&catalog::VALUE_IDS),
            items: (3, None),
            reverse: (0, None),
            per_indicator: Some(INDEX_ITEMS_PER_INDICATOR),
        }),
        _ => None,
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ContentError {
    #[error("{file}: id `{id}` is used more than once")]
    DuplicateId { file: String, id: String },
    #[error("{file}: `{item}` has no {lang} text for `{field}`")]
    MissingTranslation {
        file: String,
        item: String,
        field: String,
        lang: &'static str,
    },
    #[error("{file}: question `{item}` has {count} options; it needs exactly 4")]
    OptionCount {
        file: String,
        item: String,
        count: usize,
    },
    #[error("{file}: question `{item}` has option id `{option}` more than once")]
    DuplicateOption {
        file: String,
        item: String,
        option: String,
    },
    #[error("{file}: question `{item}` names `{answer}` as best, which is not one of its options")]
    BadAnswer {
        file: String,
        item: String,
        answer: String,
    },
    #[error("{file}: `{item}` has revision 0; revisions start at 1")]
    BadRevision { file: String, item: String },
    #[error(
        "{file}: `{item}` has an empty `source`; name the regulation and article, or leave it out"
    )]
    EmptySource { file: String, item: String },
    #[error("{file}: question `{item}` has difficulty {difficulty}; use 1, 2 or 3")]
    BadDifficulty {
        file: String,
        item: String,
        difficulty: u8,
    },
    #[error("{file}: `{item}` names unknown value `{value}`")]
    UnknownValue {
        file: String,
        item: String,
        value: String,
    },
    #[error("{file}: `{item}` names unknown indicator `{indicator}`")]
    UnknownIndicator {
        file: String,
        item: String,
        indicator: String,
    },
    #[error(
        "{file}: question `{item}` is tagged `{value}` but its indicator `{indicator}` belongs to another value"
    )]
    IndicatorOfOtherValue {
        file: String,
        item: String,
        value: String,
        indicator: String,
    },
    #[error("{file}: value `{value}` is missing")]
    MissingValue { file: String, value: String },
    #[error("{file}: value `{value}` must list indicators {expected}")]
    WrongIndicators {
        file: String,
        value: String,
        expected: String,
    },
    #[error("{scope} has {have} questions; it needs at least {need}")]
    TooFewQuestions {
        scope: String,
        have: usize,
        need: usize,
    },
    #[error("{file}: unit `{item}` has parent `{parent}`, which does not exist")]
    UnknownParentUnit {
        file: String,
        item: String,
        parent: String,
    },
    #[error("{file}: there must be at least one unit")]
    NoUnits { file: String },
    #[error("{scope} has {have} projector-ready questions; it needs at least {need}")]
    TooFewProjector {
        scope: String,
        have: usize,
        need: usize,
    },
    #[error("{file}: scale `{item}` must have the points 1 to 5, each once")]
    BadScale { file: String, item: String },
    #[error("{file}: questionnaire `{item}` uses scale `{scale}`, which does not exist")]
    UnknownScale {
        file: String,
        item: String,
        scale: String,
    },
    #[error(
        "{file}: item `{item}` belongs to component `{component}`, which the questionnaire does not have"
    )]
    UnknownComponent {
        file: String,
        item: String,
        component: String,
    },
    #[error("{file}: questionnaire `{item}` must have the components {expected}")]
    WrongComponents {
        file: String,
        item: String,
        expected: String,
    },
    #[error("{file}: component `{component}` has {have} items; it needs at least {need}")]
    TooFewItems {
        file: String,
        component: String,
        have: usize,
        need: usize,
    },
    #[error(
        "{file}: component `{component}` has {have} reverse-keyed items; it needs at least {need}"
    )]
    TooFewReverse {
        file: String,
        component: String,
        have: usize,
        need: usize,
    },
    #[error("{file}: component `{component}` has {have} items; it needs at most {most}")]
    TooManyItems {
        file: String,
        component: String,
        have: usize,
        most: usize,
    },
    #[error(
        "{file}: component `{component}` has {have} reverse-keyed items; it needs at most {most}"
    )]
    TooManyReverse {
        file: String,
        component: String,
        have: usize,
        most: usize,
    },
    #[error("{file}: indicator `{indicator}` has {have} index items; it needs exactly {need}")]
    IndexItemCount {
        file: String,
        indicator: String,
        have: usize,
        need: usize,
    },
    #[error("{file}: item `{item}` {problem}")]
    BadForm {
        file: String,
        item: String,
        problem: String,
    },
    #[error("{file}: module `{item}` {problem}")]
    BadModule {
        file: String,
        item: String,
        problem: String,
    },
    #[error("{file}: mapping `{target}` {problem}")]
    BadMapping {
        file: String,
        target: String,
        problem: String,
    },
    #[error("{file}: questionnaire `{questionnaire}` is missing")]
    MissingQuestionnaire { file: String, questionnaire: String },
    #[error("content/modules: no module for {topic}")]
    MissingModule { topic: String },
    #[error("{file}: no mapping for `{target}`")]
    MissingMapping { file: String, target: String },
}

struct Checker {
    errors: Vec<ContentError>,
}

impl Checker {
    fn text(&mut self, file: &str, item: &str, field: &str, text: &Text) {
        if let Some(lang) = text.missing() {
            self.errors.push(ContentError::MissingTranslation {
                file: file.into(),
                item: item.into(),
                field: field.into(),
                lang: match lang {
                    Lang::Id => "Indonesian",
                    Lang::En => "English",
                },
            });
        }
    }

    fn unique<'a>(&mut self, seen: &mut HashSet<&'a str>, file: &str, id: &'a str) {
        if !seen.insert(id) {
            self.errors.push(ContentError::DuplicateId {
                file: file.into(),
                id: id.into(),
            });
        }
    }
}

/// Checks all content; returns every problem found, not only the first.
pub fn validate(files: &ContentFiles, req: Requirements) -> Result<(), Vec<ContentError>> {
    let mut c = Checker { errors: Vec::new() };
    check_values(&mut c, &files.values);
    let mut seen = HashSet::new();
    let mut per_value: BTreeMap<&str, usize> = BTreeMap::new();
    let mut per_indicator: BTreeMap<String, usize> = BTreeMap::new();
    for file in &files.questions {
        for q in &file.items {
            c.unique(&mut seen, &file.path, &q.id);
            check_question(&mut c, &file.path, q);
            *per_value.entry(q.value.as_str()).or_default() += 1;
            *per_indicator.entry(q.indicator.clone()).or_default() += 1;
        }
    }
    for value in catalog::VALUE_IDS {
        let have = per_value.get(value).copied().unwrap_or(0);
        if have < req.min_questions_per_value {
            c.errors.push(ContentError::TooFewQuestions {
                scope: format!("value `{value}`"),
                have,
                need: req.min_questions_per_value,
            });
        }
    }
    for indicator in catalog::all_indicator_ids() {
        let have = per_indicator.get(&indicator).copied().unwrap_or(0);
        if have < req.min_questions_per_indicator {
            c.errors.push(ContentError::TooFewQuestions {
                scope: format!("indicator `{indicator}`"),
                have,
                need: req.min_questions_per_indicator,
            });
        }
    }
    if req.min_projector_per_value > 0 {
        for value in catalog::VALUE_IDS {
            let have = files
                .questions
                .iter()
                .flat_map(|f| &f.items)
                .filter(|q| q.value == value && q.projector)
                .count();
            if have < req.min_projector_per_value {
                c.errors.push(ContentError::TooFewProjector {
                    scope: format!("value `{value}`"),
                    have,
                    need: req.min_projector_per_value,
                });
            }
        }
    }
    check_units(&mut c, &files.units);
    check_scales(&mut c, &files.scales);
    let mut item_ids = HashSet::new();
    for file in &files.questionnaires {
        for q in &file.items {
            c.unique(&mut seen, &file.path, &q.id);
            check_questionnaire(&mut c, &file.path, q, &files.scales.items, &mut item_ids);
        }
    }
    for file in &files.modules {
        for m in &file.items {
            c.unique(&mut seen, &file.path, &m.id);
            check_module(&mut c, &file.path, m);
        }
    }
    check_mappings(&mut c, files);
    if req.complete {
        check_complete(&mut c, files);
    }
    if c.errors.is_empty() {
        Ok(())
    } else {
        Err(c.errors)
    }
}

/// The competition pool (`content/competition/`): the same rules as a practice question, and
/// ids that are unique and never a practice question's (a competition's questions must not be
/// in the bundle every phone has, docs/competitions.md).
pub fn validate_pool(
    files: &ContentFiles,
    pool: &[SourceFile<Question>],
) -> Result<(), Vec<ContentError>> {
    let mut c = Checker { errors: Vec::new() };
    let mut seen: HashSet<&str> = files
        .questions
        .iter()
        .flat_map(|f| f.items.iter().map(|q| q.id.as_str()))
        .collect();
    for file in pool {
        for q in &file.items {
            c.unique(&mut seen, &file.path, &q.id);
            check_question(&mut c, &file.path, q);
        }
    }
    if c.errors.is_empty() {
        Ok(())
    } else {
        Err(c.errors)
    }
}

fn check_values(c: &mut Checker, file: &SourceFile<Value>) {
    let path = &file.path;
    let mut seen = HashSet::new();
    for v in &file.items {
        c.unique(&mut seen, path, &v.id);
        if !catalog::is_value(&v.id) {
            c.errors.push(ContentError::UnknownValue {
                file: path.clone(),
                item: v.id.clone(),
                value: v.id.clone(),
            });
            continue;
        }
        c.text(path, &v.id, "name", &v.name);
        c.text(path, &v.id, "summary", &v.summary);
        let expected = catalog::indicator_ids(&v.id);
        let actual: Vec<&str> = v.indicators.iter().map(|i| i.id.as_str()).collect();
        if actual != expected.iter().map(String::as_str).collect::<Vec<_>>() {
            c.errors.push(ContentError::WrongIndicators {
                file: path.clone(),
                value: v.id.clone(),
                expected: expected.join(", "),
            });
        }
        for ind in &v.indicators {
            c.text(path, &ind.id, "text", &ind.text);
        }
    }
    for value in catalog::VALUE_IDS {
        if !file.items.iter().any(|v| v.id == value) {
            c.errors.push(ContentError::MissingValue {
                file: path.clone(),
                value: value.into(),
            });
        }
    }
}

fn check_question(c: &mut Checker, path: &str, q: &Question) {
    let item = q.id.as_str();
    c.text(path, item, "stem", &q.stem);
    c.text(path, item, "explanation", &q.explanation);
    if q.rev == 0 {
        c.errors.push(ContentError::BadRevision {
            file: path.into(),
            item: item.into(),
        });
    }
    if q.source.as_deref().is_some_and(|s| s.trim().is_empty()) {
        c.errors.push(ContentError::EmptySource {
            file: path.into(),
            item: item.into(),
        });
    }
    if !(1..=3).contains(&q.difficulty) {
        c.errors.push(ContentError::BadDifficulty {
            file: path.into(),
            item: item.into(),
            difficulty: q.difficulty,
        });
    }
    if !catalog::is_value(&q.value) {
        c.errors.push(ContentError::UnknownValue {
            file: path.into(),
            item: item.into(),
            value: q.value.clone(),
        });
    }
    match catalog::value_of_indicator(&q.indicator) {
        None => c.errors.push(ContentError::UnknownIndicator {
            file: path.into(),
            item: item.into(),
            indicator: q.indicator.clone(),
        }),
        Some(value) if catalog::is_value(&q.value) && value != q.value => {
            c.errors.push(ContentError::IndicatorOfOtherValue {
                file: path.into(),
                item: item.into(),
                value: q.value.clone(),
                indicator: q.indicator.clone(),
            })
        }
        Some(_) => {}
    }
    if q.options.len() != 4 {
        c.errors.push(ContentError::OptionCount {
            file: path.into(),
            item: item.into(),
            count: q.options.len(),
        });
    }
    let mut option_ids = HashSet::new();
    for o in &q.options {
        if !option_ids.insert(o.id.as_str()) {
            c.errors.push(ContentError::DuplicateOption {
                file: path.into(),
                item: item.into(),
                option: o.id.clone(),
            });
        }
        c.text(path, item, &format!("option {}", o.id), &o.text);
    }
    if q.option(&q.answer).is_none() {
        c.errors.push(ContentError::BadAnswer {
            file: path.into(),
            item: item.into(),
            answer: q.answer.clone(),
        });
    }
}

fn check_units(c: &mut Checker, file: &SourceFile<crate::content::Unit>) {
    let path = &file.path;
    if file.items.is_empty() {
        c.errors.push(ContentError::NoUnits { file: path.clone() });
    }
    let mut seen = HashSet::new();
    for u in &file.items {
        c.unique(&mut seen, path, &u.id);
    }
    let ids: HashSet<&str> = file.items.iter().map(|u| u.id.as_str()).collect();
    for u in &file.items {
        if let Some(parent) = &u.parent_id
            && !ids.contains(parent.as_str())
        {
            c.errors.push(ContentError::UnknownParentUnit {
                file: path.clone(),
                item: u.id.clone(),
                parent: parent.clone(),
            });
        }
    }
}

fn check_scales(c: &mut Checker, file: &SourceFile<Scale>) {
    let mut seen = HashSet::new();
    for scale in &file.items {
        c.unique(&mut seen, &file.path, &scale.id);
        let mut values: Vec<u8> = scale.points.iter().map(|p| p.value).collect();
        values.sort_unstable();
        if values != (SCALE_MIN..=SCALE_MAX).collect::<Vec<_>>() {
            c.errors.push(ContentError::BadScale {
                file: file.path.clone(),
                item: scale.id.clone(),
            });
        }
        for p in &scale.points {
            c.text(
                &file.path,
                &scale.id,
                &format!("point {}", p.value),
                &p.label,
            );
        }
    }
}

fn check_questionnaire(
    c: &mut Checker,
    path: &str,
    q: &Questionnaire,
    scales: &[Scale],
    item_ids: &mut HashSet<String>,
) {
    c.text(path, &q.id, "title", &q.title);
    c.text(path, &q.id, "purpose", &q.purpose);
    if !scales.iter().any(|s| s.id == q.scale) {
        c.errors.push(ContentError::UnknownScale {
            file: path.into(),
            item: q.id.clone(),
            scale: q.scale.clone(),
        });
    }
    for comp in &q.components {
        for (field, text) in [
            ("name", &comp.name),
            ("description", &comp.description),
            ("low", &comp.low),
            ("high", &comp.high),
        ] {
            c.text(path, &comp.id, field, text);
        }
    }
    // Retired items too: a response still refers to them by id.
    for item in q.items.iter().chain(&q.retired) {
        if !item_ids.insert(item.id.clone()) {
            c.errors.push(ContentError::DuplicateId {
                file: path.into(),
                id: item.id.clone(),
            });
        }
        c.text(path, &item.id, "text", &item.text);
        if q.component(&item.component).is_none() {
            c.errors.push(ContentError::UnknownComponent {
                file: path.into(),
                item: item.id.clone(),
                component: item.component.clone(),
            });
        }
    }
    check_forms(c, path, q);
    let Some(rules) = questionnaire_rules(&q.id) else {
        return;
    };
    let expected = &rules.components;
    let actual: Vec<&str> = q.components.iter().map(|c| c.id.as_str()).collect();
    if actual != expected.iter().map(String::as_str).collect::<Vec<_>>() {
        c.errors.push(ContentError::WrongComponents {
            file: path.into(),
            item: q.id.clone(),
            expected: expected.join(", "),
        });
    }
    for comp in expected {
        let have = q.items_of(comp).count();
        let reverse = q.items_of(comp).filter(|i| i.reverse).count();
        let (file, component) = (path.to_owned(), comp.clone());
        if have < rules.items.0 {
            c.errors.push(ContentError::TooFewItems {
                file,
                component,
                have,
                need: rules.items.0,
            });
        } else if let Some(most) = rules.items.1.filter(|&most| have > most) {
            c.errors.push(ContentError::TooManyItems {
                file,
                component,
                have,
                most,
            });
        }
        let (file, component) = (path.to_owned(), comp.clone());
        if reverse < rules.reverse.0 {
            c.errors.push(ContentError::TooFewReverse {
                file,
                component,
                have: reverse,
                need: rules.reverse.0,
            });
        } else if let Some(most) = rules.reverse.1.filter(|&most| reverse > most) {
            c.errors.push(ContentError::TooManyReverse {
                file,
                component,
                have: reverse,
                most,
            });
        }
    }
    if let Some(need) = rules.per_indicator {
        check_index_items(c, path, q, need);
    }
}

/// Forms (`questionnaire::forms`): current items were first asked in a form up to the
/// current one; a retired item names the last form it was asked in, before the current one.
fn check_forms(c: &mut Checker, path: &str, q: &Questionnaire) {
    let mut bad = |item: &Item, problem: String| {
        c.errors.push(ContentError::BadForm {
            file: path.into(),
            item: item.id.clone(),
            problem,
        })
    };
    for item in &q.items {
        if item.until.is_some() {
            bad(
                item,
                "is still asked; only a `[[retired]]` item has `until`".into(),
            );
        }
        if item.first_form() > q.form || item.first_form() == 0 {
            bad(
                item,
                format!(
                    "has `since = {}`; forms run from 1 to {}",
                    item.first_form(),
                    q.form
                ),
            );
        }
    }
    for item in &q.retired {
        match item.until {
            Some(until) if until >= 1 && until < q.form && item.first_form() <= until => {}
            _ => bad(
                item,
                format!(
                    "is retired: it needs `until`, its last form, at least `since` and before the current form {}",
                    q.form
                ),
            ),
        }
    }
}

/// The index asks `need` items per behavioural indicator, filed under that indicator's
/// value.
fn check_index_items(c: &mut Checker, path: &str, q: &Questionnaire, need: usize) {
    for item in &q.items {
        let indicator = item.indicator.as_deref().unwrap_or("");
        match catalog::value_of_indicator(indicator) {
            None => c.errors.push(ContentError::UnknownIndicator {
                file: path.into(),
                item: item.id.clone(),
                indicator: indicator.into(),
            }),
            Some(value) if value != item.component => {
                c.errors.push(ContentError::IndicatorOfOtherValue {
                    file: path.into(),
                    item: item.id.clone(),
                    value: item.component.clone(),
                    indicator: indicator.into(),
                })
            }
            Some(_) => {}
        }
    }
    for indicator in catalog::all_indicator_ids() {
        let have = q
            .items
            .iter()
            .filter(|i| i.indicator.as_deref() == Some(indicator.as_str()))
            .count();
        if have != need {
            c.errors.push(ContentError::IndexItemCount {
                file: path.into(),
                indicator,
                have,
                need,
            });
        }
    }
}

fn check_module(c: &mut Checker, path: &str, m: &Module) {
    let bad = |problem: String| ContentError::BadModule {
        file: path.into(),
        item: m.id.clone(),
        problem,
    };
    for (field, text) in [
        ("title", &m.title),
        ("intro", &m.intro),
        ("reflection", &m.reflection),
        ("story.title", &m.story.title),
        ("story.body", &m.story.body),
    ] {
        c.text(path, &m.id, field, text);
    }
    match m.kind {
        ModuleKind::Value => {
            let value = m.value.as_deref().unwrap_or("");
            if !catalog::is_value(value) {
                c.errors.push(bad(format!("names unknown value `{value}`")));
            } else {
                let expected = catalog::indicator_ids(value);
                let actual: Vec<String> =
                    m.indicators.iter().map(|i| i.indicator.clone()).collect();
                if actual != expected {
                    c.errors.push(bad(format!(
                        "must show the indicators {}",
                        expected.join(", ")
                    )));
                }
            }
        }
        ModuleKind::Commitment => {
            let comp = m.component.as_deref().unwrap_or("");
            if !COMMITMENT_COMPONENTS.contains(&comp) {
                c.errors
                    .push(bad(format!("names unknown commitment component `{comp}`")));
            }
        }
    }
    for ex in &m.indicators {
        c.text(path, &ex.indicator, "looks_like", &ex.looks_like);
        c.text(path, &ex.indicator, "not_like", &ex.not_like);
    }
    if m.actions.len() < 3 {
        c.errors.push(bad(format!(
            "has {} suggested actions; it needs at least 3",
            m.actions.len()
        )));
    }
    let mut seen = HashSet::new();
    for a in &m.actions {
        c.unique(&mut seen, path, &a.id);
        c.text(path, &a.id, "text", &a.text);
    }
}

/// Every `questionnaire:component` a result can report.
fn mapping_targets(files: &ContentFiles) -> Vec<String> {
    files
        .questionnaires
        .iter()
        .flat_map(|f| &f.items)
        .flat_map(|q| {
            q.components
                .iter()
                .map(move |c| format!("{}:{}", q.id, c.id))
        })
        .collect()
}

fn check_mappings(c: &mut Checker, files: &ContentFiles) {
    let path = &files.mappings.path;
    let targets: HashSet<String> = mapping_targets(files).into_iter().collect();
    let modules: HashSet<&str> = files
        .modules
        .iter()
        .flat_map(|f| &f.items)
        .map(|m| m.id.as_str())
        .collect();
    let mut seen = HashSet::new();
    for map in &files.mappings.items {
        let bad = |problem: String| ContentError::BadMapping {
            file: path.clone(),
            target: map.target.clone(),
            problem,
        };
        if !seen.insert(map.target.as_str()) {
            c.errors.push(bad("is listed more than once".into()));
        }
        if !targets.contains(&map.target) {
            c.errors
                .push(bad("points at no questionnaire component".into()));
        }
        if map.modules.is_empty() {
            c.errors.push(bad("names no module".into()));
        }
        for m in &map.modules {
            if !modules.contains(m.as_str()) {
                c.errors
                    .push(bad(format!("names module `{m}`, which does not exist")));
            }
        }
    }
}

/// A release has all three questionnaires, a module for every value and commitment
/// component, and a mapping for every result, so a weak result always points somewhere.
fn check_complete(c: &mut Checker, files: &ContentFiles) {
    for id in [KOMITMEN, SMART_ASN, INDEKS_BERAKHLAK] {
        if !files
            .questionnaires
            .iter()
            .flat_map(|f| &f.items)
            .any(|q| q.id == id)
        {
            c.errors.push(ContentError::MissingQuestionnaire {
                file: format!("content/questionnaires/{id}.toml"),
                questionnaire: id.into(),
            });
        }
    }
    let modules: Vec<&Module> = files.modules.iter().flat_map(|f| &f.items).collect();
    for value in catalog::VALUE_IDS {
        if !modules.iter().any(|m| m.value.as_deref() == Some(value)) {
            c.errors.push(ContentError::MissingModule {
                topic: format!("value `{value}`"),
            });
        }
    }
    for comp in COMMITMENT_COMPONENTS {
        if !modules.iter().any(|m| m.component.as_deref() == Some(comp)) {
            c.errors.push(ContentError::MissingModule {
                topic: format!("commitment component `{comp}`"),
            });
        }
    }
    for target in mapping_targets(files) {
        if !files.mappings.items.iter().any(|m| m.target == target) {
            c.errors.push(ContentError::MissingMapping {
                file: files.mappings.path.clone(),
                target,
            });
        }
    }
}

/// Builds the downloadable bundle (values in catalogue order) and stamps its version.
pub fn assemble(files: &ContentFiles, scoring: ScoringConfig) -> ContentBundle {
    let order: HashMap<&str, usize> = catalog::VALUE_IDS
        .iter()
        .enumerate()
        .map(|(i, v)| (*v, i))
        .collect();
    let mut values = files.values.items.clone();
    values.sort_by_key(|v| order.get(v.id.as_str()).copied().unwrap_or(usize::MAX));
    let mut questions: Vec<Question> = flatten(&files.questions);
    // Drafts stay in the files until they are ready; phones never see them.
    questions.retain(|q| q.status != ItemStatus::Draft);
    questions.sort_by(|a, b| a.id.cmp(&b.id));
    let mut bundle = ContentBundle {
        version: String::new(),
        values,
        questions,
        scales: files.scales.items.clone(),
        questionnaires: flatten(&files.questionnaires),
        modules: flatten(&files.modules),
        mappings: files.mappings.items.clone(),
        scoring,
    };
    let canonical = serde_json::to_vec(&bundle).unwrap_or_default();
    bundle.version = content_version(&canonical);
    bundle
}

fn flatten<T: Clone>(files: &[SourceFile<T>]) -> Vec<T> {
    files.iter().flat_map(|f| f.items.iter().cloned()).collect()
}

/// Counts for the coverage report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Coverage {
    pub per_value: BTreeMap<String, usize>,
    pub per_indicator: BTreeMap<String, usize>,
    pub per_difficulty: BTreeMap<u8, usize>,
    pub projector_per_value: BTreeMap<String, usize>,
    pub total: usize,
}

pub fn coverage(questions: &[Question]) -> Coverage {
    let mut cov = Coverage {
        total: questions.len(),
        ..Coverage::default()
    };
    for q in questions {
        *cov.per_value.entry(q.value.clone()).or_default() += 1;
        *cov.per_indicator.entry(q.indicator.clone()).or_default() += 1;
        *cov.per_difficulty.entry(q.difficulty).or_default() += 1;
        if q.projector {
            *cov.projector_per_value.entry(q.value.clone()).or_default() += 1;
        }
    }
    cov
}
