//! One anonymity grid per figure family and calendar year (docs/anonymity.md): each
//! questionnaire over its respondents, practice over the people who practised. The grid
//! covers the whole unit tree, so every unit's dashboard reads the same decision.

use crate::store::{Store, StoreError};
use resapi_core::aggregate::grid::{Grid, Node, Span, SpanLayout, Suppressed};
use resapi_core::aggregate::period::{Period, PeriodKind};
use resapi_core::aggregate::suppression::{Reason, Visibility};
use resapi_core::aggregate::threshold::MinRespondents;
use resapi_core::content::Unit;
use std::collections::HashMap;

/// The practice family's name next to the questionnaire ids.
pub const PRACTICE: &str = "practice";

/// Every family's decision for one calendar year.
pub struct YearGrids {
    pub by_family: HashMap<String, Suppressed>,
}

impl YearGrids {
    /// The fate of `unit`'s cell in `period` for `family`. A period finer than what the
    /// year publishes (a month of a year shown by quarters) is hidden as a complement: it
    /// would let a small group be worked out.
    pub fn visibility(&self, family: &str, unit: &str, period: &Period) -> Visibility {
        self.by_family
            .get(family)
            .and_then(|s| s.visibility(&Node::Unit(unit.to_string()), &Span::Period(*period)))
            .unwrap_or(Visibility::Suppressed(Reason::Complementary))
    }

    /// The finest period kind `family` is published at.
    pub fn finest(&self, family: &str) -> PeriodKind {
        let Some(s) = self.by_family.get(family) else {
            return PeriodKind::Year;
        };
        s.grid()
            .spans()
            .iter()
            .filter_map(|sp| match sp {
                Span::Period(p) => Some(p.kind()),
                Span::YearToDate(_) => None,
            })
            .min()
            .unwrap_or(PeriodKind::Year)
    }
}

/// The year's labels: the year, its quarters and months.
pub fn year_labels(year: i32) -> Vec<String> {
    SpanLayout::calendar_year(year, PeriodKind::Month, false)
        .spans
        .iter()
        .map(|s| match s {
            Span::Period(p) | Span::YearToDate(p) => p.to_string(),
        })
        .collect()
}

/// Builds the grids of `year` for the questionnaires and practice.
pub async fn year_grids(
    store: &Store,
    units: &[Unit],
    questionnaires: &[String],
    year: i32,
    k: MinRespondents,
) -> Result<YearGrids, StoreError> {
    let labels = year_labels(year);
    // family -> period -> unit -> own members counted. Keyed by the period itself, so the
    // grid's many look-ups allocate nothing.
    let mut own: HashMap<String, HashMap<Period, HashMap<String, u32>>> = HashMap::new();
    let mut put = |family: String, label: &str, unit: String, n: i64| {
        if let Ok(p) = label.parse::<Period>() {
            own.entry(family)
                .or_default()
                .entry(p)
                .or_default()
                .insert(unit, u32::try_from(n).unwrap_or(u32::MAX));
        }
    };
    for (q, period, unit, n) in store.respondent_counts(&labels).await? {
        put(q, &period, unit, n);
    }
    for t in store
        .practice_tallies(&labels, Some(crate::store::facts::ALL_KEY))
        .await?
    {
        put(PRACTICE.to_string(), &t.period, t.unit_id, t.people);
    }
    let mut by_family = HashMap::new();
    let families = questionnaires.iter().cloned().chain([PRACTICE.to_string()]);
    for family in families {
        let counts = own.get(&family);
        let count = |unit: &str, span: &Span| match span {
            Span::Period(p) => counts
                .and_then(|c| c.get(p))
                .and_then(|c| c.get(unit))
                .copied()
                .unwrap_or(0),
            Span::YearToDate(_) => 0,
        };
        let decided = Grid::build_safest(units, year, false, count, k)
            .map_err(|e| StoreError::Corrupt(format!("unit tree: {} ({})", e, e.code())))?;
        by_family.insert(family, decided);
    }
    Ok(YearGrids { by_family })
}
