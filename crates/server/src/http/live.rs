//! The live quiz's REST side under `/live` (trainers and above; docs/live-quiz.md
//! "Server"): create a game from settings or from a saved quiz set, the saved quiz sets,
//! the trainer's history of games with their summaries, a game's results as CSV, and the
//! QR code of its join link. The game itself is played over the sockets of
//! `live_socket.rs`.

use crate::export::{CSV_CONTENT_TYPE, to_csv};
use crate::http::access::{Caller, RequireHost};
use crate::http::dashboard::download;
use crate::http::error::{Error, Result};
use crate::http::extract::{ApiJson, ApiPath};
use crate::live::handle::Command;
use crate::live::{CreateError, GameHandle, GameReport};
use crate::state::AppState;
use crate::store::{GameRow, NewGame, QuizSetOwner, QuizSetRow};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use resapi_core::live::config::GameConfig;
use resapi_core::live::summary::Summary;
use resapi_core::rng::Rng;
use serde::{Deserialize, Serialize};
use tokio::sync::oneshot;
use uuid::Uuid;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/live/games", get(history).post(create_game))
        .route("/live/games/{id}", get(game))
        .route("/live/games/{id}/results.csv", get(results_csv))
        .route("/live/games/{id}/qr.svg", get(qr_svg))
        .route("/live/quiz-sets", get(quiz_sets).post(create_quiz_set))
        .route(
            "/live/quiz-sets/{id}",
            get(quiz_set).put(change_set).delete(drop_set),
        )
        .route("/live/quiz-sets/{id}/games", post(start_quiz_set))
}

/// Games listed in the history at most.
const HISTORY: u32 = 200;
/// Longest quiz set name, in characters.
const MAX_NAME: usize = 80;

/// A new game: where the console, the projector and the phones find it.
#[derive(Serialize)]
struct GameCreated {
    id: Uuid,
    code: String,
    /// The phones' link (the QR code's target), relative to the server.
    join_path: String,
    qr_path: String,
    host_socket: String,
    player_socket: String,
}

impl GameCreated {
    fn of(handle: &GameHandle) -> GameCreated {
        let (id, code) = (handle.id, handle.code.to_string());
        GameCreated {
            join_path: format!("/gabung/{code}"),
            qr_path: format!("/api/v1/live/games/{id}/qr.svg"),
            host_socket: format!("/api/v1/live/games/{id}/ws"),
            player_socket: format!("/api/v1/live/join/{code}/ws"),
            id,
            code,
        }
    }
}

/// A game in the trainer's history.
#[derive(Serialize)]
struct GameListItem {
    id: String,
    code: String,
    quiz_set_id: Option<String>,
    created_at: String,
    ended_at: Option<String>,
    /// Still reachable by its code.
    running: bool,
    config: serde_json::Value,
    /// As of the last closed question (none before the first close).
    summary: Option<Summary>,
    hardest: Option<u32>,
}

#[derive(Serialize)]
struct GameDetail {
    #[serde(flatten)]
    item: GameListItem,
    report: Option<GameReport>,
}

#[derive(Serialize)]
struct QuizSet {
    id: String,
    name: String,
    config: GameConfig,
    created_at: String,
    updated_at: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewQuizSet {
    name: String,
    config: GameConfig,
}

fn no_such_game() -> Error {
    Error::Missing {
        code: "live_no_such_game",
        message: "Kuis tidak ditemukan.".into(),
    }
}

fn no_such_quiz_set() -> Error {
    Error::Missing {
        code: "live_no_such_quiz_set",
        message: "Set kuis tidak ditemukan.".into(),
    }
}

/// A game is its owner's (and any admin's) to see; to anyone else it does not exist.
fn check_owner(caller: &Caller, owner: &str) -> Result<()> {
    if caller.is_admin() || owner == caller.account_id.to_string() {
        Ok(())
    } else {
        Err(no_such_game())
    }
}

fn corrupt(what: &str, e: impl std::fmt::Display) -> Error {
    Error::Internal(format!("stored {what} unreadable: {e}"))
}

async fn start_game(
    state: &AppState,
    caller: &Caller,
    config: GameConfig,
    quiz_set: Option<Uuid>,
) -> Result<Response> {
    let config_json = serde_json::to_string(&config).map_err(|e| Error::Internal(e.to_string()))?;
    let handle = state
        .live
        .create(
            caller.account_id,
            config,
            state.content.clone(),
            state.store.clone(),
        )
        .map_err(|e| match e {
            CreateError::Config(e) => Error::from(e),
            CreateError::TooManyGames => Error::Conflict {
                code: "live_too_many_games",
                message: "Terlalu banyak kuis berjalan di server ini. Akhiri kuis lain dahulu."
                    .into(),
            },
            CreateError::Random(e) => Error::Internal(e.to_string()),
        })?;
    let code = handle.code.to_string();
    let stored = state
        .store
        .create_game(NewGame {
            id: handle.id,
            owner: caller.account_id,
            quiz_set,
            code: &code,
            config: &config_json,
        })
        .await;
    if let Err(e) = stored {
        // Without its row the game would be missing from the history: do not run it.
        state.live.remove(handle.id);
        return Err(e.into());
    }
    Ok((StatusCode::CREATED, Json(GameCreated::of(&handle))).into_response())
}

async fn create_game(
    State(state): State<AppState>,
    RequireHost(caller): RequireHost,
    ApiJson(config): ApiJson<GameConfig>,
) -> Result<Response> {
    start_game(&state, &caller, config, None).await
}

async fn start_quiz_set(
    State(state): State<AppState>,
    RequireHost(caller): RequireHost,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Response> {
    let set = state
        .store
        .quiz_set(caller.account_id, id)
        .await?
        .ok_or_else(no_such_quiz_set)?;
    let config: GameConfig =
        serde_json::from_str(&set.config).map_err(|e| corrupt("quiz set", e))?;
    start_game(&state, &caller, config, Some(id)).await
}

fn list_item(state: &AppState, row: GameRow) -> Result<(GameListItem, Option<GameReport>)> {
    let report: Option<GameReport> = row
        .report
        .as_deref()
        .map(serde_json::from_str)
        .transpose()
        .map_err(|e| corrupt("game report", e))?;
    let running = Uuid::parse_str(&row.id)
        .ok()
        .and_then(|id| state.live.by_id(id))
        .is_some();
    let item = GameListItem {
        running,
        config: serde_json::from_str(&row.config).map_err(|e| corrupt("game config", e))?,
        summary: report.as_ref().map(|r| r.summary.clone()),
        hardest: report.as_ref().and_then(|r| r.hardest),
        id: row.id,
        code: row.code,
        quiz_set_id: row.quiz_set_id,
        created_at: row.created_at,
        ended_at: row.ended_at,
    };
    Ok((item, report))
}

async fn history(
    State(state): State<AppState>,
    RequireHost(caller): RequireHost,
) -> Result<Json<Vec<GameListItem>>> {
    let rows = state.store.games_of(caller.account_id, HISTORY).await?;
    let items = rows
        .into_iter()
        .map(|row| list_item(&state, row).map(|(item, _)| item))
        .collect::<Result<Vec<_>>>()?;
    Ok(Json(items))
}

/// The game's row and its report: from the running game when it runs (fresh), else the
/// stored one.
async fn owned_game(
    state: &AppState,
    caller: &Caller,
    id: Uuid,
) -> Result<(GameListItem, Option<GameReport>)> {
    let row = state.store.game(id).await?.ok_or_else(no_such_game)?;
    check_owner(caller, &row.owner_id)?;
    let (mut item, stored) = list_item(state, row)?;
    let mut report = stored;
    if let Some(handle) = state.live.by_id(id) {
        let (reply, answer) = oneshot::channel();
        if handle.send(Command::Report { reply }).await
            && let Ok(fresh) = answer.await
        {
            // A player may have erased their account since joining.
            let fresh = state.store.report_without_erased(fresh).await?;
            item.summary = Some(fresh.summary.clone());
            item.hardest = fresh.hardest;
            report = Some(fresh);
        }
    }
    Ok((item, report))
}

async fn game(
    State(state): State<AppState>,
    RequireHost(caller): RequireHost,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Json<GameDetail>> {
    let (item, report) = owned_game(&state, &caller, id).await?;
    Ok(Json(GameDetail { item, report }))
}

async fn results_csv(
    State(state): State<AppState>,
    RequireHost(caller): RequireHost,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Response> {
    let (item, report) = owned_game(&state, &caller, id).await?;
    let table = report
        .unwrap_or_default()
        .results_table()
        .map_err(|e| Error::Internal(e.to_string()))?;
    Ok(download(
        to_csv(&table),
        CSV_CONTENT_TYPE,
        format!("hasil-kuis-{}.csv", item.code),
    ))
}

/// The join link's origin as the caller reached this server: the hall's laptop address
/// (`http://192.168.43.1:8080`) or the agency's site behind its TLS proxy.
fn origin(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.len() <= 255
                && h.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b))
        })
        .unwrap_or("localhost");
    let https = headers
        .get("x-forwarded-proto")
        .and_then(|h| h.to_str().ok())
        .is_some_and(|p| p.trim().eq_ignore_ascii_case("https"));
    format!("{}://{host}", if https { "https" } else { "http" })
}

async fn qr_svg(
    State(state): State<AppState>,
    RequireHost(caller): RequireHost,
    ApiPath(id): ApiPath<Uuid>,
    headers: HeaderMap,
) -> Result<Response> {
    let handle = state.live.by_id(id).ok_or_else(no_such_game)?;
    check_owner(&caller, &handle.owner.to_string())?;
    let url = format!("{}/gabung/{}", origin(&headers), handle.code);
    let svg = crate::live::qr::svg(&url).map_err(|e| Error::Internal(e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        svg,
    )
        .into_response())
}

fn quiz_set_of(row: QuizSetRow) -> Result<QuizSet> {
    Ok(QuizSet {
        config: serde_json::from_str(&row.config).map_err(|e| corrupt("quiz set", e))?,
        id: row.id,
        name: row.name,
        created_at: row.created_at,
        updated_at: row.updated_at,
    })
}

async fn quiz_sets(
    State(state): State<AppState>,
    RequireHost(caller): RequireHost,
) -> Result<Json<Vec<QuizSet>>> {
    let rows = state.store.quiz_sets(caller.account_id).await?;
    Ok(Json(
        rows.into_iter().map(quiz_set_of).collect::<Result<_>>()?,
    ))
}

async fn quiz_set(
    State(state): State<AppState>,
    RequireHost(caller): RequireHost,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Json<QuizSet>> {
    let row = state
        .store
        .quiz_set(caller.account_id, id)
        .await?
        .ok_or_else(no_such_quiz_set)?;
    Ok(Json(quiz_set_of(row)?))
}

/// The name and settings of a quiz set to store, checked as a game would check them (the
/// draw included: a set that cannot start is refused now, not in front of the hall).
fn checked_quiz_set(state: &AppState, body: &NewQuizSet) -> Result<(String, String)> {
    let name = body.name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() || name.chars().count() > MAX_NAME || name.chars().any(char::is_control) {
        return Err(Error::Invalid {
            code: "live_quiz_set_name".into(),
            message: format!("Nama set kuis harus 1 sampai {MAX_NAME} karakter."),
        });
    }
    body.config.draw(&state.content.bundle, &mut Rng::new(0))?;
    let config = serde_json::to_string(&body.config).map_err(|e| Error::Internal(e.to_string()))?;
    Ok((name, config))
}

/// Saves settings to run again.
async fn create_quiz_set(
    State(state): State<AppState>,
    RequireHost(caller): RequireHost,
    ApiJson(body): ApiJson<NewQuizSet>,
) -> Result<Response> {
    let (name, config) = checked_quiz_set(&state, &body)?;
    let row = state
        .store
        .create_quiz_set(caller.account_id, &name, &config)
        .await?;
    Ok((StatusCode::CREATED, Json(quiz_set_of(row)?)).into_response())
}

/// Whose sets the caller may change: their own, or an admin any.
fn changer(caller: &Caller) -> QuizSetOwner {
    if caller.is_admin() {
        QuizSetOwner::Anyone
    } else {
        QuizSetOwner::Only(caller.account_id)
    }
}

/// Renames or changes a quiz set (the same body and checks as saving one).
async fn change_set(
    State(state): State<AppState>,
    RequireHost(caller): RequireHost,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<NewQuizSet>,
) -> Result<Json<QuizSet>> {
    let (name, config) = checked_quiz_set(&state, &body)?;
    let row = state
        .store
        .update_quiz_set(changer(&caller), id, &name, &config)
        .await?
        .ok_or_else(no_such_quiz_set)?;
    Ok(Json(quiz_set_of(row)?))
}

/// Deletes a quiz set; the games run from it stay in the history.
async fn drop_set(
    State(state): State<AppState>,
    RequireHost(caller): RequireHost,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<StatusCode> {
    if state.store.delete_quiz_set(changer(&caller), id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(no_such_quiz_set())
    }
}
