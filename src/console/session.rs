//! The console's sign-in, kept in this tab's `sessionStorage`: apart from the phone app's
//! session (IndexedDB), so signing in or out here never changes who is signed in to the
//! phone app in the same browser. A reload keeps it; closing the tab forgets it (the token
//! then simply expires on the server), which suits a shared office laptop.

use gloo_storage::{SessionStorage, Storage};
use resapi_core::api::{Account, AuthResponse};
use serde::{Deserialize, Serialize};

const KEY: &str = "resapi.console.session";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConsoleSession {
    pub token: String,
    /// Milliseconds since 1970, as `Date.now()` counts.
    pub expires_at_ms: f64,
    pub account: Account,
}

impl ConsoleSession {
    pub fn from_auth(auth: AuthResponse) -> ConsoleSession {
        ConsoleSession {
            token: auth.token,
            expires_at_ms: auth.expires_at.unix_timestamp() as f64 * 1000.0,
            account: auth.account,
        }
    }
}

/// The session of this tab, unless it has run out.
pub fn load() -> Option<ConsoleSession> {
    let session: ConsoleSession = SessionStorage::get(KEY).ok()?;
    if session.expires_at_ms <= js_sys::Date::now() {
        clear();
        return None;
    }
    Some(session)
}

pub fn save(session: &ConsoleSession) {
    let _ = SessionStorage::set(KEY, session);
}

pub fn clear() {
    SessionStorage::delete(KEY);
}
