//! The unit tree (`units`): seeded from the units file, edited in the admin console, read
//! by registration and the API. How the two sources coexist: docs/units.md.

use super::{Backend, Conn, Result, Store, StoreError, on_conn, on_pool};
use resapi_core::admin::AdminUnit;
use resapi_core::content::Unit;
use resapi_core::role::subtree;

impl Store {
    /// Makes the units the file governs match the units file: upserts every unit in file
    /// order and marks those no longer in the file inactive (accounts may still point at
    /// them). Units created or edited in the console (`managed_by = 'console'`) are left as
    /// they are; a file unit the database does not have yet is added.
    pub async fn sync_units(&self, units: &[Unit]) -> Result<()> {
        on_pool!(&self.pool, pool => {
            let mut tx = pool.begin_with(<Db as Backend>::BEGIN_WRITE).await?;
            sqlx::query("UPDATE units SET active = 0 WHERE managed_by = 'file'")
                .execute(&mut *tx)
                .await?;
            for (position, unit) in units.iter().enumerate() {
                sqlx::query(
                    "INSERT INTO units (id, name, parent_id, position, active) VALUES ($1, $2, $3, $4, 1) \
                     ON CONFLICT (id) DO UPDATE SET name = excluded.name, parent_id = excluded.parent_id, \
                     position = excluded.position, active = 1 WHERE units.managed_by = 'file'",
                )
                .bind(&unit.id)
                .bind(&unit.name)
                .bind(&unit.parent_id)
                .bind(position as i64)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            self.units_changed().await;
            Ok(())
        })
    }

    /// The active units in file order.
    pub async fn list_units(&self) -> Result<Vec<Unit>> {
        on_pool!(&self.pool, pool => {
            let rows: Vec<(String, String, Option<String>)> = sqlx::query_as(
                "SELECT id, name, parent_id FROM units WHERE active = 1 ORDER BY position, id",
            )
            .fetch_all(pool)
            .await?;
            Ok(rows
                .into_iter()
                .map(|(id, name, parent_id)| Unit {
                    id,
                    name,
                    parent_id,
                })
                .collect())
        })
    }

    pub async fn unit_is_active(&self, id: &str) -> Result<bool> {
        on_pool!(&self.pool, pool => {
            let row: Option<(i32,)> =
                sqlx::query_as("SELECT 1 FROM units WHERE id = $1 AND active = 1")
                    .bind(id)
                    .fetch_optional(pool)
                    .await?;
            Ok(row.is_some())
        })
    }

    /// Every unit, retired ones too, as `(id, parent_id)`: the tree scopes are computed on.
    /// Every unit's name, retired ones too (old results still name them).
    pub async fn unit_names(&self) -> Result<Vec<(String, String)>> {
        on_pool!(&self.pool, pool => {
            Ok(sqlx::query_as("SELECT id, name FROM units")
                .fetch_all(pool)
                .await?)
        })
    }

    pub async fn unit_tree(&self) -> Result<Vec<(String, Option<String>)>> {
        on_pool!(&self.pool, pool => {
            Ok(sqlx::query_as("SELECT id, parent_id FROM units")
                .fetch_all(pool)
                .await?)
        })
    }

    /// Every unit with its member count, in org-chart order (the console filters by scope).
    pub async fn admin_units(&self) -> Result<Vec<AdminUnit>> {
        on_pool!(&self.pool, pool => {
            let rows: Vec<UnitRow> = sqlx::query_as(
                "SELECT u.id, u.name, u.parent_id, u.active <> 0 AS active, \
                 (SELECT COUNT(*) FROM accounts a WHERE a.unit_id = u.id) AS members \
                 FROM units u ORDER BY u.position, u.id",
            )
            .fetch_all(pool)
            .await?;
            Ok(rows.into_iter().map(UnitRow::into_admin).collect())
        })
    }

    pub async fn admin_unit(&self, id: &str) -> Result<Option<AdminUnit>> {
        on_pool!(&self.pool, pool => {
            let row: Option<UnitRow> = sqlx::query_as(
                "SELECT u.id, u.name, u.parent_id, u.active <> 0 AS active, \
                 (SELECT COUNT(*) FROM accounts a WHERE a.unit_id = u.id) AS members \
                 FROM units u WHERE u.id = $1",
            )
            .bind(id)
            .fetch_optional(pool)
            .await?;
            Ok(row.map(UnitRow::into_admin))
        })
    }

    /// A new unit at the end of the org chart; `UnitExists` when the id is taken (a retired
    /// unit keeps its id), `NoSuchUnit` when the parent is not an active unit.
    pub async fn create_unit(&self, id: &str, name: &str, parent: Option<&str>) -> Result<()> {
        on_pool!(&self.pool, pool => {
            let mut tx = pool.begin_with(<Db as Backend>::BEGIN_WRITE).await?;
            if let Some(parent) = parent {
                require_active(&mut Conn::from(&mut *tx), parent).await?;
            }
            let inserted = sqlx::query(
                "INSERT INTO units (id, name, parent_id, position, active, managed_by) \
                 VALUES ($1, $2, $3, (SELECT COALESCE(MAX(position), 0) + 1 FROM units), 1, 'console')",
            )
            .bind(id)
            .bind(name)
            .bind(parent)
            .execute(&mut *tx)
            .await;
            match inserted {
                Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                    return Err(StoreError::UnitExists);
                }
                other => {
                    other?;
                }
            }
            tx.commit().await?;
            self.units_changed().await;
            Ok(())
        })
    }

    /// Renames an active unit; from now on the units file no longer renames it.
    pub async fn rename_unit(&self, id: &str, name: &str) -> Result<()> {
        on_pool!(&self.pool, pool => {
            let done = sqlx::query(
                "UPDATE units SET name = $1, managed_by = 'console' WHERE id = $2 AND active = 1",
            )
            .bind(name)
            .bind(id)
            .execute(pool)
            .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NoSuchUnit);
            }
            self.units_changed().await;
            Ok(())
        })
    }

    /// Moves an active unit under `parent` (None: to the top). `UnitCycle` when `parent` is
    /// the unit itself or one of its sub-units (the tree would lose its root).
    pub async fn move_unit(&self, id: &str, parent: Option<&str>) -> Result<()> {
        on_pool!(&self.pool, pool => {
            let mut tx = pool.begin_with(<Db as Backend>::BEGIN_WRITE).await?;
            let tree: Vec<(String, Option<String>)> = sqlx::query_as("SELECT id, parent_id FROM units")
                .fetch_all(&mut *tx)
                .await?;
            if let Some(parent) = parent {
                require_active(&mut Conn::from(&mut *tx), parent).await?;
                if subtree(id, &tree).contains(parent) {
                    return Err(StoreError::UnitCycle);
                }
            }
            let done = sqlx::query(
                "UPDATE units SET parent_id = $1, managed_by = 'console' WHERE id = $2 AND active = 1",
            )
            .bind(parent)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            self.finish_unit_edit(tx, done.rows_affected()).await
        })
    }

    /// Retires a unit: it leaves the unit list and registration, and the units file no
    /// longer brings it back. Refused while anyone (an account or a roster row) is in it
    /// (`UnitHasMembers`) or an active unit is under it (`UnitHasSubunits`).
    pub async fn retire_unit(&self, id: &str) -> Result<()> {
        on_pool!(&self.pool, pool => {
            let mut tx = pool.begin_with(<Db as Backend>::BEGIN_WRITE).await?;
            let members: i64 = sqlx::query_scalar(
                "SELECT (SELECT COUNT(*) FROM accounts WHERE unit_id = $1) \
                 + (SELECT COUNT(*) FROM roster WHERE unit_id = $1)",
            )
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
            if members > 0 {
                return Err(StoreError::UnitHasMembers);
            }
            let children: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM units WHERE parent_id = $1 AND active = 1")
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await?;
            if children > 0 {
                return Err(StoreError::UnitHasSubunits);
            }
            let done = sqlx::query(
                "UPDATE units SET active = 0, managed_by = 'console' WHERE id = $1 AND active = 1",
            )
            .bind(id)
            .execute(&mut *tx)
            .await?;
            self.finish_unit_edit(tx, done.rows_affected()).await
        })
    }
}

impl Store {
    /// The end of a console edit of one active unit: `NoSuchUnit` when the update touched
    /// no row (unknown or retired), else commit and let dashboards see the new tree.
    async fn finish_unit_edit<DB: sqlx::Database>(
        &self,
        tx: sqlx::Transaction<'_, DB>,
        rows_affected: u64,
    ) -> Result<()> {
        if rows_affected == 0 {
            return Err(StoreError::NoSuchUnit);
        }
        tx.commit().await?;
        self.units_changed().await;
        Ok(())
    }
}

/// `NoSuchUnit` unless `id` is an active unit (a parent must be one).
async fn require_active(tx: &mut Conn<'_>, id: &str) -> Result<()> {
    on_conn!(tx, tx => {
        let found: Option<(i32,)> = sqlx::query_as("SELECT 1 FROM units WHERE id = $1 AND active = 1")
            .bind(id)
            .fetch_optional(tx)
            .await?;
        if found.is_none() {
            return Err(StoreError::NoSuchUnit);
        }
        Ok(())
    })
}

#[derive(sqlx::FromRow)]
struct UnitRow {
    id: String,
    name: String,
    parent_id: Option<String>,
    active: bool,
    members: i64,
}

impl UnitRow {
    fn into_admin(self) -> AdminUnit {
        AdminUnit {
            id: self.id,
            name: self.name,
            parent_id: self.parent_id,
            active: self.active,
            members: self.members,
        }
    }
}
