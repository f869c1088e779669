//! `<LiveChart>`: the shared chart figure (canvas, caption, table) for console screens whose
//! figures change while they are open (the dashboard's period). A new spec updates the chart
//! already on the canvas (`chart.data = …; chart.update('none')`, no animation) instead of
//! building a new Chart.js chart: on a slow laptop that is the difference between a smooth
//! period change and frames of 50–80 ms. Console only, so the phone's wasm carries none of it.

use crate::charts::ChartSpec;
use crate::charts::bindings::Chart;
use crate::charts::component::{chart_figure, draw_chart, put_config, redraw};
use crate::charts::config::{ChartOptions, animations_wanted};
use crate::console::frames;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};

/// What a chart is made with and cannot change in place: its type, its direction and
/// whether the band plugin is attached.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Shape {
    kind: crate::charts::ChartKind,
    horizontal: bool,
    banded: bool,
}

impl Shape {
    fn of(spec: &ChartSpec) -> Self {
        Shape {
            kind: spec.kind,
            horizontal: spec.horizontal,
            banded: !spec.drawn_bands().is_empty(),
        }
    }
}

/// Same props as [`crate::charts::ChartView`]; the chart is updated, not rebuilt, while it
/// keeps its canvas and its [`Shape`]. The update waits for a frame of its own
/// ([`frames`]); a later spec supersedes one still waiting.
#[component]
pub fn LiveChart(
    #[prop(into)] config: Signal<ChartSpec>,
    #[prop(into)] summary: Signal<String>,
    #[prop(into)] title: Signal<String>,
) -> impl IntoView {
    let drawn_shape = Rc::new(Cell::new(None::<Shape>));
    // The options on the chart: unchanged options are not handed to Chart.js again (it would
    // resolve them all anew).
    let drawn_options = Rc::new(RefCell::new(None::<ChartOptions>));
    let latest = Rc::new(Cell::new(0u32));
    chart_figure::<true>(config, summary, title, move |canvas, spec, previous| {
        let shape = Shape::of(spec);
        if let Some(handle) = previous
            && handle.chart().canvas() == *canvas
            && drawn_shape.get() == Some(shape)
        {
            latest.set(latest.get().wrapping_add(1));
            let (this, latest) = (latest.get(), latest.clone());
            let chart = Chart::unchecked_from_js(JsValue::clone(handle.chart()));
            let (canvas, spec) = (canvas.clone(), spec.clone());
            let (drawn_options, drawn_shape) = (drawn_options.clone(), drawn_shape.clone());
            // Still the chart to update: not superseded, still on its canvas.
            let current = {
                let chart = Chart::unchecked_from_js(JsValue::clone(&chart));
                move || {
                    latest.get() == this
                        && Chart::get_chart(&canvas).is_some_and(|c| js_sys::Object::is(&c, &chart))
                }
            };
            frames::in_own_frame(move || {
                if !current() {
                    return;
                }
                let config = spec.config(animations_wanted());
                let options_changed = drawn_options.borrow().as_ref() != Some(&config.options);
                match put_config(&chart, &config, options_changed) {
                    Ok(()) => {
                        *drawn_options.borrow_mut() = Some(config.options);
                        // Chart.js's layout and drawing get the next frame to themselves.
                        frames::in_next_frame(move || {
                            if current()
                                && let Err(e) = redraw(&chart)
                            {
                                leptos::logging::warn!("chart: {e}");
                            }
                        });
                    }
                    Err(e) => {
                        leptos::logging::warn!("chart: {e}");
                        drawn_shape.set(None);
                    }
                }
            });
            return Ok(handle);
        }
        drawn_shape.set(Some(shape));
        *drawn_options.borrow_mut() = Some(spec.config(animations_wanted()).options);
        draw_chart(canvas, spec)
    })
}
