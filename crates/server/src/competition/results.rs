//! A competition's results from its counted attempts: the unit ranking with every input, the
//! people, the refusals and the item analysis. Computed on demand (the attempts are final
//! once the grace is over, so the figures do not change after that).

use super::Result;
use crate::store::{AttemptRow, CompetitionRow, Store, StoreError};
use resapi_core::aggregate::item_analysis::{OptionAnswer, analyse_items, first_attempts};
use resapi_core::aggregate::threshold::MinRespondents;
use resapi_core::competition::grade::AttemptAnswer;
use resapi_core::competition::ranking::{RankingRule, rank_units};
use resapi_core::competition::standings::{
    Taken, group_of, groups, percent, rank_people, unit_inputs,
};
use resapi_core::competition::wire::{CompetitionResults, ItemResult, PersonResult};
use resapi_core::content::{ContentBundle, Question};
use std::collections::{BTreeMap, HashMap};
use time::OffsetDateTime;
use uuid::Uuid;

/// An attempt with its answers read back.
pub struct Counted {
    pub taken: Taken,
    pub name: String,
    pub answers: Vec<AttemptAnswer>,
}

pub fn counted(row: AttemptRow) -> Result<Counted> {
    let corrupt = |what: &str, e: &dyn std::fmt::Display| {
        StoreError::Corrupt(format!("attempt of {} {what}: {e}", row.account_id))
    };
    Ok(Counted {
        taken: Taken {
            account: Uuid::parse_str(&row.account_id).map_err(|e| corrupt("account", &e))?,
            unit_id: row.unit_id.clone(),
            correct: u32::try_from(row.correct).unwrap_or(0),
            total: u32::try_from(row.total).unwrap_or(0),
            started_ms: row.started_at,
            finished_ms: row.finished_at,
        },
        answers: serde_json::from_str(&row.answers).map_err(|e| corrupt("answers", &e))?,
        name: row.name,
    })
}

/// Everything the results need from the store.
pub struct Inputs {
    pub attempts: Vec<Counted>,
    pub tree: Vec<(String, Option<String>)>,
    pub names: HashMap<String, String>,
    pub members: BTreeMap<String, u32>,
    pub refused: Vec<(String, u32)>,
}

impl Inputs {
    pub async fn read(store: &Store, competition: Uuid) -> Result<Inputs> {
        let attempts = store
            .attempts(competition)
            .await?
            .into_iter()
            .map(counted)
            .collect::<Result<Vec<_>>>()?;
        let tree = store.unit_tree().await?;
        let names = store
            .unit_names()
            .await?
            .into_iter()
            .collect::<HashMap<_, _>>();
        let members = store
            .accounts_per_unit()
            .await?
            .into_iter()
            .map(|(u, n)| (u, u32::try_from(n).unwrap_or(0)))
            .collect();
        let refused = store
            .refusals(competition)
            .await?
            .into_iter()
            .map(|(c, n)| (c, u32::try_from(n).unwrap_or(0)))
            .collect();
        Ok(Inputs {
            attempts,
            tree,
            names,
            members,
            refused,
        })
    }

    pub fn name_of(&self, unit: &str) -> String {
        self.names
            .get(unit)
            .cloned()
            .unwrap_or_else(|| unit.to_owned())
    }
}

/// The organiser's results.
pub fn compute(
    row: &CompetitionRow,
    inputs: &Inputs,
    pool: &ContentBundle,
    k: MinRespondents,
    now: OffsetDateTime,
) -> Result<CompetitionResults> {
    let competition = super::view(row, now)?;
    let rule: RankingRule = competition.rule;
    let taken: Vec<Taken> = inputs.attempts.iter().map(|a| a.taken.clone()).collect();
    let groups = groups(&row.unit_id, &inputs.tree, &inputs.members);
    let ranking = rank_units(&unit_inputs(&groups, &taken, &inputs.members), rule);
    let unit_names = ranking
        .units
        .iter()
        .map(|u| (u.unit.clone(), inputs.name_of(&u.unit)))
        .collect();
    let by_account: HashMap<Uuid, &Counted> = inputs
        .attempts
        .iter()
        .map(|a| (a.taken.account, a))
        .collect();
    let people = rank_people(&taken)
        .into_iter()
        .map(|(rank, t)| PersonResult {
            rank,
            account_id: t.account,
            name: by_account
                .get(&t.account)
                .map(|a| a.name.clone())
                .unwrap_or_default(),
            unit_id: t.unit_id.clone(),
            ranked_unit_id: group_of(&groups, &t.unit_id)
                .map(|g| g.unit_id.clone())
                .unwrap_or_default(),
            correct: t.correct,
            total: t.total,
            score: percent(t.share()),
            seconds: t.seconds(),
        })
        .collect();
    Ok(CompetitionResults {
        items: items(row, inputs, pool, k)?,
        competition,
        ranking,
        unit_names,
        people,
        refused: inputs.refused.clone(),
    })
}

/// Difficulty, discrimination and option choice of each question, from every attempt's
/// answers (each person answers each question once).
fn items(
    row: &CompetitionRow,
    inputs: &Inputs,
    pool: &ContentBundle,
    k: MinRespondents,
) -> Result<Vec<ItemResult>> {
    let ids = row.question_ids()?;
    let asked: Vec<Question> = ids
        .iter()
        .filter_map(|id| pool.question(id).cloned())
        .collect();
    let answers: Vec<OptionAnswer> = inputs
        .attempts
        .iter()
        .flat_map(|a| {
            let at = crate::store::competitions::from_ms(a.taken.finished_ms);
            a.answers.iter().filter_map(move |ans| {
                let q = pool.question(&ans.question_id)?;
                Some(OptionAnswer {
                    id: Uuid::nil(),
                    person: a.taken.account,
                    question_id: ans.question_id.clone(),
                    option_id: ans.option_id.clone(),
                    correct: q.is_correct(&ans.option_id),
                    at,
                    rev: q.rev,
                })
            })
        })
        .collect();
    let first = first_attempts(&answers);
    // In `asked`'s order, one per question.
    let stats = analyse_items(&asked, &first, k);
    Ok(asked
        .iter()
        .zip(stats)
        .map(|(q, (_, stats))| ItemResult {
            question_id: q.id.clone(),
            value: q.value.clone(),
            stem: q.stem.clone(),
            answer: q.answer.clone(),
            stats,
        })
        .collect())
}
