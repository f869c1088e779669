//! Mastery tallies: how many practice answers were right, out of how many, per value (or per
//! indicator, or any other key). The phone's progress page tallies one person's history;
//! a unit's dashboard tallies many people's answers the same way.

use std::collections::BTreeMap;

use crate::practice::percent;

/// Correct answers out of answered ones.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub correct: u32,
    pub answered: u32,
}

impl Tally {
    /// Counts one more answer.
    pub fn add(&mut self, correct: bool) {
        self.answered += 1;
        if correct {
            self.correct += 1;
        }
    }

    /// Share correct, 0–100 rounded; `None` when nothing was answered (not 0 %: no answer is
    /// not a wrong answer).
    pub fn percent(self) -> Option<u32> {
        (self.answered > 0).then(|| percent(self.correct, self.answered))
    }

    /// As the `(correct, answered)` pair practice results store.
    pub fn pair(self) -> (u32, u32) {
        (self.correct, self.answered)
    }
}

/// Tallies answers given as `(key, correct)`, e.g. `(value id, correct)` for mastery per
/// value or `(indicator id, correct)` per indicator.
pub fn tally_by<K: Ord>(answers: impl IntoIterator<Item = (K, bool)>) -> BTreeMap<K, Tally> {
    let mut tallies: BTreeMap<K, Tally> = BTreeMap::new();
    for (key, correct) in answers {
        tallies.entry(key).or_default().add(correct);
    }
    tallies
}

/// The share correct per key, for the keys in `order` (e.g. the seven values in catalogue
/// order); `None` for a key nobody answered.
pub fn percents_in_order<K, Q>(tallies: &BTreeMap<K, Tally>, order: &[&Q]) -> Vec<Option<u32>>
where
    K: Ord + std::borrow::Borrow<Q>,
    Q: Ord + ?Sized,
{
    order
        .iter()
        .map(|k| tallies.get(*k).and_then(|t| t.percent()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_tallied_per_key() {
        let t = tally_by([
            ("loyal", true),
            ("adaptif", false),
            ("loyal", false),
            ("loyal", true),
        ]);
        assert_eq!(
            t["loyal"],
            Tally {
                correct: 2,
                answered: 3
            }
        );
        assert_eq!(t["adaptif"].pair(), (0, 1));
        assert_eq!(t.len(), 2);
    }

    #[test]
    fn a_value_nobody_answered_has_no_percentage_rather_than_zero() {
        let t = tally_by([("loyal", true), ("adaptif", false)]);
        assert_eq!(
            percents_in_order(&t, &["adaptif", "loyal", "kompeten"]),
            vec![Some(0), Some(100), None]
        );
        assert_eq!(Tally::default().percent(), None);
    }

    #[test]
    fn the_percentage_is_rounded() {
        let t = tally_by([("a", true), ("a", true), ("a", false)]);
        assert_eq!(t["a"].percent(), Some(67));
    }
}
