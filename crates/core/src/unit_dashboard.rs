//! The unit dashboard and measurement-quality answers as the API carries them
//! (`GET /units/{id}/dashboard`, `/units/{id}/quality`, `/admin/item-analysis`). Every
//! questionnaire and practice figure is a [`Guarded`] cell: shown with its n, or the reason
//! only. Each figure family is a flat list of rows, so it turns into a table (screen, CSV,
//! XLSX) without reshaping.

use crate::aggregate::item_analysis::ItemStats;
use crate::aggregate::period::{Period, PeriodKind};
use crate::aggregate::practice_group::{Accuracy, GuardedPractice};
use crate::aggregate::questionnaire_group::{ComponentsGroup, IndexGroup};
use crate::aggregate::reliability::Reliability;
use crate::aggregate::sample::NotEnough;
use crate::aggregate::suppression::Guarded;
use crate::text::Text;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitRef {
    pub id: String,
    pub name: String,
}

/// Counts of people (not answers): members now, and those active in the period under the
/// unit. Respondents are per questionnaire, in each questionnaire's cell (its `n`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParticipationFigures {
    pub members: u32,
    pub active: u32,
    pub active_percent: u32,
}

/// The weakest BerAKHLAK value with the modules that answer it (content mappings).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeakestValue {
    pub value: String,
    pub modules: Vec<String>,
}

/// One value's percentage and band grade (a trend point or a sub-unit bar).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ValueHeadline {
    pub value: String,
    pub percent: Option<f64>,
    pub band: Option<String>,
}

/// The index in one line: overall with its band, and each value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexHeadline {
    pub overall: Option<f64>,
    pub band: Option<String>,
    pub values: Vec<ValueHeadline>,
}

impl IndexHeadline {
    pub fn of(g: &IndexGroup) -> IndexHeadline {
        IndexHeadline {
            overall: g.overall,
            band: g.overall_band.as_ref().map(|b| b.grade.clone()),
            values: g
                .values
                .iter()
                .map(|v| ValueHeadline {
                    value: v.index.value.clone(),
                    percent: v.index.percent,
                    band: v.index.band.as_ref().map(|b| b.grade.clone()),
                })
                .collect(),
        }
    }
}

/// A component's group percentage (a sub-unit bar).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComponentHeadline {
    pub component: String,
    pub percent: Option<f64>,
}

impl ComponentHeadline {
    pub fn of(g: &ComponentsGroup) -> Vec<ComponentHeadline> {
        g.components
            .iter()
            .map(|c| ComponentHeadline {
                component: c.score.component.clone(),
                percent: c.score.percent,
            })
            .collect()
    }
}

/// A questionnaire scored by components (commitment, SMART ASN) for the unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComponentsCell {
    pub questionnaire: String,
    pub figure: Guarded<ComponentsGroup>,
}

/// A sub-unit's components in one line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComponentsHeadlineCell {
    pub questionnaire: String,
    pub figure: Guarded<Vec<ComponentHeadline>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrendPoint<T> {
    pub period: Period,
    pub figure: Guarded<T>,
}

/// One sub-unit side by side with its siblings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubUnitFigures {
    pub unit: UnitRef,
    pub participation: ParticipationFigures,
    pub index: Guarded<IndexHeadline>,
    pub components: Vec<ComponentsHeadlineCell>,
    pub practice: Guarded<Accuracy>,
}

/// `GET /units/{id}/dashboard?period=`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitDashboard {
    pub unit: UnitRef,
    pub period: Period,
    /// The anonymity threshold in force.
    pub k: u32,
    /// The finest periods published for the period's year (months, else quarters, else the
    /// year), per figure family: a month of a year published by quarters is hidden.
    pub published: Vec<PublishedGrain>,
    pub participation: ParticipationFigures,
    pub index: Guarded<IndexGroup>,
    /// Only where the index is shown.
    pub weakest: Option<WeakestValue>,
    pub index_trend: Vec<TrendPoint<IndexHeadline>>,
    pub components: Vec<ComponentsCell>,
    pub practice: Guarded<GuardedPractice>,
    pub practice_trend: Vec<TrendPoint<Accuracy>>,
    pub sub_units: Vec<SubUnitFigures>,
}

/// How finely a figure family is published in a year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublishedGrain {
    /// A questionnaire id, or `practice`.
    pub family: String,
    pub finest: PeriodKind,
}

/// α of one component, or why it is not given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum AlphaCell {
    Given { reliability: Reliability },
    NotGiven { reason: NotEnough, message: Text },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComponentAlpha {
    pub component: String,
    pub alpha: AlphaCell,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionnaireQuality {
    pub questionnaire: String,
    /// Hidden as a whole where the unit's cell of this questionnaire is hidden (its n
    /// would give the cell away).
    pub components: Guarded<Vec<ComponentAlpha>>,
}

/// `GET /units/{id}/quality?period=`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitQuality {
    pub unit: UnitRef,
    pub period: Period,
    pub k: u32,
    pub questionnaires: Vec<QuestionnaireQuality>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ItemCell {
    Given { stats: ItemStats },
    NotGiven { reason: NotEnough, message: Text },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemRow {
    pub question: String,
    pub value: String,
    pub indicator: String,
    pub analysis: ItemCell,
}

/// `GET /admin/item-analysis?period=`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemAnalysis {
    pub period: Period,
    pub k: u32,
    pub items: Vec<ItemRow>,
}
