//! Careless answering on a questionnaire: a response given with the same answer to every
//! item, or finished faster than its items can be read. Such a response still belongs to
//! the person (their result shows it, with a gentle note), but unit aggregates leave it out
//! so one hurried tap-through does not move a unit's picture (docs/scoring.md).

use crate::cues::words::words;
use crate::questionnaire::Questionnaire;
use crate::scoring::Answers;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// Fewer answered items than this are never called "the same throughout": a short run of
/// equal answers is ordinary.
pub const MIN_ITEMS_FOR_SAME_ANSWER: usize = 6;

/// Reading faster than this many words a second is skimming at best: a fast reader manages
/// about four with understanding, so eight leaves room for people who read quickly and
/// answer at once.
pub const MAX_WORDS_PER_SECOND: f64 = 8.0;

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Careless {
    /// Every answered item got `answer` (1–5).
    SameAnswer { answer: u8 },
    /// Finished in `seconds`, less than the `min_seconds` its items take to read.
    TooFast { seconds: f64, min_seconds: f64 },
}

/// The least time, in seconds, that reading the answered items takes (their Indonesian
/// text: the longer language, and the one most people answer in).
pub fn reading_seconds(q: &Questionnaire, answers: &Answers) -> f64 {
    let words: usize = q
        .items
        .iter()
        .filter(|i| answers.contains_key(&i.id))
        .map(|i| words(&i.text.id).len())
        .sum();
    words as f64 / MAX_WORDS_PER_SECOND
}

/// Whether a finished response looks careless, and why. Same answer throughout wins over
/// speed (it is the clearer message to the person).
pub fn careless(
    q: &Questionnaire,
    answers: &Answers,
    started_at: OffsetDateTime,
    finished_at: OffsetDateTime,
) -> Option<Careless> {
    // Read on the form it was given on: an answer sheet from before a revision names
    // retired items.
    let form = q.as_form(q.form_of(answers.keys().map(String::as_str)));
    let q = form.as_ref();
    let given: Vec<u8> = q
        .items
        .iter()
        .filter_map(|i| answers.get(&i.id).copied())
        .collect();
    if given.len() >= MIN_ITEMS_FOR_SAME_ANSWER && given.iter().all(|a| *a == given[0]) {
        return Some(Careless::SameAnswer { answer: given[0] });
    }
    let seconds = (finished_at - started_at).as_seconds_f64();
    let min_seconds = reading_seconds(q, answers);
    (!given.is_empty() && seconds < min_seconds).then_some(Careless::TooFast {
        seconds,
        min_seconds,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::{Component, Item};
    use crate::text::Text;
    use time::Duration;
    use time::macros::datetime;

    /// Ten items of ten words each: 100 words, 12.5 s to read at the limit.
    fn questionnaire() -> Questionnaire {
        let t = |s: &str| Text::new(s, s);
        Questionnaire {
            id: "komitmen".into(),
            scale: "agreement".into(),
            minutes: 5,
            title: t("k"),
            purpose: t("p"),
            components: vec![Component {
                id: "afektif".into(),
                name: t("a"),
                description: t("d"),
                low: t("l"),
                high: t("h"),
            }],
            items: (0..10)
                .map(|n| Item {
                    id: format!("af-{n:02}"),
                    component: "afektif".into(),
                    reverse: n % 5 == 0,
                    indicator: None,
                    text: t("Saya merasa bangga menjadi bagian dari instansi tempat saya bekerja"),
                    since: None,
                    until: None,
                })
                .collect(),
            form: 1,
            retired: Vec::new(),
        }
    }

    fn answers(values: &[u8]) -> Answers {
        values
            .iter()
            .enumerate()
            .map(|(n, a)| (format!("af-{n:02}"), *a))
            .collect()
    }

    const START: OffsetDateTime = datetime!(2026-12-01 08:00 UTC);

    #[test]
    fn the_same_answer_to_every_item_is_flagged_even_when_slow() {
        let q = questionnaire();
        let all_fours = answers(&[4; 10]);
        let later = START + Duration::minutes(5);
        assert_eq!(
            careless(&q, &all_fours, START, later),
            Some(Careless::SameAnswer { answer: 4 })
        );
        // Varied answers at the same pace are fine.
        let varied = answers(&[4, 4, 5, 4, 3, 4, 4, 2, 4, 4]);
        assert_eq!(careless(&q, &varied, START, later), None);
        // Five equal answers (the rest skipped) are too few to tell.
        assert_eq!(careless(&q, &answers(&[3; 5]), START, later), None);
    }

    #[test]
    fn finishing_faster_than_the_items_can_be_read_is_flagged() {
        let q = questionnaire();
        let varied = answers(&[4, 4, 5, 4, 3, 4, 4, 2, 4, 4]);
        assert!((reading_seconds(&q, &varied) - 12.5).abs() < 1e-9);
        assert_eq!(
            careless(&q, &varied, START, START + Duration::seconds(8)),
            Some(Careless::TooFast {
                seconds: 8.0,
                min_seconds: 12.5
            })
        );
        assert_eq!(
            careless(&q, &varied, START, START + Duration::seconds(13)),
            None
        );
        // Only the items answered need reading.
        let three = answers(&[4, 2, 5]);
        assert_eq!(
            careless(&q, &three, START, START + Duration::seconds(4)),
            None
        );
    }
}
