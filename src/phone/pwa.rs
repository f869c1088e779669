//! The service worker and persistent storage. The worker itself is plain JavaScript
//! (`public/sw.js`, its handlers must register synchronously); `index.html` defines the
//! small `resapiPwa` helper that this module calls.

use crate::state::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = resapiPwa, js_name = register)]
    fn pwa_register() -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_namespace = resapiPwa, js_name = applyUpdate)]
    fn pwa_apply_update() -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_namespace = resapiPwa, js_name = isControlled)]
    fn pwa_is_controlled() -> Result<bool, JsValue>;
    #[wasm_bindgen(catch, js_namespace = resapiPwa, js_name = updateWaiting)]
    fn pwa_update_waiting() -> Result<bool, JsValue>;
    #[wasm_bindgen(catch, js_namespace = resapiPwa, js_name = persist)]
    fn pwa_persist() -> Result<(), JsValue>;
}

/// Registers the worker (release builds only: a debug build's files change on every build),
/// asks for persistent storage so unsent answers are not evicted, and mirrors the worker's
/// state into the sync status.
pub fn start(app: AppState) {
    let _ = pwa_persist();
    if cfg!(debug_assertions) {
        return;
    }
    let _ = pwa_register();
    let refresh = move || {
        app.sync
            .shell_cached
            .set(pwa_is_controlled().unwrap_or(false));
        app.sync
            .update_ready
            .set(pwa_update_waiting().unwrap_or(false));
    };
    refresh();
    if let Some(window) = web_sys::window() {
        for event in ["resapi-sw-ready", "resapi-update"] {
            let handler = Closure::<dyn Fn()>::new(refresh);
            let _ =
                window.add_event_listener_with_callback(event, handler.as_ref().unchecked_ref());
            handler.forget(); // lives as long as the page
        }
    }
}

/// Activates the waiting version and reloads.
pub fn apply_update() {
    let _ = pwa_apply_update();
}
