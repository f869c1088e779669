//! Sign up: NIP (numeric keypad, spaces as printed on the card), name, work unit
//! (searchable), password. The same rules as the server run before sending, so mistakes
//! show at once and say what to fix.

use super::login::{auth_error_message, sign_in};
use crate::api;
use crate::components::nip_field::NipField;
use crate::components::password_field::PasswordField;
use crate::components::unit_picker::UnitPicker;
use crate::phone::i18n;
use crate::state::{store, use_app};
use crate::sync::restore;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use resapi_core::api::{RegisterRequest, check_registration};
use resapi_core::content::Unit;

#[component]
pub fn RegisterPage() -> impl IntoView {
    let app = use_app();
    let nip = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let unit = RwSignal::new(String::new());
    let units = RwSignal::new(Vec::<Unit>::new());
    let units_state = RwSignal::new(Some(None::<String>)); // Some(None) = loading
    let error = RwSignal::new(None::<(String, String)>); // (field, message)
    let busy = RwSignal::new(false);
    let navigate = use_navigate();

    let load_units = move || {
        units_state.set(Some(None));
        spawn_local(async move {
            match api::units().await {
                Ok(list) => {
                    units.set(list);
                    units_state.set(None);
                }
                Err(e) => units_state.set(Some(Some(auth_error_message(app, &e)))),
            }
        });
    };
    load_units();

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let req = RegisterRequest {
            nip: nip.get_untracked(),
            name: name.get_untracked().trim().to_owned(),
            password: password.get_untracked(),
            unit_id: unit.get_untracked(),
        };
        if let Err((field, code, message)) = check_registration(&req) {
            let message = i18n::error_message(app.lang.get_untracked(), &code, &message);
            error.set(Some((field.to_owned(), message)));
            focus(field);
            return;
        }
        busy.set(true);
        error.set(None);
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::register(&req).await {
                Ok(auth) => {
                    if let Some(store) = store() {
                        restore::nothing_to_restore(&store, &auth.account.id.to_string()).await;
                    }
                    sign_in(app, auth).await;
                    navigate("/", Default::default());
                }
                Err(e) => {
                    // NIP codes (`nip_taken`, `nip_length`, …) and a NIP not on the agency's
                    // roster are shown under the NIP field.
                    let field = if e.code().starts_with("nip") || e.code() == "not_on_roster" {
                        "nip"
                    } else {
                        ""
                    };
                    error.set(Some((field.to_owned(), auth_error_message(app, &e))));
                }
            }
            busy.set(false);
        });
    };
    let field_error = move |field: &'static str| {
        move || {
            error
                .get()
                .filter(|(f, _)| f == field)
                .map(|(_, m)| view! { <p class="field-error" id=format!("{field}-error")>{m}</p> })
        }
    };
    let general_error = move || {
        error.get().filter(|(f, _)| f.is_empty()).map(
            |(_, m)| view! { <p class="form-error" role="alert" data-testid="form-error">{m}</p> },
        )
    };
    view! {
        <div class="page narrow">
            <h1>{move || app.tr().register_title}</h1>
            <form on:submit=on_submit novalidate>
                <NipField
                    label=Signal::derive(move || app.tr().nip_label)
                    hint=Signal::derive(move || app.tr().nip_hint)
                    value=nip
                    error=Signal::derive(move || error.get().filter(|(f, _)| f == "nip").map(|(_, m)| m))
                />
                <div class="field">
                    <label for="name">{move || app.tr().name_label}</label>
                    <input
                        id="name"
                        name="name"
                        type="text"
                        autocomplete="name"
                        required
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                    />
                    {field_error("name")}
                </div>
                {move || match units_state.get() {
                    Some(None) => view! { <p class="hint" role="status">{move || app.tr().units_loading}</p> }.into_any(),
                    Some(Some(message)) => view! {
                        <div class="form-error" role="alert">
                            <p>{message}</p>
                            <button type="button" class="btn btn-secondary" on:click=move |_| load_units()>
                                {move || app.tr().retry}
                            </button>
                        </div>
                    }.into_any(),
                    None => view! {
                        <UnitPicker
                            units=Signal::derive(move || units.get())
                            selected=unit
                            label=Signal::derive(move || app.tr().unit_label)
                            search_label=Signal::derive(move || app.tr().unit_search)
                            none_label=Signal::derive(move || app.tr().unit_none)
                        />
                    }.into_any(),
                }}
                {field_error("unit_id")}
                <PasswordField
                    id="password"
                    label=Signal::derive(move || app.tr().password_label)
                    show_label=Signal::derive(move || app.tr().show_password)
                    hint=Signal::derive(move || app.tr().password_hint)
                    autocomplete="new-password"
                    value=password
                />
                {field_error("password")}
                {general_error}
                <button type="submit" class="btn btn-primary btn-block" disabled=move || busy.get()>
                    {move || if busy.get() { app.tr().busy } else { app.tr().register }}
                </button>
            </form>
            <p class="alt-link"><A href="/masuk">{move || app.tr().have_account}</A></p>
        </div>
    }
}

fn focus(field: &str) {
    let id = match field {
        "unit_id" => "unit-search",
        other => other,
    };
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        use wasm_bindgen::JsCast;
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}
