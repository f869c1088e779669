//! Password hashing with argon2id. Hashing is slow on purpose and takes 19 MiB, so it runs
//! on a few dedicated threads (two by default: the server has 2 cores) fed in arrival order,
//! behind a ceiling on running + waiting hashes: a whole unit logs in together after the
//! ceremony, and unbounded hashing would starve every other request. A hash's slot under the
//! ceiling travels with it and is released when the hash ends, not when its caller stops
//! waiting, so a client that hangs up cannot start another hash beside the one it left
//! running; a hash whose caller left before it started is skipped. Each thread keeps its
//! argon2 working memory between hashes: allocating 19 MiB per hash made glibc keep up to
//! ~16 freed copies resident (its mmap threshold grows after the first free), 300 MiB.

use argon2::password_hash::phc::{Output, ParamsString, PasswordHash, Salt};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;
use tokio::sync::{Semaphore, TryAcquireError, oneshot};

/// Passwords longer than this are refused before hashing (hashing cost grows with length).
pub const MAX_PASSWORD_BYTES: usize = 1024;

/// Hashing threads by default: argon2 is memory- and CPU-heavy; the server has 2 cores.
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
    skipped: AtomicU64,
    running: AtomicUsize,
    peak_running: AtomicUsize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PasswordStats {
    /// Passwords checked against a stored (or dummy) hash.
    pub verifications: u64,
    /// argon2 runs of any kind (checks and new hashes).
    pub runs: u64,
    /// Hashes not run because their caller had gone before their turn.
    pub skipped: u64,
    /// The most that ran at the same moment.
    pub peak_running: usize,
}

type Job = Box<dyn FnOnce(&mut Memory) + Send>;

/// A hashing thread's argon2 working memory, allocated once and reused.
#[derive(Default)]
pub struct Memory(Vec<Block>);

/// More memory than any hash this server makes needs (19 MiB); a stored hash asking for
/// more is treated as unreadable rather than allowed to exhaust the server.
const MAX_MEMORY_BLOCKS: usize = 256 * 1024;

impl Memory {
    fn blocks(&mut self, count: usize) -> Result<&mut [Block], PasswordError> {
        if count > MAX_MEMORY_BLOCKS {
            return Err(PasswordError::Hash(format!(
                "{count} KiB of argon2 memory asked"
            )));
        }
        if self.0.len() < count {
            self.0 = vec![Block::new(); count];
        }
        Ok(&mut self.0[..count])
    }

    /// Wipes what the last hash left (blocks derived from a password).
    fn wipe(&mut self) {
        self.0.fill(Block::new());
    }
}

#[derive(Clone)]
pub struct Passwords {
    admitted: Arc<Semaphore>,
    jobs: mpsc::Sender<Job>,
    counters: Arc<Counters>,
}

impl Passwords {
    /// `threads` hashes at once, and the default ceiling of running + waiting ones.
    pub fn new(threads: usize) -> Passwords {
        Passwords::with_ceiling(threads, DEFAULT_CEILING)
    }

    /// The threads end when the last clone of this `Passwords` is dropped.
    pub fn with_ceiling(threads: usize, ceiling: usize) -> Passwords {
        let threads = threads.max(1);
        let (jobs, queue) = mpsc::channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        for i in 0..threads {
            let queue = Arc::clone(&queue);
            let spawned = std::thread::Builder::new()
                .name(format!("password-hash-{i}"))
                .spawn(move || {
                    let mut memory = Memory::default();
                    loop {
                        // The lock is held only while waiting for the next job.
                        let next = queue.lock().unwrap_or_else(|e| e.into_inner()).recv();
                        match next {
                            Ok(job) => job(&mut memory),
                            Err(mpsc::RecvError) => break,
                        }
                    }
                });
            if let Err(e) = spawned {
                // Fewer threads only means slower hashing; with none, `run` reports it.
                tracing::error!(error = %e, "cannot start a password hashing thread");
            }
        }
        Passwords {
            admitted: Arc::new(Semaphore::new(ceiling.max(threads))),
            jobs,
            counters: Arc::new(Counters::default()),
        }
    }

    pub fn stats(&self) -> PasswordStats {
        PasswordStats {
            verifications: self.counters.verifications.load(Ordering::Relaxed),
            runs: self.counters.runs.load(Ordering::Relaxed),
            skipped: self.counters.skipped.load(Ordering::Relaxed),
            peak_running: self.counters.peak_running.load(Ordering::Relaxed),
        }
    }

    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Memory) -> T + Send + 'static,
    ) -> Result<T, PasswordError> {
        let admitted = Arc::clone(&self.admitted)
            .try_acquire_owned()
            .map_err(|e| match e {
                TryAcquireError::NoPermits => PasswordError::Busy,
                TryAcquireError::Closed => PasswordError::Task(e.to_string()),
            })?;
        let counters = Arc::clone(&self.counters);
        let (reply, answer) = oneshot::channel();
        let job: Job = Box::new(move |memory: &mut Memory| {
            // Held until the hash is done, whether or not anyone still awaits it.
            if reply.is_closed() {
                counters.skipped.fetch_add(1, Ordering::Relaxed);
                drop(admitted);
                return;
            }
            counters.runs.fetch_add(1, Ordering::Relaxed);
            let now = counters.running.fetch_add(1, Ordering::Relaxed) + 1;
            counters.peak_running.fetch_max(now, Ordering::Relaxed);
            // A panic must not take the thread with it; the caller then gets an error.
            let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(memory)));
            memory.wipe();
            counters.running.fetch_sub(1, Ordering::Relaxed);
            // Free before answering: a caller that hashes again at once finds its slot.
            drop(admitted);
            if let Ok(out) = out {
                let _ = reply.send(out);
            }
        });
        self.jobs
            .send(job)
            .map_err(|_| PasswordError::Task("no password hashing thread".into()))?;
        answer
            .await
            .map_err(|_| PasswordError::Task("password hashing panicked".into()))
    }

    /// Hashes a new password to a PHC string (`$argon2id$v=19$…`).
    pub async fn hash(&self, password: String) -> Result<String, PasswordError> {
        self.run(move |memory| hash_with(memory, &password)).await?
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
        self.run(move |memory| {
            let known = hash.is_some();
            let hash = match hash {
                Some(h) => h,
                None => dummy_hash(memory)?.to_owned(),
            };
            counters.verifications.fetch_add(1, Ordering::Relaxed);
            // An unreadable stored hash matches no password.
            let ok = verify_with(memory, &password, &hash).unwrap_or(false);
            Ok(ok && known)
        })
        .await?
    }
}

fn hash_error(e: impl std::fmt::Display) -> PasswordError {
    PasswordError::Hash(e.to_string())
}

/// argon2id with the crate's default cost (19 MiB, 2 passes), a random 16-byte salt.
fn hash_with(memory: &mut Memory, password: &str) -> Result<String, PasswordError> {
    let params = Params::default();
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(hash_error)?;
    let mut out = [0u8; Params::DEFAULT_OUTPUT_LEN];
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone())
        .hash_password_into_with_memory(
            password.as_bytes(),
            &salt,
            &mut out,
            memory.blocks(params.block_count())?,
        )
        .map_err(hash_error)?;
    let phc = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params).map_err(hash_error)?,
        salt: Some(Salt::new(&salt).map_err(hash_error)?),
        hash: Some(Output::new(&out).map_err(hash_error)?),
    };
    Ok(phc.to_string())
}

/// Recomputes the hash with the stored algorithm, version, cost and salt, and compares in
/// constant time.
fn verify_with(memory: &mut Memory, password: &str, stored: &str) -> Result<bool, PasswordError> {
    let parsed = PasswordHash::new(stored).map_err(hash_error)?;
    let algorithm = Algorithm::try_from(parsed.algorithm.as_str()).map_err(hash_error)?;
    let version = parsed
        .version
        .map(Version::try_from)
        .transpose()
        .map_err(hash_error)?
        .unwrap_or_default();
    let params = Params::try_from(&parsed).map_err(hash_error)?;
    let (Some(salt), Some(expected)) = (&parsed.salt, &parsed.hash) else {
        return Err(hash_error("the stored hash has no salt or output"));
    };
    let mut out = vec![0u8; expected.len()];
    Argon2::new(algorithm, version, params.clone())
        .hash_password_into_with_memory(
            password.as_bytes(),
            salt.as_ref(),
            &mut out,
            memory.blocks(params.block_count())?,
        )
        .map_err(hash_error)?;
    Ok(Output::new(&out).map_err(hash_error)? == *expected)
}

fn dummy_hash(memory: &mut Memory) -> Result<&'static str, PasswordError> {
    static DUMMY: OnceLock<String> = OnceLock::new();
    if let Some(h) = DUMMY.get() {
        return Ok(h);
    }
    let h = hash_with(memory, "resapi-dummy-password")?;
    Ok(DUMMY.get_or_init(|| h))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_only_its_password() {
        // A ceiling of one: each call must find the slot its predecessor freed (the slot is
        // released before the answer is sent, so back-to-back calls are never "busy").
        let p = Passwords::with_ceiling(1, 1);
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

    /// Hashes stored before this module kept its own memory (argon2's `PasswordHasher`)
    /// still verify, and the other way round.
    #[test]
    fn hashes_are_standard_phc_strings() {
        use argon2::{PasswordHasher, PasswordVerifier};
        let mut memory = Memory::default();
        let ours = hash_with(&mut memory, "rahasia-123").unwrap();
        assert!(
            ours.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{ours}"
        );
        assert!(
            Argon2::default()
                .verify_password(b"rahasia-123", ours.as_str())
                .is_ok()
        );
        let theirs = Argon2::default()
            .hash_password(b"rahasia-123")
            .unwrap()
            .to_string();
        assert!(verify_with(&mut memory, "rahasia-123", &theirs).unwrap());
        assert!(!verify_with(&mut memory, "rahasia-124", &theirs).unwrap());
        assert!(
            verify_with(
                &mut memory,
                "x",
                "$argon2id$v=19$m=999999999,t=2,p=1$c2FsdHNhbHQ$aGFzaA"
            )
            .is_err()
        );
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
        // Wait until its hash runs on the hashing thread, then drop the waiting caller.
        while p.stats().runs == before {
            assert!(!abandoned.is_finished(), "the check ended before it ran");
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
