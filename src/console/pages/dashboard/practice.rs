//! Practice: accuracy overall, per value (chart and table) and per indicator, questions
//! answered, and the accuracy trend.

use super::cells::{Hidden, hidden_periods};
use super::figure_table::{chart_beside, figure_table};
use super::names::Names;
use super::period::short_label;
use super::text::dash_tr;
use crate::charts::{ChartColour, ChartKind, ChartSpec, ChartView, Series};
use leptos::prelude::*;
use resapi_core::Lang;
use resapi_core::aggregate::practice_group::{Accuracy, PracticeRow};
use resapi_core::aggregate::suppression::Guarded;
use resapi_core::unit_dashboard::UnitDashboard;
use std::sync::Arc;

fn shown(g: &Guarded<Accuracy>) -> Option<&Accuracy> {
    match g {
        // Nothing answered is no accuracy (not 0 %).
        Guarded::Shown { value, .. } if value.answered > 0 => Some(value),
        Guarded::Shown { .. } => None,
        Guarded::Suppressed { .. } => None,
    }
}

/// A table of accuracy rows, hidden rows saying why.
fn rows_table(
    rows: &[PracticeRow],
    head: &'static str,
    name: impl Fn(&str) -> String,
    k: u32,
    lang: Lang,
) -> impl IntoView {
    let t = dash_tr(lang);
    let body = rows
        .iter()
        .map(|r| {
            let cells = match &r.figure {
                Guarded::Shown { value, .. } => view! {
                    <td class="num">{shown(&r.figure).map_or_else(|| "–".to_owned(), |a| format!("{} %", a.percent))}</td>
                    <td class="num">{value.answered}</td>
                    <td class="num">{value.people}</td>
                }
                .into_any(),
                Guarded::Suppressed { reason } => view! {
                    <td colspan="3"><Hidden reason=*reason k=k lang=lang /></td>
                }
                .into_any(),
            };
            view! { <tr><th scope="row">{name(&r.key)}</th>{cells}</tr> }
        })
        .collect_view();
    figure_table(
        head.to_owned(),
        vec![head, t.accuracy, t.answered, t.people],
        body,
    )
}

#[component]
pub fn PracticeSection(d: Arc<UnitDashboard>, names: Names, lang: Lang) -> impl IntoView {
    let t = dash_tr(lang);
    let k = d.k;
    let body = match &d.practice {
        Guarded::Suppressed { reason } => view! {
            <p><Hidden reason=*reason k=k lang=lang /></p>
        }
        .into_any(),
        Guarded::Shown { value, .. } => {
            let overall = match &value.overall {
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
                    <p>{t.accuracy}": "<Hidden reason=*reason k=k lang=lang /></p>
                }
                .into_any(),
            };
            let labels = value
                .per_value
                .iter()
                .map(|r| names.value(&r.key, lang))
                .collect();
            let percents = value
                .per_value
                .iter()
                .map(|r| shown(&r.figure).map(|a| f64::from(a.percent)))
                .collect();
            let spec = ChartSpec::new(ChartKind::Bar, lang, labels)
                .label_header(t.value)
                .series(Series::new(t.accuracy, percents, ChartColour::Green))
                .y_range(0.0, 100.0)
                .unit(" %")
                .decimals(0)
                .empty(t.no_data);
            let value_names = names.clone();
            let indicator_names = names.clone();
            view! {
                {overall}
                {chart_beside(spec, t.practice_chart.to_owned(), t.chart_summary,
                    rows_table(&value.per_value, t.value, move |id| value_names.value(id, lang), k, lang))}
                <details class="dash-more">
                    <summary>{t.indicator}</summary>
                    {rows_table(&value.per_indicator, t.indicator, move |id| indicator_names.indicator(id, lang), k, lang)}
                </details>
            }
            .into_any()
        }
    };
    let labels = d
        .practice_trend
        .iter()
        .map(|p| short_label(&p.period, lang))
        .collect();
    let trend = d
        .practice_trend
        .iter()
        .map(|p| shown(&p.figure).map(|a| f64::from(a.percent)))
        .collect();
    let trend = ChartSpec::new(ChartKind::Line, lang, labels)
        .label_header(t.period)
        .series(Series::new(t.accuracy, trend, ChartColour::Green))
        .y_range(0.0, 100.0)
        .unit(" %")
        .decimals(0)
        .empty(t.no_data);
    view! {
        <section class="dash-section" aria-labelledby="dash-practice" data-testid="dash-practice">
            <h2 id="dash-practice">{t.practice}</h2>
            {body}
            <ChartView config=Signal::stored(trend) summary=t.chart_summary.to_owned() title=t.practice_trend.to_owned() />
            {hidden_periods(&d.practice_trend, d.k, lang)}
        </section>
    }
}
