//! Competitions' tables (docs/competitions.md): the organiser's settings, each account's
//! first download of the questions, the counted attempts (one per account, the primary key)
//! and the refused ones. An attempt arrives as an ordinary synced record; [`accept_attempt`]
//! judges and grades it inside the sync's transaction.

use super::{Backend, Conn, Result, Store, StoreError, on_conn, on_pool, unix_ms};
use resapi_core::competition::grade::{AttemptAnswer, grade};
use resapi_core::competition::window::{Arrival, Window};
use resapi_core::competition::wire::CompetitionResults;
use resapi_core::content::ContentBundle;
use resapi_core::role::subtree;
use resapi_core::sync::{CompetitionAttempt, RecordError, SyncRecord};
use sqlx::AssertSqlSafe;
use time::OffsetDateTime;
use uuid::Uuid;

/// A competition as stored. Times are unix ms; JSON columns are core types.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CompetitionRow {
    pub id: String,
    pub name: String,
    pub description: String,
    pub unit_id: String,
    pub zone: String,
    pub opens_at: i64,
    pub closes_at: i64,
    pub grace_seconds: i64,
    pub limit_seconds: i64,
    pub source: String,
    pub question_ids: String,
    pub rule: String,
    pub cancel_reason: Option<String>,
    pub published_at: Option<i64>,
    pub created_at: i64,
}

const COLUMNS: &str = "id, name, description, unit_id, zone, opens_at, closes_at, grace_seconds, \
     limit_seconds, source, question_ids, rule, cancel_reason, published_at, created_at";

/// A counted attempt with its person.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AttemptRow {
    pub account_id: String,
    pub name: String,
    pub unit_id: String,
    pub started_at: i64,
    pub finished_at: i64,
    pub correct: i64,
    pub total: i64,
    pub answers: String,
}

/// A unix-ms column as a time (stored by this server, so always in range).
pub fn from_ms(ms: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

impl CompetitionRow {
    pub fn window(&self) -> Window {
        Window {
            opens_at: from_ms(self.opens_at),
            closes_at: from_ms(self.closes_at),
            grace_seconds: u32::try_from(self.grace_seconds).unwrap_or(0),
            limit_seconds: u32::try_from(self.limit_seconds).unwrap_or(0),
        }
    }

    pub fn question_ids(&self) -> Result<Vec<String>> {
        serde_json::from_str(&self.question_ids)
            .map_err(|e| StoreError::Corrupt(format!("competition {} questions: {e}", self.id)))
    }
}

/// Binds `$1`–`$12`: the id and the organiser's settings, in the columns' order (an insert
/// and an edit write the same ones).
macro_rules! with_settings {
    ($q:expr, $row:expr) => {
        $q.bind(&$row.id)
            .bind(&$row.name)
            .bind(&$row.description)
            .bind(&$row.unit_id)
            .bind(&$row.zone)
            .bind($row.opens_at)
            .bind($row.closes_at)
            .bind($row.grace_seconds)
            .bind($row.limit_seconds)
            .bind(&$row.source)
            .bind(&$row.question_ids)
            .bind(&$row.rule)
    };
}

impl Store {
    pub async fn insert_competition(&self, row: &CompetitionRow, by: Uuid) -> Result<()> {
        on_pool!(&self.pool, pool => {
            let insert = sqlx::query(AssertSqlSafe(format!(
                "INSERT INTO competitions ({COLUMNS}, created_by) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)"
            )));
            with_settings!(insert, row)
                .bind(&row.cancel_reason)
                .bind(row.published_at)
                .bind(row.created_at)
                .bind(by.to_string())
                .execute(pool)
                .await?;
            Ok(())
        })
    }

    /// Rewrites the settings of a competition that has not opened (`opens_at` still ahead of
    /// `now`, checked in the same statement). False when it had opened meanwhile.
    pub async fn update_upcoming_competition(
        &self,
        row: &CompetitionRow,
        now: OffsetDateTime,
    ) -> Result<bool> {
        on_pool!(&self.pool, pool => {
            let update = sqlx::query(
                "UPDATE competitions SET name = $2, description = $3, unit_id = $4, zone = $5, \
                 opens_at = $6, closes_at = $7, grace_seconds = $8, limit_seconds = $9, \
                 source = $10, question_ids = $11, rule = $12 \
                 WHERE id = $1 AND opens_at > $13 AND cancel_reason IS NULL",
            );
            let done = with_settings!(update, row)
                .bind(unix_ms(now))
                .execute(pool)
                .await?;
            Ok(done.rows_affected() == 1)
        })
    }

    pub async fn competition(&self, id: Uuid) -> Result<Option<CompetitionRow>> {
        on_pool!(&self.pool, pool => {
            Ok(sqlx::query_as(AssertSqlSafe(format!(
                "SELECT {COLUMNS} FROM competitions WHERE id = $1"
            )))
            .bind(id.to_string())
            .fetch_optional(pool)
            .await?)
        })
    }

    /// Every competition, newest window first (callers filter by scope or membership).
    pub async fn competitions(&self) -> Result<Vec<CompetitionRow>> {
        on_pool!(&self.pool, pool => {
            Ok(sqlx::query_as(AssertSqlSafe(format!(
                "SELECT {COLUMNS} FROM competitions ORDER BY opens_at DESC, id"
            )))
            .fetch_all(pool)
            .await?)
        })
    }

    /// A later close, while it has not closed and is not cancelled.
    pub async fn extend_competition(
        &self,
        id: Uuid,
        closes_at: OffsetDateTime,
        now: OffsetDateTime,
    ) -> Result<bool> {
        on_pool!(&self.pool, pool => {
            let done = sqlx::query(
                "UPDATE competitions SET closes_at = $2 \
                 WHERE id = $1 AND closes_at > $3 AND closes_at < $2 AND cancel_reason IS NULL \
                 AND published_at IS NULL",
            )
            .bind(id.to_string())
            .bind(unix_ms(closes_at))
            .bind(unix_ms(now))
            .execute(pool)
            .await?;
            Ok(done.rows_affected() == 1)
        })
    }

    /// Cancels a competition not yet published (nor cancelled).
    pub async fn cancel_competition(&self, id: Uuid, reason: &str) -> Result<bool> {
        on_pool!(&self.pool, pool => {
            let done = sqlx::query(
                "UPDATE competitions SET cancel_reason = $2 \
                 WHERE id = $1 AND cancel_reason IS NULL AND published_at IS NULL",
            )
            .bind(id.to_string())
            .bind(reason)
            .execute(pool)
            .await?;
            Ok(done.rows_affected() == 1)
        })
    }

    /// Publishes `results` (JSON) as the competition's record; false when it was cancelled or
    /// published already.
    pub async fn publish_competition(
        &self,
        id: Uuid,
        results: &str,
        now: OffsetDateTime,
    ) -> Result<bool> {
        on_pool!(&self.pool, pool => {
            let done = sqlx::query(
                "UPDATE competitions SET published_at = $2, results = $3 \
                 WHERE id = $1 AND cancel_reason IS NULL AND published_at IS NULL",
            )
            .bind(id.to_string())
            .bind(unix_ms(now))
            .bind(results)
            .execute(pool)
            .await?;
            Ok(done.rows_affected() == 1)
        })
    }

    /// Notes the account's download of the questions; answers its *first* download.
    pub async fn record_download(
        &self,
        competition: Uuid,
        account: Uuid,
        now: OffsetDateTime,
    ) -> Result<OffsetDateTime> {
        on_pool!(&self.pool, pool => {
            sqlx::query(
                "INSERT INTO competition_downloads (competition_id, account_id, first_at) \
                 VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            )
            .bind(competition.to_string())
            .bind(account.to_string())
            .bind(unix_ms(now))
            .execute(pool)
            .await?;
            let first: i64 = sqlx::query_scalar(
                "SELECT first_at FROM competition_downloads \
                 WHERE competition_id = $1 AND account_id = $2",
            )
            .bind(competition.to_string())
            .bind(account.to_string())
            .fetch_one(pool)
            .await?;
            Ok(from_ms(first))
        })
    }

    /// Accounts that downloaded the questions, per unit of the account.
    pub async fn downloads_per_unit(&self, competition: Uuid) -> Result<Vec<(String, i64)>> {
        on_pool!(&self.pool, pool => {
            Ok(sqlx::query_as(
                "SELECT a.unit_id, COUNT(*) FROM competition_downloads d \
                 JOIN accounts a ON a.id = d.account_id \
                 WHERE d.competition_id = $1 GROUP BY a.unit_id",
            )
            .bind(competition.to_string())
            .fetch_all(pool)
            .await?)
        })
    }

    /// Accounts per unit (the members a unit's participation is measured against).
    pub async fn accounts_per_unit(&self) -> Result<Vec<(String, i64)>> {
        on_pool!(&self.pool, pool => {
            Ok(
                sqlx::query_as("SELECT unit_id, COUNT(*) FROM accounts GROUP BY unit_id")
                    .fetch_all(pool)
                    .await?,
            )
        })
    }

    /// Every account with its unit, in id order.
    pub async fn accounts_in_units(&self) -> Result<Vec<(Uuid, String)>> {
        on_pool!(&self.pool, pool => {
            let rows: Vec<(String, String)> =
                sqlx::query_as("SELECT id, unit_id FROM accounts ORDER BY id")
                    .fetch_all(pool)
                    .await?;
            rows.into_iter()
                .map(|(id, unit)| {
                    Uuid::parse_str(&id)
                        .map(|id| (id, unit))
                        .map_err(|e| StoreError::Corrupt(format!("account id {id}: {e}")))
                })
                .collect()
        })
    }

    /// The counted attempts, with each person's name.
    pub async fn attempts(&self, competition: Uuid) -> Result<Vec<AttemptRow>> {
        on_pool!(&self.pool, pool => {
            Ok(sqlx::query_as(
                "SELECT t.account_id, a.name, t.unit_id, t.started_at, t.finished_at, t.correct, \
                 t.total, t.answers FROM competition_attempts t \
                 JOIN accounts a ON a.id = t.account_id \
                 WHERE t.competition_id = $1 ORDER BY t.account_id",
            )
            .bind(competition.to_string())
            .fetch_all(pool)
            .await?)
        })
    }

    /// The published results (JSON), once published.
    pub async fn published_results(&self, id: Uuid) -> Result<Option<String>> {
        on_pool!(&self.pool, pool => {
            Ok(
                sqlx::query_scalar("SELECT results FROM competitions WHERE id = $1")
                    .bind(id.to_string())
                    .fetch_optional(pool)
                    .await?
                    .flatten(),
            )
        })
    }

    /// One account's counted attempt.
    pub async fn attempt_of(&self, competition: Uuid, account: Uuid) -> Result<Option<AttemptRow>> {
        on_pool!(&self.pool, pool => {
            Ok(sqlx::query_as(
                "SELECT t.account_id, a.name, t.unit_id, t.started_at, t.finished_at, t.correct, \
                 t.total, t.answers FROM competition_attempts t \
                 JOIN accounts a ON a.id = t.account_id \
                 WHERE t.competition_id = $1 AND t.account_id = $2",
            )
            .bind(competition.to_string())
            .bind(account.to_string())
            .fetch_optional(pool)
            .await?)
        })
    }

    /// Competitions the account has a counted attempt in.
    pub async fn attempted_by(&self, account: Uuid) -> Result<Vec<String>> {
        on_pool!(&self.pool, pool => {
            Ok(sqlx::query_scalar(
                "SELECT competition_id FROM competition_attempts WHERE account_id = $1",
            )
            .bind(account.to_string())
            .fetch_all(pool)
            .await?)
        })
    }

    /// Refused attempts by code.
    pub async fn refusals(&self, competition: Uuid) -> Result<Vec<(String, i64)>> {
        on_pool!(&self.pool, pool => {
            Ok(sqlx::query_as(
                "SELECT code, COUNT(*) FROM competition_refusals WHERE competition_id = $1 \
                 GROUP BY code ORDER BY code",
            )
            .bind(competition.to_string())
            .fetch_all(pool)
            .await?)
        })
    }
}

/// A counted attempt written directly (the demo agency's past competition).
pub struct NewAttempt<'a> {
    pub competition: Uuid,
    pub account: Uuid,
    pub unit_id: &'a str,
    pub record_id: Uuid,
    pub downloaded_at: OffsetDateTime,
    pub started_at: OffsetDateTime,
    pub finished_at: OffsetDateTime,
    pub correct: u32,
    pub total: u32,
    pub answers: &'a [AttemptAnswer],
}

impl Store {
    pub async fn insert_attempt(&self, a: &NewAttempt<'_>) -> Result<()> {
        on_pool!(&self.pool, pool => {
            let answers = serde_json::to_string(a.answers)
                .map_err(|e| StoreError::Corrupt(format!("answers as JSON: {e}")))?;
            let mut tx = pool.begin_with(<Db as Backend>::BEGIN_WRITE).await?;
            sqlx::query(
                "INSERT INTO competition_downloads (competition_id, account_id, first_at) \
                 VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            )
            .bind(a.competition.to_string())
            .bind(a.account.to_string())
            .bind(unix_ms(a.downloaded_at))
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO competition_attempts (competition_id, account_id, record_id, unit_id, \
                 started_at, finished_at, received_at, correct, total, answers) \
                 VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9)",
            )
            .bind(a.competition.to_string())
            .bind(a.account.to_string())
            .bind(a.record_id.to_string())
            .bind(a.unit_id)
            .bind(unix_ms(a.started_at))
            .bind(unix_ms(a.finished_at))
            .bind(i64::from(a.correct))
            .bind(i64::from(a.total))
            .bind(answers)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(())
        })
    }
}

/// What judging an attempt needs besides the transaction.
pub struct AttemptContext<'a> {
    pub account_id: Uuid,
    /// The competition pool (values and the server-only questions).
    pub pool: &'a ContentBundle,
    pub now: OffsetDateTime,
}

/// Judges and grades a `competition_attempt` record inside the sync's transaction: counted
/// (one row in `competition_attempts`) or refused with a code the phone shows. A refusal of
/// a real competition is noted for the organiser.
pub(crate) async fn accept_attempt(
    tx: &mut Conn<'_>,
    record: &SyncRecord,
    at: &AttemptContext<'_>,
) -> Result<Result<(), RecordError>> {
    on_conn!(tx, tx => {
        let attempt: CompetitionAttempt = match serde_json::from_value(record.payload.clone()) {
            Ok(a) => a,
            Err(e) => return Ok(Err(RecordError::InvalidPayload(e.to_string()))),
        };
        let competition = attempt.competition_id.to_string();
        let account = at.account_id.to_string();
        let row: Option<CompetitionRow> = sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM competitions WHERE id = $1"
        )))
        .bind(&competition)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            return Ok(Err(refusal(
                "competition_unknown",
                "Lomba ini tidak dikenal server.",
            )));
        };
        let verdict = judge(&mut Conn::from(&mut *tx), &row, &attempt, record, at).await?;
        if let Err(e) = &verdict {
            sqlx::query(
                "INSERT INTO competition_refusals (record_id, competition_id, account_id, code, received_at) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
            )
            .bind(record.id.to_string())
            .bind(&competition)
            .bind(&account)
            .bind(e.code())
            .bind(unix_ms(at.now))
            .execute(&mut *tx)
            .await?;
        }
        Ok(verdict)
    })
}

fn refusal(code: &'static str, message: &str) -> RecordError {
    RecordError::Refused {
        code,
        message: message.into(),
    }
}

async fn judge(
    tx: &mut Conn<'_>,
    row: &CompetitionRow,
    attempt: &CompetitionAttempt,
    record: &SyncRecord,
    at: &AttemptContext<'_>,
) -> Result<Result<(), RecordError>> {
    on_conn!(tx, tx => {
        let account = at.account_id.to_string();
        if row.cancel_reason.is_some() {
            return Ok(Err(refusal(
                "competition_cancelled",
                "Lomba ini dibatalkan penyelenggara; percobaan tidak dinilai.",
            )));
        }
        let unit: Option<String> = sqlx::query_scalar("SELECT unit_id FROM accounts WHERE id = $1")
            .bind(&account)
            .fetch_optional(&mut *tx)
            .await?;
        let tree: Vec<(String, Option<String>)> = sqlx::query_as("SELECT id, parent_id FROM units")
            .fetch_all(&mut *tx)
            .await?;
        let Some(unit) = unit.filter(|u| subtree(&row.unit_id, &tree).contains(u)) else {
            return Ok(Err(refusal(
                "competition_not_your_unit",
                "Lomba ini bukan untuk unit Anda.",
            )));
        };
        let taken: Option<String> = sqlx::query_scalar(
            "SELECT record_id FROM competition_attempts WHERE competition_id = $1 AND account_id = $2",
        )
        .bind(&row.id)
        .bind(&account)
        .fetch_optional(&mut *tx)
        .await?;
        if taken.is_some() {
            return Ok(Err(refusal(
                "competition_already_taken",
                "Anda sudah mengerjakan lomba ini; setiap orang hanya satu kali.",
            )));
        }
        let downloaded: Option<i64> = sqlx::query_scalar(
            "SELECT first_at FROM competition_downloads WHERE competition_id = $1 AND account_id = $2",
        )
        .bind(&row.id)
        .bind(&account)
        .fetch_optional(&mut *tx)
        .await?;
        let arrival = Arrival {
            started_at: attempt.started_at,
            finished_at: attempt.finished_at,
            received_at: at.now,
            downloaded_at: downloaded.map(from_ms),
        };
        if let Err(r) = row.window().judge(&arrival) {
            return Ok(Err(refusal(r.code(), &r.to_string())));
        }
        let questions = row.question_ids()?;
        let answers: &[AttemptAnswer] = &attempt.answers;
        let graded = match grade(&questions, answers, at.pool) {
            Ok(g) => g,
            Err(e) => return Ok(Err(refusal(e.code(), &e.to_string()))),
        };
        let answers_json = serde_json::to_string(answers)
            .map_err(|e| StoreError::Corrupt(format!("answers as JSON: {e}")))?;
        sqlx::query(
            "INSERT INTO competition_attempts (competition_id, account_id, record_id, unit_id, \
             started_at, finished_at, received_at, correct, total, answers) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(&row.id)
        .bind(&account)
        .bind(record.id.to_string())
        .bind(&unit)
        .bind(unix_ms(attempt.started_at))
        .bind(unix_ms(attempt.finished_at))
        .bind(unix_ms(at.now))
        .bind(i64::from(graded.correct))
        .bind(i64::from(graded.total))
        .bind(answers_json)
        .execute(&mut *tx)
        .await?;
        Ok(Ok(()))
    })
}

/// Blanks `account`'s row in the published results of every competition that lists it
/// (an erasure, `Store::erase_account`). How many results changed.
pub(super) async fn forget_account(tx: &mut Conn<'_>, account: Uuid) -> Result<u64> {
    on_conn!(tx, tx => {
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT id, results FROM competitions WHERE results LIKE $1",
        )
        .bind(format!("%\"{account}\"%"))
        .fetch_all(&mut *tx)
        .await?;
        let mut changed = 0;
        for (id, text) in rows {
            let corrupt = |e: serde_json::Error| StoreError::Corrupt(format!("competition {id} results: {e}"));
            let mut results: CompetitionResults = serde_json::from_str(&text).map_err(corrupt)?;
            if !results.forget(account) {
                continue;
            }
            sqlx::query("UPDATE competitions SET results = $1 WHERE id = $2")
                .bind(serde_json::to_string(&results).map_err(corrupt)?)
                .bind(&id)
                .execute(&mut *tx)
                .await?;
            changed += 1;
        }
        Ok(changed)
    })
}
