//! A participant's side of competitions under `/me/competitions` (docs/competitions.md):
//! the list of one's units' competitions with one's results once published, and the paper
//! — the questions in one's own order without keys or explanations — whose first download
//! the server records (no attempt can start before it). Attempts themselves arrive through
//! `POST /sync` as `competition_attempt` records.

use crate::competition::mine::{my_competitions, takes_part};
use crate::competition::phase;
use crate::http::access::Caller;
use crate::http::competitions::no_such_competition;
use crate::http::error::{Error, Result};
use crate::http::extract::ApiPath;
use crate::state::AppState;
use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use resapi_core::competition::draw::personal_order;
use resapi_core::competition::schedule::Phase;
use resapi_core::competition::wire::{MyCompetitions, Paper, PaperOption, PaperQuestion};
use uuid::Uuid;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/me/competitions", get(list))
        .route("/me/competitions/{id}/paper", get(paper))
}

async fn list(State(state): State<AppState>, caller: Caller) -> Result<Json<MyCompetitions>> {
    let competitions = my_competitions(
        &state.store,
        &state.published,
        &state.pool,
        caller.account_id,
        &caller.unit_id,
        state.clock.now(),
    )
    .await?;
    Ok(Json(MyCompetitions { competitions }))
}

async fn paper(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Json<Paper>> {
    let row = state
        .store
        .competition(id)
        .await?
        .ok_or_else(no_such_competition)?;
    if !takes_part(&state.store, &row, &caller.unit_id).await? {
        return Err(Error::Forbidden);
    }
    let now = state.clock.now();
    if phase(&row, now) != Phase::Open {
        return Err(Error::Conflict {
            code: "competition_not_open",
            message: "Soal lomba hanya bisa diunduh selama lomba dibuka.".into(),
        });
    }
    let downloaded_at = state
        .store
        .record_download(id, caller.account_id, now)
        .await?;
    let order = personal_order(id, caller.account_id, &row.question_ids()?, &state.pool);
    let questions = order
        .questions
        .iter()
        .filter_map(|(qid, options)| {
            let q = state.pool.question(qid)?;
            Some(PaperQuestion {
                id: q.id.clone(),
                value: q.value.clone(),
                stem: q.stem.clone(),
                options: options
                    .iter()
                    .filter_map(|o| q.option(o))
                    .map(|o| PaperOption {
                        id: o.id.clone(),
                        text: o.text.clone(),
                    })
                    .collect(),
            })
        })
        .collect();
    Ok(Json(Paper {
        competition_id: id,
        downloaded_at,
        questions,
    }))
}
