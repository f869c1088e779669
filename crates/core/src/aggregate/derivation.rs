//! What an outsider can work out about hidden cells from the shown ones: the audit the
//! suppression rule runs after its simple "exactly one hidden member" pass.
//!
//! Two attacks on the counts (a cell's sums follow the same additive relations, so a count
//! that cannot be pinned down keeps the sums with it hidden too):
//! - **linear**: any combination of relations (parent minus shown children, a subtree
//!   subtracted, a quarter minus its months, chained) that leaves one hidden cell alone.
//!   Reduce the relations, restricted to the hidden cells, to fully reduced row echelon
//!   form (sparse elimination); a reduced row with a single hidden cell gives it away.
//! - **bounds**: the public facts narrow a hidden count: every hidden cell has n ≥ 1 (zeros are
//!   shown), a `below_k` cell n ≤ k − 1, a `complementary` one n ≥ k (it was shown-sized).
//!   Pushed through every relation and every reduced row until nothing narrows; a
//!   `below_k` cell whose range shrinks to one whole number is exposed.
//!
//! Right-hand sides are what an outsider computes from the shown cells. Not every relation
//! is an exact sum: people are counted once per span, so a quarter's respondents are the
//! *union* of its months' (a person answering in two months counts once), as the people
//! who practised anything are the union of those per value. Where the true counts do not add
//! up, an outsider reasoning with the sum would get a wrong number, not a person's; the
//! bounds then use what always holds for a union (the largest part ≤ total ≤ the sum of the
//! parts), and the reduced rows of such a group are not used for bounds. The elimination
//! itself still treats every relation as a sum (conservative).

use super::suppression::{Reason, Relation};
use std::collections::BTreeMap;

/// Below this a reduced coefficient is zero. The relations have coefficients ±1 and the
/// reduced ones are small fractions (½, ⅓, …), far from it either way.
const EPS: f64 = 1e-9;

/// Largest group of linked hidden cells the elimination takes on. A larger group is
/// treated as exposed, so the rule hides more around it: safe, at the cost of showing less.
/// Only a grid where most cells are already hidden (tiny units by month) gets near it.
pub const MAX_GROUP: usize = 4000;

fn find(parent: &mut [usize], x: usize) -> usize {
    let mut root = x;
    while parent[root] != root {
        root = parent[root];
    }
    let mut x = x;
    while parent[x] != root {
        let next = parent[x];
        parent[x] = root;
        x = next;
    }
    root
}

/// True when the relation's true counts add up exactly.
fn exact(r: &Relation, counts: &[u32]) -> bool {
    let parts: u64 = r.parts.iter().map(|&p| u64::from(counts[p])).sum();
    u64::from(counts[r.total]) == parts
}

/// total − Σ parts = 0.
fn coefficients(r: &Relation) -> impl Iterator<Item = (usize, f64)> + '_ {
    std::iter::once((r.total, 1.0)).chain(r.parts.iter().map(|&p| (p, -1.0)))
}

/// A linear fact an outsider holds: Σ coef · n(cell) = rhs.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub terms: Vec<(usize, f64)>,
    pub rhs: f64,
}

/// What elimination gives: cells pinned exactly, and the reduced rows (for the bounds).
#[derive(Debug, Clone, Default)]
pub struct Reduced {
    pub determined: Vec<usize>,
    pub rows: Vec<Fact>,
    /// Hidden cells in a group larger than [`MAX_GROUP`]: treated as exposed (the rule then
    /// hides more around them rather than trust an unfinished check).
    pub unchecked: Vec<usize>,
}

/// Reduces the relations over the hidden cells, group by group (hidden cells that share a
/// relation).
pub fn reduce(counts: &[u32], hidden: &[Option<Reason>], relations: &[Relation]) -> Reduced {
    let mut inexact_groups = std::collections::BTreeSet::new();
    let mut parent: Vec<usize> = (0..hidden.len()).collect();
    for r in relations {
        let mut first = None;
        for (c, _) in coefficients(r).filter(|(c, _)| hidden[*c].is_some()) {
            match first {
                None => first = Some(c),
                Some(f) => {
                    let (a, b) = (find(&mut parent, f), find(&mut parent, c));
                    parent[a] = b;
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for c in (0..hidden.len()).filter(|c| hidden[*c].is_some()) {
        groups.entry(find(&mut parent, c)).or_default().push(c);
    }
    let mut rows_of: BTreeMap<usize, Vec<&Relation>> = BTreeMap::new();
    for r in relations {
        if let Some((c, _)) = coefficients(r).find(|(c, _)| hidden[*c].is_some()) {
            let root = find(&mut parent, c);
            if !exact(r, counts) {
                inexact_groups.insert(root);
            }
            rows_of.entry(root).or_default().push(r);
        }
    }
    let mut out = Reduced::default();
    for (root, cells) in groups {
        if cells.len() > MAX_GROUP {
            out.unchecked.extend(&cells);
            continue;
        }
        let col: BTreeMap<usize, usize> = cells.iter().enumerate().map(|(i, c)| (*c, i)).collect();
        let mut basis = Basis::default();
        for r in rows_of.get(&root).into_iter().flatten() {
            let mut terms: BTreeMap<usize, f64> = BTreeMap::new();
            let mut rhs = 0.0;
            for (c, a) in coefficients(r) {
                match col.get(&c) {
                    Some(&j) => *terms.entry(j).or_default() += a,
                    None => rhs -= a * f64::from(counts[c]),
                }
            }
            terms.retain(|_, a| a.abs() > EPS);
            basis.insert(terms.into_iter().collect(), rhs);
        }
        for (terms, rhs) in basis.reduced() {
            let terms: Vec<(usize, f64)> = terms.into_iter().map(|(j, a)| (cells[j], a)).collect();
            if let [(c, _)] = terms[..] {
                out.determined.push(c);
            }
            if !inexact_groups.contains(&root) {
                out.rows.push(Fact { terms, rhs });
            }
        }
    }
    out.determined.sort_unstable();
    out.unchecked.sort_unstable();
    out
}

/// A sparse row: (column, coefficient), columns increasing.
type Row = Vec<(usize, f64)>;

/// `a − f · b` on sparse rows, dropping what cancels.
fn sub_scaled(a: &Row, f: f64, b: &Row) -> Row {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let (col, x) = match (a.get(i), b.get(j)) {
            (Some(&(ca, xa)), Some(&(cb, xb))) if ca == cb => {
                i += 1;
                j += 1;
                (ca, xa - f * xb)
            }
            (Some(&(ca, xa)), Some(&(cb, _))) if ca < cb => {
                i += 1;
                (ca, xa)
            }
            (Some(&(ca, xa)), None) => {
                i += 1;
                (ca, xa)
            }
            (_, Some(&(cb, xb))) => {
                j += 1;
                (cb, -f * xb)
            }
            (None, None) => break,
        };
        if x.abs() > EPS {
            out.push((col, x));
        }
    }
    out
}

/// Sparse Gaussian elimination, one relation at a time: each kept row has a pivot (its
/// first column, coefficient 1) that no later row contains. Relations are sparse and stay
/// nearly so, which keeps a year of a large agency fast.
#[derive(Default)]
struct Basis {
    rows: BTreeMap<usize, (Row, f64)>,
}

impl Basis {
    fn insert(&mut self, mut row: Row, mut rhs: f64) {
        let mut at = 0;
        while at < row.len() {
            let (col, x) = row[at];
            match self.rows.get(&col) {
                Some((pivot, prhs)) => {
                    rhs -= x * prhs;
                    row = sub_scaled(&row, x, pivot);
                    // Columns before `at` are untouched (a pivot row starts at its pivot).
                }
                None => at += 1,
            }
        }
        if let Some(&(col, x)) = row.first() {
            row.iter_mut().for_each(|t| t.1 /= x);
            self.rows.insert(col, (row, rhs / x));
        }
    }

    /// Fully reduced rows: each pivot, then only columns that are no row's pivot.
    fn reduced(mut self) -> Vec<(Row, f64)> {
        let pivots: Vec<usize> = self.rows.keys().rev().copied().collect();
        for p in pivots {
            let Some((mut row, mut rhs)) = self.rows.remove(&p) else {
                continue;
            };
            // Later pivots are already reduced; clear them from this row.
            let later: Vec<(usize, f64)> = row[1..]
                .iter()
                .copied()
                .filter(|(c, _)| self.rows.contains_key(c))
                .collect();
            for (c, x) in later {
                if let Some((other, orhs)) = self.rows.get(&c) {
                    rhs -= x * orhs;
                    row = sub_scaled(&row, x, other);
                }
            }
            self.rows.insert(p, (row, rhs));
        }
        self.rows.into_values().collect()
    }
}

/// A count's public range (`hi` may be infinite).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Range {
    pub lo: f64,
    pub hi: f64,
}

impl Range {
    /// One whole number fits: the count is known.
    pub fn pinned(&self) -> bool {
        self.lo.ceil() == self.hi.floor() && self.lo <= self.hi
    }
}

/// The ranges an outsider can narrow every cell to, from the public bounds, the relations
/// and the extra `facts` (reduced rows).
pub fn ranges(
    counts: &[u32],
    hidden: &[Option<Reason>],
    relations: &[Relation],
    facts: &[Fact],
    k: u32,
) -> Vec<Range> {
    let k = f64::from(k);
    let mut r: Vec<Range> = counts
        .iter()
        .zip(hidden)
        .map(|(&n, h)| match h {
            None => Range {
                lo: f64::from(n),
                hi: f64::from(n),
            },
            Some(Reason::BelowK) => Range {
                lo: 1.0,
                hi: k - 1.0,
            },
            Some(Reason::Complementary) => Range {
                lo: k,
                hi: f64::INFINITY,
            },
            // Hidden for its period still running: any count at all.
            Some(Reason::Running) => Range {
                lo: 0.0,
                hi: f64::INFINITY,
            },
        })
        .collect();
    let (sums, unions): (Vec<&Relation>, Vec<&Relation>) =
        relations.iter().partition(|rel| exact(rel, counts));
    let mut all: Vec<Fact> = sums
        .iter()
        .map(|rel| Fact {
            terms: coefficients(rel).collect(),
            rhs: 0.0,
        })
        .collect();
    all.extend(facts.iter().cloned());
    // Each pass can only narrow; the pass limit keeps a slow ping-pong finite.
    for _ in 0..64 {
        let mut changed = false;
        for fact in &all {
            changed |= narrow_by(fact, &mut r);
        }
        for rel in &unions {
            changed |= narrow_union(rel, &mut r);
        }
        if !changed {
            break;
        }
    }
    r
}

/// A union: every part ≤ total ≤ Σ parts, so total ≥ the largest part's lower bound and
/// each part ≥ total − the others' upper bounds.
fn narrow_union(rel: &Relation, r: &mut [Range]) -> bool {
    let mut changed = false;
    let most = rel.parts.iter().map(|&p| r[p].lo).fold(0.0, f64::max);
    let sum_hi: f64 = rel.parts.iter().map(|&p| r[p].hi).sum();
    changed |= tighten(&mut r[rel.total], most, sum_hi);
    let total = r[rel.total];
    for &p in &rel.parts {
        let others: f64 = rel
            .parts
            .iter()
            .filter(|&&q| q != p)
            .map(|&q| r[q].hi)
            .sum();
        changed |= tighten(&mut r[p], total.lo - others, total.hi);
    }
    changed
}

fn tighten(x: &mut Range, lo: f64, hi: f64) -> bool {
    let (lo, hi) = ((lo - 1e-9).ceil(), (hi + 1e-9).floor());
    let mut changed = false;
    if lo > x.lo {
        x.lo = lo;
        changed = true;
    }
    if hi < x.hi {
        x.hi = hi;
        changed = true;
    }
    changed
}

/// One fact Σ a·x = rhs narrows each of its cells by interval arithmetic on the others.
fn narrow_by(fact: &Fact, r: &mut [Range]) -> bool {
    let term = |a: f64, x: Range| {
        let (p, q) = (a * x.lo, a * x.hi);
        (p.min(q), p.max(q))
    };
    let mut changed = false;
    for (i, &(c, a)) in fact.terms.iter().enumerate() {
        let (mut lo, mut hi) = (0.0, 0.0);
        for (j, &(d, b)) in fact.terms.iter().enumerate() {
            if i != j {
                let (p, q) = term(b, r[d]);
                lo += p;
                hi += q;
            }
        }
        // a·x_c ∈ [rhs − hi, rhs − lo]; counts are whole numbers.
        let (p, q) = ((fact.rhs - hi) / a, (fact.rhs - lo) / a);
        changed |= tighten(&mut r[c], p.min(q), p.max(q));
    }
    changed
}

/// `below_k` cells an outsider can pin down, by either attack.
pub fn exposed(
    counts: &[u32],
    hidden: &[Option<Reason>],
    relations: &[Relation],
    k: u32,
) -> Vec<usize> {
    let reduced = reduce(counts, hidden, relations);
    let r = ranges(counts, hidden, relations, &reduced.rows, k);
    let mut out: Vec<usize> = reduced
        .determined
        .iter()
        .chain(&reduced.unchecked)
        .copied()
        .chain((0..counts.len()).filter(|&c| r[c].pinned()))
        .filter(|&c| hidden[c] == Some(Reason::BelowK))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_hidden_part_is_determined_two_are_not() {
        let rels = [Relation::new(0, &[1, 2, 3])];
        let h = |xs: &[usize]| {
            (0..4)
                .map(|c| xs.contains(&c).then_some(Reason::BelowK))
                .collect::<Vec<_>>()
        };
        assert_eq!(reduce(&[9, 3, 3, 3], &h(&[2]), &rels).determined, vec![2]);
        assert!(
            reduce(&[9, 3, 3, 3], &h(&[2, 3]), &rels)
                .determined
                .is_empty()
        );
    }

    /// A 4 × 4 table with its row and column totals shown: two hidden 2 × 2 blocks joined
    /// by one hidden cell. Every row and column has 0 or ≥ 2 hidden cells, yet (rows 1 + 2)
    /// − (columns 1 + 2) leaves the joining cell alone.
    fn bridged_table() -> (Vec<Relation>, Vec<Option<Reason>>) {
        let cell = |i: usize, j: usize| i * 4 + j;
        let mut rels = Vec::new();
        for i in 0..4 {
            rels.push(Relation::new(
                16 + i,
                &(0..4).map(|j| cell(i, j)).collect::<Vec<_>>(),
            ));
            rels.push(Relation::new(
                20 + i,
                &(0..4).map(|r| cell(r, i)).collect::<Vec<_>>(),
            ));
        }
        let mut hidden = vec![None; 24];
        for (i, j) in [
            (0, 0),
            (0, 1),
            (1, 0),
            (1, 1),
            (2, 2),
            (2, 3),
            (3, 2),
            (3, 3),
        ] {
            hidden[cell(i, j)] = Some(Reason::Complementary);
        }
        hidden[cell(1, 2)] = Some(Reason::BelowK);
        (rels, hidden)
    }

    #[test]
    fn a_combination_of_relations_is_followed() {
        let (rels, mut hidden) = bridged_table();
        assert_eq!(reduce(&[1; 24], &hidden, &rels).determined, vec![6]);
        // Hiding a second cell in row 1 and column 2 closes the cycle.
        hidden[2] = Some(Reason::Complementary);
        assert!(reduce(&[1; 24], &hidden, &rels).determined.is_empty());
    }

    #[test]
    fn a_union_that_does_not_add_up_pins_nothing_by_mistake() {
        // People per value are a union: 6 in all, 6 practised pelayanan, 5 adaptif, split
        // over adaptif-2 (5) and adaptif-3 (2, hidden). Treated as sums, these would "pin"
        // the 2 at 1; as unions they say only that it is 1 to 4.
        let counts = [6, 6, 5, 6, 5, 2];
        let rels = [
            Relation::new(0, &[1, 2]),
            Relation::new(1, &[3]),
            Relation::new(2, &[4, 5]),
        ];
        let mut hidden = vec![None; 6];
        hidden[4] = Some(Reason::Complementary);
        hidden[5] = Some(Reason::BelowK);
        assert!(exposed(&counts, &hidden, &rels, 5).is_empty());
        let red = reduce(&counts, &hidden, &rels);
        let r = ranges(&counts, &hidden, &rels, &red.rows, 5);
        assert_eq!((r[5].lo, r[5].hi), (1.0, 4.0));
    }

    #[test]
    fn bounds_pin_a_below_k_cell_next_to_a_k_sized_complement() {
        // 10 = 4 (shown) + x (below k) + y (complementary, ≥ 5): x + y = 6 → x = 1.
        let counts = [10, 4, 1, 5];
        let rels = [Relation::new(0, &[1, 2, 3])];
        let hidden = [
            None,
            None,
            Some(Reason::BelowK),
            Some(Reason::Complementary),
        ];
        let r = ranges(&counts, &hidden, &rels, &[], 5);
        assert_eq!(r[2], Range { lo: 1.0, hi: 1.0 });
        assert_eq!(exposed(&counts, &hidden, &rels, 5), vec![2]);
        // With y = 6, x is 1 or 2: not exposed.
        let counts = [11, 4, 1, 6];
        assert!(exposed(&counts, &hidden, &rels, 5).is_empty());
    }
}
