//! The frame around every console screen: skip link, header (product, the signed-in
//! person's name, language, "Keluar"), the nav of the screens the person's roles open.

use super::access;
use super::pages::live_run::is_projector_path;
use super::state::use_console;
use crate::api;
use crate::components::lang_switch::LangSwitch;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_location;

#[component]
pub fn Frame(children: Children) -> impl IntoView {
    let console = use_console();
    let name = move || {
        console
            .session
            .with(|s| s.as_ref().map(|s| s.account.name.clone()))
    };
    let screens = move || {
        console.session.with(|s| {
            s.as_ref()
                .map(|s| access::screens(&s.account.roles))
                .unwrap_or_default()
        })
    };
    let location = use_location();
    // The projector's tab is the big screen: no header, no nav, the whole window for the game.
    let framed = move || !is_projector_path(&location.pathname.get());
    view! {
        <Show when=framed>
        <a class="skip-link" href="#main">{move || console.tr().skip_link}</a>
        <header class="top console-top">
            <a href="/konsol/" class="brand">
                <span class="brand-name">"Resapi"</span>
                <span class="brand-tag">{move || console.tr().product}</span>
            </a>
            <div class="top-actions">
                {move || name().map(|n| view! {
                    <span class="who" data-testid="console-name">
                        <span class="visually-hidden">{console.tr().signed_in_as} " "</span>{n}
                    </span>
                })}
                <LangSwitch lang=console.lang />
                <LogoutButton />
            </div>
        </header>
        </Show>
        <div class="console-body" class:console-bare=move || !framed()>
            <Show when=move || framed() && !screens().is_empty()>
                <nav class="console-nav" aria-label=move || console.tr().nav_label>
                    <ul>
                        {move || screens().into_iter().map(|s| {
                            let here = move || same_screen(&location.pathname.get(), s.path());
                            view! {
                                <li><a href=s.path() aria-current=move || here().then_some("page")>
                                    {move || console.tr().screen_name(s)}
                                </a></li>
                            }
                        }).collect_view()}
                    </ul>
                </nav>
            </Show>
            <main id="main" tabindex="-1">{children()}</main>
        </div>
    }
}

/// Whether `path` (the address) is the screen at `screen` (`/konsol` and `/konsol/` alike).
fn same_screen(path: &str, screen: &str) -> bool {
    let (path, screen) = (path.trim_end_matches('/'), screen.trim_end_matches('/'));
    // A screen's own pages count as it (`/konsol/kuis/<id>` is Kuis Apel); home is only itself.
    path == screen
        || (screen != "/konsol"
            && path
                .strip_prefix(screen)
                .is_some_and(|rest| rest.starts_with('/')))
}

/// Ends the session on the server, then here (offline the token simply expires).
#[component]
fn LogoutButton() -> impl IntoView {
    let console = use_console();
    let busy = RwSignal::new(false);
    let on_click = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        spawn_local(async move {
            if let Some(s) = console.session.get_untracked() {
                let _ = api::logout(&s.token).await;
            }
            console.sign_out();
            busy.set(false);
        });
    };
    view! {
        <Show when=move || console.session.with(Option::is_some)>
            <button type="button" class="btn btn-ghost" data-testid="console-logout" disabled=move || busy.get() on:click=on_click>
                {move || console.tr().logout}
            </button>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::same_screen;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn the_nav_marks_a_screen_on_its_own_pages_too() {
        assert!(same_screen("/konsol/", "/konsol/"));
        assert!(same_screen("/konsol", "/konsol/"));
        assert!(same_screen("/konsol/kuis", "/konsol/kuis"));
        assert!(same_screen("/konsol/kuis/0198/hasil", "/konsol/kuis"));
        assert!(
            !same_screen("/konsol/kuis", "/konsol/"),
            "home is only itself"
        );
        assert!(!same_screen("/konsol/kuisioner", "/konsol/kuis"));
        assert!(!same_screen("/konsol/unit", "/konsol/kuis"));
    }
}
