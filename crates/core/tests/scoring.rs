//! Questionnaire scoring, hand-worked: the numbers asserted are the ones a user would see.
//! The questionnaires are built here in code; loading the real content files is tested
//! elsewhere.

use resapi_core::catalog::{VALUE_IDS, indicator_ids};
use resapi_core::content::{Band, ScoringConfig};
use resapi_core::module::Mapping;
use resapi_core::questionnaire::{
    COMMITMENT_COMPONENTS, Component, INDEKS_BERAKHLAK, Item, KOMITMEN, Questionnaire, SMART_ASN,
    SMART_ASN_INDICATORS,
};
use resapi_core::scoring::{
    Answers, ComponentScore, IndexScore, ItemMeans, ScoringError, band_for, index_from_answers,
    index_from_item_means, item_percent, modules_for, score_components,
    score_components_from_item_means, shown_percent, target, weakest,
};
use resapi_core::text::Text;

// ---------------------------------------------------------------- helpers

fn t(s: &str) -> Text {
    Text::new(format!("{s} (id)"), format!("{s} (en)"))
}

fn component(id: &str) -> Component {
    Component {
        id: id.into(),
        name: t(id),
        description: t("description"),
        low: t("low"),
        high: t("high"),
    }
}

fn item(id: &str, component: &str, reverse: bool, indicator: Option<&str>) -> Item {
    Item {
        id: id.into(),
        component: component.into(),
        reverse,
        indicator: indicator.map(Into::into),
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
        components: components.iter().map(|c| component(c)).collect(),
        items,
        form: 1,
        retired: Vec::new(),
    }
}

/// Like the real scale: 6 items per component (`afektif-1` … `afektif-6`), the last two
/// reverse-keyed.
fn komitmen() -> Questionnaire {
    let items = COMMITMENT_COMPONENTS
        .iter()
        .flat_map(|c| (1..=6).map(move |n| item(&format!("{c}-{n}"), c, n >= 5, None)))
        .collect();
    questionnaire(KOMITMEN, &COMMITMENT_COMPONENTS, items)
}

/// 8 indicators × 3 items (`integritas-1` … `integritas-3`), none reversed.
fn smart_asn() -> Questionnaire {
    let items = SMART_ASN_INDICATORS
        .iter()
        .flat_map(|c| (1..=3).map(move |n| item(&format!("{c}-{n}"), c, false, None)))
        .collect();
    questionnaire(SMART_ASN, &SMART_ASN_INDICATORS, items)
}

/// The seven values, one item per indicator: item `indeks-adaptif-2` asks about indicator
/// `adaptif-2`.
fn indeks() -> Questionnaire {
    let items = VALUE_IDS
        .iter()
        .flat_map(|v| {
            indicator_ids(v)
                .into_iter()
                .map(move |ind| item(&format!("indeks-{ind}"), v, false, Some(&ind)))
        })
        .collect();
    questionnaire(INDEKS_BERAKHLAK, &VALUE_IDS, items)
}

/// `answers(&[("afektif", &[5, 4, 0, …])])`: answers per item in order; 0 = skipped.
fn answers(per_component: &[(&str, &[u8])]) -> Answers {
    let mut out = Answers::new();
    for (c, xs) in per_component {
        for (n, &x) in xs.iter().enumerate() {
            if x != 0 {
                out.insert(format!("{c}-{}", n + 1), x);
            }
        }
    }
    out
}

/// Index answers per value, indicators 1..3 in order; 0 = skipped.
fn index_answers(per_value: &[(&str, [u8; 3])]) -> Answers {
    let mut out = Answers::new();
    for (v, xs) in per_value {
        for (n, &x) in xs.iter().enumerate() {
            if x != 0 {
                out.insert(format!("indeks-{v}-{}", n + 1), x);
            }
        }
    }
    out
}

fn score<'a>(scores: &'a [ComponentScore], component: &str) -> &'a ComponentScore {
    scores.iter().find(|s| s.component == component).unwrap()
}

fn value_percent(index: &IndexScore, value: &str) -> Option<f64> {
    index
        .values
        .iter()
        .find(|v| v.value == value)
        .unwrap()
        .percent
}

fn value_grade(index: &IndexScore, value: &str) -> Option<(String, String)> {
    let v = index.values.iter().find(|v| v.value == value).unwrap();
    v.band
        .as_ref()
        .map(|b| (b.grade.clone(), b.label.id.clone()))
}

fn close(actual: Option<f64>, expected: f64) {
    let actual = actual.expect("a score, not `not enough answers`");
    assert!(
        (actual - expected).abs() < 1e-9,
        "expected {expected}, got {actual}"
    );
}

/// One decimal, as the seeds print percentages.
fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

// ---------------------------------------------------------------- commitment

#[test]
fn an_all_five_sheet_counts_reverse_items_as_one() {
    // Per component: 5, 5, 5, 5 and two reversed 5s → 1, 1. Mean 22 / 6.
    let all_five = answers(&[
        ("afektif", &[5; 6]),
        ("kontinuan", &[5; 6]),
        ("normatif", &[5; 6]),
    ]);
    let scores = score_components(&komitmen(), &all_five).unwrap();
    assert_eq!(scores.len(), 3);
    for s in &scores {
        assert_eq!((s.items, s.answered), (6, 6));
        close(s.mean, 22.0 / 6.0); // 3.67 on the 1–5 scale
        close(s.percent, 2.0 / 3.0 * 100.0); // 66.7 %
    }
}

#[test]
fn commitment_components_are_means_on_the_five_point_scale() {
    let sheet = answers(&[
        // 5 4 4 3 | reversed 2 2 → 4 4: (5+4+4+3+4+4) / 6 = 4.00 → 75 %
        ("afektif", &[5, 4, 4, 3, 2, 2]),
        // 4 3 4 3 | reversed 4 3 → 2 3: 19 / 6 = 3.17 → 54.2 %
        ("kontinuan", &[4, 3, 4, 3, 4, 3]),
        // 3 3 2 skip | reversed 4 → 2, skip: 10 / 4 = 2.50 → 37.5 %
        ("normatif", &[3, 3, 2, 0, 4, 0]),
    ]);
    let scores = score_components(&komitmen(), &sheet).unwrap();
    let names: Vec<&str> = scores.iter().map(|s| s.component.as_str()).collect();
    assert_eq!(names, COMMITMENT_COMPONENTS);

    close(score(&scores, "afektif").mean, 4.0);
    close(score(&scores, "afektif").percent, 75.0);
    close(score(&scores, "kontinuan").mean, 19.0 / 6.0);
    assert_eq!(round1(score(&scores, "kontinuan").percent.unwrap()), 54.2);
    let normatif = score(&scores, "normatif");
    assert_eq!((normatif.items, normatif.answered), (6, 4));
    close(normatif.mean, 2.5);
    close(normatif.percent, 37.5);

    // The seed's finding: normative commitment is the weak one, and it points to reading.
    assert_eq!(weakest(&scores).unwrap().component, "normatif");
}

#[test]
fn skipped_items_are_left_out_not_counted_as_zero() {
    // 4 4 4 4 answered, the two reversed items skipped: mean 4, not 16 / 6.
    let sheet = answers(&[("afektif", &[4, 4, 4, 4, 0, 0])]);
    let scores = score_components(&komitmen(), &sheet).unwrap();
    let afektif = score(&scores, "afektif");
    assert_eq!(afektif.answered, 4);
    close(afektif.mean, 4.0);
    // Nothing answered: "not enough answers", never 0.
    let kontinuan = score(&scores, "kontinuan");
    assert_eq!((kontinuan.answered, kontinuan.mean), (0, None));
    assert_eq!(kontinuan.percent, None);
}

#[test]
fn two_thirds_rule_at_its_boundary() {
    // 4 of 6 is scored, 3 of 6 is not.
    let sheet = answers(&[
        ("afektif", &[5, 4, 0, 0, 1, 2]),
        ("kontinuan", &[5, 4, 0, 0, 1, 0]),
    ]);
    let scores = score_components(&komitmen(), &sheet).unwrap();
    // 5 4 | reversed 1 2 → 5 4: 18 / 4 = 4.5
    close(score(&scores, "afektif").mean, 4.5);
    let kontinuan = score(&scores, "kontinuan");
    assert_eq!((kontinuan.answered, kontinuan.mean), (3, None));

    // 2 of 3 is scored, 1 of 3 is not.
    let sheet = answers(&[("integritas", &[5, 0, 4]), ("nasionalisme", &[5, 0, 0])]);
    let scores = score_components(&smart_asn(), &sheet).unwrap();
    close(score(&scores, "integritas").percent, 87.5);
    let nasionalisme = score(&scores, "nasionalisme");
    assert_eq!((nasionalisme.answered, nasionalisme.percent), (1, None));
}

// ---------------------------------------------------------------- bad input

#[test]
fn an_answer_outside_one_to_five_is_an_error() {
    for bad in [0u8, 6, 255] {
        let mut sheet = answers(&[("afektif", &[4, 4, 4, 4])]);
        sheet.insert("afektif-5".into(), bad);
        let err = score_components(&komitmen(), &sheet).unwrap_err();
        assert_eq!(
            err,
            ScoringError::AnswerOutOfRange {
                item: "afektif-5".into(),
                answer: bad
            }
        );
        assert_eq!(err.code(), "scoring_answer_range");
        let mut sheet = index_answers(&[("adaptif", [3, 3, 3])]);
        sheet.insert("indeks-adaptif-1".into(), bad);
        let err = index_from_answers(&indeks(), &sheet, &ScoringConfig::default()).unwrap_err();
        assert_eq!(err.code(), "scoring_answer_range");
    }
}

#[test]
fn an_unknown_item_is_an_error() {
    let mut sheet = answers(&[("afektif", &[4, 4, 4, 4])]);
    sheet.insert("afektif-7".into(), 3);
    let err = score_components(&komitmen(), &sheet).unwrap_err();
    assert_eq!(
        err,
        ScoringError::UnknownItem {
            questionnaire: KOMITMEN.into(),
            item: "afektif-7".into()
        }
    );
    // A commitment item sent to the index is unknown there.
    let err = index_from_answers(&indeks(), &sheet, &ScoringConfig::default()).unwrap_err();
    assert_eq!(err.code(), "scoring_unknown_item");
    let means = ItemMeans::from([("indeks-jujur-1".to_string(), 3.0)]);
    let err = index_from_item_means(&indeks(), &means, &ScoringConfig::default()).unwrap_err();
    assert_eq!(err.code(), "scoring_unknown_item");
}

#[test]
fn an_item_of_a_missing_component_is_an_error() {
    let mut q = komitmen();
    q.items.push(item("loyalitas-1", "loyalitas", false, None));
    // Even when that item is not answered: it would silently drop out of every score.
    let err = score_components(&q, &answers(&[("afektif", &[4; 6])])).unwrap_err();
    assert_eq!(
        err,
        ScoringError::UnknownComponent {
            questionnaire: KOMITMEN.into(),
            item: "loyalitas-1".into(),
            component: "loyalitas".into()
        }
    );
    assert!(err.to_string().contains("loyalitas"));
}

#[test]
fn an_index_item_without_indicator_is_an_error() {
    let mut q = indeks();
    q.items[0].indicator = None;
    let err = index_from_answers(&q, &Answers::new(), &ScoringConfig::default()).unwrap_err();
    assert_eq!(
        err,
        ScoringError::MissingIndicator {
            item: "indeks-pelayanan-1".into()
        }
    );
}

#[test]
fn an_item_mean_outside_one_to_five_is_an_error() {
    for bad in [0.99, 5.01, f64::NAN, f64::INFINITY] {
        let means = ItemMeans::from([("indeks-adaptif-1".to_string(), bad)]);
        let err = index_from_item_means(&indeks(), &means, &ScoringConfig::default()).unwrap_err();
        assert_eq!(err.code(), "scoring_mean_range", "{bad}");
    }
}

// ---------------------------------------------------------------- SMART ASN

#[test]
fn smart_asn_is_a_percentage_per_indicator() {
    let sheet = answers(&[
        ("integritas", &[5, 5, 4]),       // 14/3 = 4.67 → 91.7 %
        ("nasionalisme", &[5, 4, 4]),     // 13/3 = 4.33 → 83.3 %
        ("profesionalisme", &[4, 4, 4]),  // 4 → 75 %
        ("wawasan-global", &[4, 3, 0]),   // 3.5 → 62.5 %
        ("ti-bahasa-asing", &[3, 3, 2]),  // 8/3 = 2.67 → 41.7 %
        ("hospitality", &[5, 5, 5]),      // 5 → 100 %
        ("networking", &[4, 0, 0]),       // 1 of 3: not enough answers
        ("entrepreneurship", &[1, 2, 3]), // 2 → 25 %
    ]);
    let scores = score_components(&smart_asn(), &sheet).unwrap();
    let names: Vec<&str> = scores.iter().map(|s| s.component.as_str()).collect();
    assert_eq!(names, SMART_ASN_INDICATORS);
    let shown: Vec<Option<f64>> = scores.iter().map(|s| s.percent.map(round1)).collect();
    assert_eq!(
        shown,
        [
            Some(91.7),
            Some(83.3),
            Some(75.0),
            Some(62.5),
            Some(41.7),
            Some(100.0),
            None,
            Some(25.0)
        ]
    );
    close(score(&scores, "integritas").percent, 275.0 / 3.0);
    assert_eq!(weakest(&scores).unwrap().component, "entrepreneurship");
}

// ---------------------------------------------------------------- BerAKHLAK index

/// Item means that give each value exactly `percent`: every indicator at 1 + 4·p/100.
fn means_for(percents: [f64; 7]) -> ItemMeans {
    let mut means = ItemMeans::new();
    for (v, p) in VALUE_IDS.iter().zip(percents) {
        for ind in indicator_ids(v) {
            means.insert(format!("indeks-{ind}"), 1.0 + 4.0 * p / 100.0);
        }
    }
    means
}

fn assert_seed(percents: [f64; 7], overall: f64) -> IndexScore {
    let index =
        index_from_item_means(&indeks(), &means_for(percents), &ScoringConfig::default()).unwrap();
    for (v, p) in VALUE_IDS.iter().zip(percents) {
        close(value_percent(&index, v), p);
        assert_eq!(round1(value_percent(&index, v).unwrap()), p, "{v}");
        let grade = value_grade(&index, v).unwrap();
        if *v == "adaptif" {
            assert_eq!(grade, ("C".into(), "Tidak Sehat".into()), "{v}");
        } else {
            assert_eq!(grade, ("B".into(), "Cukup Sehat".into()), "{v}");
        }
    }
    close(index.overall, percents.iter().sum::<f64>() / 7.0);
    assert_eq!(round1(index.overall.unwrap()), overall);
    let band = index.overall_band.as_ref().unwrap();
    assert_eq!(
        (band.grade.as_str(), band.label.id.as_str()),
        ("B", "Cukup Sehat")
    );
    // Both seeds: the value to strengthen first is Adaptif.
    assert_eq!(index.weakest().unwrap().value, "adaptif");
    index
}

#[test]
fn seed_000_kemendikbudristek_2022_is_reproduced() {
    // Pelayanan, Akuntabel, Kompeten, Harmonis, Loyal, Adaptif, Kolaboratif → 58,5 %.
    assert_seed([59.6, 64.1, 58.3, 53.7, 62.7, 43.5, 67.7], 58.5);
}

#[test]
fn seed_002_bkn_2022_is_reproduced() {
    let index = assert_seed([57.9, 74.1, 56.7, 63.8, 65.8, 38.9, 69.4], 60.9);
    // Akuntabel at 74.1 % is just under A.
    assert_eq!(value_grade(&index, "akuntabel").unwrap().0, "B");
    close(value_percent(&index, "adaptif"), 38.9);
}

#[test]
fn one_persons_answers_give_the_index() {
    let sheet = index_answers(&[
        ("pelayanan", [4, 3, 4]),   // 75, 50, 75 → 66.7 % B
        ("akuntabel", [5, 5, 4]),   // 100, 100, 75 → 91.7 % A
        ("kompeten", [3, 3, 3]),    // 50 % B
        ("harmonis", [4, 4, 0]),    // 75, 75, – → 75.0 % A (2 of 3 indicators)
        ("loyal", [5, 0, 0]),       // 1 of 3 indicators: not enough answers
        ("adaptif", [2, 3, 2]),     // 25, 50, 25 → 33.3 % C
        ("kolaboratif", [4, 4, 3]), // 75, 75, 50 → 66.7 % B
    ]);
    let index = index_from_answers(&indeks(), &sheet, &ScoringConfig::default()).unwrap();
    let shown: Vec<(Option<f64>, Option<String>)> = index
        .values
        .iter()
        .map(|v| {
            (
                v.percent.map(round1),
                v.band.as_ref().map(|b| b.grade.clone()),
            )
        })
        .collect();
    let g = |s: &str| Some(s.to_string());
    assert_eq!(
        shown,
        [
            (Some(66.7), g("B")),
            (Some(91.7), g("A")),
            (Some(50.0), g("B")),
            (Some(75.0), g("A")),
            (None, None),
            (Some(33.3), g("C")),
            (Some(66.7), g("B")),
        ]
    );
    let pelayanan = &index.values[0];
    let indicators: Vec<(&str, Option<f64>)> = pelayanan
        .indicators
        .iter()
        .map(|i| (i.indicator.as_str(), i.percent))
        .collect();
    assert_eq!(
        indicators,
        [
            ("pelayanan-1", Some(75.0)),
            ("pelayanan-2", Some(50.0)),
            ("pelayanan-3", Some(75.0))
        ]
    );
    // Six of seven values scored (≥ 5): overall = 383.33 / 6 = 575 / 9 = 63.9 % B.
    close(index.overall, 575.0 / 9.0);
    assert_eq!(round1(index.overall.unwrap()), 63.9);
    assert_eq!(index.overall_band.as_ref().unwrap().grade, "B");
    assert_eq!(index.weakest().unwrap().value, "adaptif");

    // The same numbers as item means give the same result (one formula for both).
    let means: ItemMeans = sheet
        .iter()
        .map(|(k, v)| (k.clone(), f64::from(*v)))
        .collect();
    let from_means = index_from_item_means(&indeks(), &means, &ScoringConfig::default()).unwrap();
    assert_eq!(from_means, index);
}

#[test]
fn the_overall_index_needs_five_of_the_seven_values() {
    let five = index_answers(&[
        ("pelayanan", [4, 4, 4]),
        ("akuntabel", [4, 4, 4]),
        ("kompeten", [4, 4, 4]),
        ("harmonis", [4, 4, 4]),
        ("loyal", [2, 2, 2]),
    ]);
    let index = index_from_answers(&indeks(), &five, &ScoringConfig::default()).unwrap();
    // (75 · 4 + 25) / 5 = 65 %.
    close(index.overall, 65.0);

    let four = index_answers(&[
        ("pelayanan", [4, 4, 4]),
        ("akuntabel", [4, 4, 4]),
        ("kompeten", [4, 4, 4]),
        ("harmonis", [4, 4, 4]),
        ("loyal", [2, 0, 0]),
    ]);
    let index = index_from_answers(&indeks(), &four, &ScoringConfig::default()).unwrap();
    assert_eq!((index.overall, &index.overall_band), (None, &None));
    close(value_percent(&index, "harmonis"), 75.0);
}

#[test]
fn a_units_item_means_give_its_index() {
    // Three respondents answer Adaptif's indicators (2, 3, 4), (3, 3, 3) and (2, 2, 5).
    // Item means 7/3, 8/3, 4 → 33.3, 41.7, 75 % → value 150 / 3 = 50 % B.
    let means = ItemMeans::from([
        ("indeks-adaptif-1".to_string(), 7.0 / 3.0),
        ("indeks-adaptif-2".to_string(), 8.0 / 3.0),
        ("indeks-adaptif-3".to_string(), 4.0),
    ]);
    let index = index_from_item_means(&indeks(), &means, &ScoringConfig::default()).unwrap();
    close(value_percent(&index, "adaptif"), 50.0);
    assert_eq!(value_grade(&index, "adaptif").unwrap().0, "B");
    assert_eq!(index.overall, None);
}

#[test]
fn reverse_keyed_item_means_are_reversed() {
    let q = komitmen();
    // Mean 1.5 on a reverse item scores as 4.5; 4 items at 4.5 and 2 reverse at 1.5.
    let means: ItemMeans = (1..=6)
        .map(|n| (format!("afektif-{n}"), if n >= 5 { 1.5 } else { 4.5 }))
        .collect();
    let scores = score_components_from_item_means(&q, &means).unwrap();
    close(score(&scores, "afektif").mean, 4.5);
    close(score(&scores, "afektif").percent, 87.5);
}

// ---------------------------------------------------------------- bands

#[test]
fn default_bands_at_their_boundaries() {
    let config = ScoringConfig::default();
    let grade = |p: f64| band_for(p, &config).map(|b| b.grade.as_str());
    assert_eq!(grade(100.0), Some("A"));
    assert_eq!(grade(75.0), Some("A"));
    assert_eq!(grade(74.94), Some("B"));
    assert_eq!(grade(50.0), Some("B"));
    assert_eq!(grade(49.94), Some("C"));
    assert_eq!(grade(0.0), Some("C"));
    assert_eq!(grade(f64::NAN), None);
    assert_eq!(
        band_for(75.0, &config).unwrap().label,
        Text::new("Sehat", "Healthy")
    );
}

#[test]
fn a_band_is_decided_on_the_value_shown_with_one_decimal() {
    let config = ScoringConfig::default();
    let grade = |p: f64| band_for(p, &config).map(|b| b.grade.as_str());
    // Shown as "75,0 %" and "50,0 %": the band the reader expects from the number.
    assert_eq!(format!("{:.1}", 74.96), "75.0");
    assert_eq!(grade(74.96), Some("A"));
    assert_eq!(grade(74.99), Some("A"));
    assert_eq!(grade(49.95001), Some("B"));
    // Shown as "74,9 %": still B.
    assert_eq!(grade(74.94), Some("B"));
    assert_eq!(shown_percent(74.96), 75.0);
    assert_eq!(shown_percent(74.94), 74.9);

    // Through the index: a value whose every item mean gives 74,96 % is band A, and the
    // overall (the mean of seven such values) too.
    let index = index_from_item_means(&indeks(), &means_for([74.96; 7]), &config).unwrap();
    assert_eq!(value_grade(&index, "adaptif").unwrap().0, "A");
    let percent = value_percent(&index, "adaptif").unwrap();
    assert!(
        percent < 75.0,
        "the stored value stays unrounded: {percent}"
    );
    assert_eq!(index.overall_band.as_ref().unwrap().grade, "A");
}

fn band(grade: &str, label: &str, min_percent: f64) -> Band {
    Band {
        grade: grade.into(),
        label: t(label),
        min_percent,
    }
}

#[test]
fn a_custom_scoring_config_sets_the_bands() {
    let config = ScoringConfig {
        index_bands: vec![
            band("A", "Sangat Sehat", 80.0),
            band("B", "Sehat", 60.0),
            band("C", "Kurang Sehat", 40.0),
            band("D", "Tidak Sehat", 10.0),
        ],
    };
    let grade = |p: f64| band_for(p, &config).map(|b| b.grade.as_str());
    assert_eq!(grade(80.0), Some("A"));
    assert_eq!(grade(79.9), Some("B"));
    assert_eq!(grade(40.0), Some("C"));
    assert_eq!(grade(10.0), Some("D"));
    // Below every band: no band rather than a wrong one.
    assert_eq!(grade(9.9), None);

    // Seed 000 under these bands: overall 58.5 → C, Kolaboratif 67.7 → B, Adaptif 43.5 → C.
    let index = index_from_item_means(
        &indeks(),
        &means_for([59.6, 64.1, 58.3, 53.7, 62.7, 43.5, 67.7]),
        &config,
    )
    .unwrap();
    assert_eq!(index.overall_band.as_ref().unwrap().grade, "C");
    assert_eq!(value_grade(&index, "kolaboratif").unwrap().0, "B");
    assert_eq!(value_grade(&index, "adaptif").unwrap().0, "C");

    // A list not ordered highest first still bands correctly.
    let mut shuffled = ScoringConfig::default();
    shuffled.index_bands.reverse();
    let grade = |p: f64| band_for(p, &shuffled).map(|b| b.grade.as_str());
    assert_eq!(
        (grade(80.0), grade(60.0), grade(10.0)),
        (Some("A"), Some("B"), Some("C"))
    );
}

// ---------------------------------------------------------------- weakest and modules

#[test]
fn weakest_ignores_unscored_and_keeps_the_first_of_a_tie() {
    let sheet = answers(&[
        ("afektif", &[3, 3, 3, 3, 3, 3]),   // 3.0
        ("kontinuan", &[1, 1, 0, 0, 0, 0]), // 2 of 6: not scored
        ("normatif", &[3, 3, 3, 3, 3, 3]),  // 3.0, tie with afektif
    ]);
    let scores = score_components(&komitmen(), &sheet).unwrap();
    assert_eq!(weakest(&scores).unwrap().component, "afektif");
    let nothing = score_components(&komitmen(), &Answers::new()).unwrap();
    assert!(weakest(&nothing).is_none());
}

#[test]
fn the_weakest_result_points_to_its_modules() {
    let mappings = vec![
        Mapping {
            target: "komitmen:afektif".into(),
            modules: vec!["modul-afektif".into()],
        },
        Mapping {
            target: "komitmen:normatif".into(),
            modules: vec![
                "modul-normatif".into(),
                "modul-loyal".into(),
                "modul-akuntabel".into(),
            ],
        },
        Mapping {
            target: "smart-asn:integritas".into(),
            modules: vec!["modul-akuntabel".into()],
        },
        Mapping {
            target: "indeks-berakhlak:adaptif".into(),
            modules: vec!["modul-adaptif".into(), "modul-kompeten".into()],
        },
    ];
    // A sheet where normative commitment is lowest (the seed's finding).
    let sheet = answers(&[
        ("afektif", &[4, 4, 4, 4, 2, 2]),   // 4.0
        ("kontinuan", &[4, 3, 4, 3, 3, 3]), // 3.33
        ("normatif", &[3, 2, 3, 2, 4, 4]),  // 2.33
    ]);
    let scores = score_components(&komitmen(), &sheet).unwrap();
    let weak = weakest(&scores).unwrap();
    assert_eq!(weak.component, "normatif");
    close(weak.mean, 14.0 / 6.0);
    let t = target(KOMITMEN, &weak.component);
    assert_eq!(t, "komitmen:normatif");
    assert_eq!(
        modules_for(&mappings, &t),
        ["modul-normatif", "modul-loyal", "modul-akuntabel"]
    );
    assert_eq!(
        modules_for(&mappings, &target(INDEKS_BERAKHLAK, "adaptif")),
        ["modul-adaptif", "modul-kompeten"]
    );
    assert_eq!(
        modules_for(&mappings, "smart-asn:integritas"),
        ["modul-akuntabel"]
    );
    assert!(modules_for(&mappings, "smart-asn:networking").is_empty());
    assert!(modules_for(&[], "komitmen:normatif").is_empty());
}

// ---------------------------------------------------------------- storage

/// serde_json (without its `float_roundtrip` feature) may parse a float one ulp off, e.g.
/// "63.8" → 63.800000000000004, so stored results are compared with a tolerance.
fn same_index(a: &IndexScore, b: &IndexScore) {
    let near = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => (x - y).abs() < 1e-9,
        (x, y) => x.is_none() && y.is_none(),
    };
    assert!(near(a.overall, b.overall));
    assert_eq!(a.overall_band, b.overall_band);
    assert_eq!(a.values.len(), b.values.len());
    for (x, y) in a.values.iter().zip(&b.values) {
        assert_eq!((&x.value, &x.band), (&y.value, &y.band));
        assert!(near(x.percent, y.percent));
        for (i, j) in x.indicators.iter().zip(&y.indicators) {
            assert_eq!(
                (&i.indicator, i.items, i.answered),
                (&j.indicator, j.items, j.answered)
            );
            assert!(near(i.percent, j.percent));
        }
    }
}

#[test]
fn results_survive_a_json_round_trip() {
    let sheet = answers(&[
        ("afektif", &[5, 4, 4, 3, 2, 2]),
        ("normatif", &[3, 3, 2, 0, 4, 0]),
    ]);
    let scores = score_components(&komitmen(), &sheet).unwrap();
    let json = serde_json::to_string(&scores).unwrap();
    assert_eq!(
        serde_json::from_str::<Vec<ComponentScore>>(&json).unwrap(),
        scores
    );

    let index = index_from_item_means(
        &indeks(),
        &means_for([57.9, 74.1, 56.7, 63.8, 65.8, 38.9, 69.4]),
        &ScoringConfig::default(),
    )
    .unwrap();
    let json = serde_json::to_string(&index).unwrap();
    same_index(&serde_json::from_str::<IndexScore>(&json).unwrap(), &index);
}

#[test]
fn item_percent_is_what_the_seeds_use() {
    assert_eq!(item_percent(1.0), 0.0);
    assert_eq!(item_percent(3.0), 50.0);
    assert_eq!(item_percent(5.0), 100.0);
}

// ---------------------------------------------------------------- earlier forms

/// [`komitmen`] revised: form 2 retires `afektif-1` … `afektif-4` (their meaning changed)
/// and asks `afektif-7` … `afektif-10` instead; every other item keeps its id.
fn komitmen_form_2() -> Questionnaire {
    let mut q = komitmen();
    q.form = 2;
    let (old, kept): (Vec<Item>, Vec<Item>) = q
        .items
        .into_iter()
        .partition(|i| i.component == "afektif" && i.id.as_str() < "afektif-5");
    q.items = kept;
    q.retired = old
        .into_iter()
        .map(|mut i| {
            i.until = Some(1);
            i
        })
        .collect();
    for n in 7..=10 {
        let mut new = item(&format!("afektif-{n}"), "afektif", false, None);
        new.since = Some(2);
        q.items.push(new);
    }
    q
}

#[test]
fn a_response_on_an_earlier_form_scores_as_it_did_on_that_form() {
    let old_sheet = answers(&[
        ("afektif", &[5, 4, 4, 3, 2, 2]),
        ("kontinuan", &[4, 3, 4, 3, 4, 3]),
        ("normatif", &[3, 3, 2, 0, 4, 0]),
    ]);
    let before = score_components(&komitmen(), &old_sheet).unwrap();
    let after = score_components(&komitmen_form_2(), &old_sheet).unwrap();
    assert_eq!(after, before);
    close(score(&after, "afektif").mean, 4.0);

    // A response on the new form counts the new items and not the retired ones.
    let mut new_sheet = answers(&[("kontinuan", &[4, 3, 4, 3, 4, 3])]);
    for id in ["afektif-5", "afektif-6"] {
        new_sheet.insert(id.into(), 2);
    }
    for n in 7..=10 {
        new_sheet.insert(format!("afektif-{n}"), 5);
    }
    let scores = score_components(&komitmen_form_2(), &new_sheet).unwrap();
    // (5 · 4 + 4 · 2) / 6: the two kept reverse-keyed items and the four new ones.
    close(score(&scores, "afektif").mean, 28.0 / 6.0);
    assert_eq!(score(&scores, "afektif").items, 6);

    // An id no form ever had is still refused.
    let mut stray = old_sheet;
    stray.insert("afektif-99".into(), 3);
    assert!(matches!(
        score_components(&komitmen_form_2(), &stray),
        Err(ScoringError::UnknownItem { .. })
    ));
}

#[test]
fn a_group_mixing_forms_is_scored_on_the_current_form() {
    let q = komitmen_form_2();
    let mut means = ItemMeans::new();
    // Retired items answered by last year's respondents: known, left out.
    for n in 1..=4 {
        means.insert(format!("afektif-{n}"), 1.0);
    }
    for n in 5..=10 {
        means.insert(format!("afektif-{n}"), 4.0);
    }
    let scores = score_components_from_item_means(&q, &means).unwrap();
    // Items 5 and 6 are reverse-keyed: (4 · 4 + 2 · 2) / 6.
    close(score(&scores, "afektif").mean, 20.0 / 6.0);
}
