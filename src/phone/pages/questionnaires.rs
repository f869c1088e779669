//! The three questionnaires: what each is for, how long it takes, who sees what; start,
//! resume a draft, or see the last result.

use crate::local_time::date_time;
use crate::phone::i18n;
use crate::state::{store, use_app};
use crate::store::questionnaires::Response;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{A, Redirect};
use std::collections::HashSet;

#[component]
pub fn QuestionnairesPage() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let responses: RwSignal<Vec<Response>> = RwSignal::new(Vec::new());
    let drafts: RwSignal<HashSet<String>> = RwSignal::new(HashSet::new());
    Effect::new(move |_| {
        let _ = app.history_version.get();
        let (Some(store), Some(account)) = (store(), app.account_id()) else {
            return;
        };
        let ids: Vec<String> = app
            .content
            .get()
            .map(|c| c.questionnaires.iter().map(|q| q.id.clone()).collect())
            .unwrap_or_default();
        spawn_local(async move {
            responses.set(store.responses(&account).await.unwrap_or_default());
            let mut found = HashSet::new();
            for id in ids {
                if let Ok(Some(_)) = store.draft(&account, &id).await {
                    found.insert(id);
                }
            }
            drafts.set(found);
        });
    });
    let cards = move || {
        let l = lang.get();
        let t = app.tr();
        let content = app.content.get()?;
        let all = responses.get();
        Some(
            content
                .questionnaires
                .iter()
                .map(|q| {
                    let last = all.iter().rev().find(|r| r.questionnaire_id == q.id).cloned();
                    let has_draft = drafts.with(|d| d.contains(&q.id));
                    view! {
                        <li class="card" data-questionnaire=q.id.clone()>
                            <h2>{q.title.get(l).to_owned()}</h2>
                            <p class="muted">{i18n::minutes(l, q.minutes)} " · " {i18n::item_count(l, q.items.len())}</p>
                            <p>{q.purpose.get(l).to_owned()}</p>
                            <p class="muted">{match &last {
                                Some(r) => i18n::last_done(l, &date_time(&r.finished_at, l)),
                                None => t.never_done.to_owned(),
                            }}</p>
                            <div class="actions">
                                <A href=format!("/kuesioner/{}", q.id) attr:class="btn btn-primary">
                                    {if has_draft { t.resume_draft } else { t.start }}
                                </A>
                                {last.map(|r| view! {
                                    <A href=format!("/kuesioner/hasil/{}", r.id) attr:class="btn btn-secondary">{t.see_result}</A>
                                })}
                            </div>
                        </li>
                    }
                })
                .collect_view(),
        )
    };
    view! {
        <Show when=move || app.session.with(Option::is_some) fallback=|| view! { <Redirect path="/masuk" /> }>
            <div class="page">
                <h1>{move || app.tr().questionnaires_title}</h1>
                <p class="lead">{move || app.tr().questionnaires_intro}</p>
                <Show when=move || app.content_missing()>
                    <p class="hint">{move || app.tr().no_content}</p>
                </Show>
                <ul class="card-list">{cards}</ul>
            </div>
        </Show>
    }
}
