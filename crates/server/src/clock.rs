//! The agency's today: questionnaire figures of a period wait until it has ended
//! (`resapi_core::aggregate::running`), and competitions open, close and accept attempts by
//! the server's clock. Tests and benchmarks fix the day so that their periods are over
//! whatever the date the test runs on, and move the clock on to play a competition's week.

use crate::store::facts::AGENCY_OFFSET;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use time::{Date, Duration, OffsetDateTime};

/// Cheap to clone; clones share the shift, so a test moves a running server's clock.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    fixed: Option<Date>,
    /// Milliseconds added to the real time by [`Clock::now`] (zero when serving).
    shift_ms: Arc<AtomicI64>,
    /// End-to-end tests: a file whose number (ms) is added too (`serve --clock-offset-file`).
    offset_file: Option<Arc<PathBuf>>,
}

impl Clock {
    /// A clock that always says `today`.
    pub fn fixed(today: Date) -> Clock {
        Clock {
            fixed: Some(today),
            ..Clock::default()
        }
    }

    /// Moves this clock and its clones `by` into the future (tests play a competition's
    /// days).
    pub fn advance(&self, by: Duration) {
        let ms = i64::try_from(by.whole_milliseconds()).unwrap_or(0);
        self.shift_ms.fetch_add(ms, Ordering::AcqRel);
    }

    /// This clock, also running the number of milliseconds in `file` ahead (read at each
    /// use; a missing or unreadable file is 0).
    pub fn with_offset_file(self, file: PathBuf) -> Clock {
        Clock {
            offset_file: Some(Arc::new(file)),
            ..self
        }
    }

    /// The moment, for the rules that follow the server's clock.
    pub fn now(&self) -> OffsetDateTime {
        let from_file = self.offset_file.as_ref().map_or(0, |f| {
            std::fs::read_to_string(f.as_path())
                .ok()
                .and_then(|t| t.trim().parse::<i64>().ok())
                .unwrap_or(0)
        });
        let shift = self
            .shift_ms
            .load(Ordering::Acquire)
            .saturating_add(from_file);
        OffsetDateTime::now_utc() + Duration::milliseconds(shift)
    }

    /// Today on the agency's calendar (WIB).
    pub fn today(&self) -> Date {
        self.fixed
            .unwrap_or_else(|| OffsetDateTime::now_utc().to_offset(AGENCY_OFFSET).date())
    }
}
