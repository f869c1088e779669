//! Opening the database named by `--db` / `RESAPI_DB`, migrated at start: a
//! `postgres://` (or `postgresql://`) URL is PostgreSQL, anything else a SQLite file (a path,
//! or `sqlite:` and a path). SQLite: WAL, foreign keys, FULL sync; the file holds personal
//! data (NIPs, names, answers), so it is created readable by the server's user only.
//!
//! Both backends refuse to start on a database migrated by a newer binary: sqlx's migrator
//! fails with `VersionMissing` when the database has a version this binary does not know.

use super::{Pool, Result, Store, StoreError};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

/// Where the database is, as `--db` names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    Sqlite(PathBuf),
    Postgres(String),
}

impl Location {
    pub fn parse(db: &Path) -> Location {
        let text = db.to_string_lossy();
        if text.starts_with("postgres://") || text.starts_with("postgresql://") {
            return Location::Postgres(text.into_owned());
        }
        match text.strip_prefix("sqlite:") {
            Some(rest) => Location::Sqlite(PathBuf::from(rest.strip_prefix("//").unwrap_or(rest))),
            None => Location::Sqlite(db.to_path_buf()),
        }
    }
}

/// Connections per server process to PostgreSQL (several processes share one server).
const PG_CONNECTIONS: u32 = 16;

/// How long a statement waits for SQLite's write lock before failing `busy` (503): long
/// enough for any batch ahead in the queue, short enough to answer before a client gives up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

impl Store {
    /// Opens (creating if missing) and migrates the database file.
    pub async fn open(path: &Path) -> Result<Store> {
        Store::open_with(path, BUSY_TIMEOUT).await
    }

    /// [`Store::open`] with another busy timeout (`serve --busy-timeout-ms`; tests use a
    /// short one).
    pub async fn open_with(path: &Path, busy_timeout: Duration) -> Result<Store> {
        open_with(path, busy_timeout).await
    }

    /// Opens an existing database as it is: no creation, no migration (for `backup`, which
    /// may run beside a live server of another version).
    pub async fn open_existing(path: &Path) -> Result<Store> {
        open_existing(path).await
    }
}

async fn open_with(db: &Path, busy_timeout: Duration) -> Result<Store> {
    let path = match Location::parse(db) {
        Location::Postgres(url) => return open_postgres(&url, busy_timeout, true).await,
        Location::Sqlite(path) => path,
    };
    let path = path.as_path();
    if let Some(parent) = path.parent()
        && !parent.as_os_str().is_empty()
    {
        std::fs::create_dir_all(parent).map_err(|source| StoreError::Folder {
            path: parent.display().to_string(),
            source,
        })?;
    }
    make_private(path).map_err(|source| StoreError::File {
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
    Ok(Store::from_pool(pool))
}

/// PostgreSQL: a pool whose statements wait at most `busy_timeout` for a lock (then fail
/// `busy`, 503, as SQLite's busy timeout does), migrated when `migrate` (several processes
/// may start at once: sqlx's migrator holds an advisory lock while it runs).
async fn open_postgres(url: &str, busy_timeout: Duration, migrate: bool) -> Result<Store> {
    let options = PgConnectOptions::from_str(url)?.options([(
        "lock_timeout",
        format!("{}ms", busy_timeout.as_millis().max(1)),
    )]);
    let pool = PgPoolOptions::new()
        .max_connections(PG_CONNECTIONS)
        .acquire_timeout(busy_timeout.max(Duration::from_secs(1)))
        .connect_with(options)
        .await?;
    if migrate && let Err(e) = sqlx::migrate!("./migrations/postgres").run(&pool).await {
        // A failed run keeps the migrator's advisory lock on its connection: close the
        // pool so that another process (or a retry) is not left waiting for it.
        pool.close().await;
        return Err(e.into());
    }
    Ok(Store::over(Pool::Postgres(pool)))
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

async fn open_existing(db: &Path) -> Result<Store> {
    let path = match Location::parse(db) {
        Location::Postgres(url) => return open_postgres(&url, BUSY_TIMEOUT, false).await,
        Location::Sqlite(path) => path,
    };
    let path = path.as_path();
    if !path.is_file() {
        return Err(StoreError::Missing(path.display().to_string()));
    }
    let options = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(false)
        .busy_timeout(Duration::from_secs(10));
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await?;
    Ok(Store::from_pool(pool))
}
