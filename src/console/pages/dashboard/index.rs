//! The BerAKHLAK index: overall with its band, each value with band and spread (a bar chart
//! with the A/B/C bands behind it and the table), the trend over periods, and the weakest
//! value with the module that answers it.

use super::cells::{BandBadge, Hidden, hidden_periods, number, percent};
use super::figure_table::{chart_beside, figure_table};
use super::names::Names;
use super::period::short_label;
use super::text::dash_tr;
use crate::charts::{ChartColour, ChartKind, ChartSpec, ChartView, Series};
use leptos::prelude::*;
use resapi_core::Lang;
use resapi_core::aggregate::spread::Spread;
use resapi_core::aggregate::suppression::Guarded;
use resapi_core::unit_dashboard::UnitDashboard;
use std::sync::Arc;

/// "Q1–Q3: 60,0–75,0 · SD 8,2" or a dash.
pub fn spread_text(s: Option<&Spread>, lang: Lang) -> String {
    s.map_or_else(
        || "–".into(),
        |s| {
            let sd = s.sd.map(|sd| format!(" · SD {}", number(sd, 1, lang)));
            format!(
                "{}–{}{}",
                number(s.q1, 1, lang),
                number(s.q3, 1, lang),
                sd.unwrap_or_default()
            )
        },
    )
}

#[component]
pub fn IndexSection(d: Arc<UnitDashboard>, names: Names, lang: Lang) -> impl IntoView {
    let t = dash_tr(lang);
    let body = match &d.index {
        Guarded::Suppressed { reason } => view! {
            <p class="dash-overall">{t.overall}": "<Hidden reason=*reason k=d.k lang=lang /></p>
        }
        .into_any(),
        Guarded::Shown { n, value } => {
            let rows = value
                .values
                .iter()
                .map(|v| {
                    view! {
                        <tr>
                            <th scope="row">{names.value(&v.index.value, lang)}</th>
                            <td class="num">{percent(v.index.percent, lang)}</td>
                            <td><BandBadge band=v.index.band.clone() lang=lang /></td>
                            <td class="num">{spread_text(v.spread.as_ref(), lang)}</td>
                        </tr>
                    }
                })
                .collect_view();
            let labels = value
                .values
                .iter()
                .map(|v| names.value(&v.index.value, lang))
                .collect();
            let percents = value.values.iter().map(|v| v.index.percent).collect();
            let spec = ChartSpec::new(ChartKind::Bar, lang, labels)
                .label_header(t.value)
                .series(Series::new(t.percent, percents, ChartColour::Green))
                .y_range(0.0, 100.0)
                .unit(" %")
                .bands(names.bands())
                .empty(t.no_data);
            let weakest = d.weakest.as_ref().map(|w| {
                let modules = w
                    .modules
                    .iter()
                    .map(|m| names.module(m, lang))
                    .collect::<Vec<_>>()
                    .join(", ");
                view! {
                    <p class="dash-weakest" data-testid="weakest">
                        <strong>{t.weakest}": "</strong>{names.value(&w.value, lang)}
                        " — "{t.weakest_module}": "<em>{modules}</em>
                    </p>
                }
            });
            view! {
                <p class="dash-overall" data-testid="index-overall">
                    {t.overall}": "<strong class="dash-big">{percent(value.overall, lang)}</strong>" "
                    <BandBadge band=value.overall_band.clone() lang=lang />
                    " · "{t.respondents}" "{*n}
                </p>
                {weakest}
                {chart_beside(spec, t.index_chart.to_owned(), t.chart_summary,
                    figure_table(t.index_title.to_owned(), vec![t.value, t.percent, t.band, t.middle_half], rows))}
            }
            .into_any()
        }
    };
    let labels = d
        .index_trend
        .iter()
        .map(|p| short_label(&p.period, lang))
        .collect();
    let overall = d
        .index_trend
        .iter()
        .map(|p| match &p.figure {
            Guarded::Shown { value, .. } => value.overall,
            Guarded::Suppressed { .. } => None,
        })
        .collect();
    let trend = ChartSpec::new(ChartKind::Line, lang, labels)
        .label_header(t.period)
        .series(Series::new(t.overall, overall, ChartColour::Green))
        .y_range(0.0, 100.0)
        .unit(" %")
        .bands(names.bands())
        .empty(t.no_data);
    view! {
        <section class="dash-section" aria-labelledby="dash-index" data-testid="dash-index">
            <h2 id="dash-index">{t.index_title}</h2>
            {body}
            <ChartView config=Signal::stored(trend) summary=t.chart_summary.to_owned() title=t.trend_chart.to_owned() />
            {hidden_periods(&d.index_trend, d.k, lang)}
        </section>
    }
}
