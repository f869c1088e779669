//! Accounts, roles and sessions in the database. Used by the HTTP API and the admin
//! commands alike, so the SQL lives in one place.

use crate::db::{Db, rfc3339, unix_ms};
use crate::tokens;
use resapi_core::api::{Account, Role};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("NIP already registered")]
    NipTaken,
    #[error("no account with this NIP")]
    NoSuchAccount,
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    #[error("stored data is unreadable: {0}")]
    Corrupt(String),
    #[error("no randomness for a token: {0}")]
    Random(#[from] getrandom::Error),
}

/// An account as stored, with its password hash.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AccountRow {
    pub id: String,
    pub nip: String,
    pub name: String,
    pub unit_id: String,
    pub password_hash: String,
}

impl AccountRow {
    pub fn uuid(&self) -> Result<Uuid, AccountError> {
        Uuid::parse_str(&self.id).map_err(|e| AccountError::Corrupt(format!("account id: {e}")))
    }
}

pub async fn find_by_nip(db: &Db, nip: &str) -> Result<Option<AccountRow>, AccountError> {
    Ok(
        sqlx::query_as("SELECT id, nip, name, unit_id, password_hash FROM accounts WHERE nip = $1")
            .bind(nip)
            .fetch_optional(db)
            .await?,
    )
}

pub async fn find_by_id(db: &Db, id: Uuid) -> Result<Option<AccountRow>, AccountError> {
    Ok(
        sqlx::query_as("SELECT id, nip, name, unit_id, password_hash FROM accounts WHERE id = $1")
            .bind(id.to_string())
            .fetch_optional(db)
            .await?,
    )
}

/// Roles in a fixed order (employee, trainer, unit_admin, admin).
pub async fn roles(db: &Db, id: Uuid) -> Result<Vec<Role>, AccountError> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT role FROM account_roles WHERE account_id = $1")
            .bind(id.to_string())
            .fetch_all(db)
            .await?;
    let mut roles: Vec<Role> = rows.iter().filter_map(|(r,)| Role::parse(r)).collect();
    roles.sort_by_key(|r| *r as u8);
    roles.dedup();
    Ok(roles)
}

/// The account as the API shows it.
pub async fn public(db: &Db, row: &AccountRow) -> Result<Account, AccountError> {
    let id = row.uuid()?;
    Ok(Account {
        id,
        nip: row.nip.clone(),
        name: row.name.clone(),
        unit_id: row.unit_id.clone(),
        roles: roles(db, id).await?,
    })
}

pub struct NewAccount<'a> {
    pub nip: &'a str,
    pub name: &'a str,
    pub unit_id: &'a str,
    pub password_hash: &'a str,
    pub roles: &'a [Role],
}

/// Creates an account with its roles; `NipTaken` when the NIP exists (also under a race).
pub async fn create(db: &Db, new: NewAccount<'_>) -> Result<AccountRow, AccountError> {
    let id = Uuid::now_v7();
    let mut tx = db.begin().await?;
    let inserted = sqlx::query(
        "INSERT INTO accounts (id, nip, name, unit_id, password_hash, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id.to_string())
    .bind(new.nip)
    .bind(new.name)
    .bind(new.unit_id)
    .bind(new.password_hash)
    .bind(rfc3339(OffsetDateTime::now_utc()))
    .execute(&mut *tx)
    .await;
    match inserted {
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            return Err(AccountError::NipTaken);
        }
        other => {
            other?;
        }
    }
    for role in new.roles {
        sqlx::query(
            "INSERT INTO account_roles (account_id, role) VALUES ($1, $2) \
             ON CONFLICT (account_id, role) DO NOTHING",
        )
        .bind(id.to_string())
        .bind(role.as_str())
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(AccountRow {
        id: id.to_string(),
        nip: new.nip.to_owned(),
        name: new.name.to_owned(),
        unit_id: new.unit_id.to_owned(),
        password_hash: new.password_hash.to_owned(),
    })
}

pub async fn grant_role(db: &Db, id: Uuid, role: Role) -> Result<(), AccountError> {
    sqlx::query(
        "INSERT INTO account_roles (account_id, role) VALUES ($1, $2) \
         ON CONFLICT (account_id, role) DO NOTHING",
    )
    .bind(id.to_string())
    .bind(role.as_str())
    .execute(db)
    .await?;
    Ok(())
}

/// Sets a new password and ends every session of the account (a reset means the old
/// password may be known to someone else).
pub async fn set_password(db: &Db, id: Uuid, password_hash: &str) -> Result<(), AccountError> {
    let mut tx = db.begin().await?;
    sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2")
        .bind(password_hash)
        .bind(id.to_string())
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE sessions SET revoked_at = $1 WHERE account_id = $2 AND revoked_at IS NULL")
        .bind(unix_ms(OffsetDateTime::now_utc()))
        .bind(id.to_string())
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// A new session: the token for the client and its expiry.
pub async fn create_session(
    db: &Db,
    account_id: Uuid,
) -> Result<(String, OffsetDateTime), AccountError> {
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
    .execute(db)
    .await?;
    // The client shows the expiry; whole seconds are enough and keep the JSON short.
    let expires_at = expires_at.replace_nanosecond(0).unwrap_or(expires_at);
    Ok((token, expires_at))
}

/// The account of a live session (not revoked, not expired).
pub async fn session_account(db: &Db, token_hash: &str) -> Result<Option<Uuid>, AccountError> {
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT account_id FROM sessions WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2",
    )
    .bind(token_hash)
    .bind(unix_ms(OffsetDateTime::now_utc()))
    .fetch_optional(db)
    .await?;
    row.map(|(id,)| {
        Uuid::parse_str(&id).map_err(|e| AccountError::Corrupt(format!("session account: {e}")))
    })
    .transpose()
}

/// Pushes the session's expiry to now + 30 days (done on each successful sync, inside its
/// transaction).
pub async fn renew_session<'e>(
    db: impl sqlx::SqliteExecutor<'e>,
    token_hash: &str,
) -> Result<(), sqlx::Error> {
    let expires_at = OffsetDateTime::now_utc() + Duration::days(tokens::SESSION_DAYS);
    sqlx::query("UPDATE sessions SET expires_at = $1 WHERE token_hash = $2 AND revoked_at IS NULL")
        .bind(unix_ms(expires_at))
        .bind(token_hash)
        .execute(db)
        .await?;
    Ok(())
}

pub async fn revoke_session(db: &Db, token_hash: &str) -> Result<(), AccountError> {
    sqlx::query("UPDATE sessions SET revoked_at = $1 WHERE token_hash = $2 AND revoked_at IS NULL")
        .bind(unix_ms(OffsetDateTime::now_utc()))
        .bind(token_hash)
        .execute(db)
        .await?;
    Ok(())
}

/// Deletes sessions that can no longer be used (expired or revoked); returns how many. Run
/// at start and periodically, so the table holds live sessions only.
pub async fn prune_sessions(db: &Db) -> Result<u64, AccountError> {
    Ok(
        sqlx::query("DELETE FROM sessions WHERE expires_at <= $1 OR revoked_at IS NOT NULL")
            .bind(unix_ms(OffsetDateTime::now_utc()))
            .execute(db)
            .await?
            .rows_affected(),
    )
}

/// What releasing a NIP did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Released {
    /// The account that held the NIP, kept under `released:<id>`.
    pub account_id: String,
    pub name: String,
    pub sessions_ended: u64,
    /// Records kept with the released account (never shown to the NIP's owner).
    pub records_kept: i64,
}

/// Frees a NIP that someone registered wrongly, so its owner can register it. The account
/// is kept, with its records, for the unit to look into; it can no longer log in (its NIP
/// becomes `released:<id>`, its password hash empty) and all its sessions end at once.
pub async fn release_nip(db: &Db, nip: &str) -> Result<Released, AccountError> {
    let mut tx = db.begin().await?;
    let row: Option<(String, String)> = sqlx::query_as(
        "UPDATE accounts SET released_nip = nip, released_at = $1, \
         nip = 'released:' || id, password_hash = '' WHERE nip = $2 RETURNING id, name",
    )
    .bind(rfc3339(OffsetDateTime::now_utc()))
    .bind(nip)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((account_id, name)) = row else {
        return Err(AccountError::NoSuchAccount);
    };
    let sessions_ended = sqlx::query("DELETE FROM sessions WHERE account_id = $1")
        .bind(&account_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    let records_kept = sqlx::query_scalar("SELECT COUNT(*) FROM records WHERE account_id = $1")
        .bind(&account_id)
        .fetch_one(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Released {
        account_id,
        name,
        sessions_ended,
        records_kept,
    })
}
