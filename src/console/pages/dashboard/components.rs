//! Commitment components (afektif, kontinuan, normatif) and SMART ASN indicators: the group
//! mean on the 1–5 scale and as a percentage, with the spread of people's own scores.

use super::cells::{Hidden, number, percent};
use super::figure_table::{chart_beside, figure_table};
use super::index::spread_text;
use super::keyed::keyed;
use super::names::Names;
use super::text::dash_tr;
use crate::charts::{ChartColour, ChartKind, ChartSpec, Series};
use leptos::prelude::*;
use resapi_core::Lang;
use resapi_core::aggregate::questionnaire_group::ComponentsGroup;
use resapi_core::aggregate::suppression::Guarded;
use resapi_core::unit_dashboard::ComponentsCell;

fn shown(cell: &ComponentsCell) -> Option<(u32, &ComponentsGroup)> {
    match &cell.figure {
        Guarded::Shown { n, value } => Some((*n, value)),
        Guarded::Suppressed { .. } => None,
    }
}

/// One questionnaire's section, built once; its figures follow `cell`.
#[component]
pub fn ComponentsSection(
    cell: Memo<ComponentsCell>,
    names: Names,
    k: Signal<u32>,
    lang: Lang,
) -> impl IntoView {
    let t = dash_tr(lang);
    let q = cell.with_untracked(|c| c.questionnaire.clone());
    let title = names.questionnaire(&q, lang);
    let heading_id = format!("dash-q-{q}");
    let is_shown = Memo::new(move |_| cell.with(|c| shown(c).is_some()));
    let hidden = move || {
        cell.with(|c| match &c.figure {
            Guarded::Suppressed { reason } => {
                Some(view! { <Hidden reason=*reason k=k.get() lang=lang /> })
            }
            Guarded::Shown { .. } => None,
        })
    };
    let body = {
        let title = title.clone();
        move || {
            let (q, row_names, chart_names) = (q.clone(), names.clone(), names.clone());
            let row_q = q.clone();
            let rows = keyed(
                move || {
                    cell.with(|c| {
                        shown(c)
                            .map(|(_, g)| g.components.clone())
                            .unwrap_or_default()
                    })
                },
                |c| c.score.component.clone(),
                move |c| {
                    let name = row_names.component(
                        &row_q,
                        &c.with_untracked(|c| c.score.component.clone()),
                        lang,
                    );
                    view! {
                        <tr>
                            <th scope="row">{name}</th>
                            <td class="num">{move || c.with(|c| c.score.mean.map_or_else(|| "–".into(), |m| number(m, 2, lang)))}</td>
                            <td class="num">{move || c.with(|c| percent(c.score.percent, lang))}</td>
                            <td class="num">{move || c.with(|c| spread_text(c.spread.as_ref(), lang))}</td>
                        </tr>
                    }
                },
            );
            let spec = Signal::derive(move || {
                cell.with(|c| {
                    let components = shown(c)
                        .map(|(_, g)| g.components.as_slice())
                        .unwrap_or_default();
                    let labels = components
                        .iter()
                        .map(|c| chart_names.component(&q, &c.score.component, lang))
                        .collect();
                    let percents = components.iter().map(|c| c.score.percent).collect();
                    ChartSpec::new(ChartKind::Bar, lang, labels)
                        .label_header(t.component)
                        .series(Series::new(t.percent, percents, ChartColour::Gold))
                        .y_range(0.0, 100.0)
                        .unit(" %")
                        .empty(t.no_data)
                })
            });
            view! {
                <p>{t.respondents}": "{move || cell.with(|c| shown(c).map(|(n, _)| n))}</p>
                {chart_beside(spec, title.clone(), t.chart_summary,
                    figure_table(title.clone(), vec![t.component, t.mean, t.percent, t.middle_half], rows))}
            }
        }
    };
    view! {
        <section class="dash-section" aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{title}</h2>
            <Show when=move || is_shown.get() fallback=move || view! { <p>{hidden}</p> }>
                {body()}
            </Show>
        </section>
    }
}
