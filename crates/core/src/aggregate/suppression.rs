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

impl Relation {
    pub fn new(total: usize, parts: &[usize]) -> Relation {
        Relation {
            total,
            parts: parts.to_vec(),
        }
    }

    /// The total, then the parts.
    pub fn members(&self) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(self.total).chain(self.parts.iter().copied())
    }
}

/// Why a cell is hidden. The code is stable; the UI shows [`Reason::message`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Fewer than k people.
    BelowK,
    /// Hidden so that a hidden cell next to it cannot be worked out by subtraction.
    Complementary,
    /// A questionnaire figure of a period that has not ended yet ([`super::running`]).
    Running,
}

impl Reason {
    pub fn code(self) -> &'static str {
        match self {
            Reason::BelowK => "below_k",
            Reason::Complementary => "complementary",
            Reason::Running => "running",
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
            Reason::Running => Text::new(
                "Periode masih berjalan: angka kuesioner tampil setelah periode berakhir",
                "This period is still running: questionnaire figures appear once it has ended",
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

/// The rule's decision for every cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub visibility: Vec<Visibility>,
    /// `below_k` cells the audit can still pin although nothing shown (with n > 0) is left
    /// around them to hide: the reason codes and the zeros give their count away. Rare (all
    /// of a tiny unit's figures hidden, by month); the caller must then publish coarser spans
    /// (see [`super::grid::Grid::build_safest`]).
    pub residual: Vec<usize>,
}

/// Decides every cell. `counts[c]` is the number of people in cell `c`; relation indices
/// must be below `counts.len()` (relations naming other cells are ignored).
pub fn suppress(counts: &[u32], relations: &[Relation], k: MinRespondents) -> Decision {
    let relations: Vec<Relation> = relations
        .iter()
        .filter(|r| r.members().all(|c| c < counts.len()))
        .cloned()
        .collect();
    let mut t = Table {
        counts,
        by_cell: vec![Vec::new(); counts.len()],
        hidden: counts
            .iter()
            .map(|&n| k.too_few(n).then_some(Reason::BelowK))
            .collect(),
        relations: &relations,
        k: k.get(),
    };
    for (i, r) in relations.iter().enumerate() {
        for c in r.members() {
            t.by_cell[c].push(i);
        }
    }
    let residual = loop {
        while t.single_hidden_pass() {}
        let open = exposed(counts, &t.hidden, &relations, k.get());
        let mut progressed = false;
        for &cell in &open {
            if let Some(c) = t.complement_near(cell) {
                t.hidden[c] = Some(Reason::Complementary);
                progressed = true;
            }
        }
        // Nothing exposed, or nothing shown left around what is (all hidden or zero).
        if !progressed {
            break open;
        }
    };
    Decision {
        visibility: t
            .hidden
            .into_iter()
            .map(|h| h.map_or(Visibility::Shown, Visibility::Suppressed))
            .collect(),
        residual,
    }
}

struct Table<'a> {
    counts: &'a [u32],
    relations: &'a [Relation],
    /// Relations each cell takes part in.
    by_cell: Vec<Vec<usize>>,
    hidden: Vec<Option<Reason>>,
    k: u32,
}

impl Table<'_> {
    fn hidden_in(&self, r: &Relation) -> usize {
        r.members().filter(|&c| self.hidden[c].is_some()).count()
    }

    /// Shown and not zero: a cell that can serve as a complement.
    fn can_hide(&self, c: usize) -> bool {
        self.hidden[c].is_none() && self.counts[c] > 0
    }

    /// Preference among complements: first one with more than k people (a complement of
    /// exactly k adds no doubt: next to a hidden 1, "1 + at least 5 = 6" gives the 1
    /// away), then the one that leaves the fewest other relations with a lone hidden member
    /// (each would need yet another complement: choosing well here keeps whole rows of months
    /// from going dark), then the smallest, then the first.
    fn cost(&self, c: usize) -> (bool, usize, u32, usize) {
        let lone = self.by_cell[c]
            .iter()
            .filter(|&&r| self.hidden_in(&self.relations[r]) == 0)
            .count();
        (self.counts[c] <= self.k, lone, self.counts[c], c)
    }

    /// One sweep of rule 2; true when it hid something.
    fn single_hidden_pass(&mut self) -> bool {
        let mut changed = false;
        for r in self.relations {
            if self.hidden_in(r) == 1
                && let Some(c) = self.complement_in(r)
            {
                self.hidden[c] = Some(Reason::Complementary);
                changed = true;
            }
        }
        changed
    }

    /// The member of `r` to hide next: a shown part with n > 0 (by [`Table::cost`]), or
    /// else the total when shown with n > 0.
    fn complement_in(&self, r: &Relation) -> Option<usize> {
        r.parts
            .iter()
            .copied()
            .filter(|&c| self.can_hide(c))
            .min_by_key(|&c| self.cost(c))
            .or_else(|| self.can_hide(r.total).then_some(r.total))
    }

    /// For a cell the audit found exposed: the best shown cell (n > 0) in the relations it
    /// belongs to, searching outward through hidden cells when those have none.
    fn complement_near(&self, cell: usize) -> Option<usize> {
        let mut reached: BTreeSet<usize> = BTreeSet::from([cell]);
        let mut frontier = vec![cell];
        while !frontier.is_empty() {
            let mut candidates = BTreeSet::new();
            let mut next = Vec::new();
            for &f in &frontier {
                for &r in &self.by_cell[f] {
                    for m in self.relations[r].members() {
                        if self.can_hide(m) {
                            candidates.insert(m);
                        } else if self.hidden[m].is_some() && reached.insert(m) {
                            next.push(m);
                        }
                    }
                }
            }
            if let Some(c) = candidates.into_iter().min_by_key(|&c| self.cost(c)) {
                return Some(c);
            }
            frontier = next;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suppress_all(counts: &[u32], relations: &[Relation], k: MinRespondents) -> Vec<Visibility> {
        let d = suppress(counts, relations, k);
        assert!(d.residual.is_empty());
        d.visibility
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
        let v = suppress_all(
            &[20, 3, 9, 8],
            &[Relation::new(0, &[1, 2, 3])],
            MinRespondents::default(),
        );
        assert_eq!(codes(&v), ["shown", "below_k", "shown", "complementary"]);
    }

    #[test]
    fn two_small_children_protect_each_other_and_zeros_stay_shown() {
        let v = suppress_all(
            &[20, 3, 2, 15, 0],
            &[Relation::new(0, &[1, 2, 3, 4])],
            MinRespondents::default(),
        );
        assert_eq!(codes(&v), ["shown", "below_k", "below_k", "shown", "shown"]);
    }

    #[test]
    fn with_only_zero_siblings_the_total_goes() {
        // 3 = 3 + 0: the total is below k itself.
        let v = suppress_all(
            &[3, 3, 0],
            &[Relation::new(0, &[1, 2])],
            MinRespondents::default(),
        );
        assert_eq!(codes(&v), ["below_k", "below_k", "shown"]);
        // 9 = 2 + 7 + 0 with k = 8: 7 is below k too; both hidden, the total shows.
        let k8 = MinRespondents::new(8).unwrap();
        let v = suppress_all(&[9, 2, 7, 0], &[Relation::new(0, &[1, 2, 3])], k8);
        assert_eq!(codes(&v), ["shown", "below_k", "below_k", "shown"]);
    }

    #[test]
    fn a_complement_of_exactly_k_is_passed_over() {
        // 16 = 1 + 5 + 10: hiding the 5 would leave "1 + at least 5 = 6", which gives the 1
        // away; the 10 is hidden instead.
        let v = suppress_all(
            &[16, 1, 5, 10],
            &[Relation::new(0, &[1, 2, 3])],
            MinRespondents::default(),
        );
        assert_eq!(codes(&v), ["shown", "below_k", "shown", "complementary"]);
    }

    #[test]
    fn the_audit_adds_a_complement_when_only_k_sized_ones_exist() {
        // 11 = 1 + 5 + 5: the first 5 alone would pin the 1 ("1 + at least 5 = 6"); the audit
        // hides one more cell, the one with more than k people: here the total.
        let v = suppress_all(
            &[11, 1, 5, 5],
            &[Relation::new(0, &[1, 2, 3])],
            MinRespondents::default(),
        );
        assert_eq!(
            codes(&v),
            ["complementary", "below_k", "complementary", "shown"]
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
