//! The database: a SQLite file (WAL, foreign keys), migrated at start. The file holds
//! personal data (NIPs, names, answers), so it is created readable by the server's user only.

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
    #[error("cannot create or protect the database file {path}: {source}")]
    File {
        path: String,
        source: std::io::Error,
    },
    #[error("no database at {0}")]
    Missing(String),
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
    make_private(path).map_err(|source| DbError::File {
        path: path.display().to_string(),
        source,
    })?;
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

/// Creates the database file with mode 0600 before SQLite does (SQLite gives its `-wal` and
/// `-shm` files the mode of the database file), and tightens an existing one left readable
/// by others (also its `-wal` and `-shm`).
fn make_private(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)
        {
            Ok(_) => return Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
        for file in [
            path.to_path_buf(),
            sidecar(path, "-wal"),
            sidecar(path, "-shm"),
        ] {
            let Ok(meta) = std::fs::metadata(&file) else {
                continue;
            };
            if meta.permissions().mode() & 0o077 != 0 {
                tracing::warn!(file = %file.display(), "database file was readable by others; now 0600");
                std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600))?;
            }
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// `<db>-wal` and `<db>-shm`, SQLite's companion files.
pub fn sidecar(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    name.into()
}

/// Opens an existing database as it is: no creation, no migration (for `backup`, which may
/// run beside a live server of another version).
pub async fn open_existing(path: &Path) -> Result<Db, DbError> {
    if !path.is_file() {
        return Err(DbError::Missing(path.display().to_string()));
    }
    let options = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(false)
        .busy_timeout(Duration::from_secs(10));
    Ok(SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await?)
}

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0} already exists; choose a new file name (a backup never overwrites one)")]
    Exists(String),
    #[error("cannot create {path}: {source}")]
    Create {
        path: String,
        source: std::io::Error,
    },
    #[error("the copy failed: {0}")]
    Copy(sqlx::Error),
    #[error("the copy does not pass SQLite's check: {0}")]
    Check(String),
}

/// What a backup holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackupSummary {
    pub accounts: i64,
    pub records: i64,
    pub bytes: u64,
}

/// Writes a consistent copy of the live database to a new file `to` (mode 0600) with
/// `VACUUM INTO`: one read transaction, so everything committed before it started is in the
/// copy and nothing half-written is; the server keeps serving meanwhile. The copy is then
/// checked and counted.
pub async fn backup(db: &Db, to: &Path) -> Result<BackupSummary, BackupError> {
    let shown = to.display().to_string();
    if let Some(parent) = to.parent()
        && !parent.as_os_str().is_empty()
    {
        std::fs::create_dir_all(parent).map_err(|source| BackupError::Create {
            path: shown.clone(),
            source,
        })?;
    }
    // VACUUM INTO writes into an existing empty file, keeping its (private) mode.
    let mut create = std::fs::OpenOptions::new();
    create.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut create, 0o600);
    match create.open(to) {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(BackupError::Exists(shown));
        }
        Err(source) => {
            return Err(BackupError::Create {
                path: shown,
                source,
            });
        }
    }
    let copied = sqlx::query("VACUUM INTO $1")
        .bind(to.to_string_lossy().into_owned())
        .execute(db)
        .await;
    if let Err(e) = copied {
        let _ = std::fs::remove_file(to);
        return Err(BackupError::Copy(e));
    }
    let check = async {
        let copy = open_existing(to)
            .await
            .map_err(|e| BackupError::Check(e.to_string()))?;
        let fail = |e: sqlx::Error| BackupError::Check(e.to_string());
        let verdict: String = sqlx::query_scalar("PRAGMA quick_check")
            .fetch_one(&copy)
            .await
            .map_err(fail)?;
        if verdict != "ok" {
            return Err(BackupError::Check(verdict));
        }
        let accounts = sqlx::query_scalar("SELECT COUNT(*) FROM accounts")
            .fetch_one(&copy)
            .await
            .map_err(fail)?;
        let records = sqlx::query_scalar("SELECT COUNT(*) FROM records")
            .fetch_one(&copy)
            .await
            .map_err(fail)?;
        copy.close().await;
        Ok((accounts, records))
    };
    let (accounts, records) = check.await?;
    let bytes = std::fs::metadata(to).map(|m| m.len()).unwrap_or(0);
    Ok(BackupSummary {
        accounts,
        records,
        bytes,
    })
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
