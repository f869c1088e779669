//! What the competition endpoints send and receive (docs/api.md "Lomba"): the organiser's
//! views on the console, and the participant's on the phone. Nothing a phone receives before
//! publication carries an answer key or an explanation: the paper has texts and option ids
//! only, and the key travels in [`ReviewedQuestion`] after publication.

use super::draw::QuestionSource;
use super::ranking::{Ranking, RankingRule};
use super::schedule::{Phase, Zone};
use crate::aggregate::item_analysis::ItemStats;
use crate::aggregate::sample::NotEnough;
use crate::api::ERASED_NAME;
use crate::text::Text;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

/// A competition as the organiser sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Competition {
    pub id: Uuid,
    pub name: String,
    pub description: String,
    pub unit_id: String,
    pub zone: Zone,
    #[serde(with = "time::serde::rfc3339")]
    pub opens_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub closes_at: OffsetDateTime,
    /// `YYYY-MM-DDTHH:MM` in `zone`, for the edit form and the texts.
    pub opens_local: String,
    pub closes_local: String,
    pub grace_hours: u32,
    pub limit_minutes: u32,
    pub questions: QuestionSource,
    pub question_count: u32,
    pub rule: RankingRule,
    pub phase: Phase,
    #[serde(default)]
    pub cancel_reason: Option<String>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub published_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// `POST /competitions/{id}/extend`: a later close (only while it has not closed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExtendRequest {
    /// `YYYY-MM-DDTHH:MM` in the competition's zone.
    pub closes_local: String,
}

/// `POST /competitions/{id}/cancel`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CancelRequest {
    pub reason: String,
}

/// A question of the competition pool as the organiser picks it for a fixed set: its text,
/// never its key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PoolQuestion {
    pub id: String,
    pub value: String,
    pub indicator: String,
    pub difficulty: u8,
    pub stem: Text,
}

/// Participation while it runs: counts only, no scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Participation {
    pub competition_id: Uuid,
    pub phase: Phase,
    pub units: Vec<UnitParticipation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitParticipation {
    pub unit_id: String,
    pub unit_name: String,
    pub members: u32,
    /// Accounts that downloaded the questions.
    pub downloaded: u32,
    /// Attempts that counted.
    pub participants: u32,
}

/// The results, for the organiser once nothing more can arrive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompetitionResults {
    pub competition: Competition,
    pub ranking: Ranking,
    /// Unit id → name, for the ranking table.
    pub unit_names: Vec<(String, String)>,
    /// Best first.
    pub people: Vec<PersonResult>,
    pub items: Vec<ItemResult>,
    /// Attempts refused, by code (late, over the limit, …).
    pub refused: Vec<(String, u32)>,
}

impl CompetitionResults {
    /// Blanks `account`'s row (an erased account, [`ERASED_NAME`] and the nil id): its
    /// place, score and unit stay, so the others' ranks and the unit ranking are unchanged.
    /// Whether it was there.
    pub fn forget(&mut self, account: Uuid) -> bool {
        let mut found = false;
        for person in self.people.iter_mut().filter(|p| p.account_id == account) {
            person.account_id = Uuid::nil();
            person.name = ERASED_NAME.to_owned();
            found = true;
        }
        found
    }
}

/// One participant's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonResult {
    /// Shared by equal scores (1, 1, 3).
    pub rank: u32,
    pub account_id: Uuid,
    pub name: String,
    pub unit_id: String,
    /// The ranked unit (direct sub-unit of the competition's unit) the person counts for.
    pub ranked_unit_id: String,
    pub correct: u32,
    pub total: u32,
    /// 0–100, two decimals.
    pub score: f64,
    /// Minutes:seconds the attempt took, in seconds.
    pub seconds: u32,
}

/// One question's analysis (difficulty, discrimination, option choice).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemResult {
    pub question_id: String,
    pub value: String,
    pub stem: Text,
    pub answer: String,
    pub stats: Result<ItemStats, NotEnough>,
}

/// A competition as a participant's phone lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MyCompetition {
    pub id: Uuid,
    pub name: String,
    pub description: String,
    pub zone: Zone,
    #[serde(with = "time::serde::rfc3339")]
    pub opens_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub closes_at: OffsetDateTime,
    pub grace_hours: u32,
    pub limit_minutes: u32,
    pub question_count: u32,
    pub phase: Phase,
    #[serde(default)]
    pub cancel_reason: Option<String>,
    /// The server holds a counted attempt of this account.
    pub taken: bool,
    /// After publication, when the account took part.
    #[serde(default)]
    pub result: Option<MyResult>,
    /// After publication: the ranked units (best first).
    #[serde(default)]
    pub podium: Vec<UnitPlace>,
    /// After publication: the best people (first three places).
    #[serde(default)]
    pub top_people: Vec<PersonPlace>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitPlace {
    pub rank: u32,
    pub unit_id: String,
    pub unit_name: String,
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonPlace {
    pub rank: u32,
    pub name: String,
    pub unit_name: String,
    pub score: f64,
}

/// `GET /me/competitions`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MyCompetitions {
    pub competitions: Vec<MyCompetition>,
}

/// One's own result after publication, with the answers and explanations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MyResult {
    pub correct: u32,
    pub total: u32,
    /// 0–100, two decimals.
    pub score: f64,
    pub rank: u32,
    pub participants: u32,
    pub unit_id: String,
    pub unit_name: String,
    /// The unit's rank; `None` when it had too few participants to be ranked.
    pub unit_rank: Option<u32>,
    pub units_ranked: u32,
    pub review: Vec<ReviewedQuestion>,
}

/// A question after publication: the key, the explanation and what one chose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewedQuestion {
    pub id: String,
    pub value: String,
    pub stem: Text,
    pub options: Vec<PaperOption>,
    pub answer: String,
    pub explanation: Text,
    /// `None` when left unanswered.
    pub chosen: Option<String>,
}

/// `GET /me/competitions/{id}/paper`: the questions in one's own order, options shuffled,
/// without keys or explanations. Downloading it is recorded: an attempt cannot start before.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paper {
    pub competition_id: Uuid,
    #[serde(with = "time::serde::rfc3339")]
    pub downloaded_at: OffsetDateTime,
    pub questions: Vec<PaperQuestion>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PaperQuestion {
    pub id: String,
    pub value: String,
    pub stem: Text,
    /// In the person's own order.
    pub options: Vec<PaperOption>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PaperOption {
    pub id: String,
    pub text: Text,
}
