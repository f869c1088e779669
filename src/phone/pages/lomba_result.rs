//! `/lomba/:id/hasil`, after publication: one's score and rank, the unit's rank, a *piagam*
//! for winners, the unit podium and the best people, then every question with its key, one's
//! own choice and the explanation, and the value modules of what was missed.

use crate::phone::i18n::decimal;
use crate::phone::i18n_lomba::{self as t, LombaTr};
use crate::state::{store, use_app};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use resapi_core::Lang;
use resapi_core::competition::schedule::Phase;
use resapi_core::competition::wire::{MyCompetition, MyResult, ReviewedQuestion};
use resapi_core::content::ContentBundle;
use resapi_core::module::ModuleKind;

#[component]
pub fn LombaResultPage() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let params = use_params_map();
    let competition: RwSignal<Option<Option<MyCompetition>>> = RwSignal::new(None);
    Effect::new(move |_| {
        let _ = app.competitions_version.get();
        let id = params.read().get("id").unwrap_or_default();
        let (Some(store), Some(account)) = (store(), app.account_id()) else {
            competition.set(Some(None));
            return;
        };
        spawn_local(async move {
            let list = store.my_competitions(&account).await.ok().flatten();
            competition.set(Some(list.and_then(|l| {
                l.competitions.into_iter().find(|c| c.id.to_string() == id)
            })));
        });
    });
    let body = move || {
        let l = lang.get();
        let tr = t::tr(l);
        let c = competition.get()?;
        let Some(c) = c.filter(|c| c.phase == Phase::Published) else {
            return Some(
                view! {
                    <h1>{tr.results_title}</h1>
                    <p class="hint" data-testid="lomba-not-published">{tr.not_published}</p>
                    <A href="/lomba" attr:class="btn btn-secondary">{tr.back_to_list}</A>
                }
                .into_any(),
            );
        };
        let content = app.content.get();
        let own = match &c.result {
            Some(r) => own_view(l, tr, &c, r).into_any(),
            None => view! { <p>{tr.not_taken}</p> }.into_any(),
        };
        let podium = c.podium.iter().map(|u| view! {
            <li><span>{u.rank}". "{u.unit_name.clone()}</span><span class="num">{decimal(l, u.score)}</span></li>
        }).collect_view();
        let people = c.top_people.iter().map(|p| view! {
            <li><span>{p.rank}". "{p.name.clone()}" · "<span class="muted">{p.unit_name.clone()}</span></span><span class="num">{decimal(l, p.score)}</span></li>
        }).collect_view();
        Some(
            view! {
                <h1>{tr.results_title}</h1>
                <p class="lead">{c.name.clone()}</p>
                {own}
                <section aria-labelledby="lomba-podium">
                    <h2 id="lomba-podium">{tr.unit_ranking}</h2>
                    <ol class="per-value" data-testid="lomba-podium">{podium}</ol>
                </section>
                <section aria-labelledby="lomba-top">
                    <h2 id="lomba-top">{tr.top_people}</h2>
                    <ol class="per-value" data-testid="lomba-top-people">{people}</ol>
                </section>
                {c.result.map(|r| review_view(l, tr, r.review, content.as_deref()))}
                <A href="/lomba" attr:class="btn btn-secondary">{tr.back_to_list}</A>
            }
            .into_any(),
        )
    };
    view! {
        <div class="page lomba-result" data-testid="lomba-result">
            <Show when=move || competition.with(Option::is_some) fallback=move || view! { <p role="status">{move || app.tr().loading}</p> }>
                {body}
            </Show>
        </div>
    }
}

/// One's score and ranks, and the certificate when one (or one's unit) placed.
fn own_view(l: Lang, tr: &'static LombaTr, c: &MyCompetition, r: &MyResult) -> impl IntoView {
    let mut wins = Vec::new();
    if let Some(p) = c
        .top_people
        .iter()
        .find(|p| p.rank == r.rank && r.rank <= 3)
    {
        wins.push(t::winner(l, &p.name, r.rank, &c.name));
    }
    if let Some(rank) = r.unit_rank.filter(|rank| *rank <= 3) {
        wins.push(t::winner(l, &r.unit_name, rank, &c.name));
    }
    let certificate = (!wins.is_empty()).then(|| {
        view! {
            <section class="card piagam" aria-labelledby="lomba-piagam" data-testid="lomba-piagam">
                <h2 id="lomba-piagam">{tr.certificate}</h2>
                {wins.into_iter().map(|w| view! { <p class="piagam-line">{w}</p> }).collect_view()}
            </section>
        }
    });
    view! {
        <section class="card" aria-labelledby="lomba-own-h" data-testid="lomba-own-result">
            <h2 id="lomba-own-h">{tr.your_result}</h2>
            <p class="score-big num">{decimal(l, r.score)}</p>
            <p>{t::own_score(l, r.correct, r.total, r.score)}</p>
            <p data-testid="lomba-own-rank">{t::own_rank(l, r.rank, r.participants)}</p>
            <p data-testid="lomba-unit-rank">{t::unit_rank(l, &r.unit_name, r.unit_rank, r.units_ranked)}</p>
        </section>
        {certificate}
    }
}

/// Every question with the key, one's choice and why; then the modules of the values missed.
fn review_view(
    l: Lang,
    tr: &'static LombaTr,
    review: Vec<ReviewedQuestion>,
    content: Option<&ContentBundle>,
) -> impl IntoView {
    let mut missed: Vec<String> = Vec::new();
    for q in &review {
        if q.chosen.as_deref() != Some(q.answer.as_str()) && !missed.contains(&q.value) {
            missed.push(q.value.clone());
        }
    }
    let modules = content
        .map(|c| {
            c.modules
                .iter()
                .filter(|m| m.kind == ModuleKind::Value)
                .filter(|m| m.value.as_ref().is_some_and(|v| missed.contains(v)))
                .map(|m| (format!("/modul/{}", m.id), m.title.get(l).to_owned()))
                .map(|(href, title)| {
                    view! {
                        <li><A href=href attr:class="choice" attr:data-testid="lomba-module">
                            <span class="choice-name">{title}</span>
                        </A></li>
                    }
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let learn = (!modules.is_empty()).then(|| {
        view! {
            <section aria-labelledby="lomba-learn">
                <h2 id="lomba-learn">{tr.learn_more}</h2>
                <p class="hint">{tr.learn_more_hint}</p>
                <ul class="choice-list">{modules}</ul>
            </section>
        }
    });
    let items = review
        .into_iter()
        .map(|q| {
            let right = q.chosen.as_deref() == Some(q.answer.as_str());
            let text_of = |id: &str| q.options.iter().find(|o| o.id == id).map(|o| o.text.get(l).to_owned());
            let key = text_of(&q.answer).unwrap_or_default();
            let chosen = q.chosen.as_deref().and_then(text_of).unwrap_or_else(|| tr.not_answered.to_owned());
            view! {
                <li class=if right { "review" } else { "review review-wrong" } data-testid="lomba-review" data-right=right.to_string()>
                    <p class="review-stem">{q.stem.get(l).to_owned()}</p>
                    <p><strong>{tr.correct_answer}": "</strong>{key}</p>
                    <p><strong>{tr.your_choice}": "</strong>{chosen}</p>
                    <p class="muted">{q.explanation.get(l).to_owned()}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        {learn}
        <section aria-labelledby="lomba-review-h">
            <h2 id="lomba-review-h">{tr.review_title}</h2>
            <ul class="review-list">{items}</ul>
        </section>
    }
}
