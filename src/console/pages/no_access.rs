//! What a console address shows to someone whose roles do not open it (a trainer who
//! types `/konsol/unit`), and to an address that is no screen at all. The server refuses
//! their requests anyway (403); this says so before any is made.

use crate::console::access::Screen;
use crate::console::state::use_console;
use leptos::prelude::*;

/// Shows `children` only to someone whose roles open `screen`.
#[component]
pub fn Guarded(screen: Screen, children: ChildrenFn) -> impl IntoView {
    let console = use_console();
    view! {
        <Show when=move || screen.opens_for(&console.roles()) fallback=NoAccess>
            {children()}
        </Show>
    }
}

#[component]
pub fn NoAccess() -> impl IntoView {
    let console = use_console();
    view! {
        <div class="page console-page" data-testid="no-access">
            <h1>{move || console.tr().no_access_title}</h1>
            <p>{move || console.tr().no_access}</p>
            <p><a class="btn btn-secondary" href="/konsol/">{move || console.tr().back_to_home}</a></p>
        </div>
    }
}

#[component]
pub fn NoSuchScreen() -> impl IntoView {
    let console = use_console();
    view! {
        <div class="page console-page">
            <h1>{move || console.tr().no_such_screen}</h1>
            <p><a class="btn btn-secondary" href="/konsol/">{move || console.tr().back_to_home}</a></p>
        </div>
    }
}
