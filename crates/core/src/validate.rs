//! Content validation: a pure function over parsed content files. Every error names the
//! file and the item, so an author can fix it without hunting.

use crate::catalog;
use crate::content::{ContentBundle, Question, ScoringConfig, Unit, Value, content_version};
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

/// All parsed content files, before validation.
#[derive(Debug, Clone)]
pub struct ContentFiles {
    pub values: SourceFile<Value>,
    pub questions: Vec<SourceFile<Question>>,
    pub units: SourceFile<Unit>,
}

/// How much content a release needs.
#[derive(Debug, Clone, Copy)]
pub struct Requirements {
    pub min_questions_per_value: usize,
    pub min_questions_per_indicator: usize,
}

impl Default for Requirements {
    fn default() -> Self {
        Requirements {
            min_questions_per_value: 10,
            min_questions_per_indicator: 3,
        }
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
    check_units(&mut c, &files.units);
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

/// Builds the downloadable bundle (values in catalogue order) and stamps its version.
pub fn assemble(files: &ContentFiles, scoring: ScoringConfig) -> ContentBundle {
    let order: HashMap<&str, usize> = catalog::VALUE_IDS
        .iter()
        .enumerate()
        .map(|(i, v)| (*v, i))
        .collect();
    let mut values = files.values.items.clone();
    values.sort_by_key(|v| order.get(v.id.as_str()).copied().unwrap_or(usize::MAX));
    let mut questions: Vec<Question> = files
        .questions
        .iter()
        .flat_map(|f| f.items.iter().cloned())
        .collect();
    questions.sort_by(|a, b| a.id.cmp(&b.id));
    let mut bundle = ContentBundle {
        version: String::new(),
        values,
        questions,
        scoring,
    };
    let canonical = serde_json::to_vec(&bundle).unwrap_or_default();
    bundle.version = content_version(&canonical);
    bundle
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
