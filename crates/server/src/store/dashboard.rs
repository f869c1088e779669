//! What the unit dashboard and the quality views read: the facts of `facts.rs`, by period
//! label, for the whole tree (the caller keeps the units it needs; the anonymity grid needs
//! every unit anyway).

use super::answer_rows::StoredLayouts;
use super::{Result, Store, StoreError, on_pool};
use resapi_core::aggregate::item_analysis::OptionAnswer;
use resapi_core::aggregate::period::Period;
use resapi_core::scoring::Answers;
use resapi_core::sync::PracticeAnswer;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use uuid::Uuid;

/// A counted response with the unit it counts under.
pub struct UnitResponse {
    pub unit_id: String,
    /// The record's id.
    pub id: Uuid,
    pub person: Uuid,
    pub questionnaire_id: String,
    pub at: OffsetDateTime,
    pub answers: StoredAnswers,
}

/// A counted response's answers as the facts keep them.
pub enum StoredAnswers {
    /// The compact row (`answer_rows.rs`) in the stored layout of that id.
    Row { layout: i64, bytes: Vec<u8> },
    /// Only the JSON: the content could not lay them out when the fact was written.
    Map(Answers),
}

/// A practice tally of one unit, period and key.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PracticeTally {
    pub period: String,
    pub unit_id: String,
    pub key: String,
    pub answered: i64,
    pub correct: i64,
    pub people: i64,
}

/// A fact's time (unix ms).
fn stored_time(ms: i64) -> std::result::Result<OffsetDateTime, time::error::ComponentRange> {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
}

/// Bytes from SQLite's `hex()` (upper case, two digits a byte).
fn from_hex(text: &str) -> Option<Vec<u8>> {
    let digit = |c: u8| (c as char).to_digit(16);
    text.as_bytes()
        .chunks(2)
        .map(|pair| match pair {
            [hi, lo] => Some((digit(*hi)? * 16 + digit(*lo)?) as u8),
            _ => None,
        })
        .collect()
}

/// The dashboard's reads that the two backends spell differently: SQLite joins a group's
/// columns with `group_concat` and is told which index covers a read (`INDEXED BY`);
/// PostgreSQL has `string_agg` and `encode(…, 'hex')` and picks its indexes itself. A list of
/// labels travels as one JSON array on both (`json_each` / `json_array_elements_text`).
trait DashboardSql {
    /// One row per questionnaire, unit and layout, its responses' columns joined by commas.
    const RESPONSE_GROUPS: &'static str;
    /// How many responses of a period are kept without a row.
    const WITHOUT_ROWS: &'static str;
    /// Respondents per (questionnaire, period label, unit).
    const RESPONDENT_COUNTS: &'static str;
    /// Practice tallies over labels, of one key when given.
    const PRACTICE_TALLIES: &'static str;
}

impl DashboardSql for sqlx::Sqlite {
    const RESPONSE_GROUPS: &'static str = "SELECT questionnaire_id, unit_id, layout, group_concat(account_id), \
         group_concat(record_id), group_concat(at), group_concat(hex(answer_row)) \
         FROM fact_responses INDEXED BY fact_responses_rows \
         WHERE period = $1 AND ($2 IS NULL OR questionnaire_id = $2) \
         AND layout IS NOT NULL AND answer_row IS NOT NULL \
         GROUP BY questionnaire_id, unit_id, layout";
    const WITHOUT_ROWS: &'static str = "SELECT COUNT(*) FROM fact_responses INDEXED BY fact_responses_rows \
         WHERE period = $1 AND ($2 IS NULL OR questionnaire_id = $2) \
         AND (layout IS NULL OR answer_row IS NULL)";
    // The narrow index of 0007: the counts need no answers (the covering index of 0008
    // starts the same way and is several times wider).
    const RESPONDENT_COUNTS: &'static str = "SELECT questionnaire_id, period, unit_id, COUNT(*) FROM fact_responses \
         INDEXED BY fact_responses_by_period \
         WHERE period IN (SELECT value FROM json_each($1)) \
         GROUP BY questionnaire_id, period, unit_id";
    const PRACTICE_TALLIES: &'static str = "SELECT period, unit_id, key, answered, correct, people FROM fact_practice \
         WHERE period IN (SELECT value FROM json_each($1)) AND ($2 IS NULL OR key = $2)";
}

impl DashboardSql for sqlx::Postgres {
    const RESPONSE_GROUPS: &'static str = "SELECT questionnaire_id, unit_id, layout, string_agg(account_id, ','), \
         string_agg(record_id, ','), string_agg(at::text, ','), string_agg(encode(answer_row, 'hex'), ',') \
         FROM fact_responses \
         WHERE period = $1 AND ($2::text IS NULL OR questionnaire_id = $2) \
         AND layout IS NOT NULL AND answer_row IS NOT NULL \
         GROUP BY questionnaire_id, unit_id, layout";
    const WITHOUT_ROWS: &'static str = "SELECT COUNT(*) FROM fact_responses \
         WHERE period = $1 AND ($2::text IS NULL OR questionnaire_id = $2) \
         AND (layout IS NULL OR answer_row IS NULL)";
    const RESPONDENT_COUNTS: &'static str = "SELECT questionnaire_id, period, unit_id, COUNT(*) FROM fact_responses \
         WHERE period IN (SELECT json_array_elements_text($1::json)) \
         GROUP BY questionnaire_id, period, unit_id";
    const PRACTICE_TALLIES: &'static str = "SELECT period, unit_id, key, answered, correct, people FROM fact_practice \
         WHERE period IN (SELECT json_array_elements_text($1::json)) AND ($2::text IS NULL OR key = $2)";
}

/// A list of labels as one JSON array (see [`DashboardSql`]).
fn labels(periods: &[String]) -> String {
    serde_json::to_string(periods).unwrap_or_else(|_| "[]".into())
}

impl Store {
    /// Each person's counted response (the latest) per questionnaire in `period`; to
    /// `questionnaire` only when given. The JSON answers are read only where no row is kept.
    pub async fn period_responses(
        &self,
        period: &Period,
        questionnaire: Option<&str>,
    ) -> Result<Vec<UnitResponse>> {
        on_pool!(&self.pool, pool => {
            // One row per questionnaire, unit and layout, its responses' columns joined by
            // commas (rows as hex), all from the covering index `fact_responses_rows`
            // (migration 0008): a year of an agency is about 150 rows to hand over instead of
            // thousands, and handing rows over costs more than SQLite's own work.
            let groups: Vec<(String, String, i64, String, String, String, String)> =
                sqlx::query_as(<Db as DashboardSql>::RESPONSE_GROUPS)
            .bind(period.to_string())
            .bind(questionnaire)
            .fetch_all(pool)
            .await?;
            let mut out = Vec::new();
            for (questionnaire_id, unit_id, layout, people, ids, ats, rows) in groups {
                let corrupt = |e: &dyn std::fmt::Display| {
                    StoreError::Corrupt(format!(
                        "response facts of {questionnaire_id} {unit_id}: {e}"
                    ))
                };
                let mut ids = ids.split(',');
                let mut ats = ats.split(',');
                let mut rows = rows.split(',');
                for person in people.split(',') {
                    let (Some(id), Some(at), Some(row)) = (ids.next(), ats.next(), rows.next()) else {
                        return Err(corrupt(&"columns of unequal length"));
                    };
                    out.push(UnitResponse {
                        unit_id: unit_id.clone(),
                        id: Uuid::parse_str(id).map_err(|e| corrupt(&e))?,
                        person: Uuid::parse_str(person).map_err(|e| corrupt(&e))?,
                        questionnaire_id: questionnaire_id.clone(),
                        at: stored_time(at.parse().map_err(|e| corrupt(&e))?)
                            .map_err(|e| corrupt(&e))?,
                        answers: StoredAnswers::Row {
                            layout,
                            bytes: from_hex(row).ok_or_else(|| corrupt(&"row not hex"))?,
                        },
                    });
                }
            }
            // Responses kept without a row (none since migration 0008, unless the content
            // could not lay them out): their JSON, one by one. Counted from the index first,
            // so the usual case never touches the table.
            let without: i64 = sqlx::query_scalar(<Db as DashboardSql>::WITHOUT_ROWS)
            .bind(period.to_string())
            .bind(questionnaire)
            .fetch_one(pool)
            .await?;
            if without > 0 {
                let rows: Vec<(String, String, String, i64, String, String)> = sqlx::query_as(
                    "SELECT account_id, questionnaire_id, unit_id, at, record_id, answers \
                     FROM fact_responses WHERE period = $1 AND ($2 IS NULL OR questionnaire_id = $2) \
                     AND (layout IS NULL OR answer_row IS NULL)",
                )
                .bind(period.to_string())
                .bind(questionnaire)
                .fetch_all(pool)
                .await?;
                for (account, questionnaire_id, unit_id, at, id, answers) in rows {
                    let corrupt = |e: &dyn std::fmt::Display| {
                        StoreError::Corrupt(format!("response fact {id}: {e}"))
                    };
                    out.push(UnitResponse {
                        unit_id,
                        id: Uuid::parse_str(&id).map_err(|e| corrupt(&e))?,
                        person: Uuid::parse_str(&account).map_err(|e| corrupt(&e))?,
                        questionnaire_id,
                        at: stored_time(at).map_err(|e| corrupt(&e))?,
                        answers: StoredAnswers::Map(
                            serde_json::from_str(&answers).map_err(|e| corrupt(&e))?,
                        ),
                    });
                }
            }
            Ok(out)
        })
    }

    /// Every stored layout of the answer rows (a few per questionnaire: one per content
    /// version that changed its items).
    pub async fn answer_layouts(&self) -> Result<StoredLayouts> {
        on_pool!(&self.pool, pool => {
            let rows: Vec<(i64, String, String)> =
                sqlx::query_as("SELECT id, questionnaire_id, items FROM fact_layouts")
                    .fetch_all(pool)
                    .await?;
            rows.into_iter()
                .map(|(id, questionnaire, items)| {
                    let items: Vec<String> = serde_json::from_str(&items)
                        .map_err(|e| StoreError::Corrupt(format!("answer layout {id}: {e}")))?;
                    Ok((id, (questionnaire, items)))
                })
                .collect()
        })
    }

    /// Respondents per (questionnaire, period label, unit) over the given labels.
    pub async fn respondent_counts(
        &self,
        periods: &[String],
    ) -> Result<Vec<(String, String, String, i64)>> {
        on_pool!(&self.pool, pool => {
            Ok(sqlx::query_as(<Db as DashboardSql>::RESPONDENT_COUNTS)
            .bind(labels(periods))
            .fetch_all(pool)
            .await?)
        })
    }

    /// Practice tallies over the given labels; only `key` when given.
    pub async fn practice_tallies(
        &self,
        periods: &[String],
        key: Option<&str>,
    ) -> Result<Vec<PracticeTally>> {
        on_pool!(&self.pool, pool => {
            Ok(sqlx::query_as(<Db as DashboardSql>::PRACTICE_TALLIES)
            .bind(labels(periods))
            .bind(key)
            .fetch_all(pool)
            .await?)
        })
    }

    /// (person, unit) of everyone active in `period`.
    pub async fn active_people(&self, period: &Period) -> Result<Vec<(String, String)>> {
        on_pool!(&self.pool, pool => {
            Ok(
                sqlx::query_as("SELECT account_id, unit_id FROM fact_activity WHERE period = $1")
                    .bind(period.to_string())
                    .fetch_all(pool)
                    .await?,
            )
        })
    }

    /// (person, unit) of every account.
    pub async fn members(&self) -> Result<Vec<(String, String)>> {
        on_pool!(&self.pool, pool => {
            Ok(sqlx::query_as("SELECT id, unit_id FROM accounts")
                .fetch_all(pool)
                .await?)
        })
    }

    /// Every practice answer whose local day lies in `period` (item analysis), with the
    /// server's judgement where it made one.
    pub async fn practice_answers(
        &self,
        period: &Period,
        offset: time::UtcOffset,
    ) -> Result<Vec<OptionAnswer>> {
        on_pool!(&self.pool, pool => {
            // A day's margin either side in UTC text; the exact local day is checked below.
            let day = |d: time::Date| {
                d.midnight()
                    .assume_utc()
                    .format(&Rfc3339)
                    .unwrap_or_default()
            };
            let from = day(period
                .first_day()
                .previous_day()
                .unwrap_or(period.first_day()));
            let to = day(period
                .next_first_day()
                .next_day()
                .unwrap_or(period.next_first_day()));
            let rows: Vec<(String, String, String, String, Option<bool>)> = sqlx::query_as(
                "SELECT id, account_id, created_at, payload, server_correct FROM records \
                 WHERE kind = 'practice_answer' AND created_at >= $1 AND created_at < $2",
            )
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await?;
            let mut out = Vec::with_capacity(rows.len());
            for (id, account, created_at, payload, server_correct) in rows {
                let corrupt =
                    |e: &dyn std::fmt::Display| StoreError::Corrupt(format!("record {id}: {e}"));
                let at = OffsetDateTime::parse(&created_at, &Rfc3339).map_err(|e| corrupt(&e))?;
                if !period.contains_date(at.to_offset(offset).date()) {
                    continue;
                }
                let answer: PracticeAnswer = serde_json::from_str(&payload).map_err(|e| corrupt(&e))?;
                out.push(OptionAnswer {
                    id: Uuid::parse_str(&id).map_err(|e| corrupt(&e))?,
                    person: Uuid::parse_str(&account).map_err(|e| corrupt(&e))?,
                    question_id: answer.question_id,
                    option_id: answer.option_id,
                    correct: server_correct.unwrap_or(answer.correct),
                    at,
                    rev: answer.question_rev,
                });
            }
            Ok(out)
        })
    }
}
