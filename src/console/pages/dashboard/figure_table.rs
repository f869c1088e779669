//! A figure's table (caption, column headers, rows) in its scroll box, and a chart with that
//! table beside it (under it on a narrower screen): the dashboard's one layout for figures;
//! and a trend over periods as a line chart.

use super::period::short_label;
use super::text::dash_tr;
use crate::charts::{ChartColour, ChartKind, ChartSpec, Series};
use crate::console::live_chart::LiveChart;
use leptos::prelude::*;
use resapi_core::Lang;
use resapi_core::aggregate::suppression::Guarded;
use resapi_core::unit_dashboard::TrendPoint;

pub fn figure_table(
    caption: String,
    heads: Vec<&'static str>,
    rows: impl IntoView,
) -> impl IntoView {
    let heads = heads
        .into_iter()
        .map(|h| view! { <th scope="col">{h}</th> })
        .collect_view();
    view! {
        <div class="dash-table-wrap">
            <table class="dash-table">
                <caption>{caption}</caption>
                <thead><tr>{heads}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

pub fn chart_beside(
    spec: Signal<ChartSpec>,
    title: String,
    summary: &'static str,
    table: impl IntoView,
) -> impl IntoView {
    view! {
        <div class="dash-pair">
            <LiveChart config=spec summary=summary.to_owned() title=title />
            {table}
        </div>
    }
}

/// A trend over periods as a 0–100 % line chart named `series`; a hidden period is a gap.
pub fn trend_spec<T>(
    points: &[TrendPoint<T>],
    value: impl Fn(&T) -> Option<f64>,
    series: &'static str,
    lang: Lang,
) -> ChartSpec {
    let t = dash_tr(lang);
    let labels = points
        .iter()
        .map(|p| short_label(&p.period, lang))
        .collect();
    let values = points
        .iter()
        .map(|p| match &p.figure {
            Guarded::Shown { value: v, .. } => value(v),
            Guarded::Suppressed { .. } => None,
        })
        .collect();
    ChartSpec::new(ChartKind::Line, lang, labels)
        .label_header(t.period)
        .series(Series::new(series, values, ChartColour::Green))
        .y_range(0.0, 100.0)
        .unit(" %")
        .empty(t.no_data)
}
