//! A group's questionnaire figures: commitment components and SMART ASN indicators (group
//! means with their spread) and the BerAKHLAK index per value and overall with its band.
//!
//! The group figure is the same formula as a person's (`crate::scoring`), fed with item
//! means over the group's respondents; the spread is over each respondent's own score. The
//! input is one response per person (see [`super::latest::latest_per_person`]).
//!
//! Inside a cell that is shown (k or more respondents) a figure can still rest on fewer
//! people: an item most skipped, a spread over the few with enough answers. An indicator
//! answered by one person *is* that person's answer. So an item answered by fewer than k
//! people is left out of the group's item means (the two-thirds rule then decides whether
//! its indicator or component still has a figure), and a spread over fewer than k personal
//! scores is not given.

use super::latest::ResponseFact;
use super::spread::Spread;
use super::threshold::MinRespondents;
use crate::content::{Band, ScoringConfig};
use crate::questionnaire::Questionnaire;
use crate::scoring::{
    ComponentScore, ItemMeans, Layout, ScoringError, ValueIndex, index_from_item_means,
    score_components_from_item_means,
};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use thiserror::Error;
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Error)]
pub enum GroupError {
    #[error(transparent)]
    Scoring(#[from] ScoringError),
    /// The caller passed two responses of one person: only the latest may count.
    #[error("Satu orang hanya dihitung sekali per periode (orang `{0}` muncul dua kali).")]
    DuplicatePerson(Uuid),
}

impl GroupError {
    pub fn code(&self) -> &'static str {
        match self {
            GroupError::Scoring(e) => e.code(),
            GroupError::DuplicatePerson(_) => "group_duplicate_person",
        }
    }
}

/// A component (commitment component or SMART ASN indicator) over a group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComponentGroup {
    /// Group mean (1–5) and percentage, from the group's item means.
    pub score: ComponentScore,
    /// Spread of the respondents' own percentages (those with enough answers).
    pub spread: Option<Spread>,
}

/// Commitment or SMART ASN over a group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComponentsGroup {
    pub questionnaire: String,
    pub respondents: u32,
    pub components: Vec<ComponentGroup>,
}

/// One BerAKHLAK value over a group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ValueGroup {
    /// Percentage and band (and its indicators) from the group's item means.
    pub index: ValueIndex,
    /// Spread of the respondents' own percentages for this value.
    pub spread: Option<Spread>,
}

/// The BerAKHLAK index over a group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexGroup {
    pub respondents: u32,
    pub values: Vec<ValueGroup>,
    pub overall: Option<f64>,
    pub overall_band: Option<Band>,
    pub overall_spread: Option<Spread>,
    /// The value to strengthen first (lowest percentage, ties → the first).
    pub weakest: Option<String>,
}

/// The responses to `q`, refusing a person counted twice.
fn responses_to<'a>(
    q: &Questionnaire,
    responses: &[&'a ResponseFact],
) -> Result<Vec<&'a ResponseFact>, GroupError> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for r in responses.iter().filter(|r| r.questionnaire_id == q.id) {
        if !seen.insert(r.person) {
            return Err(GroupError::DuplicatePerson(r.person));
        }
        out.push(*r);
    }
    Ok(out)
}

/// Item id → mean of the answers given to it (skips are left out, as for one person),
/// for items answered by at least k people.
pub fn item_means(responses: &[&ResponseFact], k: MinRespondents) -> ItemMeans {
    let mut sums: BTreeMap<&str, (f64, u32)> = BTreeMap::new();
    for r in responses {
        for (item, &answer) in &r.answers {
            let s = sums.entry(item.as_str()).or_default();
            s.0 += f64::from(answer);
            s.1 += 1;
        }
    }
    sums.into_iter()
        .filter(|(_, (_, n))| !k.too_few(*n))
        .map(|(item, (sum, n))| (item.to_string(), sum / f64::from(n)))
        .collect()
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The spread of the personal scores, when there are at least k of them.
fn spread(scores: &[f64], k: MinRespondents) -> Option<Spread> {
    (scores.len() >= k.get() as usize)
        .then(|| Spread::of(scores))
        .flatten()
}

/// Commitment components or SMART ASN indicators over a group.
pub fn group_components(
    q: &Questionnaire,
    responses: &[&ResponseFact],
    k: MinRespondents,
) -> Result<ComponentsGroup, GroupError> {
    let rs = responses_to(q, responses)?;
    let group = score_components_from_item_means(q, &item_means(&rs, k))?;
    let mut personal: Vec<Vec<f64>> = vec![Vec::new(); q.components.len()];
    let layout = Layout::new(q);
    for r in &rs {
        for (i, p) in layout
            .component_percents(&r.answers)?
            .into_iter()
            .enumerate()
        {
            personal[i].extend(p);
        }
    }
    Ok(ComponentsGroup {
        questionnaire: q.id.clone(),
        respondents: count(rs.len()),
        components: group
            .into_iter()
            .zip(&personal)
            .map(|(score, p)| ComponentGroup {
                score,
                spread: spread(p, k),
            })
            .collect(),
    })
}

/// The BerAKHLAK index over a group.
pub fn group_index(
    q: &Questionnaire,
    responses: &[&ResponseFact],
    config: &ScoringConfig,
    k: MinRespondents,
) -> Result<IndexGroup, GroupError> {
    let rs = responses_to(q, responses)?;
    let group = index_from_item_means(q, &item_means(&rs, k), config)?;
    let mut personal: Vec<Vec<f64>> = vec![Vec::new(); group.values.len()];
    let mut overall = Vec::new();
    let layout = Layout::new(q);
    for r in &rs {
        let (values, own) = layout.index_percents(&r.answers)?;
        for (i, v) in values.into_iter().enumerate() {
            personal[i].extend(v);
        }
        overall.extend(own);
    }
    let weakest = group.weakest().map(|v| v.value.clone());
    Ok(IndexGroup {
        respondents: count(rs.len()),
        values: group
            .values
            .into_iter()
            .zip(&personal)
            .map(|(index, p)| ValueGroup {
                index,
                spread: spread(p, k),
            })
            .collect(),
        overall: group.overall,
        overall_band: group.overall_band,
        overall_spread: spread(&overall, k),
        weakest,
    })
}
