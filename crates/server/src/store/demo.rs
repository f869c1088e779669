//! The demo's SQL: the demo mark, the emptiness check, and bulk inserts of accounts, roles,
//! records and answer slots. Rows are written many per statement (one prepared statement per
//! batch size, reused) inside large transactions, on one connection with `synchronous = OFF`
//! while filling: demo data can be made again, and a million records then take seconds.

use super::{Pool, on_pool};
use resapi_core::api::Role;
use sqlx::pool::PoolConnection;
use sqlx::{AssertSqlSafe, Sqlite, SqliteConnection, SqlitePool};

/// Rows per INSERT statement (records have 8 columns: 800 parameters, well under SQLite's
/// limit of 32,766).
const ROWS_PER_STATEMENT: usize = 100;

/// What a database already holds (a demo only fills an empty one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occupancy {
    pub demo: bool,
    pub accounts: i64,
    pub records: i64,
    pub roster: i64,
}

impl Occupancy {
    pub fn is_empty(&self) -> bool {
        !self.demo && self.accounts == 0 && self.records == 0 && self.roster == 0
    }
}

/// Whether the database is marked as demo data (`instance.demo`, migration 0005).
pub async fn is_demo(db: &Pool) -> Result<bool, sqlx::Error> {
    let demo: Option<i64> = on_pool!(db, db => {
        sqlx::query_scalar("SELECT demo FROM instance WHERE id = 1")
            .fetch_optional(db)
            .await?
    });
    Ok(demo == Some(1))
}

pub async fn occupancy(db: &Pool) -> Result<Occupancy, sqlx::Error> {
    let demo = is_demo(db).await?;
    on_pool!(db, db => {
        let count = |sql: &'static str| sqlx::query_scalar::<_, i64>(sql).fetch_one(db);
        Ok(Occupancy {
            demo,
            accounts: count("SELECT COUNT(*) FROM accounts").await?,
            records: count("SELECT COUNT(*) FROM records").await?,
            roster: count("SELECT COUNT(*) FROM roster").await?,
        })
    })
}

pub struct AccountRow<'a> {
    pub id: String,
    pub nip: &'a str,
    pub name: &'a str,
    pub unit_id: &'a str,
    pub created_at: String,
    pub roles: &'a [Role],
}

pub struct RecordRow {
    pub id: String,
    pub account_id: String,
    pub kind: &'static str,
    pub created_at: String,
    pub received_at: String,
    pub payload: String,
    pub content_hash: String,
    pub server_correct: Option<bool>,
    /// A practice answer's (attempt id, position): its answer slot.
    pub slot: Option<(String, u32)>,
}

/// One connection holding the demo's writes.
pub struct Writer {
    conn: PoolConnection<Sqlite>,
}

impl Writer {
    pub async fn open(db: &SqlitePool) -> Result<Writer, sqlx::Error> {
        let mut conn = db.acquire().await?;
        sqlx::query("PRAGMA synchronous = OFF")
            .execute(&mut *conn)
            .await?;
        Ok(Writer { conn })
    }

    /// Marks the database as demo data, first and on its own: a fill cut short still
    /// leaves a database that says it is a demo.
    pub async fn mark_demo(&mut self, seed: u64, filled_at: &str) -> Result<(), sqlx::Error> {
        sqlx::query(
            "UPDATE instance SET demo = 1, demo_seed = $1, demo_filled_at = $2 WHERE id = 1",
        )
        .bind(seed as i64)
        .bind(filled_at)
        .execute(&mut *self.conn)
        .await?;
        Ok(())
    }

    pub async fn accounts(
        &mut self,
        rows: &[AccountRow<'_>],
        password_hash: &str,
    ) -> Result<(), sqlx::Error> {
        let mut tx = sqlx::Connection::begin(&mut *self.conn).await?;
        for chunk in rows.chunks(ROWS_PER_STATEMENT) {
            let sql = values_sql(
                "INSERT INTO accounts (id, nip, name, unit_id, password_hash, created_at) VALUES ",
                6,
                chunk.len(),
            );
            let mut q = sqlx::query(AssertSqlSafe(sql));
            for a in chunk {
                q = q
                    .bind(&a.id)
                    .bind(a.nip)
                    .bind(a.name)
                    .bind(a.unit_id)
                    .bind(password_hash)
                    .bind(&a.created_at);
            }
            q.execute(&mut *tx).await?;
            let roles: Vec<(&str, &str)> = chunk
                .iter()
                .flat_map(|a| a.roles.iter().map(|r| (a.id.as_str(), r.as_str())))
                .collect();
            for part in roles.chunks(ROWS_PER_STATEMENT) {
                let sql = values_sql(
                    "INSERT INTO account_roles (account_id, role) VALUES ",
                    2,
                    part.len(),
                );
                let mut q = sqlx::query(AssertSqlSafe(sql));
                for (id, role) in part {
                    q = q.bind(*id).bind(*role);
                }
                q.execute(&mut *tx).await?;
            }
        }
        tx.commit().await
    }

    /// Inserts records (and the answer slots of practice answers) in one transaction.
    pub async fn records(&mut self, rows: &[RecordRow]) -> Result<(), sqlx::Error> {
        let mut tx = sqlx::Connection::begin(&mut *self.conn).await?;
        for chunk in rows.chunks(ROWS_PER_STATEMENT) {
            insert_records(&mut tx, chunk).await?;
        }
        tx.commit().await
    }

    /// Back to the server's durability, and the write-ahead log folded into the file (so
    /// its size is the database's size).
    pub async fn finish(mut self) -> Result<(), sqlx::Error> {
        sqlx::query("PRAGMA synchronous = FULL")
            .execute(&mut *self.conn)
            .await?;
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&mut *self.conn)
            .await?;
        Ok(())
    }
}

async fn insert_records(
    conn: &mut SqliteConnection,
    chunk: &[RecordRow],
) -> Result<(), sqlx::Error> {
    let sql = values_sql(
        "INSERT INTO records (id, account_id, kind, created_at, received_at, payload, content_hash, server_correct) VALUES ",
        8,
        chunk.len(),
    );
    let mut q = sqlx::query(AssertSqlSafe(sql));
    for r in chunk {
        q = q
            .bind(&r.id)
            .bind(&r.account_id)
            .bind(r.kind)
            .bind(&r.created_at)
            .bind(&r.received_at)
            .bind(&r.payload)
            .bind(&r.content_hash)
            .bind(r.server_correct);
    }
    q.execute(&mut *conn).await?;
    let slots: Vec<(&RecordRow, &(String, u32))> = chunk
        .iter()
        .filter_map(|r| r.slot.as_ref().map(|s| (r, s)))
        .collect();
    if !slots.is_empty() {
        let sql = values_sql(
            "INSERT INTO answer_slots (account_id, attempt_id, position, record_id) VALUES ",
            4,
            slots.len(),
        );
        let mut q = sqlx::query(AssertSqlSafe(sql));
        for (r, (attempt, position)) in slots {
            q = q
                .bind(&r.account_id)
                .bind(attempt)
                .bind(i64::from(*position))
                .bind(&r.id);
        }
        q.execute(&mut *conn).await?;
    }
    Ok(())
}

/// `prefix` followed by `rows` groups of `columns` numbered parameters (only numbers are
/// added to the fixed prefix: nothing from the data goes into the SQL text).
fn values_sql(prefix: &str, columns: usize, rows: usize) -> String {
    let mut sql = String::with_capacity(prefix.len() + rows * columns * 5);
    sql.push_str(prefix);
    for row in 0..rows {
        if row > 0 {
            sql.push(',');
        }
        sql.push('(');
        for col in 0..columns {
            if col > 0 {
                sql.push(',');
            }
            sql.push_str(&format!("${}", row * columns + col + 1));
        }
        sql.push(')');
    }
    sql
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_numbered_across_rows() {
        assert_eq!(values_sql("X ", 2, 2), "X ($1,$2),($3,$4)");
    }
}
