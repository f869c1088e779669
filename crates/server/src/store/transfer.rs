//! `resapi-server migrate-to-postgres`: moves a SQLite installation into an empty PostgreSQL
//! database, every table row for row (accounts with their password hashes, sessions,
//! records with their `seq`, so phones' cursors stay valid, facts, games, competitions), in
//! one PostgreSQL transaction, then checks counts and a checksum of the records on both
//! sides (docs/database.md, "Moving to PostgreSQL").

use super::{Pool, Result, Store, StoreError};
use sha2::{Digest, Sha256};
use sqlx::{AssertSqlSafe, PgPool, QueryBuilder, Row, SqlitePool};
use std::collections::HashMap;

/// Every table of the schema, parents before the tables that refer to them. A table this
/// list does not know stops the move (a new migration must add it here).
pub const TABLES: &[&str] = &[
    "units",
    "accounts",
    "account_roles",
    "sessions",
    "roster",
    "records",
    "answer_slots",
    "instance",
    "fact_state",
    "fact_layouts",
    "fact_responses",
    "fact_practice",
    "fact_practice_people",
    "fact_activity",
    "live_quiz_sets",
    "live_games",
    "competitions",
    "competition_downloads",
    "competition_attempts",
    "competition_refusals",
    "recognitions",
];

/// Tables made with their one row by the migrations; replaced by the source's row.
const SINGLE_ROW: &[&str] = &["instance", "fact_state"];

/// Rows read and written per statement (PostgreSQL takes at most 65,535 parameters; the
/// widest table has 16 columns).
const ROWS_PER_STATEMENT: usize = 2000;

/// What was moved: rows per table (equal on both sides) and the records' checksum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moved {
    pub rows: Vec<(String, i64)>,
    pub records_checksum: String,
}

/// One value, typed by the PostgreSQL column it goes to.
enum Value {
    Int(Option<i64>),
    Text(Option<String>),
    Bool(Option<bool>),
    Bytes(Option<Vec<u8>>),
}

#[derive(Clone, Copy)]
enum Kind {
    Int,
    Text,
    Bool,
    Bytes,
}

impl Store {
    /// Copies this SQLite store into `target`, an empty PostgreSQL store at the same
    /// schema version (both opened with [`Store::open`], so both are migrated).
    pub async fn copy_into_postgres(&self, target: &Store) -> Result<Moved> {
        let (Pool::Sqlite(from), Pool::Postgres(to)) = (&self.pool, &target.pool) else {
            return Err(StoreError::Transfer(
                "--from must be a SQLite file and --to a postgres:// URL".into(),
            ));
        };
        check_tables(from).await?;
        refuse_unless_empty(to).await?;
        let mut tx = to.begin().await?;
        for table in TABLES {
            if SINGLE_ROW.contains(table) {
                sqlx::query(AssertSqlSafe(format!("DELETE FROM {table}")))
                    .execute(&mut *tx)
                    .await?;
            }
            let columns = pg_columns(to, table).await?;
            copy_table(from, &mut tx, table, &columns).await?;
        }
        // The next record and layout continue after the moved ones.
        for (table, column) in [("records", "seq"), ("fact_layouts", "id")] {
            sqlx::query(AssertSqlSafe(format!(
                "SELECT setval(pg_get_serial_sequence('{table}', '{column}'), \
                 COALESCE((SELECT MAX({column}) FROM {table}), 0) + 1, false)"
            )))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        target.facts_changed().await;
        target.units_changed().await;
        let before = self.contents().await?;
        let after = target.contents().await?;
        if before != after {
            return Err(StoreError::Transfer(format!(
                "the copy differs from the source: {before:?} against {after:?}"
            )));
        }
        Ok(after)
    }

    /// Rows per table and the records' checksum (for comparing two databases).
    pub async fn contents(&self) -> Result<Moved> {
        let mut rows = Vec::with_capacity(TABLES.len());
        for table in TABLES {
            let sql = format!("SELECT COUNT(*) FROM {table}");
            let n: i64 = super::on_pool!(&self.pool, pool => {
                sqlx::query_scalar(AssertSqlSafe(sql)).fetch_one(pool).await?
            });
            rows.push(((*table).to_owned(), n));
        }
        Ok(Moved {
            rows,
            records_checksum: self.records_checksum().await?,
        })
    }

    /// SHA-256 over every record (seq, id, owner, kind, times, payload, content hash and
    /// the server's judgement), in `seq` order.
    pub async fn records_checksum(&self) -> Result<String> {
        let mut hash = Sha256::new();
        let mut since = 0i64;
        loop {
            let rows: Vec<ChecksumRow> = super::on_pool!(&self.pool, pool => {
                sqlx::query_as(
                    "SELECT seq, id, account_id, kind, created_at, received_at, payload, \
                     content_hash, server_correct FROM records WHERE seq > $1 ORDER BY seq LIMIT 5000",
                )
                .bind(since)
                .fetch_all(pool)
                .await?
            });
            let Some(last) = rows.last() else { break };
            since = last.0;
            for (seq, id, account, kind, created, received, payload, content_hash, judged) in rows {
                let judged = match judged {
                    None => "-",
                    Some(true) => "1",
                    Some(false) => "0",
                };
                for field in [
                    seq.to_string().as_str(),
                    &id,
                    &account,
                    &kind,
                    &created,
                    &received,
                    &payload,
                    &content_hash,
                    judged,
                ] {
                    hash.update(field.as_bytes());
                    hash.update([0u8]);
                }
            }
        }
        Ok(hash.finalize().iter().map(|b| format!("{b:02x}")).collect())
    }
}

type ChecksumRow = (
    i64,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    Option<bool>,
);

/// Every table of the SQLite file must be one this move knows.
async fn check_tables(from: &SqlitePool) -> Result<()> {
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' \
         AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations'",
    )
    .fetch_all(from)
    .await?;
    let unknown: Vec<&String> = names
        .iter()
        .filter(|n| !TABLES.contains(&n.as_str()))
        .collect();
    if !unknown.is_empty() {
        return Err(StoreError::Transfer(format!(
            "tables this release cannot move: {unknown:?}"
        )));
    }
    Ok(())
}

/// The target holds nothing yet (its migrations' single rows aside).
async fn refuse_unless_empty(to: &PgPool) -> Result<()> {
    for table in TABLES.iter().filter(|t| !SINGLE_ROW.contains(t)) {
        let n: i64 = sqlx::query_scalar(AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
            .fetch_one(to)
            .await?;
        if n > 0 {
            return Err(StoreError::Transfer(format!(
                "the PostgreSQL database is not empty ({table} has {n} row(s)); \
                 move into a new, empty database"
            )));
        }
    }
    Ok(())
}

/// The columns of a PostgreSQL table with the kind of value each takes.
async fn pg_columns(to: &PgPool, table: &str) -> Result<Vec<(String, Kind)>> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT column_name::text, data_type::text FROM information_schema.columns \
         WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
    )
    .bind(table)
    .fetch_all(to)
    .await?;
    rows.into_iter()
        .map(|(name, ty)| {
            let kind = match ty.as_str() {
                "bigint" | "integer" => Kind::Int,
                "text" => Kind::Text,
                "boolean" => Kind::Bool,
                "bytea" => Kind::Bytes,
                other => {
                    return Err(StoreError::Transfer(format!(
                        "{table}.{name}: column type {other} is not known to the move"
                    )));
                }
            };
            Ok((name, kind))
        })
        .collect()
}

/// Copies one table, in `rowid` order, a chunk of rows per statement.
async fn copy_table(
    from: &SqlitePool,
    to: &mut sqlx::PgConnection,
    table: &str,
    columns: &[(String, Kind)],
) -> Result<()> {
    let names: Vec<&str> = columns.iter().map(|(n, _)| n.as_str()).collect();
    let list = names.join(", ");
    let mut since = i64::MIN;
    loop {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT rowid, {list} FROM {table} WHERE rowid > $1 ORDER BY rowid LIMIT {ROWS_PER_STATEMENT}"
        )))
        .bind(since)
        .fetch_all(from)
        .await?;
        let Some(last) = rows.last() else { break };
        since = last.try_get(0)?;
        let mut values: Vec<Vec<Value>> = Vec::with_capacity(rows.len());
        for row in &rows {
            let mut out = Vec::with_capacity(columns.len());
            for (i, (_, kind)) in columns.iter().enumerate() {
                let at = i + 1;
                out.push(match kind {
                    Kind::Int => Value::Int(row.try_get(at)?),
                    Kind::Text => Value::Text(row.try_get(at)?),
                    // SQLite keeps a judgement as 1/0.
                    Kind::Bool => Value::Bool(row.try_get::<Option<i64>, _>(at)?.map(|v| v != 0)),
                    Kind::Bytes => Value::Bytes(row.try_get(at)?),
                });
            }
            values.push(out);
        }
        let mut qb: QueryBuilder<sqlx::Postgres> =
            QueryBuilder::new(format!("INSERT INTO {table} ({list}) "));
        qb.push_values(values, |mut b, row| {
            for value in row {
                match value {
                    Value::Int(v) => b.push_bind(v),
                    Value::Text(v) => b.push_bind(v),
                    Value::Bool(v) => b.push_bind(v),
                    Value::Bytes(v) => b.push_bind(v),
                };
            }
        });
        qb.build().execute(&mut *to).await?;
    }
    Ok(())
}

/// Rows per table, for the command's report.
pub fn summary(moved: &Moved) -> String {
    let counts: HashMap<&str, i64> = moved.rows.iter().map(|(t, n)| (t.as_str(), *n)).collect();
    format!(
        "{} account(s), {} session(s), {} record(s), {} unit(s); records checksum {}",
        counts.get("accounts").copied().unwrap_or(0),
        counts.get("sessions").copied().unwrap_or(0),
        counts.get("records").copied().unwrap_or(0),
        counts.get("units").copied().unwrap_or(0),
        moved.records_checksum
    )
}
