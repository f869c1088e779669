//! Practice: accuracy overall, per value (chart and table) and per indicator, questions
//! answered, and the accuracy trend.

use super::Figures;
use super::cells::{Hidden, hidden_periods};
use super::figure_table::{chart_beside, figure_table, trend_spec};
use super::keyed::keyed;
use super::names::Names;
use super::text::dash_tr;
use crate::charts::{ChartColour, ChartKind, ChartSpec, Series};
use crate::console::live_chart::LiveChart;
use leptos::prelude::*;
use resapi_core::Lang;
use resapi_core::aggregate::practice_group::{Accuracy, GuardedPractice, PracticeRow};
use resapi_core::aggregate::suppression::Guarded;
use resapi_core::unit_dashboard::UnitDashboard;

fn shown(g: &Guarded<Accuracy>) -> Option<&Accuracy> {
    match g {
        // Nothing answered is no accuracy (not 0 %).
        Guarded::Shown { value, .. } if value.answered > 0 => Some(value),
        Guarded::Shown { .. } => None,
        Guarded::Suppressed { .. } => None,
    }
}

/// The unit's practice figures when shown.
fn group(d: &UnitDashboard) -> Option<&GuardedPractice> {
    match &d.practice {
        Guarded::Shown { value, .. } => Some(value),
        Guarded::Suppressed { .. } => None,
    }
}

/// A table of accuracy rows (keyed by value or indicator), hidden rows saying why.
fn rows_table(
    d: Figures,
    rows: fn(&GuardedPractice) -> &[PracticeRow],
    head: &'static str,
    name: impl Fn(&str) -> String + Clone + Send + Sync + 'static,
    lang: Lang,
) -> impl IntoView {
    let t = dash_tr(lang);
    let body = keyed(
        move || d.with(|d| group(d).map(|g| rows(g).to_vec()).unwrap_or_default()),
        |r| r.key.clone(),
        move |r| {
            let label = name(&r.with_untracked(|r| r.key.clone()));
            let cells = move || {
                r.with(|r| match &r.figure {
                    Guarded::Shown { value, .. } => view! {
                        <td class="num">{shown(&r.figure).map_or_else(|| "–".to_owned(), |a| format!("{} %", a.percent))}</td>
                        <td class="num">{value.answered}</td>
                        <td class="num">{value.people}</td>
                    }
                    .into_any(),
                    Guarded::Suppressed { reason } => view! {
                        <td colspan="3"><Hidden reason=*reason k=d.with(|d| d.k) lang=lang /></td>
                    }
                    .into_any(),
                })
            };
            view! { <tr><th scope="row">{label}</th>{cells}</tr> }
        },
    );
    figure_table(
        head.to_owned(),
        vec![head, t.accuracy, t.answered, t.people],
        body,
    )
}

#[component]
pub fn PracticeSection(d: Figures, names: Names, lang: Lang) -> impl IntoView {
    let t = dash_tr(lang);
    let is_shown = Memo::new(move |_| d.with(|d| group(d).is_some()));
    let hidden = move || {
        d.with(|d| match &d.practice {
            Guarded::Suppressed { reason } => {
                Some(view! { <Hidden reason=*reason k=d.k lang=lang /> })
            }
            Guarded::Shown { .. } => None,
        })
    };
    let overall = move || {
        d.with(|d| {
            let g = group(d)?;
            Some(match &g.overall {
                Guarded::Shown { value: a, .. } if a.answered == 0 => view! {
                    <p data-testid="practice-overall">{t.accuracy}": "{t.no_data}</p>
                }
                .into_any(),
                Guarded::Shown { value: a, .. } => view! {
                    <p data-testid="practice-overall">
                        {t.accuracy}": "<strong class="dash-big">{a.percent}" %"</strong>
                        " · "{t.answered}" "{a.answered}" · "{t.people}" "{a.people}
                    </p>
                }
                .into_any(),
                Guarded::Suppressed { reason } => view! {
                    <p>{t.accuracy}": "<Hidden reason=*reason k=d.k lang=lang /></p>
                }
                .into_any(),
            })
        })
    };
    let body = {
        let names = names.clone();
        move || {
            let (chart_names, value_names, indicator_names) =
                (names.clone(), names.clone(), names.clone());
            let spec = Signal::derive(move || {
                d.with(|d| {
                    let per_value = group(d).map(|g| g.per_value.as_slice()).unwrap_or_default();
                    let labels = per_value
                        .iter()
                        .map(|r| chart_names.value(&r.key, lang))
                        .collect();
                    let percents = per_value
                        .iter()
                        .map(|r| shown(&r.figure).map(|a| f64::from(a.percent)))
                        .collect();
                    ChartSpec::new(ChartKind::Bar, lang, labels)
                        .label_header(t.value)
                        .series(Series::new(t.accuracy, percents, ChartColour::Green))
                        .y_range(0.0, 100.0)
                        .unit(" %")
                        .decimals(0)
                        .empty(t.no_data)
                })
            });
            view! {
                {overall}
                {chart_beside(spec, t.practice_chart.to_owned(), t.chart_summary,
                    rows_table(d, |g| &g.per_value, t.value, move |id| value_names.value(id, lang), lang))}
                <details class="dash-more">
                    <summary>{t.indicator}</summary>
                    {rows_table(d, |g| &g.per_indicator, t.indicator, move |id| indicator_names.indicator(id, lang), lang)}
                </details>
            }
        }
    };
    // Nothing answered in a period is no accuracy (a gap), not 0 %.
    let accuracy = |a: &Accuracy| (a.answered > 0).then(|| f64::from(a.percent));
    let trend = Signal::derive(move || {
        d.with(|d| trend_spec(&d.practice_trend, accuracy, t.accuracy, lang).decimals(0))
    });
    view! {
        <section class="dash-section" aria-labelledby="dash-practice" data-testid="dash-practice">
            <h2 id="dash-practice">{t.practice}</h2>
            <Show when=move || is_shown.get() fallback=move || view! { <p>{hidden}</p> }>
                {body()}
            </Show>
            <LiveChart config=trend summary=t.chart_summary.to_owned() title=t.practice_trend.to_owned() />
            {move || d.with(|d| hidden_periods(&d.practice_trend, d.k, lang))}
        </section>
    }
}
