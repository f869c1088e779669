//! Accounts and their roles (`accounts`, `account_roles`).

use super::{Backend, Result, Store, StoreError, on_pool, rfc3339, unix_ms};
use resapi_core::api::{Account, Role};
use time::OffsetDateTime;
use uuid::Uuid;

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
    pub fn uuid(&self) -> Result<Uuid> {
        Uuid::parse_str(&self.id).map_err(|e| StoreError::Corrupt(format!("account id: {e}")))
    }
}

pub struct NewAccount<'a> {
    pub nip: &'a str,
    pub name: &'a str,
    pub unit_id: &'a str,
    pub password_hash: &'a str,
    pub roles: &'a [Role],
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

impl Store {
    pub async fn account_by_nip(&self, nip: &str) -> Result<Option<AccountRow>> {
        on_pool!(&self.pool, pool => {
            Ok(sqlx::query_as(
                "SELECT id, nip, name, unit_id, password_hash FROM accounts WHERE nip = $1",
            )
            .bind(nip)
            .fetch_optional(pool)
            .await?)
        })
    }

    pub async fn account_by_id(&self, id: Uuid) -> Result<Option<AccountRow>> {
        on_pool!(&self.pool, pool => {
            Ok(sqlx::query_as(
                "SELECT id, nip, name, unit_id, password_hash FROM accounts WHERE id = $1",
            )
            .bind(id.to_string())
            .fetch_optional(pool)
            .await?)
        })
    }

    /// Roles in a fixed order (employee, trainer, unit_admin, admin).
    pub async fn roles(&self, id: Uuid) -> Result<Vec<Role>> {
        on_pool!(&self.pool, pool => {
            let rows: Vec<(String,)> =
                sqlx::query_as("SELECT role FROM account_roles WHERE account_id = $1")
                    .bind(id.to_string())
                    .fetch_all(pool)
                    .await?;
            let mut roles: Vec<Role> = rows.iter().filter_map(|(r,)| Role::parse(r)).collect();
            roles.sort_by_key(|r| *r as u8);
            roles.dedup();
            Ok(roles)
        })
    }

    /// The account as the API shows it.
    pub async fn public_account(&self, row: &AccountRow) -> Result<Account> {
        let id = row.uuid()?;
        Ok(Account {
            id,
            nip: row.nip.clone(),
            name: row.name.clone(),
            unit_id: row.unit_id.clone(),
            roles: self.roles(id).await?,
        })
    }

    /// Creates an account with its roles; `NipTaken` when the NIP exists (also under a race).
    pub async fn create_account(&self, new: NewAccount<'_>) -> Result<AccountRow> {
        on_pool!(&self.pool, pool => {
            let id = Uuid::now_v7();
            let mut tx = pool.begin_with(<Db as Backend>::BEGIN_WRITE).await?;
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
                    return Err(StoreError::NipTaken);
                }
                other => {
                    other?;
                }
            }
            for role in new.roles {
                sqlx::query(GRANT_ROLE)
                    .bind(id.to_string())
                    .bind(role.as_str())
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            self.facts_changed().await;
            Ok(AccountRow {
                id: id.to_string(),
                nip: new.nip.to_owned(),
                name: new.name.to_owned(),
                unit_id: new.unit_id.to_owned(),
                password_hash: new.password_hash.to_owned(),
            })
        })
    }

    pub async fn grant_role(&self, id: Uuid, role: Role) -> Result<()> {
        on_pool!(&self.pool, pool => {
            sqlx::query(GRANT_ROLE)
                .bind(id.to_string())
                .bind(role.as_str())
                .execute(pool)
                .await?;
            Ok(())
        })
    }

    /// Sets a new password and ends every session of the account (a reset means the old
    /// password may be known to someone else).
    pub async fn set_password(&self, id: Uuid, password_hash: &str) -> Result<()> {
        on_pool!(&self.pool, pool => {
            let mut tx = pool.begin_with(<Db as Backend>::BEGIN_WRITE).await?;
            sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2")
                .bind(password_hash)
                .bind(id.to_string())
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "UPDATE sessions SET revoked_at = $1 WHERE account_id = $2 AND revoked_at IS NULL",
            )
            .bind(unix_ms(OffsetDateTime::now_utc()))
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(())
        })
    }

    /// Frees a NIP that someone registered wrongly, so its owner can register it. The
    /// account is kept, with its records, for the unit to look into; it can no longer log in
    /// (its NIP becomes `released:<id>`, its password hash empty) and all its sessions end
    /// at once.
    pub async fn release_nip(&self, nip: &str) -> Result<Released> {
        on_pool!(&self.pool, pool => {
            let mut tx = pool.begin_with(<Db as Backend>::BEGIN_WRITE).await?;
            let row: Option<(String, String)> = sqlx::query_as(
                "UPDATE accounts SET released_nip = nip, released_at = $1, \
                 nip = 'released:' || id, password_hash = '' WHERE nip = $2 RETURNING id, name",
            )
            .bind(rfc3339(OffsetDateTime::now_utc()))
            .bind(nip)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((account_id, name)) = row else {
                return Err(StoreError::NoSuchAccount);
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
            self.facts_changed().await;
            Ok(Released {
                account_id,
                name,
                sessions_ended,
                records_kept,
            })
        })
    }
}

const GRANT_ROLE: &str = "INSERT INTO account_roles (account_id, role) VALUES ($1, $2) \
     ON CONFLICT (account_id, role) DO NOTHING";
