//! The dashboard's facts (`fact_*` tables, migration 0006, docs/dashboard.md): what each
//! synced record adds to the unit figures, written in the same transaction as the record,
//! and built once from all records after the migration (or on demand: `rebuild_facts`).
//!
//! A record counts under the unit its owner belongs to when the record is stored, in the
//! periods (month, quarter, year) of its `created_at` on the agency's calendar.

use super::{Result, Store, unix_ms};
use resapi_core::aggregate::period::{Period, PeriodKind};
use resapi_core::content::ContentBundle;
use resapi_core::sync::{PracticeAnswer, QuestionnaireResponse, RecordKind, SyncRecord};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};
use std::collections::{HashMap, HashSet};
use time::UtcOffset;
use time::macros::offset;
use uuid::Uuid;

/// The agency's calendar: WIB (UTC+7). A response at 00:30 WIB on 1 April is April's.
pub const AGENCY_OFFSET: UtcOffset = offset!(+7);

/// The practice key of every answer (the unit's overall accuracy).
pub const ALL_KEY: &str = "all";

/// The practice key of a value's tally.
pub fn value_key(value: &str) -> String {
    format!("value:{value}")
}

/// The month, quarter and year labels of an instant on the agency's calendar.
pub fn period_labels(at: time::OffsetDateTime) -> [String; 3] {
    [PeriodKind::Month, PeriodKind::Quarter, PeriodKind::Year]
        .map(|kind| Period::of_instant(at, AGENCY_OFFSET, kind).to_string())
}

/// What one record adds.
struct RecordFacts {
    labels: [String; 3],
    at: i64,
    /// (questionnaire id, answers as JSON).
    response: Option<(String, String)>,
    /// (keys: indicator, value, all; correct).
    practice: Option<([String; 3], bool)>,
}

fn facts_of(
    record: &SyncRecord,
    server_correct: Option<bool>,
    content: &ContentBundle,
) -> RecordFacts {
    let response = (record.kind == RecordKind::QuestionnaireResponse)
        .then(|| serde_json::from_value::<QuestionnaireResponse>(record.payload.clone()).ok())
        .flatten()
        .and_then(|r| Some((r.questionnaire_id, serde_json::to_string(&r.answers).ok()?)));
    let practice = (record.kind == RecordKind::PracticeAnswer)
        .then(|| serde_json::from_value::<PracticeAnswer>(record.payload.clone()).ok())
        .flatten()
        .and_then(|a| {
            // A question the content no longer has: active, but no tally to file it under.
            let q = content.questions.iter().find(|q| q.id == a.question_id)?;
            let keys = [
                q.indicator.clone(),
                value_key(&q.value),
                ALL_KEY.to_string(),
            ];
            Some((keys, server_correct.unwrap_or(a.correct)))
        });
    RecordFacts {
        labels: period_labels(record.created_at),
        at: unix_ms(record.created_at),
        response,
        practice,
    }
}

/// Adds one stored record to the facts, inside the transaction that stores it.
pub(super) async fn add_record(
    tx: &mut SqliteConnection,
    record: &SyncRecord,
    server_correct: Option<bool>,
    unit_id: &str,
    content: &ContentBundle,
) -> Result<()> {
    let f = facts_of(record, server_correct, content);
    let account = record.account_id.to_string();
    let id = record.id.to_string();
    for period in &f.labels {
        sqlx::query(
            "INSERT INTO fact_activity (account_id, period, unit_id) VALUES ($1, $2, $3) \
             ON CONFLICT DO NOTHING",
        )
        .bind(&account)
        .bind(period)
        .bind(unit_id)
        .execute(&mut *tx)
        .await?;
        if let Some((questionnaire, answers)) = &f.response {
            // The later (created_at, id) of the period wins, whatever order records arrive in.
            sqlx::query(
                "INSERT INTO fact_responses (account_id, questionnaire_id, period, unit_id, at, record_id, answers) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7) \
                 ON CONFLICT (account_id, questionnaire_id, period) DO UPDATE SET \
                 unit_id = excluded.unit_id, at = excluded.at, record_id = excluded.record_id, answers = excluded.answers \
                 WHERE excluded.at > fact_responses.at \
                 OR (excluded.at = fact_responses.at AND excluded.record_id > fact_responses.record_id)",
            )
            .bind(&account)
            .bind(questionnaire)
            .bind(period)
            .bind(unit_id)
            .bind(f.at)
            .bind(&id)
            .bind(answers)
            .execute(&mut *tx)
            .await?;
        }
        if let Some((keys, correct)) = &f.practice {
            for key in keys {
                let new_person = sqlx::query(
                    "INSERT INTO fact_practice_people (account_id, period, key) VALUES ($1, $2, $3) \
                     ON CONFLICT DO NOTHING",
                )
                .bind(&account)
                .bind(period)
                .bind(key)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                sqlx::query(
                    "INSERT INTO fact_practice (period, unit_id, key, answered, correct, people) \
                     VALUES ($1, $2, $3, 1, $4, $5) \
                     ON CONFLICT (period, unit_id, key) DO UPDATE SET \
                     answered = fact_practice.answered + 1, \
                     correct = fact_practice.correct + excluded.correct, \
                     people = fact_practice.people + excluded.people",
                )
                .bind(period)
                .bind(unit_id)
                .bind(key)
                .bind(i64::from(*correct))
                .bind(new_person as i64)
                .execute(&mut *tx)
                .await?;
            }
        }
    }
    Ok(())
}

/// The facts of all records, computed in memory and written in one transaction.
#[derive(Default)]
struct Built {
    responses: HashMap<(String, String, String), (String, i64, String, String)>,
    practice: HashMap<(String, String, String), (i64, i64, i64)>,
    practice_people: HashSet<(String, String, String)>,
    activity: HashMap<(String, String), String>,
}

impl Built {
    fn add(&mut self, record: &SyncRecord, f: RecordFacts, unit: &str) {
        let account = record.account_id.to_string();
        let id = record.id.to_string();
        for period in &f.labels {
            self.activity
                .entry((account.clone(), period.clone()))
                .or_insert_with(|| unit.to_string());
            if let Some((q, answers)) = &f.response {
                let slot = self
                    .responses
                    .entry((account.clone(), q.clone(), period.clone()))
                    .or_insert_with(|| (unit.to_string(), f.at, id.clone(), answers.clone()));
                if (f.at, &id) > (slot.1, &slot.2) {
                    *slot = (unit.to_string(), f.at, id.clone(), answers.clone());
                }
            }
            if let Some((keys, correct)) = &f.practice {
                for key in keys {
                    let new =
                        self.practice_people
                            .insert((account.clone(), period.clone(), key.clone()));
                    let t = self
                        .practice
                        .entry((period.clone(), unit.to_string(), key.clone()))
                        .or_default();
                    t.0 += 1;
                    t.1 += i64::from(*correct);
                    t.2 += i64::from(new);
                }
            }
        }
    }
}

/// Rows per multi-row INSERT (SQLite allows 32,766 parameters).
const CHUNK: usize = 4000;

async fn insert_rows<T>(
    tx: &mut SqliteConnection,
    head: &str,
    rows: impl Iterator<Item = T>,
    bind: impl Fn(sqlx::query_builder::Separated<'_, Sqlite, &'static str>, T) + Copy,
) -> Result<()> {
    let rows: Vec<T> = rows.collect();
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let mut qb: QueryBuilder<Sqlite> = QueryBuilder::new(head);
        qb.push_values(rows.by_ref().take(CHUNK), |b, row| bind(b, row));
        qb.build().execute(&mut *tx).await?;
    }
    Ok(())
}

impl Store {
    /// Builds the facts from the records if the migration asked for it (once).
    pub async fn build_facts_if_needed(&self, content: &ContentBundle) -> Result<()> {
        let built: i64 = sqlx::query_scalar("SELECT built FROM fact_state WHERE id = 1")
            .fetch_one(&self.pool)
            .await?;
        if built == 0 {
            let n = self.rebuild_facts(content).await?;
            tracing::info!(records = n, "dashboard facts built from the stored records");
        }
        Ok(())
    }

    /// Replaces the facts with those of every stored record (each under its owner's current
    /// unit: older records carry no unit of their own). Returns the records read.
    pub async fn rebuild_facts(&self, content: &ContentBundle) -> Result<u64> {
        let units: HashMap<String, String> =
            sqlx::query_as::<_, (String, String)>("SELECT id, unit_id FROM accounts")
                .fetch_all(&self.pool)
                .await?
                .into_iter()
                .collect();
        let mut built = Built::default();
        let mut since = 0i64;
        let mut read = 0u64;
        loop {
            let rows: Vec<(i64, String, String, String, String, String, Option<bool>)> =
                sqlx::query_as(
                    "SELECT seq, id, kind, account_id, created_at, payload, server_correct \
                     FROM records WHERE seq > $1 ORDER BY seq LIMIT 20000",
                )
                .bind(since)
                .fetch_all(&self.pool)
                .await?;
            let Some(last) = rows.last() else { break };
            since = last.0;
            for (_, id, kind, account, created_at, payload, server_correct) in rows {
                read += 1;
                let parsed = (|| {
                    let created_at = time::OffsetDateTime::parse(
                        &created_at,
                        &time::format_description::well_known::Rfc3339,
                    )
                    .ok()?;
                    Some(SyncRecord::from_stored(
                        Uuid::parse_str(&id).ok()?,
                        RecordKind::parse(&kind)?,
                        Uuid::parse_str(&account).ok()?,
                        created_at,
                        serde_json::from_str(&payload).ok()?,
                    ))
                })();
                let (Some(record), Some(unit)) = (parsed, units.get(&account)) else {
                    tracing::warn!(record = %id, "record left out of the dashboard facts");
                    continue;
                };
                let f = facts_of(&record, server_correct, content);
                built.add(&record, f, unit);
            }
        }
        let mut tx = self.pool.begin().await?;
        for clear in [
            "DELETE FROM fact_responses",
            "DELETE FROM fact_practice",
            "DELETE FROM fact_practice_people",
            "DELETE FROM fact_activity",
        ] {
            sqlx::query(clear).execute(&mut *tx).await?;
        }
        insert_rows(
            &mut tx,
            "INSERT INTO fact_responses (account_id, questionnaire_id, period, unit_id, at, record_id, answers) ",
            built.responses.into_iter(),
            |mut b, ((account, q, period), (unit, at, id, answers))| {
                b.push_bind(account)
                    .push_bind(q)
                    .push_bind(period)
                    .push_bind(unit)
                    .push_bind(at)
                    .push_bind(id)
                    .push_bind(answers);
            },
        )
        .await?;
        insert_rows(
            &mut tx,
            "INSERT INTO fact_practice (period, unit_id, key, answered, correct, people) ",
            built.practice.into_iter(),
            |mut b, ((period, unit, key), (answered, correct, people))| {
                b.push_bind(period)
                    .push_bind(unit)
                    .push_bind(key)
                    .push_bind(answered)
                    .push_bind(correct)
                    .push_bind(people);
            },
        )
        .await?;
        insert_rows(
            &mut tx,
            "INSERT INTO fact_practice_people (account_id, period, key) ",
            built.practice_people.into_iter(),
            |mut b, (account, period, key)| {
                b.push_bind(account).push_bind(period).push_bind(key);
            },
        )
        .await?;
        insert_rows(
            &mut tx,
            "INSERT INTO fact_activity (account_id, period, unit_id) ",
            built.activity.into_iter(),
            |mut b, ((account, period), unit)| {
                b.push_bind(account).push_bind(period).push_bind(unit);
            },
        )
        .await?;
        sqlx::query("UPDATE fact_state SET built = 1 WHERE id = 1")
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(read)
    }
}
