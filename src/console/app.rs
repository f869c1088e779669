//! The console's root: state, and sign-in or the frame with the home screen.

use super::access::{Screen, current_screen, screens};
use super::layout::Frame;
use super::pages::{
    dashboard::DashboardPage, home::HomePage, login::LoginPage, no_access::NoAccess,
};
use super::state::{Console, use_console};
use leptos::prelude::*;

#[component]
pub fn ConsoleApp() -> impl IntoView {
    provide_context(Console::new());
    let console = use_console();
    view! {
        <Frame>
            <Show when=move || console.session.with(Option::is_some) fallback=LoginPage>
                <CurrentScreen />
            </Show>
        </Frame>
    }
}

/// The screen at this address, or "no access" when the person's roles do not open it
/// (the server refuses its data anyway).
#[component]
fn CurrentScreen() -> impl IntoView {
    let console = use_console();
    move || {
        let roles = console
            .session
            .with(|s| s.as_ref().map(|s| s.account.roles.clone()))
            .unwrap_or_default();
        match current_screen().unwrap_or(Screen::Home) {
            s if !screens(&roles).contains(&s) => NoAccess().into_any(),
            Screen::Home => HomePage().into_any(),
            Screen::Dashboard => DashboardPage().into_any(),
        }
    }
}

/// Mounts the console, replacing the HTML skeleton `console.html` painted while loading.
pub fn mount() {
    crate::mount::mount(ConsoleApp);
}
