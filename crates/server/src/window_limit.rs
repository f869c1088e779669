//! A sliding-window budget per key: at most N uses in any window. Used for joins to a live
//! game per client address (a script filling a game with made-up guests is stopped at the
//! address; the budget is generous because a whole hall may share one NAT address,
//! docs/live-quiz.md "Limits") and for competition attempts per account
//! (docs/competitions.md "Limits").

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub struct WindowLimiter {
    per_window: usize,
    window: Duration,
    /// Most addresses remembered; beyond it the map is swept, then cleared.
    max_entries: usize,
    joins: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl WindowLimiter {
    pub fn new(per_window: usize, window: Duration) -> WindowLimiter {
        WindowLimiter {
            per_window: per_window.max(1),
            window,
            max_entries: 50_000,
            joins: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one use for `addr` (a key: a [`crate::client_addr::limit_key`], an account id;
    /// `None`, unknown, is not limited), or false when its budget is used up.
    pub fn allow(&self, addr: Option<&str>) -> bool {
        let Some(addr) = addr else {
            return true;
        };
        let now = Instant::now();
        let mut map = self.joins.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() >= self.max_entries && !map.contains_key(addr) {
            map.retain(|_, times| times.back().is_some_and(|t| now - *t < self.window));
            if map.len() >= self.max_entries {
                map.clear();
            }
        }
        let times = map.entry(addr.to_owned()).or_default();
        while times.front().is_some_and(|t| now - *t >= self.window) {
            times.pop_front();
        }
        if times.len() >= self.per_window {
            return false;
        }
        times.push_back(now);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_gets_its_budget_and_others_are_not_affected() {
        let limit = WindowLimiter::new(3, Duration::from_millis(50));
        for _ in 0..3 {
            assert!(limit.allow(Some("10.0.0.1")));
        }
        assert!(!limit.allow(Some("10.0.0.1")));
        assert!(limit.allow(Some("10.0.0.2")));
        assert!(limit.allow(None), "an unknown address is not counted");
        std::thread::sleep(Duration::from_millis(60));
        assert!(limit.allow(Some("10.0.0.1")), "the window moved on");
    }
}
