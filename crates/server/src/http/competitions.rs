//! The organiser's side of competitions under `/competitions` (unit admins within their
//! scope, admins everywhere; docs/competitions.md): create and edit until it opens, then
//! only extend or cancel; participation counts while it runs; results, publication and the
//! item analysis once nothing more can arrive. No response carries a key before the
//! results are computed for the organiser, and those are for the console only.

use crate::competition::results::{Inputs, compute};
use crate::competition::{phase, row_of, view};
use crate::http::access::{Caller, RequireRole, UnitAdmin};
use crate::http::error::{Error, Result};
use crate::http::extract::{ApiJson, ApiPath};
use crate::state::AppState;
use crate::store::CompetitionRow;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use resapi_core::competition::draw::draw;
use resapi_core::competition::schedule::{
    CompetitionDraft, MAX_REASON_CHARS, Phase, extended_close,
};
use resapi_core::competition::standings::groups;
use resapi_core::competition::wire::{
    CancelRequest, Competition, CompetitionResults, ExtendRequest, Participation, PoolQuestion,
    UnitParticipation,
};
use resapi_core::rng::Rng;
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/competitions", get(list).post(create))
        .route("/competitions/pool", get(pool))
        .route("/competitions/{id}", get(one).put(edit))
        .route("/competitions/{id}/extend", post(extend))
        .route("/competitions/{id}/cancel", post(cancel))
        .route("/competitions/{id}/participation", get(participation))
        .route("/competitions/{id}/results", get(results))
        .route("/competitions/{id}/publish", post(publish))
}

type Organiser = RequireRole<UnitAdmin>;

pub fn no_such_competition() -> Error {
    Error::Missing {
        code: "competition_not_found",
        message: "Lomba tidak ditemukan.".into(),
    }
}

/// The competition, if it exists and its unit is the caller's to manage (403 otherwise, as
/// every unit-scoped endpoint answers).
async fn managed(state: &AppState, caller: &Caller, id: Uuid) -> Result<CompetitionRow> {
    let row = state
        .store
        .competition(id)
        .await?
        .ok_or_else(no_such_competition)?;
    caller.check_scope(&row.unit_id)?;
    Ok(row)
}

async fn list(
    State(state): State<AppState>,
    RequireRole(caller, _): Organiser,
) -> Result<Json<Vec<Competition>>> {
    let now = state.clock.now();
    let rows = state.store.competitions().await?;
    let out = rows
        .iter()
        .filter(|r| caller.can_manage(&r.unit_id))
        .map(|r| view(r, now))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Json(out))
}

/// The pool's questions as an organiser picks a fixed set: texts, never keys.
async fn pool(State(state): State<AppState>, _: Organiser) -> Result<Json<Vec<PoolQuestion>>> {
    Ok(Json(
        state
            .pool
            .questions
            .iter()
            .filter(|q| q.is_drawable())
            .map(|q| PoolQuestion {
                id: q.id.clone(),
                value: q.value.clone(),
                indicator: q.indicator.clone(),
                difficulty: q.difficulty,
                stem: q.stem.clone(),
            })
            .collect(),
    ))
}

/// Checks a draft against the rules, the caller's scope and the pool; draws its questions.
async fn checked_row(
    state: &AppState,
    caller: &Caller,
    id: Uuid,
    draft: &CompetitionDraft,
) -> Result<CompetitionRow> {
    let now = state.clock.now();
    let checked = draft.check(now).map_err(|e| Error::Invalid {
        code: e.code().into(),
        message: e.to_string(),
    })?;
    if !state.store.unit_is_active(&draft.unit_id).await? {
        return Err(Error::Invalid {
            code: "no_such_unit".into(),
            message: "Unit peserta tidak ditemukan atau sudah tidak aktif.".into(),
        });
    }
    caller.check_scope(&draft.unit_id)?;
    // The draw is fixed when saved: everyone gets the same questions.
    let mut rng = Rng::new(id.as_u128() as u64 ^ (id.as_u128() >> 64) as u64);
    let questions = draw(&draft.questions, &state.pool, &mut rng).map_err(|e| Error::Invalid {
        code: "competition_questions".into(),
        message: e.to_string(),
    })?;
    Ok(row_of(id, draft, &checked, &questions, now)?)
}

async fn create(
    State(state): State<AppState>,
    RequireRole(caller, _): Organiser,
    ApiJson(draft): ApiJson<CompetitionDraft>,
) -> Result<(StatusCode, Json<Competition>)> {
    let id = Uuid::now_v7();
    let row = checked_row(&state, &caller, id, &draft).await?;
    state
        .store
        .insert_competition(&row, caller.account_id)
        .await?;
    Ok((StatusCode::CREATED, Json(view(&row, state.clock.now())?)))
}

async fn one(
    State(state): State<AppState>,
    RequireRole(caller, _): Organiser,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Json<Competition>> {
    let row = managed(&state, &caller, id).await?;
    Ok(Json(view(&row, state.clock.now())?))
}

fn started() -> Error {
    Error::Conflict {
        code: "competition_started",
        message: "Lomba sudah dibuka; yang masih bisa diubah hanya waktu tutup (perpanjang) \
                  atau membatalkannya."
            .into(),
    }
}

async fn edit(
    State(state): State<AppState>,
    RequireRole(caller, _): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(draft): ApiJson<CompetitionDraft>,
) -> Result<Json<Competition>> {
    let now = state.clock.now();
    let stored = managed(&state, &caller, id).await?;
    if phase(&stored, now) != Phase::Upcoming {
        return Err(started());
    }
    let mut row = checked_row(&state, &caller, id, &draft).await?;
    row.created_at = stored.created_at;
    if !state.store.update_upcoming_competition(&row, now).await? {
        return Err(started());
    }
    Ok(Json(view(&row, now)?))
}

async fn extend(
    State(state): State<AppState>,
    RequireRole(caller, _): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<ExtendRequest>,
) -> Result<Json<Competition>> {
    let now = state.clock.now();
    let row = managed(&state, &caller, id).await?;
    let zone = crate::competition::zone(&row)?;
    let closes_at =
        extended_close(&row.window(), zone, &body.closes_local).map_err(|e| Error::Invalid {
            code: e.code().into(),
            message: e.to_string(),
        })?;
    if !state.store.extend_competition(id, closes_at, now).await? {
        return Err(Error::Conflict {
            code: "competition_closed",
            message: "Lomba sudah ditutup atau dibatalkan; waktunya tidak bisa diperpanjang."
                .into(),
        });
    }
    let row = managed(&state, &caller, id).await?;
    Ok(Json(view(&row, now)?))
}

async fn cancel(
    State(state): State<AppState>,
    RequireRole(caller, _): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<CancelRequest>,
) -> Result<Json<Competition>> {
    let reason = body.reason.trim();
    if reason.is_empty() || reason.chars().count() > MAX_REASON_CHARS {
        return Err(Error::Invalid {
            code: "competition_reason".into(),
            message: format!(
                "Tulis alasan pembatalan (paling banyak {MAX_REASON_CHARS} karakter); \
                 peserta akan membacanya."
            ),
        });
    }
    managed(&state, &caller, id).await?;
    if !state.store.cancel_competition(id, reason).await? {
        return Err(Error::Conflict {
            code: "competition_final",
            message: "Lomba sudah dibatalkan atau hasilnya sudah diumumkan.".into(),
        });
    }
    let row = managed(&state, &caller, id).await?;
    Ok(Json(view(&row, state.clock.now())?))
}

/// Counts only, in every phase: who downloaded and who took part, per ranked unit.
async fn participation(
    State(state): State<AppState>,
    RequireRole(caller, _): Organiser,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Json<Participation>> {
    let row = managed(&state, &caller, id).await?;
    let store = &state.store;
    let tree = store.unit_tree().await?;
    let members: BTreeMap<String, u32> = store
        .accounts_per_unit()
        .await?
        .into_iter()
        .map(|(u, n)| (u, u32::try_from(n).unwrap_or(0)))
        .collect();
    let downloads: HashMap<String, i64> = store.downloads_per_unit(id).await?.into_iter().collect();
    let attempts = store.attempts(id).await?;
    let names: HashMap<String, String> = store.unit_names().await?.into_iter().collect();
    let units = groups(&row.unit_id, &tree, &members)
        .into_iter()
        .map(|g| UnitParticipation {
            unit_name: names.get(&g.unit_id).cloned().unwrap_or_default(),
            members: g.units.iter().filter_map(|u| members.get(u)).sum(),
            downloaded: g
                .units
                .iter()
                .filter_map(|u| downloads.get(u))
                .map(|n| u32::try_from(*n).unwrap_or(0))
                .sum(),
            participants: attempts
                .iter()
                .filter(|a| g.units.contains(&a.unit_id))
                .count() as u32,
            unit_id: g.unit_id,
        })
        .collect();
    Ok(Json(Participation {
        competition_id: id,
        phase: phase(&row, state.clock.now()),
        units,
    }))
}

fn not_final() -> Error {
    Error::Conflict {
        code: "competition_not_final",
        message: "Hasil baru bisa dilihat setelah lomba ditutup dan masa tenggang untuk ponsel \
                  yang luring berakhir."
            .into(),
    }
}

async fn current_results(state: &AppState, row: &CompetitionRow) -> Result<CompetitionResults> {
    let now = state.clock.now();
    match phase(row, now) {
        Phase::Final | Phase::Published => {}
        Phase::Cancelled => {
            return Err(Error::Conflict {
                code: "competition_cancelled",
                message: "Lomba ini dibatalkan; tidak ada hasil.".into(),
            });
        }
        _ => return Err(not_final()),
    }
    let id = Uuid::parse_str(&row.id).map_err(|e| Error::Internal(e.to_string()))?;
    if let Some(json) = state.store.published_results(id).await? {
        let mut published: CompetitionResults =
            serde_json::from_str(&json).map_err(|e| Error::Internal(e.to_string()))?;
        published.competition = view(row, now)?;
        return Ok(published);
    }
    let inputs = Inputs::read(&state.store, id).await?;
    Ok(compute(row, &inputs, &state.pool, state.k, now)?)
}

async fn results(
    State(state): State<AppState>,
    RequireRole(caller, _): Organiser,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Json<CompetitionResults>> {
    let row = managed(&state, &caller, id).await?;
    Ok(Json(current_results(&state, &row).await?))
}

/// Fixes the results as computed now and shows them to the participants.
async fn publish(
    State(state): State<AppState>,
    RequireRole(caller, _): Organiser,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Json<Competition>> {
    let row = managed(&state, &caller, id).await?;
    if phase(&row, state.clock.now()) == Phase::Published {
        return Err(Error::Conflict {
            code: "competition_published",
            message: "Hasil lomba ini sudah diumumkan.".into(),
        });
    }
    let results = current_results(&state, &row).await?;
    let json = serde_json::to_string(&results).map_err(|e| Error::Internal(e.to_string()))?;
    let now = state.clock.now();
    if !state.store.publish_competition(id, &json, now).await? {
        return Err(Error::Conflict {
            code: "competition_published",
            message: "Hasil lomba ini sudah diumumkan atau lombanya dibatalkan.".into(),
        });
    }
    let row = managed(&state, &caller, id).await?;
    Ok(Json(view(&row, now)?))
}
