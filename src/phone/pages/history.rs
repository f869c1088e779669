//! Past practice results of the signed-in account, newest first.

use super::result::scope_name;
use crate::local_time::date_time;
use crate::phone::i18n;
use crate::state::{store, use_app};
use crate::store::results::PracticeResult;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

#[component]
pub fn HistoryPage() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let results: RwSignal<Vec<PracticeResult>> = RwSignal::new(Vec::new());
    let loaded = RwSignal::new(false);
    Effect::new(move |_| {
        let _ = app.history_version.get();
        if let (Some(store), Some(account)) = (store(), app.account_id()) {
            spawn_local(async move {
                results.set(store.results(&account).await.unwrap_or_default());
                loaded.set(true);
            });
        } else {
            loaded.set(true);
        }
    });
    view! {
        <div class="page history">
            <h1>{move || app.tr().history_title}</h1>
            <Show when=move || loaded.get() fallback=move || view! { <p role="status">{move || app.tr().loading}</p> }>
                <Show when=move || !results.with(Vec::is_empty) fallback=move || view! {
                    <p class="hint">{move || app.tr().history_empty}</p>
                    <A href="/latihan" attr:class="btn btn-primary">{move || app.tr().start_practice}</A>
                }>
                    <ul class="history-list" data-testid="history">
                        {move || {
                            let l = lang.get();
                            let content = app.content.get();
                            results.get().into_iter().map(|r| { let content = content.clone(); view! {
                                <li>
                                    <A href=format!("/hasil/{}", r.id) attr:class="history-item">
                                        <span class="history-scope">{scope_name(content.as_deref(), &r.scope, l)}</span>
                                        <span class="history-when">{date_time(&r.finished_at, l)}</span>
                                        <span class="history-score">{format!("{}% · {}", r.percent, i18n::score(l, r.correct, r.answered))}</span>
                                    </A>
                                </li>
                            }}).collect_view()
                        }}
                    </ul>
                </Show>
            </Show>
        </div>
    }
}
