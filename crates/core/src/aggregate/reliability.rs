//! Cronbach's α of a questionnaire component (a commitment component, a SMART ASN
//! indicator, a BerAKHLAK value) over the respondents in scope, with each item's corrected
//! item-total correlation and the α the component would have without it.
//!
//! Only respondents who answered every item of the component count (listwise): α compares
//! variances of the same people. Reverse-keyed items are scored `6 − answer` first, as in
//! `crate::scoring`, so that every item points the same way.

use super::latest::ResponseFact;
use super::sample::{NotEnough, check_people};
use super::stats::{pearson, sample_variance};
use super::threshold::MinRespondents;
use crate::questionnaire::{Questionnaire, SCALE_MAX, SCALE_MIN};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemTotal {
    pub item: String,
    /// Correlation of the item with the sum of the *other* items; `None` when the item
    /// does not vary.
    pub corrected_item_total: Option<f64>,
    /// α of the remaining items; `None` when fewer than two would remain.
    pub alpha_if_deleted: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reliability {
    /// Respondents with every item answered.
    pub n: u32,
    pub alpha: f64,
    pub items: Vec<ItemTotal>,
}

/// α = m / (m − 1) · (1 − Σ item variances / variance of the sum), sample variances.
fn alpha_of(rows: &[Vec<f64>], columns: &[usize]) -> Option<f64> {
    let m = columns.len();
    if m < 2 {
        return None;
    }
    let column = |j: usize| rows.iter().map(|r| r[j]).collect::<Vec<f64>>();
    let items: f64 = columns
        .iter()
        .map(|&j| sample_variance(&column(j)))
        .sum::<Option<f64>>()?;
    let totals: Vec<f64> = rows
        .iter()
        .map(|r| columns.iter().map(|&j| r[j]).sum())
        .collect();
    let total = sample_variance(&totals)?;
    (total > 0.0).then(|| m as f64 / (m - 1) as f64 * (1.0 - items / total))
}

/// α over a score matrix: one row per respondent, one column per item (`names`).
pub fn cronbach_alpha(
    names: &[String],
    rows: &[Vec<f64>],
    k: MinRespondents,
) -> Result<Reliability, NotEnough> {
    let n = check_people(rows.len(), k)?;
    let m = names.len();
    if m < 2 {
        return Err(NotEnough::TooFewItems {
            items: u32::try_from(m).unwrap_or(u32::MAX),
        });
    }
    let all: Vec<usize> = (0..m).collect();
    let alpha = alpha_of(rows, &all).ok_or(NotEnough::NoVariance)?;
    let items = names
        .iter()
        .enumerate()
        .map(|(j, name)| {
            let others: Vec<usize> = all.iter().copied().filter(|&o| o != j).collect();
            let item: Vec<f64> = rows.iter().map(|r| r[j]).collect();
            let rest: Vec<f64> = rows
                .iter()
                .map(|r| others.iter().map(|&o| r[o]).sum())
                .collect();
            ItemTotal {
                item: name.clone(),
                corrected_item_total: pearson(&item, &rest),
                alpha_if_deleted: alpha_of(rows, &others),
            }
        })
        .collect();
    Ok(Reliability { n, alpha, items })
}

/// α of one component of `q` over the responses given (one per person).
pub fn component_alpha(
    q: &Questionnaire,
    component: &str,
    responses: &[&ResponseFact],
    k: MinRespondents,
) -> Result<Reliability, NotEnough> {
    let items: Vec<_> = q.items_of(component).collect();
    let rows: Vec<Vec<f64>> = responses
        .iter()
        .filter(|r| r.questionnaire_id == q.id)
        .filter_map(|r| {
            items
                .iter()
                .map(|i| {
                    let a = *r.answers.get(&i.id)?;
                    // An answer off the scale is not an answer (stored data is checked on
                    // sync; this only keeps a bad row from bending α).
                    if !(SCALE_MIN..=SCALE_MAX).contains(&a) {
                        return None;
                    }
                    let a = if i.reverse {
                        SCALE_MIN + SCALE_MAX - a
                    } else {
                        a
                    };
                    Some(f64::from(a))
                })
                .collect::<Option<Vec<f64>>>()
        })
        .collect();
    let names: Vec<String> = items.iter().map(|i| i.id.clone()).collect();
    cronbach_alpha(&names, &rows, k)
}
