//! `/konsol/kuis/baru` and `/konsol/kuis/set/{id}`: the settings of a game (source, number
//! of questions, time, scoring, team mode, guests, extra time, player cap), checked with
//! core's rules before sending, each refusal in words beside its field. "Mulai sekarang"
//! starts a game and opens its presenter; "Simpan set kuis" saves (or changes) a quiz set.

use super::bank::Bank;
use super::picker::QuestionPicker;
use super::presenter_href;
use super::settings_form::{Field, FieldError, SettingsForm, SourceKind, field_of_code};
use crate::api::ApiError;
use crate::console::access::Screen;
use crate::console::i18n::live_setup::{self as i18n, live_tr};
use crate::console::live_api;
use crate::console::problem::{Loading, Problem};
use crate::console::state::use_console;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};
use resapi_core::live::config::available;
use resapi_core::live::scoring::ScoringMode;

/// What the form was sent to do.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Intent {
    Start,
    Save,
}

#[component]
pub fn LiveFormPage() -> impl IntoView {
    let console = use_console();
    let lang = console.lang;
    let t = move || live_tr(lang.get());
    let navigate = use_navigate();
    let editing: Option<String> = use_params_map().with_untracked(|p| p.get("id"));
    let is_edit = editing.is_some();
    let bank = Bank::load();
    let form = RwSignal::new(SettingsForm::default());
    let field_error = RwSignal::new(None::<FieldError>);
    let problem = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let loading_set = RwSignal::new(editing.is_some());

    if let Some(id) = editing.clone() {
        let token = console.token().unwrap_or_default();
        spawn_local(async move {
            match live_api::quiz_set(&token, &id).await {
                Ok(set) => {
                    form.try_set(SettingsForm::from_config(&set.name, &set.config));
                }
                Err(e) => {
                    console.failed(&e);
                    problem.try_set(Some(e));
                }
            }
            loading_set.try_set(false);
        });
    }

    let send = move |intent: Intent| {
        if busy.get_untracked() {
            return;
        }
        let lang = lang.get_untracked();
        let content = bank.content.get_untracked();
        problem.set(None);
        let checked = form.with_untracked(|f| {
            let config = f.config(content.as_deref(), lang)?;
            let name = match intent {
                Intent::Save => Some(f.checked_name(lang)?),
                Intent::Start => None,
            };
            Ok::<_, FieldError>((config, name))
        });
        let (config, name) = match checked {
            Ok(ok) => ok,
            Err(e) => {
                focus(e.field);
                field_error.set(Some(e));
                return;
            }
        };
        field_error.set(None);
        let Some(token) = console.token() else { return };
        let (navigate, editing) = (navigate.clone(), editing.clone());
        busy.set(true);
        spawn_local(async move {
            let went = match name {
                None => live_api::create_game(&token, &config)
                    .await
                    .map(|game| presenter_href(&game.id)),
                Some(name) => live_api::save_quiz_set(&token, editing.as_deref(), &name, &config)
                    .await
                    .map(|_| Screen::Live.path().to_owned()),
            };
            match went {
                Ok(next) => navigate(&next, Default::default()),
                Err(e) => {
                    console.failed(&e);
                    match (&e, field_of_code(e.code())) {
                        (ApiError::Server { message, .. }, Some(field)) => {
                            focus(field);
                            field_error.set(Some(FieldError {
                                field,
                                message: message.clone(),
                            }));
                        }
                        _ => problem.set(Some(e)),
                    }
                    busy.set(false);
                }
            }
        });
    };
    let on_submit = {
        let send = send.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            send(Intent::Start);
        }
    };

    let described = move |field: Field| {
        Signal::derive(move || {
            field_error
                .with(|e| e.as_ref().is_some_and(|e| e.field == field))
                .then_some(field.error_id())
        })
    };
    let available_hint = move || {
        let source = form.with(|f| f.source())?;
        bank.content.with(|c| {
            let content = c.as_deref()?;
            match source {
                resapi_core::live::config::Source::Questions { .. } => None,
                source => available(&source, content)
                    .ok()
                    .map(|n| i18n::available(lang.get(), n)),
            }
        })
    };
    let is_source = move |kind: SourceKind| form.with(|f| f.source == kind);
    let source_radio = move |kind: SourceKind, label: fn(&i18n::LiveTr) -> &'static str| {
        let id = match kind {
            SourceKind::Value => "live-source-value",
            SourceKind::Indicator => "live-source-indicator",
            SourceKind::Questions => "live-source-questions",
        };
        view! {
            <div class="radio-row">
                <input type="radio" name="live-source" id=id prop:checked=move || is_source(kind)
                    on:change=move |_| form.update(|f| f.source = kind) />
                <label for=id class="inline-label">{move || label(t())}</label>
            </div>
        }
    };
    let source_detail = move || {
        let content = bank.content.get()?;
        let lang = lang.get();
        let t = live_tr(lang);
        Some(match form.with(|f| f.source) {
            SourceKind::Value => {
                let options = content
                    .values
                    .iter()
                    .map(|v| {
                        let id = v.id.clone();
                        let selected = {
                            let id = id.clone();
                            move || form.with(|f| f.value_id == id)
                        };
                        view! { <option value=id selected=selected>{v.name.get(lang).to_owned()}</option> }
                    })
                    .collect_view();
                view! {
                    <div class="field">
                        <label for="live-value">{t.value_label}</label>
                        <select id="live-value" aria-describedby=described(Field::Source)
                            on:change=move |ev| form.update(|f| f.value_id = event_target_value(&ev))>
                            <option value="" selected=move || form.with(|f| f.value_id.is_empty())>"—"</option>
                            {options}
                        </select>
                    </div>
                }
                .into_any()
            }
            SourceKind::Indicator => {
                let groups = content
                    .values
                    .iter()
                    .map(|v| {
                        let options = v
                            .indicators
                            .iter()
                            .map(|i| {
                                let id = i.id.clone();
                                let selected = {
                                    let id = id.clone();
                                    move || form.with(|f| f.indicator_id == id)
                                };
                                view! { <option value=id selected=selected>{i.text.get(lang).to_owned()}</option> }
                            })
                            .collect_view();
                        view! { <optgroup label=v.name.get(lang).to_owned()>{options}</optgroup> }
                    })
                    .collect_view();
                view! {
                    <div class="field">
                        <label for="live-indicator">{t.indicator_label}</label>
                        <select id="live-indicator" aria-describedby=described(Field::Source)
                            on:change=move |ev| form.update(|f| f.indicator_id = event_target_value(&ev))>
                            <option value="" selected=move || form.with(|f| f.indicator_id.is_empty())>"—"</option>
                            {groups}
                        </select>
                    </div>
                }
                .into_any()
            }
            SourceKind::Questions => view! {
                <QuestionPicker form=form content=content described_by=described(Field::Source) />
            }
            .into_any(),
        })
    };
    let scoring_radios = move || {
        [
            ScoringMode::AccuracyOnly,
            ScoringMode::SpeedPoints,
            ScoringMode::StreakBonus,
        ]
        .into_iter()
        .map(|mode| {
            let id = match mode {
                ScoringMode::AccuracyOnly => "live-scoring-accuracy",
                ScoringMode::SpeedPoints => "live-scoring-speed",
                ScoringMode::StreakBonus => "live-scoring-streak",
            };
            let hint = format!("{id}-hint");
            view! {
                <div class="radio-row">
                    <input type="radio" name="live-scoring" id=id aria-describedby=hint.clone()
                        prop:checked=move || form.with(|f| f.scoring == mode)
                        on:change=move |_| form.update(|f| f.scoring = mode) />
                    <label for=id class="inline-label">{move || i18n::scoring(lang.get(), mode).0}</label>
                    <p class="field-hint" id=hint>{move || i18n::scoring(lang.get(), mode).1}</p>
                </div>
            }
        })
        .collect_view()
    };
    let text_field = move |field: Field,
                           id: &'static str,
                           label: fn(&i18n::LiveTr) -> &'static str,
                           get: fn(&SettingsForm) -> String,
                           set: fn(&mut SettingsForm, String)| {
        view! {
            <div class="field">
                <label for=id>{move || label(t())}</label>
                <input id=id type="text" inputmode="numeric" aria-describedby=described(field)
                    aria-invalid=move || described(field).get().is_some().to_string()
                    prop:value=move || form.with(get)
                    on:input=move |ev| form.update(|f| set(f, event_target_value(&ev))) />
                <FieldMessage field=field error=field_error />
            </div>
        }
    };
    let checkbox = move |id: &'static str,
                         label: fn(&i18n::LiveTr) -> &'static str,
                         get: fn(&SettingsForm) -> bool,
                         set: fn(&mut SettingsForm, bool)| {
        view! {
            <div class="check-row">
                <input type="checkbox" id=id prop:checked=move || form.with(get)
                    on:change=move |ev| form.update(|f| set(f, event_target_checked(&ev))) />
                <label for=id class="inline-label">{move || label(t())}</label>
            </div>
        }
    };
    let start = {
        let send = send.clone();
        move |_| send(Intent::Start)
    };
    let save = move |_| send(Intent::Save);
    let title = move || {
        if is_edit {
            t().edit_title
        } else {
            t().new_title
        }
    };

    view! {
        <div class="page console-page live-setup" data-testid="live-form-page">
            <h1>{title}</h1>
            <p>{move || t().form_intro}</p>
            <p><a href=Screen::Live.path() data-testid="live-back">{move || t().back_to_list}</a></p>
            <Loading when=Signal::derive(move || bank.loading.get() || loading_set.get())
                label=Signal::derive(move || t().content_loading) />
            <Problem error=bank.error />
            <form class="live-form card" on:submit=on_submit novalidate data-testid="live-form">
                <div class="field">
                    <label for="live-name">{move || t().name_label}</label>
                    <input id="live-name" type="text" maxlength="80" autocomplete="off"
                        aria-describedby=move || described(Field::Name).get().map_or("live-name-hint", |e| e)
                        prop:value=move || form.with(|f| f.name.clone())
                        on:input=move |ev| form.update(|f| f.name = event_target_value(&ev)) />
                    <p class="field-hint" id="live-name-hint">{move || t().name_hint}</p>
                    <FieldMessage field=Field::Name error=field_error />
                </div>
                <fieldset class="field">
                    <legend>{move || t().source}</legend>
                    {source_radio(SourceKind::Value, |t| t.source_value)}
                    {source_radio(SourceKind::Indicator, |t| t.source_indicator)}
                    {source_radio(SourceKind::Questions, |t| t.source_questions)}
                    {source_detail}
                    <FieldMessage field=Field::Source error=field_error />
                </fieldset>
                <Show when=move || !is_source(SourceKind::Questions)>
                    {text_field(Field::QuestionCount, "live-count", |t| t.count_label,
                        |f| f.question_count.clone(), |f, v| f.question_count = v)}
                </Show>
                <Show when=move || is_source(SourceKind::Questions)>
                    <FieldMessage field=Field::QuestionCount error=field_error />
                </Show>
                <p class="field-hint" data-testid="live-available">{available_hint}</p>
                {text_field(Field::Seconds, "live-seconds", |t| t.seconds_label,
                    |f| f.seconds.clone(), |f, v| f.seconds = v)}
                <fieldset class="field">
                    <legend>{move || t().scoring_legend}</legend>
                    {scoring_radios}
                </fieldset>
                <fieldset class="field">
                    <legend>{move || t().options_legend}</legend>
                    {checkbox("live-team", |t| t.team_mode, |f| f.team_mode, |f, v| f.team_mode = v)}
                    <p class="field-hint">{move || t().team_mode_hint}</p>
                    {checkbox("live-guests", |t| t.guests, |f| f.guests_allowed, |f, v| f.guests_allowed = v)}
                    {checkbox("live-extra-time", |t| t.extra_time, |f| f.extra_time_allowed, |f, v| f.extra_time_allowed = v)}
                    <p class="field-hint">{move || t().extra_time_hint}</p>
                </fieldset>
                {text_field(Field::MaxPlayers, "live-max-players", |t| t.max_players,
                    |f| f.max_players.clone(), |f, v| f.max_players = v)}
                <Problem error=problem />
                <div class="form-actions">
                    <button type="button" class="btn btn-primary" data-testid="live-start"
                        disabled=move || busy.get() on:click=start>
                        {move || t().start_now}
                    </button>
                    <button type="button" class="btn btn-secondary" data-testid="live-save"
                        disabled=move || busy.get() on:click=save>
                        {move || t().save_set}
                    </button>
                    <span role="status">{move || busy.get().then(|| t().busy)}</span>
                </div>
            </form>
        </div>
    }
}

/// The refusal about `field`, if the last one was: announced, and named by the field's
/// `aria-describedby`.
#[component]
fn FieldMessage(field: Field, error: RwSignal<Option<FieldError>>) -> impl IntoView {
    move || {
        error.with(|e| {
            e.as_ref().filter(|e| e.field == field).map(|e| {
                view! {
                    <p class="field-error" id=field.error_id() role="alert" data-testid="live-field-error"
                        data-field=field.error_id()>
                        {e.message.clone()}
                    </p>
                }
            })
        })
    }
}

/// Moves the focus to the field a refusal is about, so a keyboard or screen-reader user
/// lands on it.
fn focus(field: Field) {
    let id = match field {
        Field::Name => "live-name",
        Field::Source => "live-source-value",
        Field::QuestionCount => "live-count",
        Field::Seconds => "live-seconds",
        Field::MaxPlayers => "live-max-players",
    };
    crate::console::pages::focus::focus_id(id);
}
