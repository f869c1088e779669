//! Charts: a Chart.js chart with a real table beside it, for the personal progress page.
//!
//! Chart.js is vendored (`public/vendor/chart-4.6.1.umd.min.js`) and never part of the first
//! load: [`ensure_chart_js`] injects it the first time a [`ChartView`] with data mounts (the
//! service worker has precached it, so it works offline). A page describes a chart with a
//! [`ChartSpec`]; the same spec builds the Chart.js configuration and the table that screen
//! reader and keyboard users read.
//!
//! A screen whose figures change while it is open (the console's dashboard) keeps its charts
//! and updates them in place: [`component::chart_figure`] with its own painter,
//! [`component::put_config`] and [`component::redraw`] (`chart.update('none')`). The phone's
//! `ChartView` draws each spec anew and carries none of that code.
//!
//! ```ignore
//! let spec = Signal::derive(move || {
//!     let lang = app.lang.get();
//!     ChartSpec::new(ChartKind::Bar, lang, value_names(lang))
//!         .label_header(if lang == Lang::Id { "Nilai" } else { "Value" })
//!         .series(Series::new("Indeks", percents, ChartColour::Green))
//!         .y_range(0.0, 100.0)
//!         .unit(" %")
//!         .bands(ChartBand::from_scoring(&bundle.scoring))
//!         .empty(app.tr().not_enough)
//! });
//! view! { <ChartView config=spec title=title summary=summary /> }
//! ```

pub mod bands;
pub mod bindings;
pub mod component;
pub mod config;
pub mod loader;
pub mod spec;

pub use component::ChartView;
pub use loader::ensure_chart_js;
pub use spec::{ChartBand, ChartColour, ChartKind, ChartSpec, Series, Table, TableRow};
