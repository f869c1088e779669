//! Joins per client address: a script that fills a game with made-up guests, or a kicked
//! guest coming back under new names, is stopped at the address. Only new players count
//! (a rejoin with the secret is free), and the budget is generous because a whole hall may
//! reach a cloud server through one NAT address; in hall mode (the server on the trainer's
//! laptop) each phone has its own address. docs/live-quiz.md "Limits".

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub struct JoinLimiter {
    per_window: usize,
    window: Duration,
    /// Most addresses remembered; beyond it the map is swept, then cleared.
    max_entries: usize,
    joins: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl JoinLimiter {
    pub fn new(per_window: usize, window: Duration) -> JoinLimiter {
        JoinLimiter {
            per_window: per_window.max(1),
            window,
            max_entries: 50_000,
            joins: Mutex::new(HashMap::new()),
        }
    }

    /// Takes a join from `addr` (a [`crate::client_addr::limit_key`]; `None`, unknown,
    /// is not limited), or false when its budget is used up.
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
        let limit = JoinLimiter::new(3, Duration::from_millis(50));
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
