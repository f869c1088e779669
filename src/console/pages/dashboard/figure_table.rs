//! A figure's table (caption, column headers, rows) in its scroll box, and a chart with that
//! table beside it (under it on a narrower screen): the dashboard's one layout for figures.

use crate::charts::{ChartSpec, ChartView};
use leptos::prelude::*;

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
    spec: ChartSpec,
    title: String,
    summary: &'static str,
    table: impl IntoView,
) -> impl IntoView {
    view! {
        <div class="dash-pair">
            <ChartView config=Signal::stored(spec) summary=summary.to_owned() title=title />
            {table}
        </div>
    }
}
