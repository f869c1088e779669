//! The unit dashboard (unit admins and admins): pick a unit in scope and a period, read the
//! unit's figures (`GET /units/{id}/dashboard`), see every chart with its table, download the
//! same figures as CSV or XLSX, print a one-page report. Hidden cells say why, never a number.

pub mod cells;
mod components;
mod downloads;
mod figure_table;
mod index;
mod keyed;
pub mod names;
pub mod period;
mod practice;
mod reveal;
mod sub_units;
pub mod text;

use crate::api::{self, ApiError};
use crate::console::access::Screen;
use crate::console::api as console_api;
use crate::console::i18n::quality::quality_tr;
use crate::console::pages::{address, quality};
use crate::console::state::use_console;
use cells::Hidden;
use components::ComponentsSection;
use downloads::Downloads;
use index::IndexSection;
use keyed::keyed;
use leptos::prelude::*;
use leptos::task::spawn_local;
use names::Names;
use period::PeriodPicker;
use practice::PracticeSection;
use resapi_core::Lang;
use resapi_core::admin::AdminUnit;
use resapi_core::aggregate::suppression::Guarded;
use resapi_core::unit_dashboard::UnitDashboard;
use std::sync::Arc;
use sub_units::SubUnitsSection;
use text::dash_tr;

/// The figures on screen for one section: they change with the period, the section stays.
pub type Figures = Signal<Arc<UnitDashboard>>;

/// Marks the User Timing API around a redraw, so a browser test (or a person in DevTools)
/// can measure how long the period change takes to paint.
fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

#[component]
pub fn DashboardPage() -> impl IntoView {
    let console = use_console();
    let lang = console.lang;
    let t = move || dash_tr(lang.get());
    let (token, own_unit) = console.token_and_unit();
    let today = crate::local_time::local_today();
    let (start_unit, start) = address::unit_and_period(own_unit, today);
    let unit = RwSignal::new(start_unit);
    let kind = RwSignal::new(start.kind());
    let period = RwSignal::new(start);
    address::follow(Screen::Dashboard.path(), move || unit.get(), period);
    let shown = reveal::slots();
    let error = RwSignal::new(None::<ApiError>);
    let loading = RwSignal::new(true);
    let retry = RwSignal::new(0u32);
    let names = RwSignal::new(Names::default());
    let units = RwSignal::new(Vec::<AdminUnit>::new());

    // Names and the picker's units: once.
    {
        let token = token.clone();
        spawn_local(async move {
            if let Ok(Some(content)) = api::content(None).await {
                names.set(Names(Some(Arc::new(content))));
            }
            if let Ok(list) = console_api::units(&token).await {
                units.set(list.into_iter().filter(|u| u.active).collect());
            }
        });
    }

    // The figures for the unit and period on screen; a later answer wins over an earlier one.
    let asked = StoredValue::new(0u32);
    Effect::new(move |_| {
        retry.track();
        let path = format!("/units/{}/dashboard?period={}", unit.get(), period.get());
        let token = token.clone();
        asked.update_value(|n| *n += 1);
        let this = asked.get_value();
        loading.set(true);
        mark("dash:asked");
        spawn_local(async move {
            let answer = console_api::dashboard(&path, &token).await;
            // A later request is under way, or the page is gone.
            if asked.try_get_value() != Some(this) {
                return;
            }
            mark("dash:data");
            match answer {
                Ok(d) => {
                    error.set(None);
                    let still_wanted = move || asked.try_get_value() == Some(this);
                    // The first frame after the last section and its charts were drawn.
                    let done = move || {
                        loading.set(false);
                        mark("dash:drawn");
                    };
                    reveal::reveal(shown, Arc::new(d), 0, still_wanted, done);
                }
                Err(e) => {
                    error.set(Some(e));
                    loading.set(false);
                }
            }
        });
    });

    let query =
        Signal::derive(move || format!("/units/{}/dashboard?period={}", unit.get(), period.get()));
    let lang_signal = Signal::derive(move || lang.get());

    let unit_picker = move || {
        let list = units.get();
        (list.len() > 1).then(|| {
            let options = list
                .into_iter()
                .map(|u| {
                    let selected = u.id == unit.get_untracked();
                    view! { <option value=u.id.clone() selected=selected>{u.name}</option> }
                })
                .collect_view();
            view! {
                <div class="dash-field">
                    <label for="dash-unit-picker">{move || t().unit}</label>
                    <select id="dash-unit-picker" data-testid="unit-picker" on:change=move |ev| unit.set(event_target_value(&ev))>
                        {options}
                    </select>
                </div>
            }
        })
    };
    // Each section is built once, when its first figures arrive (and again only for a
    // language switch or when the content's names arrive); later figures reach its text,
    // tables and charts in place.
    let section = move |slot: usize, draw: fn(Figures, Names, Lang) -> AnyView| {
        let has_figures = Memo::new(move |_| shown[slot].with(Option::is_some));
        move || {
            let lang = lang.get();
            let names = names.get();
            if !has_figures.get() {
                return None;
            }
            let first = shown[slot].get_untracked()?;
            let d = Signal::derive(move || shown[slot].get().unwrap_or_else(|| first.clone()));
            Some(draw(d, names, lang))
        }
    };
    let content = view! {
        {section(0, |d, names, lang| view! {
            <header class="dash-head">
                <h2 class="dash-unit" data-testid="dash-unit">
                    {move || d.with(|d| d.unit.name.clone())}" · "{move || d.with(|d| period::label(&d.period, lang))}
                </h2>
                <p class="dash-k">{dash_tr(lang).k_note}": k = "{move || d.with(|d| d.k)}</p>
            </header>
            <Participation d=d names=names lang=lang />
        }.into_any())}
        {section(1, |d, names, lang| view! { <IndexSection d=d names=names lang=lang /> }.into_any())}
        {section(2, |d, names, lang| keyed(
            move || d.with(|d| d.components.clone()),
            |c| c.questionnaire.clone(),
            move |cell| view! { <ComponentsSection cell=cell names=names.clone() k=Signal::derive(move || d.with(|d| d.k)) lang=lang /> },
        ).into_any())}
        {section(3, |d, names, lang| view! { <PracticeSection d=d names=names lang=lang /> }.into_any())}
        {section(4, |d, names, lang| view! { <SubUnitsSection d=d names=names lang=lang /> }.into_any())}
    };

    view! {
        <div class="page console-page dash" data-testid="dashboard" aria-busy=move || loading.get().to_string()>
            <h1>{move || t().title}</h1>
            <p class="no-print">{move || t().intro}</p>
            <form class="dash-controls no-print" on:submit=|ev| ev.prevent_default()>
                {unit_picker}
                <PeriodPicker kind=kind period=period lang=lang today=today />
            </form>
            <Downloads query=query lang=lang_signal />
            <p class="no-print">
                <a class="btn btn-secondary" data-testid="open-quality" href=move || quality::href(&unit.get(), &period.get())>
                    {move || quality_tr(lang.get()).open_quality}
                </a>
            </p>
            <p role="status" class="dash-status" data-testid="dash-status">
                {move || loading.get().then(|| t().loading)}
            </p>
            {move || error.get().map(|e| view! {
                <div class="dash-error" role="alert" data-testid="dash-error">
                    <p><strong>{e.to_string()}</strong></p>
                    <p>{t().error_next}</p>
                    <button type="button" class="btn" on:click=move |_| retry.update(|n| *n += 1)>{t().retry}</button>
                </div>
            })}
            {content}
        </div>
    }
}

/// A questionnaire's respondents, or why the count is hidden.
fn respondents<T>(g: &Guarded<T>, k: u32, lang: Lang) -> AnyView {
    match g {
        Guarded::Shown { n, .. } => view! { <span>{*n}</span> }.into_any(),
        Guarded::Suppressed { reason } => {
            view! { <Hidden reason=*reason k=k lang=lang /> }.into_any()
        }
    }
}

/// Members, people active in the period, and each questionnaire's respondents.
#[component]
fn Participation(d: Figures, names: Names, lang: Lang) -> impl IntoView {
    let t = dash_tr(lang);
    let components = keyed(
        move || d.with(|d| d.components.clone()),
        |c| c.questionnaire.clone(),
        move |c| {
            let name = names.questionnaire(&c.with_untracked(|c| c.questionnaire.clone()), lang);
            view! {
                <div>
                    <dt>{t.respondents}" · "{name}</dt>
                    <dd>{move || c.with(|c| respondents(&c.figure, d.with(|d| d.k), lang))}</dd>
                </div>
            }
        },
    );
    view! {
        <section class="dash-section" aria-labelledby="dash-part" data-testid="dash-participation">
            <h2 id="dash-part">{t.participation}</h2>
            <dl class="dash-figures">
                <div><dt>{t.members}</dt><dd data-testid="members">{move || d.with(|d| d.participation.members)}</dd></div>
                <div><dt>{t.active}</dt><dd>{move || d.with(|d| format!("{} ({} %)", d.participation.active, d.participation.active_percent))}</dd></div>
                <div>
                    <dt>{t.respondents}" · "{t.index_title}</dt>
                    <dd data-testid="index-respondents">{move || d.with(|d| respondents(&d.index, d.k, lang))}</dd>
                </div>
                {components}
            </dl>
        </section>
    }
}
