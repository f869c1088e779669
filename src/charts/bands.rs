//! A tiny inline Chart.js plugin: shades the health bands (A ≥ 75 light green, B 50–75
//! light gold, C < 50 light red by default) behind the plot, with the band letter just
//! outside the plot's right edge (above it for horizontal bars). The cut-offs come from the
//! content bundle's `ScoringConfig::index_bands` through `options.plugins.resapiBands`
//! (see `config.rs`), so they stay data, visible in the configuration.
//!
//! Written in Rust against structural bindings: no extra JS file, nothing at first load.

use super::bindings::{Chart, Scale};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

/// The plugin's id, and the key of its options under `options.plugins`.
pub const BAND_PLUGIN_ID: &str = "resapiBands";

/// (background, letter colour) of the band at `rank` (0 = highest). The letters reach
/// ≥ 5.4:1 on their background.
pub fn band_colours(rank: usize) -> (&'static str, &'static str) {
    match rank {
        0 => ("#e3f1ec", "#0b5d4b"),
        1 => ("#fdf3d0", "#7a5a00"),
        _ => ("#fbe9e7", "#a3221b"),
    }
}

thread_local! {
    static PLUGIN: Object = make_plugin();
}

/// The plugin object to pass in a chart's `plugins: [...]`. Made once; its hook lives as long
/// as the page.
pub fn plugin() -> Object {
    PLUGIN.with(Clone::clone)
}

fn make_plugin() -> Object {
    let plugin = Object::new();
    let hook = Closure::<dyn Fn(Chart, JsValue, JsValue)>::new(draw_bands);
    let _ = Reflect::set(&plugin, &"id".into(), &BAND_PLUGIN_ID.into());
    // beforeDraw: after the canvas is cleared and laid out, before grid lines and data.
    let _ = Reflect::set(&plugin, &"beforeDraw".into(), &hook.into_js_value());
    plugin
}

struct DrawBand {
    grade: String,
    min: f64,
    fill: String,
    text: String,
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn read_bands(options: &JsValue) -> Vec<DrawBand> {
    if !options.is_object() {
        return Vec::new();
    }
    let list = get(options, "bands");
    if !list.is_object() {
        return Vec::new();
    }
    Array::from(&list)
        .iter()
        .filter_map(|b| {
            Some(DrawBand {
                grade: get(&b, "grade").as_string()?,
                min: get(&b, "min").as_f64().filter(|m| m.is_finite())?,
                fill: get(&b, "fill").as_string()?,
                text: get(&b, "text").as_string()?,
            })
        })
        .collect()
}

fn draw_bands(chart: Chart, _args: JsValue, options: JsValue) {
    let mut bands = read_bands(&options);
    if bands.is_empty() {
        return;
    }
    bands.sort_by(|a, b| b.min.total_cmp(&a.min));
    let Some(area) = chart.chart_area() else {
        return;
    };
    let horizontal = get(&chart.options(), "indexAxis").as_string().as_deref() == Some("y");
    let scale = get(&chart.scales(), if horizontal { "x" } else { "y" });
    if !scale.is_object() {
        return;
    }
    let scale: Scale = scale.unchecked_into();
    let (scale_min, scale_max) = (scale.min(), scale.max());
    let ctx = chart.ctx();
    ctx.save();
    ctx.set_font("bold 12px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif");
    let mut upper = f64::INFINITY;
    for band in &bands {
        let low = band.min.max(scale_min);
        let high = upper.min(scale_max);
        upper = band.min;
        if high <= low {
            continue;
        }
        let (a, b) = (
            scale.get_pixel_for_value(low),
            scale.get_pixel_for_value(high),
        );
        let (start, size, middle) = (a.min(b), (b - a).abs(), (a + b) / 2.0);
        ctx.set_fill_style(&band.fill);
        if horizontal {
            ctx.fill_rect(start, area.top(), size, area.bottom() - area.top());
            ctx.set_fill_style(&band.text);
            ctx.set_text_align("center");
            ctx.set_text_baseline("bottom");
            ctx.fill_text(&band.grade, middle, area.top() - 4.0);
        } else {
            ctx.fill_rect(area.left(), start, area.right() - area.left(), size);
            ctx.set_fill_style(&band.text);
            ctx.set_text_align("left");
            ctx.set_text_baseline("middle");
            ctx.fill_text(&band.grade, area.right() + 6.0, middle);
        }
    }
    ctx.restore();
}
