//! Choose what to practise: one value, or a mix of all seven.

use crate::practice;
use crate::state::{store, use_app};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{A, Redirect};
use leptos_router::hooks::use_navigate;
use resapi_core::practice::MIXED;

#[component]
pub fn PracticePickPage() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let navigate = use_navigate();
    let start = Callback::new(move |scope: String| {
        let (Some(store), Some(content), Some(account)) =
            (store(), app.content.get_untracked(), app.account_id())
        else {
            return;
        };
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            // A session already in progress is resumed, not replaced.
            let existing = store.practice_session(&account).await.ok().flatten();
            let ok = existing.is_some()
                || practice::start(&store, &content, &account, &scope)
                    .await
                    .is_ok();
            busy.set(false);
            if ok {
                navigate("/latihan/sesi", Default::default());
            } else {
                error.set(Some(app.tr().save_failed.to_owned()));
            }
        });
    });
    let choices = move || {
        let mut list = vec![(
            MIXED.to_owned(),
            app.tr().mixed.to_owned(),
            app.tr().mixed_hint.to_owned(),
        )];
        if let Some(c) = app.content.get() {
            list.extend(c.values.iter().map(|v| {
                (
                    v.id.clone(),
                    v.name.get(lang.get()).to_owned(),
                    v.summary.get(lang.get()).to_owned(),
                )
            }));
        }
        list
    };
    view! {
        <Show when=move || app.session.with(Option::is_some) fallback=|| view! { <Redirect path="/masuk" /> }>
            <div class="page">
                <h1>{move || app.tr().practice_title}</h1>
                <Show
                    when=move || app.content.with(Option::is_some)
                    fallback=move || view! {
                        <Show when=move || app.content_missing()>
                            <p class="hint">{move || app.tr().no_content}</p>
                            <A href="/">{move || app.tr().back_home}</A>
                        </Show>
                    }
                >
                    <p class="lead">{move || app.tr().practice_pick}</p>
                    <Show when=move || error.with(Option::is_some)>
                        <p class="form-error" role="alert">{move || error.get()}</p>
                    </Show>
                    <ul class="choice-list">
                        <For each=choices key=|(id, name, _)| (id.clone(), name.clone()) let((id, name, hint))>
                            {
                                view! {
                                    <li>
                                        <button
                                            type="button"
                                            class="choice"
                                            data-scope=id.clone()
                                            disabled=move || busy.get()
                                            on:click=move |_| start.run(id.clone())
                                        >
                                            <span class="choice-name">{name}</span>
                                            <span class="choice-hint">{hint}</span>
                                        </button>
                                    </li>
                                }
                            }
                        </For>
                    </ul>
                </Show>
            </div>
        </Show>
    }
}
