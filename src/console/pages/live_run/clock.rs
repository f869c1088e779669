//! Time on the live screens: a countdown kept on this device from the server's
//! `remaining_ms` (no synchronised clock needed) and how it is written.

/// A question's time as one message gave it, and when (this page's `performance.now()`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Countdown {
    pub remaining_ms: u64,
    pub allowed_ms: u64,
    pub paused: bool,
    pub received_at: f64,
}

impl Countdown {
    /// Milliseconds left at `now` (the same clock as `received_at`); frozen while paused.
    pub fn left_at(&self, now: f64) -> f64 {
        if self.paused {
            return self.remaining_ms as f64;
        }
        (self.remaining_ms as f64 - (now - self.received_at).max(0.0)).max(0.0)
    }

    /// The share of the question's time left (1 at the start, 0 at the end).
    pub fn fraction_at(&self, now: f64) -> f64 {
        if self.allowed_ms == 0 {
            return 0.0;
        }
        (self.left_at(now) / self.allowed_ms as f64).clamp(0.0, 1.0)
    }
}

/// Whole seconds left as a person reads a countdown: 0.2 s left still shows 1.
pub fn seconds_left(ms: f64) -> u64 {
    (ms.max(0.0) / 1000.0).ceil() as u64
}

/// "25" under a minute, "1:05" from a minute on.
pub fn clock_text(seconds: u64) -> String {
    if seconds < 60 {
        seconds.to_string()
    } else {
        format!("{}:{:02}", seconds / 60, seconds % 60)
    }
}

/// The wait before reconnection attempt `attempt` (0-based): 1, 2, 4, 8, then 15 s.
pub fn backoff_secs(attempt: u32) -> u32 {
    1u32.checked_shl(attempt).unwrap_or(u32::MAX).min(15)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn countdown(paused: bool) -> Countdown {
        Countdown {
            remaining_ms: 20_000,
            allowed_ms: 30_000,
            paused,
            received_at: 1_000.0,
        }
    }

    #[wasm_bindgen_test]
    fn a_countdown_runs_from_the_message_and_stops_at_zero() {
        let c = countdown(false);
        assert_eq!(c.left_at(1_000.0), 20_000.0);
        assert_eq!(c.left_at(6_000.0), 15_000.0);
        assert_eq!(c.left_at(60_000.0), 0.0);
        assert!((c.fraction_at(6_000.0) - 0.5).abs() < 1e-9);
        assert_eq!(c.fraction_at(60_000.0), 0.0);
    }

    #[wasm_bindgen_test]
    fn a_paused_countdown_keeps_its_time() {
        let c = countdown(true);
        assert_eq!(c.left_at(50_000.0), 20_000.0);
    }

    #[wasm_bindgen_test]
    fn seconds_round_up_and_a_minute_or_more_shows_minutes() {
        assert_eq!(seconds_left(0.0), 0);
        assert_eq!(seconds_left(200.0), 1);
        assert_eq!(seconds_left(19_001.0), 20);
        assert_eq!(clock_text(0), "0");
        assert_eq!(clock_text(59), "59");
        assert_eq!(clock_text(65), "1:05");
        assert_eq!(clock_text(90), "1:30");
    }

    #[wasm_bindgen_test]
    fn reconnects_back_off_to_fifteen_seconds() {
        let waits: Vec<u32> = (0..7).map(backoff_secs).collect();
        assert_eq!(waits, vec![1, 2, 4, 8, 15, 15, 15]);
        assert_eq!(backoff_secs(40), 15);
    }
}
