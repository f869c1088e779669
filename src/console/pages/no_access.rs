//! A screen the person's roles do not open, reached by its address.

use crate::console::state::use_console;
use leptos::prelude::*;

#[component]
pub fn NoAccess() -> impl IntoView {
    let console = use_console();
    view! {
        <div class="page console-page" data-testid="no-access">
            <h1>{move || console.tr().no_access_title}</h1>
            <p>{move || console.tr().no_access}</p>
            <p><a href="/konsol/">{move || console.tr().nav_home}</a></p>
        </div>
    }
}
