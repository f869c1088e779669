//! Chart.js from Rust. `Chart` is the global set by the vendored UMD build; wasm-bindgen looks
//! it up when a chart is made, not when the app starts, so the app boots without Chart.js.
//! The other types describe, structurally, the objects Chart.js hands to a plugin
//! (`bands.rs`): no extra JS file is needed.

use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

#[wasm_bindgen]
extern "C" {
    /// A Chart.js chart.
    pub type Chart;

    /// `new Chart(canvas, config)`; throws (here: `Err`) e.g. on a bad config.
    #[wasm_bindgen(constructor, catch, js_class = "Chart")]
    pub fn new(canvas: &HtmlCanvasElement, config: &JsValue) -> Result<Chart, JsValue>;

    /// Frees the chart: its listeners, its resize observer and its entry in `Chart.instances`.
    #[wasm_bindgen(method)]
    pub fn destroy(this: &Chart);

    /// The canvas the chart draws on.
    #[wasm_bindgen(method, getter)]
    pub fn canvas(this: &Chart) -> HtmlCanvasElement;

    /// `chart.data`: the labels and datasets drawn.
    #[wasm_bindgen(method, getter)]
    pub fn data(this: &Chart) -> JsValue;

    /// `chart.data = …`: new labels and datasets, drawn at the next [`Chart::update`].
    #[wasm_bindgen(method, setter)]
    pub fn set_data(this: &Chart, data: &JsValue);

    /// `chart.options = …`: new options, resolved at the next [`Chart::update`].
    #[wasm_bindgen(method, setter)]
    pub fn set_options(this: &Chart, options: &JsValue);

    /// `chart.update(mode)`: lays out and redraws the chart in place; mode `"none"` skips the
    /// animation.
    #[wasm_bindgen(method, catch)]
    pub fn update(this: &Chart, mode: &str) -> Result<(), JsValue>;

    /// The chart already drawn on `canvas`, if any (`Chart.getChart`).
    #[wasm_bindgen(static_method_of = Chart, js_name = getChart)]
    pub fn get_chart(canvas: &HtmlCanvasElement) -> Option<Chart>;

    /// The plot area in CSS pixels; undefined before the first layout.
    #[wasm_bindgen(method, getter = chartArea)]
    pub fn chart_area(this: &Chart) -> Option<ChartArea>;

    /// The canvas' 2D context.
    #[wasm_bindgen(method, getter)]
    pub fn ctx(this: &Chart) -> Context2d;

    /// `{x: Scale, y: Scale}` or `{r: …}`.
    #[wasm_bindgen(method, getter)]
    pub fn scales(this: &Chart) -> JsValue;

    /// The resolved options (`indexAxis` tells horizontal bars).
    #[wasm_bindgen(method, getter)]
    pub fn options(this: &Chart) -> JsValue;

    pub type ChartArea;
    #[wasm_bindgen(method, getter)]
    pub fn left(this: &ChartArea) -> f64;
    #[wasm_bindgen(method, getter)]
    pub fn right(this: &ChartArea) -> f64;
    #[wasm_bindgen(method, getter)]
    pub fn top(this: &ChartArea) -> f64;
    #[wasm_bindgen(method, getter)]
    pub fn bottom(this: &ChartArea) -> f64;

    /// A linear scale.
    pub type Scale;
    #[wasm_bindgen(method, getter)]
    pub fn min(this: &Scale) -> f64;
    #[wasm_bindgen(method, getter)]
    pub fn max(this: &Scale) -> f64;
    #[wasm_bindgen(method, js_name = getPixelForValue)]
    pub fn get_pixel_for_value(this: &Scale, value: f64) -> f64;

    /// The few `CanvasRenderingContext2D` members the band plugin uses.
    pub type Context2d;
    #[wasm_bindgen(method)]
    pub fn save(this: &Context2d);
    #[wasm_bindgen(method)]
    pub fn restore(this: &Context2d);
    #[wasm_bindgen(method, js_name = fillRect)]
    pub fn fill_rect(this: &Context2d, x: f64, y: f64, w: f64, h: f64);
    #[wasm_bindgen(method, js_name = fillText)]
    pub fn fill_text(this: &Context2d, text: &str, x: f64, y: f64);
    #[wasm_bindgen(method, setter = fillStyle)]
    pub fn set_fill_style(this: &Context2d, value: &str);
    #[wasm_bindgen(method, setter)]
    pub fn set_font(this: &Context2d, value: &str);
    #[wasm_bindgen(method, setter = textAlign)]
    pub fn set_text_align(this: &Context2d, value: &str);
    #[wasm_bindgen(method, setter = textBaseline)]
    pub fn set_text_baseline(this: &Context2d, value: &str);
}
