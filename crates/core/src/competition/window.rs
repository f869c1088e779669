//! When a competition attempt counts. A competition is open from `opens_at` to `closes_at`
//! (UTC; the organiser picks them in WIB, WITA or WIT). Phones in the field may be offline
//! on the last day, so an attempt started inside the window still counts if it reaches the
//! server within a grace period after the close. The phone's clock says when the attempt
//! started; the server's clock says when it arrived and when that account first downloaded
//! the competition's questions, which no attempt can precede. A phone clock set back to
//! "start" inside the window after it closed is caught by that download time.

use serde::{Deserialize, Serialize};
use thiserror::Error;
use time::{Duration, OffsetDateTime};

/// How long after the close attempts may still arrive, unless the organiser sets another.
pub const DEFAULT_GRACE: Duration = Duration::hours(48);
/// Phone clocks drift: a start up to this much before the download is read as the
/// download's moment rather than refused.
pub const CLOCK_SKEW: Duration = Duration::minutes(5);
/// An attempt may run this much past its time limit (the last answer's tap, a slow phone)
/// before it is refused.
pub const LIMIT_SLACK: Duration = Duration::seconds(30);

/// A competition's window and limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    #[serde(with = "time::serde::rfc3339")]
    pub opens_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub closes_at: OffsetDateTime,
    /// Seconds after the close that attempts may still arrive.
    pub grace_seconds: u32,
    /// Seconds one attempt may take.
    pub limit_seconds: u32,
}

/// What the server knows about one attempt when it arrives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arrival {
    /// The phone's clock when the attempt started.
    pub started_at: OffsetDateTime,
    /// The phone's clock when the last answer was given.
    pub finished_at: OffsetDateTime,
    /// The server's clock when the attempt arrived.
    pub received_at: OffsetDateTime,
    /// The server's clock when this account first downloaded the competition's questions;
    /// `None` if it never did (then it cannot have taken it).
    pub downloaded_at: Option<OffsetDateTime>,
}

/// Why an attempt does not count. Each says what happened in words a participant can act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Refusal {
    #[error("Lomba belum dibuka.")]
    NotOpenYet,
    #[error("Lomba sudah ditutup: percobaan ini dimulai setelah waktu lomba berakhir.")]
    StartedAfterClose,
    #[error("Lomba sudah ditutup: percobaan ini sampai di server setelah masa tenggang berakhir.")]
    GraceOver,
    #[error("Soal lomba ini belum pernah diunduh oleh akun ini.")]
    NeverDownloaded,
    #[error("Lomba sudah ditutup: soalnya baru diunduh setelah waktu lomba berakhir.")]
    DownloadedAfterClose,
    #[error("Percobaan ini melewati batas waktu pengerjaan.")]
    OverTimeLimit,
    #[error("Waktu selesai percobaan ini lebih awal dari waktu mulainya.")]
    FinishedBeforeStart,
}

impl Refusal {
    /// The stable code for the API.
    pub fn code(self) -> &'static str {
        match self {
            Refusal::NotOpenYet => "competition_not_open",
            Refusal::StartedAfterClose | Refusal::GraceOver | Refusal::DownloadedAfterClose => {
                "competition_closed"
            }
            Refusal::NeverDownloaded => "competition_not_downloaded",
            Refusal::OverTimeLimit => "competition_over_time_limit",
            Refusal::FinishedBeforeStart => "competition_bad_times",
        }
    }
}

impl Window {
    pub fn grace(&self) -> Duration {
        Duration::seconds(i64::from(self.grace_seconds))
    }

    /// The last moment an attempt may arrive.
    pub fn accepts_until(&self) -> OffsetDateTime {
        self.closes_at + self.grace()
    }

    pub fn is_open(&self, now: OffsetDateTime) -> bool {
        self.opens_at <= now && now < self.closes_at
    }

    /// Results may be computed once nothing more can arrive.
    pub fn is_final(&self, now: OffsetDateTime) -> bool {
        now >= self.accepts_until()
    }

    /// Whether an attempt counts. The start the server believes is the phone's, but never
    /// earlier than the account's first download (less a little clock drift): a phone whose
    /// clock was set back cannot start before it had the questions.
    pub fn judge(&self, a: &Arrival) -> Result<(), Refusal> {
        if a.received_at >= self.accepts_until() {
            return Err(Refusal::GraceOver);
        }
        let Some(downloaded_at) = a.downloaded_at else {
            return Err(Refusal::NeverDownloaded);
        };
        if downloaded_at >= self.closes_at {
            return Err(Refusal::DownloadedAfterClose);
        }
        if a.finished_at < a.started_at {
            return Err(Refusal::FinishedBeforeStart);
        }
        let started = if a.started_at < downloaded_at - CLOCK_SKEW {
            downloaded_at
        } else {
            a.started_at
        };
        if started < self.opens_at {
            return Err(Refusal::NotOpenYet);
        }
        if started >= self.closes_at {
            return Err(Refusal::StartedAfterClose);
        }
        let limit = Duration::seconds(i64::from(self.limit_seconds)) + LIMIT_SLACK;
        if a.finished_at - a.started_at > limit {
            return Err(Refusal::OverTimeLimit);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    /// Monday 08:00 WIB to Friday 16:00 WIB, 48 h grace, 15 minutes an attempt.
    fn week() -> Window {
        Window {
            opens_at: datetime!(2026-12-07 01:00 UTC),
            closes_at: datetime!(2026-12-11 09:00 UTC),
            grace_seconds: 48 * 3600,
            limit_seconds: 15 * 60,
        }
    }

    fn arrival(started: OffsetDateTime, minutes: i64, received: OffsetDateTime) -> Arrival {
        Arrival {
            started_at: started,
            finished_at: started + Duration::minutes(minutes),
            received_at: received,
            downloaded_at: Some(datetime!(2026-12-06 23:00 UTC)),
        }
    }

    #[test]
    fn an_attempt_inside_the_window_counts_however_late_it_syncs_within_the_grace() {
        let w = week();
        let start = datetime!(2026-12-11 08:40 UTC); // twenty minutes before the close
        assert_eq!(
            w.judge(&arrival(start, 10, start + Duration::minutes(11))),
            Ok(())
        );
        // Offline through the close, synced the next day: still counts.
        let next_day = datetime!(2026-12-12 07:00 UTC);
        assert_eq!(w.judge(&arrival(start, 10, next_day)), Ok(()));
        // The last second of the grace counts; the moment it ends does not.
        let end = w.accepts_until();
        assert_eq!(
            w.judge(&arrival(start, 10, end - Duration::seconds(1))),
            Ok(())
        );
        assert_eq!(w.judge(&arrival(start, 10, end)), Err(Refusal::GraceOver));
        assert_eq!(Refusal::GraceOver.code(), "competition_closed");
        assert!(
            Refusal::GraceOver
                .to_string()
                .starts_with("Lomba sudah ditutup")
        );
    }

    #[test]
    fn the_window_is_half_open_at_both_ends() {
        let w = week();
        let at = |t: OffsetDateTime| w.judge(&arrival(t, 5, t + Duration::minutes(6)));
        assert_eq!(at(w.opens_at), Ok(()));
        assert_eq!(
            at(w.opens_at - Duration::seconds(1)),
            Err(Refusal::NotOpenYet)
        );
        assert_eq!(at(w.closes_at - Duration::seconds(1)), Ok(()));
        assert_eq!(at(w.closes_at), Err(Refusal::StartedAfterClose));
        assert!(w.is_open(w.opens_at) && !w.is_open(w.closes_at));
        assert!(!w.is_final(w.closes_at) && w.is_final(w.accepts_until()));
    }

    #[test]
    fn a_clock_set_back_cannot_start_before_the_questions_were_downloaded() {
        let w = week();
        // Downloaded on Saturday, after the close; the phone's clock says Thursday.
        let set_back = Arrival {
            started_at: datetime!(2026-12-10 03:00 UTC),
            finished_at: datetime!(2026-12-10 03:10 UTC),
            received_at: datetime!(2026-12-12 04:00 UTC),
            downloaded_at: Some(datetime!(2026-12-12 03:30 UTC)),
        };
        assert_eq!(w.judge(&set_back), Err(Refusal::DownloadedAfterClose));
        // Downloaded on Friday 15:58 WIB, the clock set back to Thursday, sent on Saturday:
        // the start is read as the download, which was inside the window, so it counts —
        // the trick gains nothing the honest phone would not have had.
        let just_in_time = Arrival {
            downloaded_at: Some(datetime!(2026-12-11 08:58 UTC)),
            ..set_back
        };
        assert_eq!(w.judge(&just_in_time), Ok(()));
        // Never downloaded: nothing to have answered.
        let blind = Arrival {
            downloaded_at: None,
            ..set_back
        };
        assert_eq!(w.judge(&blind), Err(Refusal::NeverDownloaded));
        // A few minutes of ordinary drift before the download is not a trick.
        let drift = Arrival {
            started_at: datetime!(2026-12-08 02:57 UTC),
            finished_at: datetime!(2026-12-08 03:05 UTC),
            received_at: datetime!(2026-12-08 03:06 UTC),
            downloaded_at: Some(datetime!(2026-12-08 03:00 UTC)),
        };
        assert_eq!(w.judge(&drift), Ok(()));
    }

    #[test]
    fn an_attempt_longer_than_its_limit_or_ending_before_it_began_is_refused() {
        let w = week();
        let start = datetime!(2026-12-08 02:00 UTC);
        let back = start + Duration::hours(1);
        assert_eq!(w.judge(&arrival(start, 15, back)), Ok(()));
        assert_eq!(
            w.judge(&arrival(start, 16, back)),
            Err(Refusal::OverTimeLimit)
        );
        assert_eq!(
            w.judge(&arrival(start, -1, back)),
            Err(Refusal::FinishedBeforeStart)
        );
    }
}
