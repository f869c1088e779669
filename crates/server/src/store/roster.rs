//! The agency roster (`roster`): who may register.

use super::{Backend, Result, Store, on_pool, rfc3339};
use crate::roster::RosterEntry;
use time::OffsetDateTime;

/// Whether a NIP may register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Admission {
    /// No roster is loaded: any valid NIP.
    Open,
    Listed(RosterEntry),
    NotListed,
}

impl Store {
    /// Replaces the whole roster with `entries` in one transaction (the file is the
    /// complete list; someone left off it can no longer register, existing accounts stay).
    /// Returns how many people were on the roster before.
    pub async fn replace_roster(&self, entries: &[RosterEntry]) -> Result<u64> {
        self.replace_roster_under(None, entries).await
    }

    /// Empties the roster: registration is open again. Returns how many people it held.
    pub async fn clear_roster(&self) -> Result<u64> {
        on_pool!(&self.pool, pool => {
            Ok(sqlx::query("DELETE FROM roster")
                .execute(pool)
                .await?
                .rows_affected())
        })
    }

    pub async fn admission(&self, nip: &str) -> Result<Admission> {
        on_pool!(&self.pool, pool => {
            let entry: Option<(String, String, String)> =
                sqlx::query_as("SELECT nip, name, unit_id FROM roster WHERE nip = $1")
                    .bind(nip)
                    .fetch_optional(pool)
                    .await?;
            if let Some((nip, name, unit_id)) = entry {
                return Ok(Admission::Listed(RosterEntry { nip, name, unit_id }));
            }
            let any: Option<(i32,)> = sqlx::query_as("SELECT 1 FROM roster LIMIT 1")
                .fetch_optional(pool)
                .await?;
            Ok(if any.is_some() {
                Admission::NotListed
            } else {
                Admission::Open
            })
        })
    }
}

impl Store {
    /// The whole roster.
    pub async fn roster(&self) -> Result<Vec<RosterEntry>> {
        on_pool!(&self.pool, pool => {
            let rows: Vec<(String, String, String)> =
                sqlx::query_as("SELECT nip, name, unit_id FROM roster ORDER BY nip")
                    .fetch_all(pool)
                    .await?;
            Ok(rows
                .into_iter()
                .map(|(nip, name, unit_id)| RosterEntry { nip, name, unit_id })
                .collect())
        })
    }

    /// Replaces the roster rows of unit `root` and every unit under it (None: the whole
    /// roster) with `entries`, in one transaction; rows of other units stay. Returns how
    /// many rows those units held before.
    pub async fn replace_roster_under(
        &self,
        root: Option<&str>,
        entries: &[RosterEntry],
    ) -> Result<u64> {
        on_pool!(&self.pool, pool => {
            let imported_at = rfc3339(OffsetDateTime::now_utc());
            let mut tx = pool.begin_with(<Db as Backend>::BEGIN_WRITE).await?;
            let before = sqlx::query(
                "WITH RECURSIVE scope(id) AS (SELECT id FROM units WHERE id = $1 \
                 UNION SELECT u.id FROM units u JOIN scope s ON u.parent_id = s.id) \
                 DELETE FROM roster WHERE $2 = 1 OR unit_id IN (SELECT id FROM scope)",
            )
            .bind(root.unwrap_or(""))
            .bind(i64::from(root.is_none()))
            .execute(&mut *tx)
            .await?
            .rows_affected();
            for entry in entries {
                sqlx::query(
                    "INSERT INTO roster (nip, name, unit_id, imported_at) VALUES ($1, $2, $3, $4)",
                )
                .bind(&entry.nip)
                .bind(&entry.name)
                .bind(&entry.unit_id)
                .bind(&imported_at)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            Ok(before)
        })
    }
}
