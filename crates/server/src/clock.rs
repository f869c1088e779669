//! The agency's today: questionnaire figures of a period wait until it has ended
//! (`resapi_core::aggregate::running`), and competitions open, close and accept attempts by
//! the server's clock. Tests and benchmarks fix the day so that their periods are over
//! whatever the date the test runs on, and move the clock on to play a competition's week.

use crate::store::facts::AGENCY_OFFSET;
use time::{Date, Duration, OffsetDateTime};

#[derive(Debug, Clone, Copy, Default)]
pub struct Clock {
    fixed: Option<Date>,
    /// Added to the real time by [`Clock::now`] (zero when serving).
    shift: Duration,
}

impl Clock {
    /// A clock that always says `today`.
    pub fn fixed(today: Date) -> Clock {
        Clock {
            fixed: Some(today),
            shift: Duration::ZERO,
        }
    }

    /// This clock moved `by` into the future (tests play a competition's days).
    pub fn shifted(self, by: Duration) -> Clock {
        Clock {
            shift: self.shift + by,
            ..self
        }
    }

    /// The moment, for the rules that follow the server's clock.
    pub fn now(&self) -> OffsetDateTime {
        OffsetDateTime::now_utc() + self.shift
    }

    /// Today on the agency's calendar (WIB).
    pub fn today(&self) -> Date {
        self.fixed
            .unwrap_or_else(|| OffsetDateTime::now_utc().to_offset(AGENCY_OFFSET).date())
    }
}
