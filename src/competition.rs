//! A competition (*lomba*) on the device: where each one stands for this phone, the attempt's
//! countdown (from the start saved on the phone, so it survives reloads), and sending the
//! attempt through the outbox. The rules of grading and the window are the server's
//! (`resapi_core::competition`); the phone only keeps to the time limit and to one attempt.

use crate::local_time::rfc3339;
use crate::store::attention::AttentionItem;
use crate::store::competitions::Attempt;
use crate::store::guarded::Saved;
use crate::store::{Store, StoreError};
use crate::sync::record::made_now;
use resapi_core::competition::grade::AttemptAnswer;
use resapi_core::competition::schedule::Phase;
use resapi_core::competition::wire::{MyCompetition, Paper};
use resapi_core::sync::{CompetitionAttempt, RecordKind};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

/// Where a competition stands for this person on this phone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Open, its paper is here: "Kerjakan".
    Ready,
    /// Open, but the paper is not downloaded yet (needs a connection).
    NeedsDownload,
    /// An attempt started on this phone and not sent: "Lanjutkan".
    InProgress,
    /// An attempt was sent (or the server holds one), results not published yet.
    Taken,
    /// The attempt sent from this phone was refused by the server (it is in "Perlu
    /// perhatian" with the reason, e.g. it arrived after the grace period).
    Refused,
    /// Not open yet.
    Upcoming,
    /// Closed without an attempt from this person, results not published yet.
    Closed,
    Published,
    Cancelled,
}

impl Standing {
    /// The list's section: 0 open, 1 upcoming, 2 finished.
    pub fn section(self) -> usize {
        match self {
            Standing::Ready | Standing::NeedsDownload | Standing::InProgress => 0,
            Standing::Upcoming => 1,
            Standing::Taken
            | Standing::Refused
            | Standing::Closed
            | Standing::Published
            | Standing::Cancelled => 2,
        }
    }
}

/// Where `c` stands, from the last synced list, what is on the phone (`refused`: the
/// server refused this account's attempt) and the phone's clock (the list may be days old on
/// a phone without signal: a competition it saw as upcoming opens, and one it saw open
/// closes, by the clock).
pub fn standing(
    c: &MyCompetition,
    paper_here: bool,
    attempt: Option<&Attempt>,
    refused: bool,
    now: OffsetDateTime,
) -> Standing {
    let sent = attempt.is_some_and(|a| a.sent_at.is_some());
    match c.phase {
        Phase::Cancelled => return Standing::Cancelled,
        Phase::Published => return Standing::Published,
        _ => {}
    }
    if c.taken {
        return Standing::Taken;
    }
    if sent {
        return if refused {
            Standing::Refused
        } else {
            Standing::Taken
        };
    }
    if attempt.is_some() {
        return Standing::InProgress;
    }
    if now < c.opens_at {
        Standing::Upcoming
    } else if now >= c.closes_at || !matches!(c.phase, Phase::Open | Phase::Upcoming) {
        Standing::Closed
    } else if paper_here {
        Standing::Ready
    } else {
        Standing::NeedsDownload
    }
}

/// The competitions whose attempt the server refused, with the refusal (from "Perlu
/// perhatian").
pub fn refusals(items: &[AttentionItem]) -> Vec<(String, &AttentionItem)> {
    items
        .iter()
        .filter(|i| i.record.kind == RecordKind::CompetitionAttempt)
        .filter_map(|i| {
            let attempt: CompetitionAttempt =
                serde_json::from_value(i.record.payload.clone()).ok()?;
            Some((attempt.competition_id.to_string(), i))
        })
        .collect()
}

fn parse(s: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).ok()
}

/// When the attempt's time runs out.
pub fn deadline(attempt: &Attempt) -> Option<OffsetDateTime> {
    Some(parse(&attempt.started_at)? + Duration::minutes(i64::from(attempt.limit_minutes)))
}

/// Whole seconds left at `now` (0 once the time is up).
pub fn seconds_left(attempt: &Attempt, now: OffsetDateTime) -> u32 {
    deadline(attempt).map_or(0, |end| {
        (end - now).whole_seconds().clamp(0, i64::from(u32::MAX)) as u32
    })
}

/// The moments a screen reader is told how much time is left: the countdown is a `timer`,
/// which is not read out as it changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeWarning {
    Silent,
    FiveMinutes,
    LastMinute,
}

/// Which warning applies with `left` seconds to go: five minutes only for an attempt longer
/// than that, then the last minute. Each lasts until the next, so it is said once.
pub fn time_warning(attempt: &Attempt, left: u32) -> TimeWarning {
    match left {
        0..60 => TimeWarning::LastMinute,
        60..300 if attempt.limit_minutes > 5 => TimeWarning::FiveMinutes,
        _ => TimeWarning::Silent,
    }
}

/// "12:05": minutes and seconds.
pub fn clock(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// The record's payload for `attempt` finished at `now`. A phone reopened after its time ran
/// out finishes at the deadline: its answers were all given before it (a tap after the time
/// is refused on the phone), and the server would refuse a later finish as over the limit.
pub fn payload(attempt: &Attempt, now: OffsetDateTime) -> Option<CompetitionAttempt> {
    let started = parse(&attempt.started_at)?;
    let finished = deadline(attempt)
        .map_or(now, |end| now.min(end))
        .max(started);
    Some(CompetitionAttempt {
        competition_id: Uuid::parse_str(&attempt.competition_id).ok()?,
        started_at: started,
        finished_at: finished,
        answers: attempt
            .answers
            .iter()
            .map(|a| AttemptAnswer {
                question_id: a.question_id.clone(),
                option_id: a.option_id.clone(),
            })
            .collect(),
    })
}

/// A new attempt at `c` started now, unless the phone already has one.
pub async fn start(
    store: &Store,
    account_id: &str,
    c: &MyCompetition,
    now: OffsetDateTime,
) -> Result<Saved<Attempt>, StoreError> {
    let attempt = Attempt {
        account_id: account_id.to_owned(),
        competition_id: c.id.to_string(),
        started_at: rfc3339(now),
        limit_minutes: c.limit_minutes,
        position: 0,
        answers: Vec::new(),
        sent_at: None,
    };
    store.start_competition_attempt(&attempt).await
}

/// Chooses `option_id` for the question on screen, if the time has not run out.
pub async fn choose(
    store: &Store,
    paper: &Paper,
    attempt: &Attempt,
    option_id: &str,
    now: OffsetDateTime,
) -> Result<Option<Saved<Attempt>>, StoreError> {
    let Some(q) = paper.questions.get(attempt.position) else {
        return Ok(None);
    };
    if seconds_left(attempt, now) == 0 || !q.options.iter().any(|o| o.id == option_id) {
        return Ok(None);
    }
    let next = attempt.choose(&q.id, option_id);
    store
        .step_competition_attempt(attempt, &next)
        .await
        .map(Some)
}

/// Sends `attempt` (finished at `now`) to the outbox as a `competition_attempt` record.
pub async fn send(
    store: &Store,
    attempt: &Attempt,
    now: OffsetDateTime,
) -> Result<Saved<Attempt>, StoreError> {
    let payload = payload(attempt, now).ok_or(StoreError::Record("invalid_payload"))?;
    let record = made_now(Uuid::now_v7(), &attempt.account_id, &payload)?;
    let sent = attempt.sent(&rfc3339(payload.finished_at));
    store
        .send_competition_attempt(attempt, &sent, &record)
        .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn competition(phase: Phase) -> MyCompetition {
        MyCompetition {
            id: Uuid::nil(),
            name: "Lomba".into(),
            description: String::new(),
            zone: resapi_core::competition::schedule::Zone::Wib,
            opens_at: datetime!(2026-12-01 01:00 UTC),
            closes_at: datetime!(2026-12-08 01:00 UTC),
            grace_hours: 48,
            limit_minutes: 10,
            question_count: 5,
            phase,
            cancel_reason: None,
            taken: false,
            result: None,
            podium: Vec::new(),
            top_people: Vec::new(),
        }
    }

    fn attempt(started_at: &str) -> Attempt {
        Attempt {
            account_id: "a".into(),
            competition_id: Uuid::nil().to_string(),
            started_at: started_at.into(),
            limit_minutes: 10,
            position: 0,
            answers: Vec::new(),
            sent_at: None,
        }
    }

    #[wasm_bindgen_test]
    fn a_screen_reader_is_told_of_five_minutes_and_the_last_minute_once_each() {
        use TimeWarning::*;
        let ten = Attempt {
            limit_minutes: 10,
            ..attempt("2026-12-01T02:00:00Z")
        };
        let said = [600, 301, 300, 299, 60, 59, 1, 0].map(|left| time_warning(&ten, left));
        assert_eq!(
            said,
            [
                Silent,
                Silent,
                Silent,
                FiveMinutes,
                FiveMinutes,
                LastMinute,
                LastMinute,
                LastMinute
            ]
        );
        // An attempt of five minutes or less starts inside the window: no "5 minutes left".
        for minutes in [1, 5] {
            let short = Attempt {
                limit_minutes: minutes,
                ..attempt("2026-12-01T02:00:00Z")
            };
            assert_eq!(time_warning(&short, 299), Silent);
            assert_eq!(time_warning(&short, 59), LastMinute);
        }
    }

    #[wasm_bindgen_test]
    fn an_open_competition_offers_the_attempt_only_with_its_paper_and_only_once() {
        let c = competition(Phase::Open);
        let during = datetime!(2026-12-02 01:00 UTC);
        assert_eq!(standing(&c, true, None, false, during), Standing::Ready);
        assert_eq!(
            standing(&c, false, None, false, during),
            Standing::NeedsDownload
        );
        let started = attempt("2026-12-02T01:00:00Z");
        assert_eq!(
            standing(&c, true, Some(&started), false, during),
            Standing::InProgress
        );
        let sent = started.sent("2026-12-02T01:05:00Z");
        assert_eq!(
            standing(&c, false, Some(&sent), false, during),
            Standing::Taken
        );
        assert_eq!(
            standing(&c, false, Some(&sent), true, during),
            Standing::Refused,
            "refused by the server: said so, and no second attempt"
        );
        let taken = MyCompetition { taken: true, ..c };
        assert_eq!(standing(&taken, true, None, false, during), Standing::Taken);
    }

    #[wasm_bindgen_test]
    fn a_list_synced_days_ago_follows_the_phones_clock() {
        let upcoming = competition(Phase::Upcoming);
        let before = datetime!(2026-11-30 01:00 UTC);
        assert_eq!(
            standing(&upcoming, false, None, false, before),
            Standing::Upcoming
        );
        let opened = datetime!(2026-12-01 01:00 UTC);
        assert_eq!(
            standing(&upcoming, false, None, false, opened),
            Standing::NeedsDownload
        );
        let open = competition(Phase::Open);
        let closed = datetime!(2026-12-08 01:00 UTC);
        assert_eq!(standing(&open, true, None, false, closed), Standing::Closed);
        assert_eq!(
            standing(&competition(Phase::Grace), true, None, false, opened),
            Standing::Closed
        );
        let cancelled = competition(Phase::Cancelled);
        assert_eq!(
            standing(&cancelled, true, None, false, opened),
            Standing::Cancelled
        );
    }

    #[wasm_bindgen_test]
    fn the_countdown_runs_from_the_saved_start_and_stops_at_zero() {
        let a = attempt("2026-12-02T01:00:00Z");
        assert_eq!(seconds_left(&a, datetime!(2026-12-02 01:00 UTC)), 600);
        assert_eq!(seconds_left(&a, datetime!(2026-12-02 01:07:30 UTC)), 150);
        assert_eq!(seconds_left(&a, datetime!(2026-12-02 02:00 UTC)), 0);
        assert_eq!(clock(150), "2:30");
        assert_eq!(clock(600), "10:00");
    }

    #[wasm_bindgen_test]
    fn an_attempt_reopened_after_its_time_finishes_at_its_deadline() {
        let a = attempt("2026-12-02T01:00:00Z")
            .choose("q1", "o2")
            .choose("q1", "o3");
        let p = payload(&a, datetime!(2026-12-03 09:00 UTC)).unwrap();
        assert_eq!(p.finished_at, datetime!(2026-12-02 01:10 UTC));
        assert_eq!(
            p.answers.len(),
            1,
            "a changed choice replaces the earlier one"
        );
        assert_eq!(p.answers[0].option_id, "o3");
        let early = payload(&a, datetime!(2026-12-02 01:04 UTC)).unwrap();
        assert_eq!(early.finished_at, datetime!(2026-12-02 01:04 UTC));
    }
}
