//! Log in to the console with the same account, NIP rules and messages as the phone app.
//! The form repeats the phone's login form (`src/phone/pages/login.rs`) on purpose: one
//! shared form component made the phone's wasm about 600 bytes (brotli) larger, measured.
//! An account without a console role is told so, with a link to the phone app, and its
//! new token is ended at once (nothing here for it to use).

use crate::api;
use crate::components::nip_field::NipField;
use crate::components::password_field::PasswordField;
use crate::console::access;
use crate::console::session::ConsoleSession;
use crate::console::state::use_console;
use crate::i18n;
use leptos::prelude::*;
use leptos::task::spawn_local;
use resapi_core::api::LoginRequest;
use resapi_core::nip::Nip;

#[component]
pub fn LoginPage() -> impl IntoView {
    let console = use_console();
    let nip = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let nip_error = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let not_for_you = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let lang = console.lang.get_untracked();
        // A mistyped NIP is caught here, with what to fix, without a round trip.
        if let Err(e) = Nip::parse(&nip.get_untracked()) {
            nip_error.set(Some(i18n::error_message(lang, e.code(), &e.to_string())));
            return;
        }
        nip_error.set(None);
        error.set(None);
        not_for_you.set(false);
        busy.set(true);
        let req = LoginRequest {
            nip: nip.get_untracked(),
            password: password.get_untracked(),
        };
        spawn_local(async move {
            match api::login(&req).await {
                Ok(auth) if access::opens_console(&auth.account.roles) => {
                    console.sign_in(ConsoleSession::from_auth(auth));
                }
                Ok(auth) => {
                    not_for_you.set(true);
                    let _ = api::logout(&auth.token).await;
                }
                Err(e) => error.set(Some(i18n::auth_error(lang, &e))),
            }
            busy.set(false);
        });
    };
    view! {
        <div class="page narrow">
            <h1>{move || console.tr().login_title}</h1>
            <p>{move || console.tr().login_intro}</p>
            <Show when=move || not_for_you.get()>
                <div class="banner banner-info not-for-you" role="alert" data-testid="not-for-you">
                    <p><strong>{move || console.tr().not_for_you_title}</strong></p>
                    <p>{move || console.tr().not_for_you}</p>
                    <p><a class="btn btn-secondary" href="/">{move || console.tr().open_phone_app}</a></p>
                </div>
            </Show>
            <form on:submit=on_submit novalidate>
                <NipField
                    label=Signal::derive(move || console.tr().nip_label)
                    hint=Signal::derive(move || console.tr().nip_hint)
                    value=nip
                    error=nip_error
                />
                <PasswordField
                    id="password"
                    label=Signal::derive(move || console.tr().password_label)
                    show_label=Signal::derive(move || console.tr().show_password)
                    value=password
                />
                <Show when=move || error.with(Option::is_some)>
                    <p class="form-error" role="alert" data-testid="form-error">{move || error.get()}</p>
                </Show>
                <button type="submit" class="btn btn-primary btn-block" disabled=move || busy.get()>
                    {move || if busy.get() { console.tr().busy } else { console.tr().login }}
                </button>
            </form>
        </div>
    }
}
