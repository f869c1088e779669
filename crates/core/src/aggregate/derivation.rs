//! What an outsider can work out about hidden cells from the shown ones: the audit the
//! suppression rule runs after its simple "exactly one hidden member" pass.
//!
//! Two attacks, both on the counts (a cell's sums follow the same additive relations, so a
//! count that cannot be pinned down protects the sums with it):
//! - **linear**: any combination of relations (parent minus shown children, a subtree
//!   subtracted, a quarter minus its months, chained) that leaves one hidden cell alone.
//!   Exactly: cell j is determined iff the unit vector e_j lies in the row space of the
//!   relations restricted to the hidden cells. Computed modulo the prime 2^61 − 1 (exact
//!   integer arithmetic, no rounding; coefficients stay small, so a rank that differs from
//!   the rational one would need a 61-bit prime to divide a minor).
//! - **bounds**: the public facts narrow a hidden count: every hidden cell has n ≥ 1 (zeros are
//!   shown), a `below_k` cell n ≤ k − 1, a `complementary` one n ≥ k (it was shown-sized).
//!   Propagated through the relations (total = Σ parts) until nothing changes; a `below_k`
//!   cell whose range shrinks to one number is exposed.

use super::suppression::{Reason, Relation};
use std::collections::BTreeMap;

const P: u64 = (1 << 61) - 1;

fn mul(a: u64, b: u64) -> u64 {
    ((u128::from(a) * u128::from(b)) % u128::from(P)) as u64
}

fn inv(a: u64) -> u64 {
    let (mut base, mut exp, mut acc) = (a, P - 2, 1u64);
    while exp > 0 {
        if exp & 1 == 1 {
            acc = mul(acc, base);
        }
        base = mul(base, base);
        exp >>= 1;
    }
    acc
}

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

fn members(r: &Relation) -> impl Iterator<Item = (usize, u64)> + '_ {
    // total − Σ parts = 0, with −1 as P − 1.
    std::iter::once((r.total, 1)).chain(r.parts.iter().map(|&p| (p, P - 1)))
}

/// Hidden cells whose count is a linear consequence of the shown counts.
pub fn linearly_determined(hidden: &[Option<Reason>], relations: &[Relation]) -> Vec<usize> {
    // Group hidden cells that share a relation: elimination runs per group, which keeps the
    // matrices small (hidden cells are few and clustered).
    let mut parent: Vec<usize> = (0..hidden.len()).collect();
    for r in relations {
        let mut first = None;
        for (c, _) in members(r).filter(|(c, _)| hidden[*c].is_some()) {
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
        if let Some((c, _)) = members(r).find(|(c, _)| hidden[*c].is_some()) {
            rows_of.entry(find(&mut parent, c)).or_default().push(r);
        }
    }
    let mut out = Vec::new();
    for (root, cells) in groups {
        let col: BTreeMap<usize, usize> = cells.iter().enumerate().map(|(i, c)| (*c, i)).collect();
        let mut rows: Vec<Vec<u64>> = Vec::new();
        for r in rows_of.get(&root).into_iter().flatten() {
            let mut row = vec![0u64; cells.len()];
            for (c, coef) in members(r) {
                if let Some(&j) = col.get(&c) {
                    row[j] = (row[j] + coef) % P;
                }
            }
            rows.push(row);
        }
        for j in determined_columns(rows, cells.len()) {
            out.push(cells[j]);
        }
    }
    out.sort_unstable();
    out
}

/// Columns e_j in the row space: after full reduction, rows with a single non-zero entry.
fn determined_columns(mut rows: Vec<Vec<u64>>, width: usize) -> Vec<usize> {
    let mut rank = 0;
    for col in 0..width {
        let Some(pivot) = (rank..rows.len()).find(|&r| rows[r][col] != 0) else {
            continue;
        };
        rows.swap(rank, pivot);
        let scale = inv(rows[rank][col]);
        for x in rows[rank].iter_mut() {
            *x = mul(*x, scale);
        }
        let pivot_row = rows[rank].clone();
        for (r, row) in rows.iter_mut().enumerate() {
            if r != rank && row[col] != 0 {
                let f = row[col];
                for (x, &p) in row.iter_mut().zip(&pivot_row).skip(col) {
                    *x = (*x + P - mul(f, p)) % P;
                }
            }
        }
        rank += 1;
    }
    rows[..rank]
        .iter()
        .filter_map(|row| {
            let mut nz = row.iter().enumerate().filter(|(_, x)| **x != 0);
            let (j, _) = nz.next()?;
            nz.next().is_none().then_some(j)
        })
        .collect()
}

/// A count's public range; `hi == None` is unbounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub lo: u64,
    pub hi: Option<u64>,
}

/// The ranges an outsider can narrow every cell to (shown cells: their count).
pub fn ranges(
    counts: &[u32],
    hidden: &[Option<Reason>],
    relations: &[Relation],
    k: u32,
) -> Vec<Range> {
    let k = u64::from(k);
    let mut r: Vec<Range> = counts
        .iter()
        .zip(hidden)
        .map(|(&n, h)| match h {
            None => Range {
                lo: u64::from(n),
                hi: Some(u64::from(n)),
            },
            Some(Reason::BelowK) => Range {
                lo: 1,
                hi: Some(k - 1),
            },
            Some(Reason::Complementary) => Range { lo: k, hi: None },
        })
        .collect();
    let add = |s: u64, h: Option<u64>| h.map(|h| s.saturating_add(h));
    // Each pass can only narrow; the pass limit keeps a slow ping-pong finite.
    for _ in 0..64 {
        let mut changed = false;
        for rel in relations {
            let lo_sum: u64 = rel.parts.iter().map(|&p| r[p].lo).sum();
            let hi_sum = rel.parts.iter().try_fold(0, |s, &p| add(s, r[p].hi));
            changed |= narrow(&mut r[rel.total], lo_sum, hi_sum);
            let total = r[rel.total];
            for &p in &rel.parts {
                let others_lo = lo_sum.saturating_sub(r[p].lo);
                let others_hi = rel
                    .parts
                    .iter()
                    .filter(|&&q| q != p)
                    .try_fold(0, |s, &q| add(s, r[q].hi));
                let lo = others_hi.map_or(0, |h| total.lo.saturating_sub(h));
                let hi = total.hi.map(|h| h.saturating_sub(others_lo));
                changed |= narrow(&mut r[p], lo, hi);
            }
        }
        if !changed {
            break;
        }
    }
    r
}

fn narrow(r: &mut Range, lo: u64, hi: Option<u64>) -> bool {
    let mut changed = false;
    if lo > r.lo {
        r.lo = lo;
        changed = true;
    }
    if let Some(h) = hi
        && r.hi.is_none_or(|old| h < old)
    {
        r.hi = Some(h);
        changed = true;
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
    let mut out: Vec<usize> = linearly_determined(hidden, relations)
        .into_iter()
        .filter(|&c| hidden[c] == Some(Reason::BelowK))
        .collect();
    let r = ranges(counts, hidden, relations, k);
    out.extend(
        (0..counts.len())
            .filter(|&c| hidden[c] == Some(Reason::BelowK) && Some(r[c].lo) == r[c].hi),
    );
    out.sort_unstable();
    out.dedup();
    out
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

    #[test]
    fn one_hidden_part_is_determined_two_are_not() {
        let rels = [rel(0, &[1, 2, 3])];
        let h = |xs: &[usize]| {
            (0..4)
                .map(|c| xs.contains(&c).then_some(Reason::BelowK))
                .collect::<Vec<_>>()
        };
        assert_eq!(linearly_determined(&h(&[2]), &rels), vec![2]);
        assert!(linearly_determined(&h(&[2, 3]), &rels).is_empty());
    }

    /// A 4 × 4 table with its row and column totals shown: two hidden 2 × 2 blocks joined
    /// by one hidden cell. Every row and column has 0 or ≥ 2 hidden cells, yet (rows 1 + 2)
    /// − (columns 1 + 2) leaves the joining cell alone.
    fn bridged_table() -> (Vec<Relation>, Vec<Option<Reason>>) {
        let cell = |i: usize, j: usize| i * 4 + j;
        let mut rels = Vec::new();
        for i in 0..4 {
            rels.push(rel(16 + i, &(0..4).map(|j| cell(i, j)).collect::<Vec<_>>()));
            rels.push(rel(20 + i, &(0..4).map(|r| cell(r, i)).collect::<Vec<_>>()));
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
        assert_eq!(linearly_determined(&hidden, &rels), vec![6]);
        // Hiding a second cell in row 1 and column 2 closes the cycle.
        hidden[2] = Some(Reason::Complementary);
        assert!(linearly_determined(&hidden, &rels).is_empty());
    }

    #[test]
    fn bounds_pin_a_below_k_cell_next_to_a_k_sized_complement() {
        // 10 = 4 (shown) + x (below k) + y (complementary, ≥ 5): x + y = 6 → x = 1.
        let counts = [10, 4, 1, 5];
        let rels = [rel(0, &[1, 2, 3])];
        let hidden = [
            None,
            None,
            Some(Reason::BelowK),
            Some(Reason::Complementary),
        ];
        let r = ranges(&counts, &hidden, &rels, 5);
        assert_eq!(r[2], Range { lo: 1, hi: Some(1) });
        assert_eq!(exposed(&counts, &hidden, &rels, 5), vec![2]);
        // With y = 6, x is 1 or 2: not exposed.
        let counts = [11, 4, 1, 6];
        assert!(exposed(&counts, &hidden, &rels, 5).is_empty());
    }
}
