//! The data layer: the only code in the server that speaks SQL. Handlers, commands and the
//! sweeper call methods of [`Store`], grouped by resource (one file each), and get
//! [`StoreError`] back, which `http/error.rs` maps to HTTP.
//!
//! Today the one backend is SQLite. The SQL is written so that PostgreSQL accepts it too
//! (`$n` parameters, `ON CONFLICT … DO NOTHING/UPDATE`, `RETURNING`, no SQLite functions);
//! the few places that only SQLite understands are marked `SQLite:` (opening the file,
//! `BEGIN IMMEDIATE`, `PRAGMA`s, `VACUUM INTO`). A PostgreSQL backend is then one more pool
//! behind `Store` and one more migrations folder, not a rewrite of the callers.

mod accounts;
pub mod answer_rows;
mod backup;
mod bulk;
pub mod competitions;
mod dashboard;
pub mod demo;
pub mod facts;
mod game_reports;
mod live;
mod open;
mod people;
mod personal_data;
mod recognitions;
mod records;
mod roster;
mod sessions;
mod units;

pub use accounts::{AccountRow, NewAccount, Released};
pub use backup::BackupSummary;
pub use competitions::{AttemptRow, CompetitionRow, NewAttempt};
pub use dashboard::{PracticeTally, StoredAnswers, UnitResponse};
pub use live::{GameRow, NewGame, QuizSetOwner, QuizSetRow};
pub use open::{BUSY_TIMEOUT, sidecar};
pub use people::PeopleQuery;
pub use personal_data::{AccountData, Erased, GameData, PersonalData, QuizSetData, SessionData};
pub use records::Judging;
pub use roster::Admission;

use sqlx::SqlitePool;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// A handle on the database (cheap to clone: a pool inside).
#[derive(Clone, Debug)]
pub struct Store {
    pool: SqlitePool,
    /// Moves on whenever the dashboard facts change (records stored, an account erased,
    /// facts rebuilt): a figure computed at one generation is current while it stays.
    facts_generation: Arc<AtomicU64>,
    /// Moves on whenever the unit tree changes (`units_cache.rs` reads the units again).
    units_generation: Arc<AtomicU64>,
}

/// Every way the data layer fails. Database errors carry the driver's error: it is logged,
/// never shown (see `http/error.rs`).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("NIP already registered")]
    NipTaken,
    #[error("no account with this NIP")]
    NoSuchAccount,
    #[error("no such unit")]
    NoSuchUnit,
    #[error("a unit with this id exists already")]
    UnitExists,
    #[error("a unit cannot move under itself or one of its own sub-units")]
    UnitCycle,
    #[error("the unit still has members")]
    UnitHasMembers,
    #[error("the unit still has active sub-units")]
    UnitHasSubunits,
    #[error("this would remove the last admin")]
    LastAdmin,
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
    #[error("cannot migrate the database: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("{0} already exists; choose a new file name (a backup never overwrites one)")]
    BackupExists(String),
    #[error("cannot create {path}: {source}")]
    BackupCreate {
        path: String,
        source: std::io::Error,
    },
    #[error("the copy failed: {0}")]
    BackupCopy(sqlx::Error),
    #[error("the copy does not pass SQLite's check: {0}")]
    BackupCheck(String),
    #[error("stored data is unreadable: {0}")]
    Corrupt(String),
    #[error("no randomness for a token: {0}")]
    Random(#[from] getrandom::Error),
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
}

impl StoreError {
    /// The database was busy or locked past its timeout, or no pooled connection came in
    /// time: nothing was stored and the request can simply be retried.
    pub fn is_busy(&self) -> bool {
        match self {
            StoreError::Db(sqlx::Error::PoolTimedOut) => true,
            // SQLite: SQLITE_BUSY (5) and SQLITE_LOCKED (6), any extended code.
            StoreError::Db(sqlx::Error::Database(db)) => db
                .code()
                .and_then(|c| c.parse::<i32>().ok())
                .is_some_and(|c| matches!(c & 0xff, 5 | 6)),
            _ => false,
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

impl Store {
    /// A store over an open pool (tests and benchmarks build their own).
    pub fn from_pool(pool: SqlitePool) -> Store {
        Store {
            pool,
            facts_generation: Arc::new(AtomicU64::new(0)),
            units_generation: Arc::new(AtomicU64::new(0)),
        }
    }

    /// The pool underneath. SQLite: for tests that look at the tables directly.
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// The current generation of the dashboard facts (see [`Store::facts_changed`]).
    pub fn facts_generation(&self) -> u64 {
        self.facts_generation.load(Ordering::Acquire)
    }

    /// Called after a commit that changed the facts.
    pub(crate) fn facts_changed(&self) {
        self.facts_generation.fetch_add(1, Ordering::AcqRel);
    }

    /// The current generation of the unit tree (see [`Store::units_changed`]).
    pub fn units_generation(&self) -> u64 {
        self.units_generation.load(Ordering::Acquire)
    }

    /// After a committed change of the unit tree: the dashboards' and the unit list's
    /// copies are stale.
    pub(crate) fn units_changed(&self) {
        self.units_generation.fetch_add(1, Ordering::AcqRel);
        self.facts_changed();
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// Whether the database answers (the health check).
    pub async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }
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
