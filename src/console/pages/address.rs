//! A unit and a period in a console screen's address (`?unit=…&period=…`), so that a link
//! between the dashboard and its quality view keeps both, and a reload or a shared link opens
//! the same figures.

use crate::console::pages::dashboard::period;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use resapi_core::aggregate::period::{Period, PeriodKind};
use time::Date;

/// The unit and period the address asks for; the person's own unit and the latest ended
/// quarter where it asks for none (or for a period that does not parse).
pub fn unit_and_period(own_unit: String, today: Date) -> (String, Period) {
    let query = use_query_map();
    let unit = query
        .with_untracked(|q| q.get("unit"))
        .filter(|u| !u.is_empty())
        .unwrap_or(own_unit);
    let period = query
        .with_untracked(|q| q.get("period"))
        .and_then(|p| p.parse::<Period>().ok())
        .unwrap_or_else(|| period::latest_ended(PeriodKind::Quarter, today));
    (unit, period)
}

/// `path` with the unit and period in its query.
pub fn href(path: &str, unit: &str, period: &Period) -> String {
    format!(
        "{path}?unit={}&period={period}",
        js_sys::encode_uri_component(unit)
    )
}

/// Keeps the address in step with the unit and period on screen (replacing, not adding, a
/// history entry: Back leaves the screen rather than stepping through periods).
pub fn follow(path: &'static str, unit: impl Fn() -> String + 'static, period: RwSignal<Period>) {
    Effect::new(move |_| {
        let url = href(path, &unit(), &period.get());
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    });
}
