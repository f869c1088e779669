//! "Unduh CSV", "Unduh XLSX" and "Cetak". The export routes need the bearer header, which a
//! link cannot send: the file is fetched, then offered from a blob under the server's name.

use super::text::dash_tr;
use crate::console::api;
use crate::console::state::use_console;
use crate::download::offer_bytes;
use leptos::prelude::*;
use leptos::task::spawn_local;
use resapi_core::Lang;

/// The two download buttons and print, for the unit and period on screen.
#[component]
pub fn Downloads(#[prop(into)] query: Signal<String>, lang: Signal<Lang>) -> impl IntoView {
    let console = use_console();
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(None::<String>);
    let fetch = move |ext: &'static str, content_type: &'static str| {
        if busy.get_untracked() {
            return;
        }
        let Some(token) = console
            .session
            .with_untracked(|s| s.as_ref().map(|s| s.token.clone()))
        else {
            return;
        };
        let path = query
            .get_untracked()
            .replacen("/dashboard?", &format!("/dashboard.{ext}?"), 1);
        busy.set(true);
        failed.set(None);
        spawn_local(async move {
            match api::file(&path, &token).await {
                Ok((name, bytes)) => offer_bytes(&name, &bytes, content_type),
                Err(e) => failed.set(Some(e.to_string())),
            }
            busy.set(false);
        });
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <div class="dash-actions no-print">
            <button type="button" class="btn" data-testid="download-csv" disabled=move || busy.get()
                on:click=move |_| fetch("csv", "text/csv")>
                {move || dash_tr(lang.get()).download_csv}
            </button>
            <button type="button" class="btn" data-testid="download-xlsx" disabled=move || busy.get()
                on:click=move |_| fetch("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")>
                {move || dash_tr(lang.get()).download_xlsx}
            </button>
            <button type="button" class="btn btn-ghost" data-testid="print" on:click=print>
                {move || dash_tr(lang.get()).print}
            </button>
            <span role="status" class="dash-status">
                {move || busy.get().then(|| dash_tr(lang.get()).downloading)}
                {move || failed.get().map(|e| format!("{}: {e}", dash_tr(lang.get()).download_failed))}
            </span>
        </div>
    }
}
