//! The console's root: state, and sign-in or the frame with the home screen.

use super::layout::Frame;
use super::pages::{home::HomePage, login::LoginPage};
use super::state::{Console, use_console};
use leptos::prelude::*;

#[component]
pub fn ConsoleApp() -> impl IntoView {
    provide_context(Console::new());
    let console = use_console();
    view! {
        <Frame>
            <Show when=move || console.session.with(Option::is_some) fallback=LoginPage>
                <HomePage />
            </Show>
        </Frame>
    }
}

/// Mounts the console, replacing the HTML skeleton `console.html` painted while loading.
pub fn mount() {
    crate::mount::mount(ConsoleApp);
}
