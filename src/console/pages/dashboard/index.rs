//! The BerAKHLAK index: overall with its band, each value with band and spread (a bar chart
//! with the A/B/C bands behind it and the table), the trend over periods, and the weakest
//! value with the module that answers it.

use super::Figures;
use super::cells::{BandBadge, Hidden, hidden_periods, number, percent};
use super::figure_table::{chart_beside, figure_table, trend_spec};
use super::keyed::keyed;
use super::names::Names;
use super::text::dash_tr;
use crate::charts::{ChartColour, ChartKind, ChartSpec, Series};
use crate::console::live_chart::LiveChart;
use leptos::prelude::*;
use resapi_core::Lang;
use resapi_core::aggregate::questionnaire_group::IndexGroup;
use resapi_core::aggregate::spread::Spread;
use resapi_core::aggregate::suppression::Guarded;
use resapi_core::unit_dashboard::UnitDashboard;

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

/// The unit's index figures when shown (respondents and the group).
fn shown(d: &UnitDashboard) -> Option<(u32, &IndexGroup)> {
    match &d.index {
        Guarded::Shown { n, value } => Some((*n, value)),
        Guarded::Suppressed { .. } => None,
    }
}

#[component]
pub fn IndexSection(d: Figures, names: Names, lang: Lang) -> impl IntoView {
    let t = dash_tr(lang);
    let is_shown = Memo::new(move |_| d.with(|d| shown(d).is_some()));
    let hidden = move || {
        d.with(|d| match &d.index {
            Guarded::Suppressed { reason } => {
                Some(view! { <Hidden reason=*reason k=d.k lang=lang /> })
            }
            Guarded::Shown { .. } => None,
        })
    };
    let body = {
        let names = names.clone();
        move || {
            let (row_names, chart_names, weakest_names) =
                (names.clone(), names.clone(), names.clone());
            let rows = keyed(
                move || d.with(|d| shown(d).map(|(_, g)| g.values.clone()).unwrap_or_default()),
                |v| v.index.value.clone(),
                move |v| {
                    let name = row_names.value(&v.with_untracked(|v| v.index.value.clone()), lang);
                    view! {
                        <tr>
                            <th scope="row">{name}</th>
                            <td class="num">{move || v.with(|v| percent(v.index.percent, lang))}</td>
                            <td>{move || v.with(|v| view! { <BandBadge band=v.index.band.clone() lang=lang /> })}</td>
                            <td class="num">{move || v.with(|v| spread_text(v.spread.as_ref(), lang))}</td>
                        </tr>
                    }
                },
            );
            let spec = Signal::derive(move || {
                d.with(|d| {
                    let values = shown(d)
                        .map(|(_, g)| g.values.as_slice())
                        .unwrap_or_default();
                    let labels = values
                        .iter()
                        .map(|v| chart_names.value(&v.index.value, lang))
                        .collect();
                    let percents = values.iter().map(|v| v.index.percent).collect();
                    ChartSpec::new(ChartKind::Bar, lang, labels)
                        .label_header(t.value)
                        .series(Series::new(t.percent, percents, ChartColour::Green))
                        .y_range(0.0, 100.0)
                        .unit(" %")
                        .bands(chart_names.bands())
                        .empty(t.no_data)
                })
            });
            let weakest = move || {
                d.with(|d| {
                    d.weakest.as_ref().map(|w| {
                        let modules = w
                            .modules
                            .iter()
                            .map(|m| weakest_names.module(m, lang))
                            .collect::<Vec<_>>()
                            .join(", ");
                        view! {
                            <p class="dash-weakest" data-testid="weakest">
                                <strong>{t.weakest}": "</strong>{weakest_names.value(&w.value, lang)}
                                " — "{t.weakest_module}": "<em>{modules}</em>
                            </p>
                        }
                    })
                })
            };
            view! {
                <p class="dash-overall" data-testid="index-overall">
                    {t.overall}": "<strong class="dash-big">{move || d.with(|d| percent(shown(d).and_then(|(_, g)| g.overall), lang))}</strong>" "
                    {move || d.with(|d| view! { <BandBadge band=shown(d).and_then(|(_, g)| g.overall_band.clone()) lang=lang /> })}
                    " · "{t.respondents}" "{move || d.with(|d| shown(d).map(|(n, _)| n))}
                </p>
                {weakest}
                {chart_beside(spec, t.index_chart.to_owned(), t.chart_summary,
                    figure_table(t.index_title.to_owned(), vec![t.value, t.percent, t.band, t.middle_half], rows))}
            }
        }
    };
    let trend = Signal::derive(move || {
        d.with(|d| trend_spec(&d.index_trend, |h| h.overall, t.overall, lang).bands(names.bands()))
    });
    view! {
        <section class="dash-section" aria-labelledby="dash-index" data-testid="dash-index">
            <h2 id="dash-index">{t.index_title}</h2>
            <Show when=move || is_shown.get() fallback=move || view! { <p class="dash-overall">{t.overall}": "{hidden}</p> }>
                {body()}
            </Show>
            <LiveChart config=trend summary=t.chart_summary.to_owned() title=t.trend_chart.to_owned() />
            {move || d.with(|d| hidden_periods(&d.index_trend, d.k, lang))}
        </section>
    }
}
