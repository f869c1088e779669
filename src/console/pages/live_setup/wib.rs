//! A game's time as the trainer reads it in the history: in WIB (UTC+7, the agency's
//! time), whatever the laptop's own time zone, and saying so.

use crate::console::pages::dashboard::period::month_short;
use resapi_core::Lang;
use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};

/// "1 Des 2026 09.05 WIB" ("1 Dec 2026 09:05 WIB"); the text as stored when unreadable.
pub fn wib(rfc3339: &str, lang: Lang) -> String {
    let Ok(t) = OffsetDateTime::parse(rfc3339, &Rfc3339) else {
        return rfc3339.to_owned();
    };
    let Ok(offset) = UtcOffset::from_hms(7, 0, 0) else {
        return rfc3339.to_owned();
    };
    let t = t.to_offset(offset);
    let month = usize::from(u8::from(t.month())) - 1;
    let sep = match lang {
        Lang::Id => '.',
        Lang::En => ':',
    };
    format!(
        "{} {} {} {:02}{sep}{:02} WIB",
        t.day(),
        month_short(month, lang),
        t.year(),
        t.hour(),
        t.minute()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn a_utc_time_is_shown_in_wib_across_midnight() {
        assert_eq!(
            wib("2026-11-30T19:05:09Z", Lang::Id),
            "1 Des 2026 02.05 WIB"
        );
        assert_eq!(
            wib("2026-12-01T02:30:00Z", Lang::En),
            "1 Dec 2026 09:30 WIB"
        );
        assert_eq!(wib("kemarin", Lang::Id), "kemarin");
    }
}
