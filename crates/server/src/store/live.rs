//! The live quiz's own tables (`live_quiz_sets`, `live_games`): a trainer's saved settings
//! and the history of their games with each game's latest report. The answers are ordinary
//! records (`records.rs`, `store_game_records`).

use super::{Backend, Conn, Result, Store, on_pool, rfc3339};
use crate::live::StoredReport;
use time::OffsetDateTime;
use uuid::Uuid;

/// A saved quiz set as stored (`config` is the settings' JSON).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct QuizSetRow {
    pub id: String,
    pub name: String,
    pub config: String,
    pub created_at: String,
    pub updated_at: String,
}

/// A game in the history (`report` is the latest report's JSON, once a question closed).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct GameRow {
    pub id: String,
    pub owner_id: String,
    pub quiz_set_id: Option<String>,
    pub code: String,
    pub config: String,
    pub created_at: String,
    pub ended_at: Option<String>,
    pub report: Option<String>,
}

/// A new game's row.
pub struct NewGame<'a> {
    pub id: Uuid,
    pub owner: Uuid,
    pub quiz_set: Option<Uuid>,
    pub code: &'a str,
    pub config: &'a str,
}

impl Store {
    pub async fn create_quiz_set(
        &self,
        owner: Uuid,
        name: &str,
        config: &str,
    ) -> Result<QuizSetRow> {
        on_pool!(&self.pool, pool => {
            let now = rfc3339(OffsetDateTime::now_utc());
            let id = Uuid::now_v7().to_string();
            sqlx::query(
                "INSERT INTO live_quiz_sets (id, owner_id, name, config, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $5)",
            )
            .bind(&id)
            .bind(owner.to_string())
            .bind(name)
            .bind(config)
            .bind(&now)
            .execute(pool)
            .await?;
            Ok(QuizSetRow {
                id,
                name: name.to_owned(),
                config: config.to_owned(),
                created_at: now.clone(),
                updated_at: now,
            })
        })
    }

    /// The owner's quiz sets, the most recently changed first.
    pub async fn quiz_sets(&self, owner: Uuid) -> Result<Vec<QuizSetRow>> {
        on_pool!(&self.pool, pool => {
            Ok(sqlx::query_as(
                "SELECT id, name, config, created_at, updated_at FROM live_quiz_sets \
                 WHERE owner_id = $1 ORDER BY updated_at DESC, id DESC",
            )
            .bind(owner.to_string())
            .fetch_all(pool)
            .await?)
        })
    }

    /// One of the owner's quiz sets (None for another trainer's: not theirs to see).
    pub async fn quiz_set(&self, owner: Uuid, id: Uuid) -> Result<Option<QuizSetRow>> {
        on_pool!(&self.pool, pool => {
            Ok(sqlx::query_as(
                "SELECT id, name, config, created_at, updated_at FROM live_quiz_sets \
                 WHERE owner_id = $1 AND id = $2",
            )
            .bind(owner.to_string())
            .bind(id.to_string())
            .fetch_optional(pool)
            .await?)
        })
    }

    pub async fn create_game(&self, game: NewGame<'_>) -> Result<()> {
        on_pool!(&self.pool, pool => {
            sqlx::query(
                "INSERT INTO live_games (id, owner_id, quiz_set_id, code, config, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(game.id.to_string())
            .bind(game.owner.to_string())
            .bind(game.quiz_set.map(|q| q.to_string()))
            .bind(game.code)
            .bind(game.config)
            .bind(rfc3339(OffsetDateTime::now_utc()))
            .execute(pool)
            .await?;
            Ok(())
        })
    }

    /// Writes the game's latest report (names of accounts erased meanwhile blanked);
    /// `ended` also dates its end.
    pub async fn save_game_report(
        &self,
        id: Uuid,
        report: &StoredReport,
        ended: bool,
    ) -> Result<()> {
        on_pool!(&self.pool, pool => {
            let ended_at = ended.then(|| rfc3339(OffsetDateTime::now_utc()));
            // An erasure is wholly before or after this write (SQLite: BEGIN IMMEDIATE;
            // PostgreSQL: the report's accounts are read FOR SHARE).
            let mut tx = pool.begin_with(<Db as Backend>::BEGIN_WRITE).await?;
            let report = super::game_reports::without_erased(&mut Conn::from(&mut *tx), report).await?;
            sqlx::query(
                "UPDATE live_games SET report = $2, ended_at = COALESCE(ended_at, $3) WHERE id = $1",
            )
            .bind(id.to_string())
            .bind(report)
            .bind(ended_at)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(())
        })
    }

    /// The owner's games, newest first (at most `limit`).
    pub async fn games_of(&self, owner: Uuid, limit: u32) -> Result<Vec<GameRow>> {
        on_pool!(&self.pool, pool => {
            Ok(sqlx::query_as(
                "SELECT id, owner_id, quiz_set_id, code, config, created_at, ended_at, report \
                 FROM live_games WHERE owner_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2",
            )
            .bind(owner.to_string())
            .bind(i64::from(limit))
            .fetch_all(pool)
            .await?)
        })
    }

    pub async fn game(&self, id: Uuid) -> Result<Option<GameRow>> {
        on_pool!(&self.pool, pool => {
            Ok(sqlx::query_as(
                "SELECT id, owner_id, quiz_set_id, code, config, created_at, ended_at, report \
                     FROM live_games WHERE id = $1",
            )
            .bind(id.to_string())
            .fetch_optional(pool)
            .await?)
        })
    }
}

/// Who may change a quiz set: its owner, or anyone (an admin).
#[derive(Debug, Clone, Copy)]
pub enum QuizSetOwner {
    Only(Uuid),
    Anyone,
}

impl QuizSetOwner {
    fn bound(self) -> Option<String> {
        match self {
            QuizSetOwner::Only(owner) => Some(owner.to_string()),
            QuizSetOwner::Anyone => None,
        }
    }
}

impl Store {
    /// Renames or changes a quiz set; None when there is no such set of `owner`'s.
    pub async fn update_quiz_set(
        &self,
        owner: QuizSetOwner,
        id: Uuid,
        name: &str,
        config: &str,
    ) -> Result<Option<QuizSetRow>> {
        on_pool!(&self.pool, pool => {
            let now = rfc3339(OffsetDateTime::now_utc());
            Ok(sqlx::query_as(
                "UPDATE live_quiz_sets SET name = $3, config = $4, updated_at = $5 \
                 WHERE id = $1 AND ($2 IS NULL OR owner_id = $2) \
                 RETURNING id, name, config, created_at, updated_at",
            )
            .bind(id.to_string())
            .bind(owner.bound())
            .bind(name)
            .bind(config)
            .bind(&now)
            .fetch_optional(pool)
            .await?)
        })
    }

    /// Deletes a quiz set; false when there is no such set of `owner`'s. Games run from
    /// it keep their rows (`live_games.quiz_set_id` is a plain reference, not a key).
    pub async fn delete_quiz_set(&self, owner: QuizSetOwner, id: Uuid) -> Result<bool> {
        on_pool!(&self.pool, pool => {
            let done = sqlx::query(
                "DELETE FROM live_quiz_sets WHERE id = $1 AND ($2 IS NULL OR owner_id = $2)",
            )
            .bind(id.to_string())
            .bind(owner.bound())
            .execute(pool)
            .await?;
            Ok(done.rows_affected() > 0)
        })
    }
}
