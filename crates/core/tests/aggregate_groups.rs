//! Group figures over a unit's respondents, hand-worked: the numbers asserted are the ones a
//! leader would read on the dashboard. The questionnaires are small ones written here as
//! JSON (the same shape as the content files).

use resapi_core::aggregate::latest::ResponseFact;
use resapi_core::aggregate::practice_group::{PracticeFact, group_practice};
use resapi_core::aggregate::questionnaire_group::{
    RowResponse, group_components, group_components_rows, group_index, group_index_rows,
};
use resapi_core::aggregate::threshold::MinRespondents;
use resapi_core::content::ScoringConfig;
use resapi_core::questionnaire::Questionnaire;
use resapi_core::rng::Rng;
use resapi_core::scoring::Layout;
use serde_json::json;
use time::macros::datetime;
use uuid::Uuid;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn questionnaire(id: &str, components: &[&str], items: serde_json::Value) -> Questionnaire {
    let t = json!({"id": "-", "en": "-"});
    let components: Vec<_> = components
        .iter()
        .map(|c| json!({"id": c, "name": t, "description": t, "low": t, "high": t}))
        .collect();
    serde_json::from_value(json!({
        "id": id, "scale": "agreement", "minutes": 5, "title": t, "purpose": t,
        "components": components, "items": items,
    }))
    .unwrap()
}

const K: MinRespondents = MinRespondents::DEFAULT;

fn response(person: u128, q: &str, answers: &[(&str, u8)]) -> ResponseFact {
    ResponseFact {
        id: Uuid::from_u128(1000 + person),
        person: Uuid::from_u128(person),
        questionnaire_id: q.into(),
        at: datetime!(2026-03-10 09:00 UTC),
        answers: answers.iter().map(|(i, a)| (i.to_string(), *a)).collect(),
    }
}

/// Two commitment components of three items, the third reverse-keyed.
fn komitmen() -> Questionnaire {
    let t = json!({"id": "-", "en": "-"});
    let items: Vec<_> = ["a", "n"]
        .iter()
        .flat_map(|c| {
            let t = t.clone();
            let comp = if *c == "a" { "afektif" } else { "normatif" };
            (1..=3).map(move |i| {
                json!({"id": format!("{c}{i}"), "component": comp, "reverse": i == 3, "text": t})
            })
        })
        .collect();
    questionnaire("komitmen", &["afektif", "normatif"], json!(items))
}

#[test]
fn commitment_group_mean_is_the_phones_formula_on_item_means_with_the_spread_of_people() {
    let q = komitmen();
    // Three ways of answering, five people each (k = 5: every item has at least 5 answers).
    let mut rs = Vec::new();
    for rep in 0..5 {
        let p = rep * 10;
        rs.push(response(
            p + 1,
            "komitmen",
            &[
                ("a1", 5),
                ("a2", 4),
                ("a3", 2),
                ("n1", 3),
                ("n2", 3),
                ("n3", 3),
            ],
        ));
        rs.push(response(
            p + 2,
            "komitmen",
            &[("a1", 3), ("a2", 3), ("a3", 3), ("n1", 2), ("n3", 4)],
        ));
        rs.push(response(
            p + 3,
            "komitmen",
            &[("a1", 4), ("a3", 1), ("n3", 4)],
        ));
    }
    // Another questionnaire's response is not counted here.
    rs.push(response(4, "smart-asn", &[("x", 5)]));
    let refs: Vec<&ResponseFact> = rs.iter().collect();
    let g = group_components(&q, &refs, K).unwrap();
    assert_eq!(g.respondents, 15);

    // Afektif item means: a1 (5+3+4)/3 = 4, a2 (4+3)/2 = 3.5, a3 (2+3+1)/3 = 2 → reversed 4.
    // Group mean 11.5/3 = 3.833 → (3.833 − 1)/4 = 70.8 %.
    let af = &g.components[0];
    assert_eq!(af.score.component, "afektif");
    assert!(close(af.score.mean.unwrap(), 11.5 / 3.0));
    assert!(close(af.score.percent.unwrap(), 70.833_333_333_333_33));
    // People: 4.33 → 83.3 %, 3 → 50 %, (4 + 5)/2 = 4.5 → 87.5 %, five of each: the middle
    // half lies between 50 and 87.5, the median is 83.3.
    let s = af.spread.as_ref().unwrap();
    assert_eq!(s.n, 15);
    assert!(close(s.mean, 73.611_111_111_111_11));
    assert!(close(s.median, 250.0 / 3.0));
    assert_eq!((s.q1, s.q3), (50.0, 87.5));
    assert!((s.sd.unwrap() - 17.371_028_913_183_164).abs() < 1e-9);

    // Normatif: item means n1 (3+2)/2 = 2.5, n2 3, n3 (3+4+4)/3 = 3.67 → reversed 2.33;
    // 7.83/3 = 2.61 → 40.3 %. The third way answers one item of three: no personal score, so
    // the spread is over ten people (3 → 50 %, (2 + 2)/2 = 2 → 25 %) while the group mean
    // still uses their answers.
    let no = &g.components[1];
    assert!(close(no.score.mean.unwrap(), (2.5 + 3.0 + 7.0 / 3.0) / 3.0));
    assert!(close(no.score.percent.unwrap(), 40.277_777_777_777_78));
    let s = no.spread.as_ref().unwrap();
    assert_eq!(
        (s.n, s.mean, s.q1, s.median, s.q3),
        (10, 37.5, 25.0, 37.5, 50.0)
    );
}

#[test]
fn an_item_or_a_spread_resting_on_fewer_than_k_people_is_left_out() {
    let q = komitmen();
    // Six respondents: all answer a1 = 4 and a2 = 2; only two answer a3 (1, reversed 5).
    // Normatif: n1 by all six, n2 by four, n3 by nobody.
    let rs: Vec<ResponseFact> = (1..=6u128)
        .map(|p| {
            let mut a = vec![("a1", 4), ("a2", 2), ("n1", 3)];
            if p <= 2 {
                a.push(("a3", 1));
            }
            if p <= 4 {
                a.push(("n2", 3));
            }
            response(p, "komitmen", &a)
        })
        .collect();
    let refs: Vec<&ResponseFact> = rs.iter().collect();
    let g = group_components(&q, &refs, K).unwrap();
    // a3 (two people) is left out: (4 + 2)/2 = 3 → 50 %, not (4 + 2 + 5)/3 → 66.7 %.
    let af = &g.components[0];
    assert_eq!((af.score.answered, af.score.percent), (2, Some(50.0)));
    assert_eq!(af.spread.as_ref().map(|s| s.n), Some(6));
    // Normatif: only n1 has five answers: 1 of 3 items, no group figure; four personal
    // scores: no spread.
    let no = &g.components[1];
    assert_eq!((no.score.answered, no.score.percent), (1, None));
    assert_eq!(no.spread, None);
}

#[test]
fn a_person_counted_twice_is_refused() {
    let q = komitmen();
    let rs = [
        response(1, "komitmen", &[("a1", 5)]),
        response(1, "komitmen", &[("a1", 4)]),
    ];
    let refs: Vec<&ResponseFact> = rs.iter().collect();
    let err = group_components(&q, &refs, K).unwrap_err();
    assert_eq!(err.code(), "group_duplicate_person");
    // A bad answer is the scoring error, not a panic.
    let bad = [response(1, "komitmen", &[("a1", 9)])];
    let refs: Vec<&ResponseFact> = bad.iter().collect();
    assert_eq!(
        group_components(&q, &refs, K).unwrap_err().code(),
        "scoring_answer_range"
    );
}

#[test]
fn the_index_per_value_and_overall_with_bands_spread_and_the_weakest_value() {
    let t = json!({"id": "-", "en": "-"});
    let values = ["pelayanan", "adaptif", "kolaboratif"];
    let items: Vec<_> = values
        .iter()
        .flat_map(|v| {
            let t = t.clone();
            (1..=3).map(move |i| {
                json!({"id": format!("{v}-{i}"), "component": v, "indicator": format!("{v}-{i}"), "text": t})
            })
        })
        .collect();
    let q = questionnaire("indeks-berakhlak", &values, json!(items));
    let answers = |p: [u8; 3], a: [u8; 3], k: Option<[u8; 3]>| {
        let mut out = Vec::new();
        for (v, xs) in [
            ("pelayanan", Some(p)),
            ("adaptif", Some(a)),
            ("kolaboratif", k),
        ] {
            for (i, x) in xs.iter().flatten().enumerate() {
                out.push((format!("{v}-{}", i + 1), *x));
            }
        }
        out
    };
    // Three ways of answering, five people each.
    let ways = [
        answers([4, 4, 4], [2, 3, 4], Some([5, 5, 5])),
        answers([5, 4, 3], [3, 3, 3], Some([4, 4, 4])),
        answers([3, 3, 3], [2, 2, 5], None),
    ];
    let rs: Vec<ResponseFact> = (0..15)
        .map(|i| {
            let a: Vec<(&str, u8)> = ways[i % 3].iter().map(|(k, v)| (k.as_str(), *v)).collect();
            response(i as u128 + 1, "indeks-berakhlak", &a)
        })
        .collect();
    let refs: Vec<&ResponseFact> = rs.iter().collect();
    let g = group_index(&q, &refs, &ScoringConfig::default(), K).unwrap();
    assert_eq!(g.respondents, 15);

    // Pelayanan item means 4, 3.67, 3.33 → 75, 66.7, 58.3 → 66.7 % B.
    let pel = &g.values[0];
    assert!(close(pel.index.percent.unwrap(), 200.0 / 3.0));
    assert_eq!(pel.index.band.as_ref().unwrap().grade, "B");
    // Adaptif (docs/scoring.md's unit example): 33.3, 41.7, 75 → 50.0 % B.
    let ad = &g.values[1];
    assert!(close(ad.index.percent.unwrap(), 50.0));
    // Kolaboratif: ten respondents, item means 4.5 → 87.5 % A.
    let ko = &g.values[2];
    assert!(close(ko.index.percent.unwrap(), 87.5));
    assert_eq!(ko.index.band.as_ref().unwrap().grade, "A");
    // Overall (66.7 + 50 + 87.5)/3 = 68.1 % B; Adaptif is the weakest.
    assert!(close(g.overall.unwrap(), 68.055_555_555_555_56));
    assert_eq!(g.overall_band.as_ref().unwrap().grade, "B");
    assert_eq!(g.weakest.as_deref(), Some("adaptif"));

    // People's Pelayanan: 75, 75, 50 (five of each); everyone's Adaptif is 50 (no spread).
    let s = pel.spread.as_ref().unwrap();
    assert!(close(s.mean, 200.0 / 3.0) && close(s.median, 75.0) && close(s.q1, 50.0));
    assert_eq!(ad.spread.as_ref().unwrap().sd, Some(0.0));
    // Overall per person: 75, 66.7, and (50 + 50)/2 = 50 for those who skipped a value.
    let o = g.overall_spread.as_ref().unwrap();
    assert_eq!(o.n, 15);
    assert!(close(o.mean, 63.888_888_888_888_89));
}

fn fact(person: u128, indicator: &str, correct: bool) -> PracticeFact {
    let value = indicator.rsplit_once('-').unwrap().0;
    PracticeFact {
        person: Uuid::from_u128(person),
        question_id: format!("{indicator}-q"),
        value: value.into(),
        indicator: indicator.into(),
        correct,
    }
}

#[test]
fn practice_accuracy_per_value_and_indicator_in_berakhlak_order() {
    let facts = [
        fact(1, "adaptif-2", true),
        fact(1, "pelayanan-1", true),
        fact(1, "pelayanan-1", false),
        fact(2, "adaptif-2", false),
        fact(2, "adaptif-3", false),
    ];
    let g = group_practice(&facts);
    assert_eq!(
        (
            g.overall.correct,
            g.overall.answered,
            g.overall.percent,
            g.overall.people
        ),
        (2, 5, 40, 2)
    );
    let v: Vec<(&str, u32, u32, u32, u32)> = g
        .per_value
        .iter()
        .map(|a| (a.key.as_str(), a.correct, a.answered, a.percent, a.people))
        .collect();
    // Pelayanan before Adaptif (Ber-A-K-H-L-A-K), whatever the order of the answers.
    assert_eq!(v, [("pelayanan", 1, 2, 50, 1), ("adaptif", 1, 3, 33, 2)]);
    let i: Vec<(&str, u32)> = g
        .per_indicator
        .iter()
        .map(|a| (a.key.as_str(), a.percent))
        .collect();
    assert_eq!(
        i,
        [("pelayanan-1", 50), ("adaptif-2", 50), ("adaptif-3", 0)]
    );
    assert_eq!(group_practice(&[]).overall.percent, 0);
}

#[test]
fn practice_rows_of_fewer_than_k_people_are_hidden_with_a_row_that_would_give_them_away() {
    use resapi_core::aggregate::suppression::{Guarded, Reason};
    // Pelayanan-1: six people; adaptif-2: five people; adaptif-3: two people.
    let mut facts = Vec::new();
    for p in 1..=6 {
        facts.push(fact(p, "pelayanan-1", p % 2 == 0));
    }
    for p in 1..=5 {
        facts.push(fact(p, "adaptif-2", true));
    }
    facts.push(fact(1, "adaptif-3", false));
    facts.push(fact(2, "adaptif-3", true));
    let g = group_practice(&facts).guarded(K);
    let code = |f: &Guarded<_>| match f {
        Guarded::Shown { .. } => "shown",
        Guarded::Suppressed { reason } => reason.code(),
    };
    assert_eq!(code(&g.overall), "shown");
    let values: Vec<(&str, &str)> = g
        .per_value
        .iter()
        .map(|r| (r.key.as_str(), code(&r.figure)))
        .collect();
    // Adaptif (5 people) is shown; its two indicators add up to it, so with adaptif-3 hidden
    // adaptif-2 goes too.
    assert_eq!(values, [("pelayanan", "shown"), ("adaptif", "shown")]);
    let indicators: Vec<(&str, &str)> = g
        .per_indicator
        .iter()
        .map(|r| (r.key.as_str(), code(&r.figure)))
        .collect();
    assert_eq!(
        indicators,
        [
            ("pelayanan-1", "shown"),
            ("adaptif-2", "complementary"),
            ("adaptif-3", "below_k")
        ]
    );
    assert!(matches!(
        g.per_indicator[2].figure,
        Guarded::Suppressed {
            reason: Reason::BelowK
        }
    ));
    // Shown rows carry their numbers: pelayanan-1 3 of 6.
    let Guarded::Shown { n, value } = &g.per_indicator[0].figure else {
        panic!("pelayanan-1 is shown");
    };
    assert_eq!((*n, value.correct, value.answered), (6, 3, 6));
}

/// An index questionnaire of two values with two indicators each, one item reverse-keyed.
fn small_index() -> Questionnaire {
    let t = json!({"id": "-", "en": "-"});
    let items: Vec<_> = ["adaptif", "loyal"]
        .iter()
        .flat_map(|v| {
            let t = t.clone();
            (1..=4).map(move |i| {
                json!({"id": format!("{v}-{i}"), "component": v, "reverse": i == 4,
                       "indicator": format!("{v}-x{}", i % 2), "text": t})
            })
        })
        .collect();
    questionnaire("indeks-berakhlak", &["adaptif", "loyal"], json!(items))
}

#[test]
fn a_group_laid_out_as_rows_gives_exactly_the_figures_of_its_answer_maps() {
    // What the dashboard reads (rows) against what the phone's formula reads (maps): random
    // groups of 1–12 people with many skips, so the k rule, the two-thirds rule and the
    // spreads all cut both ways. Equal means equal to the last bit.
    let mut rng = Rng::new(11);
    for q in [komitmen(), small_index()] {
        let layout = Layout::new(&q);
        for round in 0..300 {
            let people = 1 + rng.below(12);
            let rs: Vec<ResponseFact> = (0..people)
                .map(|p| {
                    let mut answers: Vec<(&str, u8)> = Vec::new();
                    for i in &q.items {
                        if rng.below(4) != 0 {
                            answers.push((i.id.as_str(), 1 + rng.below(5) as u8));
                        }
                    }
                    response(p as u128 + 1, &q.id, &answers)
                })
                .collect();
            let rows: Vec<RowResponse> = rs
                .iter()
                .map(|r| RowResponse {
                    person: r.person,
                    row: layout.row_of_known(&r.answers),
                })
                .collect();
            let refs: Vec<&ResponseFact> = rs.iter().collect();
            let row_refs: Vec<&RowResponse> = rows.iter().collect();
            if q.id == "komitmen" {
                assert_eq!(
                    group_components_rows(&q, &row_refs, K),
                    group_components(&q, &refs, K),
                    "round {round}"
                );
            } else {
                let config = ScoringConfig::default();
                assert_eq!(
                    group_index_rows(&q, &row_refs, &config, K),
                    group_index(&q, &refs, &config, K),
                    "round {round}"
                );
            }
        }
    }
}

#[test]
fn rows_refuse_a_person_counted_twice_and_an_answer_off_the_scale_as_maps_do() {
    let q = komitmen();
    let layout = Layout::new(&q);
    let as_rows = |rs: &[ResponseFact]| -> Vec<RowResponse> {
        rs.iter()
            .map(|r| RowResponse {
                person: r.person,
                row: layout.row_of_known(&r.answers),
            })
            .collect()
    };
    for rs in [
        vec![
            response(1, "komitmen", &[("a1", 5)]),
            response(1, "komitmen", &[("a1", 4)]),
        ],
        vec![response(1, "komitmen", &[("a1", 9), ("n2", 0)])],
    ] {
        let refs: Vec<&ResponseFact> = rs.iter().collect();
        let rows = as_rows(&rs);
        let row_refs: Vec<&RowResponse> = rows.iter().collect();
        let err = group_components(&q, &refs, K).unwrap_err();
        assert_eq!(group_components_rows(&q, &row_refs, K).unwrap_err(), err);
    }
}
