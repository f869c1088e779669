//! The console's home: who is signed in, with which roles.

use crate::console::i18n::{hello, role_name};
use crate::console::state::use_console;
use leptos::prelude::*;

#[component]
pub fn HomePage() -> impl IntoView {
    let console = use_console();
    let account = move || console.session.get().map(|s| s.account);
    view! {
        <div class="page console-page">
            {move || account().map(|a| {
                let lang = console.lang.get();
                let t = console.tr();
                let roles = a.roles.iter().map(|r| role_name(lang, *r)).collect::<Vec<_>>().join(" · ");
                view! {
                    <h1 data-testid="console-home">{hello(lang, &a.name)}</h1>
                    <p><strong>{t.home_roles} ": "</strong><span data-testid="console-roles">{roles}</span></p>
                    <p>{t.home_intro}</p>
                    <p><a href="/">{t.own_practice}</a></p>
                }
            })}
        </div>
    }
}
