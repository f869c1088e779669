//! `resapi-server demo`: fills a new, empty database with a believable agency — the unit
//! tree of `units.toml`, a few thousand people, a year of practice, questionnaires and
//! module work — so a newcomer sees full dashboards and benchmarks have data. Generation is
//! pure and seeded (the files beside this one); `store/demo.rs` holds the SQL. Every record is
//! built from the core's payload types and passes the server's own check
//! ([`check_record`]) before it is stored. The database is marked as demo first, and a
//! database that holds anything is refused: demo data never mixes with real data.

pub mod calendar;
pub mod command;
pub mod competitions;
pub mod modules;
pub mod patterns;
pub mod people;
pub mod practice;
pub mod questionnaires;
mod random;
pub mod record;
pub mod tree;

use crate::passwords::Passwords;
use crate::records::{canonical_json, fingerprint};
use crate::store::demo::{self as insert, AccountRow, RecordRow, Writer};
use crate::store::{Store, rfc3339};
use calendar::{Calendar, WIB};
use patterns::Strength;
use people::Person;
use record::DemoRecord;
use resapi_core::content::{ContentBundle, Unit};
use resapi_core::rng::Rng;
use resapi_core::sync::{PracticeAnswer, RecordError, RecordKind, check_record};
use std::collections::BTreeMap;
use std::time::Instant;
use time::{Date, Duration, OffsetDateTime};
use tree::UnitProfile;

pub use people::{DEMO_PASSWORD, SIGN_IN};

pub const DEFAULT_SEED: u64 = 2026;
pub const DEFAULT_ACCOUNTS: u32 = 3000;
/// Records per account when no record count is asked for (about a year of use).
pub const RECORDS_PER_ACCOUNT: u64 = 60;
/// Days of data, ending on the day the demo is made.
pub const DAYS: u16 = 365;
/// Records written per transaction.
const RECORDS_PER_TRANSACTION: usize = 25_000;
/// Records of one practice session on average (ten answers and the summary; some quit).
const RECORDS_PER_SESSION: f64 = 10.65;

#[derive(Debug, Clone)]
pub struct Options {
    pub seed: u64,
    pub accounts: u32,
    /// About this many records in all (never fewer than the questionnaires and modules need).
    pub records: u64,
    /// The last day of data (default: today in WIB; never later).
    pub until: Option<Date>,
}

impl Options {
    /// The defaults, or an agency sized for `records` (about 100 records per person, at
    /// least [`DEFAULT_ACCOUNTS`] people) when only a record count is given.
    pub fn sized(seed: u64, accounts: Option<u32>, records: Option<u64>) -> Options {
        let accounts = accounts.unwrap_or_else(|| match records {
            Some(r) => (r / 100).clamp(u64::from(DEFAULT_ACCOUNTS), 1_000_000) as u32,
            None => DEFAULT_ACCOUNTS,
        });
        Options {
            seed,
            accounts,
            records: records.unwrap_or(u64::from(accounts) * RECORDS_PER_ACCOUNT),
            until: None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error(
        "this database already holds demo data; to make it again, delete the file (and its -wal and -shm files) first"
    )]
    AlreadyDemo,
    #[error(
        "this database is not empty ({accounts} account(s), {records} record(s), {roster} roster row(s)); demo data goes only into a new, empty database: give another --db file"
    )]
    NotEmpty {
        accounts: i64,
        records: i64,
        roster: i64,
    },
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    #[error("database error: {0}")]
    Store(#[from] crate::store::StoreError),
    #[error("a generated record cannot be built ({0}); this is a bug in the demo")]
    Record(#[from] RecordError),
    #[error("cannot hash the demo password: {0}")]
    Password(String),
    #[error(
        "a generated {kind} record fails the server's check ({code}); this is a bug in the demo"
    )]
    Invalid {
        kind: &'static str,
        code: &'static str,
    },
}

/// Who is in the scene a generator writes for.
pub struct Scene<'a> {
    pub content: &'a ContentBundle,
    pub cal: &'a Calendar,
    pub person: &'a Person,
    pub unit: &'a UnitProfile,
}

impl<'a> Scene<'a> {
    fn of(
        content: &'a ContentBundle,
        cal: &'a Calendar,
        plan: &'a [UnitProfile],
        person: &'a Person,
    ) -> Scene<'a> {
        Scene {
            content,
            cal,
            person,
            unit: &plan[person.unit],
        }
    }
}

/// What a fill made, for the command's summary and the tests.
#[derive(Debug, Clone)]
pub struct Report {
    pub units: usize,
    pub accounts: usize,
    pub records: u64,
    pub by_kind: BTreeMap<&'static str, u64>,
    pub seconds: f64,
    pub first_day: Date,
    pub last_day: Date,
    pub strong_units: Vec<String>,
    pub weak_units: Vec<String>,
    pub small_units: Vec<String>,
    /// `(year, month)` of the seasonal dip (Lebaran).
    pub dip_month: Option<(i32, time::Month)>,
}

/// A seed of its own for each person and part, so that a person's records do not depend
/// on how many were drawn before them.
fn stream(seed: u64, person: usize, part: u64) -> Rng {
    let mut mix = Rng::new(
        seed ^ (person as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
            ^ part.wrapping_mul(0xD1B5_4A32_D192_ED03),
    );
    Rng::new(mix.next_u64())
}

/// Questionnaire and module records of one person (the same on every call).
fn survey_records(scene: &Scene, seed: u64, index: usize) -> Result<Vec<DemoRecord>, RecordError> {
    let mut out = questionnaires::responses(scene, &mut stream(seed, index, 1))?;
    out.extend(modules::records(scene, &mut stream(seed, index, 2))?);
    Ok(out)
}

/// How much more or less a unit of this strength practises.
fn practice_weight(strength: Strength) -> f64 {
    match strength {
        Strength::Strong => 1.3,
        Strength::Average => 1.0,
        Strength::Weak => 0.7,
    }
}

/// Fills the empty database `db` with a demo agency. `progress` is called after each
/// transaction with (records written, records planned).
pub async fn fill(
    store: &Store,
    content: &ContentBundle,
    units: &[Unit],
    options: &Options,
    mut progress: impl FnMut(u64, u64),
) -> Result<Report, DemoError> {
    let started = Instant::now();
    let occupied = insert::occupancy(store.pool()).await?;
    if occupied.demo {
        return Err(DemoError::AlreadyDemo);
    }
    if !occupied.is_empty() {
        return Err(DemoError::NotEmpty {
            accounts: occupied.accounts,
            records: occupied.records,
            roster: occupied.roster,
        });
    }
    let now = OffsetDateTime::now_utc();
    let today = now.to_offset(WIB).date();
    let last = options.until.map_or(today, |d| d.min(today));
    let cal = Calendar::new(last, DAYS, now);
    let seed = options.seed;

    let mut rng = Rng::new(seed);
    let keep: Vec<&str> = SIGN_IN.iter().map(|s| s.unit_id).collect();
    let plan = tree::plan(units, options.accounts, &keep, &mut rng);
    let created = cal
        .first
        .with_hms(1, 0, 0)
        .unwrap_or(cal.first.midnight())
        .assume_offset(WIB)
        - Duration::days(30);
    let people = people::plan(
        &plan,
        &mut rng,
        record::unix_ms(created),
        last.year(),
        cal.days(),
    );

    // The practice budget: what the target leaves after questionnaires and modules, shared
    // out by keenness and unit.
    let mut survey_total = 0u64;
    for (i, person) in people.iter().enumerate() {
        let s = Scene::of(content, &cal, &plan, person);
        survey_total += survey_records(&s, seed, i)?.len() as u64;
    }
    let sessions_total = options.records.saturating_sub(survey_total) as f64 / RECORDS_PER_SESSION;
    let weights: Vec<f64> = people
        .iter()
        .map(|p| {
            if p.active {
                // Someone who joins late practises as often, for the part of the year left.
                let left = 1.0 - cal.progress(p.joined);
                p.keenness * practice_weight(plan[p.unit].strength) * left
            } else {
                0.0
            }
        })
        .collect();
    let weight_sum: f64 = weights.iter().sum::<f64>().max(f64::MIN_POSITIVE);
    let planned = survey_total + sessions_total.round() as u64 * 11;

    store.sync_units(units).await?;
    let hash = Passwords::new(1)
        .hash(DEMO_PASSWORD.to_string())
        .await
        .map_err(|e| DemoError::Password(e.to_string()))?;
    // SQLite: the demo fills a file (a PostgreSQL demo: fill a file, then migrate-to-postgres).
    let Some(file) = store.sqlite() else {
        return Err(DemoError::Store(crate::store::StoreError::SqliteOnly(
            "demo",
        )));
    };
    let mut writer = Writer::open(file).await?;
    writer.mark_demo(seed, &rfc3339(now)).await?;
    let created_at = rfc3339(created);
    let account_rows: Vec<AccountRow> = people
        .iter()
        .map(|p| AccountRow {
            id: p.id.to_string(),
            nip: &p.nip,
            name: &p.name,
            unit_id: &plan[p.unit].id,
            created_at: created_at.clone(),
            roles: &p.roles,
        })
        .collect();
    writer.accounts(&account_rows, &hash).await?;

    let mut by_kind: BTreeMap<&'static str, u64> = BTreeMap::new();
    let mut written = 0u64;
    let mut buffer: Vec<RecordRow> = Vec::with_capacity(RECORDS_PER_TRANSACTION + 400);
    for (i, person) in people.iter().enumerate() {
        let s = Scene::of(content, &cal, &plan, person);
        let share = sessions_total * weights[i] / weight_sum;
        let mut sessions_rng = stream(seed, i, 3);
        // Stochastic rounding keeps the total on target.
        let sessions =
            share.floor() as u32 + u32::from(random::chance(&mut sessions_rng, share.fract()));
        let mut made = survey_records(&s, seed, i)?;
        made.extend(practice::sessions(&s, &mut sessions_rng, sessions)?);
        for r in made {
            let row = checked_row(r, content, now)?;
            *by_kind.entry(row.kind).or_default() += 1;
            buffer.push(row);
        }
        if buffer.len() >= RECORDS_PER_TRANSACTION {
            written += buffer.len() as u64;
            writer.records(&buffer).await?;
            buffer.clear();
            progress(written, planned.max(written));
        }
    }
    // Rounding may leave the total a little short: a few more sessions of active people
    // make it at least what was asked (a benchmark asking for a million gets a million).
    let active: Vec<usize> = (0..people.len()).filter(|&i| weights[i] > 0.0).collect();
    let mut extra = 0;
    while written + (buffer.len() as u64) < options.records && !active.is_empty() {
        let i = active[extra % active.len()];
        let s = Scene::of(content, &cal, &plan, &people[i]);
        let mut rng = stream(seed, i, 4 + extra as u64);
        for r in practice::sessions(&s, &mut rng, 1)? {
            let row = checked_row(r, content, now)?;
            *by_kind.entry(row.kind).or_default() += 1;
            buffer.push(row);
        }
        extra += 1;
    }
    written += buffer.len() as u64;
    writer.records(&buffer).await?;
    progress(written, written);
    writer.finish().await?;
    // The records went in by bulk insert, past the per-record path that keeps the
    // dashboard facts: build them once, as a server start would.
    store.rebuild_facts(content).await?;

    let names = |s: Strength| -> Vec<String> {
        plan.iter()
            .filter(|u| u.strength == s && !u.small)
            .map(|u| u.id.clone())
            .collect()
    };
    Ok(Report {
        units: plan.len(),
        accounts: people.len(),
        records: written,
        by_kind,
        seconds: started.elapsed().as_secs_f64(),
        first_day: cal.first,
        last_day: cal.last,
        strong_units: names(Strength::Strong),
        weak_units: names(Strength::Weak),
        small_units: plan
            .iter()
            .filter(|u| u.small)
            .map(|u| u.id.clone())
            .collect(),
        dip_month: patterns::dip_month(cal.first, cal.last),
    })
}

/// The row of a generated record, after the server's own check (which also judges a
/// practice answer, as a sync would).
fn checked_row(
    made: DemoRecord,
    content: &ContentBundle,
    now: OffsetDateTime,
) -> Result<RecordRow, DemoError> {
    let record = made.record;
    let invalid = |code| DemoError::Invalid {
        kind: record.kind.as_str(),
        code,
    };
    let server_correct =
        check_record(&record, record.account_id, content, now).map_err(|e| invalid(e.code()))?;
    let slot = if record.kind == RecordKind::PracticeAnswer {
        let answer: PracticeAnswer = serde_json::from_value(record.payload.clone())
            .map_err(|_| invalid("invalid_payload"))?;
        Some((answer.session_id.to_string(), answer.position))
    } else {
        None
    };
    Ok(RecordRow {
        id: record.id.to_string(),
        account_id: record.account_id.to_string(),
        kind: record.kind.as_str(),
        created_at: rfc3339(record.created_at),
        received_at: rfc3339(made.received_at),
        payload: canonical_json(&record.payload),
        content_hash: fingerprint(&record),
        server_correct,
        slot,
    })
}

/// Whether the database file at `path` is marked as demo data (false when it cannot be
/// read as one: a missing file, an older schema).
pub async fn file_is_demo(path: &std::path::Path) -> bool {
    let Ok(store) = Store::open_existing(path).await else {
        return false;
    };
    let demo = insert::is_demo(store.pool()).await.unwrap_or(false);
    store.close().await;
    demo
}

/// The warning the admin commands print on a demo database.
pub fn admin_warning(path: &std::path::Path) -> String {
    format!(
        "warning: {} holds DEMO data made by `resapi-server demo` (a made-up agency), not a real one; \
         changes here are demo changes. Use a new database file for real use.",
        path.display()
    )
}

/// Says at start that the database holds demo data (a log line), so nobody mistakes it for
/// the agency's.
pub async fn announce(store: &Store) {
    match insert::is_demo(store.pool()).await {
        Ok(true) => tracing::warn!(
            "this database holds DEMO data (made by `resapi-server demo`): a made-up agency, not real people"
        ),
        Ok(false) => {}
        Err(e) => tracing::error!(error = %e, "cannot read whether the database holds demo data"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_count_alone_sizes_the_agency_at_about_a_hundred_records_a_person() {
        let default = Options::sized(1, None, None);
        assert_eq!((default.accounts, default.records), (3000, 180_000));
        let bench = Options::sized(1, None, Some(1_000_000));
        assert_eq!((bench.accounts, bench.records), (10_000, 1_000_000));
        let small = Options::sized(1, Some(300), Some(15_000));
        assert_eq!((small.accounts, small.records), (300, 15_000));
    }
}
