//! A participant's competitions: those of their unit or a unit above it, with whether they
//! took part and, once published, their result with the answers and explanations.

use super::Result;
use super::results::counted;
use crate::store::{CompetitionRow, Store, StoreError};
use resapi_core::competition::schedule::Phase;
use resapi_core::competition::wire::{
    CompetitionResults, MyCompetition, MyResult, PaperOption, PersonPlace, ReviewedQuestion,
    UnitPlace,
};
use resapi_core::content::ContentBundle;
use resapi_core::role::subtree;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use time::OffsetDateTime;
use uuid::Uuid;

/// Published results, kept in memory: every phone of a ministry asks for them at each sync.
/// They change after publication only when a participant's account is erased (their row is
/// blanked, `Store::erase_account`): this process forgets its copies then, and another
/// process's copy is read again after [`MAX_AGE`].
#[derive(Default)]
pub struct Published {
    results: Mutex<HashMap<Uuid, (Instant, Arc<CompetitionResults>)>>,
}

/// How long a copy of published results is used before it is read again.
pub const MAX_AGE: Duration = Duration::from_secs(60);

impl Published {
    pub async fn get(&self, store: &Store, id: Uuid) -> Result<Option<Arc<CompetitionResults>>> {
        if let Some((read_at, r)) = self.lock().get(&id)
            && read_at.elapsed() < MAX_AGE
        {
            return Ok(Some(Arc::clone(r)));
        }
        let Some(json) = store.published_results(id).await? else {
            return Ok(None);
        };
        let results: CompetitionResults = serde_json::from_str(&json)
            .map_err(|e| StoreError::Corrupt(format!("competition {id} results: {e}")))?;
        let results = Arc::new(results);
        self.lock()
            .insert(id, (Instant::now(), Arc::clone(&results)));
        Ok(Some(results))
    }

    /// After an erasure: every copy is read again at its next use.
    pub fn forget_all(&self) {
        self.lock().clear();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Uuid, (Instant, Arc<CompetitionResults>)>> {
        self.results.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The competitions `account` (in `unit`) takes part in, newest first.
pub async fn my_competitions(
    store: &Store,
    published: &Published,
    pool: &ContentBundle,
    account: Uuid,
    unit: &str,
    now: OffsetDateTime,
) -> Result<Vec<MyCompetition>> {
    let tree = store.unit_tree().await?;
    let taken: HashSet<String> = store.attempted_by(account).await?.into_iter().collect();
    let mut out = Vec::new();
    for row in store.competitions().await? {
        if !subtree(&row.unit_id, &tree).contains(unit) {
            continue;
        }
        let taken = taken.contains(&row.id);
        out.push(one(store, published, pool, &row, account, taken, now).await?);
    }
    Ok(out)
}

/// Whether `unit` takes part in the competition.
pub async fn takes_part(store: &Store, row: &CompetitionRow, unit: &str) -> Result<bool> {
    Ok(subtree(&row.unit_id, &store.unit_tree().await?).contains(unit))
}

async fn one(
    store: &Store,
    published: &Published,
    pool: &ContentBundle,
    row: &CompetitionRow,
    account: Uuid,
    taken: bool,
    now: OffsetDateTime,
) -> Result<MyCompetition> {
    let c = super::view(row, now)?;
    let mut mine = MyCompetition {
        id: c.id,
        name: c.name,
        description: c.description,
        zone: c.zone,
        opens_at: c.opens_at,
        closes_at: c.closes_at,
        grace_hours: c.grace_hours,
        limit_minutes: c.limit_minutes,
        question_count: c.question_count,
        phase: c.phase,
        cancel_reason: c.cancel_reason,
        taken,
        result: None,
        podium: Vec::new(),
        top_people: Vec::new(),
    };
    if c.phase != Phase::Published {
        return Ok(mine);
    }
    let Some(results) = published.get(store, c.id).await? else {
        return Ok(mine);
    };
    let name_of = |unit: &str| {
        results
            .unit_names
            .iter()
            .find(|(id, _)| id == unit)
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| unit.to_owned())
    };
    mine.podium = results
        .ranking
        .units
        .iter()
        .filter_map(|u| {
            Some(UnitPlace {
                rank: u.rank?,
                unit_id: u.unit.clone(),
                unit_name: name_of(&u.unit),
                score: u.score,
            })
        })
        .collect();
    mine.top_people = results
        .people
        .iter()
        .filter(|p| p.rank <= 3)
        .map(|p| PersonPlace {
            rank: p.rank,
            name: p.name.clone(),
            unit_name: name_of(&p.ranked_unit_id),
            score: p.score,
        })
        .collect();
    let Some(me) = results.people.iter().find(|p| p.account_id == account) else {
        return Ok(mine);
    };
    let answers = match store.attempt_of(c.id, account).await? {
        Some(row) => counted(row)?.answers,
        None => Vec::new(),
    };
    let review = row
        .question_ids()?
        .iter()
        .filter_map(|id| pool.question(id))
        .map(|q| ReviewedQuestion {
            id: q.id.clone(),
            value: q.value.clone(),
            stem: q.stem.clone(),
            options: q
                .options
                .iter()
                .map(|o| PaperOption {
                    id: o.id.clone(),
                    text: o.text.clone(),
                })
                .collect(),
            answer: q.answer.clone(),
            explanation: q.explanation.clone(),
            chosen: answers
                .iter()
                .find(|a| a.question_id == q.id)
                .map(|a| a.option_id.clone()),
        })
        .collect();
    let unit = results
        .ranking
        .units
        .iter()
        .find(|u| u.unit == me.ranked_unit_id);
    mine.result = Some(MyResult {
        correct: me.correct,
        total: me.total,
        score: me.score,
        rank: me.rank,
        participants: results.people.len() as u32,
        unit_id: me.ranked_unit_id.clone(),
        unit_name: name_of(&me.ranked_unit_id),
        unit_rank: unit.and_then(|u| u.rank),
        units_ranked: results
            .ranking
            .units
            .iter()
            .filter(|u| u.rank.is_some())
            .count() as u32,
        review,
    });
    Ok(mine)
}
