//! What every request handler shares.

use crate::client_addr::TrustedProxies;
use crate::compressed::Compressed;
use crate::content::Content;
use crate::login_limit::LoginLimiter;
use crate::passwords::{self, Passwords};
use crate::store::{self, Store, StoreError};
use axum::body::Bytes;
use resapi_core::aggregate::threshold::MinRespondents;
use resapi_core::content::ContentBundle;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::OnceCell;

/// The content bundle with its JSON written once at start (it never changes while running).
pub struct ServedContent {
    pub bundle: ContentBundle,
    pub json: Bytes,
    /// `"<version>"`, quoted as an HTTP entity tag.
    pub etag: String,
    /// The JSON compressed once, on first demand (None if compressing failed).
    compressed: OnceCell<Option<Compressed>>,
}

impl ServedContent {
    pub fn new(bundle: ContentBundle) -> ServedContent {
        let json = serde_json::to_vec(&bundle).unwrap_or_default();
        let etag = format!("\"{}\"", bundle.version);
        ServedContent {
            bundle,
            json: Bytes::from(json),
            etag,
            compressed: OnceCell::new(),
        }
    }

    pub async fn compressed(&self) -> Option<&Compressed> {
        self.compressed
            .get_or_init(|| async {
                let json = self.json.clone();
                let compressing = tokio::task::spawn_blocking(move || Compressed::of(&json));
                let compressed = compressing.await.map_err(std::io::Error::other);
                compressed
                    .and_then(|result| result)
                    .inspect_err(|e| {
                        // The plain JSON still goes out (compressed on the fly).
                        tracing::error!("compressing the content bundle failed: {e}");
                    })
                    .ok()
            })
            .await
            .as_ref()
    }
}

#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub content: Arc<ServedContent>,
    pub passwords: Passwords,
    pub login_limiter: Arc<LoginLimiter>,
    /// Reverse proxies whose `X-Forwarded-For` names the client (`--trusted-proxy`).
    pub trusted_proxies: Arc<TrustedProxies>,
    /// The built web app (trunk's `dist/`).
    pub dist: Arc<PathBuf>,
    /// The anonymity threshold of unit figures (docs/anonymity.md; never below 5).
    pub k: MinRespondents,
    /// Dashboards computed since the data last changed.
    pub dashboards: Arc<crate::dashboard::cache::DashboardCache>,
    /// Today, for questionnaire figures that wait for their period's end.
    pub clock: crate::clock::Clock,
    /// The running live quizzes (docs/live-quiz.md).
    pub live: Arc<crate::live::Live>,
    /// The active units, read again when the unit tree changes (guests' joins, `GET /units`).
    pub units: Arc<crate::units_cache::UnitsCache>,
    /// The competition pool with the values: competitions draw and grade from it; its keys
    /// never leave the server before publication (docs/competitions.md).
    pub pool: Arc<ContentBundle>,
    /// Published competition results, parsed once.
    pub published: Arc<crate::competition::mine::Published>,
    /// Competition attempts per account (docs/competitions.md "Limits").
    pub attempt_limit: Arc<crate::window_limit::WindowLimiter>,
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("content has {} problem(s):\n  {}", .0.len(), .0.join("\n  "))]
    Content(Vec<String>),
    #[error(transparent)]
    Db(StoreError),
    #[error("cannot store the units: {0}")]
    Units(StoreError),
    #[error("cannot prune expired sessions: {0}")]
    Sessions(StoreError),
}

impl AppState {
    /// Loads and validates content, opens and migrates the database, and upserts the units.
    pub async fn open(
        db_path: &Path,
        content_dir: &Path,
        dist: &Path,
    ) -> Result<AppState, StartError> {
        AppState::open_with(db_path, content_dir, dist, store::BUSY_TIMEOUT).await
    }

    /// [`AppState::open`] with the database's busy timeout.
    pub async fn open_with(
        db_path: &Path,
        content_dir: &Path,
        dist: &Path,
        busy_timeout: std::time::Duration,
    ) -> Result<AppState, StartError> {
        let Content {
            bundle,
            units,
            pool,
        } = crate::content::load(content_dir).map_err(StartError::Content)?;
        let store = Store::open_with(db_path, busy_timeout)
            .await
            .map_err(StartError::Db)?;
        store.sync_units(&units).await.map_err(StartError::Units)?;
        store
            .build_facts_if_needed(&bundle)
            .await
            .map_err(StartError::Db)?;
        let pruned = store.prune_sessions().await.map_err(StartError::Sessions)?;
        if pruned > 0 {
            tracing::info!(pruned, "expired or revoked sessions deleted");
        }
        Ok(AppState::new(store, bundle, dist.to_path_buf()).with_pool(pool))
    }

    pub fn new(store: Store, bundle: ContentBundle, dist: PathBuf) -> AppState {
        let pool = ContentBundle {
            questions: Vec::new(),
            ..bundle.clone()
        };
        AppState {
            pool: Arc::new(pool),
            published: Arc::default(),
            attempt_limit: Arc::new(crate::window_limit::WindowLimiter::new(
                ATTEMPTS_PER_HOUR,
                Duration::from_secs(3600),
            )),
            store,
            content: Arc::new(ServedContent::new(bundle)),
            passwords: Passwords::new(passwords::DEFAULT_RUNNING),
            login_limiter: Arc::new(LoginLimiter::default()),
            trusted_proxies: Arc::new(TrustedProxies::default()),
            dist: Arc::new(dist),
            k: MinRespondents::DEFAULT,
            dashboards: Arc::default(),
            clock: crate::clock::Clock::default(),
            live: Arc::default(),
            units: Arc::default(),
        }
    }
}

impl AppState {
    /// This state with `questions` as the competition pool.
    pub fn with_pool(mut self, questions: Vec<resapi_core::content::Question>) -> AppState {
        self.pool = Arc::new(ContentBundle {
            questions,
            ..self.content.bundle.clone()
        });
        self
    }
}

/// Competition attempts one account may send in an hour. An honest phone sends one per
/// competition, and again only when an acknowledgement was lost; a script trying keys
/// against the server's answers is stopped long before it learns anything.
pub const ATTEMPTS_PER_HOUR: usize = 20;

/// How often expired sessions and stale login budgets are swept while serving.
pub const SWEEP_EVERY: Duration = Duration::from_secs(10 * 60);

/// The periodic clean-up while serving: deletes expired and revoked sessions and forgets
/// login budgets whose window has passed. Runs until the runtime stops.
pub fn spawn_sweeper(state: &AppState, every: Duration) -> tokio::task::JoinHandle<()> {
    let store = state.store.clone();
    let limiter = Arc::clone(&state.login_limiter);
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(every);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        // The first tick is immediate; start already pruned.
        ticks.tick().await;
        loop {
            ticks.tick().await;
            limiter.sweep();
            match store.prune_sessions().await {
                Ok(0) => {}
                Ok(pruned) => tracing::info!(pruned, "expired or revoked sessions deleted"),
                Err(e) => tracing::error!(error = %e, "cannot prune sessions"),
            }
        }
    })
}
