//! A competition's times as the organiser reads them: in the competition's own zone (WIB,
//! WITA or WIT, the one it was set up in), whatever the laptop's zone, and saying which.

use crate::console::pages::dashboard::period::{month_long, month_short};
use resapi_core::Lang;
use resapi_core::competition::schedule::Zone;
use resapi_core::competition::wire::Competition;
use time::{Duration, OffsetDateTime, Time};

/// The laptop's clock, as a UTC moment.
pub fn now() -> OffsetDateTime {
    let ms = js_sys::Date::now() as i128 * 1_000_000;
    OffsetDateTime::from_unix_timestamp_nanos(ms).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

fn hour_minute(t: OffsetDateTime, lang: Lang) -> String {
    let sep = match lang {
        Lang::Id => '.',
        Lang::En => ':',
    };
    format!("{:02}{sep}{:02}", t.hour(), t.minute())
}

fn day_month(t: OffsetDateTime, lang: Lang) -> String {
    let month = usize::from(u8::from(t.month())) - 1;
    format!("{} {}", t.day(), month_short(month, lang))
}

/// "7 Des 08.00 – 11 Des 16.00 WIB" (the years too when they differ).
pub fn window(
    opens_at: OffsetDateTime,
    closes_at: OffsetDateTime,
    zone: Zone,
    lang: Lang,
) -> String {
    let (a, b) = (
        opens_at.to_offset(zone.offset()),
        closes_at.to_offset(zone.offset()),
    );
    let (ya, yb) = if a.year() == b.year() {
        (String::new(), String::new())
    } else {
        (format!(" {}", a.year()), format!(" {}", b.year()))
    };
    format!(
        "{}{ya} {} – {}{yb} {} {}",
        day_month(a, lang),
        hour_minute(a, lang),
        day_month(b, lang),
        hour_minute(b, lang),
        zone.as_str()
    )
}

pub fn competition_window(c: &Competition, lang: Lang) -> String {
    window(c.opens_at, c.closes_at, c.zone, lang)
}

/// "11 Des 2026 16.00 WIB".
pub fn moment(at: OffsetDateTime, zone: Zone, lang: Lang) -> String {
    let t = at.to_offset(zone.offset());
    format!(
        "{} {} {} {}",
        day_month(t, lang),
        t.year(),
        hour_minute(t, lang),
        zone.as_str()
    )
}

/// "11 Desember 2026" (a certificate's date), the day in `zone`.
pub fn long_date(at: OffsetDateTime, zone: Zone, lang: Lang) -> String {
    let t = at.to_offset(zone.offset());
    let month = usize::from(u8::from(t.month())) - 1;
    format!("{} {} {}", t.day(), month_long(month, lang), t.year())
}

/// A new competition's window until the organiser picks one: tomorrow 08.00 to four days
/// later 16.00, in `zone` (a working week).
pub fn default_window(now: OffsetDateTime, zone: Zone) -> (String, String) {
    let local = now.to_offset(zone.offset());
    let at = |days: i64, hour: u8| {
        let day = local.date() + Duration::days(days);
        let time = Time::from_hms(hour, 0, 0).unwrap_or(Time::MIDNIGHT);
        zone.format_local(day.with_time(time).assume_offset(zone.offset()))
    };
    (at(1, 8), at(5, 16))
}

/// The current month as `YYYY-MM` in WIB (the default of a recognition's period).
pub fn this_month(now: OffsetDateTime) -> String {
    let t = now.to_offset(Zone::Wib.offset());
    format!("{:04}-{:02}", t.year(), u8::from(t.month()))
}

/// A recognition's month, "Desember 2026" for `2026-12` (the text as stored if unreadable).
pub fn month_name(period: &str, lang: Lang) -> String {
    let month = period
        .split_once('-')
        .and_then(|(y, m)| Some((y.parse::<u16>().ok()?, m.parse::<usize>().ok()?)))
        .filter(|(_, m)| (1..=12).contains(m));
    match month {
        Some((year, m)) => format!("{} {year}", month_long(m - 1, lang)),
        None => period.to_owned(),
    }
}

/// An attempt's time, "12 mnt 05 dtk" / "12 min 05 s" (a dot would read as a decimal).
pub fn minutes_seconds(seconds: u32, lang: Lang) -> String {
    let (m, s) = (seconds / 60, seconds % 60);
    match lang {
        Lang::Id => format!("{m} mnt {s:02} dtk"),
        Lang::En => format!("{m} min {s:02} s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn a_window_reads_in_the_competitions_zone() {
        let (a, b) = (
            datetime!(2026-12-07 01:00 UTC),
            datetime!(2026-12-11 09:00 UTC),
        );
        assert_eq!(
            window(a, b, Zone::Wib, Lang::Id),
            "7 Des 08.00 – 11 Des 16.00 WIB"
        );
        assert_eq!(
            window(a, b, Zone::Wit, Lang::En),
            "7 Dec 10:00 – 11 Dec 18:00 WIT"
        );
        let c = datetime!(2027-01-02 09:00 UTC);
        assert_eq!(
            window(a, c, Zone::Wita, Lang::Id),
            "7 Des 2026 09.00 – 2 Jan 2027 17.00 WITA"
        );
        assert_eq!(moment(b, Zone::Wib, Lang::Id), "11 Des 2026 16.00 WIB");
        // Late in the evening UTC is the next day in Jayapura.
        assert_eq!(
            long_date(datetime!(2026-12-11 20:00 UTC), Zone::Wit, Lang::Id),
            "12 Desember 2026"
        );
    }

    #[wasm_bindgen_test]
    fn a_new_competition_opens_tomorrow_morning_in_its_zone() {
        // 23.30 WIB on 1 December: tomorrow is the 2nd.
        let now = datetime!(2026-12-01 16:30 UTC);
        assert_eq!(
            default_window(now, Zone::Wib),
            ("2026-12-02T08:00".to_owned(), "2026-12-06T16:00".to_owned())
        );
        // Already 2 December in WITA.
        assert_eq!(default_window(now, Zone::Wita).0, "2026-12-03T08:00");
        assert_eq!(this_month(datetime!(2026-12-31 18:00 UTC)), "2027-01");
        assert_eq!(minutes_seconds(725, Lang::Id), "12 mnt 05 dtk");
        assert_eq!(minutes_seconds(59, Lang::En), "0 min 59 s");
        assert_eq!(month_name("2026-12", Lang::Id), "Desember 2026");
        assert_eq!(month_name("2027-01", Lang::En), "January 2027");
        assert_eq!(month_name("2026-13", Lang::Id), "2026-13");
    }
}
