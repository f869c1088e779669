//! The content validator names the file and the item for each kind of mistake.

use resapi_core::catalog::{VALUE_IDS, indicator_ids};
use resapi_core::content::{
    Indicator, ItemStatus, Question, QuestionKind, QuestionOption, ScoringConfig, Unit, Value,
};
use resapi_core::module::{Action, Mapping, Module, ModuleKind, Story};
use resapi_core::questionnaire::{Component, Item, Questionnaire, Scale, ScalePoint};
use resapi_core::text::Text;
use resapi_core::validate::{
    ContentError, ContentFiles, Requirements, SourceFile, assemble, validate,
};

fn t(s: &str) -> Text {
    Text::new(format!("{s} (id)"), format!("{s} (en)"))
}

fn values() -> Vec<Value> {
    VALUE_IDS
        .iter()
        .map(|v| Value {
            id: (*v).into(),
            name: t(v),
            summary: t("summary"),
            indicators: indicator_ids(v)
                .into_iter()
                .map(|id| Indicator {
                    id,
                    text: t("indicator"),
                })
                .collect(),
        })
        .collect()
}

fn question(value: &str, n: usize) -> Question {
    Question {
        id: format!("{value}-{n:03}"),
        value: value.into(),
        indicator: format!("{value}-{}", n % 3 + 1),
        difficulty: (n % 3 + 1) as u8,
        projector: n.is_multiple_of(2),
        kind: QuestionKind::Situational,
        answer: "c".into(),
        stem: t("stem"),
        explanation: t("why"),
        options: ["a", "b", "c", "d"]
            .iter()
            .map(|o| QuestionOption {
                id: (*o).into(),
                text: t(o),
            })
            .collect(),
        rev: 1,
        status: Default::default(),
        source: None,
        audience: Vec::new(),
        competency: None,
    }
}

fn files() -> ContentFiles {
    ContentFiles {
        values: SourceFile::new("content/values.toml", values()),
        questions: VALUE_IDS
            .iter()
            .map(|v| {
                SourceFile::new(
                    format!("content/questions/{v}.toml"),
                    (0..10).map(|n| question(v, n)).collect(),
                )
            })
            .collect(),
        units: SourceFile::new(
            "content/units.toml",
            vec![
                Unit {
                    id: "bkn".into(),
                    name: "BKN".into(),
                    parent_id: None,
                },
                Unit {
                    id: "biro".into(),
                    name: "Biro".into(),
                    parent_id: Some("bkn".into()),
                },
            ],
        ),
        ..ContentFiles::default()
    }
}

fn errors_of(f: ContentFiles) -> Vec<String> {
    validate(&f, Requirements::default())
        .err()
        .unwrap_or_default()
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn complete_content_passes() {
    assert_eq!(validate(&files(), Requirements::default()), Ok(()));
}

#[test]
fn a_duplicated_id_is_named_with_its_file() {
    let mut f = files();
    let copy = f.questions[1].items[0].clone();
    f.questions[2].items.push(Question {
        value: "kompeten".into(),
        indicator: "kompeten-1".into(),
        ..copy
    });
    assert_eq!(
        errors_of(f),
        vec!["content/questions/kompeten.toml: id `akuntabel-000` is used more than once"]
    );
}

#[test]
fn a_missing_translation_names_the_item_field_and_language() {
    let mut f = files();
    f.questions[0].items[3].explanation.en = " ".into();
    f.questions[0].items[4].options[1].text.id = String::new();
    assert_eq!(
        errors_of(f),
        vec![
            "content/questions/pelayanan.toml: `pelayanan-003` has no English text for `explanation`",
            "content/questions/pelayanan.toml: `pelayanan-004` has no Indonesian text for `option b`",
        ]
    );
}

#[test]
fn options_must_be_four_with_exactly_one_best_that_exists() {
    let mut f = files();
    f.questions[0].items[0].options.pop();
    f.questions[0].items[1].answer = "e".into();
    f.questions[0].items[2].options[1].id = "a".into();
    let errors = errors_of(f);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("`pelayanan-000` has 3 options; it needs exactly 4"))
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("`pelayanan-001` names `e` as best"))
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("`pelayanan-002` has option id `a` more than once"))
    );
}

#[test]
fn unknown_value_and_indicator_tags_are_refused() {
    let mut f = files();
    f.questions[0].items[0].value = "jujur".into();
    f.questions[0].items[1].indicator = "pelayanan-4".into();
    f.questions[0].items[2].indicator = "loyal-1".into();
    let errors = errors_of(f);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("`pelayanan-000` names unknown value `jujur`"))
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("`pelayanan-001` names unknown indicator `pelayanan-4`"))
    );
    assert!(
        errors.iter().any(
            |e| e.contains("`pelayanan-002` is tagged `pelayanan` but its indicator `loyal-1`")
        )
    );
}

#[test]
fn drafts_stay_out_of_the_bundle_and_retired_questions_stay_in_it() {
    let mut f = files();
    f.questions[0].items[0].status = ItemStatus::Draft;
    f.questions[0].items[1].status = ItemStatus::Retired;
    f.questions[0].items[1].rev = 3;
    let (draft, retired) = (
        f.questions[0].items[0].id.clone(),
        f.questions[0].items[1].id.clone(),
    );
    let bundle = assemble(&f, ScoringConfig::default());
    assert!(bundle.question(&draft).is_none());
    let kept = bundle.question(&retired).unwrap();
    assert_eq!((kept.status, kept.rev), (ItemStatus::Retired, 3));
    assert!(!kept.is_drawable());
}

#[test]
fn a_revision_starts_at_one_and_a_source_is_never_blank() {
    let mut f = files();
    f.questions[0].items[0].rev = 0;
    f.questions[0].items[1].source = Some("  ".into());
    let errors = errors_of(f);
    assert!(errors.contains(&"content/questions/pelayanan.toml: `pelayanan-000` has revision 0; revisions start at 1".to_string()), "{errors:?}");
    assert!(
        errors
            .iter()
            .any(|e| e.contains("`pelayanan-001` has an empty `source`"))
    );
}

#[test]
fn too_few_questions_per_value_or_indicator_are_reported() {
    let mut f = files();
    f.questions[5].items.truncate(9);
    assert!(
        errors_of(f).contains(&"value `adaptif` has 9 questions; it needs at least 10".to_string())
    );
    let strict = Requirements {
        min_questions_per_indicator: 4,
        ..Requirements::default()
    };
    let errors = validate(&files(), strict).unwrap_err();
    assert!(errors.contains(&ContentError::TooFewQuestions {
        scope: "indicator `pelayanan-2`".into(),
        have: 3,
        need: 4
    }));
}

#[test]
fn values_must_be_the_seven_with_their_three_indicators() {
    let mut f = files();
    f.values.items.remove(6);
    f.values.items[0].indicators.pop();
    let errors = errors_of(f);
    assert!(errors.contains(&"content/values.toml: value `kolaboratif` is missing".to_string()));
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("content/values.toml: value `pelayanan` must list indicators"))
    );
}

#[test]
fn a_unit_with_an_unknown_parent_is_refused() {
    let mut f = files();
    f.units.items[1].parent_id = Some("dinas".into());
    assert_eq!(
        errors_of(f),
        vec!["content/units.toml: unit `biro` has parent `dinas`, which does not exist"]
    );
}

fn scale() -> Scale {
    Scale {
        id: "agreement".into(),
        points: (1..=5)
            .map(|value| ScalePoint {
                value,
                label: t("label"),
            })
            .collect(),
    }
}

/// The commitment questionnaire: `per_component` items each, the first `reverse` reverse-keyed.
fn komitmen(per_component: usize, reverse: usize) -> Questionnaire {
    let comps = ["afektif", "kontinuan", "normatif"];
    Questionnaire {
        id: "komitmen".into(),
        scale: "agreement".into(),
        minutes: 5,
        title: t("title"),
        purpose: t("purpose"),
        components: comps
            .iter()
            .map(|c| Component {
                id: (*c).into(),
                name: t(c),
                description: t("d"),
                low: t("low"),
                high: t("high"),
            })
            .collect(),
        items: comps
            .iter()
            .flat_map(|c| {
                (0..per_component).map(move |n| Item {
                    id: format!("komitmen-{c}-{n}"),
                    component: (*c).into(),
                    reverse: n < reverse,
                    indicator: None,
                    text: t("item"),
                    since: None,
                    until: None,
                })
            })
            .collect(),
        form: 1,
        retired: Vec::new(),
    }
}

fn module(id: &str, value: &str) -> Module {
    Module {
        id: id.into(),
        kind: ModuleKind::Value,
        value: Some(value.into()),
        component: None,
        minutes: 5,
        title: t("title"),
        intro: t("intro"),
        reflection: t("reflection"),
        indicators: indicator_ids(value)
            .into_iter()
            .map(|indicator| resapi_core::module::IndicatorExample {
                indicator,
                looks_like: t("yes"),
                not_like: t("no"),
            })
            .collect(),
        story: Story {
            title: t("story"),
            body: t("body"),
        },
        actions: (1..=3)
            .map(|n| Action {
                id: format!("{id}-aksi-{n}"),
                text: t("act"),
            })
            .collect(),
    }
}

fn with_questionnaire(q: Questionnaire) -> ContentFiles {
    ContentFiles {
        scales: SourceFile::new("content/scales.toml", vec![scale()]),
        questionnaires: vec![SourceFile::new(
            "content/questionnaires/komitmen.toml",
            vec![q],
        )],
        mappings: SourceFile::new("content/mappings.toml", vec![]),
        ..files()
    }
}

#[test]
fn a_commitment_component_needs_six_items_and_two_reverse_keyed() {
    assert_eq!(
        errors_of(with_questionnaire(komitmen(6, 2))),
        Vec::<String>::new()
    );
    let errors = errors_of(with_questionnaire(komitmen(5, 1)));
    assert!(errors.contains(
        &"content/questionnaires/komitmen.toml: component `normatif` has 5 items; it needs at least 6"
            .to_string()
    ));
    assert!(errors.contains(
        &"content/questionnaires/komitmen.toml: component `afektif` has 1 reverse-keyed items; it needs at least 2"
            .to_string()
    ));
}

#[test]
fn an_item_of_an_unknown_component_or_scale_is_named() {
    let mut q = komitmen(6, 2);
    q.items[0].component = "loyalitas".into();
    q.scale = "likert7".into();
    let errors = errors_of(with_questionnaire(q));
    assert!(
        errors
            .iter()
            .any(|e| e.contains("item `komitmen-afektif-0` belongs to component `loyalitas`"))
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("uses scale `likert7`, which does not exist"))
    );
}

#[test]
fn modules_and_mappings_must_point_at_things_that_exist() {
    let mut f = with_questionnaire(komitmen(6, 2));
    let mut broken = module("modul-jujur", "jujur");
    broken.indicators.clear();
    f.modules = vec![
        SourceFile::new(
            "content/modules/modul-loyal.toml",
            vec![module("modul-loyal", "loyal")],
        ),
        SourceFile::new("content/modules/modul-jujur.toml", vec![broken]),
    ];
    f.mappings = SourceFile::new(
        "content/mappings.toml",
        vec![
            Mapping {
                target: "komitmen:normatif".into(),
                modules: vec!["modul-loyal".into()],
            },
            Mapping {
                target: "komitmen:afektif".into(),
                modules: vec!["modul-afektif".into()],
            },
            Mapping {
                target: "smart-asn:integritas".into(),
                modules: vec!["modul-loyal".into()],
            },
        ],
    );
    assert_eq!(
        errors_of(f),
        vec![
            "content/modules/modul-jujur.toml: module `modul-jujur` names unknown value `jujur`",
            "content/mappings.toml: mapping `komitmen:afektif` names module `modul-afektif`, which does not exist",
            "content/mappings.toml: mapping `smart-asn:integritas` points at no questionnaire component",
        ]
    );
}

#[test]
fn a_release_needs_every_questionnaire_module_and_mapping() {
    let errors: Vec<String> =
        validate(&with_questionnaire(komitmen(6, 2)), Requirements::release())
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect();
    assert!(errors.contains(
        &"content/questionnaires/smart-asn.toml: questionnaire `smart-asn` is missing".to_string()
    ));
    assert!(errors.contains(&"content/modules: no module for value `adaptif`".to_string()));
    assert!(
        errors.contains(
            &"content/modules: no module for commitment component `normatif`".to_string()
        )
    );
    assert!(
        errors.contains(&"content/mappings.toml: no mapping for `komitmen:normatif`".to_string())
    );
    assert!(errors.contains(&"value `loyal` has 10 questions; it needs at least 30".to_string()));
}
