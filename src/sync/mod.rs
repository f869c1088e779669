//! The only module that moves data between the store and the server: it pushes the outbox
//! (deleting a record only after the server acknowledged it), moves refused records to
//! "needs attention", and pulls content changes. `triggers` decides when it runs.

pub mod batch;
pub mod competitions;
pub mod deferred;
pub mod prefetch;
pub mod record;
pub mod restore;
pub mod triggers;

use crate::api::{self, ApiError};
use crate::local_time::now_rfc3339;
use crate::state::{AppState, store};
use crate::store::attention::AttentionItem;
use batch::Budget;
use leptos::prelude::*;
use prefetch::Prefetched;
use resapi_core::content::ContentBundle;
use resapi_core::sync::{
    BATCH_TARGET_BYTES, MAX_BATCH, MAX_RECORD_BYTES, RecordError, RecordStatus, SyncRecord,
};
use std::sync::Arc;

/// What one sync round achieved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Done,
    /// The server could not be reached: try again later.
    Unreachable,
    /// The server refused the token: wait for a login.
    NeedsLogin,
    Busy,
}

/// Re-reads counts from the store into the status signals.
pub async fn refresh_counts(app: AppState) {
    let (Some(store), Some(account)) = (store(), app.account_id()) else {
        app.sync.pending.set(0);
        app.sync.pending_records.set(0);
        app.sync.attention.set(0);
        return;
    };
    if let Ok((answers, all)) = store.pending_summary(&account).await {
        app.sync.pending.set(answers);
        app.sync.pending_records.set(all);
    }
    if let Ok(n) = store.attention_count(&account).await {
        app.sync.attention.set(n);
    }
    if let Ok(last) = store.last_sync(&account).await {
        app.sync.last_sync.set(last);
    }
}

/// One sync round: content down, then the signed-in account's outbox up. Called through
/// [`deferred::sync_round`], so that its code is not in the first download.
pub(crate) async fn sync_now(app: AppState) -> Outcome {
    if app.sync.syncing.get_untracked() {
        return Outcome::Busy;
    }
    app.sync.syncing.set(true);
    let outcome = run(app).await;
    app.sync.syncing.set(false);
    match outcome {
        Outcome::Done => {
            app.sync.online.set(true);
            app.sync.problem.set(None);
        }
        Outcome::Unreachable => app.sync.online.set(false),
        Outcome::NeedsLogin | Outcome::Busy => app.sync.online.set(true),
    }
    refresh_counts(app).await;
    outcome
}

async fn run(app: AppState) -> Outcome {
    let Some(store) = store() else {
        return Outcome::Done;
    };
    if app.content.with_untracked(Option::is_none) {
        // The saved bundle was not read at start (its code could not be fetched then): read
        // it now, or the whole bundle would be downloaded again.
        read_saved_content(app).await;
    }
    if let Err(outcome) = pull_content(app, &store).await {
        return outcome;
    }
    let Some(session) = app.session.get_untracked() else {
        return Outcome::Done;
    };
    if session.needs_login {
        return Outcome::NeedsLogin;
    }
    let account = session.account_id();
    let mut budget = Budget {
        records: MAX_BATCH,
        bytes: BATCH_TARGET_BYTES,
    };
    // What this round sent: a round that only carried practice answers and the like (one
    // after each answer) does not ask for the competitions again.
    let mut sent = competitions::Sent::default();
    loop {
        let pending = match store.pending(&account).await {
            Ok(p) => p,
            Err(e) => {
                app.sync.problem.set(Some(e.to_string()));
                return Outcome::Done;
            }
        };
        // Live answers the join page put only in the outbox (a database still on schema
        // version 3 then) reach the history before they leave the outbox.
        let _ = store.keep_live_answers(&pending).await;
        let cut = batch::cut(pending, budget);
        let now = now_rfc3339();
        let mut rejected: Vec<AttentionItem> = cut
            .too_large
            .into_iter()
            .map(|(record, _)| too_large(&account, &now, record))
            .collect();
        if cut.batch.is_empty() {
            if !rejected.is_empty()
                && let Err(e) = store.settle(&[], &rejected).await
            {
                app.sync.problem.set(Some(e.to_string()));
            }
            break;
        }
        sent.note(&cut.batch);
        let sent_count = cut.batch.len();
        let by_id: std::collections::HashMap<String, _> = cut
            .batch
            .iter()
            .map(|r| (r.id.to_string(), r.clone()))
            .collect();
        let response = match api::sync(&session.token, cut.batch).await {
            Ok(r) => r,
            // Too large for the server or a proxy in front of it: half as many, down to one
            // record; one record refused alone is too large to ever go.
            Err(ApiError::Server { status: 413, .. }) if sent_count > 1 => {
                budget = budget.halved(sent_count);
                if !rejected.is_empty()
                    && let Err(e) = store.settle(&[], &rejected).await
                {
                    app.sync.problem.set(Some(e.to_string()));
                    return Outcome::Done;
                }
                continue;
            }
            Err(ApiError::Server { status: 413, .. }) => {
                rejected.extend(by_id.into_values().map(|r| too_large(&account, &now, r)));
                if let Err(e) = store.settle(&[], &rejected).await {
                    app.sync.problem.set(Some(e.to_string()));
                    return Outcome::Done;
                }
                continue;
            }
            Err(e) => {
                // What was set aside is still settled: it must not wait behind a dead link.
                let _ = store.settle(&[], &rejected).await;
                return failed(app, &store, e).await;
            }
        };
        let mut acknowledged = Vec::new();
        let set_aside = rejected.len();
        for result in response.results {
            let Some(record) = by_id.get(&result.id) else {
                continue;
            };
            match result.status {
                RecordStatus::Stored | RecordStatus::Duplicate => acknowledged.push(result.id),
                RecordStatus::Rejected => {
                    let (code, message) = result
                        .error
                        .map(|e| (e.code, e.message))
                        .unwrap_or_else(|| ("rejected".into(), "Ditolak server.".into()));
                    rejected.push(AttentionItem {
                        id: result.id,
                        account_id: account.clone(),
                        code,
                        message,
                        at: now.clone(),
                        record: record.clone(),
                    });
                }
            }
        }
        if let Err(e) = store.settle(&acknowledged, &rejected).await {
            app.sync.problem.set(Some(e.to_string()));
            return Outcome::Done;
        }
        if acknowledged.is_empty() && rejected.len() == set_aside {
            // The server answered about none of them: stop rather than loop forever.
            break;
        }
    }
    // A new phone (or cleared storage): bring the account's history back, once.
    if let Some(content) = app.content.get_untracked() {
        let progress = move |n: usize| app.sync.restoring.set(Some(n));
        let restored = restore::restore_once(&store, &session.token, &account, &content, progress);
        let restored = restored.await;
        app.sync.restoring.set(None);
        match restored {
            Ok(true) => app.history_version.update(|v| *v += 1),
            Ok(false) => {}
            Err(e) => return failed(app, &store, e).await,
        }
    }
    if sent.wants_pull() && competitions::pull(&store, &session.token, &account).await {
        app.competitions_version.update(|v| *v += 1);
    }
    let now = now_rfc3339();
    let _ = store.set_last_sync(&account, &now).await;
    Outcome::Done
}

/// A record the server would refuse for its size whatever the batch: kept, explained, never
/// sent (the same code and words as the server's refusal).
fn too_large(account: &str, now: &str, record: SyncRecord) -> AttentionItem {
    let refusal = RecordError::TooLarge {
        max: MAX_RECORD_BYTES,
    };
    AttentionItem {
        id: record.id.to_string(),
        account_id: account.to_owned(),
        code: refusal.code().to_owned(),
        message: refusal.to_string(),
        at: now.to_owned(),
        record,
    }
}

/// The bundle saved on this phone, into the app state (called through
/// [`deferred::load_saved_content`]: deserialising it is code the first screen can do
/// without).
pub(crate) async fn read_saved_content(app: AppState) {
    if let Some(store) = store()
        && let Ok(Some(content)) = store.content().await
    {
        app.content.set(Some(Arc::new(content)));
    }
}

async fn pull_content(app: AppState, store: &crate::store::Store) -> Result<(), Outcome> {
    let have = app.content.get_untracked();
    if have.is_none() {
        match prefetch::take().await {
            Some(Prefetched::Unreachable) => return Err(Outcome::Unreachable),
            Some(Prefetched::Parsed(parsed)) => {
                if let Ok(bundle) = crate::store::db::from_js::<ContentBundle>(parsed) {
                    if let Err(e) = store.save_content(&bundle).await {
                        app.sync.problem.set(Some(e.to_string()));
                    }
                    app.content.set(Some(Arc::new(bundle)));
                    return Ok(());
                }
            }
            None => {}
        }
    }
    let version = have.as_ref().map(|b| b.version.clone());
    match api::content(version.as_deref()).await {
        Ok(Some(bundle)) => {
            if let Err(e) = store.save_content(&bundle).await {
                app.sync.problem.set(Some(e.to_string()));
            }
            app.content.set(Some(Arc::new(bundle)));
            Ok(())
        }
        Ok(None) => Ok(()),
        Err(ApiError::Network) => Err(Outcome::Unreachable),
        Err(e) => {
            app.sync.problem.set(Some(e.to_string()));
            Ok(())
        }
    }
}

async fn failed(app: AppState, store: &crate::store::Store, e: ApiError) -> Outcome {
    match e {
        ApiError::Network => Outcome::Unreachable,
        ApiError::Server { status: 401, .. } => {
            if let Some(mut s) = app.session.get_untracked() {
                s.needs_login = true;
                let _ = store.save_session(&s).await;
                app.session.set(Some(s));
            }
            Outcome::NeedsLogin
        }
        other => {
            app.sync.problem.set(Some(other.to_string()));
            Outcome::Unreachable
        }
    }
}
