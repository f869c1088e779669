//! Log in to the console with the same account, NIP rules and messages as the phone app.
//! An account without a console role is told so, with a link to the phone app, and its
//! new token is ended at once (nothing here for it to use).

use crate::api;
use crate::components::login_form::LoginForm;
use crate::console::access;
use crate::console::session::ConsoleSession;
use crate::console::state::use_console;
use crate::i18n;
use leptos::prelude::*;
use leptos::task::spawn_local;
use resapi_core::api::LoginRequest;

#[component]
pub fn LoginPage() -> impl IntoView {
    let console = use_console();
    let error = RwSignal::new(None::<String>);
    let not_for_you = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let on_login = Callback::new(move |req: LoginRequest| {
        let lang = console.lang.get_untracked();
        error.set(None);
        not_for_you.set(false);
        busy.set(true);
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
    });
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
            <LoginForm lang=console.lang busy=busy error=error on_login=on_login />
        </div>
    }
}
