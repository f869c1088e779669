//! The unit dashboard and the measurement-quality views, assembled from the dashboard facts
//! (`store/facts.rs`) with the core formulas (`resapi_core::aggregate`) and the core
//! anonymity rule (`grids.rs`). No figure is computed here a second way: the server only
//! picks the people in scope and hands them to core. docs/dashboard.md.

pub mod cache;
pub mod grids;
mod practice;
pub mod quality;

use crate::store::answer_rows::{self, StoredLayouts};
use crate::store::{Store, StoreError, StoredAnswers, UnitResponse};
use grids::{PRACTICE, YearGrids, year_grids};
use resapi_core::aggregate::latest::ResponseFact;
use resapi_core::aggregate::participation::participation;
use resapi_core::aggregate::period::Period;
use resapi_core::aggregate::questionnaire_group::{
    GroupError, RowResponse, group_components_rows, group_index_rows, item_means_rows,
};
use resapi_core::aggregate::running::questionnaire_visibility;
use resapi_core::aggregate::suppression::{Guarded, Visibility};
use resapi_core::aggregate::threshold::MinRespondents;
use resapi_core::content::{ContentBundle, Unit};
use resapi_core::questionnaire::{INDEKS_BERAKHLAK, Questionnaire};
use resapi_core::role::subtree;
use resapi_core::scoring::{Layout, modules_for};
use resapi_core::scoring::{index_from_item_means, score_components_from_item_means};
use resapi_core::unit_dashboard::{
    ComponentHeadline, ComponentsCell, ComponentsHeadlineCell, IndexHeadline, ParticipationFigures,
    PublishedGrain, SubUnitFigures, TrendPoint, UnitDashboard, UnitRef, WeakestValue,
};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use time::{Date, OffsetDateTime};
use tokio::task::JoinHandle;
use uuid::Uuid;

pub use resapi_core::aggregate::period::PeriodKind;

#[derive(Debug, thiserror::Error)]
pub enum DashboardError {
    #[error("no such unit")]
    NoSuchUnit,
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Stored answers the content cannot score (logged; a 500).
    #[error("stored answers cannot be scored: {0}")]
    Group(#[from] GroupError),
    /// The task reading the period's responses stopped (a panic or a shutdown; a 500).
    #[error("the read of the period's responses stopped: {0}")]
    Reading(#[from] tokio::task::JoinError),
}

pub type Result<T> = std::result::Result<T, DashboardError>;

/// How many periods a trend shows, ending with the one asked for.
pub fn trend_length(kind: PeriodKind) -> usize {
    match kind {
        PeriodKind::Month => 12,
        PeriodKind::Quarter => 4,
        PeriodKind::Year => 3,
    }
}

/// `period` and the ones before it of the same kind, oldest first.
pub fn trend_periods(period: Period) -> Vec<Period> {
    let mut out = vec![period];
    while out.len() < trend_length(period.kind()) {
        let first = out[0].first_day();
        let Some(before) = first.previous_day() else {
            break;
        };
        out.insert(0, Period::of_date(before, period.kind()));
    }
    out
}

/// The unit tree (retired units too: records may name them).
pub struct Tree {
    pub units: Vec<Unit>,
    active: HashSet<String>,
    pairs: Vec<(String, Option<String>)>,
}

impl Tree {
    pub async fn load(store: &Store) -> Result<Tree> {
        let all = store.admin_units().await?;
        let active = all
            .iter()
            .filter(|u| u.active)
            .map(|u| u.id.clone())
            .collect();
        let pairs = all
            .iter()
            .map(|u| (u.id.clone(), u.parent_id.clone()))
            .collect();
        let units = all
            .into_iter()
            .map(|u| Unit {
                id: u.id,
                name: u.name,
                parent_id: u.parent_id,
            })
            .collect();
        Ok(Tree {
            units,
            active,
            pairs,
        })
    }

    pub fn unit(&self, id: &str) -> Result<UnitRef> {
        self.units
            .iter()
            .find(|u| u.id == id)
            .map(|u| UnitRef {
                id: u.id.clone(),
                name: u.name.clone(),
            })
            .ok_or(DashboardError::NoSuchUnit)
    }

    pub fn subtree(&self, id: &str) -> HashSet<String> {
        subtree(id, &self.pairs)
    }

    /// The active sub-units, in org-chart order.
    pub fn children(&self, id: &str) -> Vec<&Unit> {
        self.units
            .iter()
            .filter(|u| u.parent_id.as_deref() == Some(id) && self.active.contains(&u.id))
            .collect()
    }
}

/// Questionnaire id → the questionnaire (today's content): what stored answers are laid out
/// by, looked up once rather than per answer.
type KnownQuestionnaires = HashMap<String, Questionnaire>;

fn known_questionnaires(content: &ContentBundle) -> KnownQuestionnaires {
    content
        .questionnaires
        .iter()
        .map(|q| (q.id.clone(), q.clone()))
        .collect()
}

/// The form each questionnaire is read in for one period: the one most of the period's
/// responses were given on (`Questionnaire::most_answered_form`), the same for every unit of
/// the period so sub-units stay comparable.
fn period_forms(
    known: &KnownQuestionnaires,
    layouts: &StoredLayouts,
    stored: &[UnitResponse],
) -> HashMap<String, Questionnaire> {
    let mut forms: HashMap<&str, Vec<u32>> = HashMap::new();
    for r in stored {
        let Some(q) = known.get(&r.questionnaire_id) else {
            continue;
        };
        let form = match &r.answers {
            StoredAnswers::Map(answers) => q.form_of(answers.keys().map(String::as_str)),
            StoredAnswers::Row { layout, bytes } => match layouts.get(layout) {
                Some((_, items)) => q.form_of(
                    items
                        .iter()
                        .zip(bytes)
                        .filter(|(_, b)| **b != 0)
                        .map(|(id, _)| id.as_str()),
                ),
                None => q.form,
            },
        };
        forms.entry(q.id.as_str()).or_default().push(form);
    }
    known
        .iter()
        .map(|(id, q)| {
            let answered = forms.get(id.as_str()).cloned().unwrap_or_default();
            (
                id.clone(),
                q.as_form(q.most_answered_form(answered)).into_owned(),
            )
        })
        .collect()
}

/// A counted response, its answers laid out in the item order of its questionnaire's form
/// for the period.
pub struct CountedResponse {
    pub unit_id: String,
    /// The record's id.
    pub id: Uuid,
    pub questionnaire_id: String,
    pub at: OffsetDateTime,
    pub response: RowResponse,
}

/// The figures of one unit in one period are read from these.
pub struct PeriodData {
    pub period: Period,
    /// Questionnaire id → the form the period is read in (see [`period_forms`]).
    forms: HashMap<String, Questionnaire>,
    pub responses: Vec<CountedResponse>,
    /// Questionnaire → unit → positions in `responses` (ascending): a sub-unit picks its
    /// responses without walking every response of the agency.
    by_unit: HashMap<String, HashMap<String, Vec<usize>>>,
}

impl PeriodData {
    /// The counted responses of `period` (to `questionnaire` only, when given), keeping
    /// only what today's content can score: a response to a questionnaire the content no
    /// longer has is left out, and so is an answer to an item it no longer has (a content
    /// update must not turn old answers into an error).
    pub async fn load(
        store: &Store,
        content: &ContentBundle,
        period: Period,
        questionnaire: Option<&str>,
    ) -> Result<PeriodData> {
        PeriodData::read(store, &known_questionnaires(content), period, questionnaire).await
    }

    /// [`PeriodData::load`] of every questionnaire on another task, so the caller can work
    /// meanwhile (the anonymity grids).
    pub fn spawn_load(
        store: &Store,
        content: &ContentBundle,
        period: Period,
    ) -> JoinHandle<Result<PeriodData>> {
        let store = store.clone();
        let known = known_questionnaires(content);
        tokio::spawn(async move { PeriodData::read(&store, &known, period, None).await })
    }

    async fn read(
        store: &Store,
        known: &KnownQuestionnaires,
        period: Period,
        questionnaire: Option<&str>,
    ) -> Result<PeriodData> {
        let responses = store.period_responses(&period, questionnaire).await?;
        let layouts = store.answer_layouts().await?;
        Ok(PeriodData::of(known, &layouts, period, responses)?)
    }

    /// Lays the stored answers out in today's item order: a stored row through the item ids
    /// of its layout, JSON answers by their item ids; either way an answer to an item today's
    /// questionnaire lacks is left out.
    fn of(
        known: &KnownQuestionnaires,
        layouts: &StoredLayouts,
        period: Period,
        stored: Vec<UnitResponse>,
    ) -> std::result::Result<Self, StoreError> {
        let forms = period_forms(known, layouts, &stored);
        let laid_out: HashMap<&str, Layout> = forms
            .iter()
            .map(|(id, q)| (id.as_str(), Layout::new(q)))
            .collect();
        let mut to_today: HashMap<i64, Vec<Option<usize>>> = HashMap::new();
        let mut responses = Vec::with_capacity(stored.len());
        for r in stored {
            let (Some(q), Some(layout)) = (
                forms.get(&r.questionnaire_id),
                laid_out.get(r.questionnaire_id.as_str()),
            ) else {
                continue;
            };
            let row = match &r.answers {
                StoredAnswers::Map(answers) => layout.row_of_known(answers),
                StoredAnswers::Row { layout: id, bytes } => {
                    let map = match to_today.entry(*id) {
                        std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                        std::collections::hash_map::Entry::Vacant(e) => {
                            let (_, items) = layouts.get(id).ok_or_else(|| {
                                StoreError::Corrupt(format!(
                                    "response fact {}: no answer layout {id}",
                                    r.id
                                ))
                            })?;
                            e.insert(answer_rows::to_today(items, layout))
                        }
                    };
                    answer_rows::decode(bytes, map, q.items.len())
                }
            };
            responses.push(CountedResponse {
                unit_id: r.unit_id,
                id: r.id,
                questionnaire_id: r.questionnaire_id,
                at: r.at,
                response: RowResponse {
                    person: r.person,
                    row,
                },
            });
        }
        let mut by_unit: HashMap<String, HashMap<String, Vec<usize>>> = HashMap::new();
        for (i, r) in responses.iter().enumerate() {
            by_unit
                .entry(r.questionnaire_id.clone())
                .or_default()
                .entry(r.unit_id.clone())
                .or_default()
                .push(i);
        }
        Ok(PeriodData {
            period,
            forms,
            responses,
            by_unit,
        })
    }

    /// `q` as this period is read: the form most of its responses were given on.
    pub fn questionnaire<'a>(&'a self, q: &'a Questionnaire) -> &'a Questionnaire {
        self.forms.get(&q.id).unwrap_or(q)
    }

    /// Positions of the counted responses to `q` of the people in `scope`, in stored
    /// order (as when they were picked one by one).
    fn picked(&self, q: &str, scope: &HashSet<String>) -> Vec<usize> {
        let Some(units) = self.by_unit.get(q) else {
            return Vec::new();
        };
        let mut at: Vec<usize> = scope
            .iter()
            .filter_map(|u| units.get(u))
            .flatten()
            .copied()
            .collect();
        at.sort_unstable();
        at
    }

    /// The counted responses to `q` of the people in `scope`.
    pub fn responses(&self, q: &str, scope: &HashSet<String>) -> Vec<&RowResponse> {
        self.picked(q, scope)
            .into_iter()
            .map(|i| &self.responses[i].response)
            .collect()
    }

    /// [`PeriodData::responses`] with their answers as maps by item id (the quality views),
    /// in the period's form of `q`.
    pub fn facts(&self, q: &Questionnaire, scope: &HashSet<String>) -> Vec<ResponseFact> {
        let q = self.questionnaire(q);
        self.picked(&q.id, scope)
            .into_iter()
            .map(|i| {
                let r = &self.responses[i];
                ResponseFact {
                    id: r.id,
                    person: r.response.person,
                    questionnaire_id: r.questionnaire_id.clone(),
                    at: r.at,
                    answers: q
                        .items
                        .iter()
                        .zip(&r.response.row)
                        .filter_map(|(item, a)| Some((item.id.clone(), (*a)?)))
                        .collect(),
                }
            })
            .collect()
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A cell computed only where the rule shows it.
pub fn guarded<T>(
    visibility: Visibility,
    n: u32,
    value: impl FnOnce() -> std::result::Result<T, GroupError>,
) -> Result<Guarded<T>> {
    Ok(match visibility {
        Visibility::Shown => Guarded::Shown { n, value: value()? },
        Visibility::Suppressed(reason) => Guarded::Suppressed { reason },
    })
}

/// The index of a group without the spread (a trend point, a sub-unit bar): core's group
/// formula on the item means, as `group_index` computes it, without scoring each person.
fn index_headline(
    q: &Questionnaire,
    rs: &[&RowResponse],
    content: &ContentBundle,
    k: MinRespondents,
) -> std::result::Result<IndexHeadline, GroupError> {
    let score = index_from_item_means(q, &item_means_rows(q, rs, k), &content.scoring)?;
    Ok(IndexHeadline::of_score(&score))
}

/// A questionnaire's components over a group without the spread (a sub-unit bar).
fn components_headline(
    q: &Questionnaire,
    rs: &[&RowResponse],
    k: MinRespondents,
) -> std::result::Result<Vec<ComponentHeadline>, GroupError> {
    let scores = score_components_from_item_means(q, &item_means_rows(q, rs, k))?;
    Ok(ComponentHeadline::of_scores(&scores))
}

/// Grids for every calendar year the periods touch.
pub async fn grids_for(
    store: &Store,
    tree: &Tree,
    content: &ContentBundle,
    periods: &[Period],
    k: MinRespondents,
) -> Result<BTreeMap<i32, YearGrids>> {
    let ids: Vec<String> = content
        .questionnaires
        .iter()
        .map(|q| q.id.clone())
        .collect();
    let mut out = BTreeMap::new();
    for p in periods {
        let year = p.calendar_year();
        if let std::collections::btree_map::Entry::Vacant(slot) = out.entry(year) {
            slot.insert(year_grids(store, &tree.units, &ids, year, k).await?);
        }
    }
    Ok(out)
}

/// What the anonymity grids decide for a cell, and for a questionnaire family also whether
/// its period has ended by `today` (core's `running` rule; practice stays live).
fn visibility(
    grids: &BTreeMap<i32, YearGrids>,
    family: &str,
    unit: &str,
    p: &Period,
    today: Date,
) -> Visibility {
    let decided = grids.get(&p.calendar_year()).map_or(
        Visibility::Suppressed(resapi_core::aggregate::suppression::Reason::Complementary),
        |g| g.visibility(family, unit, p),
    );
    if family == PRACTICE {
        decided
    } else {
        questionnaire_visibility(decided, p, today)
    }
}

/// Members now and people active in the period, under `scope`.
struct People {
    members: Vec<(Uuid, String)>,
    active: Vec<(Uuid, String)>,
}

impl People {
    fn spawn_load(store: &Store, period: Period) -> JoinHandle<Result<People>> {
        let store = store.clone();
        tokio::spawn(async move { People::load(&store, &period).await })
    }

    async fn load(store: &Store, period: &Period) -> Result<People> {
        let parse = |rows: Vec<(String, String)>| {
            rows.into_iter()
                .filter_map(|(p, u)| Some((Uuid::parse_str(&p).ok()?, u)))
                .collect()
        };
        Ok(People {
            members: parse(store.members().await?),
            active: parse(store.active_people(period).await?),
        })
    }

    fn figures(&self, scope: &HashSet<String>) -> ParticipationFigures {
        let pick = |rows: &[(Uuid, String)]| -> BTreeSet<Uuid> {
            rows.iter()
                .filter(|(_, u)| scope.contains(u))
                .map(|(p, _)| *p)
                .collect()
        };
        let p = participation(&pick(&self.members), &pick(&self.active), &BTreeSet::new());
        ParticipationFigures {
            members: p.members,
            active: p.active,
            active_percent: p.active_percent,
        }
    }
}

/// `GET /units/{id}/dashboard?period=`.
pub async fn unit_dashboard(
    store: &Store,
    content: &ContentBundle,
    unit_id: &str,
    period: Period,
    k: MinRespondents,
    today: Date,
) -> Result<UnitDashboard> {
    let tree = Tree::load(store).await?;
    let unit = tree.unit(unit_id)?;
    let trend = trend_periods(period);
    // The period's responses and its people are read on other tasks while the grids are
    // built here: the three are independent, and the responses take longest.
    let reading = PeriodData::spawn_load(store, content, period);
    let people = People::spawn_load(store, period);
    let grids = grids_for(store, &tree, content, &trend, k).await?;
    let now = reading.await??;
    let people = people.await??;
    let scope = tree.subtree(unit_id);
    let index_q = content
        .questionnaires
        .iter()
        .find(|q| q.id == INDEKS_BERAKHLAK);
    let component_qs: Vec<&Questionnaire> = content
        .questionnaires
        .iter()
        .filter(|q| q.id != INDEKS_BERAKHLAK)
        .collect();

    let index = match index_q {
        Some(q) => {
            let rs = now.responses(&q.id, &scope);
            let vis = visibility(&grids, &q.id, unit_id, &period, today);
            guarded(vis, count(rs.len()), || {
                group_index_rows(now.questionnaire(q), &rs, &content.scoring, k)
            })?
        }
        None => Guarded::Shown {
            n: 0,
            value: empty_index(),
        },
    };
    let weakest = match &index {
        Guarded::Shown { value, .. } => value.weakest.as_ref().map(|v| WeakestValue {
            value: v.clone(),
            modules: modules_for(&content.mappings, &format!("{INDEKS_BERAKHLAK}:{v}")).to_vec(),
        }),
        Guarded::Suppressed { .. } => None,
    };

    let mut index_trend = Vec::new();
    if let Some(q) = index_q {
        for p in &trend {
            let vis = visibility(&grids, &q.id, unit_id, p, today);
            if *p == period {
                // The period itself: the figure above, in one line.
                let figure = match &index {
                    Guarded::Shown { n, value } => Guarded::Shown {
                        n: *n,
                        value: IndexHeadline::of(value),
                    },
                    Guarded::Suppressed { reason } => Guarded::Suppressed { reason: *reason },
                };
                index_trend.push(TrendPoint { period: *p, figure });
                continue;
            }
            if vis != Visibility::Shown {
                // Hidden: nothing to read.
                let figure = guarded(vis, 0, || Ok(IndexHeadline::of(&empty_index())))?;
                index_trend.push(TrendPoint { period: *p, figure });
                continue;
            }
            let data = PeriodData::load(store, content, *p, Some(&q.id)).await?;
            let rs = data.responses(&q.id, &scope);
            let figure = guarded(vis, count(rs.len()), || {
                index_headline(data.questionnaire(q), &rs, content, k)
            })?;
            index_trend.push(TrendPoint { period: *p, figure });
        }
    }

    let mut components = Vec::new();
    for q in &component_qs {
        let rs = now.responses(&q.id, &scope);
        let vis = visibility(&grids, &q.id, unit_id, &period, today);
        components.push(ComponentsCell {
            questionnaire: q.id.clone(),
            figure: guarded(vis, count(rs.len()), || {
                group_components_rows(now.questionnaire(q), &rs, k)
            })?,
        });
    }

    let tallies = practice::Tallies::load(store, &trend).await?;
    let practice = tallies.guarded(
        &period,
        &scope,
        visibility(&grids, PRACTICE, unit_id, &period, today),
        k,
    );
    let practice_trend = trend
        .iter()
        .map(|p| TrendPoint {
            period: *p,
            figure: tallies.overall(p, &scope, visibility(&grids, PRACTICE, unit_id, p, today)),
        })
        .collect();

    let mut sub_units = Vec::new();
    for child in tree.children(unit_id) {
        let scope = tree.subtree(&child.id);
        let index = match index_q {
            Some(q) => {
                let rs = now.responses(&q.id, &scope);
                let vis = visibility(&grids, &q.id, &child.id, &period, today);
                guarded(vis, count(rs.len()), || {
                    index_headline(now.questionnaire(q), &rs, content, k)
                })?
            }
            None => Guarded::Shown {
                n: 0,
                value: IndexHeadline::of(&empty_index()),
            },
        };
        let mut cells = Vec::new();
        for q in &component_qs {
            let rs = now.responses(&q.id, &scope);
            let vis = visibility(&grids, &q.id, &child.id, &period, today);
            cells.push(ComponentsHeadlineCell {
                questionnaire: q.id.clone(),
                figure: guarded(vis, count(rs.len()), || {
                    components_headline(now.questionnaire(q), &rs, k)
                })?,
            });
        }
        sub_units.push(SubUnitFigures {
            unit: UnitRef {
                id: child.id.clone(),
                name: child.name.clone(),
            },
            participation: people.figures(&scope),
            index,
            components: cells,
            practice: tallies.overall(
                &period,
                &scope,
                visibility(&grids, PRACTICE, &child.id, &period, today),
            ),
        });
    }

    Ok(UnitDashboard {
        unit,
        period,
        k: k.get(),
        published: published_list(&grids, &period),
        participation: people.figures(&scope),
        index,
        weakest,
        index_trend,
        components,
        practice,
        practice_trend,
        sub_units,
    })
}

fn published_list(grids: &BTreeMap<i32, YearGrids>, period: &Period) -> Vec<PublishedGrain> {
    let Some(g) = grids.get(&period.calendar_year()) else {
        return Vec::new();
    };
    let mut families: Vec<&String> = g.by_family.keys().collect();
    families.sort();
    families
        .into_iter()
        .map(|family| PublishedGrain {
            family: family.clone(),
            finest: g.finest(family),
        })
        .collect()
}

/// The index of nobody (a content without the index questionnaire).
fn empty_index() -> resapi_core::aggregate::questionnaire_group::IndexGroup {
    resapi_core::aggregate::questionnaire_group::IndexGroup {
        respondents: 0,
        values: Vec::new(),
        overall: None,
        overall_band: None,
        overall_spread: None,
        weakest: None,
    }
}
