//! `/konsol/lomba/{id}/piagam`: certificates (*piagam penghargaan*) for the three best
//! ranked units and the three best people, one per A4 landscape page when printed ("Cetak"
//! opens the browser's print dialog; the screen's frame and buttons are not printed).

use super::id_param;
use super::results::unit_name;
use super::when::{long_date, now};
use crate::console::api as console_api;
use crate::console::i18n::lomba::{self as i18n, lomba_tr};
use crate::console::lomba_api;
use crate::console::pages::dashboard::cells::number;
use crate::console::pages::latest_answer::LatestAnswer;
use crate::console::pages::unit_choice::top_name;
use crate::console::problem::{Loading, Problem};
use crate::console::state::use_console;
use leptos::prelude::*;
use leptos::task::spawn_local;
use resapi_core::Lang;
use resapi_core::competition::wire::CompetitionResults;
use std::sync::Arc;

/// Places that get a certificate.
const PODIUM: u32 = 3;

/// One certificate: who, for which place, with which score.
#[derive(Debug, Clone, PartialEq)]
pub struct Award {
    pub recipient: String,
    /// The person's unit (none for a unit's certificate).
    pub unit: Option<String>,
    pub rank: u32,
    pub score: f64,
}

/// The certificates: ranked units placed 1–3, then people placed 1–3 (ties share a place,
/// so a tie may give more than three).
pub fn awards(r: &CompetitionResults) -> (Vec<Award>, Vec<Award>) {
    let units = r
        .ranking
        .units
        .iter()
        .filter_map(|s| {
            s.rank.filter(|rank| *rank <= PODIUM).map(|rank| Award {
                recipient: unit_name(r, &s.unit),
                unit: None,
                rank,
                score: s.score,
            })
        })
        .collect();
    let people = r
        .people
        .iter()
        .filter(|p| p.rank <= PODIUM)
        .map(|p| Award {
            recipient: p.name.clone(),
            unit: Some(unit_name(r, &p.ranked_unit_id)),
            rank: p.rank,
            score: p.score,
        })
        .collect();
    (units, people)
}

#[component]
pub fn LombaPiagamPage() -> impl IntoView {
    let console = use_console();
    let lang = console.lang;
    let t = move || lomba_tr(lang.get());
    let id = id_param();
    let token = console.token().unwrap_or_default();
    let agency = RwSignal::new(None::<String>);
    {
        let token = token.clone();
        spawn_local(async move {
            if let Ok(units) = console_api::units(&token).await {
                agency.try_set(top_name(&units));
            }
        });
    }
    let results = LatestAnswer::follow(move || {
        let token = token.clone();
        async move { lomba_api::results(&token, id).await }
    });
    let print = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let sheets = move || {
        results.answer.get().map(|r: Arc<CompetitionResults>| {
            let lang = lang.get();
            let c = &r.competition;
            let date = long_date(c.published_at.unwrap_or_else(now), c.zone, lang);
            let agency = agency.get().unwrap_or_default();
            let (units, people) = awards(&r);
            let none = (units.is_empty() && people.is_empty())
                .then(|| view! { <p data-testid="piagam-none">{lomba_tr(lang).piagam_none}</p> });
            let sheet =
                |a: Award, kind: &'static str| certificate(a, kind, &agency, &c.name, &date, lang);
            view! {
                {none}
                {units.into_iter().map(|a| sheet(a, "unit")).collect_view()}
                {people.into_iter().map(|a| sheet(a, "person")).collect_view()}
            }
        })
    };
    view! {
        <div class="page console-page lomba-piagam" data-testid="lomba-piagam">
            <div class="no-print">
                <h1>{move || t().piagam_title}</h1>
                <p>{move || t().piagam_intro}</p>
                <p class="form-actions">
                    <button type="button" class="btn btn-primary" data-testid="piagam-print" on:click=print>
                        {move || t().print}
                    </button>
                    <a class="btn btn-secondary" href=super::results_href(id)>{move || t().open_results}</a>
                </p>
                <Loading when=results.loading label=Signal::derive(move || t().results_loading) />
                <Problem error=results.error retry=results.retry() />
            </div>
            {sheets}
        </div>
    }
}

fn certificate(
    a: Award,
    kind: &'static str,
    agency: &str,
    competition: &str,
    date: &str,
    lang: Lang,
) -> impl IntoView + use<> {
    let t = lomba_tr(lang);
    view! {
        <article class="piagam" data-testid="piagam" data-kind=kind data-rank=a.rank>
            <p class="piagam-agency">{agency.to_owned()}</p>
            <h2 class="piagam-title">{t.piagam_heading}</h2>
            <p class="piagam-given">{t.given_to}</p>
            <p class="piagam-recipient" data-testid="piagam-recipient">{a.recipient}</p>
            {a.unit.map(|u| view! { <p class="piagam-unit">{u}</p> })}
            <p class="piagam-place" data-testid="piagam-place">{i18n::place(lang, a.rank)}</p>
            <p class="piagam-competition">{i18n::in_competition(lang, competition)}</p>
            <p class="piagam-score">{i18n::with_score(lang, &number(a.score, 2, lang))}</p>
            <p class="piagam-date">{date.to_owned()}</p>
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use resapi_core::competition::draw::QuestionSource;
    use resapi_core::competition::ranking::{Ranking, RankingRule, UnitStanding, Unranked};
    use resapi_core::competition::schedule::{Phase, Zone};
    use resapi_core::competition::wire::{Competition, PersonResult};
    use time::macros::datetime;
    use uuid::Uuid;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn standing(unit: &str, rank: Option<u32>, score: f64) -> UnitStanding {
        UnitStanding {
            unit: unit.into(),
            rank,
            unranked: rank.is_none().then_some(Unranked::TooFewParticipants),
            members: 10,
            participants: 5,
            participation: 0.5,
            mean: Some(0.6),
            weight: 0.67,
            shrunk_mean: 0.6,
            score,
            mean_finished_ms: None,
        }
    }

    fn person(name: &str, rank: u32) -> PersonResult {
        PersonResult {
            rank,
            account_id: Uuid::nil(),
            name: name.into(),
            unit_id: "sdm-1".into(),
            ranked_unit_id: "sdm".into(),
            correct: 7,
            total: 7,
            score: 100.0,
            seconds: 300,
        }
    }

    #[wasm_bindgen_test]
    fn the_first_three_places_get_certificates_ties_included_and_unranked_units_none() {
        let at = datetime!(2026-12-01 00:00 UTC);
        let results = CompetitionResults {
            competition: Competition {
                id: Uuid::nil(),
                name: "Lomba".into(),
                description: String::new(),
                unit_id: "root".into(),
                zone: Zone::Wib,
                opens_at: at,
                closes_at: at,
                opens_local: String::new(),
                closes_local: String::new(),
                grace_hours: 48,
                limit_minutes: 15,
                questions: QuestionSource::PerValue { per_value: 1 },
                question_count: 7,
                rule: RankingRule::default(),
                phase: Phase::Final,
                cancel_reason: None,
                published_at: None,
                created_at: at,
            },
            ranking: Ranking {
                rule: RankingRule::default(),
                overall_mean: Some(0.6),
                units: vec![
                    standing("sdm", Some(1), 80.0),
                    standing("keu", Some(2), 70.0),
                    standing("umum", Some(2), 70.0),
                    standing("humas", Some(4), 60.0),
                    standing("ren", None, 90.0),
                ],
            },
            unit_names: vec![("sdm".into(), "Biro SDM".into())],
            people: vec![
                person("Andi", 1),
                person("Bayu", 2),
                person("Citra", 2),
                person("Dewi", 4),
            ],
            items: vec![],
            refused: vec![],
        };
        let (units, people) = awards(&results);
        assert_eq!(
            units
                .iter()
                .map(|a| (a.recipient.as_str(), a.rank))
                .collect::<Vec<_>>(),
            vec![("Biro SDM", 1), ("keu", 2), ("umum", 2)]
        );
        assert_eq!(
            people
                .iter()
                .map(|a| (a.recipient.as_str(), a.unit.as_deref()))
                .collect::<Vec<_>>(),
            vec![
                ("Andi", Some("Biro SDM")),
                ("Bayu", Some("Biro SDM")),
                ("Citra", Some("Biro SDM"))
            ]
        );
    }
}
