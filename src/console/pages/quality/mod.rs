//! "Kualitas ukur" (unit admins and admins): Cronbach's α per questionnaire component over
//! the respondents of a unit and its sub-units in a period (`GET /units/{id}/quality`),
//! each α with its reading and each item's correlation with the rest of its component, or
//! the reason in words where α is not given. Opened from the unit dashboard for the unit
//! and period on screen there (`?unit=…&period=…`).

mod alpha_table;

use super::address;
use super::dashboard::names::Names;
use super::dashboard::period::{self, PeriodPicker};
use super::latest_answer::LatestAnswer;
use crate::console::access::Screen;
use crate::console::api as console_api;
use crate::console::i18n::quality::quality_tr;
use crate::console::problem::{Loading, Problem};
use crate::console::state::use_console;
use alpha_table::QuestionnaireAlpha;
use leptos::prelude::*;
use resapi_core::aggregate::period::Period;

/// The address of a unit's quality screen for a period (the dashboard's link).
pub fn href(unit: &str, period: &Period) -> String {
    address::href(Screen::Quality.path(), unit, period)
}

#[component]
pub fn QualityPage() -> impl IntoView {
    let console = use_console();
    let lang = console.lang;
    let t = move || quality_tr(lang.get());
    let (token, own_unit) = console.token_and_unit();
    let today = crate::local_time::local_today();
    let (unit, start) = address::unit_and_period(own_unit, today);
    let kind = RwSignal::new(start.kind());
    let period = RwSignal::new(start);
    address::follow(
        Screen::Quality.path(),
        {
            let unit = unit.clone();
            move || unit.clone()
        },
        period,
    );
    let back = {
        let unit = unit.clone();
        move || address::href(Screen::Dashboard.path(), &unit, &period.get())
    };
    let names = Names::load();
    let quality = LatestAnswer::follow(move || {
        let (unit, period, token) = (unit.clone(), period.get(), token.clone());
        async move { console_api::quality(&unit, &period, &token).await }
    });

    let figures = move || {
        quality.answer.get().map(|q| {
            let lang = lang.get();
            let names = names.get();
            let questionnaires = q
                .questionnaires
                .iter()
                .map(|cell| {
                    view! { <QuestionnaireAlpha cell=cell.clone() names=names.clone() k=q.k lang=lang /> }
                })
                .collect_view();
            view! {
                <h2 class="dash-unit" data-testid="quality-unit">{q.unit.name.clone()}" · "{period::label(&q.period, lang)}</h2>
                {questionnaires}
            }
        })
    };

    view! {
        <div class="page console-page dash" data-testid="quality" aria-busy=move || quality.loading.get().to_string()>
            <h1>{move || t().quality_title}</h1>
            <p>{move || t().quality_intro}</p>
            <p><a href=back class="btn btn-secondary" data-testid="back-to-dashboard">{move || t().back_to_dashboard}</a></p>
            <form class="dash-controls" on:submit=|ev| ev.prevent_default()>
                <PeriodPicker kind=kind period=period lang=lang today=today />
            </form>
            <section class="dash-section quality-reading" aria-labelledby="quality-reading">
                <h2 id="quality-reading">{move || t().reading_head}</h2>
                <p>{move || t().reading_bands}</p>
                <p>{move || t().reading_items}</p>
            </section>
            <Loading when=quality.loading label=Signal::derive(move || t().quality_loading) />
            <Problem error=quality.error retry=quality.retry() />
            {figures}
        </div>
    }
}
