//! The console's calls for the live quiz's setup and results (`/api/v1/live/…`,
//! docs/api.md): the trainer's quiz sets, their games' history and reports, and starting a
//! game. The game itself is played over the presenter's socket (another screen).

use super::api::{authorized, get, segment, with_json};
use crate::api::{ApiError, BASE, INTERACTIVE_TIMEOUT, no_body, no_content, send};
use gloo_net::http::Request;
use resapi_core::live::config::GameConfig;
use resapi_core::live::leaderboard::LeaderRow;
use resapi_core::live::summary::Summary;
use resapi_core::live::team::UnitBoard;
use serde::{Deserialize, Serialize};

/// Saved settings to run again.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct QuizSet {
    pub id: String,
    pub name: String,
    pub config: GameConfig,
    pub updated_at: String,
}

#[derive(Serialize)]
struct NewQuizSet<'a> {
    name: &'a str,
    config: &'a GameConfig,
}

/// A game just created: the presenter's screen opens it by `id`.
#[derive(Debug, Clone, Deserialize)]
pub struct GameCreated {
    pub id: String,
}

/// A game in the trainer's history.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GameItem {
    pub id: String,
    pub code: String,
    pub created_at: String,
    pub ended_at: Option<String>,
    /// Still reachable by its code.
    pub running: bool,
    pub config: GameConfig,
    pub summary: Option<Summary>,
}

/// A game's report as of its last closed question.
impl GameItem {
    /// Still being played: the server keeps an ended game reachable for a while (so phones
    /// can see the results), but once it has an end it is over for the trainer.
    pub fn in_play(&self) -> bool {
        self.running && self.ended_at.is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GameReport {
    pub summary: Summary,
    pub hardest: Option<u32>,
    pub leaderboard: Vec<LeaderRow>,
    pub units: UnitBoard,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GameDetail {
    #[serde(flatten)]
    pub item: GameItem,
    pub report: Option<GameReport>,
}

pub async fn games(token: &str) -> Result<Vec<GameItem>, ApiError> {
    get("/live/games", token).await
}

pub async fn game(token: &str, id: &str) -> Result<GameDetail, ApiError> {
    get(&format!("/live/games/{}", segment(id)), token).await
}

/// The results' CSV (under `/api/v1`, fetched with the bearer token by `api::file`).
pub fn results_csv_path(id: &str) -> String {
    format!("/live/games/{}/results.csv", segment(id))
}

pub async fn create_game(token: &str, config: &GameConfig) -> Result<GameCreated, ApiError> {
    with_json(Request::post(&format!("{BASE}/live/games")), token, config).await
}

pub async fn quiz_sets(token: &str) -> Result<Vec<QuizSet>, ApiError> {
    get("/live/quiz-sets", token).await
}

pub async fn quiz_set(token: &str, id: &str) -> Result<QuizSet, ApiError> {
    get(&format!("/live/quiz-sets/{}", segment(id)), token).await
}

/// Saves a new quiz set, or changes the one with `id`.
pub async fn save_quiz_set(
    token: &str,
    id: Option<&str>,
    name: &str,
    config: &GameConfig,
) -> Result<QuizSet, ApiError> {
    let body = NewQuizSet { name, config };
    let req = match id {
        Some(id) => Request::put(&format!("{BASE}/live/quiz-sets/{}", segment(id))),
        None => Request::post(&format!("{BASE}/live/quiz-sets")),
    };
    with_json(req, token, &body).await
}

pub async fn delete_quiz_set(token: &str, id: &str) -> Result<(), ApiError> {
    let url = format!("{BASE}/live/quiz-sets/{}", segment(id));
    let req = authorized(Request::delete(&url), token);
    send(req, INTERACTIVE_TIMEOUT, no_body, no_content).await
}

pub async fn start_quiz_set(token: &str, id: &str) -> Result<GameCreated, ApiError> {
    let url = format!("{BASE}/live/quiz-sets/{}/games", segment(id));
    let req = authorized(Request::post(&url), token);
    send(req, INTERACTIVE_TIMEOUT, no_body, crate::api::read).await
}
