//! The period picker's choices: the recent months, quarters or years, newest first, and how
//! each reads ("Maret 2026", "Kuartal 1 2026"), and the picker the unit screens share.

use super::text::dash_tr;
use leptos::prelude::*;
use resapi_core::Lang;
use resapi_core::aggregate::period::{Period, PeriodKind};
use resapi_core::aggregate::running::has_ended;
use time::Date;

/// How many periods of each kind the picker offers.
fn offered(kind: PeriodKind) -> usize {
    match kind {
        PeriodKind::Month => 24,
        PeriodKind::Quarter => 8,
        PeriodKind::Year => 4,
    }
}

/// The periods of `kind` up to the one holding `today`, newest first.
pub fn choices(kind: PeriodKind, today: Date) -> Vec<Period> {
    let mut out = vec![Period::of_date(today, kind)];
    while out.len() < offered(kind) {
        let Some(before) = out[out.len() - 1].first_day().previous_day() else {
            break;
        };
        out.push(Period::of_date(before, kind));
    }
    out
}

/// The most recent period of `kind` that has ended by `today`: the dashboard opens on it,
/// since a running period shows no questionnaire figures yet.
pub fn latest_ended(kind: PeriodKind, today: Date) -> Period {
    let current = Period::of_date(today, kind);
    current
        .first_day()
        .previous_day()
        .map_or(current, |d| Period::of_date(d, kind))
}

/// How a period reads in the picker: a running one says so.
pub fn choice_label(p: &Period, today: Date, lang: Lang) -> String {
    if has_ended(p, today) {
        return label(p, lang);
    }
    match lang {
        Lang::Id => format!("{} (berjalan)", label(p, lang)),
        Lang::En => format!("{} (running)", label(p, lang)),
    }
}

/// A month's name, "Desember" / "December" (`month` from 0).
pub fn month_long(month: usize, lang: Lang) -> &'static str {
    match lang {
        Lang::Id => MONTHS_ID[month % 12],
        Lang::En => MONTHS_EN[month % 12],
    }
}

/// A month's short name, "Des" / "Dec" (`month` from 0).
pub fn month_short(month: usize, lang: Lang) -> &'static str {
    &month_long(month, lang)[..3]
}

const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub fn label(p: &Period, lang: Lang) -> String {
    let year = p.calendar_year();
    let month = usize::from(u8::from(p.first_day().month())) - 1;
    match (p.kind(), lang) {
        (PeriodKind::Month, Lang::Id) => format!("{} {year}", MONTHS_ID[month]),
        (PeriodKind::Month, Lang::En) => format!("{} {year}", MONTHS_EN[month]),
        (PeriodKind::Quarter, Lang::Id) => format!("Kuartal {} {year}", month / 3 + 1),
        (PeriodKind::Quarter, Lang::En) => format!("Q{} {year}", month / 3 + 1),
        (PeriodKind::Year, _) => year.to_string(),
    }
}

/// A short label for chart axes ("Mar 26", "K1 26").
pub fn short_label(p: &Period, lang: Lang) -> String {
    let year = p.calendar_year() % 100;
    let month = usize::from(u8::from(p.first_day().month())) - 1;
    match (p.kind(), lang) {
        (PeriodKind::Month, _) => format!("{} {year:02}", month_short(month, lang)),
        (PeriodKind::Quarter, Lang::Id) => format!("K{} {year:02}", month / 3 + 1),
        (PeriodKind::Quarter, Lang::En) => format!("Q{} {year:02}", month / 3 + 1),
        (PeriodKind::Year, _) => p.calendar_year().to_string(),
    }
}

pub fn kind_code(kind: PeriodKind) -> &'static str {
    match kind {
        PeriodKind::Month => "month",
        PeriodKind::Quarter => "quarter",
        PeriodKind::Year => "year",
    }
}

pub fn kind_of(code: &str) -> PeriodKind {
    match code {
        "month" => PeriodKind::Month,
        "year" => PeriodKind::Year,
        _ => PeriodKind::Quarter,
    }
}

/// The period chooser: a kind (bulan, kuartal, tahun) and one of its recent periods.
/// Switching the kind keeps the date (March → Q1).
#[component]
pub fn PeriodPicker(
    kind: RwSignal<PeriodKind>,
    period: RwSignal<Period>,
    #[prop(into)] lang: Signal<Lang>,
    today: Date,
) -> impl IntoView {
    let t = move || dash_tr(lang.get());
    let period_options = move || {
        let lang = lang.get();
        let chosen = period.get();
        choices(kind.get(), today)
            .into_iter()
            .map(|p| {
                view! { <option value=p.to_string() selected=p == chosen>{choice_label(&p, today, lang)}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="dash-field">
            <label for="dash-period-kind">{move || t().period_kind}</label>
            <select id="dash-period-kind" data-testid="period-kind" on:change=move |ev| {
                let k = kind_of(&event_target_value(&ev));
                kind.set(k);
                period.set(Period::of_date(period.get_untracked().first_day(), k));
            }>
                {move || [PeriodKind::Month, PeriodKind::Quarter, PeriodKind::Year].into_iter().map(|k| {
                    let name = match k {
                        PeriodKind::Month => t().month,
                        PeriodKind::Quarter => t().quarter,
                        PeriodKind::Year => t().year,
                    };
                    view! { <option value=kind_code(k) selected=k == kind.get()>{name}</option> }
                }).collect_view()}
            </select>
        </div>
        <div class="dash-field">
            <label for="dash-period">{move || t().period}</label>
            <select id="dash-period" data-testid="period" on:change=move |ev| {
                if let Ok(p) = event_target_value(&ev).parse::<Period>() {
                    period.set(p);
                }
            }>
                {period_options}
            </select>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn choices_count_back_from_today_across_years() {
        let q = choices(PeriodKind::Quarter, date!(2026 - 02 - 10));
        assert_eq!(q.len(), 8);
        assert_eq!(q[0].to_string(), "2026-Q1");
        assert_eq!(q[1].to_string(), "2025-Q4");
        let m = choices(PeriodKind::Month, date!(2026 - 02 - 10));
        assert_eq!(
            (m[0].to_string(), m[2].to_string()),
            ("2026-02".into(), "2025-12".into())
        );
        assert_eq!(label(&m[0], Lang::Id), "Februari 2026");
        assert_eq!(label(&q[0], Lang::Id), "Kuartal 1 2026");
        assert_eq!(label(&q[1], Lang::En), "Q4 2025");
    }

    #[wasm_bindgen_test]
    fn the_dashboard_opens_on_the_last_ended_period_and_marks_the_running_one() {
        let today = date!(2026 - 12 - 01);
        assert_eq!(
            latest_ended(PeriodKind::Quarter, today).to_string(),
            "2026-Q3"
        );
        assert_eq!(
            latest_ended(PeriodKind::Month, today).to_string(),
            "2026-11"
        );
        assert_eq!(latest_ended(PeriodKind::Year, today).to_string(), "2025");
        let q4 = Period::of_date(today, PeriodKind::Quarter);
        assert_eq!(
            choice_label(&q4, today, Lang::Id),
            "Kuartal 4 2026 (berjalan)"
        );
        let q3 = latest_ended(PeriodKind::Quarter, today);
        assert_eq!(choice_label(&q3, today, Lang::Id), "Kuartal 3 2026");
    }
}
