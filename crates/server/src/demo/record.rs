//! One demo record as a phone would have sent it: a [`SyncRecord`] built from the core's
//! payload types, with the moment the server received it (a little later; days later for a
//! phone that was offline).

use super::calendar::Calendar;
use super::people::{Person, uuid_v7};
use super::random;
use resapi_core::rng::Rng;
use resapi_core::sync::{Payload, RecordError, SyncRecord};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

#[derive(Debug, Clone)]
pub struct DemoRecord {
    pub record: SyncRecord,
    pub received_at: OffsetDateTime,
}

/// A record of `person` made at `at`, with a fresh id.
pub fn make(
    rng: &mut Rng,
    person: &Person,
    at: OffsetDateTime,
    payload: &impl Payload,
) -> Result<DemoRecord, RecordError> {
    let id = uuid_v7(rng, unix_ms(at));
    make_with_id(id, person, at, payload)
}

/// A record with a given id (a practice session's summary carries the session's id).
pub fn make_with_id(
    id: Uuid,
    person: &Person,
    at: OffsetDateTime,
    payload: &impl Payload,
) -> Result<DemoRecord, RecordError> {
    Ok(DemoRecord {
        record: SyncRecord::new(id, person.id, at, payload)?,
        received_at: at,
    })
}

/// When a phone's sync reached the server after `at`: mostly within two minutes, sometimes
/// hours later, now and then days later (a phone without signal). Never after `now`.
pub fn received(rng: &mut Rng, at: OffsetDateTime, cal: &Calendar) -> OffsetDateTime {
    let roll = random::unit(rng);
    let delay = if roll < 0.7 {
        Duration::seconds(random::between(rng, 1, 120))
    } else if roll < 0.9 {
        Duration::minutes(random::between(rng, 5, 180))
    } else {
        Duration::hours(random::between(rng, 20, 72))
    };
    (at + delay).min(cal.now)
}

pub fn unix_ms(at: OffsetDateTime) -> i64 {
    (at.unix_timestamp_nanos() / 1_000_000) as i64
}
