//! Charts in headless Chromium: a `ChartSpec` becomes the expected Chart.js configuration and
//! the same numbers in the table; with the vendored Chart.js (served here from the repo) the
//! component draws, shades the bands, redraws on change and frees the chart when unmounted.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use resapi::charts::bindings::{Chart, Scale};
use resapi::charts::component::draw_chart;
use resapi::charts::loader::{chart_js_loaded, ensure_chart_js_from};
use resapi::charts::{ChartBand, ChartColour, ChartKind, ChartSpec, ChartView, Series};
use resapi_core::Lang;
use resapi_core::content::ScoringConfig;
use serde_json::{Value, json};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The runner serves the package directory: the same file trunk copies to `/vendor/`.
const CHART_JS_IN_REPO: &str = "/public/vendor/chart-4.6.1.umd.min.js";

fn labels(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| (*s).to_owned()).collect()
}

fn seven_values() -> Vec<String> {
    labels(&[
        "Berorientasi Pelayanan",
        "Akuntabel",
        "Kompeten",
        "Harmonis",
        "Loyal",
        "Adaptif",
        "Kolaboratif",
    ])
}

fn index_bar(lang: Lang) -> ChartSpec {
    ChartSpec::new(ChartKind::Bar, lang, seven_values())
        .label_header("Nilai")
        .series(Series::from_values(
            "Indeks",
            &[74.1, 66.0, 53.7, 70.2, 68.5, 38.9, 43.5],
            ChartColour::Green,
        ))
        .y_range(0.0, 100.0)
        .unit(" %")
        .bands(ChartBand::from_scoring(&ScoringConfig::default()))
        .empty("Belum cukup data")
}

fn trend_line() -> ChartSpec {
    ChartSpec::new(
        ChartKind::Line,
        Lang::Id,
        labels(&["Jan", "Apr", "Jul", "Okt"]),
    )
    .label_header("Tanggal")
    .series(
        Series::new(
            "Afektif",
            vec![Some(3.2), None, Some(3.8), Some(f64::NAN)],
            ChartColour::Green,
        )
        .filled(),
    )
    .series(Series::from_values("Normatif", &[2.9, 3.1, 3.0, 3.4], ChartColour::Gold).dashed())
    .y_range(1.0, 5.0)
}

fn json_of(spec: &ChartSpec, animate: bool) -> Value {
    serde_json::to_value(spec.config(animate)).unwrap()
}

/// Paths of every `null` outside a dataset's `data` (where `null` is a deliberate gap).
fn nulls_outside_data(v: &Value, path: &str, found: &mut Vec<String>) {
    match v {
        Value::Null => found.push(path.to_owned()),
        Value::Array(items) => {
            if path.starts_with("data.datasets[") && path.ends_with("].data") {
                return;
            }
            for (i, item) in items.iter().enumerate() {
                nulls_outside_data(item, &format!("{path}[{i}]"), found);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                nulls_outside_data(item, &p, found);
            }
        }
        _ => {}
    }
}

fn assert_no_stray_nulls(config: &Value) {
    let mut found = Vec::new();
    nulls_outside_data(config, "", &mut found);
    assert!(
        found.is_empty(),
        "null where a number or value is needed: {found:?}"
    );
}

#[wasm_bindgen_test]
fn a_line_spec_becomes_a_line_config_with_gaps_only_in_data() {
    let spec = trend_line();
    let config = json_of(&spec, false);
    assert_eq!(config["type"], "line");
    assert_eq!(
        config["data"]["labels"],
        json!(["Jan", "Apr", "Jul", "Okt"])
    );
    let sets = config["data"]["datasets"].as_array().unwrap();
    assert_eq!(sets.len(), 2);
    assert_eq!(sets[0]["label"], "Afektif");
    // The gap and the NaN are gaps (null), never a NaN or a zero.
    assert_eq!(sets[0]["data"], json!([3.2, null, 3.8, null]));
    assert_eq!(sets[1]["data"], json!([2.9, 3.1, 3.0, 3.4]));
    assert_eq!(sets[0]["fill"], true);
    assert_eq!(sets[0]["borderColor"], "#0b5d4b");
    assert_eq!(
        sets[1]["borderColor"], "#7a5a00",
        "dark gold: the brand gold is too light for a line"
    );
    assert_eq!(sets[1]["borderDash"], json!([6.0, 4.0]));
    assert!(sets[0].get("borderDash").is_none());
    assert_ne!(
        sets[0]["pointStyle"], sets[1]["pointStyle"],
        "series differ by shape too"
    );
    let options = &config["options"];
    assert_eq!(options["responsive"], true);
    assert_eq!(options["maintainAspectRatio"], false);
    assert_eq!(options["animation"], false);
    assert_eq!(options["locale"], "id-ID");
    assert_eq!(options["scales"]["y"]["min"], 1.0);
    assert_eq!(options["scales"]["y"]["max"], 5.0);
    assert!(options["scales"].get("r").is_none());
    assert_eq!(
        options["plugins"]["legend"]["display"], true,
        "two series need a legend"
    );
    assert_eq!(options["plugins"]["tooltip"]["enabled"], true);
    assert!(options["plugins"].get("resapiBands").is_none());
    assert_no_stray_nulls(&config);

    // Animated: the key is left out (Chart.js' default), not sent as true or null.
    let animated = json_of(&spec, true);
    assert!(animated["options"].get("animation").is_none());
    // No range given: no min/max keys at all.
    let mut open = spec.clone();
    open.y_min = None;
    open.y_max = None;
    let open = json_of(&open, false);
    assert!(open["options"]["scales"]["y"].get("min").is_none());
    assert!(open["options"]["scales"]["y"].get("max").is_none());
    assert_eq!(open["options"]["scales"]["y"]["beginAtZero"], true);
    assert_no_stray_nulls(&open);
}

#[wasm_bindgen_test]
fn a_bar_spec_carries_the_bands_of_the_scoring_config() {
    let config = json_of(&index_bar(Lang::Id), false);
    assert_eq!(config["type"], "bar");
    let labels = config["data"]["labels"].as_array().unwrap();
    assert_eq!(labels.len(), 7);
    assert_eq!(
        labels[0],
        json!(["Berorientasi", "Pelayanan"]),
        "long labels wrap"
    );
    assert_eq!(labels[1], "Akuntabel");
    let sets = config["data"]["datasets"].as_array().unwrap();
    assert_eq!(sets.len(), 1);
    assert_eq!(
        sets[0]["data"],
        json!([74.1, 66.0, 53.7, 70.2, 68.5, 38.9, 43.5])
    );
    assert_eq!(sets[0]["backgroundColor"], "#0b5d4b");
    let options = &config["options"];
    assert_eq!(options["scales"]["y"]["min"], 0.0);
    assert_eq!(options["scales"]["y"]["max"], 100.0);
    assert_eq!(
        options["scales"]["x"]["ticks"]["autoSkip"], false,
        "every value keeps its label"
    );
    assert_eq!(options["plugins"]["legend"]["display"], false);
    let bands = options["plugins"]["resapiBands"]["bands"]
        .as_array()
        .unwrap();
    let cut: Vec<(&str, f64)> = bands
        .iter()
        .map(|b| (b["grade"].as_str().unwrap(), b["min"].as_f64().unwrap()))
        .collect();
    assert_eq!(cut, vec![("A", 75.0), ("B", 50.0), ("C", 0.0)]);
    assert_eq!(bands[0]["fill"], "#e3f1ec");
    assert_eq!(bands[2]["text"], "#a3221b");
    assert_eq!(
        options["layout"]["padding"]["right"], 22.0,
        "room for the band letters"
    );
    assert_no_stray_nulls(&config);

    // Horizontal bars: the value axis is x.
    let horizontal = json_of(&index_bar(Lang::En).horizontal(), false);
    assert_eq!(horizontal["options"]["indexAxis"], "y");
    assert_eq!(horizontal["options"]["scales"]["x"]["max"], 100.0);
    assert_eq!(horizontal["options"]["locale"], "en-GB");
    assert_no_stray_nulls(&horizontal);
}

#[wasm_bindgen_test]
fn a_radar_spec_uses_the_radial_scale_and_draws_no_bands() {
    let spec = ChartSpec::new(ChartKind::Radar, Lang::En, seven_values())
        .series(
            Series::from_values(
                "Now",
                &[74.0, 66.0, 54.0, 70.0, 69.0, 39.0, 44.0],
                ChartColour::Green,
            )
            .filled(),
        )
        .series(Series::new("Before", vec![Some(60.0); 7], ChartColour::Muted).dashed())
        .y_range(0.0, 100.0)
        .bands(vec![ChartBand::new("A", 75.0)]);
    let config = json_of(&spec, false);
    assert_eq!(config["type"], "radar");
    assert_eq!(config["options"]["scales"]["r"]["min"], 0.0);
    assert_eq!(config["options"]["scales"]["r"]["max"], 100.0);
    assert!(config["options"]["scales"].get("x").is_none());
    assert!(config["options"]["plugins"].get("resapiBands").is_none());
    assert!(config["options"].get("layout").is_none());
    assert_eq!(
        config["data"]["datasets"][0]["backgroundColor"],
        "rgba(11, 93, 75, 0.18)"
    );
    assert_no_stray_nulls(&config);
}

#[wasm_bindgen_test]
fn the_js_config_is_plain_objects_and_arrays() {
    let spec = trend_line();
    let js = spec.config(false).to_js().unwrap();
    // json_compatible(): objects, not Maps, so JSON.stringify sees everything, exactly as
    // serde_json writes it (both passed through JSON.parse/stringify: 6.0 and 6 are one number).
    let from_js: String = js_sys::JSON::stringify(&js).unwrap().into();
    let serde_text = serde_json::to_string(&spec.config(false)).unwrap();
    let from_serde: String = js_sys::JSON::stringify(&js_sys::JSON::parse(&serde_text).unwrap())
        .unwrap()
        .into();
    assert_eq!(from_js, from_serde);
    assert!(
        from_js.contains(r#""data":[3.2,null,3.8,null]"#),
        "{from_js}"
    );
    let data = js_sys::Reflect::get(&js, &"data".into()).unwrap();
    let labels = js_sys::Reflect::get(&data, &"labels".into()).unwrap();
    assert!(js_sys::Array::is_array(&labels));
}

#[wasm_bindgen_test]
fn the_table_shows_the_charted_numbers() {
    let table = index_bar(Lang::Id).table();
    assert_eq!(table.head, vec!["Nilai", "Indeks"]);
    assert_eq!(table.rows.len(), 7);
    assert_eq!(table.rows[0].label, "Berorientasi Pelayanan");
    assert_eq!(table.rows[0].cells, vec![Some("74,1 % (B)".to_owned())]);
    assert_eq!(table.rows[5].cells, vec![Some("38,9 % (C)".to_owned())]);

    let en = index_bar(Lang::En).table();
    assert_eq!(en.rows[2].cells, vec![Some("53.7 % (B)".to_owned())]);

    let line = trend_line().table();
    assert_eq!(line.head, vec!["Tanggal", "Afektif", "Normatif"]);
    let rows: Vec<(String, Vec<Option<String>>)> =
        line.rows.into_iter().map(|r| (r.label, r.cells)).collect();
    assert_eq!(
        rows,
        vec![
            ("Jan".into(), vec![Some("3,2".into()), Some("2,9".into())]),
            ("Apr".into(), vec![None, Some("3,1".into())]),
            ("Jul".into(), vec![Some("3,8".into()), Some("3,0".into())]),
            ("Okt".into(), vec![None, Some("3,4".into())]),
        ]
    );
    // Chart data and table agree cell by cell.
    let spec = trend_line();
    let config = json_of(&spec, false);
    for (s, series) in spec.series.iter().enumerate() {
        for i in 0..spec.labels.len() {
            let charted = &config["data"]["datasets"][s]["data"][i];
            assert_eq!(
                charted.is_null(),
                spec.table().rows[i].cells[s].is_none(),
                "{} {i}",
                series.label
            );
        }
    }
}

#[wasm_bindgen_test]
fn no_data_is_an_empty_chart() {
    assert!(!index_bar(Lang::Id).is_empty());
    assert!(ChartSpec::new(ChartKind::Line, Lang::Id, vec![]).is_empty());
    let only_gaps = ChartSpec::new(ChartKind::Line, Lang::Id, labels(&["Jan", "Feb"])).series(
        Series::new("x", vec![None, Some(f64::NAN)], ChartColour::Green),
    );
    assert!(only_gaps.is_empty());
    let no_series = ChartSpec::new(ChartKind::Bar, Lang::Id, seven_values());
    assert!(no_series.is_empty());
}

// ---- with the real Chart.js ----

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn sized_host(width: u32, height: u32) -> web_sys::HtmlElement {
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    host.set_attribute(
        "style",
        &format!("position: relative; width: {width}px; height: {height}px"),
    )
    .unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    host
}

/// `root.querySelectorAll(selector).length` (web-sys' NodeList is not enabled here).
fn count(root: &JsValue, selector: &str) -> u32 {
    let all: js_sys::Function = js_sys::Reflect::get(root, &"querySelectorAll".into())
        .unwrap()
        .unchecked_into();
    let list = all.call1(root, &selector.into()).unwrap();
    js_sys::Reflect::get(&list, &"length".into())
        .unwrap()
        .as_f64()
        .unwrap() as u32
}

fn instance_count() -> u32 {
    let chart = js_sys::Reflect::get(&js_sys::global(), &"Chart".into()).unwrap();
    let instances = js_sys::Reflect::get(&chart, &"instances".into()).unwrap();
    js_sys::Object::keys(instances.unchecked_ref::<js_sys::Object>()).length()
}

/// The RGB of one CSS pixel of a canvas.
fn pixel(canvas: &web_sys::HtmlCanvasElement, x: f64, y: f64) -> [u8; 3] {
    let ratio = web_sys::window().unwrap().device_pixel_ratio();
    let ctx: JsValue = canvas.get_context("2d").unwrap().unwrap().into();
    let get: js_sys::Function = js_sys::Reflect::get(&ctx, &"getImageData".into())
        .unwrap()
        .unchecked_into();
    let args = js_sys::Array::of4(
        &(x * ratio).round().into(),
        &(y * ratio).round().into(),
        &1.into(),
        &1.into(),
    );
    let image = get.apply(&ctx, &args).unwrap();
    let data =
        js_sys::Uint8ClampedArray::new(&js_sys::Reflect::get(&image, &"data".into()).unwrap());
    [data.get_index(0), data.get_index(1), data.get_index(2)]
}

fn rgb(hex: &str) -> [u8; 3] {
    let n = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap();
    [(n >> 16) as u8, (n >> 8) as u8, n as u8]
}

async fn until(what: &str, mut ok: impl FnMut() -> bool) {
    for _ in 0..200 {
        if ok() {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(20).await;
    }
    panic!("timed out waiting for {what}");
}

#[wasm_bindgen_test]
async fn chart_js_loads_once_and_draws_the_bands() {
    // Concurrent callers share one load and one script element. (Tests share one page: start
    // from "not loaded" whatever ran before.)
    js_sys::Reflect::delete_property(&js_sys::global(), &"Chart".into()).unwrap();
    assert!(!chart_js_loaded());
    let scripts = count(&document(), "script[data-resapi-chart-js]");
    let (a, b) = futures_join(
        ensure_chart_js_from(CHART_JS_IN_REPO),
        ensure_chart_js_from(CHART_JS_IN_REPO),
    )
    .await;
    a.unwrap();
    b.unwrap();
    assert!(chart_js_loaded());
    assert_eq!(
        count(&document(), "script[data-resapi-chart-js]"),
        scripts + 1
    );
    // Loaded: later calls add nothing.
    ensure_chart_js_from(CHART_JS_IN_REPO).await.unwrap();
    assert_eq!(
        count(&document(), "script[data-resapi-chart-js]"),
        scripts + 1
    );

    let host = sized_host(360, 260);
    let canvas: web_sys::HtmlCanvasElement = document()
        .create_element("canvas")
        .unwrap()
        .unchecked_into();
    host.append_child(&canvas).unwrap();
    let before = instance_count();
    let handle = draw_chart(&canvas, &index_bar(Lang::Id)).unwrap();
    assert_eq!(instance_count(), before + 1);
    let chart: &Chart = handle.chart();
    let area = chart.chart_area().expect("laid out");
    let y: Scale = js_sys::Reflect::get(&chart.scales(), &"y".into())
        .unwrap()
        .unchecked_into();
    // Right edge of the plot, clear of the bars, between grid lines.
    let x = area.right() - 2.0;
    assert_eq!(
        pixel(&canvas, x, y.get_pixel_for_value(87.0)),
        rgb("#e3f1ec"),
        "band A"
    );
    assert_eq!(
        pixel(&canvas, x, y.get_pixel_for_value(63.0)),
        rgb("#fdf3d0"),
        "band B"
    );
    assert_eq!(
        pixel(&canvas, x, y.get_pixel_for_value(33.0)),
        rgb("#fbe9e7"),
        "band C"
    );
    // The letters sit outside the plot, in its right padding.
    let letter_zone = (0..12).any(|dx| {
        pixel(
            &canvas,
            area.right() + 6.0 + f64::from(dx),
            y.get_pixel_for_value(87.5),
        ) != [0, 0, 0]
    });
    assert!(letter_zone, "band letter drawn");
    drop(handle);
    assert_eq!(
        instance_count(),
        before,
        "dropping the handle destroys the chart"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn a_failed_load_is_an_error_and_is_retried_later() {
    // Pretend Chart.js is not there yet (tests share one page), then restore it.
    let global = js_sys::global();
    let saved = js_sys::Reflect::get(&global, &"Chart".into()).unwrap();
    js_sys::Reflect::delete_property(&global, &"Chart".into()).unwrap();
    let missing = ensure_chart_js_from("/public/vendor/missing-chart.js").await;
    assert!(missing.unwrap_err().contains("could not be loaded"));
    assert_eq!(
        count(&document(), "script[src='/public/vendor/missing-chart.js']"),
        0,
        "the failed script is removed"
    );
    // The next call tries again (as when the phone is back online).
    ensure_chart_js_from(CHART_JS_IN_REPO).await.unwrap();
    assert!(chart_js_loaded());
    if !saved.is_undefined() {
        js_sys::Reflect::set(&global, &"Chart".into(), &saved).unwrap();
    }
}

/// Runs two futures side by side (both started before either finishes).
async fn futures_join<A, B>(a: A, b: B) -> (A::Output, B::Output)
where
    A: std::future::Future + 'static,
    B: std::future::Future + 'static,
{
    use std::cell::RefCell;
    use std::rc::Rc;
    let first = Rc::new(RefCell::new(None));
    let second = Rc::new(RefCell::new(None));
    let (f, g) = (first.clone(), second.clone());
    wasm_bindgen_futures::spawn_local(async move { *f.borrow_mut() = Some(a.await) });
    wasm_bindgen_futures::spawn_local(async move { *g.borrow_mut() = Some(b.await) });
    until("both futures", || {
        first.borrow().is_some() && second.borrow().is_some()
    })
    .await;
    let a = first.borrow_mut().take().unwrap();
    let b = second.borrow_mut().take().unwrap();
    (a, b)
}

#[wasm_bindgen_test]
async fn the_component_draws_redraws_shows_the_table_and_cleans_up() {
    ensure_chart_js_from(CHART_JS_IN_REPO).await.unwrap();
    let host = sized_host(360, 600);
    let spec = RwSignal::new(index_bar(Lang::Id));
    let before = instance_count();
    let mounted = leptos::mount::mount_to(host.clone(), move || {
        view! {
            <ChartView
                config=spec
                title="Indeks BerAKHLAK per nilai"
                summary="Adaptif paling rendah: 38,9 %"
            />
        }
    });
    let figure = host.query_selector("[data-testid=chart]").unwrap().unwrap();
    let state = || figure.get_attribute("data-state").unwrap_or_default();
    until("the chart is drawn", || state() == "ready").await;
    assert_eq!(instance_count(), before + 1);

    let canvas = host.query_selector("canvas").unwrap().unwrap();
    assert_eq!(canvas.get_attribute("role").as_deref(), Some("img"));
    assert_eq!(
        canvas.get_attribute("aria-label").as_deref(),
        Some("Adaptif paling rendah: 38,9 %")
    );
    let caption = host.query_selector("figcaption").unwrap().unwrap();
    assert_eq!(
        caption.text_content().as_deref(),
        Some("Indeks BerAKHLAK per nilai")
    );

    // The text alternative: a closed <details> with a real table.
    let details = host.query_selector("details").unwrap().unwrap();
    assert!(!details.has_attribute("open"));
    let summary = host.query_selector("details > summary").unwrap().unwrap();
    assert_eq!(
        summary.text_content().as_deref(),
        Some("Lihat sebagai tabel")
    );
    assert_eq!(
        host.query_selector("table caption")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("Indeks BerAKHLAK per nilai")
    );
    assert_eq!(count(&host, "thead th[scope=col]"), 2);
    assert_eq!(count(&host, "tbody tr"), 7);
    let first_row = host
        .query_selector("tbody tr")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(first_row, "Berorientasi Pelayanan74,1 % (B)");
    assert_eq!(count(&host, "tbody th[scope=row]"), 7);

    // A new spec (here: another language) replaces the chart, it does not add one.
    spec.set(index_bar(Lang::En));
    until("the redraw", || {
        state() == "ready"
            && host
                .query_selector("details > summary")
                .unwrap()
                .unwrap()
                .text_content()
                .as_deref()
                == Some("Show as table")
    })
    .await;
    assert_eq!(instance_count(), before + 1);
    assert_eq!(
        host.query_selector("tbody tr")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("Berorientasi Pelayanan74.1 % (B)")
    );

    // A gap reads "no data" to a screen reader.
    spec.set(trend_line());
    until("the line chart", || {
        state() == "ready" && host.query_selector(".chart-gap").unwrap().is_some()
    })
    .await;
    let gap = host.query_selector(".chart-gap").unwrap().unwrap();
    assert_eq!(gap.text_content().as_deref(), Some("–tidak ada data"));

    // No data: the caller's message instead of the canvas, and no chart left behind.
    spec.set(ChartSpec::new(ChartKind::Bar, Lang::Id, seven_values()).empty("Belum cukup data"));
    until("the empty state", || state() == "empty").await;
    assert!(host.query_selector("canvas").unwrap().is_none());
    assert!(host.query_selector("table").unwrap().is_none());
    assert_eq!(
        host.query_selector("[data-testid=chart-empty]")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("Belum cukup data")
    );
    assert_eq!(instance_count(), before);

    // Data again, then unmount: the chart is destroyed with the component.
    spec.set(index_bar(Lang::Id));
    until("the chart again", || state() == "ready").await;
    assert_eq!(instance_count(), before + 1);
    drop(mounted);
    assert_eq!(instance_count(), before, "unmounting destroys the chart");
    host.remove();
}
