//! `/konsol/lomba/{id}/hasil`: the results once nothing more can arrive. The unit ranking
//! with every input of each score and the rule's parameters above it (anyone can recompute
//! their unit's score), the units listed but not ranked and why, the people, the attempts
//! refused by code, the item analysis (to retire weak questions), and "Umumkan hasil".

use super::when::{minutes_seconds, moment};
use super::{PhaseBadge, detail_href, id_param, piagam_href};
use crate::api::ApiError;
use crate::console::i18n::lomba::{self as i18n, lomba_tr};
use crate::console::i18n::quality::flag;
use crate::console::lomba_api;
use crate::console::pages::confirm::ConfirmAction;
use crate::console::pages::dashboard::cells::number;
use crate::console::pages::dashboard::names::Names;
use crate::console::pages::data_table::DataTable;
use crate::console::pages::latest_answer::LatestAnswer;
use crate::console::problem::{Loading, Problem};
use crate::console::state::use_console;
use leptos::prelude::*;
use leptos::task::spawn_local;
use resapi_core::Lang;
use resapi_core::competition::ranking::{Ranking, UnitStanding};
use resapi_core::competition::schedule::Phase;
use resapi_core::competition::wire::{CompetitionResults, ItemResult, PersonResult};
use std::sync::Arc;

/// A unit's name from the results' list (its id when the list lacks it).
pub fn unit_name(results: &CompetitionResults, id: &str) -> String {
    results
        .unit_names
        .iter()
        .find(|(u, _)| u == id)
        .map_or_else(|| id.to_owned(), |(_, name)| name.clone())
}

fn percent(x: f64, lang: Lang) -> String {
    format!("{} %", number(100.0 * x, 1, lang))
}

#[component]
pub fn LombaResultsPage() -> impl IntoView {
    let console = use_console();
    let lang = console.lang;
    let t = move || lomba_tr(lang.get());
    let id = id_param();
    let token = console.token().unwrap_or_default();
    let results = LatestAnswer::follow(move || {
        let token = token.clone();
        async move { lomba_api::results(&token, id).await }
    });
    let names = Names::load();
    let body = move || {
        results.answer.get().map(|r: Arc<CompetitionResults>| {
            let lang = lang.get();
            let t = lomba_tr(lang);
            let c = &r.competition;
            let published = c.published_at.map(|at| {
                view! { <p data-testid="lomba-published-at">{i18n::published_at(lang, &moment(at, c.zone, lang))}</p> }
            });
            view! {
                <h2 data-testid="lomba-results-name">{c.name.clone()}" " <PhaseBadge phase=c.phase /></h2>
                {published}
                <p class="form-actions">
                    <a class="btn btn-secondary" href=detail_href(c.id)>{t.open_detail}</a>
                    <a class="btn btn-secondary" href=piagam_href(c.id) data-testid="lomba-open-piagam">{t.open_piagam}</a>
                </p>
                <PublishButton results=results.answer />
                {unit_section(&r, lang)}
                {people_section(&r, lang)}
                {refused_section(&r.refused, lang)}
                {items_section(&r.items, &names.get(), lang)}
            }
        })
    };
    view! {
        <div class="page console-page lomba dash" data-testid="lomba-results" aria-busy=move || results.loading.get().to_string()>
            <h1>{move || t().results_title}</h1>
            <Loading when=results.loading label=Signal::derive(move || t().results_loading) />
            <Problem error=results.error retry=results.retry() />
            {body}
        </div>
    }
}

/// "Umumkan hasil" (with a confirmation) while final; the published competition replaces
/// the one on screen.
#[component]
fn PublishButton(results: RwSignal<Option<Arc<CompetitionResults>>>) -> impl IntoView {
    let console = use_console();
    let lang = console.lang;
    let t = move || lomba_tr(lang.get());
    let confirming = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<ApiError>);
    let phase = move || results.with(|r| r.as_ref().map(|r| r.competition.phase));
    let publish = move |()| {
        if busy.get_untracked() {
            return;
        }
        let Some(token) = console.token() else { return };
        let Some(id) = results.with_untracked(|r| r.as_ref().map(|r| r.competition.id)) else {
            return;
        };
        busy.set(true);
        problem.set(None);
        spawn_local(async move {
            match lomba_api::publish(&token, id).await {
                Ok(c) => {
                    results.update(|r| {
                        if let Some(r) = r {
                            let mut next = (**r).clone();
                            next.competition = c;
                            *r = Arc::new(next);
                        }
                    });
                    confirming.try_set(false);
                }
                Err(e) => {
                    console.failed(&e);
                    problem.try_set(Some(e));
                }
            }
            busy.try_set(false);
        });
    };
    view! {
        <Problem error=problem />
        <Show when=move || phase() == Some(Phase::Final)>
            <div class="lomba-action no-print">
                <p>{move || t().publish_intro}</p>
                <ConfirmAction
                    label=Signal::derive(move || t().publish.to_owned())
                    question=Signal::derive(move || t().publish_question.to_owned())
                    yes=Signal::derive(move || t().publish_yes.to_owned())
                    testid="lomba-publish" busy=busy asking=confirming
                    on_yes=Callback::new(publish) class="btn btn-primary" />
            </div>
        </Show>
        <p class="console-notice" role="status" data-testid="lomba-publish-status">
            {move || (phase() == Some(Phase::Published)).then(|| t().published_notice)}
        </p>
    }
}

fn rule_line(ranking: &Ranking, lang: Lang) -> String {
    let rule = &ranking.rule;
    let mu = ranking
        .overall_mean
        .map_or_else(|| "–".to_owned(), |m| percent(m, lang));
    i18n::rule_parameters(
        lang,
        &number(rule.prior_people, 0, lang),
        &number(rule.participation_share, 2, lang),
        rule.min_participants,
        &mu,
    )
}

fn standing_row(s: &UnitStanding, name: String, lang: Lang) -> impl IntoView + use<> {
    view! {
        <tr data-testid="lomba-unit-row" data-unit=s.unit.clone()>
            <td class="num" data-testid="rank">{s.rank.map_or_else(|| "–".to_owned(), |r| r.to_string())}</td>
            <th scope="row">{name}</th>
            <td class="num">{s.members}</td>
            <td class="num">{s.participants}</td>
            <td class="num">{percent(s.participation, lang)}</td>
            <td class="num">{s.mean.map_or_else(|| "–".to_owned(), |m| percent(m, lang))}</td>
            <td class="num">{number(s.weight, 2, lang)}</td>
            <td class="num">{percent(s.shrunk_mean, lang)}</td>
            <td class="num" data-testid="score"><strong>{number(s.score, 2, lang)}</strong></td>
        </tr>
    }
}

fn unit_section(r: &CompetitionResults, lang: Lang) -> impl IntoView + use<> {
    let t = lomba_tr(lang);
    let ranked: Vec<&UnitStanding> = r
        .ranking
        .units
        .iter()
        .filter(|s| s.rank.is_some())
        .collect();
    let unranked: Vec<&UnitStanding> = r
        .ranking
        .units
        .iter()
        .filter(|s| s.rank.is_none())
        .collect();
    let rows = ranked
        .iter()
        .map(|s| standing_row(s, unit_name(r, &s.unit), lang))
        .collect_view();
    let table = (!ranked.is_empty()).then(|| {
        DataTable::new(
            "lomba-ranking",
            vec![
                t.rank,
                t.unit,
                t.col_members,
                t.col_participants,
                t.col_participation,
                t.col_mean,
                t.col_weight,
                t.col_shrunk,
                t.col_score,
            ],
        )
        .caption(t.ranking_caption)
        .view(rows, None)
    });
    let none_ranked = ranked
        .is_empty()
        .then(|| view! { <p data-testid="lomba-none-ranked">{t.none_ranked}</p> });
    let min = r.ranking.rule.min_participants;
    let unranked_list = (!unranked.is_empty()).then(|| {
        let items = unranked
            .iter()
            .map(|s| {
                view! {
                    <li data-testid="lomba-unranked" data-unit=s.unit.clone()>
                        <strong>{unit_name(r, &s.unit)}</strong>": "
                        {i18n::unranked_why(lang, s.participants, s.members, min)}
                    </li>
                }
            })
            .collect_view();
        view! {
            <h3>{t.unranked_head}</h3>
            <ul class="lomba-unranked">{items}</ul>
        }
    });
    view! {
        <section class="dash-section" aria-labelledby="lomba-units-head">
            <h2 id="lomba-units-head">{t.units_head}</h2>
            <p data-testid="lomba-rule"><strong>{rule_line(&r.ranking, lang)}</strong></p>
            <p data-testid="lomba-rule-sentence">{t.rule_sentence}</p>
            {table}
            {none_ranked}
            {unranked_list}
        </section>
    }
}

fn person_row(p: &PersonResult, unit: String, lang: Lang) -> impl IntoView + use<> {
    view! {
        <tr data-testid="lomba-person-row">
            <td class="num">{p.rank}</td>
            <th scope="row">{p.name.clone()}</th>
            <td>{unit}</td>
            <td class="num">{format!("{}/{}", p.correct, p.total)}</td>
            <td class="num">{number(p.score, 2, lang)}</td>
            <td class="num">{minutes_seconds(p.seconds, lang)}</td>
        </tr>
    }
}

fn people_section(r: &CompetitionResults, lang: Lang) -> impl IntoView + use<> {
    let t = lomba_tr(lang);
    let body = if r.people.is_empty() {
        view! { <p data-testid="lomba-no-people">{t.no_people}</p> }.into_any()
    } else {
        let rows = r
            .people
            .iter()
            .map(|p| person_row(p, unit_name(r, &p.ranked_unit_id), lang))
            .collect_view();
        DataTable::new(
            "lomba-people",
            vec![
                t.rank,
                t.person,
                t.unit,
                t.correct_total,
                t.col_score,
                t.time_taken,
            ],
        )
        .caption(i18n::people_caption(lang, r.people.len()))
        .view(rows, None)
    };
    view! {
        <section class="dash-section" aria-labelledby="lomba-people-head">
            <h2 id="lomba-people-head">{t.people_head}</h2>
            {body}
        </section>
    }
}

fn refused_section(refused: &[(String, u32)], lang: Lang) -> impl IntoView + use<> {
    let t = lomba_tr(lang);
    let body = if refused.is_empty() {
        view! { <p data-testid="lomba-none-refused">{t.none_refused}</p> }.into_any()
    } else {
        let rows = refused
            .iter()
            .map(|(code, n)| {
                view! {
                    <tr data-testid="lomba-refused-row" data-code=code.clone()>
                        <th scope="row">{i18n::refusal(lang, code)}<span class="item-id">" ("{code.clone()}")"</span></th>
                        <td class="num">{*n}</td>
                    </tr>
                }
            })
            .collect_view();
        DataTable::new("lomba-refused", vec![t.refusal_reason, t.attempts]).view(rows, None)
    };
    view! {
        <section class="dash-section" aria-labelledby="lomba-refused-head">
            <h2 id="lomba-refused-head">{t.refused_head}</h2>
            <p>{t.refused_intro}</p>
            {body}
        </section>
    }
}

fn item_row(item: &ItemResult, names: &Names, lang: Lang) -> impl IntoView + use<> {
    let t = lomba_tr(lang);
    let figures = match &item.stats {
        Ok(s) => {
            let options = s
                .options
                .iter()
                .map(|o| {
                    let key = (o.option == item.answer || o.correct).then(|| view! { " " <strong>{t.key}</strong> });
                    view! {
                        <li data-option=o.option.clone()>
                            {o.option.to_uppercase()}" · "{percent(o.share, lang)}" ("{o.chosen}")"{key}
                        </li>
                    }
                })
                .collect_view();
            let flags = if s.flags.is_empty() {
                view! { <span>{t.no_flag}</span> }.into_any()
            } else {
                s.flags
                    .iter()
                    .map(|f| view! { <strong class="item-flag">{flag(lang, *f)}</strong><br /> })
                    .collect_view()
                    .into_any()
            };
            view! {
                <td class="num">{s.n}</td>
                <td class="num" data-testid="difficulty">{number(s.difficulty, 2, lang)}</td>
                <td class="num" data-testid="point-biserial">{s.point_biserial.map_or_else(|| "–".to_owned(), |d| number(d, 2, lang))}</td>
                <td><ul class="wrong-options">{options}</ul></td>
                <td data-testid="flags">{flags}</td>
            }
            .into_any()
        }
        Err(reason) => view! {
            <td colspan="5">
                <span class="dash-hidden" data-testid="item-reason" data-reason=reason.code()>
                    {reason.message().get(lang).to_owned()}
                </span>
            </td>
        }
        .into_any(),
    };
    let flagged = item.stats.as_ref().is_ok_and(|s| !s.flags.is_empty());
    view! {
        <tr data-testid="lomba-item-row" data-question=item.question_id.clone() class:item-flagged=flagged>
            <th scope="row" class="item-text">{item.stem.get(lang).to_owned()}<span class="item-id">" ("{item.question_id.clone()}")"</span></th>
            <td>{names.value(&item.value, lang)}</td>
            {figures}
        </tr>
    }
}

fn items_section(items: &[ItemResult], names: &Names, lang: Lang) -> impl IntoView + use<> {
    let t = lomba_tr(lang);
    let rows = items
        .iter()
        .map(|i| item_row(i, names, lang))
        .collect_view();
    view! {
        <section class="dash-section" aria-labelledby="lomba-items-head">
            <h2 id="lomba-items-head">{t.items_head}</h2>
            <p>{t.items_intro}</p>
            {DataTable::new(
                "lomba-items",
                vec![
                    t.question,
                    t.value,
                    t.answered,
                    t.difficulty,
                    t.point_biserial,
                    t.option_shares,
                    t.flags,
                ],
            )
            .class("item-table")
            .view(rows, None)}
        </section>
    }
}
