//! `<ChartView>`: a figure with its caption, the Chart.js canvas (an image to assistive
//! technology, named by the caller's one-sentence summary) and the same numbers as a real
//! table behind "Lihat sebagai tabel", for screen reader and keyboard users and for anyone
//! who wants the exact figures. With no data it shows the spec's `empty` message instead.

use super::bands;
use super::bindings::Chart;
use super::config::{ChartConfig, animations_wanted, to_js};
use super::loader::ensure_chart_js;
use super::spec::{ChartSpec, TableRow};
use crate::i18n;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::HtmlCanvasElement;

/// A drawn chart; destroyed (listeners, resize observer, Chart.js registry) when dropped.
pub struct ChartHandle(Chart);

impl ChartHandle {
    pub fn chart(&self) -> &Chart {
        &self.0
    }
}

impl Drop for ChartHandle {
    fn drop(&mut self) {
        self.0.destroy();
    }
}

/// Draws `spec` on `canvas` (Chart.js must be loaded: [`ensure_chart_js`]). A chart already
/// on that canvas is destroyed first.
pub fn draw_chart(canvas: &HtmlCanvasElement, spec: &ChartSpec) -> Result<ChartHandle, String> {
    if let Some(previous) = Chart::get_chart(canvas) {
        previous.destroy();
    }
    let config = spec.config(animations_wanted()).to_js()?;
    if !spec.drawn_bands().is_empty() {
        let plugins = js_sys::Array::of1(&bands::plugin());
        js_sys::Reflect::set(&config, &JsValue::from_str("plugins"), &plugins)
            .map_err(|_| "cannot attach the band plugin".to_owned())?;
    }
    Chart::new(canvas, &config)
        .map(ChartHandle)
        .map_err(|e| format!("Chart.js refused the configuration: {e:?}"))
}

/// Puts `config`'s data (and its options when `options_changed`) on an existing chart, to be
/// drawn by [`redraw`]: the canvas, its listeners and its resize observer stay. The datasets
/// are updated in place when their number is unchanged, so Chart.js keeps their controllers.
/// The band plugin is attached only when a chart is made: a chart that gains or loses its
/// bands must be drawn anew.
pub fn put_config(
    chart: &Chart,
    config: &ChartConfig,
    options_changed: bool,
) -> Result<(), String> {
    use js_sys::{Array, Object, Reflect};
    let new = to_js(&config.data)?;
    let get = |from: &JsValue, key: &str| Reflect::get(from, &JsValue::from_str(key));
    let old = chart.data();
    match (get(&old, "datasets"), get(&new, "datasets")) {
        (Ok(old_sets), Ok(new_sets))
            if Array::is_array(&old_sets)
                && Array::from(&old_sets).length() == Array::from(&new_sets).length() =>
        {
            let (old_sets, new_sets) = (Array::from(&old_sets), Array::from(&new_sets));
            for i in 0..old_sets.length() {
                Object::assign(&old_sets.get(i).into(), &new_sets.get(i).into());
            }
            let labels = get(&new, "labels").map_err(|_| "the data has no labels".to_owned())?;
            Reflect::set(&old, &JsValue::from_str("labels"), &labels)
                .map_err(|_| "cannot set the chart's labels".to_owned())?;
        }
        _ => chart.set_data(&new),
    }
    if options_changed {
        chart.set_options(&to_js(&config.options)?);
    }
    Ok(())
}

/// Lays out and draws a chart's new data and options, without animation.
pub fn redraw(chart: &Chart) -> Result<(), String> {
    chart
        .update("none")
        .map_err(|e| format!("Chart.js could not update the chart: {e:?}"))
}

/// A chart with its text alternative. `config` describes the chart (see [`ChartSpec`]);
/// `title` is the visible caption (and the table's caption); `summary` is one sentence saying
/// what the chart shows ("Indeks naik dari 58 % ke 64 %"), read out for the canvas.
///
/// The figure carries `data-testid="chart"` and `data-state` = `empty`, `loading`, `ready`
/// (drawn) or `failed` (Chart.js could not be loaded: the table opens instead).
///
/// A new spec draws a new chart. A screen whose figures change often (the console's
/// dashboard) passes its own `paint` to [`chart_figure`] to update the chart in place instead.
#[component]
pub fn ChartView(
    #[prop(into)] config: Signal<ChartSpec>,
    #[prop(into)] summary: Signal<String>,
    #[prop(into)] title: Signal<String>,
) -> impl IntoView {
    chart_figure::<false>(config, summary, title, |canvas, spec, _| {
        draw_chart(canvas, spec)
    })
}

/// [`ChartView`]'s figure, with the way a spec reaches the canvas left to `paint`: it gets the
/// canvas and the spec (never empty) and returns the chart now on the canvas. With `IN_PLACE`
/// it also gets the chart drawn before (if any, perhaps on a canvas that has since left the
/// page) to update; without, that chart is destroyed first and `paint` gets `None`. (A const,
/// so the phone's build of [`ChartView`] carries none of the in-place path.)
pub fn chart_figure<const IN_PLACE: bool>(
    config: Signal<ChartSpec>,
    summary: Signal<String>,
    title: Signal<String>,
    paint: impl Fn(&HtmlCanvasElement, &ChartSpec, Option<ChartHandle>) -> Result<ChartHandle, String>
    + 'static,
) -> impl IntoView {
    let canvas = NodeRef::<html::Canvas>::new();
    let chart = StoredValue::new_local(None::<ChartHandle>);
    let drawn = RwSignal::new(false);
    let empty = Memo::new(move |_| config.with(ChartSpec::is_empty));
    let tr = move || i18n::tr(config.with(|s| s.lang));

    // Chart.js is fetched only once there is something to draw.
    let library = LocalResource::new(move || {
        let needed = !empty.get();
        async move {
            if needed {
                Some(ensure_chart_js().await)
            } else {
                None
            }
        }
    });
    let failed = move || matches!(library.get(), Some(Some(Err(_))));

    // (Re)draw whenever the library arrives, the canvas mounts or the spec changes.
    Effect::new(move |_| {
        let ready = matches!(library.get(), Some(Some(Ok(()))));
        let element = canvas.get();
        // A chart drawn anew destroys the old one first; one updated in place stays until
        // `paint` has it.
        if !IN_PLACE {
            chart.set_value(None);
        }
        drawn.set(false);
        let (Some(element), true) = (element, ready) else {
            if IN_PLACE {
                chart.set_value(None);
            }
            return;
        };
        let made = config.with(|spec| {
            if spec.is_empty() {
                if IN_PLACE {
                    chart.set_value(None);
                }
                Ok(None)
            } else {
                let previous = if IN_PLACE {
                    chart.try_update_value(Option::take).flatten()
                } else {
                    None
                };
                paint(&element, spec, previous).map(Some)
            }
        });
        match made {
            Ok(Some(handle)) => {
                chart.set_value(Some(handle));
                drawn.set(true);
            }
            Ok(None) => {}
            Err(e) => leptos::logging::warn!("chart: {e}"),
        }
    });
    on_cleanup(move || {
        chart.try_set_value(None);
    });

    let state = move || {
        if empty.get() {
            "empty"
        } else if failed() {
            "failed"
        } else if drawn.get() {
            "ready"
        } else {
            "loading"
        }
    };

    let table = move || {
        let table = config.with(ChartSpec::table);
        let no_value = tr().chart_no_value;
        let head = table
            .head
            .into_iter()
            .map(|h| view! { <th scope="col">{h}</th> })
            .collect_view();
        let rows = table
            .rows
            .into_iter()
            .map(|TableRow { label, cells }| {
                let cells = cells
                    .into_iter()
                    .map(|cell| match cell {
                        Some(text) => view! { <td class="num">{text}</td> }.into_any(),
                        None => view! {
                            <td class="chart-gap">
                                <span aria-hidden="true">"–"</span>
                                <span class="visually-hidden">{no_value}</span>
                            </td>
                        }
                        .into_any(),
                    })
                    .collect_view();
                view! { <tr><th scope="row">{label}</th>{cells}</tr> }
            })
            .collect_view();
        view! {
            <table>
                <caption>{move || title.get()}</caption>
                <thead><tr>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
    };

    view! {
        <figure class="chart" data-testid="chart" data-state=state>
            <figcaption class="chart-title">{move || title.get()}</figcaption>
            <Show
                when=move || !empty.get()
                fallback=move || view! {
                    <p class="chart-empty" data-testid="chart-empty">{move || config.with(|s| s.empty.clone())}</p>
                }
            >
                <Show
                    when=move || !failed()
                    fallback=move || view! { <p class="chart-failed" role="status">{move || tr().chart_failed}</p> }
                >
                    <div class="chart-canvas" aria-busy=move || (!drawn.get()).to_string()>
                        <canvas node_ref=canvas role="img" aria-label=move || summary.get()></canvas>
                    </div>
                </Show>
                <details class="chart-table" open=failed data-testid="chart-table">
                    <summary>{move || tr().chart_show_table}</summary>
                    <div class="chart-table-scroll">{table}</div>
                </details>
            </Show>
        </figure>
    }
}
