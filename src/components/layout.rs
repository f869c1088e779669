//! The frame around every phone page: the top bar (with the account's settings and logout),
//! the update and restore banners, and the bottom navigation.

use crate::api;
use crate::components::erase_local::{LazyEraseLocalData, preload_erase_local};
use crate::components::restoring_banner::RestoringBanner;
use crate::components::top_bar::TopBar;
use crate::components::update_banner::UpdateBanner;
use crate::phone::i18n;
use crate::phone::pages::login::sign_out_here;
use crate::state::use_app;
use crate::sync;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let app = use_app();
    view! {
        <TopBar actions=view! {
            <Show when=move || app.session.with(Option::is_some)>
                <A href="/pengaturan" attr:class="btn btn-ghost" attr:aria-label=move || app.tr().settings_title>"⚙"</A>
            </Show>
            <AccountMenu />
        }.into_any() />
        <UpdateBanner />
        <RestoringBanner />
        <main id="main" tabindex="-1">{children()}</main>
        <Show when=move || app.session.with(Option::is_some) && !app.in_practice_session.get()>
            <nav class="bottom-nav" aria-label="Menu">
                <A href="/" exact=true>{move || app.tr().nav_home}</A>
                <A href="/latihan">{move || app.tr().nav_practice}</A>
                <A href="/kuesioner">{move || app.tr().nav_questionnaires}</A>
                <A href="/modul">{move || app.tr().nav_modules}</A>
                <A href="/kemajuan">{move || app.tr().nav_progress}</A>
            </nav>
        </Show>
    }
}

/// Logout, always through a short dialog: it warns when this account still has unsent
/// answers (they stay on the phone for its next login), and offers to remove the person's
/// data from this phone once the server has all of it.
#[component]
fn AccountMenu() -> impl IntoView {
    let app = use_app();
    let confirming = RwSignal::new(false);
    let navigate = use_navigate();
    let do_logout = move || {
        let navigate = navigate.clone();
        spawn_local(async move {
            if let Some(session) = app.session.get_untracked() {
                // Best effort: offline, the token simply expires on its own.
                let _ = api::logout(&session.token).await;
            }
            sign_out_here(app).await;
            confirming.set(false);
            navigate("/", Default::default());
        });
    };
    // The counts are read from the store at the moment of the tap: the indicator's may lag
    // behind the answers just saved.
    let on_logout = move |_| {
        spawn_local(async move {
            sync::refresh_counts(app).await;
            preload_erase_local().await;
            confirming.set(true);
        });
    };
    view! {
        <Show when=move || app.session.with(Option::is_some)>
            <button type="button" class="btn btn-ghost" data-testid="logout" on:click=on_logout>
                {move || app.tr().logout}
            </button>
        </Show>
        <Show when=move || confirming.get() && app.session.with(Option::is_some)>
            <div class="overlay">
                <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="logout-warn" aria-describedby="logout-keep">
                    <p id="logout-warn" class="dialog-title" data-testid="logout-warning">
                        {move || match (app.sync.pending_records.get(), app.sync.pending.get()) {
                            (0, _) => app.tr().logout_title.to_string(),
                            (_, 0) => app.tr().summary_waiting.to_string(),
                            (_, n) => i18n::unsent(app.lang.get(), n),
                        }}
                    </p>
                    <Show when=move || { app.sync.pending_records.get() > 0 }>
                        <p id="logout-keep">{move || app.tr().logout_keep}</p>
                    </Show>
                    <div class="actions">
                        <button type="button" class="btn btn-primary" on:click=move |_| confirming.set(false)>
                            {move || app.tr().cancel}
                        </button>
                        <button type="button" class="btn btn-secondary" data-testid="logout-confirm" on:click={
                            let f = do_logout.clone();
                            move |_| f()
                        }>
                            {move || if app.sync.pending_records.get() > 0 { app.tr().logout_confirm } else { app.tr().logout }}
                        </button>
                    </div>
                    <LazyEraseLocalData on_done=Callback::new(move |_| confirming.set(false)) />
                </div>
            </div>
        </Show>
    }
}
