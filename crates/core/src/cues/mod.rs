//! Answer cues: whether a test-wise reader could pick the keyed option of a practice
//! question without reading the question. Two measures, both over the Indonesian options:
//! how often each cue of the word table sits in keys against wrong options (`shares`),
//! and how often a model trained on the other values' options picks the key
//! (`classifier`). The method and its limits are in docs/question-bank.md.

pub mod classifier;
pub mod shares;
pub mod words;

#[cfg(test)]
pub(crate) mod fixtures;

pub use classifier::{
    ItemGuess, MAX_GUESS_SHARE, Model, ValueGuess, held_out_guesses, held_out_picks, per_value,
};
pub use shares::{CueShare, CueShares, MAX_SHARE_GAP, cue_shares};
pub use words::{CUE_TABLE, Cue, CueWords, cues_in};

use crate::content::Question;
use thiserror::Error;

/// Both measures of a question bank.
#[derive(Debug, Clone, PartialEq)]
pub struct CueReport {
    pub shares: CueShares,
    /// Per value, sorted by value id.
    pub guesses: Vec<ValueGuess>,
    /// Per question, grouped by value.
    pub picks: Vec<ItemGuess>,
}

/// A limit the bank exceeds.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum CueProblem {
    #[error(
        "answer cue: {name} is in {keys:.0} % of keys but {wrong:.0} % of wrong options (allowed: {limit:.0} points apart)"
    )]
    ShareGap {
        name: &'static str,
        keys: f64,
        wrong: f64,
        limit: f64,
    },
    #[error(
        "answer cue: reading only the options, a model trained on the other values picks the key in {picked} of {items} `{value}` questions ({share:.0} %; allowed: {limit:.0} %)"
    )]
    GuessableKeys {
        value: String,
        picked: usize,
        items: usize,
        share: f64,
        limit: f64,
    },
}

impl CueReport {
    pub fn measure(questions: &[&Question]) -> CueReport {
        let picks = held_out_picks(questions);
        CueReport {
            shares: cue_shares(questions),
            guesses: per_value(&picks),
            picks,
        }
    }

    /// The measures of `tested` alone, with the held-out model trained on `tested` and
    /// `known` together (a competition pool, judged by what a reader could learn from the
    /// practice bank whose keys every phone has, and from the rest of the pool).
    pub fn measure_within(tested: &[&Question], known: &[&Question]) -> CueReport {
        let mut all: Vec<&Question> = known.to_vec();
        all.extend_from_slice(tested);
        let ids: std::collections::HashSet<&str> = tested.iter().map(|q| q.id.as_str()).collect();
        let picks: Vec<ItemGuess> = held_out_picks(&all)
            .into_iter()
            .filter(|p| ids.contains(p.id.as_str()))
            .collect();
        CueReport {
            shares: cue_shares(tested),
            guesses: per_value(&picks),
            picks,
        }
    }

    /// The held-out picks over the whole bank.
    pub fn overall(&self) -> ValueGuess {
        ValueGuess::tally("all", &self.picks)
    }

    /// The held-out picks per difficulty, easiest first. Not a limit of its own: it shows
    /// whether harder questions are the easier ones to guess.
    pub fn by_difficulty(&self) -> Vec<(u8, ValueGuess)> {
        let levels: std::collections::BTreeSet<u8> =
            self.picks.iter().map(|p| p.difficulty).collect();
        levels
            .into_iter()
            .map(|d| {
                let picks = self.picks.iter().filter(|p| p.difficulty == d);
                (d, ValueGuess::tally(format!("difficulty {d}"), picks))
            })
            .collect()
    }

    /// Every limit exceeded: cue gaps first (table order), then values (by id).
    pub fn problems(&self) -> Vec<CueProblem> {
        let gaps = self
            .shares
            .shares
            .iter()
            .filter(|s| !s.within_limit())
            .map(|s| CueProblem::ShareGap {
                name: s.name,
                keys: s.keys * 100.0,
                wrong: s.wrong * 100.0,
                limit: MAX_SHARE_GAP * 100.0,
            });
        let guesses =
            self.guesses
                .iter()
                .filter(|g| !g.within_limit())
                .map(|g| CueProblem::GuessableKeys {
                    value: g.value.clone(),
                    picked: g.picked,
                    items: g.items,
                    share: g.share() * 100.0,
                    limit: MAX_GUESS_SHARE * 100.0,
                });
        gaps.chain(guesses).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fixtures::{balanced_bank, cued_bank};

    #[test]
    fn a_deliberately_cued_bank_fails_both_checks() {
        let bank = cued_bank();
        let problems = CueReport::measure(&bank.iter().collect::<Vec<_>>()).problems();
        let gaps = problems
            .iter()
            .filter(|p| matches!(p, CueProblem::ShareGap { .. }))
            .count();
        let guessable = problems
            .iter()
            .filter(|p| matches!(p, CueProblem::GuessableKeys { .. }))
            .count();
        // Connector (keys) and absolute (wrong options); every value is guessable.
        assert_eq!((gaps, guessable), (2, 7), "{problems:#?}");
        let text = problems[0].to_string();
        assert!(
            text.contains("100 % of keys but 0 % of wrong options"),
            "{text}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.to_string().contains("6 of 6 `loyal` questions (100 %")),
        );
    }

    #[test]
    fn the_report_shows_which_difficulty_is_guessable() {
        let mut bank: Vec<Question> = cued_bank()
            .into_iter()
            .map(|mut q| {
                q.difficulty = 3;
                q
            })
            .collect();
        bank.extend(balanced_bank());
        let report = CueReport::measure(&bank.iter().collect::<Vec<_>>());
        let levels = report.by_difficulty();
        assert_eq!(levels.len(), 2);
        let (easy, hard) = (&levels[0], &levels[1]);
        assert_eq!((easy.0, hard.0), (1, 3));
        assert_eq!((hard.1.items, hard.1.picked), (42, 42));
        assert_eq!(easy.1.items, 56);
        assert!(easy.1.share() <= 0.25, "{easy:?}");
        let all = report.overall();
        assert_eq!(all.items, 98);
        assert_eq!(all.picked, hard.1.picked + easy.1.picked);
    }

    #[test]
    fn a_balanced_bank_passes_both_checks() {
        let bank = balanced_bank();
        let report = CueReport::measure(&bank.iter().collect::<Vec<_>>());
        assert_eq!(report.guesses.len(), 7);
        assert!(report.problems().is_empty(), "{:#?}", report.problems());
    }
}
