//! `/konsol/lomba/baru` and `/konsol/lomba/{id}/ubah`: a competition's settings (name,
//! description, the participating unit, the window in WIB/WITA/WIT, the questions, the time
//! limit, the grace for offline phones, the fewest participants a unit needs to be ranked),
//! checked with core's rules before sending, each refusal in words beside its field. A
//! competition that has opened can no longer be changed: the page says why.

use super::draft_form::{DraftForm, Field, FieldError, SourceKind, field_of_code};
use super::pool_picker::PoolPicker;
use super::when::{default_window, now};
use super::{detail_href, id_param};
use crate::api::ApiError;
use crate::console::access::Screen;
use crate::console::api as console_api;
use crate::console::i18n::lomba::{self as i18n, lomba_tr};
use crate::console::lomba_api;
use crate::console::pages::dashboard::names::Names;
use crate::console::pages::field_message::{
    FieldMessage, FormField, described_by, place_refusal, show_beside,
};
use crate::console::pages::unit_choice::{starting_unit, unit_options};
use crate::console::problem::{Loading, Problem};
use crate::console::state::use_console;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use resapi_core::admin::AdminUnit;
use resapi_core::competition::schedule::{Phase, Zone};
use resapi_core::competition::wire::{Competition, PoolQuestion};
use std::sync::Arc;

#[component]
pub fn LombaFormPage() -> impl IntoView {
    let console = use_console();
    let lang = console.lang;
    let t = move || lomba_tr(lang.get());
    let navigate = use_navigate();
    // `/konsol/lomba/baru` has no id: a new competition.
    let editing = leptos_router::hooks::use_params_map()
        .with_untracked(|p| p.get("id"))
        .map(|_| id_param());
    let (token, own_unit) = console.token_and_unit();
    let form = RwSignal::new(DraftForm::new(
        &own_unit,
        Zone::Wib,
        default_window(now(), Zone::Wib),
    ));
    // The saved competition when editing: the form opens only while it is upcoming.
    let saved = RwSignal::new(None::<Competition>);
    let units = RwSignal::new(Vec::<AdminUnit>::new());
    let pool = RwSignal::new(None::<Arc<Vec<PoolQuestion>>>);
    let names = Names::load();
    let field_error = RwSignal::new(None::<FieldError>);
    let problem = RwSignal::new(None::<ApiError>);
    // What the form needs could not be read (a competition that does not exist, no
    // connection): said above, and no form to fill in vain.
    let load_problem = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let loading = RwSignal::new(true);

    {
        let token = token.clone();
        spawn_local(async move {
            let got = async {
                let list = console_api::units(&token).await?;
                let questions = lomba_api::pool(&token).await?;
                let competition = match editing {
                    Some(id) => Some(lomba_api::competition(&token, id).await?),
                    None => None,
                };
                Ok::<_, ApiError>((list, questions, competition))
            }
            .await;
            match got {
                Ok((list, questions, competition)) => {
                    let start = starting_unit(&list, &own_unit).unwrap_or_default();
                    form.update(|f| f.unit_id = start);
                    units.try_set(list);
                    pool.try_set(Some(Arc::new(questions)));
                    if let Some(c) = competition {
                        form.try_set(DraftForm::from_competition(&c));
                        saved.try_set(Some(c));
                    }
                }
                Err(e) => {
                    console.failed(&e);
                    load_problem.try_set(Some(e));
                }
            }
            loading.try_set(false);
        });
    }

    let send = move || {
        if busy.get_untracked() {
            return;
        }
        let lang = lang.get_untracked();
        problem.set(None);
        let draft = match form.with_untracked(|f| f.draft(now(), lang)) {
            Ok(d) => d,
            Err(e) => {
                show_beside(e, field_error);
                return;
            }
        };
        field_error.set(None);
        let Some(token) = console.token() else { return };
        let navigate = navigate.clone();
        busy.set(true);
        spawn_local(async move {
            match lomba_api::save(&token, editing, &draft).await {
                Ok(c) => navigate(&detail_href(c.id), Default::default()),
                Err(e) => {
                    console.failed(&e);
                    place_refusal(e, field_of_code, field_error, problem);
                    busy.set(false);
                }
            }
        });
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        send();
    };

    let described = move |field: Field| described_by(field, field_error);
    let invalid = move |field: Field| move || described(field).get().is_some().to_string();
    let text_input = move |field: Field,
                           kind: &'static str,
                           label: fn(&i18n::LombaTr) -> &'static str,
                           hint: Option<fn(&i18n::LombaTr) -> &'static str>,
                           get: fn(&DraftForm) -> String,
                           set: fn(&mut DraftForm, String)| {
        let hint_id = format!("{}-hint", field.input_id());
        let describe = {
            let hint_id = hint_id.clone();
            move || {
                let mut ids = vec![];
                if hint.is_some() {
                    ids.push(hint_id.clone());
                }
                ids.extend(described(field).get());
                (!ids.is_empty()).then(|| ids.join(" "))
            }
        };
        view! {
            <div class="field">
                <label for=field.input_id()>{move || label(t())}</label>
                <input id=field.input_id() type=kind autocomplete="off"
                    inputmode=(kind == "text" && field != Field::Name).then_some("numeric")
                    aria-describedby=describe aria-invalid=invalid(field)
                    prop:value=move || form.with(get)
                    on:input=move |ev| form.update(|f| set(f, event_target_value(&ev))) />
                {hint.map(|h| view! { <p class="field-hint" id=hint_id>{move || h(t())}</p> })}
                <FieldMessage field=field error=field_error testid="lomba-field-error" />
            </div>
        }
    };
    let source_radio =
        move |kind: SourceKind, id: &'static str, label: fn(&i18n::LombaTr) -> &'static str| {
            view! {
                <div class="radio-row">
                    <input type="radio" name="lomba-source" id=id
                        prop:checked=move || form.with(|f| f.source == kind)
                        on:change=move |_| form.update(|f| f.source = kind) />
                    <label for=id class="inline-label">{move || label(t())}</label>
                </div>
            }
        };
    let source_detail = move || match form.with(|f| f.source) {
        SourceKind::PerValue => text_input(
            Field::Questions,
            "text",
            |t| t.per_value,
            Some(|t| t.per_value_hint),
            |f| f.per_value.clone(),
            |f, v| f.per_value = v,
        )
        .into_any(),
        SourceKind::PerIndicator => text_input(
            Field::Questions,
            "text",
            |t| t.per_indicator,
            Some(|t| t.per_indicator_hint),
            |f| f.per_indicator.clone(),
            |f, v| f.per_indicator = v,
        )
        .into_any(),
        SourceKind::Fixed => view! {
            <p class="field-hint" data-testid="lomba-fixed-count">
                {move || i18n::chosen_total(lang.get(), form.with(|f| f.fixed.len()))}
            </p>
            <FieldMessage field=Field::Questions error=field_error testid="lomba-field-error" />
            {move || pool.get().map(|p| view! {
                <PoolPicker form=form pool=p names=names described_by=described(Field::Questions) />
            })}
        }
        .into_any(),
    };
    let zone_options = move || {
        Zone::ALL
            .into_iter()
            .map(|z| {
                view! {
                    <option value=z.as_str() selected=move || form.with(|f| f.zone == z)>
                        {move || i18n::zone_name(lang.get(), z)}
                    </option>
                }
            })
            .collect_view()
    };
    let unit_chosen = Signal::derive(move || form.with(|f| f.unit_id.clone()));
    // Editing a competition that has opened: say why not, and where to go instead.
    let locked = move || {
        saved.with(|s| {
            s.as_ref()
                .filter(|c| c.phase != Phase::Upcoming)
                .map(|c| (c.id, c.phase))
        })
    };
    let title = move || {
        if editing.is_some() {
            t().edit_title
        } else {
            t().new_title
        }
    };

    view! {
        <div class="page console-page lomba live-setup" data-testid="lomba-form-page">
            <h1>{title}</h1>
            <p><a href=Screen::Lomba.path() data-testid="lomba-back">{move || t().back_to_list}</a></p>
            <Loading when=loading label=Signal::derive(move || t().form_loading) />
            {move || locked().map(|(id, phase)| view! {
                <div class="console-notice" role="status" data-testid="lomba-locked">
                    <p>{i18n::locked(lang.get(), phase)}</p>
                    <p><a href=detail_href(id)>{t().open_detail}</a></p>
                </div>
            })}
            <Problem error=load_problem />
            <Show when=move || !loading.get() && locked().is_none() && load_problem.with(Option::is_none)>
            <form class="lomba-form card" on:submit=on_submit.clone() novalidate data-testid="lomba-form">
                {text_input(Field::Name, "text", |t| t.name, None, |f| f.name.clone(), |f, v| f.name = v)}
                <div class="field">
                    <label for="lomba-description">{move || t().description}</label>
                    <textarea id="lomba-description" rows="3" maxlength="1000"
                        aria-describedby=move || described(Field::Description).get()
                        prop:value=move || form.with(|f| f.description.clone())
                        on:input=move |ev| form.update(|f| f.description = event_target_value(&ev))></textarea>
                    <FieldMessage field=Field::Description error=field_error testid="lomba-field-error" />
                </div>
                <div class="field">
                    <label for="lomba-unit">{move || t().unit}</label>
                    <select id="lomba-unit" aria-describedby=move || {
                            let mut ids = vec!["lomba-unit-hint".to_owned()];
                            ids.extend(described(Field::Unit).get());
                            ids.join(" ")
                        }
                        on:change=move |ev| form.update(|f| f.unit_id = event_target_value(&ev))>
                        {move || units.with(|u| unit_options(u, unit_chosen))}
                    </select>
                    <p class="field-hint" id="lomba-unit-hint">{move || t().unit_hint}</p>
                    <FieldMessage field=Field::Unit error=field_error testid="lomba-field-error" />
                </div>
                <fieldset class="field">
                    <legend>{move || t().window_legend}</legend>
                    <div class="field">
                        <label for="lomba-zone">{move || t().zone}</label>
                        <select id="lomba-zone" data-testid="lomba-zone"
                            on:change=move |ev| {
                                let z = event_target_value(&ev);
                                if let Some(zone) = Zone::ALL.into_iter().find(|x| x.as_str() == z) {
                                    form.update(|f| f.zone = zone);
                                }
                            }>
                            {zone_options}
                        </select>
                    </div>
                    {text_input(Field::Opens, "datetime-local", |t| t.opens, None, |f| f.opens_local.clone(), |f, v| f.opens_local = v)}
                    {text_input(Field::Closes, "datetime-local", |t| t.closes, Some(|t| t.closes_hint), |f| f.closes_local.clone(), |f, v| f.closes_local = v)}
                </fieldset>
                <fieldset class="field">
                    <legend>{move || t().questions_legend}</legend>
                    {source_radio(SourceKind::PerValue, "lomba-source-value", |t| t.source_per_value)}
                    {source_radio(SourceKind::PerIndicator, "lomba-source-indicator", |t| t.source_per_indicator)}
                    {source_radio(SourceKind::Fixed, "lomba-source-fixed", |t| t.source_fixed)}
                    {source_detail}
                </fieldset>
                {text_input(Field::Limit, "text", |t| t.limit, Some(|t| t.limit_hint), |f| f.limit_minutes.clone(), |f, v| f.limit_minutes = v)}
                {text_input(Field::Grace, "text", |t| t.grace, Some(|t| t.grace_hint), |f| f.grace_hours.clone(), |f, v| f.grace_hours = v)}
                {text_input(Field::MinParticipants, "text", |t| t.min_participants, Some(|t| t.min_participants_hint), |f| f.min_participants.clone(), |f, v| f.min_participants = v)}
                <Problem error=problem />
                <div class="form-actions">
                    <button type="submit" class="btn btn-primary" data-testid="lomba-save" disabled=move || busy.get()>
                        {move || if editing.is_some() { t().save_changes } else { t().create_submit }}
                    </button>
                    <span role="status">{move || busy.get().then(|| t().saving)}</span>
                </div>
            </form>
            </Show>
        </div>
    }
}
