//! No waterfall on a new phone: with no content saved, the bundle's download starts at
//! start-up, alongside the sync chunk's, rather than after the chunk has arrived. The first
//! sync round takes what it brought. Until then the answer waits as the browser parsed it;
//! turning it into the bundle's types is the chunk's work (`sync::deferred`).
//!
//! It is the browser's own fetch, not `api`'s: the first screen of a first visit starts it
//! from the main wasm module (`phone::entry`), where `api`'s error bodies would bring a JSON
//! library. An answer other than the bundle is left to the round, which asks again with
//! `api::content` and says what went wrong.

use crate::api::{BASE, TRANSFER_TIMEOUT};
use gloo_timers::callback::Timeout;
use js_sys::Promise;
use leptos::task::spawn_local;
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestInit, Response};

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

/// Starts downloading the whole bundle, when none is saved: from the first screen of a first
/// visit, or start-up's check of the store. Once: a second call finds it started.
pub fn start() {
    if STARTED.with(|s| s.borrow().is_some()) {
        return;
    }
    let mut resolve = None;
    let promise = Promise::new(&mut |done, _| resolve = Some(done));
    let Some(resolve) = resolve else {
        return;
    };
    spawn_local(async move {
        let outcome = download().await;
        let _ = resolve.call1(&JsValue::UNDEFINED, &outcome);
    });
    STARTED.with(|s| *s.borrow_mut() = Some(promise));
}

/// The bundle parsed; `false` when no answer came in time; `null` for any other answer.
async fn download() -> JsValue {
    let Some(window) = web_sys::window() else {
        return JsValue::FALSE;
    };
    let init = RequestInit::new();
    // Out of time counts as no answer: the fetch is aborted, as `api`'s deadline does.
    let deadline = AbortController::new().ok().map(|abort| {
        init.set_signal(Some(&abort.signal()));
        Timeout::new(TRANSFER_TIMEOUT.as_millis() as u32, move || abort.abort())
    });
    let url = format!("{BASE}/content");
    let answer = JsFuture::from(window.fetch_with_str_and_init(&url, &init)).await;
    let Ok(response) = answer.map(JsCast::unchecked_into::<Response>) else {
        return JsValue::FALSE;
    };
    if !response.ok() {
        return JsValue::NULL;
    }
    let parsed = match response.json() {
        Ok(body) => JsFuture::from(body).await.unwrap_or(JsValue::NULL),
        Err(_) => JsValue::NULL,
    };
    drop(deadline);
    parsed
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
