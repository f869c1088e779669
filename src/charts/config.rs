//! The Chart.js configuration as serde types (the subset the app uses), built from a
//! [`ChartSpec`]. Converted with `serde_wasm_bindgen`'s `json_compatible()` serializer: the
//! default one makes JS `Map`s, which Chart.js ignores. Optional numbers are left out rather
//! than sent as `null`; the only `null`s are gaps inside `data`, which Chart.js draws as gaps.

use super::bands::band_colours;
use super::spec::{ChartKind, ChartSpec};
use resapi_core::Lang;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

const INK: &str = "#12332b";
const MUTED: &str = "#4a605a";
const GRID: &str = "#d5e0dc";
/// Category labels longer than this are wrapped onto several lines (radar spokes, bars).
const WRAP_AT: usize = 14;
/// Room for the band letters outside the plot area.
const BAND_LETTER_ROOM: f64 = 22.0;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChartConfig {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub data: ChartData,
    pub options: ChartOptions,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChartData {
    pub labels: Vec<Label>,
    pub datasets: Vec<Dataset>,
}

/// A category label: Chart.js draws an array as several lines.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Label {
    One(String),
    Lines(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Dataset {
    pub label: String,
    /// `null` (None) is a gap.
    pub data: Vec<Option<f64>>,
    pub border_color: &'static str,
    pub background_color: &'static str,
    pub border_width: f64,
    pub fill: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub border_dash: Vec<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub point_radius: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub point_hover_radius: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub point_background_color: Option<&'static str>,
    /// A different point shape per series, so series differ by more than colour.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub point_style: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_bar_thickness: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChartOptions {
    pub responsive: bool,
    pub maintain_aspect_ratio: bool,
    /// `Some(false)` under automation (`navigator.webdriver`) and with reduced motion.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub animation: Option<bool>,
    /// Tooltip number format: "id-ID" writes 58,5.
    pub locale: &'static str,
    /// Default text colour.
    pub color: &'static str,
    /// "y" for horizontal bars.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index_axis: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layout: Option<Layout>,
    pub scales: Scales,
    pub plugins: Plugins,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Layout {
    pub padding: Padding,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Padding {
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
    pub left: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scales {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub x: Option<Scale>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub y: Option<Scale>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub r: Option<RadialScale>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Scale {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub begin_at_zero: Option<bool>,
    pub ticks: Ticks,
    pub grid: Grid,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RadialScale {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    pub begin_at_zero: bool,
    pub ticks: Ticks,
    pub grid: Grid,
    pub angle_lines: Grid,
    pub point_labels: PointLabels,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Ticks {
    pub color: &'static str,
    pub font: Font,
    /// False on category axes of bar charts: every category keeps its label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auto_skip: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_rotation: Option<f64>,
    /// Radar ticks sit on the grid: a transparent backdrop keeps them from hiding it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backdrop_color: Option<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Font {
    pub size: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Grid {
    pub display: bool,
    pub color: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PointLabels {
    pub color: &'static str,
    pub font: Font,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plugins {
    pub legend: Legend,
    pub tooltip: Tooltip,
    /// Options of the inline band plugin (`bands.rs`, id `BAND_PLUGIN_ID`), read at draw time.
    #[serde(rename = "resapiBands", skip_serializing_if = "Option::is_none")]
    pub bands: Option<BandsOptions>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Legend {
    pub display: bool,
    pub position: &'static str,
    pub labels: LegendLabels,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LegendLabels {
    pub color: &'static str,
    pub use_point_style: bool,
    pub font: Font,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tooltip {
    pub enabled: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BandsOptions {
    /// Highest first.
    pub bands: Vec<BandConfig>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BandConfig {
    pub grade: String,
    pub min: f64,
    /// Light background of the band.
    pub fill: &'static str,
    /// Colour of the band letter (≥ 4.5:1 on `fill` and on white).
    pub text: &'static str,
}

const POINT_STYLES: [&str; 4] = ["circle", "rectRot", "triangle", "rect"];

impl ChartSpec {
    /// The Chart.js configuration. `animate: false` turns animation off (automated browsers,
    /// reduced motion).
    pub fn config(&self, animate: bool) -> ChartConfig {
        let kind = match self.kind {
            ChartKind::Line => "line",
            ChartKind::Radar => "radar",
            ChartKind::Bar => "bar",
        };
        let horizontal = self.kind == ChartKind::Bar && self.horizontal;
        let wrap = self.kind != ChartKind::Line;
        let labels = self
            .labels
            .iter()
            .map(|l| {
                if wrap {
                    wrap_label(l, WRAP_AT)
                } else {
                    Label::One(l.clone())
                }
            })
            .collect();
        let datasets = self
            .series
            .iter()
            .enumerate()
            .map(|(n, s)| {
                let bar = self.kind == ChartKind::Bar;
                Dataset {
                    label: s.label.clone(),
                    data: (0..self.labels.len()).map(|i| s.value(i)).collect(),
                    border_color: s.colour.stroke(),
                    background_color: if bar {
                        s.colour.bar_fill()
                    } else if s.fill {
                        s.colour.area_fill()
                    } else {
                        "transparent"
                    },
                    border_width: if bar { 1.0 } else { 2.5 },
                    fill: s.fill && !bar,
                    border_dash: if s.dashed { vec![6.0, 4.0] } else { Vec::new() },
                    point_radius: (!bar).then_some(4.0),
                    point_hover_radius: (!bar).then_some(6.0),
                    point_background_color: (!bar).then_some(s.colour.stroke()),
                    point_style: (!bar).then_some(POINT_STYLES[n % POINT_STYLES.len()]),
                    max_bar_thickness: bar.then_some(40.0),
                }
            })
            .collect();

        let bands = self.drawn_bands();
        let bands_options = (!bands.is_empty()).then(|| BandsOptions {
            bands: bands
                .iter()
                .enumerate()
                .map(|(rank, b)| {
                    let (fill, text) = band_colours(rank);
                    BandConfig {
                        grade: b.grade.clone(),
                        min: b.min,
                        fill,
                        text,
                    }
                })
                .collect(),
        });
        let layout = bands_options.as_ref().map(|_| Layout {
            padding: Padding {
                top: if horizontal { BAND_LETTER_ROOM } else { 0.0 },
                right: if horizontal { 0.0 } else { BAND_LETTER_ROOM },
                bottom: 0.0,
                left: 0.0,
            },
        });

        let ticks = |auto_skip: Option<bool>, max_rotation: Option<f64>| Ticks {
            color: MUTED,
            font: Font { size: 12.0 },
            auto_skip,
            max_rotation,
            backdrop_color: None,
        };
        let value_scale = Scale {
            min: self.y_min,
            max: self.y_max,
            begin_at_zero: self.y_min.is_none().then_some(true),
            ticks: ticks(None, None),
            grid: Grid {
                display: true,
                color: GRID,
            },
        };
        let category_scale = Scale {
            min: None,
            max: None,
            begin_at_zero: None,
            ticks: match self.kind {
                ChartKind::Bar => ticks(Some(false), None),
                _ => ticks(None, Some(0.0)),
            },
            grid: Grid {
                display: false,
                color: GRID,
            },
        };
        let scales = match self.kind {
            ChartKind::Radar => Scales {
                x: None,
                y: None,
                r: Some(RadialScale {
                    min: self.y_min,
                    max: self.y_max,
                    begin_at_zero: true,
                    ticks: Ticks {
                        backdrop_color: Some("transparent"),
                        ..ticks(None, None)
                    },
                    grid: Grid {
                        display: true,
                        color: GRID,
                    },
                    angle_lines: Grid {
                        display: true,
                        color: GRID,
                    },
                    point_labels: PointLabels {
                        color: INK,
                        font: Font { size: 12.0 },
                    },
                }),
            },
            _ if horizontal => Scales {
                x: Some(value_scale),
                y: Some(category_scale),
                r: None,
            },
            _ => Scales {
                x: Some(category_scale),
                y: Some(value_scale),
                r: None,
            },
        };

        ChartConfig {
            kind,
            data: ChartData { labels, datasets },
            options: ChartOptions {
                responsive: true,
                maintain_aspect_ratio: false,
                animation: (!animate).then_some(false),
                locale: match self.lang {
                    Lang::Id => "id-ID",
                    Lang::En => "en-GB",
                },
                color: INK,
                index_axis: horizontal.then_some("y"),
                layout,
                scales,
                plugins: Plugins {
                    legend: Legend {
                        display: self.series.len() > 1,
                        position: "bottom",
                        labels: LegendLabels {
                            color: INK,
                            use_point_style: true,
                            font: Font { size: 13.0 },
                        },
                    },
                    tooltip: Tooltip { enabled: true },
                    bands: bands_options,
                },
            },
        }
    }
}

impl ChartConfig {
    /// The plain JS object Chart.js takes (objects, arrays, numbers, `null` for gaps).
    pub fn to_js(&self) -> Result<JsValue, String> {
        to_js(self)
    }
}

/// A part of the configuration (its data, its options) as the plain JS object Chart.js takes.
pub fn to_js(part: &impl Serialize) -> Result<JsValue, String> {
    part.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| e.to_string())
}

/// Splits a long label at spaces into lines of about `width` characters.
pub fn wrap_label(label: &str, width: usize) -> Label {
    if label.chars().count() <= width {
        return Label::One(label.to_owned());
    }
    let mut lines: Vec<String> = Vec::new();
    for word in label.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    if lines.len() <= 1 {
        Label::One(label.to_owned())
    } else {
        Label::Lines(lines)
    }
}

/// False in automated browsers (`navigator.webdriver`, so tests see the final frame at once)
/// and when the person asked for reduced motion.
pub fn animations_wanted() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let webdriver = js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("webdriver"))
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    if webdriver {
        return false;
    }
    let reduced = js_sys::Reflect::get(&window, &JsValue::from_str("matchMedia"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| {
            f.call1(
                &window,
                &JsValue::from_str("(prefers-reduced-motion: reduce)"),
            )
            .ok()
        })
        .and_then(|mql| js_sys::Reflect::get(&mql, &JsValue::from_str("matches")).ok())
        .and_then(|m| m.as_bool())
        .unwrap_or(false);
    !reduced
}
