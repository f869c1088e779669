//! Password hashing with argon2id. Hashing is slow on purpose, so it runs on the blocking
//! pool and at most a few at once: a whole unit logs in together after the ceremony, and
//! unbounded hashing would starve every other request.

use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use std::sync::{Arc, OnceLock};
use tokio::sync::Semaphore;

/// Passwords longer than this are refused before hashing (hashing cost grows with length).
pub const MAX_PASSWORD_BYTES: usize = 1024;

#[derive(Debug, thiserror::Error)]
pub enum PasswordError {
    #[error("password hashing failed: {0}")]
    Hash(String),
    #[error("password hashing task failed: {0}")]
    Task(String),
}

#[derive(Clone)]
pub struct Passwords {
    permits: Arc<Semaphore>,
}

impl Passwords {
    pub fn new(concurrent: usize) -> Passwords {
        Passwords {
            permits: Arc::new(Semaphore::new(concurrent.max(1))),
        }
    }

    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, PasswordError> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|e| PasswordError::Task(e.to_string()))?;
        tokio::task::spawn_blocking(work)
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
        self.run(move || {
            let known = hash.is_some();
            let hash = match hash {
                Some(h) => h,
                None => dummy_hash()?.to_owned(),
            };
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
    }
}
