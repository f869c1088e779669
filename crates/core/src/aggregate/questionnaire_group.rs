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
    AnswerRow, ComponentScore, IndexScore, ItemMeans, Layout, ScoringError, ValueIndex,
    index_from_item_means, score_components_from_item_means,
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

/// One counted response to a known questionnaire with its answers laid out as a row
/// (`Layout::row_of_known`): the form a dashboard keeps many responses in, so that group
/// figures add numbers instead of looking items up by name. The `_rows` functions below give
/// exactly what their map counterparts give for the same answers.
#[derive(Debug, Clone, PartialEq)]
pub struct RowResponse {
    pub person: Uuid,
    pub row: AnswerRow,
}

/// Refuses a person counted twice.
fn once_each(people: impl Iterator<Item = Uuid>) -> Result<(), GroupError> {
    let mut seen = BTreeSet::new();
    for person in people {
        if !seen.insert(person) {
            return Err(GroupError::DuplicatePerson(person));
        }
    }
    Ok(())
}

/// The responses to `q`, refusing a person counted twice.
fn responses_to<'a>(
    q: &Questionnaire,
    responses: &[&'a ResponseFact],
) -> Result<Vec<&'a ResponseFact>, GroupError> {
    let out: Vec<&ResponseFact> = responses
        .iter()
        .filter(|r| r.questionnaire_id == q.id)
        .copied()
        .collect();
    once_each(out.iter().map(|r| r.person))?;
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

/// [`item_means`] of responses to `q` laid out as rows. Sums of whole answers are exact in
/// any order, so the means are the same to the last bit.
pub fn item_means_rows(q: &Questionnaire, rows: &[&RowResponse], k: MinRespondents) -> ItemMeans {
    let mut sums = vec![(0.0f64, 0u32); q.items.len()];
    for r in rows {
        for (s, a) in sums.iter_mut().zip(&r.row) {
            if let Some(a) = a {
                s.0 += f64::from(*a);
                s.1 += 1;
            }
        }
    }
    q.items
        .iter()
        .zip(sums)
        // An item nobody answered has no mean (as in the map, where it has no entry).
        .filter(|(_, (_, n))| *n > 0 && !k.too_few(*n))
        .map(|(item, (sum, n))| (item.id.clone(), sum / f64::from(n)))
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
    let layout = Layout::new(q);
    let personal = rs.iter().map(|r| layout.component_percents(&r.answers));
    components_group(q, group, personal, k)
}

/// [`group_components`] of responses to `q` laid out as rows.
pub fn group_components_rows(
    q: &Questionnaire,
    rows: &[&RowResponse],
    k: MinRespondents,
) -> Result<ComponentsGroup, GroupError> {
    once_each(rows.iter().map(|r| r.person))?;
    let group = score_components_from_item_means(q, &item_means_rows(q, rows, k))?;
    let layout = Layout::new(q);
    let personal = rows.iter().map(|r| layout.component_percents_row(&r.row));
    components_group(q, group, personal, k)
}

/// The group's scores with the spread of the personal percentages (one per respondent).
fn components_group(
    q: &Questionnaire,
    group: Vec<ComponentScore>,
    personal_scores: impl Iterator<Item = Result<Vec<Option<f64>>, ScoringError>>,
    k: MinRespondents,
) -> Result<ComponentsGroup, GroupError> {
    let mut personal: Vec<Vec<f64>> = vec![Vec::new(); q.components.len()];
    let mut respondents = 0;
    for own in personal_scores {
        respondents += 1;
        for (i, p) in own?.into_iter().enumerate() {
            personal[i].extend(p);
        }
    }
    Ok(ComponentsGroup {
        questionnaire: q.id.clone(),
        respondents: count(respondents),
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
    let layout = Layout::new(q);
    let personal = rs.iter().map(|r| layout.index_percents(&r.answers));
    index_group(group, personal, k)
}

/// [`group_index`] of responses to `q` laid out as rows.
pub fn group_index_rows(
    q: &Questionnaire,
    rows: &[&RowResponse],
    config: &ScoringConfig,
    k: MinRespondents,
) -> Result<IndexGroup, GroupError> {
    once_each(rows.iter().map(|r| r.person))?;
    let group = index_from_item_means(q, &item_means_rows(q, rows, k), config)?;
    let layout = Layout::new(q);
    let personal = rows.iter().map(|r| layout.index_percents_row(&r.row));
    index_group(group, personal, k)
}

/// The group's index with the spread of the personal percentages (one per respondent).
fn index_group(
    group: IndexScore,
    personal_scores: impl Iterator<Item = Result<(Vec<Option<f64>>, Option<f64>), ScoringError>>,
    k: MinRespondents,
) -> Result<IndexGroup, GroupError> {
    let mut personal: Vec<Vec<f64>> = vec![Vec::new(); group.values.len()];
    let mut overall = Vec::new();
    let mut respondents = 0;
    for own in personal_scores {
        respondents += 1;
        let (values, own) = own?;
        for (i, v) in values.into_iter().enumerate() {
            personal[i].extend(v);
        }
        overall.extend(own);
    }
    let weakest = group.weakest().map(|v| v.value.clone());
    Ok(IndexGroup {
        respondents: count(respondents),
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
