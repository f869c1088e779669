//! Filling in one questionnaire: an intro (purpose, time, who sees what), one item per
//! screen with the scale in words, back/skip, a review screen, then the result. The draft
//! is saved after every tap, so a reload or a lost tab resumes at the same item. A tab left
//! behind never overwrites another tab's answers: its step shows what is saved instead.

use crate::components::not_found::NotFound;
use crate::phone::i18n;
use crate::questionnaires as flow;
use crate::state::{store, use_app};
use crate::store::guarded::Saved;
use crate::store::questionnaires::Draft;
use crate::sync::triggers;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::Redirect;
use leptos_router::hooks::{use_navigate, use_params_map};
use resapi_core::questionnaire::Questionnaire;
use std::sync::Arc;

/// One saving step of the flow, run with the open store.
type Step = Box<
    dyn FnOnce(
        crate::store::Store,
    ) -> std::pin::Pin<
        Box<dyn std::future::Future<Output = Result<Saved<Draft>, crate::store::StoreError>>>,
    >,
>;

#[component]
pub fn QuestionnairePage() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let draft: RwSignal<Option<Draft>> = RwSignal::new(None);
    let loaded = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    // Another tab saved a step first (or finished the questionnaire): say so.
    let elsewhere = RwSignal::new(None::<bool>);
    let navigate = use_navigate();

    let questionnaire = move || -> Option<Arc<Questionnaire>> {
        let id = id();
        app.content.get()?.questionnaire(&id).cloned().map(Arc::new)
    };

    Effect::new(move |_| {
        let id = id();
        if let (Some(store), Some(account)) = (store(), app.account_id()) {
            spawn_local(async move {
                draft.set(store.draft(&account, &id).await.ok().flatten());
                loaded.set(true);
            });
        }
    });

    // Runs one step that saves a new draft; shows an error if the phone's storage fails.
    let step = move |f: Step| {
        let Some(store) = store() else {
            return;
        };
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        spawn_local(async move {
            match f(store).await {
                Ok(Saved::Done(d)) => {
                    draft.set(Some(d));
                    error.set(None);
                    focus_heading();
                }
                Ok(Saved::Elsewhere(now)) => {
                    elsewhere.set(Some(now.is_none()));
                    draft.set(now);
                    focus_heading();
                }
                Err(_) => error.set(Some(app.tr().save_failed.to_owned())),
            }
            busy.set(false);
        });
    };

    let begin = move |_| {
        let (Some(content), Some(account)) = (app.content.get_untracked(), app.account_id()) else {
            return;
        };
        let id = id();
        step(Box::new(move |store| {
            Box::pin(async move {
                flow::start(&store, &content, &account, &id)
                    .await
                    .map(Saved::Done)
            })
        }));
    };

    let choose = move |value: Option<u8>| {
        let (Some(q), Some(d)) = (questionnaire(), draft.get_untracked()) else {
            return;
        };
        step(Box::new(move |store| {
            Box::pin(async move { flow::answer(&store, &q, &d, value).await })
        }));
    };

    let go_to = move |position: usize| {
        let (Some(q), Some(d)) = (questionnaire(), draft.get_untracked()) else {
            return;
        };
        step(Box::new(move |store| {
            Box::pin(async move { flow::go_to(&store, &q, &d, position).await })
        }));
    };

    let finish = move |_| {
        let (Some(store), Some(q), Some(d)) = (store(), questionnaire(), draft.get_untracked())
        else {
            return;
        };
        let navigate = navigate.clone();
        busy.set(true);
        spawn_local(async move {
            match flow::finish(&store, &q, &d).await {
                Ok(Saved::Done(response)) => {
                    triggers::saved(app);
                    navigate(
                        &format!("/kuesioner/hasil/{}", response.id),
                        Default::default(),
                    );
                }
                Ok(Saved::Elsewhere(now)) => {
                    elsewhere.set(Some(now.is_none()));
                    draft.set(now);
                    focus_heading();
                }
                Err(_) => error.set(Some(app.tr().save_failed.to_owned())),
            }
            busy.set(false);
        });
    };

    let intro = move |q: &Questionnaire| {
        let l = lang.get();
        let t = app.tr();
        view! {
            <h1 id="q-heading" tabindex="-1">{q.title.get(l).to_owned()}</h1>
            <p class="muted">{i18n::minutes(l, q.minutes)} " · " {i18n::item_count(l, q.items.len())}</p>
            <p class="lead">{q.purpose.get(l).to_owned()}</p>
            <section class="card privacy" aria-labelledby="privacy-h">
                <h2 id="privacy-h">{t.privacy_title}</h2>
                <p>{t.privacy_text}</p>
            </section>
            <p class="hint">{t.scale_hint}</p>
            <button type="button" class="btn btn-primary btn-block" data-testid="q-start" disabled=move || busy.get() on:click=begin>
                {t.start}
            </button>
        }
        .into_any()
    };

    let item_screen = move |q: &Questionnaire, d: &Draft| {
        let l = lang.get();
        let t = app.tr();
        let Some(item) = q.items.get(d.position) else {
            return ().into_any();
        };
        let chosen = d.answers.get(&item.id).copied();
        let scale = app
            .content
            .get()
            .and_then(|c| c.scales.iter().find(|s| s.id == q.scale).cloned());
        let points = scale
            .map(|s| s.points)
            .unwrap_or_default()
            .into_iter()
            .map(|p| {
                let pressed = chosen == Some(p.value);
                view! {
                    <li>
                        <button
                            type="button"
                            class=if pressed { "scale-point scale-chosen" } else { "scale-point" }
                            aria-pressed=pressed.to_string()
                            data-value=p.value.to_string()
                            disabled=move || busy.get()
                            on:click=move |_| choose(Some(p.value))
                        >
                            <span class="scale-num" aria-hidden="true">{p.value.to_string()}</span>
                            <span>{p.label.get(l).to_owned()}</span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        let position = d.position;
        view! {
            <h1 class="q-title">{q.title.get(l).to_owned()}</h1>
            <p class="progress-text" data-testid="q-progress">{i18n::item_of(l, position + 1, q.items.len())}</p>
            <progress max=q.items.len().to_string() value=(position + 1).to_string() aria-hidden="true"></progress>
            <fieldset class="likert">
                <legend id="q-heading" tabindex="-1" class="likert-item" data-item=item.id.clone()>{item.text.get(l).to_owned()}</legend>
                <ul class="scale">{points}</ul>
            </fieldset>
            <div class="actions split">
                <button type="button" class="btn btn-secondary" disabled=move || busy.get() || position == 0
                    on:click=move |_| go_to(position.saturating_sub(1))>{t.back}</button>
                <button type="button" class="btn btn-ghost" data-testid="q-skip" disabled=move || busy.get()
                    on:click=move |_| choose(None)>{t.skip}</button>
            </div>
        }
        .into_any()
    };

    let review_screen = move |q: &Questionnaire, d: &Draft| {
        let l = lang.get();
        let t = app.tr();
        let scale = app
            .content
            .get()
            .and_then(|c| c.scales.iter().find(|s| s.id == q.scale).cloned());
        let label = move |v: u8| {
            scale
                .as_ref()
                .and_then(|s| s.points.iter().find(|p| p.value == v))
                .map(|p| format!("{v} — {}", p.label.get(l)))
                .unwrap_or_else(|| v.to_string())
        };
        let rows = q
            .items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let answer = d.answers.get(&item.id).copied();
                view! {
                    <li class="review-item">
                        <p>{format!("{}. ", i + 1)}{item.text.get(l).to_owned()}</p>
                        <p class=if answer.is_some() { "answer" } else { "answer muted" }>
                            {answer.map(label.clone()).unwrap_or_else(|| t.skipped.to_owned())}
                        </p>
                        <button type="button" class="btn btn-ghost btn-small" on:click=move |_| go_to(i)>
                            {t.change}<span class="visually-hidden">{format!(" {}", i + 1)}</span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h1 id="q-heading" tabindex="-1">{t.review_title}</h1>
            <p data-testid="q-answered">{i18n::answered_count(l, d.answers.len(), q.items.len())}</p>
            <button type="button" class="btn btn-primary btn-block" data-testid="q-finish" disabled=move || busy.get() on:click=finish.clone()>
                {t.finish_questionnaire}
            </button>
            <ol class="review-items">{rows}</ol>
        }
        .into_any()
    };

    let body = move || {
        if !loaded.get() {
            return view! { <p role="status">{app.tr().loading}</p> }.into_any();
        }
        let Some(q) = questionnaire() else {
            return view! { <NotFound /> }.into_any();
        };
        match draft.get() {
            None => intro(&q),
            Some(d) if d.position < q.items.len() => item_screen(&q, &d),
            Some(d) => review_screen(&q, &d),
        }
    };

    view! {
        <Show when=move || app.session.with(Option::is_some) fallback=|| view! { <Redirect path="/masuk" /> }>
            <div class="page questionnaire" data-testid="questionnaire">
                {body.clone()}
                <Show when=move || elsewhere.get().is_some()>
                    <p class="banner" role="status" data-testid="changed-elsewhere">
                        {move || if elsewhere.get() == Some(true) { app.tr().finished_elsewhere } else { app.tr().changed_elsewhere }}
                    </p>
                </Show>
                <Show when=move || error.with(Option::is_some)>
                    <p class="form-error" role="alert">{move || error.get()}</p>
                </Show>
            </div>
        </Show>
    }
}

/// Moves focus to the new item so a screen reader reads it.
fn focus_heading() {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("q-heading"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
