//! Guarded writes. Two tabs (or windows) of the app share one saved practice session or
//! questionnaire draft, and a tab left in the background keeps showing the state it last
//! saw. So every step is a guarded write: inside the write's own transaction the saved state
//! is read again, and the step is written only if it is still the state the page started
//! from. Otherwise nothing is written and the page is given what is saved, to show instead
//! ([`Saved::Elsewhere`]).

use super::db;
use rexie::TransactionMode;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;

/// The outcome of a guarded write of a `T` over a saved `S` (the session or draft).
#[derive(Debug, Clone, PartialEq)]
pub enum Saved<T, S = T> {
    /// The step is saved; this is what it made.
    Done(T),
    /// Another tab or window changed the saved state first: nothing was written. This is what
    /// is saved now (`None`: the session or draft was finished or discarded there).
    Elsewhere(Option<S>),
}

impl<T, S> Saved<T, S> {
    /// What the step made, if it was saved.
    pub fn done(self) -> Option<T> {
        match self {
            Saved::Done(t) => Some(t),
            Saved::Elsewhere(_) => None,
        }
    }
}

/// Opens a read-write transaction over `stores` if the value saved under `key` in `store` is
/// still `before` (the check and the write that follows are one transaction, so no other tab
/// can step in between); otherwise closes it and gives what is saved now.
pub(super) async fn open_if_unchanged<T: DeserializeOwned + PartialEq>(
    db: &rexie::Rexie,
    stores: &[&str],
    store: &str,
    key: &str,
    before: &T,
) -> db::Result<Result<rexie::Transaction, Option<T>>> {
    let tx = db.transaction(stores, TransactionMode::ReadWrite)?;
    let saved: Option<T> = match tx.store(store)?.get(JsValue::from_str(key)).await? {
        Some(v) if !v.is_undefined() => Some(db::from_js(v)?),
        _ => None,
    };
    if saved.as_ref() == Some(before) {
        return Ok(Ok(tx));
    }
    tx.done().await?;
    Ok(Err(saved))
}
