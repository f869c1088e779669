//! Password hashing with argon2id. Hashing is slow on purpose (and takes 19 MiB), so it runs
//! on the blocking pool, a few at once, behind a ceiling on running + waiting hashes: a whole
//! unit logs in together after the ceremony, and unbounded hashing would starve every other
//! request. Both slots travel with the hash into its blocking task, so they are released when
//! the hash ends, not when the caller stops waiting (a client that hangs up cannot start
//! another hash beside the one it left running).

use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use tokio::sync::{Semaphore, TryAcquireError};

/// Passwords longer than this are refused before hashing (hashing cost grows with length).
pub const MAX_PASSWORD_BYTES: usize = 1024;

/// Hashes running at once by default: argon2 is memory- and CPU-heavy; the server has 2 cores.
pub const DEFAULT_RUNNING: usize = 2;
/// Hashes running or waiting, beyond which a request is answered 503 at once (about 1.5 s
/// of work queued at two release-build hashes per 50 ms).
pub const DEFAULT_CEILING: usize = 64;
/// What a refused caller is told to wait (`Retry-After`): the queue drains in about that.
pub const BUSY_RETRY_AFTER: Duration = Duration::from_secs(2);

#[derive(Debug, thiserror::Error)]
pub enum PasswordError {
    #[error("password hashing failed: {0}")]
    Hash(String),
    #[error("password hashing task failed: {0}")]
    Task(String),
    /// The ceiling of running + waiting hashes is reached; nothing was hashed.
    #[error("too many password checks at once")]
    Busy,
}

/// What the hashing did, for tests and the log line at shutdown.
#[derive(Default)]
struct Counters {
    verifications: AtomicU64,
    runs: AtomicU64,
    running: AtomicUsize,
    peak_running: AtomicUsize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PasswordStats {
    /// Passwords checked against a stored (or dummy) hash.
    pub verifications: u64,
    /// argon2 runs of any kind (checks and new hashes).
    pub runs: u64,
    /// The most that ran at the same moment.
    pub peak_running: usize,
}

#[derive(Clone)]
pub struct Passwords {
    running: Arc<Semaphore>,
    admitted: Arc<Semaphore>,
    counters: Arc<Counters>,
}

impl Passwords {
    /// `concurrent` hashes at once, and the default ceiling of running + waiting ones.
    pub fn new(concurrent: usize) -> Passwords {
        Passwords::with_ceiling(concurrent, DEFAULT_CEILING)
    }

    pub fn with_ceiling(concurrent: usize, ceiling: usize) -> Passwords {
        let concurrent = concurrent.max(1);
        Passwords {
            running: Arc::new(Semaphore::new(concurrent)),
            admitted: Arc::new(Semaphore::new(ceiling.max(concurrent))),
            counters: Arc::new(Counters::default()),
        }
    }

    pub fn stats(&self) -> PasswordStats {
        PasswordStats {
            verifications: self.counters.verifications.load(Ordering::Relaxed),
            runs: self.counters.runs.load(Ordering::Relaxed),
            peak_running: self.counters.peak_running.load(Ordering::Relaxed),
        }
    }

    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, PasswordError> {
        let admitted = Arc::clone(&self.admitted)
            .try_acquire_owned()
            .map_err(|e| match e {
                TryAcquireError::NoPermits => PasswordError::Busy,
                TryAcquireError::Closed => PasswordError::Task(e.to_string()),
            })?;
        let running = Arc::clone(&self.running)
            .acquire_owned()
            .await
            .map_err(|e| PasswordError::Task(e.to_string()))?;
        let counters = Arc::clone(&self.counters);
        tokio::task::spawn_blocking(move || {
            // Held until the hash is done, whether or not anyone still awaits it.
            let _slots = (admitted, running);
            counters.runs.fetch_add(1, Ordering::Relaxed);
            let now = counters.running.fetch_add(1, Ordering::Relaxed) + 1;
            counters.peak_running.fetch_max(now, Ordering::Relaxed);
            let out = work();
            counters.running.fetch_sub(1, Ordering::Relaxed);
            out
        })
        .await
        .map_err(|e| PasswordError::Task(e.to_string()))
    }

    /// Hashes a new password to a PHC string (`$argon2id$v=19$…`).
    pub async fn hash(&self, password: String) -> Result<String, PasswordError> {
        self.run(move || hash_blocking(&password)).await?
    }

    /// Checks a password against a stored hash. With no hash (unknown NIP) it still does the
    /// work against a dummy hash, so the answer time does not tell which NIPs exist.
    pub async fn verify(
        &self,
        password: String,
        hash: Option<String>,
    ) -> Result<bool, PasswordError> {
        if password.len() > MAX_PASSWORD_BYTES {
            return Ok(false);
        }
        let counters = Arc::clone(&self.counters);
        self.run(move || {
            let known = hash.is_some();
            let hash = match hash {
                Some(h) => h,
                None => dummy_hash()?.to_owned(),
            };
            counters.verifications.fetch_add(1, Ordering::Relaxed);
            let ok = Argon2::default()
                .verify_password(password.as_bytes(), hash.as_str())
                .is_ok();
            Ok(ok && known)
        })
        .await?
    }
}

fn hash_blocking(password: &str) -> Result<String, PasswordError> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| PasswordError::Hash(e.to_string()))
}

fn dummy_hash() -> Result<&'static str, PasswordError> {
    static DUMMY: OnceLock<String> = OnceLock::new();
    if let Some(h) = DUMMY.get() {
        return Ok(h);
    }
    let h = hash_blocking("resapi-dummy-password")?;
    Ok(DUMMY.get_or_init(|| h))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_only_its_password() {
        let p = Passwords::new(2);
        let h = p.hash("rahasia-123".into()).await.unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(
            p.verify("rahasia-123".into(), Some(h.clone()))
                .await
                .unwrap()
        );
        assert!(!p.verify("rahasia-124".into(), Some(h)).await.unwrap());
        assert!(!p.verify("rahasia-123".into(), None).await.unwrap());
        assert!(
            !p.verify("x".into(), Some("not a hash".into()))
                .await
                .unwrap()
        );
        let stats = p.stats();
        assert_eq!(stats.verifications, 4);
        assert!(stats.runs >= 5 && stats.peak_running == 1, "{stats:?}");
    }

    #[tokio::test]
    async fn beyond_the_ceiling_a_check_is_refused_at_once_and_the_slots_come_back() {
        let p = Passwords::with_ceiling(1, 2);
        let hash = p.hash("rahasia-123".into()).await.unwrap();
        let check = |p: &Passwords| {
            let (p, h) = (p.clone(), hash.clone());
            tokio::spawn(async move { p.verify("salah".into(), Some(h)).await })
        };
        let (a, b, c) = (check(&p), check(&p), check(&p));
        let results = [a.await.unwrap(), b.await.unwrap(), c.await.unwrap()];
        let busy = results
            .iter()
            .filter(|r| matches!(r, Err(PasswordError::Busy)))
            .count();
        assert!(busy >= 1, "three at once against a ceiling of two");
        assert!(
            results
                .iter()
                .all(|r| matches!(r, Ok(false) | Err(PasswordError::Busy)))
        );
        // The refused one cost nothing, and once the others ended the slots are free again.
        assert_eq!(p.stats().verifications, 3 - busy as u64);
        assert!(p.verify("rahasia-123".into(), Some(hash)).await.unwrap());
    }

    #[tokio::test]
    async fn an_abandoned_check_keeps_its_slot_until_its_hash_ends() {
        let p = Passwords::with_ceiling(1, 1);
        let hash = p.hash("rahasia-123".into()).await.unwrap();
        let before = p.stats().runs;
        let (q, h) = (p.clone(), hash.clone());
        let abandoned = tokio::spawn(async move { q.verify("salah".into(), Some(h)).await });
        // Wait until its hash is on the blocking pool, then drop the waiting caller.
        while p.stats().runs == before {
            tokio::task::yield_now().await;
        }
        abandoned.abort();
        assert!(matches!(
            p.verify("salah".into(), Some(hash.clone())).await,
            Err(PasswordError::Busy)
        ));
        // Once the abandoned hash finishes, its slot is free.
        let mut waited = 0;
        while p.admitted.available_permits() == 0 {
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
            waited += 1;
            assert!(waited < 2_000, "the slot never came back");
        }
        assert!(p.verify("rahasia-123".into(), Some(hash)).await.unwrap());
        assert_eq!(p.stats().peak_running, 1);
    }
}
