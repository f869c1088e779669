//! What an organiser fills in to set up a competition, checked the same way on the console
//! and on the server, and where a competition is in its life at a given moment. The window
//! is picked in the organiser's own time zone (WIB, WITA or WIT) and stored in UTC.

use super::draw::QuestionSource;
use super::ranking::RankingRule;
use super::window::{DEFAULT_GRACE, Window};
use serde::{Deserialize, Serialize};
use thiserror::Error;
use time::macros::format_description;
use time::{Duration, OffsetDateTime, PrimitiveDateTime, UtcOffset};

/// Longest name and description an organiser may give.
pub const MAX_NAME_CHARS: usize = 120;
pub const MAX_DESCRIPTION_CHARS: usize = 1000;
/// Longest window: a BerAKHLAK month.
pub const MAX_WINDOW: Duration = Duration::days(31);
/// Time limit of one attempt, in minutes.
pub const LIMIT_MINUTES: std::ops::RangeInclusive<u32> = 1..=120;
/// Grace for offline phones, in hours (0 = none; a week at most).
pub const GRACE_HOURS: std::ops::RangeInclusive<u32> = 0..=168;
/// Fewest participants a unit needs to be ranked.
pub const MIN_PARTICIPANTS: std::ops::RangeInclusive<u32> = 1..=50;
/// Longest reason for a cancellation, shown to participants.
pub const MAX_REASON_CHARS: usize = 500;

/// Indonesia's three time zones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Zone {
    /// Waktu Indonesia Barat, UTC+7.
    Wib,
    /// Waktu Indonesia Tengah, UTC+8.
    Wita,
    /// Waktu Indonesia Timur, UTC+9.
    Wit,
}

impl Zone {
    pub const ALL: [Zone; 3] = [Zone::Wib, Zone::Wita, Zone::Wit];

    pub fn offset(self) -> UtcOffset {
        let hours = match self {
            Zone::Wib => 7,
            Zone::Wita => 8,
            Zone::Wit => 9,
        };
        UtcOffset::from_hms(hours, 0, 0).unwrap_or(UtcOffset::UTC)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Zone::Wib => "WIB",
            Zone::Wita => "WITA",
            Zone::Wit => "WIT",
        }
    }

    /// `YYYY-MM-DDTHH:MM` (what `<input type="datetime-local">` gives) in this zone, as UTC.
    pub fn parse_local(self, text: &str) -> Option<OffsetDateTime> {
        let format = format_description!("[year]-[month]-[day]T[hour]:[minute]");
        let local = PrimitiveDateTime::parse(text.trim(), format).ok()?;
        Some(local.assume_offset(self.offset()).to_offset(UtcOffset::UTC))
    }

    /// A UTC moment as `YYYY-MM-DDTHH:MM` in this zone (for the edit form).
    pub fn format_local(self, at: OffsetDateTime) -> String {
        let format = format_description!("[year]-[month]-[day]T[hour]:[minute]");
        at.to_offset(self.offset())
            .format(format)
            .unwrap_or_default()
    }
}

/// The organiser's form: create, or edit before the competition opens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompetitionDraft {
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// The participating units: this unit and everything under it. Its direct sub-units
    /// are ranked (each with its own subtree).
    pub unit_id: String,
    /// `YYYY-MM-DDTHH:MM` in `zone`.
    pub opens_local: String,
    pub closes_local: String,
    pub zone: Zone,
    pub questions: QuestionSource,
    pub limit_minutes: u32,
    /// Hours after the close that offline phones may still sync (48 unless set).
    #[serde(default)]
    pub grace_hours: Option<u32>,
    /// Fewest participants a unit needs to be ranked (the rule's default unless set).
    #[serde(default)]
    pub min_participants: Option<u32>,
}

/// Why a draft cannot be saved; each message says what to change.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DraftError {
    #[error("Nama lomba wajib diisi (paling banyak {MAX_NAME_CHARS} karakter).")]
    Name,
    #[error("Deskripsi paling banyak {MAX_DESCRIPTION_CHARS} karakter.")]
    Description,
    #[error(
        "Waktu `{0}` tidak terbaca; tulis sebagai TTTT-BB-HHTjj:mm, misalnya 2026-12-07T08:00."
    )]
    Time(String),
    #[error("Waktu tutup harus sesudah waktu buka.")]
    ClosesBeforeOpens,
    #[error("Lomba paling lama 31 hari.")]
    TooLong,
    #[error("Waktu tutup baru harus sesudah waktu tutup sekarang.")]
    NotLater,
    #[error("Waktu tutup sudah lewat; pilih waktu di masa depan.")]
    ClosesInPast,
    #[error("Batas waktu pengerjaan harus 1 sampai 120 menit.")]
    Limit,
    #[error("Masa tenggang harus 0 sampai 168 jam.")]
    Grace,
    #[error("Minimal peserta per unit harus 1 sampai 50.")]
    MinParticipants,
}

impl DraftError {
    pub fn code(&self) -> &'static str {
        match self {
            DraftError::Name => "competition_name",
            DraftError::Description => "competition_description",
            DraftError::Time(_) => "competition_time",
            DraftError::ClosesBeforeOpens | DraftError::TooLong | DraftError::NotLater => {
                "competition_window"
            }
            DraftError::ClosesInPast => "competition_window_past",
            DraftError::Limit => "competition_limit",
            DraftError::Grace => "competition_grace",
            DraftError::MinParticipants => "competition_min_participants",
        }
    }
}

/// A checked draft: the window in UTC and the ranking rule it will use.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    pub window: Window,
    pub rule: RankingRule,
}

impl CompetitionDraft {
    /// Checks everything but the units and the questions (the server's to check).
    pub fn check(&self, now: OffsetDateTime) -> Result<Checked, DraftError> {
        let name = self.name.trim();
        if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
            return Err(DraftError::Name);
        }
        if self.description.chars().count() > MAX_DESCRIPTION_CHARS {
            return Err(DraftError::Description);
        }
        let parse = |t: &str| {
            self.zone
                .parse_local(t)
                .ok_or_else(|| DraftError::Time(t.chars().take(40).collect()))
        };
        let opens_at = parse(&self.opens_local)?;
        let closes_at = parse(&self.closes_local)?;
        if closes_at <= opens_at {
            return Err(DraftError::ClosesBeforeOpens);
        }
        if closes_at - opens_at > MAX_WINDOW {
            return Err(DraftError::TooLong);
        }
        if closes_at <= now {
            return Err(DraftError::ClosesInPast);
        }
        if !LIMIT_MINUTES.contains(&self.limit_minutes) {
            return Err(DraftError::Limit);
        }
        let grace_hours = match self.grace_hours {
            Some(h) if !GRACE_HOURS.contains(&h) => return Err(DraftError::Grace),
            Some(h) => h,
            None => (DEFAULT_GRACE.whole_hours()) as u32,
        };
        let mut rule = RankingRule::default();
        if let Some(min) = self.min_participants {
            if !MIN_PARTICIPANTS.contains(&min) {
                return Err(DraftError::MinParticipants);
            }
            rule.min_participants = min;
        }
        Ok(Checked {
            window: Window {
                opens_at,
                closes_at,
                grace_seconds: grace_hours * 3600,
                limit_seconds: self.limit_minutes * 60,
            },
            rule,
        })
    }
}

/// A later close for `window` (`closes_local` in `zone`): after the current close and within
/// the longest window from the opening. Whether it has closed already is the caller's (it
/// knows the clock at the moment of writing).
pub fn extended_close(
    window: &Window,
    zone: Zone,
    closes_local: &str,
) -> Result<OffsetDateTime, DraftError> {
    let closes_at = zone
        .parse_local(closes_local)
        .ok_or_else(|| DraftError::Time(closes_local.chars().take(40).collect()))?;
    if closes_at <= window.closes_at {
        return Err(DraftError::NotLater);
    }
    if closes_at - window.opens_at > MAX_WINDOW {
        return Err(DraftError::TooLong);
    }
    Ok(closes_at)
}

/// Where a competition is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Before it opens: the organiser may still edit it.
    Upcoming,
    /// Open: attempts may start.
    Open,
    /// Closed; offline phones may still sync attempts started inside the window.
    Grace,
    /// Nothing more can arrive: results can be computed and published.
    Final,
    /// Results published: participants see them, with the answers.
    Published,
    /// Cancelled by the organiser (the reason is shown to participants).
    Cancelled,
}

impl Phase {
    pub fn of(window: &Window, now: OffsetDateTime, published: bool, cancelled: bool) -> Phase {
        if cancelled {
            Phase::Cancelled
        } else if published {
            Phase::Published
        } else if now < window.opens_at {
            Phase::Upcoming
        } else if now < window.closes_at {
            Phase::Open
        } else if !window.is_final(now) {
            Phase::Grace
        } else {
            Phase::Final
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn draft() -> CompetitionDraft {
        CompetitionDraft {
            name: "Lomba Bulan BerAKHLAK".into(),
            description: String::new(),
            unit_id: "root".into(),
            opens_local: "2026-12-07T08:00".into(),
            closes_local: "2026-12-11T16:00".into(),
            zone: Zone::Wib,
            questions: QuestionSource::PerValue { per_value: 2 },
            limit_minutes: 15,
            grace_hours: None,
            min_participants: None,
        }
    }

    const NOW: OffsetDateTime = datetime!(2026-12-01 00:00 UTC);

    #[test]
    fn the_window_is_read_in_the_organisers_zone_and_kept_in_utc() {
        let w = draft().check(NOW).unwrap().window;
        assert_eq!(w.opens_at, datetime!(2026-12-07 01:00 UTC));
        assert_eq!(w.closes_at, datetime!(2026-12-11 09:00 UTC));
        assert_eq!(w.grace_seconds, 48 * 3600);
        assert_eq!(w.limit_seconds, 15 * 60);
        let wit = CompetitionDraft {
            zone: Zone::Wit,
            ..draft()
        };
        // 08:00 in Jayapura is two hours earlier than 08:00 in Jakarta.
        assert_eq!(
            wit.check(NOW).unwrap().window.opens_at,
            datetime!(2026-12-06 23:00 UTC)
        );
        assert_eq!(
            Zone::Wita.format_local(datetime!(2026-12-07 01:00 UTC)),
            "2026-12-07T09:00"
        );
    }

    #[test]
    fn a_draft_that_cannot_run_says_what_to_change() {
        let cases: Vec<(CompetitionDraft, &str)> = vec![
            (
                CompetitionDraft {
                    name: "  ".into(),
                    ..draft()
                },
                "competition_name",
            ),
            (
                CompetitionDraft {
                    opens_local: "7 Desember".into(),
                    ..draft()
                },
                "competition_time",
            ),
            (
                CompetitionDraft {
                    closes_local: "2026-12-07T08:00".into(),
                    ..draft()
                },
                "competition_window",
            ),
            (
                CompetitionDraft {
                    closes_local: "2027-01-20T08:00".into(),
                    ..draft()
                },
                "competition_window",
            ),
            (
                CompetitionDraft {
                    limit_minutes: 0,
                    ..draft()
                },
                "competition_limit",
            ),
            (
                CompetitionDraft {
                    grace_hours: Some(200),
                    ..draft()
                },
                "competition_grace",
            ),
            (
                CompetitionDraft {
                    min_participants: Some(0),
                    ..draft()
                },
                "competition_min_participants",
            ),
        ];
        for (d, code) in cases {
            assert_eq!(d.check(NOW).unwrap_err().code(), code, "{d:?}");
        }
        let late = datetime!(2026-12-12 00:00 UTC);
        assert_eq!(draft().check(late).unwrap_err(), DraftError::ClosesInPast);
    }

    #[test]
    fn a_competition_is_extended_only_to_a_later_close_within_a_month() {
        let w = draft().check(NOW).unwrap().window;
        assert_eq!(
            extended_close(&w, Zone::Wib, "2026-12-12T16:00"),
            Ok(datetime!(2026-12-12 09:00 UTC))
        );
        assert_eq!(
            extended_close(&w, Zone::Wib, "2026-12-11T15:00"),
            Err(DraftError::NotLater)
        );
        assert_eq!(
            extended_close(&w, Zone::Wib, "2027-01-08T08:00"),
            Err(DraftError::TooLong)
        );
        assert_eq!(
            extended_close(&w, Zone::Wib, "besok").unwrap_err().code(),
            "competition_time"
        );
    }

    #[test]
    fn the_phase_follows_the_clock_until_cancelled_or_published() {
        let w = draft().check(NOW).unwrap().window;
        let at = |t| Phase::of(&w, t, false, false);
        assert_eq!(at(datetime!(2026-12-07 00:59 UTC)), Phase::Upcoming);
        assert_eq!(at(datetime!(2026-12-07 01:00 UTC)), Phase::Open);
        assert_eq!(at(datetime!(2026-12-11 09:00 UTC)), Phase::Grace);
        assert_eq!(at(datetime!(2026-12-13 08:59 UTC)), Phase::Grace);
        assert_eq!(at(datetime!(2026-12-13 09:00 UTC)), Phase::Final);
        assert_eq!(
            Phase::of(&w, datetime!(2026-12-08 00:00 UTC), false, true),
            Phase::Cancelled
        );
        assert_eq!(
            Phase::of(&w, datetime!(2026-12-14 00:00 UTC), true, false),
            Phase::Published
        );
    }
}
