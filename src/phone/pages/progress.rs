//! Personal progress, drawn from the local store (so it works offline): practice accuracy
//! over time, mastery of the seven values, the commitment components and SMART ASN
//! indicators (latest vs previous), and the BerAKHLAK index with its A/B/C bands. Chart.js is
//! loaded only when this page opens; every chart has a summary sentence and a table.

use crate::charts::{ChartBand, ChartColour, ChartKind, ChartSpec, ChartView, Series};
use crate::local_time::date_time;
use crate::phone::i18n;
use crate::state::{store, use_app};
use crate::store::questionnaires::Response;
use crate::store::results::PracticeResult;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use resapi_core::Lang;
use resapi_core::catalog::VALUE_IDS;
use resapi_core::content::ContentBundle;
use resapi_core::live::played::{PlayedAnswer, played_games};
use resapi_core::mastery;
use resapi_core::practice::{REVIEW, percent};
use resapi_core::questionnaire::{INDEKS_BERAKHLAK, KOMITMEN, SMART_ASN};
use resapi_core::scoring;
use std::collections::BTreeMap;

/// Sessions shown on the accuracy line at most (a phone is narrow).
const LINE_SESSIONS: usize = 12;

fn value_name(content: &ContentBundle, id: &str, lang: Lang) -> String {
    content
        .value(id)
        .map(|v| v.name.get(lang).to_owned())
        .unwrap_or_else(|| id.to_owned())
}

/// Accuracy per session over time, for all values or one (`scope` = value id or "").
fn accuracy_line(results: &[PracticeResult], scope: &str, lang: Lang) -> ChartSpec {
    let t = i18n::tr(lang);
    let points: Vec<(String, f64)> = results
        .iter()
        .filter(|r| r.scope != REVIEW)
        .filter_map(|r| {
            let (c, n) = if scope.is_empty() {
                (r.correct, r.answered)
            } else {
                *r.per_value.get(scope)?
            };
            (n > 0).then(|| (date_time(&r.finished_at, lang), f64::from(percent(c, n))))
        })
        .collect();
    let points = &points[points.len().saturating_sub(LINE_SESSIONS)..];
    let mut spec = ChartSpec::new(
        ChartKind::Line,
        lang,
        points.iter().map(|(d, _)| d.clone()).collect(),
    )
    .label_header(t.chart_session)
    .y_range(0.0, 100.0)
    .unit(" %")
    .decimals(0)
    .empty(t.chart_need_two_sessions);
    if points.len() >= 2 {
        let values: Vec<f64> = points.iter().map(|(_, v)| *v).collect();
        spec = spec
            .series(Series::from_values(t.chart_accuracy, &values, ChartColour::Green).filled());
    }
    spec
}

/// value id → (correct, answered) over every practice answer and every live-quiz answer
/// (docs/scoring.md "Live answers in personal progress").
pub fn answers_per_value(
    content: &ContentBundle,
    results: &[PracticeResult],
    live: &[PlayedAnswer],
) -> BTreeMap<String, (u32, u32)> {
    let live = live.iter().filter_map(|a| {
        let value = content.question(&a.question_id)?.value.clone();
        Some((value, a.correct))
    });
    mastery::tally_by(
        results
            .iter()
            .flat_map(|r| &r.answers)
            .map(|a| (a.value.clone(), a.correct))
            .chain(live),
    )
}

fn mastery_radar(
    content: &ContentBundle,
    results: &[PracticeResult],
    live: &[PlayedAnswer],
    lang: Lang,
) -> (ChartSpec, String) {
    let t = i18n::tr(lang);
    let per = answers_per_value(content, results, live);
    let labels: Vec<String> = VALUE_IDS
        .iter()
        .map(|v| value_name(content, v, lang))
        .collect();
    let values: Vec<Option<f64>> = mastery::percents_in_order(&per, &VALUE_IDS)
        .into_iter()
        .map(|p| p.map(f64::from))
        .collect();
    let covered = values.iter().filter(|v| v.is_some()).count();
    let mut spec = ChartSpec::new(ChartKind::Radar, lang, labels.clone())
        .label_header(t.chart_value)
        .y_range(0.0, 100.0)
        .unit(" %")
        .decimals(0)
        .empty(t.chart_need_three_values);
    let mut summary = String::new();
    if covered >= 3 {
        spec =
            spec.series(Series::new(t.chart_accuracy, values.clone(), ChartColour::Green).filled());
        let scored: Vec<(&String, f64)> = labels
            .iter()
            .zip(&values)
            .filter_map(|(l, v)| v.map(|v| (l, v)))
            .collect();
        let best = scored.iter().max_by(|a, b| a.1.total_cmp(&b.1));
        let worst = scored.iter().min_by(|a, b| a.1.total_cmp(&b.1));
        if let (Some(best), Some(worst)) = (best, worst) {
            summary = i18n::mastery_summary(lang, best.0, best.1, worst.0, worst.1);
        }
    }
    (spec, summary)
}

/// The last two responses to a questionnaire, latest first.
fn last_two<'a>(
    responses: &'a [Response],
    id: &str,
) -> (Option<&'a Response>, Option<&'a Response>) {
    let mut it = responses.iter().rev().filter(|r| r.questionnaire_id == id);
    (it.next(), it.next())
}

/// Bars per component of `questionnaire_id`, latest vs previous (dashed, muted).
fn components_bars(
    content: &ContentBundle,
    responses: &[Response],
    questionnaire_id: &str,
    lang: Lang,
) -> (ChartSpec, String) {
    let t = i18n::tr(lang);
    let Some(q) = content.questionnaire(questionnaire_id) else {
        return (
            ChartSpec::new(ChartKind::Bar, lang, vec![]).empty(t.chart_not_filled),
            String::new(),
        );
    };
    let on_mean_scale = questionnaire_id == KOMITMEN;
    let labels: Vec<String> = q
        .components
        .iter()
        .map(|c| c.name.get(lang).to_owned())
        .collect();
    let numbers = |r: &Response| -> Vec<Option<f64>> {
        scoring::score_components(q, &r.answers)
            .map(|scores| {
                scores
                    .iter()
                    .map(|s| if on_mean_scale { s.mean } else { s.percent })
                    .collect()
            })
            .unwrap_or_default()
    };
    let (latest, previous) = last_two(responses, questionnaire_id);
    let mut spec = ChartSpec::new(ChartKind::Bar, lang, labels.clone())
        .label_header(t.chart_component)
        .horizontal()
        .empty(t.chart_not_filled);
    spec = if on_mean_scale {
        spec.y_range(1.0, 5.0).decimals(1)
    } else {
        spec.y_range(0.0, 100.0).unit(" %").decimals(0)
    };
    let mut summary = String::new();
    if let Some(latest) = latest {
        let now = numbers(latest);
        if let Some(previous) = previous {
            spec = spec.series(
                Series::new(
                    i18n::chart_earlier(lang, &date_time(&previous.finished_at, lang)),
                    numbers(previous),
                    ChartColour::Muted,
                )
                .dashed(),
            );
        }
        spec = spec.series(Series::new(
            i18n::chart_latest(lang, &date_time(&latest.finished_at, lang)),
            now.clone(),
            ChartColour::Green,
        ));
        let lowest = labels
            .iter()
            .zip(&now)
            .filter_map(|(l, v)| v.map(|v| (l, v)))
            .min_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((name, v)) = lowest {
            let shown = if on_mean_scale {
                i18n::mean_of_five(lang, v)
            } else {
                format!("{} %", i18n::decimal(lang, v))
            };
            summary = i18n::lowest_summary(lang, name, &shown);
        }
    }
    (spec, summary)
}

fn index_bars(content: &ContentBundle, responses: &[Response], lang: Lang) -> (ChartSpec, String) {
    let t = i18n::tr(lang);
    let labels: Vec<String> = VALUE_IDS
        .iter()
        .map(|v| value_name(content, v, lang))
        .collect();
    let mut spec = ChartSpec::new(ChartKind::Bar, lang, labels)
        .label_header(t.chart_value)
        .horizontal()
        .y_range(0.0, 100.0)
        .unit(" %")
        .bands(ChartBand::from_scoring(&content.scoring))
        .empty(t.chart_not_filled);
    let mut summary = String::new();
    let (Some(latest), Some(q)) = (
        last_two(responses, INDEKS_BERAKHLAK).0,
        content.questionnaire(INDEKS_BERAKHLAK),
    ) else {
        return (spec, summary);
    };
    if let Ok(index) = scoring::index_from_answers(q, &latest.answers, &content.scoring) {
        let values: Vec<Option<f64>> = VALUE_IDS
            .iter()
            .map(|v| {
                index
                    .values
                    .iter()
                    .find(|x| x.value == *v)
                    .and_then(|x| x.percent)
            })
            .collect();
        spec = spec.series(Series::new(
            i18n::chart_latest(lang, &date_time(&latest.finished_at, lang)),
            values,
            ChartColour::Gold,
        ));
        if let (Some(overall), Some(band)) = (index.overall, index.overall_band.as_ref()) {
            summary = i18n::index_summary(
                lang,
                overall,
                &format!("{} {}", band.grade, band.label.get(lang)),
            );
        }
        if let Some(w) = index
            .weakest()
            .and_then(|w| w.percent.map(|p| (w.value.clone(), p)))
        {
            summary.push(' ');
            summary.push_str(&i18n::lowest_summary(
                lang,
                &value_name(content, &w.0, lang),
                &format!("{} %", i18n::decimal(lang, w.1)),
            ));
        }
    }
    (spec, summary)
}

#[component]
pub fn ProgressPage() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let results: RwSignal<Vec<PracticeResult>> = RwSignal::new(Vec::new());
    let responses: RwSignal<Vec<Response>> = RwSignal::new(Vec::new());
    let live: RwSignal<Vec<PlayedAnswer>> = RwSignal::new(Vec::new());
    // The charts appear together once the phone's records and the saved content are read:
    // drawn earlier, their summary sentences would fill in one by one and push the charts
    // below them down (the content arrives with the sync chunk, after the page).
    let records_read = RwSignal::new(false);
    let ready = move || records_read.get() && app.content_read.get();
    let scope = RwSignal::new(String::new());
    Effect::new(move |_| {
        let _ = app.history_version.get();
        if let (Some(store), Some(account)) = (store(), app.account_id()) {
            spawn_local(async move {
                let mut r = store.results(&account).await.unwrap_or_default();
                r.reverse(); // oldest first
                results.set(r);
                responses.set(store.responses(&account).await.unwrap_or_default());
                let records = store.live_answers(&account).await.unwrap_or_default();
                live.set(
                    played_games(&records)
                        .into_iter()
                        .flat_map(|g| g.answers)
                        .collect(),
                );
                records_read.set(true);
            });
        } else {
            // Nothing to read (no store, signed out): empty charts, not a lasting "loading".
            records_read.set(true);
        }
    });

    let line = Memo::new(move |_| results.with(|r| accuracy_line(r, &scope.get(), lang.get())));
    let line_summary = Signal::derive(move || {
        line.with(|s| {
            let v: Vec<f64> = s
                .series
                .first()
                .map(|x| x.values.iter().flatten().copied().collect())
                .unwrap_or_default();
            match (v.first(), v.last()) {
                (Some(first), Some(last)) if v.len() >= 2 => {
                    i18n::accuracy_summary(lang.get(), *first, *last, v.len())
                }
                _ => String::new(),
            }
        })
    });
    let radar = Memo::new(move |_| {
        let content = app.content.get();
        results.with(|r| match content {
            Some(c) => live.with(|l| mastery_radar(&c, r, l, lang.get())),
            None => (
                ChartSpec::new(ChartKind::Radar, lang.get(), vec![]),
                String::new(),
            ),
        })
    });
    let bars = move |id: &'static str| {
        Memo::new(move |_| {
            let content = app.content.get();
            responses.with(|r| match (content, id) {
                (Some(c), INDEKS_BERAKHLAK) => index_bars(&c, r, lang.get()),
                (Some(c), _) => components_bars(&c, r, id, lang.get()),
                (None, _) => (
                    ChartSpec::new(ChartKind::Bar, lang.get(), vec![]),
                    String::new(),
                ),
            })
        })
    };
    let commitment = bars(KOMITMEN);
    let smart = bars(SMART_ASN);
    let index = bars(INDEKS_BERAKHLAK);
    let spec_of = |m: Memo<(ChartSpec, String)>| Signal::derive(move || m.with(|x| x.0.clone()));
    let summary_of = |m: Memo<(ChartSpec, String)>| Signal::derive(move || m.with(|x| x.1.clone()));
    let scopes = move || {
        let l = lang.get();
        let mut list = vec![(String::new(), app.tr().chart_all_values.to_owned())];
        if let Some(c) = app.content.get() {
            list.extend(
                VALUE_IDS
                    .iter()
                    .map(|v| ((*v).to_owned(), value_name(&c, v, l))),
            );
        }
        list
    };
    view! {
        <div class="page progress" data-testid="progress-page">
            <h1>{move || app.tr().progress_title}</h1>
            <p class="lead">{move || app.tr().progress_intro}</p>
            <Show when=ready fallback=move || view! { <p role="status" data-testid="progress-loading">{move || app.tr().loading}</p> }>
            <section class="chart-section">
                <label for="scope">{move || app.tr().chart_scope}</label>
                <select id="scope" on:change=move |ev| scope.set(event_target_value(&ev))>
                    {move || scopes().into_iter().map(|(id, name)| {
                        let selected = scope.get() == id;
                        view! { <option value=id selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
                <ChartView config=line summary=line_summary title=Signal::derive(move || app.tr().chart_accuracy_title.to_owned()) />
            </section>
            <ChartView config=Signal::derive(move || radar.with(|x| x.0.clone())) summary=Signal::derive(move || radar.with(|x| x.1.clone()))
                title=Signal::derive(move || app.tr().chart_mastery_title.to_owned()) />
            <ChartView config=spec_of(commitment) summary=summary_of(commitment)
                title=Signal::derive(move || app.tr().chart_commitment_title.to_owned()) />
            <ChartView config=spec_of(smart) summary=summary_of(smart)
                title=Signal::derive(move || app.tr().chart_smart_title.to_owned()) />
            <ChartView config=spec_of(index) summary=summary_of(index)
                title=Signal::derive(move || app.tr().chart_index_title.to_owned()) />
            <div class="actions">
                <A href="/riwayat" attr:class="btn btn-secondary">{move || app.tr().history_link}</A>
                <A href="/kuesioner" attr:class="btn btn-secondary">{move || app.tr().questionnaires_title}</A>
            </div>
            </Show>
        </div>
    }
}
