//! What the unit dashboard and the quality views read: the facts of `facts.rs`, by period
//! label, for the whole tree (the caller keeps the units it needs; the anonymity grid needs
//! every unit anyway).

use super::{Result, Store, StoreError};
use resapi_core::aggregate::item_analysis::OptionAnswer;
use resapi_core::aggregate::latest::ResponseFact;
use resapi_core::aggregate::period::Period;
use resapi_core::sync::PracticeAnswer;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use uuid::Uuid;

/// A counted response with the unit it counts under.
pub struct UnitResponse {
    pub unit_id: String,
    pub fact: ResponseFact,
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

fn labels(periods: &[String]) -> String {
    serde_json::to_string(periods).unwrap_or_else(|_| "[]".into())
}

impl Store {
    /// Each person's counted response (the latest) per questionnaire in `period`.
    pub async fn period_responses(&self, period: &Period) -> Result<Vec<UnitResponse>> {
        let rows: Vec<(String, String, String, i64, String, String)> = sqlx::query_as(
            "SELECT account_id, questionnaire_id, unit_id, at, record_id, answers \
             FROM fact_responses WHERE period = $1",
        )
        .bind(period.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(account, questionnaire_id, unit_id, at, id, answers)| {
                let corrupt = |e: &dyn std::fmt::Display| {
                    StoreError::Corrupt(format!("response fact {id}: {e}"))
                };
                let at = OffsetDateTime::from_unix_timestamp_nanos(i128::from(at) * 1_000_000)
                    .map_err(|e| corrupt(&e))?;
                Ok(UnitResponse {
                    unit_id,
                    fact: ResponseFact {
                        id: Uuid::parse_str(&id).map_err(|e| corrupt(&e))?,
                        person: Uuid::parse_str(&account).map_err(|e| corrupt(&e))?,
                        questionnaire_id,
                        at,
                        answers: serde_json::from_str(&answers).map_err(|e| corrupt(&e))?,
                    },
                })
            })
            .collect()
    }

    /// Respondents per (questionnaire, period label, unit) over the given labels.
    pub async fn respondent_counts(
        &self,
        periods: &[String],
    ) -> Result<Vec<(String, String, String, i64)>> {
        Ok(sqlx::query_as(
            "SELECT questionnaire_id, period, unit_id, COUNT(*) FROM fact_responses \
             WHERE period IN (SELECT value FROM json_each($1)) \
             GROUP BY questionnaire_id, period, unit_id",
        )
        .bind(labels(periods))
        .fetch_all(&self.pool)
        .await?)
    }

    /// Practice tallies over the given labels; only `key` when given.
    pub async fn practice_tallies(
        &self,
        periods: &[String],
        key: Option<&str>,
    ) -> Result<Vec<PracticeTally>> {
        Ok(sqlx::query_as(
            "SELECT period, unit_id, key, answered, correct, people FROM fact_practice \
             WHERE period IN (SELECT value FROM json_each($1)) AND ($2 IS NULL OR key = $2)",
        )
        .bind(labels(periods))
        .bind(key)
        .fetch_all(&self.pool)
        .await?)
    }

    /// (person, unit) of everyone active in `period`.
    pub async fn active_people(&self, period: &Period) -> Result<Vec<(String, String)>> {
        Ok(
            sqlx::query_as("SELECT account_id, unit_id FROM fact_activity WHERE period = $1")
                .bind(period.to_string())
                .fetch_all(&self.pool)
                .await?,
        )
    }

    /// (person, unit) of every account.
    pub async fn members(&self) -> Result<Vec<(String, String)>> {
        Ok(sqlx::query_as("SELECT id, unit_id FROM accounts")
            .fetch_all(&self.pool)
            .await?)
    }

    /// Every practice answer whose local day lies in `period` (item analysis), with the
    /// server's judgement where it made one.
    pub async fn practice_answers(
        &self,
        period: &Period,
        offset: time::UtcOffset,
    ) -> Result<Vec<OptionAnswer>> {
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
        .fetch_all(&self.pool)
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
            });
        }
        Ok(out)
    }
}
