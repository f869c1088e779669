//! Questionnaire scoring: commitment components (mean on the 1–5 scale), SMART ASN
//! indicators (percent) and the BerAKHLAK implementation index (percent per value and
//! overall, with a health band). Formulas: `docs/scoring.md`, "Questionnaires".
//!
//! Everything is computed from *item means*. One person's answers are item means over one
//! respondent, so a unit's aggregate (means over many respondents) goes through exactly the
//! same code as a personal result.

use crate::content::{Band, ScoringConfig};
use crate::module::Mapping;
use crate::questionnaire::{Item, Questionnaire, SCALE_MAX, SCALE_MIN};
use crate::weakest::lowest;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use thiserror::Error;

mod layout;
pub use layout::{AnswerRow, Layout};

/// One person's answers: item id → 1..=5. A skipped item is simply absent.
pub type Answers = BTreeMap<String, u8>;

/// Item id → mean of the raw answers (before reverse keys) over any number of respondents.
pub type ItemMeans = BTreeMap<String, f64>;

/// Bad input or a malformed questionnaire. Scoring never panics on data.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ScoringError {
    #[error("Butir `{item}` tidak ada di kuesioner `{questionnaire}`.")]
    UnknownItem { questionnaire: String, item: String },
    #[error("Jawaban butir `{item}` harus 1–5 (sekarang {answer}).")]
    AnswerOutOfRange { item: String, answer: u8 },
    #[error("Rata-rata butir `{item}` harus antara 1 dan 5 (sekarang {mean}).")]
    MeanOutOfRange { item: String, mean: f64 },
    #[error(
        "Butir `{item}` memakai komponen `{component}` yang tidak ada di kuesioner `{questionnaire}`."
    )]
    UnknownComponent {
        questionnaire: String,
        item: String,
        component: String,
    },
    #[error("Butir indeks `{item}` tidak menyebut indikatornya.")]
    MissingIndicator { item: String },
}

impl ScoringError {
    /// Stable code the client can translate.
    pub fn code(&self) -> &'static str {
        match self {
            ScoringError::UnknownItem { .. } => "scoring_unknown_item",
            ScoringError::AnswerOutOfRange { .. } => "scoring_answer_range",
            ScoringError::MeanOutOfRange { .. } => "scoring_mean_range",
            ScoringError::UnknownComponent { .. } => "scoring_unknown_component",
            ScoringError::MissingIndicator { .. } => "scoring_missing_indicator",
        }
    }
}

/// A component (commitment component, SMART ASN indicator, or BerAKHLAK value read as a
/// plain component). `mean`/`percent` are `None` when too few items were answered:
/// "not enough answers" must never read as 0.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComponentScore {
    pub component: String,
    /// Items the component has.
    pub items: u32,
    /// Items answered.
    pub answered: u32,
    /// Mean on the 1–5 scale, after reverse keys.
    pub mean: Option<f64>,
    /// `item_percent(mean)`.
    pub percent: Option<f64>,
}

/// One behavioural indicator of a BerAKHLAK value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorScore {
    pub indicator: String,
    pub items: u32,
    pub answered: u32,
    pub percent: Option<f64>,
}

/// One BerAKHLAK value: the mean of its indicators' percentages, with its band.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ValueIndex {
    pub value: String,
    /// In the order their items first appear in the questionnaire.
    pub indicators: Vec<IndicatorScore>,
    pub percent: Option<f64>,
    pub band: Option<Band>,
}

/// The BerAKHLAK implementation index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexScore {
    /// In questionnaire order.
    pub values: Vec<ValueIndex>,
    /// Mean of the scored values' percentages (needs two thirds of the values).
    pub overall: Option<f64>,
    pub overall_band: Option<Band>,
}

impl IndexScore {
    /// The value to strengthen first: lowest scored percent, ties → the first.
    pub fn weakest(&self) -> Option<&ValueIndex> {
        lowest(&self.values, |v| v.percent)
    }
}

/// A mean on the 1–5 scale as a percentage: 1 → 0 %, 3 → 50 %, 5 → 100 %.
pub fn item_percent(mean: f64) -> f64 {
    let min = f64::from(SCALE_MIN);
    let max = f64::from(SCALE_MAX);
    (mean - min) / (max - min) * 100.0
}

/// The two-thirds rule: a score needs `answered ≥ ⅔ · total`. Integer arithmetic so that the
/// boundary (4 of 6, 2 of 3) is exact. Nothing to score (`total == 0`) is never enough.
pub fn enough(answered: u32, total: u32) -> bool {
    total > 0 && u64::from(answered) * 3 >= u64::from(total) * 2
}

/// A percentage as it is shown: rounded to one decimal, the same digits as `{:.1}` prints
/// (the app and the console show percentages so).
pub fn shown_percent(percent: f64) -> f64 {
    format!("{percent:.1}").parse().unwrap_or(percent)
}

/// The band of a percentage: the band with the highest `min_percent` not above it (for a
/// highest-first list that is the first band whose `min_percent ≤ percent`; taking the
/// highest keeps a mis-ordered configuration from giving everyone the bottom band).
/// Decided on the [shown](shown_percent) value, so that a "75,0 %" on screen is never
/// band B because the unrounded value was 74,96. `None` below every band or for NaN.
pub fn band_for(percent: f64, config: &ScoringConfig) -> Option<&Band> {
    let percent = shown_percent(percent);
    config
        .index_bands
        .iter()
        .filter(|b| b.min_percent <= percent)
        .fold(None, |best: Option<&Band>, b| match best {
            Some(best) if best.min_percent >= b.min_percent => Some(best),
            _ => Some(b),
        })
}

/// Scores every component of `q` (in questionnaire order) from one person's answers.
/// Answers given on an earlier form of `q` are scored on that form (see
/// `questionnaire::forms`).
pub fn score_components(
    q: &Questionnaire,
    answers: &Answers,
) -> Result<Vec<ComponentScore>, ScoringError> {
    let q = q.form_answered(answers.keys().map(String::as_str));
    score_components_from_item_means(&q, &answers_to_means(&q, answers)?)
}

/// Scores every component of `q` from item means (a unit's aggregate). Means of items
/// retired from `q` are left out: a group mixing forms is scored on the current form,
/// earlier responses counting for the items still asked.
pub fn score_components_from_item_means(
    q: &Questionnaire,
    means: &ItemMeans,
) -> Result<Vec<ComponentScore>, ScoringError> {
    let keyed = keyed_means(q, means)?;
    Ok(q.components
        .iter()
        .map(|c| {
            let (items, answered, mean) = tally(q.items_of(&c.id), &keyed);
            ComponentScore {
                component: c.id.clone(),
                items,
                answered,
                mean,
                percent: mean.map(item_percent),
            }
        })
        .collect())
}

/// The BerAKHLAK index from one person's answers (on the form they were given on).
pub fn index_from_answers(
    q: &Questionnaire,
    answers: &Answers,
    config: &ScoringConfig,
) -> Result<IndexScore, ScoringError> {
    let q = q.form_answered(answers.keys().map(String::as_str));
    index_from_item_means(&q, &answers_to_means(&q, answers)?, config)
}

/// The BerAKHLAK index from item means. Every component of `q` is a value; every item
/// names its indicator.
pub fn index_from_item_means(
    q: &Questionnaire,
    means: &ItemMeans,
    config: &ScoringConfig,
) -> Result<IndexScore, ScoringError> {
    if let Some(item) = q.items.iter().find(|i| i.indicator.is_none()) {
        return Err(ScoringError::MissingIndicator {
            item: item.id.clone(),
        });
    }
    let keyed = keyed_means(q, means)?;
    let band = |p: Option<f64>| p.and_then(|p| band_for(p, config)).cloned();

    let values: Vec<ValueIndex> = q
        .components
        .iter()
        .map(|c| {
            let mut order: Vec<&str> = Vec::new();
            for ind in q.items_of(&c.id).filter_map(|i| i.indicator.as_deref()) {
                if !order.contains(&ind) {
                    order.push(ind);
                }
            }
            let indicators: Vec<IndicatorScore> = order
                .iter()
                .map(|ind| {
                    let items = q
                        .items_of(&c.id)
                        .filter(|i| i.indicator.as_deref() == Some(*ind));
                    let (items, answered, mean) = tally(items, &keyed);
                    IndicatorScore {
                        indicator: (*ind).to_string(),
                        items,
                        answered,
                        percent: mean.map(item_percent),
                    }
                })
                .collect();
            let percent = mean_if_enough(indicators.iter().map(|i| i.percent));
            ValueIndex {
                value: c.id.clone(),
                indicators,
                percent,
                band: band(percent),
            }
        })
        .collect();

    let overall = mean_if_enough(values.iter().map(|v| v.percent));
    Ok(IndexScore {
        values,
        overall,
        overall_band: band(overall),
    })
}

/// The weakest scored component: lowest percent (the same order as the mean), ties → the
/// first in questionnaire order. `None` when nothing was scored.
pub fn weakest(scores: &[ComponentScore]) -> Option<&ComponentScore> {
    lowest(scores, |s| s.percent)
}

/// The mapping target of a result: `komitmen:normatif`, `indeks-berakhlak:adaptif`, …
pub fn target(questionnaire: &str, component: &str) -> String {
    format!("{questionnaire}:{component}")
}

/// The modules to read for a target, most relevant first; empty when nothing is mapped.
pub fn modules_for<'a>(mappings: &'a [Mapping], target: &str) -> &'a [String] {
    mappings
        .iter()
        .find(|m| m.target == target)
        .map(|m| m.modules.as_slice())
        .unwrap_or(&[])
}

/// Checks the answers (known items, 1..=5) and turns them into one-respondent means.
fn answers_to_means(q: &Questionnaire, answers: &Answers) -> Result<ItemMeans, ScoringError> {
    answers
        .iter()
        .map(|(id, &answer)| {
            item(q, id)?;
            if !(SCALE_MIN..=SCALE_MAX).contains(&answer) {
                return Err(ScoringError::AnswerOutOfRange {
                    item: id.clone(),
                    answer,
                });
            }
            Ok((id.clone(), f64::from(answer)))
        })
        .collect()
}

/// Checks the questionnaire and the means, and applies reverse keys: item id → scored mean.
/// Reversing a mean equals the mean of reversed answers (`6 − x` is linear).
fn keyed_means<'a>(
    q: &'a Questionnaire,
    means: &ItemMeans,
) -> Result<BTreeMap<&'a str, f64>, ScoringError> {
    // A malformed questionnaire would silently drop items from every score: refuse it.
    if let Some(i) = q.items.iter().find(|i| q.component(&i.component).is_none()) {
        return Err(ScoringError::UnknownComponent {
            questionnaire: q.id.clone(),
            item: i.id.clone(),
            component: i.component.clone(),
        });
    }
    let mut keyed = BTreeMap::new();
    for (id, &mean) in means {
        // Known from another form: not part of this one's scores.
        let Some(item) = item(q, id)? else {
            continue;
        };
        // Written as a negated range check so that NaN is refused too.
        if !(f64::from(SCALE_MIN)..=f64::from(SCALE_MAX)).contains(&mean) {
            return Err(ScoringError::MeanOutOfRange {
                item: id.clone(),
                mean,
            });
        }
        let scored = if item.reverse {
            f64::from(SCALE_MIN + SCALE_MAX) - mean
        } else {
            mean
        };
        keyed.insert(item.id.as_str(), scored);
    }
    Ok(keyed)
}

/// The item `id` of `q`'s form; `None` for an item of another form (known, not counted);
/// an error for an id no form has.
fn item<'a>(q: &'a Questionnaire, id: &str) -> Result<Option<&'a Item>, ScoringError> {
    if let Some(item) = q.items.iter().find(|i| i.id == id) {
        return Ok(Some(item));
    }
    if q.knows_item(id) {
        return Ok(None);
    }
    Err(ScoringError::UnknownItem {
        questionnaire: q.id.clone(),
        item: id.to_string(),
    })
}

/// (items, answered, mean of the answered when enough of them).
fn tally<'a>(
    items: impl Iterator<Item = &'a Item>,
    keyed: &BTreeMap<&str, f64>,
) -> (u32, u32, Option<f64>) {
    let (mut total, mut answered, mut sum) = (0u32, 0u32, 0.0);
    for item in items {
        total += 1;
        if let Some(m) = keyed.get(item.id.as_str()) {
            answered += 1;
            sum += m;
        }
    }
    let mean = enough(answered, total).then(|| sum / f64::from(answered));
    (total, answered, mean)
}

/// Mean of the scored parts when at least two thirds of the parts are scored.
fn mean_if_enough(parts: impl Iterator<Item = Option<f64>>) -> Option<f64> {
    let (mut total, mut scored, mut sum) = (0u32, 0u32, 0.0);
    for p in parts {
        total += 1;
        if let Some(p) = p {
            scored += 1;
            sum += p;
        }
    }
    enough(scored, total).then(|| sum / f64::from(scored))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_maps_the_scale_ends_and_middle() {
        assert_eq!(item_percent(1.0), 0.0);
        assert_eq!(item_percent(3.0), 50.0);
        assert_eq!(item_percent(4.0), 75.0);
        assert_eq!(item_percent(5.0), 100.0);
    }

    #[test]
    fn two_thirds_rule_is_exact_at_the_boundary() {
        assert!(enough(4, 6));
        assert!(!enough(3, 6));
        assert!(enough(2, 3));
        assert!(!enough(1, 3));
        assert!(enough(5, 7));
        assert!(!enough(4, 7));
        assert!(!enough(0, 0));
        assert!(enough(u32::MAX, u32::MAX));
    }

    #[test]
    fn mean_of_parts_skips_unscored_parts() {
        let parts = [Some(60.0), None, Some(40.0)];
        assert_eq!(mean_if_enough(parts.into_iter()), Some(50.0));
        let parts = [Some(60.0), None, None];
        assert_eq!(mean_if_enough(parts.into_iter()), None);
    }
}
