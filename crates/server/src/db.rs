//! The database: a SQLite file (WAL, foreign keys), migrated at start.

use resapi_core::content::Unit;
use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::path::Path;
use std::time::Duration;

pub type Db = SqlitePool;

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("cannot create the database folder {path}: {source}")]
    Folder {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot open the database: {0}")]
    Open(#[from] sqlx::Error),
    #[error("cannot migrate the database: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

/// How long a statement waits for SQLite's write lock before failing `busy` (503): long
/// enough for any batch ahead in the queue, short enough to answer before a client gives up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Opens (creating if missing) and migrates the database file.
pub async fn connect(path: &Path) -> Result<Db, DbError> {
    connect_with(path, BUSY_TIMEOUT).await
}

/// [`connect`] with another busy timeout (`serve --busy-timeout-ms`; tests use a short one).
pub async fn connect_with(path: &Path, busy_timeout: Duration) -> Result<Db, DbError> {
    if let Some(parent) = path.parent()
        && !parent.as_os_str().is_empty()
    {
        std::fs::create_dir_all(parent).map_err(|source| DbError::Folder {
            path: parent.display().to_string(),
            source,
        })?;
    }
    let options = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        // FULL: an acknowledged record must survive a power cut; the phone deletes its copy.
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .busy_timeout(busy_timeout);
    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(options)
        .await?;
    sqlx::migrate!("./migrations/sqlite").run(&pool).await?;
    Ok(pool)
}

/// Makes the `units` table match the units file: upserts every unit in file order and marks
/// units no longer in the file inactive (accounts may still point at them).
pub async fn sync_units(db: &Db, units: &[Unit]) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
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
    tx.commit().await
}

/// The active units in file order.
pub async fn list_units(db: &Db) -> Result<Vec<Unit>, sqlx::Error> {
    let rows: Vec<(String, String, Option<String>)> = sqlx::query_as(
        "SELECT id, name, parent_id FROM units WHERE active = 1 ORDER BY position, id",
    )
    .fetch_all(db)
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

pub async fn unit_is_active(db: &Db, id: &str) -> Result<bool, sqlx::Error> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT 1 FROM units WHERE id = $1 AND active = 1")
        .bind(id)
        .fetch_optional(db)
        .await?;
    Ok(row.is_some())
}

/// Current time as unix milliseconds (session expiry is compared as an integer).
pub fn unix_ms(t: time::OffsetDateTime) -> i64 {
    (t.unix_timestamp_nanos() / 1_000_000) as i64
}

/// RFC 3339 in UTC, the text form of every stored timestamp. `None` for instants RFC 3339
/// cannot write (years outside 0000–9999), which only a client's clock can produce.
pub fn try_rfc3339(t: time::OffsetDateTime) -> Option<String> {
    // checked_: `to_offset` panics when the shift leaves the supported range.
    t.checked_to_offset(time::UtcOffset::UTC)?
        .format(&time::format_description::well_known::Rfc3339)
        .ok()
}

/// RFC 3339 in UTC of a server-made time (always within range).
pub fn rfc3339(t: time::OffsetDateTime) -> String {
    try_rfc3339(t).unwrap_or_default()
}
