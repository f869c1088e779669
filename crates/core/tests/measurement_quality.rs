//! Cronbach's α and practice item analysis, checked against numbers worked by hand (and in a
//! spreadsheet): what the content team reads in the console.

use resapi_core::aggregate::item_analysis::{Flag, OptionAnswer, analyse_items, first_attempts};
use resapi_core::aggregate::latest::ResponseFact;
use resapi_core::aggregate::reliability::{component_alpha, cronbach_alpha};
use resapi_core::aggregate::sample::NotEnough;
use resapi_core::aggregate::threshold::MinRespondents;
use resapi_core::content::Question;
use resapi_core::questionnaire::Questionnaire;
use serde_json::json;
use time::Duration;
use time::macros::datetime;
use uuid::Uuid;

/// Five people, three items (1–5). Item variances 1.3, 1.0, 1.7 (sum 4.0); totals 13, 8,
/// 15, 8, 13 with variance 10.3; α = 3/2 · (1 − 4/10.3) = 0.9175.
const FIVE: [[f64; 3]; 5] = [
    [4.0, 5.0, 4.0],
    [3.0, 3.0, 2.0],
    [5.0, 5.0, 5.0],
    [2.0, 3.0, 3.0],
    [4.0, 4.0, 5.0],
];

fn names() -> Vec<String> {
    vec!["i1".into(), "i2".into(), "i3".into()]
}

/// The five people four times over: 20 respondents (enough for α to be reported), the same
/// α and correlations (every variance scales by the same factor).
fn twenty() -> Vec<Vec<f64>> {
    (0..4)
        .flat_map(|_| FIVE.iter().map(|r| r.to_vec()))
        .collect()
}

#[test]
fn alpha_and_item_total_correlations_match_the_hand_computation() {
    let r = cronbach_alpha(&names(), &twenty(), MinRespondents::default()).unwrap();
    assert_eq!(r.n, 20);
    assert!((r.alpha - 9.45 / 10.3).abs() < 1e-12, "{}", r.alpha);
    // Item 1 against items 2 + 3 (9, 5, 10, 6, 9): sxy 8.6, sxx 5.2, syy 18.8 →
    // 8.6 / √(5.2 · 18.8) = 0.8698.
    let c1 = r.items[0].corrected_item_total.unwrap();
    assert!((c1 - 8.6 / (5.2f64 * 18.8).sqrt()).abs() < 1e-12);
    // Without item 1: variances 1.0 + 1.7 = 2.7, totals' variance 4.7 → 2 · (1 − 2.7/4.7).
    let without1 = r.items[0].alpha_if_deleted.unwrap();
    assert!((without1 - 2.0 * (1.0 - 2.7 / 4.7)).abs() < 1e-12);
    // Item 3 correlates least and removing it would raise α: the item to look at.
    assert!(r.items[2].corrected_item_total < r.items[0].corrected_item_total);
    assert!(r.items[2].alpha_if_deleted.unwrap() > r.alpha);
}

#[test]
fn alpha_says_why_when_there_is_not_enough() {
    let k = MinRespondents::default();
    let rows = |n: usize| twenty().into_iter().take(n).collect::<Vec<_>>();
    assert_eq!(
        cronbach_alpha(&names(), &rows(4), k).unwrap_err(),
        NotEnough::BelowK { k: 5 }
    );
    assert_eq!(
        cronbach_alpha(&names(), &rows(10), k).unwrap_err(),
        NotEnough::TooFewPeople { n: 10, min: 20 }
    );
    let one: Vec<Vec<f64>> = twenty().iter().map(|r| vec![r[0]]).collect();
    assert_eq!(
        cronbach_alpha(&names()[..1], &one, k).unwrap_err(),
        NotEnough::TooFewItems { items: 1 }
    );
    let same = vec![vec![3.0, 3.0, 3.0]; 20];
    let err = cronbach_alpha(&names(), &same, k).unwrap_err();
    assert_eq!(err, NotEnough::NoVariance);
    assert_eq!(err.code(), "no_variance");
    // A raised k raises the floor for anonymity too.
    let k30 = MinRespondents::new(30).unwrap();
    assert_eq!(
        cronbach_alpha(&names(), &twenty(), k30).unwrap_err(),
        NotEnough::BelowK { k: 30 }
    );
}

#[test]
fn component_alpha_scores_reverse_keyed_items_first_and_skips_incomplete_sheets() {
    let t = json!({"id": "-", "en": "-"});
    let q: Questionnaire = serde_json::from_value(json!({
        "id": "komitmen", "scale": "agreement", "minutes": 5, "title": t, "purpose": t,
        "components": [{"id": "afektif", "name": t, "description": t, "low": t, "high": t}],
        "items": [
            {"id": "a1", "component": "afektif", "text": t},
            {"id": "a2", "component": "afektif", "text": t},
            {"id": "a3", "component": "afektif", "reverse": true, "text": t},
        ],
    }))
    .unwrap();
    // The third item is stored as answered (6 − x): scored back, it is FIVE again.
    let mut rs: Vec<ResponseFact> = twenty()
        .iter()
        .enumerate()
        .map(|(i, r)| ResponseFact {
            id: Uuid::from_u128(i as u128 + 100),
            person: Uuid::from_u128(i as u128),
            questionnaire_id: "komitmen".into(),
            at: datetime!(2026-05-01 08:00 UTC),
            answers: [("a1", r[0]), ("a2", r[1]), ("a3", 6.0 - r[2])]
                .iter()
                .map(|(k, v)| (k.to_string(), *v as u8))
                .collect(),
        })
        .collect();
    // An incomplete sheet is left out of α (listwise).
    rs.push(ResponseFact {
        id: Uuid::from_u128(999),
        person: Uuid::from_u128(999),
        questionnaire_id: "komitmen".into(),
        at: datetime!(2026-05-01 08:00 UTC),
        answers: [("a1".to_string(), 1)].into_iter().collect(),
    });
    let refs: Vec<&ResponseFact> = rs.iter().collect();
    let r = component_alpha(&q, "afektif", &refs, MinRespondents::default()).unwrap();
    assert_eq!(r.n, 20);
    assert!((r.alpha - 9.45 / 10.3).abs() < 1e-12);
    assert_eq!(r.items[2].item, "a3");
}

// ---------------------------------------------------------------- item analysis

fn question(id: &str) -> Question {
    let t = json!({"id": "-", "en": "-"});
    let options: Vec<_> = ["a", "b", "c", "d"]
        .iter()
        .map(|o| json!({"id": o, "text": t}))
        .collect();
    serde_json::from_value(json!({
        "id": id, "value": "adaptif", "indicator": "adaptif-1", "difficulty": 2,
        "kind": "situational", "answer": "a", "stem": t, "explanation": t, "options": options,
    }))
    .unwrap()
}

/// 20 people: 1–10 strong (every other question right), 11–20 weak (one of q2–q5 right).
/// q1: the strong all right; of the weak, 18–20 right, 11–14 chose b, 15–17 chose c.
/// q6: everyone right.
fn answers() -> Vec<OptionAnswer> {
    let mut out = Vec::new();
    let mut n = 0u128;
    let mut add = |person: u128, q: &str, option: &str, minutes: i64| {
        n += 1;
        out.push(OptionAnswer {
            id: Uuid::from_u128(n),
            person: Uuid::from_u128(person),
            question_id: q.into(),
            option_id: option.into(),
            correct: option == "a",
            at: datetime!(2026-04-01 08:00 UTC) + Duration::minutes(minutes),
            rev: 1,
        });
    };
    for p in 1..=20u128 {
        let q1 = match p {
            1..=10 | 18..=20 => "a",
            11..=14 => "b",
            _ => "c",
        };
        add(p, "q1", q1, 0);
        for (i, q) in ["q2", "q3", "q4", "q5"].iter().enumerate() {
            let right = p <= 10 || (p as usize) % 4 == i;
            add(p, q, if right { "a" } else { "d" }, 1);
        }
        add(p, "q6", "a", 2);
    }
    // A second go at q1 by person 11, now right: practice, not the first attempt.
    add(11, "q1", "a", 60);
    out
}

#[test]
fn difficulty_discrimination_and_distractors_from_first_attempts() {
    let all = answers();
    let first = first_attempts(&all);
    assert_eq!(first.len(), 120);
    let bank: Vec<Question> = ["q1", "q6", "q7"].iter().map(|q| question(q)).collect();
    let report = analyse_items(&bank, &first, MinRespondents::default());

    let (id, q1) = &report[0];
    assert_eq!(id, "q1");
    let q1 = q1.as_ref().unwrap();
    assert_eq!(q1.n, 20);
    // 13 of 20 right on a first attempt (person 11's later right answer does not count).
    assert!((q1.difficulty - 0.65).abs() < 1e-12);
    // Rest scores: strong 5/5 = 1.0, weak 2/5 = 0.4. Mean rest of the right 11.2/13, of the
    // wrong 0.4; sd (population) 0.3; r = (0.8615 − 0.4)/0.3 · √(0.65 · 0.35) = 0.7338.
    let expected = (11.2 / 13.0 - 0.4) / 0.3 * (0.65f64 * 0.35).sqrt();
    assert!((q1.point_biserial.unwrap() - expected).abs() < 1e-12);
    // 27 % of 20 → 5: the top five (strong) all right, the bottom five (weak, by id 11–15)
    // all wrong.
    assert_eq!(q1.upper_lower, Some(1.0));
    let shares: Vec<(&str, u32, bool)> = q1
        .options
        .iter()
        .map(|o| (o.option.as_str(), o.chosen, o.correct))
        .collect();
    assert_eq!(
        shares,
        [
            ("a", 13, true),
            ("b", 4, false),
            ("c", 3, false),
            ("d", 0, false)
        ]
    );
    assert!((q1.options[1].share - 0.2).abs() < 1e-12);
    assert!(q1.flags.is_empty());

    // q6: everyone right: too easy, and it separates nobody (upper − lower = 0).
    let q6 = report[1].1.as_ref().unwrap();
    assert_eq!(q6.difficulty, 1.0);
    assert_eq!(q6.point_biserial, None);
    assert_eq!(q6.flags, [Flag::TooEasy, Flag::LowDiscrimination]);

    // q7: nobody answered it.
    assert_eq!(report[2].1, Err(NotEnough::BelowK { k: 5 }));
}

#[test]
fn a_reworded_question_is_analysed_on_its_new_wording_only() {
    let all = answers();
    let first = first_attempts(&all);
    let mut q1 = question("q1");
    q1.rev = 2;
    let bank = vec![q1, question("q6")];
    let report = analyse_items(&bank, &first, MinRespondents::default());
    // All 20 first attempts were to the first wording: none tells about the second.
    assert_eq!(report[0].1, Err(NotEnough::BelowK { k: 5 }));
    assert_eq!(report[1].1.as_ref().map(|s| s.n), Ok(20));

    // Answers to the new wording count, each person's first one on it.
    let mut again = all.clone();
    for (i, a) in all.iter().filter(|a| a.question_id == "q1").enumerate() {
        again.push(OptionAnswer {
            id: Uuid::from_u128(10_000 + i as u128),
            option_id: "b".into(),
            correct: false,
            at: a.at + Duration::days(30),
            rev: 2,
            ..a.clone()
        });
    }
    let first = first_attempts(&again);
    let report = analyse_items(&bank, &first, MinRespondents::default());
    let q1 = report[0].1.as_ref().unwrap();
    assert_eq!(q1.n, 20);
    assert_eq!(
        q1.difficulty, 0.0,
        "only the new wording's answers (all b) count"
    );
}
