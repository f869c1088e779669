//! Loads the vendored Chart.js on demand: a `<script>` injected the first time a chart needs
//! it, never at start (it would add ~60 KiB brotli to every first load). The service worker
//! precaches the file, so this works offline after the first visit. Concurrent callers share
//! one load; a failed load is forgotten so a later call (back online) tries again.

use js_sys::{Promise, Reflect};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Element;

/// Versioned by name, so it is immutable: a new Chart.js gets a new name.
pub const CHART_JS_SRC: &str = "/vendor/chart-4.6.1.umd.min.js";

/// Marks the injected element (for tests and for anyone reading the DOM).
const MARKER: &str = "data-resapi-chart-js";

thread_local! {
    /// The load in flight and its element: shared by every caller until it settles.
    static LOADING: RefCell<Option<(Promise, Element)>> = const { RefCell::new(None) };
}

/// True when the global `Chart` constructor exists.
pub fn chart_js_loaded() -> bool {
    Reflect::get(&js_sys::global(), &JsValue::from_str("Chart")).is_ok_and(|c| c.is_function())
}

/// Makes sure `window.Chart` exists, loading [`CHART_JS_SRC`] once if it does not.
pub async fn ensure_chart_js() -> Result<(), String> {
    ensure_chart_js_from(CHART_JS_SRC).await
}

/// [`ensure_chart_js`] with another address (the wasm tests serve the file from the repo).
pub async fn ensure_chart_js_from(src: &str) -> Result<(), String> {
    if chart_js_loaded() {
        return Ok(());
    }
    let promise = LOADING.with(|slot| -> Result<Promise, String> {
        let mut slot = slot.borrow_mut();
        if let Some((p, _)) = slot.as_ref() {
            return Ok(p.clone());
        }
        let (p, script) = inject(src)?;
        *slot = Some((p.clone(), script));
        Ok(p)
    })?;
    let outcome = JsFuture::from(promise.clone()).await;
    let loaded = chart_js_loaded();
    // The load has settled: forget it (unless another caller already replaced it). After a
    // success `window.Chart` answers every later call; after a failure the element goes and
    // the next call (back online, say) tries again.
    LOADING.with(|slot| {
        let mut slot = slot.borrow_mut();
        if slot
            .as_ref()
            .is_some_and(|(p, _)| js_sys::Object::is(p, &promise))
            && let Some((_, script)) = slot.take()
            && !loaded
        {
            script.remove();
        }
    });
    if loaded {
        return Ok(());
    }
    Err(match outcome {
        Ok(_) => format!("{src} loaded but did not define Chart"),
        Err(_) => format!("{src} could not be loaded"),
    })
}

fn inject(src: &str) -> Result<(Promise, Element), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let script = document
        .create_element("script")
        .map_err(|_| "cannot create a script element")?;
    script
        .set_attribute("src", src)
        .and_then(|()| script.set_attribute(MARKER, ""))
        .map_err(|_| "cannot set the script's attributes")?;
    let promise = Promise::new(&mut |resolve, reject| {
        // The promise's own functions are the listeners: no closure to keep alive.
        let _ = script.add_event_listener_with_callback("load", &resolve);
        let _ = script.add_event_listener_with_callback("error", &reject);
    });
    let parent: Element = match document.head() {
        Some(head) => head.unchecked_into(),
        None => document.document_element().ok_or("no document element")?,
    };
    parent
        .append_child(&script)
        .map_err(|_| "cannot add the script element")?;
    Ok((promise, script))
}
