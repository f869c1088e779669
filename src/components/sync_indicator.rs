//! The sync status everyone can see: online or not, answers waiting, last sync, the
//! "Sinkronkan sekarang" button, and whether the app is ready offline.

use crate::local_time::date_time;
use crate::phone::i18n;
use crate::state::use_app;
use crate::sync::triggers;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn SyncIndicator() -> impl IntoView {
    let app = use_app();
    let s = app.sync;
    let lang = app.lang;
    let offline_ready = move || s.shell_cached.get() && app.content.with(Option::is_some);
    view! {
        <section class="sync" aria-labelledby="sync-heading" data-testid="sync-indicator">
            <h2 id="sync-heading" class="visually-hidden">{move || app.tr().sync_heading}</h2>
            <p class="sync-line">
                <span class=move || if s.online.get() { "dot dot-on" } else { "dot dot-off" } aria-hidden="true"></span>
                <span data-testid="online-state">
                    {move || if s.online.get() { app.tr().online } else { app.tr().offline }}
                </span>
            </p>
            <Show when=move || app.session.with(Option::is_some)>
                <p class="sync-line" data-testid="pending" data-count=move || s.pending.get().to_string()>
                    {move || match (s.pending.get(), s.pending_records.get()) {
                        (_, 0) => app.tr().all_sent.to_string(),
                        (0, _) => app.tr().summary_waiting.to_string(),
                        (n, _) => i18n::waiting(lang.get(), n),
                    }}
                </p>
                <p class="sync-line muted" data-testid="last-sync">
                    {move || match s.last_sync.get() {
                        Some(at) => i18n::last_sync(lang.get(), &date_time(&at, lang.get())),
                        None => app.tr().never_synced.to_string(),
                    }}
                </p>
                <Show when=move || app.session.with(|s| s.as_ref().is_some_and(|s| s.needs_login))>
                    <p class="sync-line warn">{move || app.tr().needs_login}</p>
                    <A href="/masuk" attr:class="btn btn-primary btn-small" attr:data-testid="login-again">
                        {move || app.tr().login_again}
                    </A>
                </Show>
                <Show when=move || { s.attention.get() > 0 }>
                    <p class="sync-line warn">
                        <A href="/perhatian">{move || i18n::attention_count(lang.get(), s.attention.get())}</A>
                    </p>
                </Show>
            </Show>
            <p class="sync-line muted" data-testid="offline-ready">
                {move || if offline_ready() { app.tr().offline_ready } else { app.tr().not_offline_ready }}
            </p>
            <Show when=move || s.problem.with(Option::is_some)>
                <p class="sync-line warn" role="alert">{move || s.problem.get()}</p>
            </Show>
            <button
                type="button"
                class="btn btn-secondary"
                data-testid="sync-now"
                disabled=move || s.syncing.get()
                on:click=move |_| triggers::request()
            >
                {move || if s.syncing.get() { app.tr().syncing } else { app.tr().sync_now }}
            </button>
        </section>
    }
}
