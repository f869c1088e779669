//! Small-cell and complementary suppression over any set of additive relations
//! ("total = Σ parts"): the unit tree at each period, and the periods of each unit (see
//! [`super::grid`]). The rule in plain words is in `docs/anonymity.md`.
//!
//! 1. A cell with 0 < n < k is hidden (`below_k`).
//! 2. A relation with exactly one hidden member would give it away by subtraction: hide
//!    another member, the smallest shown part with n > 0 (ties: the first), or else the
//!    total (`complementary`). Repeat until every relation has none or at least two hidden.
//! 3. Audit ([`super::derivation::exposed`]): combinations of relations and the public
//!    bounds can still pin a `below_k` cell; for each such cell hide the smallest shown cell
//!    next to it and go back to 2. Ends when the audit finds nothing (every round hides one
//!    more cell, so it always ends).
//!
//! Zero cells stay shown: "nobody answered" protects nobody and hiding it would tell the
//! same thing (a hidden cell has n ≥ 1).

use super::derivation::exposed;
use super::threshold::MinRespondents;
use crate::text::Text;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// `total = Σ parts`, over cell indices. Where the data is not exactly additive (one
/// response per person per period) the rule still treats it as if it were: an attacker
/// gets at most that much.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    pub total: usize,
    pub parts: Vec<usize>,
}

/// Why a cell is hidden. The code is stable; the UI shows [`Reason::message`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Fewer than k people.
    BelowK,
    /// Hidden so that a hidden cell next to it cannot be worked out by subtraction.
    Complementary,
}

impl Reason {
    pub fn code(self) -> &'static str {
        match self {
            Reason::BelowK => "below_k",
            Reason::Complementary => "complementary",
        }
    }

    /// What the cell says instead of a number.
    pub fn message(self, k: MinRespondents) -> Text {
        match self {
            Reason::BelowK => Text::new(
                format!("Kurang dari {} responden", k.get()),
                format!("Fewer than {} respondents", k.get()),
            ),
            Reason::Complementary => Text::new(
                "Disembunyikan agar kelompok kecil di sebelahnya tidak bisa dihitung dari selisih",
                "Hidden so that a small group next to it cannot be worked out by subtraction",
            ),
        }
    }
}

/// A cell's fate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", content = "reason", rename_all = "snake_case")]
pub enum Visibility {
    Shown,
    Suppressed(Reason),
}

/// A figure as the API and the exports carry it: the value with its n, or the reason only
/// (never the n of a hidden cell).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Guarded<T> {
    Shown { n: u32, value: T },
    Suppressed { reason: Reason },
}

impl Visibility {
    /// Wraps a figure; `value` is computed only for a shown cell.
    pub fn guard<T>(self, n: u32, value: impl FnOnce() -> T) -> Guarded<T> {
        match self {
            Visibility::Shown => Guarded::Shown { n, value: value() },
            Visibility::Suppressed(reason) => Guarded::Suppressed { reason },
        }
    }
}

/// Decides every cell. `counts[c]` is the number of people in cell `c`; relation indices
/// must be below `counts.len()` (relations naming other cells are ignored).
pub fn suppress(counts: &[u32], relations: &[Relation], k: MinRespondents) -> Vec<Visibility> {
    let relations: Vec<Relation> = relations
        .iter()
        .filter(|r| r.total < counts.len() && r.parts.iter().all(|&p| p < counts.len()))
        .cloned()
        .collect();
    let mut hidden: Vec<Option<Reason>> = counts
        .iter()
        .map(|&n| k.too_few(n).then_some(Reason::BelowK))
        .collect();
    loop {
        while single_hidden_pass(counts, &relations, &mut hidden) {}
        let open = exposed(counts, &hidden, &relations, k.get());
        if open.is_empty() {
            break;
        }
        let mut progressed = false;
        for cell in open {
            if let Some(c) = complement_near(cell, counts, &relations, &hidden) {
                hidden[c] = Some(Reason::Complementary);
                progressed = true;
            }
        }
        if !progressed {
            // Nothing shown is left around the exposed cells: their relations are
            // all hidden or zero, so there is nothing more to hide.
            break;
        }
    }
    hidden
        .into_iter()
        .map(|h| h.map_or(Visibility::Shown, Visibility::Suppressed))
        .collect()
}

/// One sweep of rule 2; true when it hid something.
fn single_hidden_pass(
    counts: &[u32],
    relations: &[Relation],
    hidden: &mut [Option<Reason>],
) -> bool {
    let mut changed = false;
    for r in relations {
        let n_hidden = std::iter::once(&r.total)
            .chain(&r.parts)
            .filter(|&&c| hidden[c].is_some())
            .count();
        if n_hidden == 1
            && let Some(c) = complement_in(r, counts, hidden)
        {
            hidden[c] = Some(Reason::Complementary);
            changed = true;
        }
    }
    changed
}

/// The member of `r` to hide next: the smallest shown part with n > 0 (ties → first), or
/// else the total when shown with n > 0.
fn complement_in(r: &Relation, counts: &[u32], hidden: &[Option<Reason>]) -> Option<usize> {
    let shown = |c: &usize| hidden[*c].is_none() && counts[*c] > 0;
    r.parts
        .iter()
        .copied()
        .filter(shown)
        .min_by_key(|&c| (counts[c], c))
        .or_else(|| shown(&r.total).then_some(r.total))
}

/// For a cell the audit found exposed: the smallest shown cell (n > 0) in the relations it
/// belongs to, searching outward through hidden cells when those have none.
fn complement_near(
    cell: usize,
    counts: &[u32],
    relations: &[Relation],
    hidden: &[Option<Reason>],
) -> Option<usize> {
    let mut reached: BTreeSet<usize> = BTreeSet::from([cell]);
    let mut frontier = vec![cell];
    while !frontier.is_empty() {
        let mut candidates = Vec::new();
        let mut next = Vec::new();
        for r in relations {
            let members: Vec<usize> = std::iter::once(r.total)
                .chain(r.parts.iter().copied())
                .collect();
            if !members.iter().any(|m| frontier.contains(m)) {
                continue;
            }
            for m in members {
                if hidden[m].is_none() {
                    if counts[m] > 0 {
                        candidates.push(m);
                    }
                } else if reached.insert(m) {
                    next.push(m);
                }
            }
        }
        if let Some(c) = candidates.into_iter().min_by_key(|&c| (counts[c], c)) {
            return Some(c);
        }
        frontier = next;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel(total: usize, parts: &[usize]) -> Relation {
        Relation {
            total,
            parts: parts.to_vec(),
        }
    }

    fn codes(v: &[Visibility]) -> Vec<&'static str> {
        v.iter()
            .map(|v| match v {
                Visibility::Shown => "shown",
                Visibility::Suppressed(r) => r.code(),
            })
            .collect()
    }

    #[test]
    fn a_lone_small_child_takes_the_smallest_sibling_with_it() {
        // 20 = 3 + 9 + 8: 3 is below k, 8 is the smallest shown sibling.
        let v = suppress(
            &[20, 3, 9, 8],
            &[rel(0, &[1, 2, 3])],
            MinRespondents::default(),
        );
        assert_eq!(codes(&v), ["shown", "below_k", "shown", "complementary"]);
    }

    #[test]
    fn two_small_children_protect_each_other_and_zeros_stay_shown() {
        let v = suppress(
            &[20, 3, 2, 15, 0],
            &[rel(0, &[1, 2, 3, 4])],
            MinRespondents::default(),
        );
        assert_eq!(codes(&v), ["shown", "below_k", "below_k", "shown", "shown"]);
    }

    #[test]
    fn with_only_zero_siblings_the_total_goes() {
        // 3 = 3 + 0: the total is below k itself.
        let v = suppress(&[3, 3, 0], &[rel(0, &[1, 2])], MinRespondents::default());
        assert_eq!(codes(&v), ["below_k", "below_k", "shown"]);
        // 9 = 2 + 7 + 0 with k = 8: 7 is below k too; both hidden, the total shows.
        let k8 = MinRespondents::new(8).unwrap();
        let v = suppress(&[9, 2, 7, 0], &[rel(0, &[1, 2, 3])], k8);
        assert_eq!(codes(&v), ["shown", "below_k", "below_k", "shown"]);
    }

    #[test]
    fn a_k_sized_complement_that_would_pin_the_small_cell_takes_one_more() {
        // 16 = 1 + 5 + 10: hiding the 5 leaves 1 + (≥ 5) = 6, so the 1 is pinned by the
        // bounds; the 10 is hidden too.
        let v = suppress(
            &[16, 1, 5, 10],
            &[rel(0, &[1, 2, 3])],
            MinRespondents::default(),
        );
        assert_eq!(
            codes(&v),
            ["shown", "below_k", "complementary", "complementary"]
        );
    }

    #[test]
    fn guard_never_carries_the_n_of_a_hidden_cell() {
        let hidden = Visibility::Suppressed(Reason::BelowK).guard(3, || 42.0);
        let json = serde_json::to_value(&hidden).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"status": "suppressed", "reason": "below_k"})
        );
        let shown = Visibility::Shown.guard(7, || 42.0);
        let json = serde_json::to_value(&shown).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"status": "shown", "n": 7, "value": 42.0})
        );
        assert_eq!(
            Reason::BelowK.message(MinRespondents::default()).id,
            "Kurang dari 5 responden"
        );
    }
}
