//! The unit tree (`units`): seeded from the units file, read by registration and the API.

use super::{Result, Store};
use resapi_core::content::Unit;

impl Store {
    /// Makes the `units` table match the units file: upserts every unit in file order and
    /// marks units no longer in the file inactive (accounts may still point at them).
    pub async fn sync_units(&self, units: &[Unit]) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE units SET active = 0")
            .execute(&mut *tx)
            .await?;
        for (position, unit) in units.iter().enumerate() {
            sqlx::query(
                "INSERT INTO units (id, name, parent_id, position, active) VALUES ($1, $2, $3, $4, 1) \
                 ON CONFLICT (id) DO UPDATE SET name = excluded.name, parent_id = excluded.parent_id, \
                 position = excluded.position, active = 1",
            )
            .bind(&unit.id)
            .bind(&unit.name)
            .bind(&unit.parent_id)
            .bind(position as i64)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The active units in file order.
    pub async fn list_units(&self) -> Result<Vec<Unit>> {
        let rows: Vec<(String, String, Option<String>)> = sqlx::query_as(
            "SELECT id, name, parent_id FROM units WHERE active = 1 ORDER BY position, id",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, name, parent_id)| Unit {
                id,
                name,
                parent_id,
            })
            .collect())
    }

    pub async fn unit_is_active(&self, id: &str) -> Result<bool> {
        let row: Option<(i64,)> =
            sqlx::query_as("SELECT 1 FROM units WHERE id = $1 AND active = 1")
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.is_some())
    }
}
