//! The structure each questionnaire must keep (content checks, as errors): commitment has
//! six items per component with exactly two reverse-keyed, SMART ASN a reverse-keyed item
//! in every indicator, the BerAKHLAK index two items for each of the 21 indicators; and
//! items retired from an earlier form are well formed. Each broken file fails with an
//! error that names the file, the part and the count.

use resapi_core::catalog::{VALUE_IDS, indicator_ids};
use resapi_core::questionnaire::{
    COMMITMENT_COMPONENTS, Component, Item, Questionnaire, SMART_ASN_INDICATORS, Scale, ScalePoint,
};
use resapi_core::text::Text;
use resapi_core::validate::{ContentFiles, Requirements, SourceFile, validate};

fn t(s: &str) -> Text {
    Text::new(format!("{s} (id)"), format!("{s} (en)"))
}

fn item(id: &str, component: &str, reverse: bool, indicator: Option<String>) -> Item {
    Item {
        id: id.into(),
        component: component.into(),
        reverse,
        indicator,
        text: t(id),
        since: None,
        until: None,
    }
}

fn questionnaire(id: &str, components: &[&str], items: Vec<Item>) -> Questionnaire {
    Questionnaire {
        id: id.into(),
        scale: "agreement".into(),
        minutes: 5,
        title: t(id),
        purpose: t("purpose"),
        components: components
            .iter()
            .map(|c| Component {
                id: (*c).into(),
                name: t(c),
                description: t("d"),
                low: t("low"),
                high: t("high"),
            })
            .collect(),
        items,
        form: 1,
        retired: Vec::new(),
    }
}

/// `per` items in each component, the first `reverse` of them reverse-keyed.
fn likert(id: &str, components: &[&str], per: usize, reverse: usize) -> Questionnaire {
    let items = components
        .iter()
        .flat_map(|c| (0..per).map(move |n| item(&format!("{id}-{c}-{n}"), c, n < reverse, None)))
        .collect();
    questionnaire(id, components, items)
}

/// The index with `per` items for every indicator.
fn index(per: usize) -> Questionnaire {
    let items = VALUE_IDS
        .iter()
        .flat_map(|v| {
            indicator_ids(v).into_iter().flat_map(move |ind| {
                (0..per)
                    .map(move |n| item(&format!("indeks-{ind}-{n}"), v, false, Some(ind.clone())))
            })
        })
        .collect();
    let mut q = questionnaire("indeks-berakhlak", &VALUE_IDS, items);
    q.scale = "frequency".into();
    q
}

fn scale(id: &str) -> Scale {
    Scale {
        id: id.into(),
        points: (1..=5)
            .map(|value| ScalePoint {
                value,
                label: t("point"),
            })
            .collect(),
    }
}

/// The errors the validator gives about one questionnaire file.
fn errors(q: Questionnaire) -> Vec<String> {
    let path = format!("content/questionnaires/{}.toml", q.id);
    let files = ContentFiles {
        scales: SourceFile::new(
            "content/scales.toml",
            vec![scale("agreement"), scale("frequency")],
        ),
        questionnaires: vec![SourceFile::new(path.clone(), vec![q])],
        ..ContentFiles::default()
    };
    match validate(&files, Requirements::default()) {
        Ok(()) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(ToString::to_string)
            .filter(|e| e.starts_with(&path))
            .collect(),
    }
}

#[test]
fn commitment_needs_exactly_six_items_and_two_reverse_keyed_per_component() {
    assert_eq!(
        errors(likert("komitmen", &COMMITMENT_COMPONENTS, 6, 2)),
        Vec::<String>::new()
    );
    let seven = errors(likert("komitmen", &COMMITMENT_COMPONENTS, 7, 2));
    assert!(seven.contains(
        &"content/questionnaires/komitmen.toml: component `kontinuan` has 7 items; it needs at most 6"
            .to_string()
    ), "{seven:?}");
    let three = errors(likert("komitmen", &COMMITMENT_COMPONENTS, 6, 3));
    assert!(three.contains(
        &"content/questionnaires/komitmen.toml: component `normatif` has 3 reverse-keyed items; it needs at most 2"
            .to_string()
    ), "{three:?}");
}

#[test]
fn every_smart_asn_indicator_needs_a_reverse_keyed_item() {
    assert_eq!(
        errors(likert("smart-asn", &SMART_ASN_INDICATORS, 4, 1)),
        Vec::<String>::new()
    );
    let mut q = likert("smart-asn", &SMART_ASN_INDICATORS, 4, 1);
    for i in q
        .items
        .iter_mut()
        .filter(|i| i.component == "ti-bahasa-asing")
    {
        i.reverse = false;
    }
    assert_eq!(
        errors(q),
        [
            "content/questionnaires/smart-asn.toml: component `ti-bahasa-asing` has 0 reverse-keyed items; it needs at least 1"
        ]
    );
    // More items than three, or more reverse keys than one, are fine here.
    assert_eq!(
        errors(likert("smart-asn", &SMART_ASN_INDICATORS, 5, 2)),
        Vec::<String>::new()
    );
}

#[test]
fn the_index_needs_exactly_two_items_for_each_of_the_21_indicators() {
    assert_eq!(errors(index(2)), Vec::<String>::new());
    let one = errors(index(1));
    assert_eq!(one.len(), 21, "{one:?}");
    assert!(one.contains(
        &"content/questionnaires/indeks-berakhlak.toml: indicator `adaptif-3` has 1 index items; it needs exactly 2"
            .to_string()
    ));
    let mut q = index(2);
    q.items
        .retain(|i| i.indicator.as_deref() != Some("loyal-2"));
    assert_eq!(
        errors(q),
        [
            "content/questionnaires/indeks-berakhlak.toml: indicator `loyal-2` has 0 index items; it needs exactly 2"
        ]
    );
    assert_eq!(errors(index(3)).len(), 21);
}

#[test]
fn a_retired_item_names_its_last_form_before_the_current_one() {
    let mut q = likert("komitmen", &COMMITMENT_COMPONENTS, 6, 2);
    q.form = 2;
    let mut old = item("komitmen-old-1", "afektif", false, None);
    old.until = Some(1);
    q.retired.push(old.clone());
    assert_eq!(errors(q.clone()), Vec::<String>::new());

    let mut no_until = q.clone();
    no_until.retired[0].until = None;
    let mut current = q.clone();
    current.retired[0].until = Some(2);
    for broken in [no_until, current] {
        assert_eq!(
            errors(broken),
            [
                "content/questionnaires/komitmen.toml: item `komitmen-old-1` is retired: it needs `until`, its last form, at least `since` and before the current form 2"
            ]
        );
    }

    // A retired id is still an id: a current item may not reuse it.
    let mut reused = q.clone();
    reused.retired[0].id = "komitmen-afektif-0".into();
    assert_eq!(
        errors(reused),
        ["content/questionnaires/komitmen.toml: id `komitmen-afektif-0` is used more than once"]
    );

    // A current item cannot come from a form that does not exist yet.
    let mut ahead = q;
    ahead.items[0].since = Some(3);
    assert_eq!(
        errors(ahead),
        [
            "content/questionnaires/komitmen.toml: item `komitmen-afektif-0` has `since = 3`; forms run from 1 to 2"
        ]
    );
}
