//! The sign-in form of both entries: NIP and password, the NIP checked here with the same
//! rules and messages as the server before anything is sent.

use super::nip_field::NipField;
use super::password_field::PasswordField;
use crate::i18n;
use leptos::prelude::*;
use resapi_core::Lang;
use resapi_core::api::LoginRequest;
use resapi_core::nip::Nip;

#[component]
pub fn LoginForm(
    #[prop(into)] lang: Signal<Lang>,
    /// The NIP filled in at first (a returning account's).
    #[prop(optional)]
    nip: String,
    #[prop(into)] busy: Signal<bool>,
    /// The message of the last failed attempt.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Called with a well-formed NIP and the password.
    on_login: Callback<LoginRequest>,
) -> impl IntoView {
    let nip = RwSignal::new(nip);
    let password = RwSignal::new(String::new());
    let nip_error = RwSignal::new(None::<String>);
    let t = move || i18n::tr(lang.get());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        // A mistyped NIP is caught here, with what to fix, without a round trip.
        if let Err(e) = Nip::parse(&nip.get_untracked()) {
            nip_error.set(Some(i18n::error_message(
                lang.get_untracked(),
                e.code(),
                &e.to_string(),
            )));
            return;
        }
        nip_error.set(None);
        on_login.run(LoginRequest {
            nip: nip.get_untracked(),
            password: password.get_untracked(),
        });
    };
    view! {
        <form on:submit=on_submit novalidate>
            <NipField
                label=Signal::derive(move || t().nip_label)
                hint=Signal::derive(move || t().nip_hint)
                value=nip
                error=nip_error
            />
            <PasswordField
                id="password"
                label=Signal::derive(move || t().password_label)
                show_label=Signal::derive(move || t().show_password)
                value=password
            />
            <Show when=move || error.with(Option::is_some)>
                <p class="form-error" role="alert" data-testid="form-error">{move || error.get()}</p>
            </Show>
            <button type="submit" class="btn btn-primary btn-block" disabled=move || busy.get()>
                {move || if busy.get() { t().busy } else { t().login }}
            </button>
        </form>
    }
}
