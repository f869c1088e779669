//! What both live screens show of a phase: a question's options, the answer distribution,
//! the leaderboard, the unit board and the podium. Lists are keyed, so an update changes the
//! rows that changed and leaves the others (no flicker on the projector).

use super::phase::letter;
use crate::console::i18n::live_run::{live_tr, people, unit_mean};
use leptos::prelude::*;
use resapi_core::Lang;
use resapi_core::live::leaderboard::LeaderRow;
use resapi_core::live::team::{UnitBoard, UnitRow};
use resapi_core::live::view::{OptionView, RevealView};

/// The options with their letters; `key` (the presenter only) marks the correct one.
#[component]
pub fn Options(
    #[prop(into)] options: Signal<Vec<OptionView>>,
    #[prop(into)] key: Signal<Option<String>>,
    lang: RwSignal<Lang>,
) -> impl IntoView {
    let lettered = move || options.get().into_iter().enumerate().collect::<Vec<_>>();
    view! {
        <ol class="live-options" data-testid="live-options">
            <For each=lettered key=|(i, o)| (*i, o.id.clone(), o.text.id.clone(), o.text.en.clone()) let:item>
                {
                    let (i, o) = item;
                    let id = o.id.clone();
                    let text = o.text.clone();
                    let correct = Memo::new(move |_| key.with(|k| k.as_deref() == Some(id.as_str())));
                    view! {
                        <li class="live-option" class:is-correct=correct data-id=o.id.clone()>
                            <span class="opt-letter" aria-hidden="true">{letter(i).to_string()}</span>
                            <span class="visually-hidden">{letter(i).to_string()}". "</span>
                            <span class="opt-text">{move || text.get(lang.get()).to_owned()}</span>
                            {move || correct.get().then(|| view! {
                                <span class="opt-key">"✓ "{live_tr(lang.get()).correct_option}</span>
                            })}
                        </li>
                    }
                }
            </For>
        </ol>
    }
}

/// How the room answered a closed question: a bar and a count per option, the correct one
/// marked with ✓ and in words, the no-answer count and the explanation.
#[component]
pub fn Distribution(
    #[prop(into)] reveal: Signal<Option<RevealView>>,
    lang: RwSignal<Lang>,
) -> impl IntoView {
    let rows = move || {
        reveal.with(|r| {
            let Some(r) = r else { return Vec::new() };
            let most = r
                .distribution
                .iter()
                .map(|d| d.count)
                .max()
                .unwrap_or(0)
                .max(1);
            r.options
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    let count = r
                        .distribution
                        .iter()
                        .find(|d| d.option_id == o.id)
                        .map_or(0, |d| d.count);
                    let share = f64::from(count) / f64::from(most) * 100.0;
                    (i, o.clone(), count, share, o.id == r.correct_option)
                })
                .collect::<Vec<_>>()
        })
    };
    let no_answer = move || reveal.with(|r| r.as_ref().map_or(0, |r| r.no_answer));
    let explanation = move || {
        reveal.with(|r| {
            r.as_ref()
                .map(|r| r.explanation.get(lang.get()).to_owned())
                .unwrap_or_default()
        })
    };
    view! {
        <ol class="live-dist" data-testid="live-distribution">
            <For each=rows key=|(i, o, count, _, correct)| (*i, o.id.clone(), *count, *correct) let:row>
                {
                    let (i, o, count, share, correct) = row;
                    let text = o.text.clone();
                    view! {
                        <li class="dist-row" class:is-correct=correct data-id=o.id.clone()>
                            <span class="opt-letter" aria-hidden="true">{letter(i).to_string()}</span>
                            <span class="dist-text">
                                <span class="visually-hidden">{letter(i).to_string()}". "</span>
                                {move || text.get(lang.get()).to_owned()}
                                {correct.then(|| view! { <strong class="dist-correct">" ✓ "{move || live_tr(lang.get()).correct_option}</strong> })}
                            </span>
                            <span class="dist-bar" aria-hidden="true"><span class="dist-fill" style:width=format!("{share:.1}%")></span></span>
                            <span class="dist-count" data-testid="dist-count">{move || people(lang.get(), count)}</span>
                        </li>
                    }
                }
            </For>
        </ol>
        <p class="dist-none">{move || format!("{}: {}", live_tr(lang.get()).no_answer, people(lang.get(), no_answer()))}</p>
        <Show when=move || !explanation().is_empty()>
            <div class="live-explain">
                <h2>{move || live_tr(lang.get()).explanation}</h2>
                <p data-testid="live-explanation">{explanation}</p>
            </div>
        </Show>
    }
}

/// The top of the leaderboard: rank, name, unit, points.
#[component]
pub fn LeaderTable(
    #[prop(into)] rows: Signal<Vec<LeaderRow>>,
    #[prop(into)] caption: Signal<&'static str>,
    lang: RwSignal<Lang>,
) -> impl IntoView {
    view! {
        <table class="live-board" data-testid="live-leaderboard">
            <caption>{move || caption.get()}</caption>
            <thead><tr>
                <th scope="col">{move || live_tr(lang.get()).rank}</th>
                <th scope="col">{move || live_tr(lang.get()).player_name}</th>
                <th scope="col">{move || live_tr(lang.get()).player_unit}</th>
                <th scope="col" class="num">{move || live_tr(lang.get()).player_points}</th>
            </tr></thead>
            <tbody>
                <For each=move || rows.get() key=|r| (r.rank, r.player.0, r.points, r.name.clone(), r.unit_name.clone()) let:r>
                    <tr>
                        <td class="rank">{r.rank}</td>
                        <th scope="row">{r.name.clone()}</th>
                        <td>{r.unit_name.clone()}</td>
                        <td class="num">{r.points}</td>
                    </tr>
                </For>
            </tbody>
        </table>
    }
}

/// The unit board in team mode: ranked units, then those with too few players, apart.
#[component]
pub fn UnitTable(
    #[prop(into)] units: Signal<Option<UnitBoard>>,
    lang: RwSignal<Lang>,
) -> impl IntoView {
    let ranked = move || units.with(|u| u.as_ref().map(|u| u.ranked.clone()).unwrap_or_default());
    let too_few = move || units.with(|u| u.as_ref().map(|u| u.too_few.clone()).unwrap_or_default());
    let row = move |u: UnitRow| {
        view! {
            <li>
                {u.rank.map(|r| view! { <span class="rank">{r}</span> })}
                <span class="unit-name">{u.unit_name.clone()}</span>
                <span class="unit-mean">{move || unit_mean(lang.get(), u.mean, u.players)}</span>
            </li>
        }
    };
    view! {
        <Show when=move || units.with(Option::is_some)>
            <section class="live-units" data-testid="live-units">
                <h2>{move || live_tr(lang.get()).unit_board}</h2>
                <ol class="units-ranked">
                    <For each=ranked key=unit_key children=row />
                </ol>
                <Show when=move || !too_few().is_empty()>
                    <h3>{move || live_tr(lang.get()).too_few_units}</h3>
                    <ul class="units-too-few">
                        <For each=too_few key=unit_key children=row />
                    </ul>
                </Show>
            </section>
        </Show>
    }
}

/// The podium: the top three (first in the middle on a wide screen) and the best unit.
#[component]
pub fn Podium(
    #[prop(into)] top: Signal<Vec<LeaderRow>>,
    #[prop(into)] best_unit: Signal<Option<UnitRow>>,
    lang: RwSignal<Lang>,
) -> impl IntoView {
    let places = move || {
        top.get()
            .into_iter()
            .take(3)
            .enumerate()
            .collect::<Vec<_>>()
    };
    view! {
        <ol class="live-podium" data-testid="live-podium">
            <For each=places key=|(i, r)| (*i, r.player.0, r.points, r.name.clone()) let:place>
                {
                    let (i, r) = place;
                    view! {
                        <li class=format!("podium-place podium-{}", i + 1)>
                            <span class="podium-rank">{r.rank}</span>
                            <span class="podium-name">{r.name.clone()}</span>
                            <span class="podium-unit">{r.unit_name.clone()}</span>
                            <span class="podium-points">{move || format!("{} {}", r.points, live_tr(lang.get()).points)}</span>
                        </li>
                    }
                }
            </For>
        </ol>
        {move || best_unit.get().map(|u| view! {
            <p class="live-best-unit" data-testid="live-best-unit">
                <span>{move || live_tr(lang.get()).best_unit}": "</span>
                <strong>{u.unit_name.clone()}</strong>
                <span>{move || format!(" ({})", unit_mean(lang.get(), u.mean, u.players))}</span>
            </p>
        })}
    }
}

fn unit_key(u: &UnitRow) -> (String, Option<u32>, u32, u32) {
    (u.unit_id.clone(), u.rank, u.mean, u.players)
}
