//! SQLite: opening the database file (WAL, foreign keys, FULL sync), migrated at start. The
//! file holds personal data (NIPs, names, answers), so it is created readable by the
//! server's user only.

use super::{Result, Store, StoreError};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::path::Path;
use std::time::Duration;

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

async fn open_with(path: &Path, busy_timeout: Duration) -> Result<Store> {
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

async fn open_existing(path: &Path) -> Result<Store> {
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
