//! The agency's today: questionnaire figures of a period wait until it has ended
//! (`resapi_core::aggregate::running`). Tests and benchmarks fix the day so that their
//! periods are over whatever the date the test runs on.

use crate::store::facts::AGENCY_OFFSET;
use time::{Date, OffsetDateTime};

#[derive(Debug, Clone, Copy, Default)]
pub struct Clock {
    fixed: Option<Date>,
}

impl Clock {
    /// A clock that always says `today`.
    pub fn fixed(today: Date) -> Clock {
        Clock { fixed: Some(today) }
    }

    /// Today on the agency's calendar (WIB).
    pub fn today(&self) -> Date {
        self.fixed
            .unwrap_or_else(|| OffsetDateTime::now_utc().to_offset(AGENCY_OFFSET).date())
    }
}
