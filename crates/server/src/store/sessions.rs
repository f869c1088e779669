//! Sessions (`sessions`): only a token's SHA-256 is stored.

use super::{Conn, Result, Store, StoreError, on_conn, on_pool, unix_ms};
use crate::tokens;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

impl Store {
    /// A new session: the token for the client and its expiry.
    pub async fn create_session(&self, account_id: Uuid) -> Result<(String, OffsetDateTime)> {
        on_pool!(&self.pool, pool => {
            let (token, hash) = tokens::new_token()?;
            let now = OffsetDateTime::now_utc();
            let expires_at = now + Duration::days(tokens::SESSION_DAYS);
            sqlx::query(
                "INSERT INTO sessions (token_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
            )
            .bind(&hash)
            .bind(account_id.to_string())
            .bind(unix_ms(now))
            .bind(unix_ms(expires_at))
            .execute(pool)
            .await?;
            // The client shows the expiry; whole seconds are enough and keep the JSON short.
            let expires_at = expires_at.replace_nanosecond(0).unwrap_or(expires_at);
            Ok((token, expires_at))
        })
    }

    /// The account of a live session (not revoked, not expired).
    pub async fn session_account(&self, token_hash: &str) -> Result<Option<Uuid>> {
        on_pool!(&self.pool, pool => {
            let row: Option<(String,)> = sqlx::query_as(
                "SELECT account_id FROM sessions WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2",
            )
            .bind(token_hash)
            .bind(unix_ms(OffsetDateTime::now_utc()))
            .fetch_optional(pool)
            .await?;
            row.map(|(id,)| {
                Uuid::parse_str(&id).map_err(|e| StoreError::Corrupt(format!("session account: {e}")))
            })
            .transpose()
        })
    }

    pub async fn revoke_session(&self, token_hash: &str) -> Result<()> {
        on_pool!(&self.pool, pool => {
            sqlx::query(
                "UPDATE sessions SET revoked_at = $1 WHERE token_hash = $2 AND revoked_at IS NULL",
            )
            .bind(unix_ms(OffsetDateTime::now_utc()))
            .bind(token_hash)
            .execute(pool)
            .await?;
            Ok(())
        })
    }

    /// Ends every live session of the account ("keluar dari semua perangkat"); returns how
    /// many.
    pub async fn end_all_sessions(&self, account_id: Uuid) -> Result<u64> {
        on_pool!(&self.pool, pool => {
            let done = sqlx::query(
                "UPDATE sessions SET revoked_at = $1 WHERE account_id = $2 AND revoked_at IS NULL",
            )
            .bind(unix_ms(OffsetDateTime::now_utc()))
            .bind(account_id.to_string())
            .execute(pool)
            .await?;
            Ok(done.rows_affected())
        })
    }

    /// Deletes sessions that can no longer be used (expired or revoked); returns how many.
    /// Run at start and periodically, so the table holds live sessions only.
    pub async fn prune_sessions(&self) -> Result<u64> {
        on_pool!(&self.pool, pool => {
            Ok(
                sqlx::query("DELETE FROM sessions WHERE expires_at <= $1 OR revoked_at IS NOT NULL")
                    .bind(unix_ms(OffsetDateTime::now_utc()))
                    .execute(pool)
                    .await?
                    .rows_affected(),
            )
        })
    }
}

/// Pushes the session's expiry to now + 30 days (done on each successful sync, inside its
/// transaction).
pub(super) async fn renew(db: &mut Conn<'_>, token_hash: &str) -> Result<(), sqlx::Error> {
    on_conn!(db, db => {
        let expires_at = OffsetDateTime::now_utc() + Duration::days(tokens::SESSION_DAYS);
        sqlx::query("UPDATE sessions SET expires_at = $1 WHERE token_hash = $2 AND revoked_at IS NULL")
            .bind(unix_ms(expires_at))
            .bind(token_hash)
            .execute(db)
            .await?;
        Ok(())
    })
}
