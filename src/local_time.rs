//! Showing UTC timestamps in the device's local time (WIB, WITA, WIT).

use resapi_core::Lang;
use wasm_bindgen::JsValue;

fn locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "id-ID",
        Lang::En => "en-GB",
    }
}

fn date(rfc3339: &str) -> js_sys::Date {
    js_sys::Date::new(&JsValue::from_str(rfc3339))
}

/// "22 Nov 2026 07.30" in the device's time zone.
pub fn date_time(rfc3339: &str, lang: Lang) -> String {
    let d = date(rfc3339);
    if d.get_time().is_nan() {
        return String::new();
    }
    let opts = js_sys::Object::new();
    for (k, v) in [
        ("day", "numeric"),
        ("month", "short"),
        ("year", "numeric"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
    ] {
        let _ = js_sys::Reflect::set(&opts, &k.into(), &v.into());
    }
    d.to_locale_string(locale(lang), &opts).into()
}

/// An instant as RFC 3339 (how timestamps are kept and travel).
pub fn rfc3339(t: time::OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// Now, in UTC, as RFC 3339.
pub fn now_rfc3339() -> String {
    rfc3339(time::OffsetDateTime::now_utc())
}

/// The device's offset from UTC now (WIB +7, WITA +8, WIT +9; no daylight saving there).
pub fn local_offset() -> time::UtcOffset {
    // getTimezoneOffset is minutes *behind* UTC.
    let minutes = -(js_sys::Date::new_0().get_timezone_offset() as i32);
    time::UtcOffset::from_whole_seconds(minutes * 60).unwrap_or(time::UtcOffset::UTC)
}

/// Today on the device's calendar.
pub fn local_today() -> time::Date {
    time::OffsetDateTime::now_utc()
        .to_offset(local_offset())
        .date()
}
