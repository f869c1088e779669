//! The anonymity rule on real unit trees and calendar years: one test per case (a lone small
//! sub-unit, a unit's own members as the hidden child, a chain up and down the tree, across
//! periods, year-to-date figures) and the attacker, who tries every differencing attack on
//! random trees and must recover no cell with fewer than k people.

use resapi_core::aggregate::grid::{Grid, Node, Span, SpanLayout};
use resapi_core::aggregate::period::{Period, PeriodKind};
use resapi_core::aggregate::suppression::{Reason, Relation, Visibility};
use resapi_core::aggregate::threshold::MinRespondents;
use resapi_core::content::Unit;
use resapi_core::rng::Rng;
use std::collections::BTreeMap;

// ---------------------------------------------------------------- helpers

const YEAR: i32 = 2026;

fn unit(id: &str, parent: Option<&str>) -> Unit {
    Unit {
        id: id.into(),
        name: id.into(),
        parent_id: parent.map(Into::into),
    }
}

/// Own-member counts per (unit, month 1–12); quarters, the year and year-to-date figures add
/// the months up (the strongest case for an attacker: every relation holds exactly).
#[derive(Default, Clone)]
struct Months(BTreeMap<(String, u8), u32>);

impl Months {
    fn set(mut self, unit: &str, month: u8, n: u32) -> Months {
        self.0.insert((unit.to_string(), month), n);
        self
    }

    fn own(&self, unit: &str, span: &Span) -> u32 {
        let (first, last) = match span {
            Span::Period(p) => months_of(p),
            Span::YearToDate(p) => (1, months_of(p).1),
        };
        (first..=last)
            .map(|m| self.0.get(&(unit.to_string(), m)).copied().unwrap_or(0))
            .sum()
    }
}

fn months_of(p: &Period) -> (u8, u8) {
    let covered: Vec<u8> = (1..=12)
        .filter(|&m| p.contains(&Period::month(YEAR, m).unwrap()))
        .collect();
    (covered[0], covered[covered.len() - 1])
}

fn grid(units: &[Unit], months: &Months, cumulative: bool) -> Grid {
    grid_to(units, months, PeriodKind::Month, cumulative)
}

fn grid_to(units: &[Unit], months: &Months, finest: PeriodKind, cumulative: bool) -> Grid {
    let layout = SpanLayout::calendar_year(YEAR, finest, cumulative);
    Grid::build(units, &layout, |u, s| months.own(u, s)).unwrap()
}

fn month(m: u8) -> Span {
    Span::Period(Period::month(YEAR, m).unwrap())
}

fn quarter(q: u8) -> Span {
    Span::Period(Period::quarter(YEAR, q).unwrap())
}

fn ytd(m: u8) -> Span {
    Span::YearToDate(Period::month(YEAR, m).unwrap())
}

fn u(id: &str) -> Node {
    Node::Unit(id.into())
}

fn own(id: &str) -> Node {
    Node::OwnMembers(id.into())
}

const SHOWN: Visibility = Visibility::Shown;
const BELOW_K: Visibility = Visibility::Suppressed(Reason::BelowK);
const COMPLEMENTARY: Visibility = Visibility::Suppressed(Reason::Complementary);

/// Every relation has no hidden member or at least two (the rule's own promise).
fn assert_no_lone_hidden(g: &Grid, v: &[Visibility]) {
    for r in g.relations() {
        let hidden = r.members().filter(|&c| v[c] != SHOWN).count();
        assert_ne!(hidden, 1, "relation {r:?} has a lone hidden member");
    }
}

// ---------------------------------------------------------------- cases

#[test]
fn a_lone_small_sub_unit_hides_its_smallest_sibling_in_every_span_that_holds_it() {
    let units = [
        unit("biro", None),
        unit("a", Some("biro")),
        unit("b", Some("biro")),
        unit("c", Some("biro")),
    ];
    let m = Months::default()
        .set("a", 1, 12)
        .set("b", 1, 3)
        .set("c", 1, 8);
    let g = grid(&units, &m, false);
    let s = g.suppress(MinRespondents::default());
    for span in [month(1), quarter(1), Span::Period(Period::year(YEAR))] {
        assert_eq!(s.visibility(&u("b"), &span), Some(BELOW_K), "{span:?}");
        assert_eq!(
            s.visibility(&u("c"), &span),
            Some(COMPLEMENTARY),
            "{span:?}"
        );
        assert_eq!(s.visibility(&u("a"), &span), Some(SHOWN));
        assert_eq!(s.visibility(&u("biro"), &span), Some(SHOWN));
    }
    // February: nobody, nothing to hide.
    assert_eq!(s.visibility(&u("b"), &month(2)), Some(SHOWN));
    assert_no_lone_hidden(&g, s.all());
}

#[test]
fn a_units_own_members_are_a_hidden_child_too() {
    // The biro's own 3 people are not on any chart, but biro − a − b would give them.
    let units = [
        unit("biro", None),
        unit("a", Some("biro")),
        unit("b", Some("biro")),
    ];
    let m = Months::default()
        .set("biro", 4, 3)
        .set("a", 4, 10)
        .set("b", 4, 9);
    let g = grid(&units, &m, false);
    let s = g.suppress(MinRespondents::default());
    assert_eq!(s.visibility(&own("biro"), &month(4)), Some(BELOW_K));
    assert_eq!(s.visibility(&u("b"), &month(4)), Some(COMPLEMENTARY));
    assert_eq!(s.visibility(&u("a"), &month(4)), Some(SHOWN));
    assert_eq!(s.visibility(&u("biro"), &month(4)), Some(SHOWN));
    assert_no_lone_hidden(&g, s.all());
}

#[test]
fn a_small_group_is_hidden_up_the_tree_until_it_is_mixed_with_enough_others() {
    // x (4 people) is all of p, so p is below k too; in the root, p alone would be
    // root − q: q is hidden, and then q alone would be q − q1 − q2 inside q: q1 goes too.
    let units = [
        unit("root", None),
        unit("p", Some("root")),
        unit("x", Some("p")),
        unit("q", Some("root")),
        unit("q1", Some("q")),
        unit("q2", Some("q")),
    ];
    let m = Months::default()
        .set("x", 6, 4)
        .set("q1", 6, 8)
        .set("q2", 6, 12);
    let g = grid(&units, &m, false);
    let s = g.suppress(MinRespondents::default());
    let june = month(6);
    assert_eq!(s.visibility(&u("x"), &june), Some(BELOW_K));
    assert_eq!(s.visibility(&u("p"), &june), Some(BELOW_K));
    assert_eq!(s.visibility(&u("q"), &june), Some(COMPLEMENTARY));
    assert_eq!(s.visibility(&u("q1"), &june), Some(COMPLEMENTARY));
    assert_eq!(s.visibility(&u("q2"), &june), Some(SHOWN));
    assert_eq!(s.visibility(&u("root"), &june), Some(SHOWN));
    assert_no_lone_hidden(&g, s.all());
}

#[test]
fn a_small_month_in_a_shown_quarter_takes_another_month_with_it() {
    // One unit: Q1 = 15 shown, March 7 shown; February's 2 would be Q1 − Jan − Mar.
    let units = [unit("seksi", None)];
    let m = Months::default()
        .set("seksi", 1, 6)
        .set("seksi", 2, 2)
        .set("seksi", 3, 7);
    let g = grid(&units, &m, false);
    let s = g.suppress(MinRespondents::default());
    assert_eq!(s.visibility(&u("seksi"), &month(2)), Some(BELOW_K));
    assert_eq!(s.visibility(&u("seksi"), &month(1)), Some(COMPLEMENTARY));
    assert_eq!(s.visibility(&u("seksi"), &month(3)), Some(SHOWN));
    assert_eq!(s.visibility(&u("seksi"), &quarter(1)), Some(SHOWN));
    assert_no_lone_hidden(&g, s.all());
}

#[test]
fn hiding_a_month_spreads_to_the_sibling_units_in_that_month() {
    // seksi-a's January is hidden to protect its February; in the biro's January, seksi-a
    // would then be biro − seksi-b: seksi-b's January is hidden as well, and so on until
    // every relation of the tree and of the periods has two hidden members or none.
    let units = [
        unit("biro", None),
        unit("seksi-a", Some("biro")),
        unit("seksi-b", Some("biro")),
    ];
    let m = Months::default()
        .set("seksi-a", 1, 6)
        .set("seksi-a", 2, 2)
        .set("seksi-a", 3, 7)
        .set("seksi-b", 1, 9)
        .set("seksi-b", 2, 9)
        .set("seksi-b", 3, 9);
    let g = grid(&units, &m, false);
    let s = g.suppress(MinRespondents::default());
    assert_eq!(s.visibility(&u("seksi-a"), &month(2)), Some(BELOW_K));
    assert_ne!(s.visibility(&u("seksi-b"), &month(2)), Some(SHOWN));
    assert_ne!(s.visibility(&u("seksi-a"), &month(1)), Some(SHOWN));
    assert_ne!(s.visibility(&u("seksi-b"), &month(1)), Some(SHOWN));
    assert_eq!(s.visibility(&u("biro"), &quarter(1)), Some(SHOWN));
    assert_no_lone_hidden(&g, s.all());
}

#[test]
fn a_year_to_date_figure_next_to_the_month_cannot_reveal_it() {
    // January 8, February 3: "to the end of February" (11) − January (8) would give 3.
    let units = [unit("seksi", None)];
    let m = Months::default()
        .set("seksi", 1, 8)
        .set("seksi", 2, 3)
        .set("seksi", 3, 9);
    let g = grid(&units, &m, true);
    let s = g.suppress(MinRespondents::default());
    assert_eq!(s.visibility(&u("seksi"), &month(2)), Some(BELOW_K));
    let jan = s.visibility(&u("seksi"), &month(1));
    let to_jan = s.visibility(&u("seksi"), &ytd(1));
    let to_feb = s.visibility(&u("seksi"), &ytd(2));
    // Either both January figures or the figure to the end of February went.
    assert!(
        (jan != Some(SHOWN) && to_jan != Some(SHOWN)) || to_feb != Some(SHOWN),
        "{jan:?} {to_jan:?} {to_feb:?}"
    );
    assert_no_lone_hidden(&g, s.all());
}

#[test]
fn the_biro_umum_example_of_docs_anonymity() {
    let units = [
        unit("biro", None),
        unit("keuangan", Some("biro")),
        unit("sdm", Some("biro")),
        unit("umum", Some("biro")),
    ];
    let march = Months::default()
        .set("keuangan", 3, 12)
        .set("sdm", 3, 3)
        .set("umum", 3, 8);
    let k = MinRespondents::default();
    // With the biro's own 2: two hidden members in the sum, nothing more to hide.
    let with_own = march.clone().set("biro", 3, 2);
    let s = grid(&units, &with_own, false).suppress(k);
    assert_eq!(s.visibility(&own("biro"), &month(3)), Some(BELOW_K));
    assert_eq!(s.visibility(&u("sdm"), &month(3)), Some(BELOW_K));
    assert_eq!(s.visibility(&u("umum"), &month(3)), Some(SHOWN));
    assert_eq!(s.visibility(&u("keuangan"), &month(3)), Some(SHOWN));
    // Without them: Bagian Umum goes with SDM.
    let s = grid(&units, &march, false).suppress(k);
    assert_eq!(s.visibility(&u("sdm"), &month(3)), Some(BELOW_K));
    assert_eq!(s.visibility(&u("umum"), &month(3)), Some(COMPLEMENTARY));
    assert_eq!(s.visibility(&u("keuangan"), &month(3)), Some(SHOWN));
    assert_eq!(s.visibility(&u("biro"), &month(3)), Some(SHOWN));
}

#[test]
fn a_raised_k_hides_more() {
    let units = [
        unit("biro", None),
        unit("a", Some("biro")),
        unit("b", Some("biro")),
    ];
    let m = Months::default().set("a", 5, 6).set("b", 5, 14);
    let g = grid(&units, &m, false);
    let k5 = g.suppress(MinRespondents::default());
    assert_eq!(k5.visibility(&u("a"), &month(5)), Some(SHOWN));
    let k8 = g.suppress(MinRespondents::new(8).unwrap());
    assert_eq!(k8.visibility(&u("a"), &month(5)), Some(BELOW_K));
    assert_eq!(k8.visibility(&u("b"), &month(5)), Some(COMPLEMENTARY));
}

// ---------------------------------------------------------------- the attacker

/// What an attacker sees: each cell's count and score sum when shown, the reason when
/// hidden, k, and how cells add up.
struct Published<'a> {
    relations: &'a [Relation],
    counts: &'a [u32],
    sums: &'a [u32],
    vis: &'a [Visibility],
    k: u32,
}

#[derive(Default, Debug)]
struct Tally {
    single: u64,
    pairs: u64,
    elimination: u64,
    bounds: u64,
}

impl Tally {
    fn total(&self) -> u64 {
        self.single + self.pairs + self.elimination + self.bounds
    }
}

impl Published<'_> {
    fn hidden(&self, c: usize) -> bool {
        self.vis[c] != Visibility::Shown
    }

    fn small(&self, c: usize) -> bool {
        self.counts[c] > 0 && self.counts[c] < self.k
    }

    /// A linear combination Σ coef · (total − Σ parts) = 0 of relations: the hidden cells
    /// left with a non-zero coefficient, and the shown side's count and sum.
    fn combine(&self, rels: &[(&Relation, i64)]) -> (BTreeMap<usize, i64>, i64, i64) {
        let mut coef: BTreeMap<usize, i64> = BTreeMap::new();
        for (r, s) in rels {
            *coef.entry(r.total).or_default() += s;
            for &p in &r.parts {
                *coef.entry(p).or_default() -= s;
            }
        }
        coef.retain(|_, a| *a != 0);
        let (mut count, mut sum) = (0i64, 0i64);
        let mut hidden = BTreeMap::new();
        for (c, a) in coef {
            if self.hidden(c) {
                hidden.insert(c, a);
            } else {
                count -= a * i64::from(self.counts[c]);
                sum -= a * i64::from(self.sums[c]);
            }
        }
        (hidden, count, sum)
    }

    /// Panics when the combination leaves one small hidden cell alone with its true count
    /// or sum worked out.
    fn try_combination(&self, rels: &[(&Relation, i64)]) {
        let (hidden, count, sum) = self.combine(rels);
        if hidden.len() == 1 {
            let (&c, &a) = hidden.iter().next().unwrap();
            let (n, s) = (count / a, sum / a);
            assert!(
                !(self.small(c)
                    && (n == i64::from(self.counts[c]) || s == i64::from(self.sums[c]))),
                "cell {c} (n = {}) recovered by differencing {rels:?}",
                self.counts[c]
            );
        }
    }

    /// Parent minus its shown parts, for every relation (tree at every span, periods of
    /// every node).
    fn single_differences(&self, t: &mut Tally) {
        for r in self.relations {
            self.try_combination(&[(r, 1)]);
            t.single += 1;
        }
    }

    /// Two relations sharing a cell, added or subtracted: a unit minus a shown subtree of a
    /// sub-unit, a quarter of a unit minus a month of its parent, …
    fn pair_differences(&self, t: &mut Tally) {
        let mut by_cell: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (i, r) in self.relations.iter().enumerate() {
            for c in r.members() {
                by_cell.entry(c).or_default().push(i);
            }
        }
        for (i, r) in self.relations.iter().enumerate() {
            let mut partners: Vec<usize> = r
                .members()
                .flat_map(|c| by_cell[&c].iter().copied())
                .filter(|&j| j > i)
                .collect();
            partners.sort_unstable();
            partners.dedup();
            for j in partners {
                for sign in [1, -1] {
                    self.try_combination(&[(r, 1), (&self.relations[j], sign)]);
                    t.pairs += 1;
                }
            }
        }
    }

    /// Every combination at once: Gaussian elimination (floating point, independent of the
    /// rule's own modular arithmetic) over the hidden cells; a reduced row with one hidden
    /// cell gives it away. Returns the reduced rows (cell → coefficient, count, sum) for the
    /// bounds attack.
    /// `reverse` eliminates the cells in the opposite order: another basis, other rows for
    /// the bounds attack.
    fn elimination(&self, reverse: bool, t: &mut Tally) -> Vec<(BTreeMap<usize, f64>, f64, f64)> {
        let mut cols: Vec<usize> = (0..self.counts.len()).filter(|&c| self.hidden(c)).collect();
        if reverse {
            cols.reverse();
        }
        let col_of: BTreeMap<usize, usize> =
            cols.iter().enumerate().map(|(i, c)| (*c, i)).collect();
        let w = cols.len();
        // Row: coefficients over hidden cells, then the count and sum right-hand sides.
        let mut rows: Vec<Vec<f64>> = Vec::new();
        for r in self.relations {
            let (hidden, count, sum) = self.combine(&[(r, 1)]);
            if hidden.is_empty() {
                continue;
            }
            let mut row = vec![0.0; w + 2];
            for (c, a) in hidden {
                row[col_of[&c]] = a as f64;
            }
            row[w] = count as f64;
            row[w + 1] = sum as f64;
            rows.push(row);
        }
        let mut rank = 0;
        for col in 0..w {
            let Some(p) = (rank..rows.len())
                .filter(|&r| rows[r][col].abs() > 1e-9)
                .max_by(|&a, &b| rows[a][col].abs().total_cmp(&rows[b][col].abs()))
            else {
                continue;
            };
            rows.swap(rank, p);
            let pivot = rows[rank][col];
            rows[rank].iter_mut().for_each(|x| *x /= pivot);
            let pr = rows[rank].clone();
            for (r, row) in rows.iter_mut().enumerate() {
                if r != rank && row[col].abs() > 1e-9 {
                    let f = row[col];
                    row.iter_mut().zip(&pr).for_each(|(x, p)| *x -= f * p);
                }
            }
            rank += 1;
        }
        let mut reduced = Vec::new();
        for row in &rows[..rank] {
            let nz: BTreeMap<usize, f64> = (0..w)
                .filter(|&j| row[j].abs() > 1e-9)
                .map(|j| (cols[j], row[j]))
                .collect();
            t.elimination += 1;
            if nz.len() == 1 {
                let (&c, &a) = nz.iter().next().unwrap();
                let (n, s) = (row[w] / a, row[w + 1] / a);
                assert!(
                    !(self.small(c)
                        && ((n - f64::from(self.counts[c])).abs() < 1e-6
                            || (s - f64::from(self.sums[c])).abs() < 1e-6)),
                    "cell {c} (n = {}) recovered by elimination",
                    self.counts[c]
                );
            }
            reduced.push((nz, row[w], row[w + 1]));
        }
        reduced
    }

    /// The public bounds (a hidden cell has n ≥ 1; `below_k` ≤ k − 1; `complementary` ≥ k)
    /// pushed through every relation and every reduced row until nothing narrows.
    /// `union(r)`: the attacker knows the relation is a union of people (a quarter's
    /// respondents are its months' respondents counted once), not a sum: every part ≤ the
    /// total ≤ the sum of the parts.
    fn bounds(
        &self,
        reduced: &[(BTreeMap<usize, f64>, f64, f64)],
        union: impl Fn(&Relation) -> bool,
        t: &mut Tally,
    ) {
        let k = f64::from(self.k);
        let mut lo: Vec<f64> = Vec::new();
        let mut hi: Vec<f64> = Vec::new();
        for c in 0..self.counts.len() {
            let n = f64::from(self.counts[c]);
            let (l, h) = match self.vis[c] {
                Visibility::Shown => (n, n),
                Visibility::Suppressed(Reason::BelowK) => (1.0, k - 1.0),
                Visibility::Suppressed(Reason::Complementary) => (k, f64::INFINITY),
                // The grid never gives it (it is applied after, by the period's end).
                Visibility::Suppressed(Reason::Running) => (0.0, f64::INFINITY),
            };
            lo.push(l);
            hi.push(h);
        }
        // Relations as rows too: total − Σ parts = 0.
        let mut rows: Vec<(BTreeMap<usize, f64>, f64)> =
            reduced.iter().map(|(r, n, _)| (r.clone(), *n)).collect();
        let unions: Vec<&Relation> = self.relations.iter().filter(|r| union(r)).collect();
        for r in self.relations.iter().filter(|r| !union(r)) {
            let mut row: BTreeMap<usize, f64> = BTreeMap::new();
            *row.entry(r.total).or_default() += 1.0;
            for &p in &r.parts {
                *row.entry(p).or_default() -= 1.0;
            }
            rows.push((row, 0.0));
        }
        for _ in 0..50 {
            let mut changed = false;
            for (row, rhs) in &rows {
                for (&c, &a) in row {
                    // a·x_c = rhs − Σ others: interval arithmetic on the others.
                    let (mut olo, mut ohi) = (0.0, 0.0);
                    for (&d, &b) in row.iter().filter(|(d, _)| **d != c) {
                        let (x, y) = (b * lo[d], b * hi[d]);
                        olo += x.min(y);
                        ohi += x.max(y);
                    }
                    let (p, q) = ((rhs - ohi) / a, (rhs - olo) / a);
                    let (new_lo, new_hi) = (p.min(q), p.max(q));
                    // Counts are whole numbers.
                    let new_lo = (new_lo - 1e-9).ceil();
                    let new_hi = (new_hi + 1e-9).floor();
                    if new_lo > lo[c] + 1e-9 {
                        lo[c] = new_lo;
                        changed = true;
                    }
                    if new_hi < hi[c] - 1e-9 {
                        hi[c] = new_hi;
                        changed = true;
                    }
                    t.bounds += 1;
                }
            }
            for r in &unions {
                let most = r.parts.iter().map(|&p| lo[p]).fold(0.0, f64::max);
                let sum_hi: f64 = r.parts.iter().map(|&p| hi[p]).sum();
                fn narrow(lo: &mut [f64], hi: &mut [f64], c: usize, l: f64, h: f64) -> bool {
                    let mut changed = false;
                    if l.ceil() > lo[c] + 1e-9 {
                        lo[c] = l.ceil();
                        changed = true;
                    }
                    if h.floor() < hi[c] - 1e-9 {
                        hi[c] = h.floor();
                        changed = true;
                    }
                    changed
                }
                changed |= narrow(&mut lo, &mut hi, r.total, most, sum_hi);
                let (tlo, thi) = (lo[r.total], hi[r.total]);
                for &p in &r.parts {
                    let others: f64 = r.parts.iter().filter(|&&q| q != p).map(|&q| hi[q]).sum();
                    changed |= narrow(&mut lo, &mut hi, p, tlo - others, thi);
                    t.bounds += 1;
                }
            }
            if !changed {
                break;
            }
        }
        for c in 0..self.counts.len() {
            if self.hidden(c) && self.small(c) {
                assert!(
                    !(lo[c] == hi[c] && lo[c] == f64::from(self.counts[c])),
                    "cell {c} (n = {}) pinned by bounds to {}..{}",
                    self.counts[c],
                    lo[c],
                    hi[c]
                );
            }
        }
    }
}

/// A random unit tree (each unit under an earlier one) with own-member counts per month:
/// mostly empty or small sections, a few large ones, as in an agency.
fn random_agency(rng: &mut Rng) -> (Vec<Unit>, Months, Months) {
    let n = 1 + rng.below(9);
    let mut units = vec![unit("u0", None)];
    for i in 1..n {
        let parent = format!("u{}", rng.below(i));
        units.push(unit(&format!("u{i}"), Some(&parent)));
    }
    let (mut counts, mut sums) = (Months::default(), Months::default());
    for u in &units {
        for m in 1..=12u8 {
            let c = match rng.below(10) {
                0..=3 => 0,
                4..=6 => 1 + rng.below(4) as u32,
                7..=8 => 5 + rng.below(6) as u32,
                _ => 10 + rng.below(30) as u32,
            };
            // Everyone's score (1–5) adds to the sum.
            let s: u32 = (0..c).map(|_| 1 + rng.below(5) as u32).sum();
            counts = counts.set(&u.id, m, c);
            sums = sums.set(&u.id, m, s);
        }
    }
    (units, counts, sums)
}

#[test]
fn the_attacker_recovers_no_small_cell_on_random_agencies() {
    let mut rng = Rng::new(0x5eed_0009);
    let mut tally = Tally::default();
    let (mut cells, mut small, mut hidden_total) = (0usize, 0usize, 0usize);
    for trial in 0..300 {
        let (units, counts, sums) = random_agency(&mut rng);
        let cumulative = trial % 2 == 1;
        let finest = [PeriodKind::Month, PeriodKind::Month, PeriodKind::Quarter][trial % 3];
        let k = MinRespondents::new(if trial % 5 == 4 { 7 } else { 5 }).unwrap();
        let g = grid_to(&units, &counts, finest, cumulative);
        let gs = grid_to(&units, &sums, finest, cumulative);
        let s = g.suppress(k);
        let published = Published {
            relations: g.relations(),
            counts: g.counts(),
            sums: gs.counts(),
            vis: s.all(),
            k: k.get(),
        };
        for c in 0..g.counts().len() {
            // Primary rule: every small cell hidden, zeros shown.
            if published.small(c) {
                assert_eq!(s.all()[c], BELOW_K);
                small += 1;
            }
            if g.counts()[c] == 0 {
                assert_eq!(s.all()[c], SHOWN);
            }
            hidden_total += usize::from(s.all()[c] != SHOWN);
        }
        cells += g.counts().len();
        assert!(
            s.is_safe(),
            "trial {trial}: the rule's own audit left a small cell exposed"
        );
        assert_no_lone_hidden(&g, s.all());
        published.single_differences(&mut tally);
        published.pair_differences(&mut tally);
        let mut reduced = published.elimination(false, &mut tally);
        reduced.extend(published.elimination(true, &mut tally));
        published.bounds(&reduced, |_| false, &mut tally);
    }
    println!(
        "suppression attacker: {} attacks ({} single differences, {} pairs of relations, \
         {} eliminated rows, {} bound steps) on {cells} cells, {small} under k, \
         {hidden_total} hidden; none recovered",
        tally.total(),
        tally.single,
        tally.pairs,
        tally.elimination,
        tally.bounds
    );
    assert!(
        small > 1000,
        "the random agencies must have small cells to attack"
    );
}

#[test]
fn a_tiny_unit_whose_months_cannot_be_made_safe_is_shown_by_quarter() {
    // Tiny sections with one to three respondents a month, with year-to-date figures: when
    // everything non-zero is hidden, "below k" codes and zeros can still pin a count. The
    // grid then falls back to quarters, and that grid is safe.
    let mut rng = Rng::new(77);
    let mut found = 0;
    for _ in 0..400 {
        let n = 2 + rng.below(4);
        let mut units = vec![unit("u0", None)];
        for i in 1..n {
            units.push(unit(&format!("u{i}"), Some(&format!("u{}", rng.below(i)))));
        }
        let mut m = Months::default();
        for u in &units {
            for month in 1..=12u8 {
                let c = if rng.below(3) == 0 {
                    0
                } else {
                    1 + rng.below(3) as u32
                };
                m = m.set(&u.id, month, c);
            }
        }
        let k = MinRespondents::default();
        let by_month = grid(&units, &m, true).suppress(k);
        if by_month.is_safe() {
            continue;
        }
        found += 1;
        let safest = Grid::build_safest(&units, YEAR, true, |u, s| m.own(u, s), k).unwrap();
        assert!(safest.is_safe());
        let g = safest.grid();
        let published = Published {
            relations: g.relations(),
            counts: g.counts(),
            sums: g.counts(),
            vis: safest.all(),
            k: k.get(),
        };
        let mut tally = Tally::default();
        published.single_differences(&mut tally);
        published.pair_differences(&mut tally);
        let reduced = published.elimination(false, &mut tally);
        published.bounds(&reduced, |_| false, &mut tally);
        assert!(
            !safest.grid().spans().contains(&month(1)),
            "months are not published for this agency"
        );
    }
    println!("tiny agencies whose months fell back to coarser spans: {found} of 400");
    assert!(found > 0, "the generator must produce the case");
}

/// People of a random agency, each answering in some months with a score (1–5).
struct Person {
    unit: String,
    answers: Vec<(u8, u32)>,
}

/// Own-member count and score sum per (unit, span) under "once per person per span, the
/// latest answer": periods are unions of people, not sums.
fn latest_rule(people: &[Person], unit: &str, span: &Span) -> (u32, u32) {
    let (first, last) = match span {
        Span::Period(p) => months_of(p),
        Span::YearToDate(p) => (1, months_of(p).1),
    };
    let mut n = 0;
    let mut sum = 0;
    for p in people.iter().filter(|p| p.unit == unit) {
        if let Some((_, score)) = p
            .answers
            .iter()
            .filter(|(m, _)| (first..=last).contains(m))
            .max_by_key(|(m, _)| *m)
        {
            n += 1;
            sum += score;
        }
    }
    (n, sum)
}

#[test]
fn the_attacker_recovers_no_small_cell_when_people_answer_in_several_months() {
    let mut rng = Rng::new(0x5eed_1009);
    let mut tally = Tally::default();
    let (mut small, mut inexact, mut fallbacks) = (0usize, 0usize, 0usize);
    for trial in 0..120 {
        let n = 1 + rng.below(7);
        let mut units = vec![unit("u0", None)];
        for i in 1..n {
            units.push(unit(&format!("u{i}"), Some(&format!("u{}", rng.below(i)))));
        }
        let mut people = Vec::new();
        for u in &units {
            let size = 2 + rng.below(20);
            let keen = 10 + rng.below(40);
            for _ in 0..size {
                let mut answers = Vec::new();
                for m in 1..=12u8 {
                    if rng.below(100) < keen {
                        answers.push((m, 1 + rng.below(5) as u32));
                    }
                }
                people.push(Person {
                    unit: u.id.clone(),
                    answers,
                });
            }
        }
        let cumulative = trial % 2 == 1;
        let layout = SpanLayout::calendar_year(YEAR, PeriodKind::Month, cumulative);
        let g = Grid::build(&units, &layout, |u, s| latest_rule(&people, u, s).0).unwrap();
        let gs = Grid::build(&units, &layout, |u, s| latest_rule(&people, u, s).1).unwrap();
        let k = MinRespondents::default();
        let s = g.suppress(k);
        // A grid the rule cannot keep safe is published by quarter (tested above).
        if !s.is_safe() {
            fallbacks += 1;
            continue;
        }
        let width = g.spans().len();
        let period_relation = |r: &Relation| r.total / width == r.parts[0] / width;
        inexact += g
            .relations()
            .iter()
            .filter(|r| g.count(r.total) != r.parts.iter().map(|&p| g.count(p)).sum::<u32>())
            .count();
        let published = Published {
            relations: g.relations(),
            counts: g.counts(),
            sums: gs.counts(),
            vis: s.all(),
            k: k.get(),
        };
        small += (0..g.counts().len())
            .filter(|&c| published.small(c))
            .count();
        published.single_differences(&mut tally);
        published.pair_differences(&mut tally);
        let _ = published.elimination(false, &mut tally);
        // Tree sums are exact (one unit per person); periods are unions.
        published.bounds(&[], period_relation, &mut tally);
    }
    println!(
        "suppression attacker, people answering in several months: {} attacks ({} single, \
         {} pairs, {} eliminated rows, {} bound steps), {small} cells under k, {inexact} \
         relations that do not add up, {fallbacks} of 120 left to quarters; none recovered",
        tally.total(),
        tally.single,
        tally.pairs,
        tally.elimination,
        tally.bounds
    );
    assert!(small > 300 && inexact > 300);
}

#[test]
fn the_period_of_an_instant_is_the_one_the_grid_uses() {
    // The server files a response into the grid by its local month; the grid's spans are
    // built from the same periods.
    let at = time::macros::datetime!(2026-06-30 20:00 UTC);
    let p = Period::of_instant(at, time::macros::offset!(+7), PeriodKind::Month);
    let layout = SpanLayout::calendar_year(YEAR, PeriodKind::Month, false);
    assert!(layout.spans.contains(&Span::Period(p)));
    assert_eq!(p, Period::month(YEAR, 7).unwrap());
}
