//! A person's data on the server (UU 27/2022 on personal data): everything held about an
//! account, for the person to download, and erasing it. The HTTP API and the
//! `erase-account` command call the same methods.

use super::{Backend, Conn, Result, Store, StoreError, on_pool, rfc3339};
use resapi_core::api::Role;
use resapi_core::sync::StoredRecord;
use serde::Serialize;
use sqlx::AssertSqlSafe;
use sqlx::Connection;
use time::OffsetDateTime;
use uuid::Uuid;

/// Everything the server holds about one account, as the person downloads it. The password
/// hash and the session tokens' hashes are left out: they are secrets, not information
/// about the person, and a leaked download must not open the account.
#[derive(Debug, Serialize)]
pub struct PersonalData {
    /// What this file is, for whoever opens it later.
    pub about: &'static str,
    pub exported_at: String,
    pub account: AccountData,
    pub sessions: Vec<SessionData>,
    pub records: Vec<StoredRecord>,
    /// A trainer's saved quiz sets (live quiz), the most recently changed first.
    pub quiz_sets: Vec<QuizSetData>,
    /// The live games the account ran as trainer, newest first. Their results name other
    /// people, so only the game itself is here: the players' answers are theirs.
    pub games: Vec<GameData>,
}

/// One saved quiz set.
#[derive(Debug, Serialize)]
pub struct QuizSetData {
    pub id: String,
    pub name: String,
    /// The settings (`GameConfig`) as saved.
    pub config: serde_json::Value,
    pub created_at: String,
    pub updated_at: String,
}

/// One game the account ran: when, with which settings, and how many played.
#[derive(Debug, Serialize)]
pub struct GameData {
    pub id: String,
    pub quiz_set_id: Option<String>,
    pub code: String,
    pub config: serde_json::Value,
    pub created_at: String,
    pub ended_at: Option<String>,
    /// Players in the game at its last report (None before a question closed).
    pub players: Option<u32>,
}

#[derive(Debug, Serialize)]
pub struct AccountData {
    pub id: Uuid,
    pub nip: String,
    pub name: String,
    pub unit_id: String,
    /// The unit's name as the server knows it (None if the unit is no longer listed).
    pub unit_name: Option<String>,
    pub roles: Vec<Role>,
    pub created_at: String,
}

/// One login: its dates only.
#[derive(Debug, Serialize)]
pub struct SessionData {
    pub created_at: String,
    pub expires_at: String,
    pub revoked_at: Option<String>,
}

/// What an erasure removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Erased {
    pub records: u64,
    pub sessions: u64,
}

const ABOUT: &str = "Resapi: semua data yang disimpan server tentang akun Anda \
    (akun, peran, tanggal sesi masuk, semua catatan jawaban, serta set kuis dan kuis apel \
    yang Anda pandu). \
    Resapi: all the data the server holds about your account (including the quiz sets \
    and live quizzes you ran).";

fn ms_to_rfc3339(ms: i64) -> String {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .map(rfc3339)
        .unwrap_or_default()
}

/// Records are read in pages of this many (the same pages as a restore).
const EXPORT_PAGE: u32 = 500;

impl Store {
    /// Everything about `account_id`, or `NoSuchAccount`.
    pub async fn export_personal_data(&self, account_id: Uuid) -> Result<PersonalData> {
        on_pool!(&self.pool, pool => {
            let row = self
                .account_by_id(account_id)
                .await?
                .ok_or(StoreError::NoSuchAccount)?;
            let (created_at, unit_name): (String, Option<String>) = sqlx::query_as(
                "SELECT a.created_at, u.name FROM accounts a LEFT JOIN units u ON u.id = a.unit_id \
                 WHERE a.id = $1",
            )
            .bind(account_id.to_string())
            .fetch_one(pool)
            .await?;
            let account = AccountData {
                id: account_id,
                nip: row.nip.clone(),
                name: row.name.clone(),
                unit_id: row.unit_id.clone(),
                unit_name,
                roles: self.roles(account_id).await?,
                created_at,
            };
            // SQLite: `rowid` breaks ties between sessions of the same millisecond.
            let sessions: Vec<(i64, i64, Option<i64>)> = sqlx::query_as(AssertSqlSafe(format!(
                "SELECT created_at, expires_at, revoked_at FROM sessions WHERE account_id = $1 \
                 ORDER BY created_at, {}",
                <Db as Backend>::INSERTION_ORDER
            )))
            .bind(account_id.to_string())
            .fetch_all(pool)
            .await?;
            let sessions = sessions
                .into_iter()
                .map(|(created, expires, revoked)| SessionData {
                    created_at: ms_to_rfc3339(created),
                    expires_at: ms_to_rfc3339(expires),
                    revoked_at: revoked.map(ms_to_rfc3339),
                })
                .collect();
            let mut all = Vec::new();
            let mut since = 0;
            loop {
                let page = self.records_page(account_id, since, EXPORT_PAGE).await?;
                all.extend(page.records);
                match page.next_since.and_then(|s| s.parse::<i64>().ok()) {
                    Some(next) => since = next,
                    None => break,
                }
            }
            let (quiz_sets, games) = self.live_data_of(account_id).await?;
            Ok(PersonalData {
                about: ABOUT,
                exported_at: rfc3339(OffsetDateTime::now_utc()),
                account,
                sessions,
                records: all,
                quiz_sets,
                games,
            })
        })
    }

    /// A trainer's quiz sets and the games they ran, for the download.
    async fn live_data_of(&self, account_id: Uuid) -> Result<(Vec<QuizSetData>, Vec<GameData>)> {
        let json = |what: &str, text: &str| {
            serde_json::from_str::<serde_json::Value>(text)
                .map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))
        };
        let mut quiz_sets = Vec::new();
        for row in self.quiz_sets(account_id).await? {
            quiz_sets.push(QuizSetData {
                config: json("quiz set settings", &row.config)?,
                id: row.id,
                name: row.name,
                created_at: row.created_at,
                updated_at: row.updated_at,
            });
        }
        let mut games = Vec::new();
        for row in self.games_of(account_id, u32::MAX).await? {
            let players = match &row.report {
                Some(report) => json("game report", report)?["summary"]["players"]
                    .as_u64()
                    .and_then(|n| u32::try_from(n).ok()),
                None => None,
            };
            games.push(GameData {
                config: json("game settings", &row.config)?,
                id: row.id,
                quiz_set_id: row.quiz_set_id,
                code: row.code,
                created_at: row.created_at,
                ended_at: row.ended_at,
                players,
            });
        }
        Ok((quiz_sets, games))
    }

    /// Removes the account, its roles, its sessions and all its records, and blanks its row
    /// in stored game reports and published competition results (its games and quiz sets
    /// as a trainer go with it), in one transaction:
    /// either all of it goes or nothing does. Published aggregates are not touched (they hold
    /// no person's data). `NoSuchAccount` when it is already gone.
    pub async fn erase_account(&self, account_id: Uuid) -> Result<Erased> {
        on_pool!(&self.pool, pool => {
            let id = account_id.to_string();
            let mut conn = pool.acquire().await?;
            if self.sqlite().is_some() {
                // SQLite: deleted rows are overwritten with zeros rather than left in free pages of the file.
                sqlx::query("PRAGMA secure_delete = ON")
                    .execute(&mut *conn)
                    .await?;
            }
            let mut tx = conn.begin_with(<Db as Backend>::BEGIN_WRITE).await?;
            // A sync of this account waits until the erasure is over (PostgreSQL).
            super::lock_accounts(&mut Conn::from(&mut *tx), std::slice::from_ref(&id)).await?;
            // The dashboard facts hold the person's answers too (docs/dashboard.md).
            super::facts::remove_account(&mut Conn::from(&mut *tx), &id).await?;
            // Stored game reports name the players (docs/live-quiz.md).
            super::game_reports::forget_account(&mut Conn::from(&mut *tx), account_id).await?;
            // So do published competition results (docs/competitions.md).
            super::competitions::forget_account(&mut Conn::from(&mut *tx), account_id).await?;
            let records = sqlx::query("DELETE FROM records WHERE account_id = $1")
                .bind(&id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            let sessions = sqlx::query("DELETE FROM sessions WHERE account_id = $1")
                .bind(&id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            sqlx::query("DELETE FROM account_roles WHERE account_id = $1")
                .bind(&id)
                .execute(&mut *tx)
                .await?;
            let accounts = sqlx::query("DELETE FROM accounts WHERE id = $1")
                .bind(&id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if accounts == 0 {
                // Nothing was there; dropping the transaction rolls back the (empty) deletes.
                return Err(StoreError::NoSuchAccount);
            }
            tx.commit().await?;
            // SQLite: the old pages also sit in the write-ahead log until a checkpoint; copy them back now
            // (best effort: a busy database checkpoints on its own soon after).
            if self.sqlite().is_some()
                && let Err(e) = sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(&mut *conn)
                .await
            {
                tracing::warn!(error = %e, "checkpoint after an erasure failed");
            }
            self.facts_changed().await;
            Ok(Erased { records, sessions })
        })
    }
}
