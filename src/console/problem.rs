//! A failed request as the console shows it: the server's message (its
//! `{error:{code,message}}`), what to do next, and a "Coba lagi" button when trying again
//! can help.

use super::i18n::next_step;
use super::state::use_console;
use crate::api::ApiError;
use leptos::prelude::*;

#[component]
pub fn Problem(
    #[prop(into)] error: Signal<Option<ApiError>>,
    /// Offered as "Coba lagi" (none: the person fixes the input and sends again).
    #[prop(optional)]
    retry: Option<Callback<()>>,
) -> impl IntoView {
    let console = use_console();
    move || {
        error.get().map(|e| {
            let lang = console.lang.get();
            let message = match &e {
                ApiError::Network => console.tr().no_connection.to_owned(),
                ApiError::Server { message, .. } => message.clone(),
            };
            view! {
                <div class="form-error console-problem" role="alert" data-testid="console-problem">
                    <p class="problem-message">{message}</p>
                    {next_step(lang, &e).map(|next| view! { <p class="problem-next">{next}</p> })}
                    {retry.map(|retry| view! {
                        <button type="button" class="btn btn-secondary btn-small" on:click=move |_| retry.run(())>
                            {console.tr().retry}
                        </button>
                    })}
                </div>
            }
        })
    }
}

/// "Memuat…" (or what is loading, `label`) while a screen waits for the server
/// (announced, and marked busy).
#[component]
pub fn Loading(
    #[prop(into)] when: Signal<bool>,
    #[prop(optional, into)] label: Option<Signal<&'static str>>,
) -> impl IntoView {
    let console = use_console();
    view! {
        <Show when=move || when.get()>
            <p class="console-loading" role="status" aria-busy="true" data-testid="console-loading">
                <span class="spinner" aria-hidden="true"></span>
                {move || label.map_or(console.tr().loading, |l| l.get())}
            </p>
        </Show>
    }
}
