//! One questionnaire's α: a table of its components (n, α with a meter, the reading in
//! words), then for each component with an α a table of its items (the statement, its
//! correlation with the rest of the component, α without it). Where α is not given the row
//! says why; where the unit's questionnaire cell is hidden, only the reason shows.

use crate::console::i18n::quality::{alpha_caption, alpha_reading, items_caption, quality_tr};
use crate::console::pages::dashboard::cells::{Hidden, number};
use crate::console::pages::dashboard::names::Names;
use leptos::prelude::*;
use resapi_core::Lang;
use resapi_core::aggregate::reliability::Reliability;
use resapi_core::aggregate::reliability_reading::{
    ALPHA_FAIR, ALPHA_GOOD, AlphaReading, weak_item,
};
use resapi_core::aggregate::suppression::Guarded;
use resapi_core::unit_dashboard::{AlphaCell, ComponentAlpha, QuestionnaireQuality};

fn decimals(x: Option<f64>, lang: Lang) -> String {
    x.map_or_else(|| "–".into(), |x| number(x, 2, lang))
}

#[component]
pub fn QuestionnaireAlpha(
    cell: QuestionnaireQuality,
    names: Names,
    k: u32,
    lang: Lang,
) -> impl IntoView {
    let t = quality_tr(lang);
    let q = cell.questionnaire.clone();
    let title = names.questionnaire(&q, lang);
    let heading_id = format!("quality-{q}");
    let labelled_by = heading_id.clone();
    let body = match &cell.components {
        Guarded::Suppressed { reason } => {
            view! { <p><Hidden reason=*reason k=k lang=lang /></p> }.into_any()
        }
        Guarded::Shown { value, .. } => {
            let rows = value
                .iter()
                .map(|c| component_row(c, &q, &names, lang))
                .collect_view();
            let items = value
                .iter()
                .filter_map(|c| match &c.alpha {
                    AlphaCell::Given { reliability } => {
                        Some(item_table(reliability, &q, &c.component, &names, lang))
                    }
                    AlphaCell::NotGiven { .. } => None,
                })
                .collect_view();
            view! {
                <div class="dash-table-wrap">
                    <table class="dash-table" data-testid="alpha-table">
                        <caption>{alpha_caption(lang, &title)}</caption>
                        <thead><tr>
                            <th scope="col">{t.component}</th>
                            <th scope="col">{t.respondents}</th>
                            <th scope="col">{t.alpha}</th>
                            <th scope="col">{t.reading}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                {items}
            }
            .into_any()
        }
    };
    view! {
        <section class="dash-section" aria-labelledby=labelled_by data-testid="quality-questionnaire" data-questionnaire=q.clone()>
            <h2 id=heading_id>{title.clone()}</h2>
            {body}
        </section>
    }
}

fn component_row(c: &ComponentAlpha, q: &str, names: &Names, lang: Lang) -> impl IntoView {
    let t = quality_tr(lang);
    let figures = match &c.alpha {
        AlphaCell::Given { reliability } => {
            let reading = AlphaReading::of(reliability.alpha);
            view! {
                <td class="num">{reliability.n}</td>
                <td class="num" data-testid="alpha">
                    {number(reliability.alpha, 2, lang)}" "
                    // A second cue only: the reading is in words in the next cell.
                    <meter aria-hidden="true" class="alpha-meter" min="0" max="1"
                        low=ALPHA_FAIR high=ALPHA_GOOD optimum="1" value=reliability.alpha.max(0.0)></meter>
                </td>
                <td data-testid="alpha-reading" data-reading=reading.code()>
                    <span class=format!("alpha-reading alpha-{}", reading.code())>{alpha_reading(lang, reading)}</span>
                </td>
            }
            .into_any()
        }
        AlphaCell::NotGiven { reason, message } => view! {
            <td colspan="3">
                <span class="dash-hidden" data-testid="alpha-reason" data-reason=reason.code()>
                    {t.not_given}": "{message.get(lang).to_owned()}
                </span>
            </td>
        }
        .into_any(),
    };
    view! {
        <tr data-component=c.component.clone()>
            <th scope="row">{names.component(q, &c.component, lang)}</th>
            {figures}
        </tr>
    }
}

fn item_table(
    r: &Reliability,
    q: &str,
    component: &str,
    names: &Names,
    lang: Lang,
) -> impl IntoView {
    let t = quality_tr(lang);
    let rows = r
        .items
        .iter()
        .map(|i| {
            let note = weak_item(i.corrected_item_total).then(|| {
                let why = if i.corrected_item_total.is_none() {
                    t.no_variation
                } else {
                    t.weak_item
                };
                view! { " "<strong class="item-weak" data-testid="weak-item">"("{why}")"</strong> }
            });
            view! {
                <tr data-item=i.item.clone()>
                    <th scope="row" class="item-text">{names.item(q, &i.item, lang)}</th>
                    <td class="num" data-testid="item-total">{decimals(i.corrected_item_total, lang)}{note}</td>
                    <td class="num">{decimals(i.alpha_if_deleted, lang)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="dash-table-wrap">
            <table class="dash-table quality-items" data-testid="item-total-table" data-component=component.to_owned()>
                <caption>{items_caption(lang, &names.component(q, component, lang))}</caption>
                <thead><tr>
                    <th scope="col">{t.item}</th>
                    <th scope="col">{t.item_total}</th>
                    <th scope="col">{t.alpha_if_deleted}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
