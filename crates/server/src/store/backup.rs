//! SQLite: a consistent copy of the live database (`resapi-server backup`).

use super::{Result, Store, StoreError};
use std::path::Path;

/// What a backup holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackupSummary {
    pub accounts: i64,
    pub records: i64,
    pub bytes: u64,
}

impl Store {
    /// Writes a consistent copy of the live database to a new file `to` (mode 0600) with
    /// `VACUUM INTO`: one read transaction, so everything committed before it started is in the
    /// copy and nothing half-written is; the server keeps serving meanwhile. The copy is then
    /// checked and counted.
    pub async fn backup(&self, to: &Path) -> Result<BackupSummary> {
        // PostgreSQL has its own tools (pg_dump, base backups: docs/database.md).
        let Some(pool) = self.sqlite() else {
            return Err(StoreError::SqliteOnly("backup"));
        };
        let shown = to.display().to_string();
        if let Some(parent) = to.parent()
            && !parent.as_os_str().is_empty()
        {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::BackupCreate {
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
                return Err(StoreError::BackupExists(shown));
            }
            Err(source) => {
                return Err(StoreError::BackupCreate {
                    path: shown,
                    source,
                });
            }
        }
        let copied = sqlx::query("VACUUM INTO $1")
            .bind(to.to_string_lossy().into_owned())
            .execute(pool)
            .await;
        if let Err(e) = copied {
            let _ = std::fs::remove_file(to);
            return Err(StoreError::BackupCopy(e));
        }
        let check = async {
            let copy = Store::open_existing(to)
                .await
                .map_err(|e| StoreError::BackupCheck(e.to_string()))?;
            let fail = |e: sqlx::Error| StoreError::BackupCheck(e.to_string());
            let Some(copy_pool) = copy.sqlite() else {
                return Err(StoreError::SqliteOnly("backup"));
            };
            let verdict: String = sqlx::query_scalar("PRAGMA quick_check")
                .fetch_one(copy_pool)
                .await
                .map_err(fail)?;
            if verdict != "ok" {
                return Err(StoreError::BackupCheck(verdict));
            }
            let accounts = sqlx::query_scalar("SELECT COUNT(*) FROM accounts")
                .fetch_one(copy_pool)
                .await
                .map_err(fail)?;
            let records = sqlx::query_scalar("SELECT COUNT(*) FROM records")
                .fetch_one(copy_pool)
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
}
