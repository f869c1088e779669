//! No waterfall on a new phone: with no content saved, the bundle's download starts at
//! start-up, alongside the sync chunk's, rather than after the chunk has arrived. The first
//! sync round takes what it brought. Until then the answer waits as the browser parsed it;
//! turning it into the bundle's types is the chunk's work (`sync::deferred`).

use crate::api;
use js_sys::Promise;
use leptos::task::spawn_local;
use std::cell::RefCell;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// The download started at start-up: resolves to the parsed bundle, or `null`.
    static STARTED: RefCell<Option<Promise>> = const { RefCell::new(None) };
}

/// Starts downloading the whole bundle (call once, when none is saved).
pub fn start() {
    let mut resolve = None;
    let promise = Promise::new(&mut |done, _| resolve = Some(done));
    let Some(resolve) = resolve else {
        return;
    };
    spawn_local(async move {
        let parsed = api::content_parsed().await.unwrap_or(JsValue::NULL);
        let _ = resolve.call1(&JsValue::UNDEFINED, &parsed);
    });
    STARTED.with(|s| *s.borrow_mut() = Some(promise));
}

/// What the download started at start-up brought, once: the parsed bundle, or `None` (none
/// was started, it was already taken, or it failed).
pub async fn take() -> Option<JsValue> {
    let promise = STARTED.with(|s| s.borrow_mut().take())?;
    let value = JsFuture::from(promise).await.ok()?;
    (!value.is_null()).then_some(value)
}
