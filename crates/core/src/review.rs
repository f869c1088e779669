//! "Ulang": spaced review of practice questions a person answered wrong, scheduled with
//! FSRS-5 (the published formulas and default parameters; see `docs/review.md`).
//!
//! The schedule is never stored: [`rebuild`] replays the person's answer history, so a
//! restored phone gets the same schedule from its records. Pure functions, no clock: the
//! caller passes the device's UTC offset and "today".

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::{Date, Duration, OffsetDateTime, UtcOffset};

/// FSRS-5 default parameters w0..w18.
pub const PARAMS: [f64; 19] = [
    0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192, 1.01925,
    1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621,
];
/// Probability of recall the intervals aim for.
pub const DESIRED_RETENTION: f64 = 0.9;
/// Longest interval between two reviews, in days.
pub const MAX_INTERVAL_DAYS: i64 = 365;
/// FSRS-5 forgetting curve: R(t, S) = (1 + FACTOR · t / S)^DECAY.
const DECAY: f64 = -0.5;
const FACTOR: f64 = 19.0 / 81.0;
const MIN_STABILITY: f64 = 0.01;
const MAX_STABILITY: f64 = 36500.0;

/// One answer to a question, from a practice session or a review session alike.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewEvent {
    pub question_id: String,
    /// When the person answered (UTC).
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub correct: bool,
}

/// The memory state of one question in review.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Card {
    /// Days until recall probability falls to 90 %.
    pub stability: f64,
    /// 1 (easy) to 10 (hard).
    pub difficulty: f64,
    /// The last answer that changed the schedule (UTC).
    #[serde(with = "time::serde::rfc3339")]
    pub last_review: OffsetDateTime,
    /// `last_review` plus the interval in whole days (UTC); see [`due_on`] for the local date.
    #[serde(with = "time::serde::rfc3339")]
    pub due: OffsetDateTime,
    /// Answers counted as reviews, the first wrong one included.
    pub reviews: u32,
    /// Wrong answers counted, the first one included.
    pub lapses: u32,
}

impl Card {
    /// Days from the last review to the due date.
    pub fn interval_days(&self) -> i64 {
        (self.due - self.last_review).whole_days()
    }
}

/// Question id → card. Questions never answered wrong are absent.
pub type ReviewState = BTreeMap<String, Card>;

/// FSRS rating: wrong → Again (1), right → Good (3).
#[derive(Clone, Copy, PartialEq)]
enum Rating {
    Again = 1,
    Good = 3,
}

impl Rating {
    fn g(self) -> f64 {
        self as i32 as f64
    }
}

/// Rebuilds the review state from a person's whole answer history, in any order. Events
/// with the same (question id, time) count once (a wrong one wins over a right one, so the
/// result does not depend on the order). `offset` is the device's UTC offset: it decides
/// which answers fall on the same local day.
pub fn rebuild(events: &[ReviewEvent], offset: UtcOffset) -> ReviewState {
    let mut sorted: Vec<&ReviewEvent> = events.iter().collect();
    sorted
        .sort_by(|a, b| (&a.question_id, a.at, a.correct).cmp(&(&b.question_id, b.at, b.correct)));
    sorted.dedup_by(|later, kept| later.question_id == kept.question_id && later.at == kept.at);
    let mut state = ReviewState::new();
    for e in sorted {
        let next = step(state.get(&e.question_id), e, offset);
        if let Some(card) = next {
            state.insert(e.question_id.clone(), card);
        }
    }
    state
}

/// Applies one answer (later than every answer already applied) to a question's card.
fn step(card: Option<&Card>, e: &ReviewEvent, offset: UtcOffset) -> Option<Card> {
    let rating = if e.correct {
        Rating::Good
    } else {
        Rating::Again
    };
    let Some(card) = card else {
        // A question enters review on its first wrong answer.
        return (rating == Rating::Again).then(|| Card {
            stability: init_stability(rating),
            difficulty: init_difficulty(rating),
            last_review: e.at,
            due: e.at + Duration::days(1),
            reviews: 1,
            lapses: 1,
        });
    };
    let elapsed = (local_date(e.at, offset) - local_date(card.last_review, offset)).whole_days();
    let stability = match (rating, elapsed) {
        // Same local day, right: a short-term repeat, ignored so it cannot inflate stability.
        (Rating::Good, ..=0) => return Some(card.clone()),
        // Same local day, wrong: FSRS-5 same-day formula S·e^(w17·(G − 3 + w18)) (≈ 0.5·S).
        (Rating::Again, ..=0) => {
            card.stability * (PARAMS[17] * (rating.g() - 3.0 + PARAMS[18])).exp()
        }
        (Rating::Good, _) => recall_stability(card, retrievability(elapsed, card.stability)),
        (Rating::Again, _) => forget_stability(card, retrievability(elapsed, card.stability)),
    };
    let stability = stability.clamp(MIN_STABILITY, MAX_STABILITY);
    // A wrong answer always brings the question back the next local day (the app has no
    // same-day relearning steps); a right one waits the FSRS interval.
    let days = match rating {
        Rating::Again => 1,
        Rating::Good => interval_days(stability),
    };
    Some(Card {
        stability,
        difficulty: next_difficulty(card.difficulty, rating),
        last_review: e.at,
        due: e.at + Duration::days(days),
        reviews: card.reviews + 1,
        lapses: card.lapses + u32::from(rating == Rating::Again),
    })
}

fn local_date(at: OffsetDateTime, offset: UtcOffset) -> Date {
    at.to_offset(offset).date()
}

/// S0(G) = w[G−1].
fn init_stability(rating: Rating) -> f64 {
    PARAMS[rating as usize - 1]
}

/// D0(G) = w4 − e^(w5·(G − 1)) + 1, clamped to 1..=10.
fn init_difficulty(rating: Rating) -> f64 {
    (PARAMS[4] - (PARAMS[5] * (rating.g() - 1.0)).exp() + 1.0).clamp(1.0, 10.0)
}

/// D' = D + ΔD·(10 − D)/9 with ΔD = −w6·(G − 3) (linear damping), then mean reversion
/// D'' = w7·D0(4) + (1 − w7)·D', clamped to 1..=10.
fn next_difficulty(d: f64, rating: Rating) -> f64 {
    let delta = -PARAMS[6] * (rating.g() - 3.0);
    let damped = d + delta * (10.0 - d) / 9.0;
    let easy = PARAMS[4] - (PARAMS[5] * 3.0).exp() + 1.0;
    (PARAMS[7] * easy + (1.0 - PARAMS[7]) * damped).clamp(1.0, 10.0)
}

/// R(t, S) = (1 + FACTOR·t/S)^DECAY.
fn retrievability(elapsed_days: i64, stability: f64) -> f64 {
    (1.0 + FACTOR * elapsed_days as f64 / stability).powf(DECAY)
}

/// S'r = S·(e^w8·(11 − D)·S^−w9·(e^(w10·(1 − R)) − 1) + 1) for Good (no Hard/Easy factor).
fn recall_stability(card: &Card, r: f64) -> f64 {
    let (s, d) = (card.stability, card.difficulty);
    s * (PARAMS[8].exp() * (11.0 - d) * s.powf(-PARAMS[9]) * ((PARAMS[10] * (1.0 - r)).exp() - 1.0)
        + 1.0)
}

/// S'f = w11·D^−w12·((S + 1)^w13 − 1)·e^(w14·(1 − R)), at most S / e^(w17·w18).
fn forget_stability(card: &Card, r: f64) -> f64 {
    let (s, d) = (card.stability, card.difficulty);
    let long_term = PARAMS[11]
        * d.powf(-PARAMS[12])
        * ((s + 1.0).powf(PARAMS[13]) - 1.0)
        * (PARAMS[14] * (1.0 - r)).exp();
    long_term.min(s / (PARAMS[17] * PARAMS[18]).exp())
}

/// I = S/FACTOR·(r^(1/DECAY) − 1) (= S at r = 0.9), rounded, within 1..=MAX_INTERVAL_DAYS.
fn interval_days(stability: f64) -> i64 {
    let raw = stability / FACTOR * (DESIRED_RETENTION.powf(1.0 / DECAY) - 1.0);
    (raw.round() as i64).clamp(1, MAX_INTERVAL_DAYS)
}

/// The local date on which `card` is due, for a device at `offset`.
pub fn due_on(card: &Card, offset: UtcOffset) -> Date {
    local_date(card.due, offset)
}

/// Ids of the questions due on or before `today` (local), most overdue first, ties by id.
pub fn due_questions(state: &ReviewState, today: Date, offset: UtcOffset) -> Vec<String> {
    let mut due: Vec<(Date, &String)> = state
        .iter()
        .map(|(id, card)| (due_on(card, offset), id))
        .filter(|(date, _)| *date <= today)
        .collect();
    due.sort();
    due.into_iter().map(|(_, id)| id.clone()).collect()
}

/// How many questions are due on or before `today` (local): the number shown on home.
pub fn due_count(state: &ReviewState, today: Date, offset: UtcOffset) -> usize {
    state
        .values()
        .filter(|card| due_on(card, offset) <= today)
        .count()
}
