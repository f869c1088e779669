//! Sub-units side by side: a bar chart of each one's overall index and a table sortable by
//! any column (header buttons with `aria-sort`). A hidden figure says why and sorts last.

use super::Figures;
use super::cells::{GradeBadge, Hidden, percent};
use super::keyed::keyed;
use super::names::Names;
use super::text::dash_tr;
use crate::charts::{ChartColour, ChartKind, ChartSpec, Series};
use crate::console::live_chart::LiveChart;
use crate::console::pages::sortable::{by_number, sort_header};
use leptos::prelude::*;
use resapi_core::Lang;
use resapi_core::aggregate::suppression::Guarded;
use resapi_core::unit_dashboard::SubUnitFigures;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Name,
    Members,
    Active,
    Index,
    Practice,
}

fn index_of(s: &SubUnitFigures) -> Option<f64> {
    match &s.index {
        Guarded::Shown { value, .. } => value.overall,
        Guarded::Suppressed { .. } => None,
    }
}

fn practice_of(s: &SubUnitFigures) -> Option<f64> {
    match &s.practice {
        Guarded::Shown { value, .. } if value.answered > 0 => Some(f64::from(value.percent)),
        Guarded::Shown { .. } => None,
        Guarded::Suppressed { .. } => None,
    }
}

/// The rows' order for a column and direction.
pub fn sorted(subs: &[SubUnitFigures], key: SortKey, ascending: bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..subs.len()).collect();
    order.sort_by(|&i, &j| {
        let (a, b) = (&subs[i], &subs[j]);
        let n = |x: u32| Some(f64::from(x));
        match key {
            SortKey::Name if ascending => a.unit.name.cmp(&b.unit.name),
            SortKey::Name => b.unit.name.cmp(&a.unit.name),
            SortKey::Members => by_number(
                n(a.participation.members),
                n(b.participation.members),
                ascending,
            ),
            SortKey::Active => by_number(
                n(a.participation.active_percent),
                n(b.participation.active_percent),
                ascending,
            ),
            SortKey::Index => by_number(index_of(a), index_of(b), ascending),
            SortKey::Practice => by_number(practice_of(a), practice_of(b), ascending),
        }
    });
    order
}

#[component]
pub fn SubUnitsSection(d: Figures, names: Names, lang: Lang) -> impl IntoView {
    let t = dash_tr(lang);
    let sort = RwSignal::new((SortKey::Name, true));
    let has_subs = Memo::new(move |_| d.with(|d| !d.sub_units.is_empty()));
    let spec = Signal::derive(move || {
        d.with(|d| {
            let labels = d.sub_units.iter().map(|s| s.unit.name.clone()).collect();
            let values = d.sub_units.iter().map(index_of).collect();
            ChartSpec::new(ChartKind::Bar, lang, labels)
                .label_header(t.unit)
                .series(Series::new(t.overall, values, ChartColour::Green))
                .y_range(0.0, 100.0)
                .unit(" %")
                .bands(names.bands())
                .horizontal()
                .empty(t.no_data)
        })
    });
    let header = move |key: SortKey, label: &'static str| {
        sort_header(sort, key, label, t.sort_by, |k| k == SortKey::Name)
    };
    let k = move || d.with(|d| d.k);
    // Rows keyed by sub-unit: a new period or another sort order moves and patches them.
    let rows = move || {
        keyed(
            move || {
                let (key, asc) = sort.get();
                d.with(|d| {
                    sorted(&d.sub_units, key, asc)
                        .into_iter()
                        .map(|i| d.sub_units[i].clone())
                        .collect()
                })
            },
            |s| s.unit.id.clone(),
            move |s| {
                let index = move || {
                    s.with(|s| match &s.index {
                        Guarded::Shown { value, .. } => view! {
                            <td class="num">{percent(value.overall, lang)}</td>
                            <td><GradeBadge grade=value.band.clone() /></td>
                        }
                        .into_any(),
                        Guarded::Suppressed { reason } => view! {
                            <td colspan="2"><Hidden reason=*reason k=k() lang=lang /></td>
                        }
                        .into_any(),
                    })
                };
                let practice = move || {
                    s.with(|s| match &s.practice {
                        // Nobody practised: no accuracy to speak of (not 0 %).
                        Guarded::Shown { value, .. } if value.answered == 0 => {
                            view! { <td class="num">"–"</td> }.into_any()
                        }
                        Guarded::Shown { value, .. } => {
                            view! { <td class="num">{value.percent}" %"</td> }.into_any()
                        }
                        Guarded::Suppressed { reason } => {
                            view! { <td><Hidden reason=*reason k=k() lang=lang /></td> }.into_any()
                        }
                    })
                };
                let (id, name) = s.with_untracked(|s| (s.unit.id.clone(), s.unit.name.clone()));
                view! {
                    <tr data-unit=id>
                        <th scope="row">{name}</th>
                        <td class="num">{move || s.with(|s| s.participation.members)}</td>
                        <td class="num">{move || s.with(|s| s.participation.active_percent)}" %"</td>
                        {index}
                        {practice}
                    </tr>
                }
            },
        )
    };
    view! {
        <section class="dash-section" aria-labelledby="dash-subs" data-testid="dash-subs">
            <h2 id="dash-subs">{t.sub_units}</h2>
            <Show when=move || has_subs.get() fallback=move || view! { <p>{t.no_sub_units}</p> }>
                <div class="dash-pair">
                    <LiveChart config=spec summary=t.chart_summary.to_owned() title=t.sub_units_chart.to_owned() />
                    <div class="dash-table-wrap"><table class="dash-table" data-testid="sub-units-table">
                        <caption>{t.sub_units}</caption>
                        <thead><tr>
                            {header(SortKey::Name, t.unit)}
                            {header(SortKey::Members, t.members)}
                            {header(SortKey::Active, t.active)}
                            {header(SortKey::Index, t.index_title)}
                            <th scope="col">{t.band}</th>
                            {header(SortKey::Practice, t.accuracy)}
                        </tr></thead>
                        <tbody>{rows()}</tbody>
                    </table></div>
                </div>
            </Show>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use resapi_core::aggregate::suppression::Reason;
    use resapi_core::unit_dashboard::{IndexHeadline, ParticipationFigures, UnitRef};
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn sub(name: &str, members: u32, index: Option<f64>) -> SubUnitFigures {
        SubUnitFigures {
            unit: UnitRef {
                id: name.to_lowercase(),
                name: name.into(),
            },
            participation: ParticipationFigures {
                members,
                active: members,
                active_percent: 100,
            },
            index: match index {
                Some(x) => Guarded::Shown {
                    n: members,
                    value: IndexHeadline {
                        overall: Some(x),
                        band: None,
                        values: vec![],
                    },
                },
                None => Guarded::Suppressed {
                    reason: Reason::BelowK,
                },
            },
            components: vec![],
            practice: Guarded::Suppressed {
                reason: Reason::BelowK,
            },
        }
    }

    #[wasm_bindgen_test]
    fn hidden_figures_sort_last_whichever_the_direction() {
        let subs = [
            sub("Biro B", 6, Some(60.0)),
            sub("Biro A", 2, None),
            sub("Biro C", 7, Some(80.0)),
        ];
        assert_eq!(sorted(&subs, SortKey::Index, false), vec![2, 0, 1]);
        assert_eq!(sorted(&subs, SortKey::Index, true), vec![0, 2, 1]);
        assert_eq!(sorted(&subs, SortKey::Name, true), vec![1, 0, 2]);
        assert_eq!(sorted(&subs, SortKey::Members, false), vec![2, 0, 1]);
        // Nobody practised anywhere: the order stays as the server gave it.
        assert_eq!(sorted(&subs, SortKey::Practice, false), vec![0, 1, 2]);
    }
}
