//! The data layer: the only code in the server that speaks SQL. Handlers, commands and the
//! sweeper call methods of [`Store`], grouped by resource (one file each), and get
//! [`StoreError`] back, which `http/error.rs` maps to HTTP.
//!
//! Two backends: SQLite (the default, one file) and PostgreSQL (docs/database.md). The SQL
//! is written so that both accept it (`$n` parameters, `ON CONFLICT … DO NOTHING/UPDATE`,
//! `RETURNING`, no SQLite functions); the few places that only SQLite understands are marked
//! `SQLite:` (opening the file, `BEGIN IMMEDIATE`, `PRAGMA`s, `VACUUM INTO`), PostgreSQL's
//! own ones `PostgreSQL:`.
//!
//! A method's body is written once and compiled once per backend by [`on_pool!`] (and
//! [`on_conn!`] for helpers that run inside a transaction): each backend gets sqlx's own
//! typed driver, with no dynamic dispatch per statement or per value (sqlx's `Any` would
//! convert every argument and row), so the SQLite path runs the same code as before.

mod accounts;
pub mod answer_rows;
mod backup;
mod bulk;
pub mod competitions;
mod dashboard;
pub mod demo;
pub mod facts;
mod game_reports;
mod group_commit;
mod live;
mod open;
mod people;
mod personal_data;
mod recognitions;
mod records;
mod roster;
mod sessions;
pub mod transfer;
mod units;

pub use accounts::{AccountRow, NewAccount, Released};
pub use backup::BackupSummary;
pub use competitions::{AttemptRow, CompetitionRow, NewAttempt};
pub use dashboard::{PracticeTally, StoredAnswers, UnitResponse};
pub use live::{GameRow, NewGame, QuizSetOwner, QuizSetRow};
pub use open::{BUSY_TIMEOUT, Location, sidecar};
pub use people::PeopleQuery;
pub use personal_data::{AccountData, Erased, GameData, PersonalData, QuizSetData, SessionData};
pub use records::Judging;
pub use roster::Admission;

use sqlx::{PgConnection, PgPool, SqliteConnection, SqlitePool};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// The connection pool of one backend.
#[derive(Clone, Debug)]
pub enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// One connection (inside a transaction) of either backend, for helpers that take part in a
/// caller's transaction. Made with `Conn::from(&mut *tx)`.
pub(crate) enum Conn<'a> {
    Sqlite(&'a mut SqliteConnection),
    Postgres(&'a mut PgConnection),
}

impl<'a> From<&'a mut SqliteConnection> for Conn<'a> {
    fn from(c: &'a mut SqliteConnection) -> Self {
        Conn::Sqlite(c)
    }
}

impl<'a> From<&'a mut PgConnection> for Conn<'a> {
    fn from(c: &'a mut PgConnection) -> Self {
        Conn::Postgres(c)
    }
}

/// What the two backends say differently; used inside [`on_pool!`] / [`on_conn!`] bodies as
/// `<Db as Backend>::…`.
pub(crate) trait Backend {
    /// Starts any transaction that writes (never `pool.begin()`). SQLite: `BEGIN IMMEDIATE`
    /// takes the one write lock first, so writers run one after the other; a deferred
    /// transaction that reads before it writes would instead fail busy at once when another
    /// writer got in between (no busy timeout applies). PostgreSQL: a plain `BEGIN`; a
    /// writer of records then locks the rows of their accounts ([`lock_accounts`]).
    const BEGIN_WRITE: &'static str;
    /// Appended to a read inside a transaction whose rows must not be deleted before it
    /// commits (SQLite: the write lock already guarantees it).
    const FOR_SHARE: &'static str;
    /// Breaks ties between rows of the same millisecond in insertion order.
    const INSERTION_ORDER: &'static str;
}

impl Backend for sqlx::Sqlite {
    const BEGIN_WRITE: &'static str = "BEGIN IMMEDIATE";
    const FOR_SHARE: &'static str = "";
    const INSERTION_ORDER: &'static str = "rowid";
}

impl Backend for sqlx::Postgres {
    const BEGIN_WRITE: &'static str = "BEGIN";
    const FOR_SHARE: &'static str = " FOR SHARE";
    const INSERTION_ORDER: &'static str = "created_at";
}

/// PostgreSQL: locks the accounts' rows until the transaction ends, in id order (two
/// writers never wait for each other in a cycle). Every transaction that inserts records
/// holds the lock of each account it inserts for, so an account's records get their `seq`
/// in commit order: the `me/records` cursor never skips a record committed later with a
/// smaller `seq` (docs/database.md, "The records cursor"). SQLite: nothing to do, the
/// transaction holds the database's one write lock.
pub(crate) async fn lock_accounts(conn: &mut Conn<'_>, ids: &[String]) -> Result<()> {
    if let Conn::Postgres(c) = conn {
        let mut ids = ids.to_vec();
        ids.sort();
        ids.dedup();
        sqlx::query("SELECT id FROM accounts WHERE id = ANY($1) ORDER BY id FOR UPDATE")
            .bind(ids)
            .execute(&mut **c)
            .await?;
    }
    Ok(())
}

/// `on_pool!(store, pool => body)`: `body` once per backend, with `pool` the backend's
/// pool (`&SqlitePool` or `&PgPool`) and the type alias `Db` its database type.
macro_rules! on_pool {
    ($pool:expr, $p:ident => $body:expr) => {
        match $pool {
            $crate::store::Pool::Sqlite($p) => {
                #[allow(dead_code)]
                type Db = sqlx::Sqlite;
                $body
            }
            $crate::store::Pool::Postgres($p) => {
                #[allow(dead_code)]
                type Db = sqlx::Postgres;
                $body
            }
        }
    };
}
pub(crate) use on_pool;

/// `on_conn!(conn, c => body)`: `body` once per backend, with `c` the backend's connection
/// (`&mut SqliteConnection` or `&mut PgConnection`) taken from a `&mut Conn`.
macro_rules! on_conn {
    ($conn:expr, $c:ident => $body:expr) => {
        match $conn {
            $crate::store::Conn::Sqlite($c) => {
                #[allow(dead_code)]
                type Db = sqlx::Sqlite;
                let $c: &mut sqlx::SqliteConnection = &mut **$c;
                $body
            }
            $crate::store::Conn::Postgres($c) => {
                #[allow(dead_code)]
                type Db = sqlx::Postgres;
                let $c: &mut sqlx::PgConnection = &mut **$c;
                $body
            }
        }
    };
}
pub(crate) use on_conn;

/// A handle on the database (cheap to clone: a pool inside).
#[derive(Clone, Debug)]
pub struct Store {
    pool: Pool,
    /// Moves on whenever the dashboard facts change (records stored, an account erased,
    /// facts rebuilt): a figure computed at one generation is current while it stays.
    facts_generation: Arc<AtomicU64>,
    /// Moves on whenever the unit tree changes (`units_cache.rs` reads the units again).
    units_generation: Arc<AtomicU64>,
    /// SQLite's syncs take turns here before asking for the write lock (see
    /// [`Store::sqlite_write_turn`]).
    write_turn: Arc<tokio::sync::Mutex<()>>,
    /// SQLite's syncs waiting for the write turn (`group_commit.rs`).
    write_queue: Arc<group_commit::WriteQueue>,
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
    #[error(
        "`{0}` works on a SQLite database only; on PostgreSQL use its own tools (docs/database.md)"
    )]
    SqliteOnly(&'static str),
    #[error("cannot move the database: {0}")]
    Transfer(String),
    #[error("stored data is unreadable: {0}")]
    Corrupt(String),
    #[error("no randomness for a token: {0}")]
    Random(#[from] getrandom::Error),
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    /// A sync batch written with others (SQLite's group commit) whose group failed.
    #[error("the group of sync batches was not written: {message}")]
    GroupNotWritten { busy: bool, message: String },
}

impl StoreError {
    /// The database was busy or locked past its timeout, or no pooled connection came in
    /// time: nothing was stored and the request can simply be retried.
    pub fn is_busy(&self) -> bool {
        match self {
            StoreError::GroupNotWritten { busy, .. } => *busy,
            StoreError::Db(sqlx::Error::PoolTimedOut) => true,
            StoreError::Db(sqlx::Error::Database(db)) => {
                if let Some(pg) = db.try_downcast_ref::<sqlx::postgres::PgDatabaseError>() {
                    // PostgreSQL: serialization failure, deadlock, lock or statement timeout.
                    matches!(pg.code(), "40001" | "40P01" | "55P03" | "57014")
                } else {
                    // SQLite: SQLITE_BUSY (5) and SQLITE_LOCKED (6), any extended code.
                    db.code()
                        .and_then(|c| c.parse::<i32>().ok())
                        .is_some_and(|c| matches!(c & 0xff, 5 | 6))
                }
            }
            _ => false,
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

impl Store {
    /// A store over an open SQLite pool (tests and benchmarks build their own).
    pub fn from_pool(pool: SqlitePool) -> Store {
        Store::over(Pool::Sqlite(pool))
    }

    /// On SQLite, this process's turn to write records; `None` on PostgreSQL, whose writers
    /// run side by side. SQLite has one write lock, and a connection that finds it taken
    /// sleeps and polls (1, 2, 5 … up to 100 ms between tries), so with many syncs waiting
    /// the lock goes to whoever polls at the right moment: the ingest benchmark saw a p95
    /// of 340 ms with eight batches in flight and a median of 15 ms. Waiting here instead is
    /// first come, first served, and the lock is free when the turn comes (other processes
    /// on the file, such as admin commands, still meet the busy timeout).
    pub(crate) async fn sqlite_write_turn(&self) -> Option<tokio::sync::MutexGuard<'_, ()>> {
        match self.pool {
            Pool::Sqlite(_) => Some(self.write_turn.lock().await),
            Pool::Postgres(_) => None,
        }
    }

    /// A store over an open pool of either backend.
    pub fn over(pool: Pool) -> Store {
        Store {
            pool,
            facts_generation: Arc::new(AtomicU64::new(0)),
            units_generation: Arc::new(AtomicU64::new(0)),
            write_turn: Arc::new(tokio::sync::Mutex::new(())),
            write_queue: Arc::default(),
        }
    }

    /// The pool underneath (tests look at the tables directly).
    pub fn pool(&self) -> &Pool {
        &self.pool
    }

    /// The SQLite pool, when this store is SQLite (the file's own commands: backup, demo).
    pub fn sqlite(&self) -> Option<&SqlitePool> {
        match &self.pool {
            Pool::Sqlite(pool) => Some(pool),
            Pool::Postgres(_) => None,
        }
    }

    /// Whether the store is PostgreSQL.
    pub fn is_postgres(&self) -> bool {
        matches!(self.pool, Pool::Postgres(_))
    }

    /// The current generation of the dashboard facts (see [`Store::facts_changed`]).
    /// PostgreSQL: the `facts_changes` sequence, which every process moves on, so a
    /// dashboard cached by one process is not served after another process's write.
    pub async fn facts_generation(&self) -> u64 {
        let local = self.facts_generation.load(Ordering::Acquire);
        let Pool::Postgres(pool) = &self.pool else {
            return local;
        };
        match sqlx::query_scalar::<_, i64>(
            // Not yet called: 0 (a new sequence shows its first value before handing it out).
            "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM facts_changes",
        )
        .fetch_one(pool)
        .await
        {
            Ok(shared) => shared as u64,
            Err(e) => {
                // Unreadable: a generation no cache entry has, so nothing stale is served.
                tracing::warn!(error = %e, "cannot read the shared facts generation");
                u64::MAX - local
            }
        }
    }

    /// Called after a commit that changed the facts (PostgreSQL: also for the other
    /// processes on the database).
    pub(crate) async fn facts_changed(&self) {
        self.facts_generation.fetch_add(1, Ordering::AcqRel);
        if let Pool::Postgres(pool) = &self.pool
            && let Err(e) = sqlx::query("SELECT nextval('facts_changes')")
                .execute(pool)
                .await
        {
            tracing::warn!(error = %e, "cannot move the shared facts generation on");
        }
    }

    /// The current generation of the unit tree (see [`Store::units_changed`]).
    pub fn units_generation(&self) -> u64 {
        self.units_generation.load(Ordering::Acquire)
    }

    /// After a committed change of the unit tree: the dashboards' and the unit list's
    /// copies are stale.
    pub(crate) async fn units_changed(&self) {
        self.units_generation.fetch_add(1, Ordering::AcqRel);
        self.facts_changed().await;
    }

    pub async fn close(&self) {
        on_pool!(&self.pool, pool => pool.close().await)
    }

    /// Whether the database answers (the health check).
    pub async fn ping(&self) -> Result<()> {
        on_pool!(&self.pool, pool => sqlx::query("SELECT 1").execute(pool).await.map(|_| ()))?;
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
