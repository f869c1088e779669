//! Log in with NIP and password (online by nature: the first use needs one login).

use crate::api::{self, ApiError};
use crate::components::nip_field::NipField;
use crate::components::password_field::PasswordField;
use crate::local_time::rfc3339;
use crate::phone::i18n;
use crate::state::{AppState, store, use_app};
use crate::store::session::Session;
use crate::sync;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use resapi_core::api::{AuthResponse, LoginRequest};
use resapi_core::nip::Nip;

/// Keeps a fresh session and starts syncing this account's waiting answers.
pub async fn sign_in(app: AppState, auth: AuthResponse) {
    let session = Session {
        token: auth.token,
        expires_at: rfc3339(auth.expires_at),
        account: auth.account,
        needs_login: false,
    };
    if let Some(store) = store() {
        let _ = store.save_session(&session).await;
    }
    app.session.set(Some(session));
    sync::refresh_counts(app).await;
    sync::triggers::request();
}

/// Ends the session on this phone (the server's side is up to the caller). Unsent answers
/// stay, with their account, for its next login.
pub async fn sign_out_here(app: AppState) {
    if let Some(store) = store() {
        let _ = store.clear_session().await;
    }
    app.session.set(None);
    sync::refresh_counts(app).await;
}

/// Where a privacy action ends: the login page, saying what was done (`?selesai=`).
pub const DONE_DATA: &str = "/masuk?selesai=data";
pub const DONE_ACCOUNT: &str = "/masuk?selesai=akun";
pub const DONE_EVERYWHERE: &str = "/masuk?selesai=semua";

/// The message to show for a failed login or sign-up.
pub fn auth_error_message(app: AppState, e: &ApiError) -> String {
    crate::i18n::auth_error(app.lang.get_untracked(), e)
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let app = use_app();
    let nip = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let nip_error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let navigate = use_navigate();
    let query = use_query_map();
    let done = move || {
        let t = app.tr();
        match query.read().get("selesai").as_deref() {
            Some("data") => Some(t.erase_local_done),
            Some("akun") => Some(t.erase_account_done),
            Some("semua") => Some(t.logout_all_done),
            _ => None,
        }
    };
    // A returning account whose token ran out: fill in its NIP.
    if let Some(s) = app.session.get_untracked() {
        nip.set(s.account.nip.clone());
    }
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        // A mistyped NIP is caught here, with what to fix, without a round trip.
        if let Err(e) = Nip::parse(&nip.get_untracked()) {
            nip_error.set(Some(i18n::error_message(
                app.lang.get_untracked(),
                e.code(),
                &e.to_string(),
            )));
            return;
        }
        nip_error.set(None);
        busy.set(true);
        error.set(None);
        let req = LoginRequest {
            nip: nip.get_untracked(),
            password: password.get_untracked(),
        };
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::login(&req).await {
                Ok(auth) => {
                    sign_in(app, auth).await;
                    navigate("/", Default::default());
                }
                Err(e) => error.set(Some(auth_error_message(app, &e))),
            }
            busy.set(false);
        });
    };
    view! {
        <div class="page narrow">
            <h1>{move || app.tr().login_title}</h1>
            {move || done().map(|m| view! { <p class="banner banner-info" role="status" data-testid="privacy-done">{m}</p> })}
            <form on:submit=on_submit novalidate>
                <NipField
                    label=Signal::derive(move || app.tr().nip_label)
                    hint=Signal::derive(move || app.tr().nip_hint)
                    value=nip
                    error=nip_error
                />
                <PasswordField
                    id="password"
                    label=Signal::derive(move || app.tr().password_label)
                    show_label=Signal::derive(move || app.tr().show_password)
                    value=password
                />
                <Show when=move || error.with(Option::is_some)>
                    <p class="form-error" role="alert" data-testid="form-error">{move || error.get()}</p>
                </Show>
                <button type="submit" class="btn btn-primary btn-block" disabled=move || busy.get()>
                    {move || if busy.get() { app.tr().busy } else { app.tr().login }}
                </button>
            </form>
            <p class="alt-link"><A href="/daftar">{move || app.tr().no_account}</A></p>
        </div>
    }
}
