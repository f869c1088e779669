//! Competitions on the server (docs/competitions.md): the stored row as the organiser's and
//! the participant's views, the results once nothing more can arrive, and a participant's own
//! list. The rules are `resapi_core::competition`; the SQL is `store::competitions`.

pub mod mine;
pub mod results;

use crate::store::{CompetitionRow, StoreError, unix_ms};
use resapi_core::competition::draw::QuestionSource;
use resapi_core::competition::ranking::RankingRule;
use resapi_core::competition::schedule::{Checked, CompetitionDraft, Phase, Zone};
use resapi_core::competition::wire::Competition;
use time::OffsetDateTime;
use uuid::Uuid;

type Result<T> = std::result::Result<T, StoreError>;

fn corrupt(row: &CompetitionRow, what: &str, e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(format!("competition {} {what}: {e}", row.id))
}

pub fn zone(row: &CompetitionRow) -> Result<Zone> {
    serde_json::from_value(serde_json::Value::String(row.zone.clone()))
        .map_err(|e| corrupt(row, "zone", e))
}

pub fn phase(row: &CompetitionRow, now: OffsetDateTime) -> Phase {
    Phase::of(
        &row.window(),
        now,
        row.published_at.is_some(),
        row.cancel_reason.is_some(),
    )
}

/// The organiser's view of a stored competition.
pub fn view(row: &CompetitionRow, now: OffsetDateTime) -> Result<Competition> {
    let zone = zone(row)?;
    let window = row.window();
    let questions: QuestionSource =
        serde_json::from_str(&row.source).map_err(|e| corrupt(row, "source", e))?;
    let rule: RankingRule = serde_json::from_str(&row.rule).map_err(|e| corrupt(row, "rule", e))?;
    Ok(Competition {
        id: Uuid::parse_str(&row.id).map_err(|e| corrupt(row, "id", e))?,
        name: row.name.clone(),
        description: row.description.clone(),
        unit_id: row.unit_id.clone(),
        zone,
        opens_at: window.opens_at,
        closes_at: window.closes_at,
        opens_local: zone.format_local(window.opens_at),
        closes_local: zone.format_local(window.closes_at),
        grace_hours: window.grace_seconds / 3600,
        limit_minutes: window.limit_seconds / 60,
        questions,
        question_count: row.question_ids()?.len() as u32,
        rule,
        phase: phase(row, now),
        cancel_reason: row.cancel_reason.clone(),
        published_at: row.published_at.map(crate::store::competitions::from_ms),
        created_at: crate::store::competitions::from_ms(row.created_at),
    })
}

/// The row a checked draft is stored as.
pub fn row_of(
    id: Uuid,
    draft: &CompetitionDraft,
    checked: &Checked,
    question_ids: &[String],
    created_at: OffsetDateTime,
) -> Result<CompetitionRow> {
    let json = |what: &str, v: serde_json::Result<String>| {
        v.map_err(|e| StoreError::Corrupt(format!("competition {id} {what}: {e}")))
    };
    Ok(CompetitionRow {
        id: id.to_string(),
        name: draft.name.trim().to_owned(),
        description: draft.description.trim().to_owned(),
        unit_id: draft.unit_id.clone(),
        zone: draft.zone.as_str().to_owned(),
        opens_at: unix_ms(checked.window.opens_at),
        closes_at: unix_ms(checked.window.closes_at),
        grace_seconds: i64::from(checked.window.grace_seconds),
        limit_seconds: i64::from(checked.window.limit_seconds),
        source: json("source", serde_json::to_string(&draft.questions))?,
        question_ids: json("questions", serde_json::to_string(question_ids))?,
        rule: json("rule", serde_json::to_string(&checked.rule))?,
        cancel_reason: None,
        published_at: None,
        created_at: unix_ms(created_at),
    })
}
