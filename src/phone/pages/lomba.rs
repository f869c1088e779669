//! "Lomba": the competitions of one's units as last synced, in three parts: open (take it,
//! or continue, when the paper is on the phone), upcoming (when it opens, in local time) and
//! finished (awaiting results, the published score and rank, or the reason it was cancelled).
//! It reads the store only; the sync round brings the list and the papers.

use crate::competition::{Standing, refusals, standing};
use crate::local_time::{date_time, rfc3339};
use crate::phone::i18n::error_message;
use crate::phone::i18n_lomba::{self as t, LombaTr};
use crate::state::{store, use_app};
use crate::store::competitions::Attempt;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use resapi_core::Lang;
use resapi_core::competition::wire::{MyCompetition, MyCompetitions};
use time::OffsetDateTime;

/// What the list reads from the store.
#[derive(Clone, Default)]
struct Listed {
    list: Option<MyCompetitions>,
    papers: Vec<String>,
    attempts: Vec<Attempt>,
    /// Competition id → the server's refusal of the attempt sent from here (code, message).
    refused: Vec<(String, String, String)>,
}

#[component]
pub fn LombaPage() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let listed: RwSignal<Option<Listed>> = RwSignal::new(None);
    Effect::new(move |_| {
        let _ = app.competitions_version.get();
        let (Some(store), Some(account)) = (store(), app.account_id()) else {
            listed.set(Some(Listed::default()));
            return;
        };
        spawn_local(async move {
            listed.set(Some(Listed {
                list: store.my_competitions(&account).await.ok().flatten(),
                papers: store.papers_held(&account).await.unwrap_or_default(),
                attempts: store
                    .competition_attempts(&account)
                    .await
                    .unwrap_or_default(),
                refused: refusals(&store.attention(&account).await.unwrap_or_default())
                    .into_iter()
                    .map(|(id, i)| (id, i.code.clone(), i.message.clone()))
                    .collect(),
            }));
        });
    });
    let sections = move || {
        let l = lang.get();
        let tr = t::tr(l);
        let listed = listed.get()?;
        let Some(list) = listed.list else {
            return Some(
                view! { <p class="hint" data-testid="lomba-not-synced">{tr.not_synced}</p> }
                    .into_any(),
            );
        };
        if list.competitions.is_empty() {
            return Some(
                view! { <p class="hint" data-testid="lomba-empty">{tr.empty}</p> }.into_any(),
            );
        }
        let now = OffsetDateTime::now_utc();
        let mut rows: Vec<(Standing, MyCompetition, Option<String>)> = list
            .competitions
            .into_iter()
            .map(|c| {
                let id = c.id.to_string();
                let attempt = listed.attempts.iter().find(|a| a.competition_id == id);
                let refused = listed
                    .refused
                    .iter()
                    .find(|(c, ..)| *c == id)
                    .map(|(_, code, message)| error_message(l, code, message));
                let here = standing(
                    &c,
                    listed.papers.contains(&id),
                    attempt,
                    refused.is_some(),
                    now,
                );
                (here, c, refused)
            })
            .collect();
        rows.sort_by_key(|(s, c, _)| (s.section(), c.opens_at));
        let titles = [tr.section_open, tr.section_upcoming, tr.section_done];
        let parts = titles
            .into_iter()
            .enumerate()
            .filter(|(i, _)| rows.iter().any(|(s, ..)| s.section() == *i))
            .map(|(i, title)| {
                let items = rows
                    .iter()
                    .filter(|(s, ..)| s.section() == i)
                    .map(|(s, c, refused)| item(l, tr, *s, c, refused.clone()))
                    .collect_view();
                view! {
                    <section aria-labelledby=format!("lomba-s{i}")>
                        <h2 id=format!("lomba-s{i}")>{title}</h2>
                        <ul class="card-list">{items}</ul>
                    </section>
                }
            })
            .collect_view();
        Some(parts.into_any())
    };
    view! {
        <div class="page lomba" data-testid="lomba">
            <h1>{move || t::tr(lang.get()).title}</h1>
            <p class="lead">{move || t::tr(lang.get()).intro}</p>
            <Show when=move || listed.with(Option::is_some) fallback=move || view! { <p role="status">{move || app.tr().loading}</p> }>
                {sections}
            </Show>
        </div>
    }
}

/// One competition: what it is, when, and what can be done with it now.
fn item(
    l: Lang,
    tr: &'static LombaTr,
    s: Standing,
    c: &MyCompetition,
    refused: Option<String>,
) -> impl IntoView {
    let href = format!("/lomba/{}", c.id);
    let when = match s {
        Standing::Upcoming => t::opens(l, &date_time(&rfc3339(c.opens_at), l)),
        _ => t::closes(l, &date_time(&rfc3339(c.closes_at), l)),
    };
    let action = match s {
        Standing::Ready => view! { <A href=href attr:class="btn btn-primary" attr:data-testid="lomba-take">{tr.take}</A> }.into_any(),
        Standing::InProgress => view! { <A href=href attr:class="btn btn-primary" attr:data-testid="lomba-take">{tr.resume}</A> }.into_any(),
        Standing::NeedsDownload => view! { <p class="hint">{tr.needs_download}</p> }.into_any(),
        Standing::Upcoming => ().into_any(),
        Standing::Taken => view! { <p class="ok">{tr.taken}</p><p class="hint">{tr.awaiting}</p> }.into_any(),
        Standing::Refused => view! {
            <p class="warn" data-testid="lomba-refused">{tr.refused}" "{refused}</p>
            <A href="/perhatian">{tr.see_attention}</A>
        }.into_any(),
        Standing::Closed => view! { <p class="hint">{tr.closed}" · "{tr.awaiting}</p> }.into_any(),
        Standing::Cancelled => view! {
            <p class="warn">{tr.cancelled}</p>
            <p>{c.cancel_reason.as_deref().map(|r| t::reason(l, r))}</p>
        }.into_any(),
        Standing::Published => {
            let own = match &c.result {
                Some(r) => format!("{} · {}", t::own_score(l, r.correct, r.total, r.score), t::own_rank(l, r.rank, r.participants)),
                None => tr.not_taken.to_owned(),
            };
            view! {
                <p data-testid="lomba-own">{own}</p>
                <A href=format!("{href}/hasil") attr:class="btn btn-secondary" attr:data-testid="lomba-results">{tr.see_results}</A>
            }.into_any()
        }
    };
    view! {
        <li class="card" data-testid="lomba-item" data-id=c.id.to_string() data-standing=format!("{s:?}")>
            <h3>{c.name.clone()}</h3>
            <p class="muted">{t::size(l, c.question_count, c.limit_minutes)}" · "{when}</p>
            <p>{c.description.clone()}</p>
            {action}
        </li>
    }
}
