//! Reading one module: the value in everyday work, each indicator as "looks like / does
//! not look like", a story (labelled as an illustration), a reflection question whose answer
//! is kept, and the seven-day *komitmen aksi*.

use crate::components::not_found::NotFound;
use crate::journal;
use crate::phone::i18n;
use crate::state::{store, use_app};
use crate::store::journal::{Entry, JournalItem};
use crate::sync::triggers;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};
use resapi_core::Lang;
use resapi_core::module::Module;

/// Paragraphs of a text written with blank lines between them.
fn paragraphs(text: &str) -> impl IntoView + use<> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| view! { <p>{p.to_owned()}</p> })
        .collect_view()
}

fn indicator_text(
    app_content: Option<&resapi_core::content::ContentBundle>,
    id: &str,
    lang: Lang,
) -> String {
    app_content
        .and_then(|c| {
            c.values
                .iter()
                .flat_map(|v| &v.indicators)
                .find(|i| i.id == id)
        })
        .map(|i| i.text.get(lang).to_owned())
        .unwrap_or_else(|| id.to_owned())
}

#[component]
pub fn ModulePage() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let params = use_params_map();
    let module_id = move || params.read().get("id").unwrap_or_default();
    let journal: RwSignal<Vec<JournalItem>> = RwSignal::new(Vec::new());
    let reflection = RwSignal::new(String::new());
    let reflection_saved = RwSignal::new(false);
    let choice = RwSignal::new(String::new()); // an action id, or "own"
    let own = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let load = move || {
        let (Some(store), Some(account)) = (store(), app.account_id()) else {
            return;
        };
        spawn_local(async move {
            journal.set(store.journal(&account).await.unwrap_or_default());
        });
    };
    Effect::new(move |_| {
        let _ = module_id();
        load();
    });

    let module = move || -> Option<Module> { app.content.get()?.module(&module_id()).cloned() };

    // From the module straight into practice of its value (a session in progress is resumed).
    let navigate = use_navigate();
    let practise = Callback::new(move |value: String| {
        let (Some(store), Some(content), Some(account)) =
            (store(), app.content.get_untracked(), app.account_id())
        else {
            return;
        };
        let navigate = navigate.clone();
        spawn_local(async move {
            let existing = store.practice_session(&account).await.ok().flatten();
            if existing.is_some()
                || crate::practice::start(&store, &content, &account, &value)
                    .await
                    .is_ok()
            {
                navigate("/latihan/sesi", Default::default());
            }
        });
    });

    let save_reflection = move |_| {
        let (Some(store), Some(account)) = (store(), app.account_id()) else {
            return;
        };
        let text = reflection.get_untracked();
        if text.trim().is_empty() || busy.get_untracked() {
            return;
        }
        busy.set(true);
        let id = module_id();
        spawn_local(async move {
            match journal::reflect(&store, &account, &id, &text).await {
                Ok(_) => {
                    reflection.set(String::new());
                    reflection_saved.set(true);
                    triggers::saved(app);
                    load();
                }
                Err(_) => message.set(Some(app.tr().save_failed.to_owned())),
            }
            busy.set(false);
        });
    };

    let commit = move |_| {
        let (Some(store), Some(account), Some(m)) = (store(), app.account_id(), module()) else {
            return;
        };
        let l = lang.get_untracked();
        let chosen = choice.get_untracked();
        let (action_id, text) = if chosen == "own" {
            (None, own.get_untracked())
        } else {
            match m.actions.iter().find(|a| a.id == chosen) {
                Some(a) => (Some(a.id.clone()), a.text.get(l).to_owned()),
                None => (None, String::new()),
            }
        };
        if text.trim().is_empty() {
            message.set(Some(app.tr().commit_needs_choice.to_owned()));
            return;
        }
        busy.set(true);
        spawn_local(async move {
            match journal::commit(&store, &account, &m.id, action_id, &text).await {
                Ok(item) => {
                    if let Entry::Commitment { due_on, .. } = &item.entry {
                        message.set(Some(i18n::committed_until(l, due_on)));
                    }
                    choice.set(String::new());
                    own.set(String::new());
                    triggers::saved(app);
                    load();
                }
                Err(_) => message.set(Some(app.tr().save_failed.to_owned())),
            }
            busy.set(false);
        });
    };

    let body = move || {
        let m = module()?;
        let l = lang.get();
        let t = app.tr();
        let content = app.content.get();
        let indicators = m
            .indicators
            .iter()
            .map(|ex| {
                // h2: the cards follow the h1 directly (a skipped level confuses
                // screen-reader heading navigation); styled as a small heading.
                view! {
                    <section class="card indicator">
                        <h2 class="indicator-name">{indicator_text(content.as_deref(), &ex.indicator, l)}</h2>
                        <p><strong>{t.looks_like} ": "</strong>{ex.looks_like.get(l).to_owned()}</p>
                        <p><strong>{t.not_like} ": "</strong>{ex.not_like.get(l).to_owned()}</p>
                    </section>
                }
            })
            .collect_view();
        let mine: Vec<JournalItem> = journal
            .get()
            .into_iter()
            .filter(|i| match &i.entry {
                Entry::Reflection { module_id, .. } | Entry::Commitment { module_id, .. } => {
                    *module_id == m.id
                }
            })
            .collect();
        let past = mine
            .iter()
            .map(|i| match &i.entry {
                Entry::Reflection { text, .. } => view! {
                    <li class="journal-item"><strong>{t.reflection_heading} ": "</strong>{text.clone()}</li>
                }.into_any(),
                Entry::Commitment { text, due_on, .. } => view! {
                    <li class="journal-item"><strong>{t.commit_heading} ": "</strong>{text.clone()}
                        <span class="muted">{format!(" · {due_on}")}</span></li>
                }.into_any(),
            })
            .collect_view();
        let actions = m
            .actions
            .iter()
            .map(|a| {
                let id = a.id.clone();
                let id2 = a.id.clone();
                view! {
                    <label class="check action-option">
                        <input type="radio" name="action" value=a.id.clone()
                            prop:checked=move || choice.get() == id
                            on:change=move |_| choice.set(id2.clone()) />
                        <span>{a.text.get(l).to_owned()}</span>
                    </label>
                }
            })
            .collect_view();
        let practice_link = m.value.clone().map(|value| {
            view! {
                <button type="button" class="btn btn-secondary" data-testid="practice-value"
                    on:click=move |_| practise.run(value.clone())>{t.practice_value}</button>
            }
        });
        Some(view! {
            <article class="module" data-testid="module">
                <h1>{m.title.get(l).to_owned()}</h1>
                <p class="muted">{i18n::minutes(l, m.minutes)}</p>
                <div class="prose">{paragraphs(m.intro.get(l))}</div>
                {indicators}
                <section class="story" aria-labelledby="story-h">
                    <p class="story-label">{t.illustration}</p>
                    <h2 id="story-h">{m.story.title.get(l).to_owned()}</h2>
                    <div class="prose">{paragraphs(m.story.body.get(l))}</div>
                </section>
                <section class="card" aria-labelledby="reflect-h">
                    <h2 id="reflect-h">{t.reflection_heading}</h2>
                    <p class="reflection-q">{m.reflection.get(l).to_owned()}</p>
                    <label for="reflection">{t.reflection_label}</label>
                    <textarea id="reflection" rows="4" maxlength="5000"
                        prop:value=move || reflection.get()
                        on:input=move |ev| { reflection_saved.set(false); reflection.set(event_target_value(&ev)) }></textarea>
                    <button type="button" class="btn btn-secondary" disabled=move || busy.get() on:click=save_reflection>
                        {t.reflection_save}
                    </button>
                    <Show when=move || reflection_saved.get()>
                        <p role="status" class="ok">{move || app.tr().reflection_saved}</p>
                    </Show>
                </section>
                <section class="card" aria-labelledby="commit-h">
                    <h2 id="commit-h">{t.commit_heading}</h2>
                    <p>{t.commit_intro}</p>
                    <fieldset class="actions-list">
                        <legend class="visually-hidden">{t.commit_heading}</legend>
                        {actions}
                        <label class="check action-option">
                            <input type="radio" name="action" value="own"
                                prop:checked=move || choice.get() == "own"
                                on:change=move |_| choice.set("own".into()) />
                            <span>{t.own_action}</span>
                        </label>
                    </fieldset>
                    <Show when=move || choice.get() == "own">
                        <label for="own-action">{move || app.tr().own_action_label}</label>
                        <textarea id="own-action" rows="2" maxlength="500"
                            prop:value=move || own.get()
                            on:input=move |ev| own.set(event_target_value(&ev))></textarea>
                    </Show>
                    <button type="button" class="btn btn-primary" data-testid="commit" disabled=move || busy.get() on:click=commit>
                        {t.commit_button}
                    </button>
                    <Show when=move || message.with(Option::is_some)>
                        <p role="status" data-testid="commit-message">{move || message.get()}</p>
                    </Show>
                </section>
                {(!mine.is_empty()).then(|| view! {
                    <section aria-labelledby="mine-h">
                        <h2 id="mine-h">{t.your_commitments}</h2>
                        <ul class="journal">{past}</ul>
                    </section>
                })}
                <div class="actions">{practice_link}</div>
            </article>
        })
    };
    view! {
        <div class="page">
            {move || match body() {
                Some(v) => v.into_any(),
                None => view! { <NotFound /> }.into_any(),
            }}
        </div>
    }
}
