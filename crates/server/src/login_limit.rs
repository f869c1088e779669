//! Login limits. An attempt takes a slot in three budgets *before* any password is checked,
//! all at once under one lock, so a burst of parallel tries cannot slip past a count that is
//! only written after the slow hash:
//!
//! - NIP + client address (10 per 15 minutes): what stops guessing one person's password.
//!   Keyed by address as well, so a stranger who burns it does not lock the owner out on
//!   their own phone.
//! - NIP alone (50 per 15 minutes): a ceiling for guessing spread over many addresses.
//! - client address alone (100 per 15 minutes): one machine trying many NIPs. An office
//!   behind one address fits easily: only failures stay counted.
//!
//! A failed (or abandoned) attempt keeps its slots until they are 15 minutes old. A
//! successful login frees the NIP + address budget and gives back its own slot in the other
//! two; an attempt that never ran (the server was busy) gives back everything.
//! The choice and its numbers are explained in `docs/security.md`.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
pub struct LoginLimits {
    pub per_nip_and_address: usize,
    pub per_nip: usize,
    pub per_address: usize,
    pub window: Duration,
    /// Most budgets kept in memory; beyond it the stalest are forgotten.
    pub max_entries: usize,
}

impl Default for LoginLimits {
    fn default() -> Self {
        LoginLimits {
            per_nip_and_address: 10,
            per_nip: 50,
            per_address: 100,
            window: Duration::from_secs(15 * 60),
            max_entries: 20_000,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    NipAt { nip: String, addr: String },
    Nip(String),
    Addr(String),
}

impl Key {
    fn limit(&self, limits: &LoginLimits) -> usize {
        match self {
            Key::NipAt { .. } => limits.per_nip_and_address,
            Key::Nip(_) => limits.per_nip,
            Key::Addr(_) => limits.per_address,
        }
        .max(1)
    }
}

/// Start times of the attempts that still count (in flight or failed), oldest first.
type Slots = VecDeque<Instant>;

pub struct LoginLimiter {
    limits: LoginLimits,
    slots: Mutex<HashMap<Key, Slots>>,
}

impl Default for LoginLimiter {
    fn default() -> Self {
        LoginLimiter::new(LoginLimits::default())
    }
}

/// A login attempt holding its slots. Dropping it counts it as failed (a client that hangs
/// up mid-check has still made the server check a password).
#[must_use = "an attempt that is dropped counts as failed"]
pub struct Attempt {
    limiter: Arc<LoginLimiter>,
    keys: Vec<Key>,
    started: Instant,
}

impl Attempt {
    /// The password was right: the NIP + address budget starts afresh, and this attempt's
    /// slot in the wider budgets is given back.
    pub fn succeeded(self) {
        let mut map = self.limiter.lock();
        for key in &self.keys {
            match key {
                Key::NipAt { .. } => {
                    map.remove(key);
                }
                _ => give_back(&mut map, key, self.started),
            }
        }
    }

    /// No password was checked (the server was too busy): the attempt costs nothing.
    pub fn not_made(self) {
        let mut map = self.limiter.lock();
        for key in &self.keys {
            give_back(&mut map, key, self.started);
        }
    }
}

fn give_back(map: &mut HashMap<Key, Slots>, key: &Key, started: Instant) {
    let Some(slots) = map.get_mut(key) else {
        return;
    };
    if let Some(i) = slots.iter().position(|t| *t == started) {
        slots.remove(i);
    }
    if slots.is_empty() {
        map.remove(key);
    }
}

impl LoginLimiter {
    pub fn new(limits: LoginLimits) -> LoginLimiter {
        LoginLimiter {
            limits,
            slots: Mutex::new(HashMap::new()),
        }
    }

    pub fn limits(&self) -> &LoginLimits {
        &self.limits
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<Key, Slots>> {
        // A panic elsewhere while holding the lock leaves a usable map; keep going.
        self.slots.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Takes a slot for a login attempt of `nip` (its 18 digits) from `addr` (a
    /// [`crate::client_addr::limit_key`], `None` when unknown), or `Err(wait)` when a budget
    /// is used up: `wait` is how long until the attempt would be allowed.
    pub fn begin(self: &Arc<Self>, nip: &str, addr: Option<&str>) -> Result<Attempt, Duration> {
        let keys = match addr {
            Some(addr) => vec![
                Key::NipAt {
                    nip: nip.to_owned(),
                    addr: addr.to_owned(),
                },
                Key::Nip(nip.to_owned()),
                Key::Addr(addr.to_owned()),
            ],
            None => vec![
                // Unknown address (no connection info): all such callers share one
                // "unknown" address, so a NIP still gets 10 tries, under its own ceiling.
                Key::NipAt {
                    nip: nip.to_owned(),
                    addr: String::new(),
                },
                Key::Nip(nip.to_owned()),
            ],
        };
        let now = Instant::now();
        let window = self.limits.window;
        let mut map = self.lock();
        let mut wait = Duration::ZERO;
        for key in &keys {
            let Some(slots) = map.get_mut(key) else {
                continue;
            };
            expire(slots, now, window);
            let limit = key.limit(&self.limits);
            if slots.len() >= limit {
                // The slot that frees this budget is the (len - limit + 1)-th oldest.
                let freeing = slots[slots.len() - limit];
                wait = wait.max(window.saturating_sub(now.duration_since(freeing)));
            }
        }
        if !wait.is_zero() {
            return Err(wait.max(Duration::from_secs(1)));
        }
        for key in &keys {
            map.entry(key.clone()).or_default().push_back(now);
        }
        if map.len() > self.limits.max_entries {
            self.shrink(&mut map, now);
        }
        drop(map);
        Ok(Attempt {
            limiter: Arc::clone(self),
            keys,
            started: now,
        })
    }

    /// Forgets budgets with nothing left in their window (also run periodically).
    pub fn sweep(&self) {
        let now = Instant::now();
        let mut map = self.lock();
        sweep_expired(&mut map, now, self.limits.window);
    }

    /// Budgets in memory.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Keeps the map within `max_entries`: first drops what has expired, then, if a flood of
    /// fresh NIPs still fills it, the tenth of budgets with the oldest last attempt. New
    /// budgets can only appear as fast as passwords are checked (the hash ceiling), so
    /// forgetting the stalest gives a guesser very little.
    fn shrink(&self, map: &mut HashMap<Key, Slots>, now: Instant) {
        sweep_expired(map, now, self.limits.window);
        let max = self.limits.max_entries;
        if map.len() <= max {
            return;
        }
        let keep = max - max / 10;
        let mut last: Vec<Instant> = map.values().filter_map(|s| s.back().copied()).collect();
        let drop_count = map.len() - keep;
        let (_, cutoff, _) = last.select_nth_unstable(drop_count - 1);
        let cutoff = *cutoff;
        let mut dropped = 0;
        map.retain(|_, slots| {
            if dropped < drop_count && slots.back().is_none_or(|t| *t <= cutoff) {
                dropped += 1;
                false
            } else {
                true
            }
        });
    }
}

fn expire(slots: &mut Slots, now: Instant, window: Duration) {
    while slots
        .front()
        .is_some_and(|t| now.duration_since(*t) >= window)
    {
        slots.pop_front();
    }
}

fn sweep_expired(map: &mut HashMap<Key, Slots>, now: Instant, window: Duration) {
    map.retain(|_, slots| {
        expire(slots, now, window);
        !slots.is_empty()
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limiter(per_pair: usize, per_nip: usize, per_addr: usize) -> Arc<LoginLimiter> {
        Arc::new(LoginLimiter::new(LoginLimits {
            per_nip_and_address: per_pair,
            per_nip,
            per_address: per_addr,
            window: Duration::from_secs(60),
            max_entries: 1_000,
        }))
    }

    #[test]
    fn a_nip_is_blocked_from_one_address_but_not_from_another() {
        let l = limiter(3, 5, 100);
        for _ in 0..3 {
            drop(l.begin("n", Some("a")).unwrap());
        }
        let wait = l.begin("n", Some("a")).err().unwrap();
        assert!(wait > Duration::from_secs(50), "{wait:?}");
        // The owner, elsewhere, still gets in; then the NIP's own ceiling holds for all.
        l.begin("n", Some("b")).unwrap().succeeded();
        drop(l.begin("n", Some("c")).unwrap());
        drop(l.begin("n", Some("c")).unwrap());
        assert!(l.begin("n", Some("d")).is_err(), "5 failures for the NIP");
        assert!(l.begin("other", Some("a")).is_ok());
    }

    #[test]
    fn in_flight_attempts_count_before_they_finish() {
        let l = limiter(2, 10, 10);
        let first = l.begin("n", Some("a")).unwrap();
        let second = l.begin("n", Some("a")).unwrap();
        assert!(l.begin("n", Some("a")).is_err(), "two in flight fill it");
        second.not_made();
        let third = l.begin("n", Some("a")).unwrap();
        first.succeeded();
        // Success clears the pair's budget, the in-flight third included.
        assert!(l.begin("n", Some("a")).is_ok());
        drop(third);
    }

    #[test]
    fn one_address_trying_many_nips_is_stopped() {
        let l = limiter(10, 10, 3);
        for n in 0..3 {
            drop(l.begin(&format!("nip{n}"), Some("a")).unwrap());
        }
        assert!(l.begin("nip9", Some("a")).is_err());
        assert!(l.begin("nip9", Some("b")).is_ok());
        // Successes from a shared office address give their slot back.
        let l = limiter(10, 10, 3);
        for n in 0..20 {
            l.begin(&format!("nip{n}"), Some("office"))
                .unwrap()
                .succeeded();
        }
        assert!(l.is_empty());
    }

    #[test]
    fn slots_expire_after_the_window() {
        let l = Arc::new(LoginLimiter::new(LoginLimits {
            per_nip_and_address: 1,
            window: Duration::from_millis(30),
            ..LoginLimits::default()
        }));
        drop(l.begin("n", None).unwrap());
        assert!(l.begin("n", None).is_err());
        std::thread::sleep(Duration::from_millis(40));
        assert!(l.begin("n", None).is_ok());
        std::thread::sleep(Duration::from_millis(40));
        l.sweep();
        assert!(l.is_empty());
    }

    #[test]
    fn a_flood_of_distinct_nips_stays_within_the_bound() {
        let l = Arc::new(LoginLimiter::default());
        let max = l.limits().max_entries;
        let mut peak = 0;
        for n in 0..100_000u32 {
            let nip = format!("1985031220100{n:05}");
            let addr = format!("10.0.{}.{}", n % 1000 / 250, n % 250);
            if let Ok(attempt) = l.begin(&nip, Some(&addr)) {
                drop(attempt);
            }
            peak = peak.max(l.len());
        }
        println!("100000 distinct NIPs: at most {peak} budgets in memory (bound {max})");
        assert!(peak <= max, "{peak} > {max}");
        assert!(peak > max / 2, "the flood did fill the map");
        // The most recent budgets survive: the newest NIP's own ceiling still counts the
        // flood's attempt at it.
        let newest = "198503122010099999";
        for i in 0..l.limits().per_nip - 1 {
            drop(l.begin(newest, Some(&format!("10.9.{i}.1"))).unwrap());
        }
        assert!(l.begin(newest, Some("10.9.200.1")).is_err());
    }
}
