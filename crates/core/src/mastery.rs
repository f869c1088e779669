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

impl From<(u32, u32)> for Tally {
    fn from((correct, answered): (u32, u32)) -> Tally {
        Tally { correct, answered }
    }
}

/// `(correct, answered)` per key, the shape results are stored in (`per_value`): one map
/// type for the phone's result, history and progress, so its code is in the wasm once.
pub fn tally_by<K: Ord>(answers: impl IntoIterator<Item = (K, bool)>) -> BTreeMap<K, (u32, u32)> {
    let mut tallies: BTreeMap<K, (u32, u32)> = BTreeMap::new();
    for (key, correct) in answers {
        let (right, answered) = tallies.entry(key).or_default();
        *answered += 1;
        *right += u32::from(correct);
    }
    tallies
}

/// The percentage correct of each key in `order` (`None` where nothing was answered), for
/// charts whose axes come in a fixed order (the seven values).
pub fn percents_in_order<K, Q>(tallies: &BTreeMap<K, (u32, u32)>, order: &[&Q]) -> Vec<Option<u32>>
where
    K: Ord + std::borrow::Borrow<Q>,
    Q: Ord + ?Sized,
{
    order
        .iter()
        .map(|k| {
            tallies
                .get(*k)
                .and_then(|&pair| Tally::from(pair).percent())
        })
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
        assert_eq!(t["loyal"], (2, 3));
        assert_eq!(t["adaptif"], (0, 1));
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
        assert_eq!(Tally::from(t["a"]).percent(), Some(67));
    }
}
