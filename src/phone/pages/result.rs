//! The result of one practice session: score, per value, and each answer with the best one.

use crate::components::not_found::NotFound;
use crate::local_time::date_time;
use crate::phone::i18n;
use crate::state::{store, use_app};
use crate::store::practice_session::GivenAnswer;
use crate::store::results::PracticeResult;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use resapi_core::Lang;
use resapi_core::content::ContentBundle;
use resapi_core::practice::{MIXED, percent};

/// "Adaptif" or "Campuran" for a scope id.
pub fn scope_name(content: Option<&ContentBundle>, scope: &str, lang: Lang) -> String {
    if scope == MIXED {
        return i18n::tr(lang).mixed.to_owned();
    }
    if scope == resapi_core::practice::REVIEW {
        return i18n::tr(lang).review_scope.to_owned();
    }
    content
        .and_then(|c| c.value(scope))
        .map(|v| v.name.get(lang).to_owned())
        .unwrap_or_else(|| scope.to_owned())
}

/// Each answer with its question, the option chosen and, when wrong, the best one; for a
/// practice session and a live game alike.
pub fn review_list(
    content: Option<&ContentBundle>,
    answers: &[GivenAnswer],
    l: Lang,
) -> impl IntoView {
    let t = i18n::tr(l);
    answers
        .iter()
        .filter_map(|a| {
            let q = content?.question(&a.question_id)?.clone();
            let chosen = q.option(&a.option_id).map(|o| o.text.get(l).to_owned()).unwrap_or_default();
            let best = q.option(&q.answer).map(|o| o.text.get(l).to_owned()).unwrap_or_default();
            Some(view! {
                <li class=if a.correct { "review review-right" } else { "review review-wrong" }>
                    <p class="review-stem">{q.stem.get(l).to_owned()}</p>
                    <p><strong>{t.your_answer} ": "</strong>{chosen} {if a.correct { " ✓" } else { " ✗" }}</p>
                    {(!a.correct).then(|| view! { <p><strong>{t.best_answer} ": "</strong>{best}</p> })}
                    <p class="hint">{q.explanation.get(l).to_owned()}</p>
                </li>
            })
        })
        .collect_view()
}

#[component]
pub fn ResultPage() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let params = use_params_map();
    let result: RwSignal<Option<PracticeResult>> = RwSignal::new(None);
    let loaded = RwSignal::new(false);
    Effect::new(move |_| {
        let id = params.read().get("id").unwrap_or_default();
        // Signed out, or someone else's result: the not-found page.
        let Some(account) = app.account_id() else {
            result.set(None);
            loaded.set(true);
            return;
        };
        if let Some(store) = store() {
            spawn_local(async move {
                result.set(store.own_result(&account, &id).await.ok().flatten());
                loaded.set(true);
            });
        }
    });
    let view_result = move || {
        let r = result.get()?;
        let l = lang.get();
        let t = app.tr();
        let content = app.content.get();
        let per_value = r
            .per_value
            .iter()
            .map(|(value, (c, n))| {
                let name = scope_name(content.as_deref(), value, l);
                // Each value links to its module: the questions lead back to the reading.
                let module = content.as_ref().and_then(|c| {
                    c.modules
                        .iter()
                        .find(|m| m.value.as_deref() == Some(value.as_str()))
                        .map(|m| m.id.clone())
                });
                view! {
                    <li>
                        <span>{name}</span>
                        <span class="num">{format!("{c}/{n} · {}%", percent(*c, *n))}</span>
                        {module.map(|id| view! {
                            <A href=format!("/modul/{id}") attr:class="module-link">{t.read_module}</A>
                        })}
                    </li>
                }
            })
            .collect_view();
        let review = review_list(content.as_deref(), &r.answers, l);
        Some(view! {
            <h1>{t.result_title}</h1>
            <p class="muted">{scope_name(content.as_deref(), &r.scope, l)} " · " {date_time(&r.finished_at, l)}</p>
            <p class="score" data-testid="score">
                <span class="score-big">{format!("{}%", r.percent)}</span>
                <span>{i18n::score(l, r.correct, r.answered)}</span>
            </p>
            {(!r.completed).then(|| view! { <p class="hint">{t.stopped_early}</p> })}
            <h2>{t.per_value}</h2>
            <ul class="per-value">{per_value}</ul>
            <div class="actions">
                <A href="/latihan" attr:class="btn btn-primary">{t.practice_again}</A>
                <A href="/" attr:class="btn btn-secondary">{t.back_home}</A>
            </div>
            <h2>{t.review}</h2>
            <ol class="review-list">{review}</ol>
        })
    };
    view! {
        <div class="page result" data-testid="result">
            <Show when=move || loaded.get() && app.content_read.get() fallback=move || view! { <p role="status">{move || app.tr().loading}</p> }>
                {move || match view_result() {
                    Some(v) => v.into_any(),
                    None => view! { <NotFound /> }.into_any(),
                }}
            </Show>
        </div>
    }
}
