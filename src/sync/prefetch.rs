//! No waterfall on a new phone: with no content saved, the bundle's download starts at
//! start-up, alongside the sync chunk's, rather than after the chunk has arrived. The first
//! sync round takes what it brought. Until then the answer waits as the browser parsed it;
//! turning it into the bundle's types is the chunk's work (`sync::deferred`).

use crate::api::{self, ApiError};
use js_sys::Promise;
use leptos::task::spawn_local;
use std::cell::RefCell;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// The download started at start-up: resolves to the parsed bundle, `false` when the
    /// server could not be reached, or `null` when it answered otherwise.
    static STARTED: RefCell<Option<Promise>> = const { RefCell::new(None) };
}

/// What the download started at start-up brought.
pub enum Prefetched {
    /// The bundle as the browser parsed it.
    Parsed(JsValue),
    /// No answer (offline, or out of time): the round ends as unreachable rather than
    /// waiting for a second timeout.
    Unreachable,
}

/// Starts downloading the whole bundle (call once, when none is saved).
pub fn start() {
    let mut resolve = None;
    let promise = Promise::new(&mut |done, _| resolve = Some(done));
    let Some(resolve) = resolve else {
        return;
    };
    spawn_local(async move {
        let outcome = match api::content_parsed().await {
            Ok(parsed) => parsed,
            Err(ApiError::Network) => JsValue::FALSE,
            Err(_) => JsValue::NULL,
        };
        let _ = resolve.call1(&JsValue::UNDEFINED, &outcome);
    });
    STARTED.with(|s| *s.borrow_mut() = Some(promise));
}

/// What the download started at start-up brought, once; `None` when none was started, it
/// was already taken, or the server answered with an error (the round then asks again the
/// usual way).
pub async fn take() -> Option<Prefetched> {
    let promise = STARTED.with(|s| s.borrow_mut().take())?;
    let value = JsFuture::from(promise).await.ok()?;
    if value.is_null() {
        None
    } else if value == JsValue::FALSE {
        Some(Prefetched::Unreachable)
    } else {
        Some(Prefetched::Parsed(value))
    }
}
