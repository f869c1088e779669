//! A questionnaire's result, computed on the device by `resapi_core::scoring`: each
//! component with what it means, the change since the previous time, and the module to read
//! next for the weakest one.

use crate::components::not_found::NotFound;
use crate::local_time::date_time;
use crate::phone::i18n;
use crate::state::{store, use_app};
use crate::store::questionnaires::Response;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use resapi_core::Lang;
use resapi_core::advice::{Advice, advice};
use resapi_core::careless::{Careless, careless};
use resapi_core::commitment_reading::{CONTINUANCE, result_stays_for_the_cost};
use resapi_core::content::ContentBundle;
use resapi_core::questionnaire::{INDEKS_BERAKHLAK, KOMITMEN, Questionnaire};
use resapi_core::scoring::{self, ComponentScore, modules_for, target};
use resapi_core::weakest::weakest_component;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// One row of a result: a component's score as shown, and its plain-language meaning.
struct Row {
    component: String,
    name: String,
    /// Comparable number: the 1–5 mean for commitment, the percentage otherwise.
    number: Option<f64>,
    /// The percentage (what the advice is read from).
    percent: Option<f64>,
    shown: String,
    meaning: String,
    band: Option<String>,
}

/// Commitment reads best on its 1–5 scale; the others as percentages (docs/scoring.md).
fn uses_mean(q: &Questionnaire) -> bool {
    q.id == KOMITMEN
}

fn rows(content: &ContentBundle, q: &Questionnaire, r: &Response, lang: Lang) -> Vec<Row> {
    let t = i18n::tr(lang);
    let meaning = |id: &str, percent: Option<f64>| {
        let Some(c) = q.component(id) else {
            return String::new();
        };
        match advice(percent) {
            Advice::NotEnough => t.not_enough.to_owned(),
            Advice::Low => format!("{} {}", c.description.get(lang), c.low.get(lang)),
            Advice::High => format!("{} {}", c.description.get(lang), c.high.get(lang)),
        }
    };
    let name = |id: &str| {
        q.component(id)
            .map(|c| c.name.get(lang).to_owned())
            .unwrap_or_else(|| id.to_owned())
    };
    if q.id == INDEKS_BERAKHLAK {
        let Ok(index) = scoring::index_from_answers(q, &r.answers, &content.scoring) else {
            return Vec::new();
        };
        return index
            .values
            .iter()
            .map(|v| Row {
                component: v.value.clone(),
                name: name(&v.value),
                number: v.percent,
                percent: v.percent,
                shown: v
                    .percent
                    .map(|p| format!("{} %", i18n::decimal(lang, p)))
                    .unwrap_or_else(|| "—".into()),
                meaning: meaning(&v.value, v.percent),
                band: v
                    .band
                    .as_ref()
                    .map(|b| format!("{} · {}", b.grade, b.label.get(lang))),
            })
            .collect();
    }
    let Ok(scores) = scoring::score_components(q, &r.answers) else {
        return Vec::new();
    };
    scores
        .iter()
        .map(|s: &ComponentScore| Row {
            component: s.component.clone(),
            name: name(&s.component),
            number: if uses_mean(q) { s.mean } else { s.percent },
            percent: s.percent,
            shown: match (uses_mean(q), s.mean, s.percent) {
                (true, Some(m), _) => i18n::mean_of_five(lang, m),
                (false, _, Some(p)) => format!("{} %", i18n::decimal(lang, p)),
                _ => "—".into(),
            },
            meaning: meaning(&s.component, s.percent),
            band: None,
        })
        .collect()
}

/// Whether the response looks careless (same answer throughout, or faster than reading).
fn careless_of(q: &Questionnaire, r: &Response) -> Option<Careless> {
    let at = |s: &str| OffsetDateTime::parse(s, &Rfc3339).ok();
    careless(q, &r.answers, at(&r.started_at)?, at(&r.finished_at)?)
}

#[component]
pub fn QuestionnaireResultPage() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let params = use_params_map();
    let response: RwSignal<Option<Response>> = RwSignal::new(None);
    let previous: RwSignal<Option<Response>> = RwSignal::new(None);
    let loaded = RwSignal::new(false);
    Effect::new(move |_| {
        let id = params.read().get("rid").unwrap_or_default();
        let Some(account) = app.account_id() else {
            // Signed out: nobody's result is shown.
            response.set(None);
            loaded.set(true);
            return;
        };
        let Some(store) = store() else {
            return;
        };
        spawn_local(async move {
            // Someone else's response (a shared phone) is "not found".
            let found = store.own_response(&account, &id).await.ok().flatten();
            if let Some(r) = &found {
                let all = store.responses(&account).await.unwrap_or_default();
                previous.set(all.into_iter().rfind(|p| {
                    p.questionnaire_id == r.questionnaire_id && p.finished_at < r.finished_at
                }));
            }
            response.set(found);
            loaded.set(true);
        });
    });

    let body = move || {
        let l = lang.get();
        let t = app.tr();
        let r = response.get()?;
        let content = app.content.get()?;
        let q = content.questionnaire(&r.questionnaire_id)?.clone();
        let now = rows(&content, &q, &r, l);
        let before = previous
            .get()
            .map(|p| (rows(&content, &q, &p, l), date_time(&p.finished_at, l)));
        let scores: Vec<(&str, Option<f64>)> = now
            .iter()
            .map(|row| (row.component.as_str(), row.number))
            .collect();
        let weakest = weakest_component(&q.id, &scores, &content.mappings);
        let read_next = weakest.and_then(|w| {
            let name = now.iter().find(|row| row.component == w.component)?.name.clone();
            let module_id = w.module_id?;
            let title = content.module(&module_id)?.title.get(l).to_owned();
            Some(view! {
                <section class="card read-next" aria-labelledby="read-next-h" data-testid="read-next">
                    <h2 id="read-next-h">{t.read_next}</h2>
                    <p class="muted">{format!("{}: {}", t.weakest_label, name)}</p>
                    <A href=format!("/modul/{module_id}") attr:class="btn btn-primary">{title}</A>
                </section>
            })
        });
        // High continuance with low affective: a conversation, not a score to raise.
        let percents: Vec<(&str, Option<f64>)> = now
            .iter()
            .map(|row| (row.component.as_str(), row.percent))
            .collect();
        let stay_pattern = result_stays_for_the_cost(&q.id, &percents).then(|| {
            let module = modules_for(&content.mappings, &target(&q.id, CONTINUANCE))
                .first()
                .and_then(|id| Some((id.clone(), content.module(id)?.title.get(l).to_owned())));
            view! {
                <section class="card read-next" aria-labelledby="stay-pattern-h" data-testid="stay-pattern">
                    <h2 id="stay-pattern-h">{t.stay_pattern_title}</h2>
                    <p>{t.stay_pattern_text}</p>
                    {module.map(|(id, title)| view! {
                        <A href=format!("/modul/{id}") attr:class="btn btn-secondary">{title}</A>
                    })}
                </section>
            }
        });
        let overall = (q.id == INDEKS_BERAKHLAK)
            .then(|| scoring::index_from_answers(&q, &r.answers, &content.scoring).ok())
            .flatten()
            .map(|index| {
                let shown = index
                    .overall
                    .map(|p| format!("{} %", i18n::decimal(l, p)))
                    .unwrap_or_else(|| t.not_enough.to_owned());
                let band = index
                    .overall_band
                    .map(|b| format!(" · {} {}", b.grade, b.label.get(l)))
                    .unwrap_or_default();
                view! { <p class="score" data-testid="overall"><span class="score-big">{shown}</span><span>{band}</span></p> }
            });
        let careless_note = careless_of(&q, &r).map(|c| {
            let text = match c {
                Careless::SameAnswer { .. } => t.careless_same,
                Careless::TooFast { .. } => t.careless_fast,
            };
            view! { <p class="banner banner-info" role="note" data-testid="careless-note">{text}</p> }
        });
        let items = now
            .into_iter()
            .map(|row| {
                let change = before.as_ref().and_then(|(rows, when)| {
                    let old = rows.iter().find(|o| o.component == row.component)?.number?;
                    let unit = if uses_mean(&q) { "" } else { " poin" };
                    Some(i18n::change_since(l, row.number? - old, unit, when))
                });
                view! {
                    <li class="result-row" data-component=row.component.clone()>
                        <div class="result-head">
                            <h3>{row.name}</h3>
                            <span class="num">{row.shown}</span>
                        </div>
                        {row.band.map(|b| view! { <p class="band">{b}</p> })}
                        {change.map(|c| view! { <p class="muted">{c}</p> })}
                        <p>{row.meaning}</p>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <h1>{q.title.get(l).to_owned()}</h1>
            <p class="muted">{t.q_result_title} " · " {date_time(&r.finished_at, l)}</p>
            {careless_note}
            {overall}
            {stay_pattern}
            {read_next}
            <h2>{t.what_it_means}</h2>
            <ul class="result-list" data-testid="q-result">{items}</ul>
            <p class="hint">{t.repeat_hint}</p>
            <div class="actions">
                <A href=format!("/kuesioner/{}", q.id) attr:class="btn btn-secondary">{t.repeat_questionnaire}</A>
                <A href="/kuesioner" attr:class="btn btn-ghost">{t.questionnaires_title}</A>
            </div>
        })
    };
    view! {
        <div class="page q-result">
            <Show when=move || loaded.get() && app.content_read.get() fallback=move || view! { <p role="status">{move || app.tr().loading}</p> }>
                {move || match body() {
                    Some(v) => v.into_any(),
                    None => view! { <NotFound /> }.into_any(),
                }}
            </Show>
        </div>
    }
}
