//! Settings: language, whether home shows the streak, and the person's own data — removing it
//! from this phone, and on the server (online by nature): download it, log out of every
//! device, delete the account (UU 27/2022, see docs/privacy.md).

use crate::api::{self, ApiError};
use crate::components::erase_local::EraseLocalData;
use crate::components::password_field::PasswordField;
use crate::phone::download::download_json;
use crate::phone::i18n;
use crate::phone::pages::login::{DONE_ACCOUNT, DONE_EVERYWHERE, sign_out_here};
use crate::state::{AppState, store, use_app};
use crate::store::erase::EraseRule;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use resapi_core::Lang;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="page narrow">
            <h1>{move || app.tr().settings_title}</h1>
            <fieldset class="field">
                <legend>{move || app.tr().language}</legend>
                <label class="check">
                    <input type="radio" name="lang" prop:checked=move || app.lang.get() == Lang::Id
                        on:change=move |_| app.set_lang(Lang::Id) />
                    <span lang="id">"Bahasa Indonesia"</span>
                </label>
                <label class="check">
                    <input type="radio" name="lang" prop:checked=move || app.lang.get() == Lang::En
                        on:change=move |_| app.set_lang(Lang::En) />
                    <span lang="en">"English"</span>
                </label>
            </fieldset>
            <label class="check">
                <input type="checkbox" data-testid="show-streak" prop:checked=move || app.show_streak.get()
                    on:change=move |ev| app.set_show_streak(event_target_checked(&ev)) />
                <span>{move || app.tr().show_streak}</span>
            </label>
            <p class="hint">{move || app.tr().show_streak_hint}</p>
            <Show when=move || app.session.with(Option::is_some)>
                <section class="card" aria-labelledby="phone-data-h">
                    <h2 id="phone-data-h">{move || app.tr().phone_data_title}</h2>
                    <EraseLocalData />
                </section>
                <ServerData />
            </Show>
        </div>
    }
}

/// A failed online action, in words that say what to do next.
fn online_error(app: AppState, e: &ApiError) -> String {
    match e {
        ApiError::Network => app.tr().online_needed.to_owned(),
        other => i18n::error_message(app.lang.get_untracked(), other.code(), &other.to_string()),
    }
}

fn token(app: AppState) -> Option<String> {
    app.session
        .with_untracked(|s| s.as_ref().map(|s| s.token.clone()))
}

#[component]
fn ServerData() -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let busy = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let confirm_everywhere = RwSignal::new(false);
    let password = RwSignal::new(String::new());
    let erase_error = RwSignal::new(None::<String>);
    // One online action at a time; each clears the previous outcome.
    let begin = move || -> Option<String> {
        if busy.get_untracked() {
            return None;
        }
        let token = token(app)?;
        busy.set(true);
        message.set(None);
        error.set(None);
        erase_error.set(None);
        Some(token)
    };

    let on_download = move |_| {
        let Some(token) = begin() else { return };
        spawn_local(async move {
            match api::my_data(&token).await {
                Ok((name, json)) => {
                    download_json(&name, &json);
                    message.set(Some(app.tr().download_done.to_owned()));
                }
                Err(e) => error.set(Some(online_error(app, &e))),
            }
            busy.set(false);
        });
    };

    let navigate_all = navigate.clone();
    let on_everywhere = move |_| {
        let Some(token) = begin() else { return };
        let navigate = navigate_all.clone();
        spawn_local(async move {
            match api::logout_all(&token).await {
                Ok(()) => {
                    sign_out_here(app).await;
                    navigate(DONE_EVERYWHERE, Default::default());
                }
                Err(e) => error.set(Some(online_error(app, &e))),
            }
            confirm_everywhere.set(false);
            busy.set(false);
        });
    };

    let on_erase = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = password.get_untracked();
        if typed.is_empty() {
            erase_error.set(Some(app.tr().erase_account_password_missing.to_owned()));
            return;
        }
        let Some(token) = begin() else { return };
        let Some(account) = app.account_id() else {
            busy.set(false);
            return;
        };
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::erase_account(&token, &typed).await {
                Ok(()) => {
                    password.set(String::new());
                    // The account is gone on the server: unsent records can never be sent,
                    // so everything of it leaves this phone too.
                    if let Some(store) = store() {
                        let _ = store
                            .erase_local_data(&account, EraseRule::AccountErased)
                            .await;
                    }
                    sign_out_here(app).await;
                    navigate(DONE_ACCOUNT, Default::default());
                }
                Err(e) => erase_error.set(Some(online_error(app, &e))),
            }
            busy.set(false);
        });
    };

    view! {
        <section class="card" aria-labelledby="server-data-h">
            <h2 id="server-data-h">{move || app.tr().server_data_title}</h2>
            <p class="hint">{move || app.tr().server_data_hint}</p>
            <div class="actions">
                <button type="button" class="btn btn-secondary" data-testid="download-my-data"
                    disabled=move || busy.get() on:click=on_download>
                    {move || app.tr().download_my_data}
                </button>
            </div>
            <p class="hint">{move || app.tr().logout_all_hint}</p>
            <div class="actions">
                <button type="button" class="btn btn-secondary" data-testid="logout-all"
                    aria-expanded=move || confirm_everywhere.get().to_string()
                    on:click=move |_| confirm_everywhere.update(|c| *c = !*c)>
                    {move || app.tr().logout_all}
                </button>
                <Show when=move || confirm_everywhere.get()>
                    <button type="button" class="btn btn-primary" data-testid="logout-all-confirm"
                        disabled=move || busy.get() on:click=on_everywhere.clone()>
                        {move || app.tr().logout_all_confirm}
                    </button>
                </Show>
            </div>
            <p class=move || if message.with(Option::is_some) { "banner banner-info" } else { "" }
                role="status" data-testid="server-data-status">{move || message.get()}</p>
            <Show when=move || error.with(Option::is_some)>
                <p class="form-error" role="alert" data-testid="server-data-error">{move || error.get()}</p>
            </Show>
            <h3>{move || app.tr().erase_account_title}</h3>
            <p id="erase-account-consequences">{move || app.tr().erase_account_consequences}</p>
            <form on:submit=on_erase novalidate>
                <PasswordField
                    id="erase-password"
                    label=Signal::derive(move || app.tr().erase_account_password)
                    show_label=Signal::derive(move || app.tr().show_password)
                    value=password
                />
                <Show when=move || erase_error.with(Option::is_some)>
                    <p class="form-error" role="alert" data-testid="erase-account-error">{move || erase_error.get()}</p>
                </Show>
                <button type="submit" class="btn btn-secondary warn" data-testid="erase-account"
                    aria-describedby="erase-account-consequences" disabled=move || busy.get()>
                    {move || app.tr().erase_account_confirm}
                </button>
            </form>
        </section>
    }
}
