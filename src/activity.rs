//! The person's active days on the device's calendar, for the optional streak.

use crate::local_time::local_offset;
use crate::store::{Store, StoreError};
use std::collections::BTreeSet;
use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime};

fn local_day(rfc3339: &str) -> Option<Date> {
    Some(
        OffsetDateTime::parse(rfc3339, &Rfc3339)
            .ok()?
            .to_offset(local_offset())
            .date(),
    )
}

/// Days with a practice session, a questionnaire or a journal entry.
pub async fn active_days(store: &Store, account_id: &str) -> Result<BTreeSet<Date>, StoreError> {
    let mut days = BTreeSet::new();
    for r in store.results(account_id).await? {
        days.extend(local_day(&r.finished_at));
    }
    for r in store.responses(account_id).await? {
        days.extend(local_day(&r.finished_at));
    }
    for j in store.journal(account_id).await? {
        days.extend(local_day(&j.at));
    }
    Ok(days)
}
