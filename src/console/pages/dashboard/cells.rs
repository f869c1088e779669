//! How one figure reads on the dashboard: a number in the person's locale, a band as its
//! letter and name (never colour alone), and a hidden figure as its reason, never a number.

use leptos::prelude::*;
use resapi_core::Lang;
use resapi_core::aggregate::suppression::Reason;
use resapi_core::aggregate::threshold::MinRespondents;
use resapi_core::content::Band;

/// "58,5" / "58.5".
pub fn number(x: f64, decimals: usize, lang: Lang) -> String {
    let text = format!("{x:.decimals$}");
    match lang {
        Lang::Id => text.replace('.', ","),
        Lang::En => text,
    }
}

pub fn percent(x: Option<f64>, lang: Lang) -> String {
    x.map_or_else(|| "–".into(), |x| format!("{} %", number(x, 1, lang)))
}

/// The reason's sentence ("Kurang dari 5 responden").
pub fn reason_text(reason: Reason, k: u32, lang: Lang) -> String {
    let k = MinRespondents::new(k).unwrap_or_default();
    reason.message(k).get(lang).to_owned()
}

/// A hidden figure: the reason in words, marked for tests and styled apart from numbers.
#[component]
pub fn Hidden(reason: Reason, k: u32, lang: Lang) -> impl IntoView {
    view! {
        <span class="dash-hidden" data-testid="suppressed" data-reason=reason.code()>
            {reason_text(reason, k, lang)}
        </span>
    }
}

/// A band as a badge: the letter and the band's name, coloured as a second cue.
#[component]
pub fn BandBadge(band: Option<Band>, lang: Lang) -> impl IntoView {
    band.map(|b| {
        let class = format!("band-badge band-{}", b.grade.to_lowercase());
        view! {
            <span class=class data-testid="band">
                <strong>{b.grade.clone()}</strong>" · "{b.label.get(lang).to_owned()}
            </span>
        }
    })
}

/// A band known by its letter only (trend points and sub-units).
#[component]
pub fn GradeBadge(grade: Option<String>) -> impl IntoView {
    grade.map(|g| {
        let class = format!("band-badge band-{}", g.to_lowercase());
        view! { <span class=class data-testid="band"><strong>{g}</strong></span> }
    })
}

/// Under a trend chart: which periods are hidden and why (the chart only leaves a gap).
pub fn hidden_periods<T>(
    points: &[resapi_core::unit_dashboard::TrendPoint<T>],
    k: u32,
    lang: Lang,
) -> Option<impl IntoView + use<T>> {
    let hidden: Vec<String> = points
        .iter()
        .filter_map(|p| match &p.figure {
            resapi_core::aggregate::suppression::Guarded::Suppressed { reason } => Some(format!(
                "{}: {}",
                super::period::label(&p.period, lang),
                reason_text(*reason, k, lang).to_lowercase()
            )),
            resapi_core::aggregate::suppression::Guarded::Shown { .. } => None,
        })
        .collect();
    (!hidden.is_empty()).then(|| {
        let head = match lang {
            Lang::Id => "Periode tanpa angka",
            Lang::En => "Periods without a figure",
        };
        view! {
            <p class="dash-hidden-periods" data-testid="hidden-periods">
                <strong>{head}": "</strong>
                <span class="dash-hidden">{hidden.join("; ")}</span>
            </p>
        }
    })
}
