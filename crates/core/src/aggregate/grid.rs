//! The cells a dashboard can show and how they add up: every unit (with its sub-units) and
//! every span (a period, or a year-to-date figure), plus one implicit cell per unit with
//! sub-units: its **own direct members**. A unit's figure is its own members plus its
//! sub-units', so "unit minus the sub-units shown" is a cell an attacker can compute even
//! if no screen shows it: it takes part in the rule like any other.
//!
//! The caller gives the count of each unit's own members per span (people counted once per
//! span under the "latest response" rule); subtree counts are added up here, so the tree
//! relations hold exactly. The span relations (year = its quarters, quarter = its months,
//! year-to-date chains) are treated as exact too although they are not (a person answering in
//! January and March counts once in Q1): see `docs/anonymity.md`.

use super::period::{Period, PeriodKind};
use super::suppression::{Relation, Visibility, suppress};
use super::threshold::MinRespondents;
use crate::content::Unit;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use thiserror::Error;
use time::Date;

/// A time span a figure covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "kind", content = "period", rename_all = "snake_case")]
pub enum Span {
    /// A month, quarter or year.
    Period(Period),
    /// From the first of the year up to the end of this month or quarter (a cumulative
    /// figure).
    YearToDate(Period),
}

impl Span {
    /// True when the local day lies in the span.
    pub fn contains_date(&self, date: Date) -> bool {
        match self {
            Span::Period(p) => p.contains_date(date),
            Span::YearToDate(p) => date.year() == p.calendar_year() && date < p.next_first_day(),
        }
    }
}

/// The spans of one calendar year and how they add up.
#[derive(Debug, Clone, PartialEq)]
pub struct SpanLayout {
    pub spans: Vec<Span>,
    /// (total, parts) as indices into `spans`.
    pub relations: Vec<(usize, Vec<usize>)>,
}

impl SpanLayout {
    /// The year and its quarters, down to `finest` (months, quarters or the year alone).
    /// With `cumulative`, also a year-to-date figure at the end of each finest period
    /// (January's is January, March's is Q1, the last is the year). Publish only the spans a
    /// screen or an export shows: every extra span is one more way to subtract.
    pub fn calendar_year(year: i32, finest: PeriodKind, cumulative: bool) -> SpanLayout {
        let y = Period::year(year);
        let mut spans = vec![Span::Period(y)];
        let mut relations = Vec::new();
        // Level by level: each parent equals its children.
        let mut level = vec![(y, 0usize)];
        for kind in [PeriodKind::Quarter, PeriodKind::Month] {
            if kind < finest {
                break;
            }
            let mut next = Vec::new();
            for (parent, at) in &level {
                let mut parts = Vec::new();
                for child in parent.children() {
                    parts.push(spans.len());
                    next.push((child, spans.len()));
                    spans.push(Span::Period(child));
                }
                relations.push((*at, parts));
            }
            level = next;
        }
        if cumulative && finest != PeriodKind::Year {
            let first = spans.len();
            for (i, (p, at)) in level.iter().enumerate() {
                let ytd = spans.len();
                spans.push(Span::YearToDate(*p));
                relations.push(match i {
                    0 => (ytd, vec![*at]),
                    _ => (ytd, vec![ytd - 1, *at]),
                });
                // With months: a quarter's end is also the previous quarter's end + the quarter.
                if finest == PeriodKind::Month && (i + 1) % 3 == 0 {
                    let quarter = 1 + i / 3;
                    relations.push(match i {
                        2 => (ytd, vec![quarter]),
                        _ => (ytd, vec![ytd - 3, quarter]),
                    });
                }
            }
            relations.push((0, vec![first + level.len() - 1]));
        }
        SpanLayout { spans, relations }
    }
}

/// A row of the grid: a unit with its sub-units, or a unit's own direct members.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "kind", content = "unit", rename_all = "snake_case")]
pub enum Node {
    Unit(String),
    OwnMembers(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum GridError {
    #[error("Unit `{0}` disebut dua kali.")]
    DuplicateUnit(String),
    #[error("Induk `{parent}` dari unit `{unit}` tidak ada.")]
    UnknownParent { unit: String, parent: String },
    #[error("Pohon unit berputar di `{0}` (unit menjadi sub-unitnya sendiri).")]
    Cycle(String),
}

impl GridError {
    pub fn code(&self) -> &'static str {
        match self {
            GridError::DuplicateUnit(_) => "unit_duplicate",
            GridError::UnknownParent { .. } => "unit_unknown_parent",
            GridError::Cycle(_) => "unit_cycle",
        }
    }
}

/// Counts per (node, span) with the relations between them.
#[derive(Debug, Clone)]
pub struct Grid {
    nodes: Vec<Node>,
    spans: Vec<Span>,
    counts: Vec<u32>,
    relations: Vec<Relation>,
    /// Leaf units have no separate own-members row: it is the unit's row.
    row_of: BTreeMap<Node, usize>,
}

impl Grid {
    /// Builds the grid of a unit tree (a forest is fine) over `layout`. `own(unit, span)`
    /// is the number of the unit's own direct members counted in the span.
    pub fn build(
        units: &[Unit],
        layout: &SpanLayout,
        own: impl Fn(&str, &Span) -> u32,
    ) -> Result<Grid, GridError> {
        let index: BTreeMap<&str, usize> = {
            let mut m = BTreeMap::new();
            for (i, u) in units.iter().enumerate() {
                if m.insert(u.id.as_str(), i).is_some() {
                    return Err(GridError::DuplicateUnit(u.id.clone()));
                }
            }
            m
        };
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); units.len()];
        for (i, u) in units.iter().enumerate() {
            if let Some(p) = &u.parent_id {
                let &pi = index
                    .get(p.as_str())
                    .ok_or_else(|| GridError::UnknownParent {
                        unit: u.id.clone(),
                        parent: p.clone(),
                    })?;
                children[pi].push(i);
            }
        }
        let order = bottom_up(units, &children)?;

        let mut nodes = Vec::new();
        let mut row_of = BTreeMap::new();
        let mut own_row = vec![0; units.len()];
        let mut unit_row = vec![0; units.len()];
        for (i, u) in units.iter().enumerate() {
            unit_row[i] = nodes.len();
            row_of.insert(Node::Unit(u.id.clone()), nodes.len());
            nodes.push(Node::Unit(u.id.clone()));
            if children[i].is_empty() {
                own_row[i] = unit_row[i];
            } else {
                own_row[i] = nodes.len();
                nodes.push(Node::OwnMembers(u.id.clone()));
            }
            row_of.insert(Node::OwnMembers(u.id.clone()), own_row[i]);
        }

        let width = layout.spans.len();
        let mut counts = vec![0u32; nodes.len() * width];
        let cell = |row: usize, s: usize| row * width + s;
        for &i in &order {
            for (s, span) in layout.spans.iter().enumerate() {
                let n = own(&units[i].id, span);
                counts[cell(own_row[i], s)] = n;
                if !children[i].is_empty() {
                    let sub: u32 = children[i]
                        .iter()
                        .map(|&c| counts[cell(unit_row[c], s)])
                        .fold(n, u32::saturating_add);
                    counts[cell(unit_row[i], s)] = sub;
                }
            }
        }

        let mut relations = Vec::new();
        for (i, kids) in children.iter().enumerate() {
            if kids.is_empty() {
                continue;
            }
            for s in 0..width {
                let mut parts = vec![cell(own_row[i], s)];
                parts.extend(kids.iter().map(|&c| cell(unit_row[c], s)));
                relations.push(Relation {
                    total: cell(unit_row[i], s),
                    parts,
                });
            }
        }
        for row in 0..nodes.len() {
            for (total, parts) in &layout.relations {
                relations.push(Relation {
                    total: cell(row, *total),
                    parts: parts.iter().map(|&p| cell(row, p)).collect(),
                });
            }
        }
        Ok(Grid {
            nodes,
            spans: layout.spans.clone(),
            counts,
            relations,
            row_of,
        })
    }

    /// The cell index of a node in a span.
    pub fn cell(&self, node: &Node, span: &Span) -> Option<usize> {
        let row = *self.row_of.get(node)?;
        let s = self.spans.iter().position(|x| x == span)?;
        Some(row * self.spans.len() + s)
    }

    pub fn count(&self, cell: usize) -> u32 {
        self.counts.get(cell).copied().unwrap_or(0)
    }

    pub fn counts(&self) -> &[u32] {
        &self.counts
    }

    pub fn relations(&self) -> &[Relation] {
        &self.relations
    }

    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    pub fn spans(&self) -> &[Span] {
        &self.spans
    }

    /// Applies the rule to every cell at once (a unit's dashboard, its sub-units' bars,
    /// the trend and the exports all read from this one decision).
    pub fn suppress(&self, k: MinRespondents) -> Suppressed {
        let decision = suppress(&self.counts, &self.relations, k);
        Suppressed {
            grid: self.clone(),
            visibility: decision.visibility,
            residual: decision.residual,
        }
    }

    /// The finest grid of a year the rule can keep safe: months (with year-to-date figures
    /// when `cumulative`), else quarters, else the year alone. A tiny unit by month can
    /// leave a count pinned by the reason codes and zeros alone ([`Suppressed::is_safe`]);
    /// then the dashboard shows quarters instead of months, for everyone.
    pub fn build_safest(
        units: &[Unit],
        year: i32,
        cumulative: bool,
        own: impl Fn(&str, &Span) -> u32,
        k: MinRespondents,
    ) -> Result<Suppressed, GridError> {
        for finest in [PeriodKind::Month, PeriodKind::Quarter] {
            let layout = SpanLayout::calendar_year(year, finest, cumulative);
            let s = Grid::build(units, &layout, &own)?.suppress(k);
            if s.is_safe() {
                return Ok(s);
            }
        }
        // The year alone: only the tree's relations are left. Should even that keep a
        // residue, the caller still gets the decision with its flag.
        let layout = SpanLayout::calendar_year(year, PeriodKind::Year, false);
        Ok(Grid::build(units, &layout, &own)?.suppress(k))
    }
}

/// The decision for every cell of a grid.
#[derive(Debug, Clone)]
pub struct Suppressed {
    grid: Grid,
    visibility: Vec<Visibility>,
    residual: Vec<usize>,
}

impl Suppressed {
    /// The fate of a figure; `None` for a node or span not in the grid.
    pub fn visibility(&self, node: &Node, span: &Span) -> Option<Visibility> {
        self.grid.cell(node, span).map(|c| self.visibility[c])
    }

    /// Per cell, in the grid's cell order.
    pub fn all(&self) -> &[Visibility] {
        &self.visibility
    }

    pub fn grid(&self) -> &Grid {
        &self.grid
    }

    /// True when no small cell can be pinned (see [`super::suppression::Decision`]).
    pub fn is_safe(&self) -> bool {
        self.residual.is_empty()
    }
}

/// Units ordered so that every unit comes after all of its sub-units; refuses a cycle.
fn bottom_up(units: &[Unit], children: &[Vec<usize>]) -> Result<Vec<usize>, GridError> {
    let mut has_parent = vec![false; units.len()];
    for kids in children {
        for &c in kids {
            has_parent[c] = true;
        }
    }
    let mut order = Vec::with_capacity(units.len());
    let mut stack: Vec<(usize, bool)> = (0..units.len())
        .filter(|&i| !has_parent[i])
        .map(|i| (i, false))
        .collect();
    while let Some((i, expanded)) = stack.pop() {
        if expanded {
            order.push(i);
        } else {
            stack.push((i, true));
            stack.extend(children[i].iter().map(|&c| (c, false)));
        }
    }
    // Units on a cycle have a parent and are never reached from a root.
    if order.len() < units.len() {
        let seen: std::collections::BTreeSet<usize> = order.iter().copied().collect();
        let stuck = (0..units.len()).find(|i| !seen.contains(i)).unwrap_or(0);
        return Err(GridError::Cycle(units[stuck].id.clone()));
    }
    Ok(order)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(id: &str, parent: Option<&str>) -> Unit {
        Unit {
            id: id.into(),
            name: id.into(),
            parent_id: parent.map(Into::into),
        }
    }

    #[test]
    fn calendar_year_layout_adds_up() {
        let l = SpanLayout::calendar_year(2026, PeriodKind::Month, false);
        assert_eq!(l.spans.len(), 17);
        assert_eq!(l.relations.len(), 5);
        let q = SpanLayout::calendar_year(2026, PeriodKind::Quarter, true);
        // Year, 4 quarters, 4 year-to-date figures; year = quarters, 4 steps, year = Dec.
        assert_eq!((q.spans.len(), q.relations.len()), (9, 6));
        let y = SpanLayout::calendar_year(2026, PeriodKind::Year, true);
        assert_eq!((y.spans.len(), y.relations.len()), (1, 0));
        let c = SpanLayout::calendar_year(2026, PeriodKind::Month, true);
        assert_eq!(c.spans.len(), 29);
        // 5 + 12 month steps + 4 quarter steps + year = December.
        assert_eq!(c.relations.len(), 5 + 12 + 4 + 1);
        let march = c
            .spans
            .iter()
            .position(|s| *s == Span::YearToDate(Period::month(2026, 3).unwrap()))
            .unwrap();
        assert!(c.relations.contains(&(march, vec![1])));
    }

    #[test]
    fn subtree_counts_add_own_members_and_sub_units() {
        let units = [
            unit("biro", None),
            unit("bag-a", Some("biro")),
            unit("bag-b", Some("biro")),
            unit("sub-a1", Some("bag-a")),
        ];
        let layout = SpanLayout::calendar_year(2026, PeriodKind::Month, false);
        let own = |u: &str, _: &Span| match u {
            "biro" => 2,
            "bag-a" => 3,
            "bag-b" => 7,
            _ => 4,
        };
        let g = Grid::build(&units, &layout, own).unwrap();
        let y = Span::Period(Period::year(2026));
        let n = |node: Node| g.count(g.cell(&node, &y).unwrap());
        assert_eq!(n(Node::Unit("biro".into())), 16);
        assert_eq!(n(Node::Unit("bag-a".into())), 7);
        assert_eq!(n(Node::OwnMembers("bag-a".into())), 3);
        // A leaf's own members are its row.
        assert_eq!(
            g.cell(&Node::OwnMembers("sub-a1".into()), &y),
            g.cell(&Node::Unit("sub-a1".into()), &y)
        );
        assert_eq!(g.nodes().len(), 6);
    }

    #[test]
    fn a_broken_tree_is_refused() {
        let layout = SpanLayout::calendar_year(2026, PeriodKind::Month, false);
        let zero = |_: &str, _: &Span| 0;
        let dup = [unit("a", None), unit("a", None)];
        assert_eq!(
            Grid::build(&dup, &layout, zero).unwrap_err().code(),
            "unit_duplicate"
        );
        let orphan = [unit("a", Some("x"))];
        assert_eq!(
            Grid::build(&orphan, &layout, zero).unwrap_err().code(),
            "unit_unknown_parent"
        );
        let cycle = [unit("r", None), unit("a", Some("b")), unit("b", Some("a"))];
        assert_eq!(
            Grid::build(&cycle, &layout, zero).unwrap_err().code(),
            "unit_cycle"
        );
    }
}
