//! How often the keyed option carries each cue compared with the wrong options. A cue far
//! more common on one side lets a reader pick the key (or strike a wrong option) without
//! reading the question.

use super::words::{CUE_TABLE, Cue, cues_in, words};
use crate::content::Question;

/// The largest allowed gap (0–1) between the key share and the wrong-option share of a cue.
pub const MAX_SHARE_GAP: f64 = 0.10;

/// One cue: the share (0–1) of keys and of wrong options that carry it.
#[derive(Debug, Clone, PartialEq)]
pub struct CueShare {
    pub cue: Cue,
    pub name: &'static str,
    pub keys: f64,
    pub wrong: f64,
}

impl CueShare {
    /// Key share minus wrong share, in points of 0–1 (positive: the cue points to the key).
    pub fn gap(&self) -> f64 {
        self.keys - self.wrong
    }

    pub fn within_limit(&self) -> bool {
        self.gap().abs() <= MAX_SHARE_GAP + 1e-9
    }
}

/// The cue shares of a set of questions (their Indonesian options), in table order, and
/// the mean length in words of keys and of wrong options.
#[derive(Debug, Clone, PartialEq)]
pub struct CueShares {
    pub keys: usize,
    pub wrong: usize,
    pub shares: Vec<CueShare>,
    pub key_words: f64,
    pub wrong_words: f64,
}

pub fn cue_shares(questions: &[&Question]) -> CueShares {
    let mut keys = 0usize;
    let mut wrong = 0usize;
    let mut key_hits = [0usize; CUE_TABLE.len()];
    let mut wrong_hits = [0usize; CUE_TABLE.len()];
    let (mut key_words, mut wrong_words) = (0usize, 0usize);
    for q in questions {
        for option in &q.options {
            let text = &option.text.id;
            let cues = cues_in(text);
            let is_key = q.is_correct(&option.id);
            let (count, hits, length) = if is_key {
                (&mut keys, &mut key_hits, &mut key_words)
            } else {
                (&mut wrong, &mut wrong_hits, &mut wrong_words)
            };
            *count += 1;
            *length += words(text).len();
            for (i, row) in CUE_TABLE.iter().enumerate() {
                if cues.contains(&row.cue) {
                    hits[i] += 1;
                }
            }
        }
    }
    let share = |hits: usize, of: usize| {
        if of == 0 {
            0.0
        } else {
            hits as f64 / of as f64
        }
    };
    CueShares {
        keys,
        wrong,
        shares: CUE_TABLE
            .iter()
            .enumerate()
            .map(|(i, row)| CueShare {
                cue: row.cue,
                name: row.name,
                keys: share(key_hits[i], keys),
                wrong: share(wrong_hits[i], wrong),
            })
            .collect(),
        key_words: share(key_words, keys),
        wrong_words: share(wrong_words, wrong),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cues::fixtures::{balanced_bank, cued_bank};

    #[test]
    fn a_bank_whose_keys_join_actions_and_wrong_options_say_always_fails() {
        let bank = cued_bank();
        let shares = cue_shares(&bank.iter().collect::<Vec<_>>());
        let connector = &shares.shares[0];
        assert_eq!(connector.cue, Cue::Connector);
        assert_eq!((connector.keys, connector.wrong), (1.0, 0.0));
        assert!(!connector.within_limit());
        let absolute = &shares.shares[2];
        assert_eq!((absolute.keys, absolute.wrong), (0.0, 1.0));
        assert!(absolute.gap() < -MAX_SHARE_GAP);
        assert!(shares.key_words > shares.wrong_words);
    }

    #[test]
    fn a_bank_whose_options_take_turns_as_key_passes() {
        let bank = balanced_bank();
        let shares = cue_shares(&bank.iter().collect::<Vec<_>>());
        assert_eq!(shares.keys * 3, shares.wrong);
        for share in &shares.shares {
            assert!(share.within_limit(), "{share:?}");
        }
        // The fixture does carry cues: equal on both sides, not absent.
        assert!(shares.shares.iter().all(|s| s.keys > 0.0));
        assert!((shares.key_words - shares.wrong_words).abs() < 1e-9);
    }

    #[test]
    fn no_questions_give_zero_shares_not_a_division_by_zero() {
        let shares = cue_shares(&[]);
        assert!(
            shares
                .shares
                .iter()
                .all(|s| s.keys == 0.0 && s.wrong == 0.0)
        );
        assert_eq!(shares.key_words, 0.0);
    }
}
