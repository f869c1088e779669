//! Home's greeting for a guest: the name, what the app is for, and the ways in (sign-in and
//! registration). Plain links: the first screen shows it before the router's code has
//! arrived (`phone::first_screen`); inside the app the router takes their clicks.

use crate::state::use_app;
use leptos::prelude::*;

#[component]
pub fn GuestWelcome() -> impl IntoView {
    let app = use_app();
    view! {
        <h1>"Resapi"</h1>
        <p class="lead">{move || app.tr().guest_intro}</p>
        <div class="actions">
            <a href="/masuk" class="btn btn-primary">{move || app.tr().login}</a>
            <a href="/daftar" class="btn btn-secondary">{move || app.tr().register}</a>
        </div>
    }
}
