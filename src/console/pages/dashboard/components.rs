//! Commitment components (afektif, kontinuan, normatif) and SMART ASN indicators: the group
//! mean on the 1–5 scale and as a percentage, with the spread of people's own scores.

use super::cells::{Hidden, number, percent};
use super::figure_table::{chart_beside, figure_table};
use super::index::spread_text;
use super::names::Names;
use super::text::dash_tr;
use crate::charts::{ChartColour, ChartKind, ChartSpec, Series};
use leptos::prelude::*;
use resapi_core::Lang;
use resapi_core::aggregate::suppression::Guarded;
use resapi_core::unit_dashboard::ComponentsCell;

#[component]
pub fn ComponentsSection(cell: ComponentsCell, names: Names, k: u32, lang: Lang) -> impl IntoView {
    let t = dash_tr(lang);
    let q = cell.questionnaire.clone();
    let title = names.questionnaire(&q, lang);
    let heading_id = format!("dash-q-{q}");
    let body = match &cell.figure {
        Guarded::Suppressed { reason } => view! {
            <p><Hidden reason=*reason k=k lang=lang /></p>
        }
        .into_any(),
        Guarded::Shown { n, value } => {
            let rows = value
                .components
                .iter()
                .map(|c| {
                    view! {
                        <tr>
                            <th scope="row">{names.component(&q, &c.score.component, lang)}</th>
                            <td class="num">{c.score.mean.map_or_else(|| "–".into(), |m| number(m, 2, lang))}</td>
                            <td class="num">{percent(c.score.percent, lang)}</td>
                            <td class="num">{spread_text(c.spread.as_ref(), lang)}</td>
                        </tr>
                    }
                })
                .collect_view();
            let labels = value
                .components
                .iter()
                .map(|c| names.component(&q, &c.score.component, lang))
                .collect();
            let percents = value.components.iter().map(|c| c.score.percent).collect();
            let spec = ChartSpec::new(ChartKind::Bar, lang, labels)
                .label_header(t.component)
                .series(Series::new(t.percent, percents, ChartColour::Gold))
                .y_range(0.0, 100.0)
                .unit(" %")
                .empty(t.no_data);
            view! {
                <p>{t.respondents}": "{*n}</p>
                {chart_beside(spec, title.clone(), t.chart_summary,
                    figure_table(title.clone(), vec![t.component, t.mean, t.percent, t.middle_half], rows))}
            }
            .into_any()
        }
    };
    view! {
        <section class="dash-section" aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{title.clone()}</h2>
            {body}
        </section>
    }
}
