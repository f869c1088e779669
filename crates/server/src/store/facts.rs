//! The dashboard's facts (`fact_*` tables, migration 0006, docs/dashboard.md): what each
//! synced record adds to the unit figures, written in the same transaction as the record,
//! and built once from all records after the migration (or on demand: `rebuild_facts`).
//!
//! A record counts under the unit its owner belongs to when the record is stored, in the
//! periods (month, quarter, year) of its `created_at` on the agency's calendar.

use super::answer_rows::{encode, layout_items};
use super::{Backend, Conn, Result, Store, on_conn, on_pool, unix_ms};
use resapi_core::aggregate::period::{Period, PeriodKind};
use resapi_core::careless::careless;
use resapi_core::content::ContentBundle;
use resapi_core::sync::{
    LiveAnswer, PracticeAnswer, QuestionnaireResponse, RecordKind, SyncRecord,
};
use serde::Deserialize;
use sqlx::QueryBuilder;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use time::UtcOffset;
use time::macros::offset;
use uuid::Uuid;

/// Inserts `rows` with `head` (`INSERT INTO … (columns) `), in chunks, each statement
/// ending with `tail` (empty, or an `ON CONFLICT` clause). A macro, so that `bind` (a
/// closure or a `bind_…::<Db>`) is typed for the backend of the arm it is used in.
macro_rules! insert_rows {
    ($tx:expr, $head:expr, $tail:expr, $rows:expr, $bind:expr $(,)?) => {{
        let conn: &mut <Db as sqlx::Database>::Connection = $tx;
        let rows: Vec<_> = $rows.collect();
        let mut rows = rows.into_iter().peekable();
        while rows.peek().is_some() {
            let mut qb: QueryBuilder<Db> = QueryBuilder::new($head);
            qb.push_values(rows.by_ref().take(CHUNK), $bind);
            qb.push($tail);
            qb.build().execute(&mut *conn).await?;
        }
    }};
}

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

/// A response as its fact keeps it.
struct ResponseFacts {
    questionnaire: String,
    /// The answers as JSON, as synced.
    answers: String,
    /// The same answers as a compact row in the questionnaire's item order today
    /// (`answer_rows.rs`), with that order; none when the content cannot lay them out.
    row: Option<(String, Vec<u8>)>,
}

/// What one record adds (pure: worked out before a batch takes the write lock).
pub(super) struct RecordFacts {
    labels: [String; 3],
    at: i64,
    response: Option<ResponseFacts>,
    /// (keys: indicator, value, all; correct).
    practice: Option<([String; 3], bool)>,
}

pub(super) fn facts_of(
    record: &SyncRecord,
    server_correct: Option<bool>,
    content: &ContentBundle,
) -> RecordFacts {
    let response = (record.kind == RecordKind::QuestionnaireResponse)
        .then(|| QuestionnaireResponse::deserialize(&record.payload).ok())
        .flatten()
        // A careless response (the same answer throughout, or faster than its items can be
        // read) stays the person's own but does not count in the unit's picture.
        .filter(|r| {
            content
                .questionnaire(&r.questionnaire_id)
                .is_none_or(|q| careless(q, &r.answers, r.started_at, record.created_at).is_none())
        })
        .and_then(|r| {
            let row = content
                .questionnaire(&r.questionnaire_id)
                .and_then(|q| Some((layout_items(q), encode(q, &r.answers)?)));
            Some(ResponseFacts {
                answers: serde_json::to_string(&r.answers).ok()?,
                questionnaire: r.questionnaire_id,
                row,
            })
        });
    let practice = answered(record).and_then(|(question_id, correct)| {
        // A question the content no longer has: active, but no tally to file it under.
        let q = content.questions.iter().find(|q| q.id == question_id)?;
        let keys = [
            q.indicator.clone(),
            value_key(&q.value),
            ALL_KEY.to_string(),
        ];
        Some((keys, server_correct.unwrap_or(correct)))
    });
    RecordFacts {
        labels: period_labels(record.created_at),
        at: unix_ms(record.created_at),
        response,
        practice,
    }
}

/// The question and the device's judgement of an answer that counts in the practice
/// tallies: a practice answer, or a live answer (a game's answer counts like a practice
/// answer towards the unit's figures, docs/dashboard.md).
fn answered(record: &SyncRecord) -> Option<(String, bool)> {
    let payload = &record.payload;
    match record.kind {
        RecordKind::PracticeAnswer => PracticeAnswer::deserialize(payload)
            .ok()
            .map(|a| (a.question_id, a.correct)),
        RecordKind::LiveAnswer => LiveAnswer::deserialize(payload)
            .ok()
            .map(|a| (a.question_id, a.correct)),
        _ => None,
    }
}

/// What a batch adds to the activity rows, the people's own practice tallies and the unit
/// tallies, summed and written once before the batch commits. One statement per table for
/// the whole batch instead of two per answer: on SQLite every statement is a round trip to
/// the database thread, and a synced batch of 100 answers of one person touches the same
/// few rows again and again (issue 14's ingest speed).
#[derive(Default)]
pub(super) struct UnitTallies {
    /// (account, period, unit) of `fact_activity`.
    activity: BTreeSet<(String, String, String)>,
    /// (account, period, key) → (unit, answered, correct) of `fact_practice_people`.
    people: BTreeMap<(String, String, String), (String, i64, i64)>,
    /// (period, unit, key) → (answered, correct, people) of `fact_practice`.
    cells: HashMap<(String, String, String), (i64, i64, i64)>,
}

impl UnitTallies {
    /// Adds `other`'s sums (another batch of the same transaction, SQLite's group commit):
    /// a person's row keeps the unit it was first summed under, as when written one by one.
    pub(super) fn merge(&mut self, other: UnitTallies) {
        self.activity.extend(other.activity);
        for (key, (unit, answered, correct)) in other.people {
            let own = self.people.entry(key).or_insert((unit, 0, 0));
            own.1 += answered;
            own.2 += correct;
        }
        for (key, (answered, correct, people)) in other.cells {
            let cell = self.cells.entry(key).or_default();
            cell.0 += answered;
            cell.1 += correct;
            cell.2 += people;
        }
    }

    /// Writes the sums, inside the transaction that stored their records.
    pub(super) async fn write(mut self, tx: &mut Conn<'_>) -> Result<()> {
        on_conn!(tx, tx => {
        // All three in key order (the sets are ordered, the cells sorted below): concurrent
        // batches (PostgreSQL) then lock shared rows in the same order and never wait for
        // each other in a cycle.
        insert_rows!(
            tx,
            "INSERT INTO fact_activity (account_id, period, unit_id) ",
            " ON CONFLICT DO NOTHING",
            std::mem::take(&mut self.activity).into_iter(),
            bind_activity::<Db>
        );
        let people: Vec<PeopleRow> = std::mem::take(&mut self.people).into_iter().collect();
        for chunk in people.chunks(CHUNK) {
            let mut own: QueryBuilder<Db> = QueryBuilder::new(
                "INSERT INTO fact_practice_people (account_id, period, key, unit_id, answered, correct) ",
            );
            own.push_values(chunk, |mut b, ((account, period, key), (unit, answered, correct))| {
                b.push_bind(account)
                    .push_bind(period)
                    .push_bind(key)
                    .push_bind(unit)
                    .push_bind(*answered)
                    .push_bind(*correct);
            });
            // The unit a person's cell counts under is their first in the period: an
            // existing row keeps its unit, and RETURNING says which.
            own.push(
                " ON CONFLICT (account_id, period, key) DO UPDATE SET \
                 answered = fact_practice_people.answered + excluded.answered, \
                 correct = fact_practice_people.correct + excluded.correct \
                 RETURNING account_id, period, key, unit_id, answered",
            );
            let rows: Vec<(String, String, String, String, i64)> =
                own.build_query_as().fetch_all(&mut *tx).await?;
            for (account, period, key, unit, total) in rows {
                let Some((_, answered, correct)) = people
                    .binary_search_by(|row| row.0.cmp(&(account.clone(), period.clone(), key.clone())))
                    .ok()
                    .and_then(|at| people.get(at))
                    .map(|row| &row.1)
                else {
                    continue;
                };
                let cell = self.cells.entry((period, unit, key)).or_default();
                cell.0 += answered;
                cell.1 += correct;
                // New in the cell when this batch's answers are all the row holds.
                cell.2 += i64::from(total == *answered);
            }
        }
        let mut cells: Vec<TallyRow> = self.cells.into_iter().collect();
        cells.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        insert_rows!(
            tx,
            PRACTICE_HEAD,
            " ON CONFLICT (period, unit_id, key) DO UPDATE SET \
             answered = fact_practice.answered + excluded.answered, \
             correct = fact_practice.correct + excluded.correct, \
             people = fact_practice.people + excluded.people",
            cells.into_iter(),
            bind_tally::<Db>
        );
        Ok(())
        })
    }
}

/// A person's practice cell: (account, period, key) and (unit, answered, correct).
type PeopleRow = ((String, String, String), (String, i64, i64));

fn bind_activity<DB: sqlx::Database>(
    mut b: sqlx::query_builder::Separated<'_, DB, &'static str>,
    (account, period, unit): (String, String, String),
) where
    String: for<'t> sqlx::Encode<'t, DB> + sqlx::Type<DB>,
{
    b.push_bind(account).push_bind(period).push_bind(unit);
}

const PRACTICE_HEAD: &str =
    "INSERT INTO fact_practice (period, unit_id, key, answered, correct, people) ";

/// A unit tally's row: (period, unit, key) and (answered, correct, people).
type TallyRow = ((String, String, String), (i64, i64, i64));

fn bind_tally<DB: sqlx::Database>(
    mut b: sqlx::query_builder::Separated<'_, DB, &'static str>,
    ((period, unit, key), (answered, correct, people)): TallyRow,
) where
    String: for<'t> sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    i64: for<'t> sqlx::Encode<'t, DB> + sqlx::Type<DB>,
{
    b.push_bind(period)
        .push_bind(unit)
        .push_bind(key)
        .push_bind(answered)
        .push_bind(correct)
        .push_bind(people);
}

/// Adds one stored record to the facts, inside the transaction that stores it; its part
/// of the unit tallies goes to `tallies`, written when the batch ends.
pub(super) async fn add_record(
    tx: &mut Conn<'_>,
    (account, id): (&str, &str),
    f: &RecordFacts,
    unit_id: &str,
    tallies: &mut UnitTallies,
) -> Result<()> {
    on_conn!(tx, tx => {
        let row = match &f.response {
            Some(ResponseFacts {
                questionnaire,
                row: Some((items, bytes)),
                ..
            }) => Some((layout_id(&mut Conn::from(&mut *tx), questionnaire, items).await?, bytes.as_slice())),
            _ => None,
        };
        for period in &f.labels {
            tallies
                .activity
                .insert((account.to_owned(), period.clone(), unit_id.to_owned()));
        }
        if let Some(r) = &f.response {
            for period in &f.labels {
                // The later (created_at, id) of the period wins, whatever order records arrive in.
                sqlx::query(
                    "INSERT INTO fact_responses (account_id, questionnaire_id, period, unit_id, at, record_id, answers, layout, answer_row) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
                     ON CONFLICT (account_id, questionnaire_id, period) DO UPDATE SET \
                     unit_id = excluded.unit_id, at = excluded.at, record_id = excluded.record_id, answers = excluded.answers, \
                     layout = excluded.layout, answer_row = excluded.answer_row \
                     WHERE excluded.at > fact_responses.at \
                     OR (excluded.at = fact_responses.at AND excluded.record_id > fact_responses.record_id)",
                )
                .bind(account)
                .bind(&r.questionnaire)
                .bind(period)
                .bind(unit_id)
                .bind(f.at)
                .bind(id)
                .bind(&r.answers)
                .bind(row.map(|(layout, _)| layout))
                .bind(row.map(|(_, bytes)| bytes))
                .execute(&mut *tx)
                .await?;
            }
        }
        if let Some((keys, correct)) = &f.practice {
            let correct = i64::from(*correct);
            for period in &f.labels {
                for key in keys {
                    let own = tallies
                        .people
                        .entry((account.to_owned(), period.clone(), key.clone()))
                        .or_insert_with(|| (unit_id.to_owned(), 0, 0));
                    own.1 += 1;
                    own.2 += correct;
                }
            }
        }
        Ok(())
    })
}

/// The id of a questionnaire's layout (its item ids in order), kept once per content
/// version of the questionnaire: rows name it, so it is never deleted.
async fn layout_id(tx: &mut Conn<'_>, questionnaire: &str, items: &str) -> Result<i64> {
    on_conn!(tx, tx => {
        // Read first: the layout exists but for the first response after a content change,
        // and an upsert would lock its row until the batch commits (on PostgreSQL every
        // batch with a response would then wait for the one before).
        let known: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM fact_layouts WHERE questionnaire_id = $1 AND items = $2",
        )
        .bind(questionnaire)
        .bind(items)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(id) = known {
            return Ok(id);
        }
        Ok(sqlx::query_scalar(
            "INSERT INTO fact_layouts (questionnaire_id, items) VALUES ($1, $2) \
             ON CONFLICT (questionnaire_id, items) DO UPDATE SET items = excluded.items \
             RETURNING id",
        )
        .bind(questionnaire)
        .bind(items)
        .fetch_one(&mut *tx)
        .await?)
    })
}

/// Takes an erased account out of the facts: its rows go, and the unit tallies lose
/// exactly what its own tallies added.
pub(super) async fn remove_account(tx: &mut Conn<'_>, account_id: &str) -> Result<()> {
    on_conn!(tx, tx => {
        let own: Vec<(String, String, String, i64, i64)> = sqlx::query_as(
            "SELECT period, key, unit_id, answered, correct FROM fact_practice_people WHERE account_id = $1",
        )
        .bind(account_id)
        .fetch_all(&mut *tx)
        .await?;
        for (period, key, unit, answered, correct) in own {
            sqlx::query(
                "UPDATE fact_practice SET answered = answered - $1, correct = correct - $2, \
                 people = people - 1 WHERE period = $3 AND unit_id = $4 AND key = $5",
            )
            .bind(answered)
            .bind(correct)
            .bind(&period)
            .bind(&unit)
            .bind(&key)
            .execute(&mut *tx)
            .await?;
        }
        for delete in [
            "DELETE FROM fact_practice_people WHERE account_id = $1",
            "DELETE FROM fact_responses WHERE account_id = $1",
            "DELETE FROM fact_activity WHERE account_id = $1",
        ] {
            sqlx::query(delete)
                .bind(account_id)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("DELETE FROM fact_practice WHERE people <= 0")
            .execute(&mut *tx)
            .await?;
        Ok(())
    })
}

/// (unit, at, record id, answers as JSON, the compact row with its layout's item ids).
type LatestResponse = (String, i64, String, String, Option<(String, Vec<u8>)>);

/// A record row as the rebuild reads it.
type RecordRow = (i64, String, String, String, String, String, Option<bool>);

/// The facts of all records, computed in memory and written in one transaction.
#[derive(Default)]
struct Built {
    /// (account, questionnaire, period) -> the latest response.
    responses: HashMap<(String, String, String), LatestResponse>,
    practice: HashMap<(String, String, String), (i64, i64, i64)>,
    /// (account, period, key) -> (unit, answered, correct).
    practice_people: HashMap<(String, String, String), (String, i64, i64)>,
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
            if let Some(r) = &f.response {
                let latest = || {
                    (
                        unit.to_string(),
                        f.at,
                        id.clone(),
                        r.answers.clone(),
                        r.row.clone(),
                    )
                };
                let slot = self
                    .responses
                    .entry((account.clone(), r.questionnaire.clone(), period.clone()))
                    .or_insert_with(latest);
                if (f.at, &id) > (slot.1, &slot.2) {
                    *slot = latest();
                }
            }
            if let Some((keys, correct)) = &f.practice {
                for key in keys {
                    let own = self
                        .practice_people
                        .entry((account.clone(), period.clone(), key.clone()))
                        .or_insert_with(|| (unit.to_string(), 0, 0));
                    own.1 += 1;
                    own.2 += i64::from(*correct);
                    let t = self
                        .practice
                        .entry((period.clone(), own.0.clone(), key.clone()))
                        .or_default();
                    t.0 += 1;
                    t.1 += i64::from(*correct);
                    t.2 += i64::from(own.1 == 1);
                }
            }
        }
    }
}

/// Rows per multi-row INSERT (SQLite allows 32,766 parameters; a row has at most 9).
const CHUNK: usize = 3000;

impl Store {
    /// Builds the facts from the records if the migration asked for it (once).
    pub async fn build_facts_if_needed(&self, content: &ContentBundle) -> Result<()> {
        on_pool!(&self.pool, pool => {
            let built: i64 = sqlx::query_scalar("SELECT built FROM fact_state WHERE id = 1")
                .fetch_one(pool)
                .await?;
            if built == 0 {
                let n = self.rebuild_facts(content).await?;
                tracing::info!(records = n, "dashboard facts built from the stored records");
            }
            Ok(())
        })
    }

    /// Replaces the facts with those of every stored record (each under its owner's current
    /// unit: older records carry no unit of their own). Returns the records read.
    pub async fn rebuild_facts(&self, content: &ContentBundle) -> Result<u64> {
        on_pool!(&self.pool, pool => {
            let units: HashMap<String, String> =
                sqlx::query_as::<_, (String, String)>("SELECT id, unit_id FROM accounts")
                    .fetch_all(pool)
                    .await?
                    .into_iter()
                    .collect();
            let mut built = Built::default();
            let mut since = 0i64;
            let mut read = 0u64;
            loop {
                let rows: Vec<RecordRow> = sqlx::query_as(
                    "SELECT seq, id, kind, account_id, created_at, payload, server_correct \
                         FROM records WHERE seq > $1 ORDER BY seq LIMIT 20000",
                )
                .bind(since)
                .fetch_all(pool)
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
            let mut tx = pool.begin_with(<Db as Backend>::BEGIN_WRITE).await?;
            for clear in [
                "DELETE FROM fact_responses",
                "DELETE FROM fact_practice",
                "DELETE FROM fact_practice_people",
                "DELETE FROM fact_activity",
            ] {
                sqlx::query(clear).execute(&mut *tx).await?;
            }
            // Layouts stay (rows elsewhere may name them); today's are looked up or added.
            let mut layouts: HashMap<(String, String), i64> = HashMap::new();
            for ((_, q, _), (.., row)) in &built.responses {
                if let Some((items, _)) = row
                    && !layouts.contains_key(&(q.clone(), items.clone()))
                {
                    let id = layout_id(&mut Conn::from(&mut *tx), q, items).await?;
                    layouts.insert((q.clone(), items.clone()), id);
                }
            }
            insert_rows!(
                &mut tx,
                "INSERT INTO fact_responses (account_id, questionnaire_id, period, unit_id, at, record_id, answers, layout, answer_row) ",
                "",
                built.responses.into_iter().map(|((account, q, period), (unit, at, id, answers, row))| {
                    let row = row.map(|(items, bytes)| {
                        (layouts.get(&(q.clone(), items)).copied(), bytes)
                    });
                    (account, q, period, unit, at, id, answers, row)
                }),
                |mut b, (account, q, period, unit, at, id, answers, row)| {
                    let (layout, bytes) = row.map_or((None, None), |(l, b)| (l, Some(b)));
                    b.push_bind(account)
                        .push_bind(q)
                        .push_bind(period)
                        .push_bind(unit)
                        .push_bind(at)
                        .push_bind(id)
                        .push_bind(answers)
                        .push_bind(layout)
                        .push_bind(bytes);
                },
            );
            insert_rows!(
                &mut tx,
                PRACTICE_HEAD,
                "",
                built.practice.into_iter(),
                bind_tally::<Db>
            );
            insert_rows!(
                &mut tx,
                "INSERT INTO fact_practice_people (account_id, period, key, unit_id, answered, correct) ",
                "",
                built.practice_people.into_iter(),
                |mut b, ((account, period, key), (unit, answered, correct))| {
                    b.push_bind(account)
                        .push_bind(period)
                        .push_bind(key)
                        .push_bind(unit)
                        .push_bind(answered)
                        .push_bind(correct);
                },
            );
            insert_rows!(
                &mut tx,
                "INSERT INTO fact_activity (account_id, period, unit_id) ",
                "",
                built.activity.into_iter(),
                |mut b, ((account, period), unit)| {
                    b.push_bind(account).push_bind(period).push_bind(unit);
                },
            );
            sqlx::query("UPDATE fact_state SET built = 1 WHERE id = 1")
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            self.facts_changed().await;
            Ok(read)
        })
    }
}
