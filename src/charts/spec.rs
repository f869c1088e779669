//! What a page asks for: a chart described in Rust, independent of Chart.js. The same spec
//! builds the Chart.js configuration ([`ChartSpec::config`]) and the text alternative
//! ([`ChartSpec::table`]), so the table always shows exactly the charted numbers.

use resapi_core::Lang;
use resapi_core::content::ScoringConfig;

/// The three chart shapes the app uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// Change over time (x: dates, y: score). Gaps (`None`) break the line.
    Line,
    /// A profile over several dimensions (the seven values, the three commitment components).
    Radar,
    /// One bar per category; with [`ChartSpec::bands`], shaded A/B/C health bands behind.
    Bar,
}

/// The app's palette (`style/main.css`). Every stroke and text colour reaches at least 4.5:1
/// on white and on the light band fills; gold strokes use a dark gold, the bright brand gold
/// (1.8:1 on white) only fills bars, always with the dark gold outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartColour {
    Green,
    Gold,
    Red,
    Muted,
}

impl ChartColour {
    /// Lines, outlines, points (≥ 5.4:1 on white).
    pub fn stroke(self) -> &'static str {
        match self {
            ChartColour::Green => "#0b5d4b",
            ChartColour::Gold => "#7a5a00",
            ChartColour::Red => "#a3221b",
            ChartColour::Muted => "#4a605a",
        }
    }

    /// Bar fills (solid: a bar is read against the bands behind it).
    pub fn bar_fill(self) -> &'static str {
        match self {
            ChartColour::Green => "#0b5d4b",
            ChartColour::Gold => "#f2b705",
            ChartColour::Red => "#a3221b",
            ChartColour::Muted => "#4a605a",
        }
    }

    /// Area fills under a line or inside a radar (translucent, so series overlap readably).
    pub fn area_fill(self) -> &'static str {
        match self {
            ChartColour::Green => "rgba(11, 93, 75, 0.18)",
            ChartColour::Gold => "rgba(242, 183, 5, 0.25)",
            ChartColour::Red => "rgba(163, 34, 27, 0.15)",
            ChartColour::Muted => "rgba(74, 96, 90, 0.15)",
        }
    }
}

/// One series: a label (already translated), one value per category label, a colour.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub label: String,
    /// One per [`ChartSpec::labels`]; `None` is a gap (not answered, not enough answers).
    pub values: Vec<Option<f64>>,
    pub colour: ChartColour,
    /// A dashed line: tells a comparison series (an earlier round, the unit) apart without
    /// relying on colour.
    pub dashed: bool,
    /// Fill the area under a line / inside a radar.
    pub fill: bool,
}

impl Series {
    pub fn new(label: impl Into<String>, values: Vec<Option<f64>>, colour: ChartColour) -> Self {
        Series {
            label: label.into(),
            values,
            colour,
            dashed: false,
            fill: false,
        }
    }

    /// Values with no gaps.
    pub fn from_values(label: impl Into<String>, values: &[f64], colour: ChartColour) -> Self {
        Series::new(label, values.iter().copied().map(Some).collect(), colour)
    }

    pub fn dashed(mut self) -> Self {
        self.dashed = true;
        self
    }

    pub fn filled(mut self) -> Self {
        self.fill = true;
        self
    }

    /// The value at `i`, `None` for a gap, a missing entry, NaN or infinity.
    pub fn value(&self, i: usize) -> Option<f64> {
        self.values
            .get(i)
            .copied()
            .flatten()
            .filter(|v| v.is_finite())
    }
}

/// A health band shaded behind a bar or line chart: from `min` up to the next band's `min`.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartBand {
    /// The letter drawn at the band's edge: "A", "B", "C".
    pub grade: String,
    /// Lowest value (inclusive) in the band.
    pub min: f64,
}

impl ChartBand {
    pub fn new(grade: impl Into<String>, min: f64) -> Self {
        ChartBand {
            grade: grade.into(),
            min,
        }
    }

    /// The bands of the content bundle's scoring configuration (`index_bands`), highest first.
    pub fn from_scoring(scoring: &ScoringConfig) -> Vec<ChartBand> {
        let mut bands: Vec<ChartBand> = scoring
            .index_bands
            .iter()
            .filter(|b| b.min_percent.is_finite())
            .map(|b| ChartBand::new(b.grade.clone(), b.min_percent))
            .collect();
        sort_highest_first(&mut bands);
        bands
    }
}

fn sort_highest_first(bands: &mut [ChartBand]) {
    bands.sort_by(|a, b| b.min.total_cmp(&a.min));
}

/// A chart, described independently of Chart.js. Build it with [`ChartSpec::new`] and the
/// builder methods, inside a `Signal::derive`/`Memo` that reads the language, so the chart
/// and the table follow a language switch.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSpec {
    pub kind: ChartKind,
    /// Number format (decimal comma in Indonesian) and the component's own strings.
    pub lang: Lang,
    /// Category labels (already translated): x axis, radar spokes, bars.
    pub labels: Vec<String>,
    /// Header of the table's first column ("Nilai", "Tanggal").
    pub label_header: String,
    pub series: Vec<Series>,
    pub y_min: Option<f64>,
    pub y_max: Option<f64>,
    /// Appended to numbers in the table (" %", "" for a 1–5 mean).
    pub unit: String,
    /// Decimals in the table (Chart.js tooltips use the locale's own format).
    pub decimals: usize,
    /// Bars along the x axis (long category names read better on a phone). Bar charts only.
    pub horizontal: bool,
    /// Shaded bands behind a bar or line chart, highest first. Ignored by radar charts.
    pub bands: Vec<ChartBand>,
    /// Shown instead of the chart and the table when there is no data ([`ChartSpec::is_empty`]).
    pub empty: String,
}

impl ChartSpec {
    pub fn new(kind: ChartKind, lang: Lang, labels: Vec<String>) -> Self {
        ChartSpec {
            kind,
            lang,
            labels,
            label_header: String::new(),
            series: Vec::new(),
            y_min: None,
            y_max: None,
            unit: String::new(),
            decimals: 1,
            horizontal: false,
            bands: Vec::new(),
            empty: String::new(),
        }
    }

    pub fn label_header(mut self, header: impl Into<String>) -> Self {
        self.label_header = header.into();
        self
    }

    pub fn series(mut self, series: Series) -> Self {
        self.series.push(series);
        self
    }

    pub fn y_range(mut self, min: f64, max: f64) -> Self {
        self.y_min = Some(min);
        self.y_max = Some(max);
        self
    }

    pub fn unit(mut self, unit: impl Into<String>) -> Self {
        self.unit = unit.into();
        self
    }

    pub fn decimals(mut self, decimals: usize) -> Self {
        self.decimals = decimals;
        self
    }

    pub fn horizontal(mut self) -> Self {
        self.horizontal = true;
        self
    }

    pub fn bands(mut self, mut bands: Vec<ChartBand>) -> Self {
        bands.retain(|b| b.min.is_finite());
        sort_highest_first(&mut bands);
        self.bands = bands;
        self
    }

    pub fn empty(mut self, message: impl Into<String>) -> Self {
        self.empty = message.into();
        self
    }

    /// Nothing to draw: no categories, or no series with a single value.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
            || !self
                .series
                .iter()
                .any(|s| (0..self.labels.len()).any(|i| s.value(i).is_some()))
    }

    /// The bands actually drawn: none on a radar chart.
    pub fn drawn_bands(&self) -> &[ChartBand] {
        if self.kind == ChartKind::Radar {
            &[]
        } else {
            &self.bands
        }
    }

    /// The band a value falls in (the highest band whose `min` is not above it).
    pub fn band_of(&self, value: f64) -> Option<&ChartBand> {
        self.drawn_bands().iter().find(|b| b.min <= value)
    }

    /// "58,5" / "58.5" with [`ChartSpec::decimals`] decimals.
    pub fn format_number(&self, value: f64) -> String {
        let text = format!("{value:.prec$}", prec = self.decimals);
        match self.lang {
            Lang::Id => text.replace('.', ","),
            Lang::En => text,
        }
    }

    /// The text alternative: one row per category label, one cell per series.
    pub fn table(&self) -> Table {
        let mut head = Vec::with_capacity(self.series.len() + 1);
        head.push(self.label_header.clone());
        head.extend(self.series.iter().map(|s| s.label.clone()));
        let rows = self
            .labels
            .iter()
            .enumerate()
            .map(|(i, label)| TableRow {
                label: label.clone(),
                cells: self
                    .series
                    .iter()
                    .map(|s| s.value(i).map(|v| self.cell_text(v)))
                    .collect(),
            })
            .collect();
        Table { head, rows }
    }

    fn cell_text(&self, value: f64) -> String {
        let number = format!("{}{}", self.format_number(value), self.unit);
        match self.band_of(value) {
            Some(band) => format!("{number} ({})", band.grade),
            None => number,
        }
    }
}

/// The chart's numbers as a table: `head[0]` heads the label column, then one per series.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub head: Vec<String>,
    pub rows: Vec<TableRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub label: String,
    /// One per series; `None` where the series has no value (shown as "no data").
    pub cells: Vec<Option<String>>,
}
