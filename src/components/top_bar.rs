//! The top of every phone page: the skip link and the header (name, language switch, and
//! what the page adds: the signed-in person's settings and logout, built by the caller as a
//! view; a `Children` closure here would keep the caller's code in the main wasm module).
//! Plain links, no router: the first screen shows it before the router's code has arrived
//! (`phone::first_screen`), and inside the app the router takes plain links' clicks all the
//! same.

use crate::components::lang_switch::LangSwitch;
use crate::state::use_app;
use leptos::prelude::*;

#[component]
pub fn TopBar(#[prop(optional)] actions: Option<AnyView>) -> impl IntoView {
    let app = use_app();
    view! {
        <a class="skip-link" href="#main">{move || app.tr().skip_link}</a>
        <header class="top">
            <a href="/" class="brand">
                <span class="brand-name">"Resapi"</span>
                <span class="brand-tag">{move || app.tr().tagline}</span>
            </a>
            <div class="top-actions">
                <LangSwitch lang=app.lang />
                {actions}
            </div>
        </header>
    }
}
