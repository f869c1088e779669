//! A held-out, option-only guesser: a multinomial naive Bayes model that reads only the
//! four options of a question (never its stem) and scores how "key-like" each is. Trained
//! on six values' questions and tested on the seventh, it measures how far the bank can be
//! answered by surface habits instead of understanding (docs/question-bank.md).
//!
//! Deterministic by construction: counts are integers in ordered maps, each option's score
//! is a sum in the option's own word order, and ties go to the option written first.

use super::words::{cues_in, words};
use crate::content::{Question, QuestionOption};
use std::collections::{BTreeMap, BTreeSet};

/// The largest allowed share (0–1) of a value's questions whose key the held-out model
/// picks. Chance is 0.25; a little above allows for noise in thirty questions.
pub const MAX_GUESS_SHARE: f64 = 0.35;

/// The tokens the model sees for one option: its lower-cased Indonesian words, a `#cue`
/// token for each cue of the table it carries, and `#longest` / `#shortest` when it is
/// strictly the longest or shortest (in words) of its question's options.
pub fn option_tokens(q: &Question, option: &QuestionOption) -> Vec<String> {
    let mut tokens = words(&option.text.id);
    let length = tokens.len();
    for cue in cues_in(&option.text.id) {
        tokens.push(format!("#{cue:?}").to_lowercase());
    }
    let others: Vec<usize> = q
        .options
        .iter()
        .filter(|o| o.id != option.id)
        .map(|o| words(&o.text.id).len())
        .collect();
    if others.iter().all(|&n| length > n) {
        tokens.push("#longest".into());
    }
    if others.iter().all(|&n| length < n) {
        tokens.push("#shortest".into());
    }
    tokens
}

/// Token counts of keyed and of wrong options in the training questions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Model {
    key: BTreeMap<String, u64>,
    wrong: BTreeMap<String, u64>,
    key_total: u64,
    wrong_total: u64,
    vocabulary: BTreeSet<String>,
}

impl Model {
    pub fn train<'a>(questions: impl IntoIterator<Item = &'a Question>) -> Model {
        let mut m = Model::default();
        for q in questions {
            for option in &q.options {
                let (counts, total) = if q.is_correct(&option.id) {
                    (&mut m.key, &mut m.key_total)
                } else {
                    (&mut m.wrong, &mut m.wrong_total)
                };
                for token in option_tokens(q, option) {
                    *total += 1;
                    *counts.entry(token.clone()).or_default() += 1;
                    m.vocabulary.insert(token);
                }
            }
        }
        m
    }

    /// How many times `token` occurred in keyed options during training.
    pub fn key_count(&self, token: &str) -> u64 {
        self.key.get(token).copied().unwrap_or(0)
    }

    /// Log-likelihood ratio of "keyed" over "wrong" for a list of tokens, with add-one
    /// smoothing; tokens never seen in training carry no evidence and are skipped.
    pub fn score(&self, tokens: &[String]) -> f64 {
        let v = self.vocabulary.len() as f64;
        let log_p = |counts: &BTreeMap<String, u64>, total: u64, t: &str| {
            let n = counts.get(t).copied().unwrap_or(0) as f64;
            ((n + 1.0) / (total as f64 + v)).ln()
        };
        tokens
            .iter()
            .filter(|t| self.vocabulary.contains(*t))
            .map(|t| log_p(&self.key, self.key_total, t) - log_p(&self.wrong, self.wrong_total, t))
            .sum()
    }

    /// The option the model takes for the key: the highest score, the first written on a tie.
    pub fn pick<'q>(&self, q: &'q Question) -> Option<&'q QuestionOption> {
        let mut best: Option<(&QuestionOption, f64)> = None;
        for option in &q.options {
            let s = self.score(&option_tokens(q, option));
            if best.is_none_or(|(_, b)| s > b) {
                best = Some((option, s));
            }
        }
        best.map(|(o, _)| o)
    }
}

/// What the held-out model picked in one question.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemGuess {
    pub id: String,
    pub value: String,
    pub difficulty: u8,
    pub picked_key: bool,
}

/// How the held-out model did on a group of questions (one value, one difficulty, all).
#[derive(Debug, Clone, PartialEq)]
pub struct ValueGuess {
    /// The value id, or what the group is.
    pub value: String,
    pub items: usize,
    /// Questions whose key the model picked.
    pub picked: usize,
}

impl ValueGuess {
    /// Tallies the guesses in `picks`.
    pub fn tally<'a>(
        value: impl Into<String>,
        picks: impl IntoIterator<Item = &'a ItemGuess>,
    ) -> ValueGuess {
        let (mut items, mut picked) = (0, 0);
        for p in picks {
            items += 1;
            picked += usize::from(p.picked_key);
        }
        ValueGuess {
            value: value.into(),
            items,
            picked,
        }
    }

    pub fn share(&self) -> f64 {
        if self.items == 0 {
            0.0
        } else {
            self.picked as f64 / self.items as f64
        }
    }

    pub fn within_limit(&self) -> bool {
        self.share() <= MAX_GUESS_SHARE + 1e-9
    }
}

/// For each value (sorted by id), a model trained on every other value's questions picks
/// an option in each of this value's questions (kept in their given order).
pub fn held_out_picks(questions: &[&Question]) -> Vec<ItemGuess> {
    let values: BTreeSet<&str> = questions.iter().map(|q| q.value.as_str()).collect();
    let mut picks = Vec::new();
    for value in values {
        let model = Model::train(questions.iter().copied().filter(|q| q.value != value));
        for q in questions.iter().filter(|q| q.value == value) {
            picks.push(ItemGuess {
                id: q.id.clone(),
                value: value.to_owned(),
                difficulty: q.difficulty,
                picked_key: model.pick(q).is_some_and(|o| q.is_correct(&o.id)),
            });
        }
    }
    picks
}

/// The held-out picks tallied per value, sorted by value id.
pub fn held_out_guesses(questions: &[&Question]) -> Vec<ValueGuess> {
    per_value(&held_out_picks(questions))
}

/// Tallies picks per value, in the order the values first appear.
pub fn per_value(picks: &[ItemGuess]) -> Vec<ValueGuess> {
    let mut values: Vec<&str> = Vec::new();
    for p in picks {
        if !values.contains(&p.value.as_str()) {
            values.push(&p.value);
        }
    }
    values
        .into_iter()
        .map(|v| ValueGuess::tally(v, picks.iter().filter(|p| p.value == v)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cues::fixtures::{balanced_bank, balanced_options, cued_bank, question};

    fn refs(bank: &[Question]) -> Vec<&Question> {
        bank.iter().collect()
    }

    #[test]
    fn cued_options_give_the_key_away_in_every_held_out_value() {
        let bank = cued_bank();
        let guesses = held_out_guesses(&refs(&bank));
        assert_eq!(guesses.len(), 7);
        for g in &guesses {
            assert_eq!((g.items, g.picked), (6, 6), "{g:?}");
            assert!(!g.within_limit());
        }
    }

    #[test]
    fn options_that_take_turns_as_key_are_guessed_at_chance() {
        let bank = balanced_bank();
        for g in held_out_guesses(&refs(&bank)) {
            assert_eq!(g.items, 8);
            assert!(g.within_limit(), "{g:?}");
            assert!(g.share() <= 0.25, "{g:?}");
        }
    }

    #[test]
    fn the_same_bank_in_any_order_gives_the_same_guesses() {
        let mut bank = cued_bank();
        bank.extend(balanced_bank());
        let first = held_out_guesses(&refs(&bank));
        assert_eq!(first, held_out_guesses(&refs(&bank)));
        bank.reverse();
        assert_eq!(first, held_out_guesses(&refs(&bank)));
    }

    #[test]
    fn the_tested_value_is_left_out_of_training() {
        // Six values carry no signal; the seventh marks its keys with a word used nowhere
        // else. Only a model that has seen the seventh value could use that word.
        let mut bank: Vec<Question> = balanced_bank()
            .into_iter()
            .filter(|q| q.value != "loyal")
            .collect();
        let plain = balanced_options("loyal");
        for n in 0..8 {
            let key = n % 4;
            let mut texts: Vec<String> = plain.to_vec();
            texts[key] = format!("{} tuntas", texts[key]);
            let t: Vec<&str> = texts.iter().map(String::as_str).collect();
            bank.push(question("loyal", n + 1, [t[0], t[1], t[2], t[3]], key));
        }
        let all = refs(&bank);
        let loyal: Vec<&Question> = all.iter().copied().filter(|q| q.value == "loyal").collect();

        let seen_it = Model::train(all.iter().copied());
        assert!(
            loyal
                .iter()
                .all(|q| seen_it.pick(q).is_some_and(|o| q.is_correct(&o.id)))
        );

        let guess = held_out_guesses(&all)
            .into_iter()
            .find(|g| g.value == "loyal")
            .unwrap();
        assert_eq!(guess.items, 8);
        assert!(guess.within_limit(), "{guess:?}");
        let held_out = Model::train(all.iter().copied().filter(|q| q.value != "loyal"));
        assert_eq!(held_out.key_count("tuntas"), 0);
        assert!(seen_it.key_count("tuntas") > 0);
    }

    #[test]
    fn an_unseen_word_carries_no_evidence_and_a_known_cue_does() {
        let bank = cued_bank();
        let model = Model::train(bank.iter());
        assert_eq!(model.score(&["zzz".into()]), 0.0);
        assert!(model.score(&["selalu".into()]) < 0.0);
        assert!(model.score(&["#connector".into()]) > 0.0);
    }
}
