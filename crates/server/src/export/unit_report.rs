//! The unit dashboard's answer laid out as export tables, one per figure family (summary and
//! participation, index per value, index trend, each components questionnaire, practice,
//! practice trend, sub-units). It reads the very [`UnitDashboard`] the JSON API returns, so
//! the files hold the same aggregates; a suppressed cell carries its reason as text.

use super::{Cell, Column, ColumnKind, ExportError, Table};
use resapi_core::aggregate::practice_group::Accuracy;
use resapi_core::aggregate::spread::Spread;
use resapi_core::aggregate::suppression::{Guarded, Reason};
use resapi_core::aggregate::threshold::MinRespondents;
use resapi_core::content::ContentBundle;
use resapi_core::unit_dashboard::UnitDashboard;

/// Columns shared by every figure with a spread.
const SPREAD_HEADERS: [&str; 5] = ["Rata-rata (%)", "Simpangan baku", "Q1", "Median", "Q3"];

/// The report's tables, in the order of the dashboard screen.
pub fn unit_report(d: &UnitDashboard, content: &ContentBundle) -> Result<Vec<Table>, ExportError> {
    let r = Report {
        d,
        content,
        k: MinRespondents::new(d.k).unwrap_or_default(),
    };
    let mut tables = vec![r.summary()?, r.index()?, r.index_trend()?];
    for c in &d.components {
        tables.push(r.components(&c.questionnaire, &c.figure)?);
    }
    tables.extend([r.practice()?, r.practice_trend()?, r.sub_units()?]);
    Ok(tables)
}

struct Report<'a> {
    d: &'a UnitDashboard,
    content: &'a ContentBundle,
    k: MinRespondents,
}

fn columns(spec: &[(&str, ColumnKind)]) -> Vec<Column> {
    spec.iter().map(|(h, k)| Column::new(*h, *k)).collect()
}

fn int(n: u32) -> Cell {
    Cell::Integer(i64::from(n))
}

fn number(x: Option<f64>) -> Cell {
    x.map_or(Cell::Empty, Cell::Number)
}

fn text(s: Option<&str>) -> Cell {
    s.map_or(Cell::Empty, Cell::text)
}

fn spread_cells(s: Option<&Spread>) -> Vec<Cell> {
    match s {
        Some(s) => vec![
            Cell::Number(s.mean),
            number(s.sd),
            Cell::Number(s.q1),
            Cell::Number(s.median),
            Cell::Number(s.q3),
        ],
        None => vec![Cell::Empty; SPREAD_HEADERS.len()],
    }
}

fn accuracy_cells(a: &Accuracy) -> Vec<Cell> {
    vec![
        int(a.answered),
        int(a.correct),
        int(a.percent),
        int(a.people),
    ]
}

const DECIMAL: ColumnKind = ColumnKind::Decimal { places: 1 };

impl Report<'_> {
    fn reason(&self, reason: Reason) -> String {
        reason.message(self.k).id
    }

    /// `width` copies of the reason, for a hidden row's number cells.
    fn withheld(&self, reason: Reason, width: usize) -> Vec<Cell> {
        vec![Cell::withheld(self.reason(reason)); width]
    }

    /// A row of `width` cells naming its figure (`key`, `label`) and withheld for `reason`.
    fn withheld_row(&self, key: &str, label: &str, reason: Reason, width: usize) -> Vec<Cell> {
        let mut row = vec![Cell::text(key), Cell::text(label)];
        row.extend(self.withheld(reason, width - 2));
        row
    }

    /// The family alone: it names the sheet (31 characters at most); the unit and the
    /// period are in the summary and the file name.
    fn title(&self, family: &str) -> String {
        family.to_string()
    }

    fn value_name(&self, id: &str) -> String {
        self.content
            .value(id)
            .map_or_else(|| id.to_string(), |v| v.name.id.clone())
    }

    fn questionnaire_title(&self, id: &str) -> String {
        self.content
            .questionnaire(id)
            .map_or_else(|| id.to_string(), |q| q.title.id.clone())
    }

    fn component_name(&self, questionnaire: &str, id: &str) -> String {
        self.content
            .questionnaire(questionnaire)
            .and_then(|q| q.components.iter().find(|c| c.id == id))
            .map_or_else(|| id.to_string(), |c| c.name.id.clone())
    }

    fn module_title(&self, id: &str) -> String {
        self.content
            .modules
            .iter()
            .find(|m| m.id == id)
            .map_or_else(|| id.to_string(), |m| m.title.id.clone())
    }

    /// Participation and the headline figures in one row.
    fn summary(&self) -> Result<Table, ExportError> {
        let d = self.d;
        let mut t = Table::new(
            self.title("Ringkasan"),
            columns(&[
                ("Unit", ColumnKind::Text),
                ("Periode", ColumnKind::Text),
                ("Ambang k", ColumnKind::Integer),
                ("Anggota", ColumnKind::Integer),
                ("Aktif", ColumnKind::Integer),
                ("Aktif (%)", ColumnKind::Integer),
                ("Responden indeks", ColumnKind::Integer),
                ("Indeks BerAKHLAK (%)", DECIMAL),
                ("Pita", ColumnKind::Text),
                ("Nilai terlemah", ColumnKind::Text),
                ("Modul yang menjawabnya", ColumnKind::Text),
            ]),
        );
        let mut row = vec![
            Cell::text(&d.unit.name),
            Cell::text(d.period.to_string()),
            int(d.k),
            int(d.participation.members),
            int(d.participation.active),
            int(d.participation.active_percent),
        ];
        match &d.index {
            Guarded::Shown { n, value } => row.extend([
                int(*n),
                number(value.overall),
                text(value.overall_band.as_ref().map(|b| b.grade.as_str())),
            ]),
            Guarded::Suppressed { reason } => row.extend(self.withheld(*reason, 3)),
        }
        match &d.weakest {
            Some(w) => {
                let modules: Vec<String> = w.modules.iter().map(|m| self.module_title(m)).collect();
                row.extend([
                    Cell::text(self.value_name(&w.value)),
                    Cell::text(modules.join("; ")),
                ]);
            }
            None => row.extend([Cell::Empty, Cell::Empty]),
        }
        t.push_row(row)?;
        Ok(t)
    }

    /// The index per value and overall, with band and spread.
    fn index(&self) -> Result<Table, ExportError> {
        let mut spec = vec![
            ("Kode", ColumnKind::Text),
            ("Nilai", ColumnKind::Text),
            ("Responden", ColumnKind::Integer),
            ("Indeks (%)", DECIMAL),
            ("Pita", ColumnKind::Text),
        ];
        spec.extend(SPREAD_HEADERS.iter().map(|h| (*h, DECIMAL)));
        let mut t = Table::new(self.title("Indeks BerAKHLAK"), columns(&spec));
        match &self.d.index {
            Guarded::Shown { n, value } => {
                for v in &value.values {
                    let mut row = vec![
                        Cell::text(&v.index.value),
                        Cell::text(self.value_name(&v.index.value)),
                        int(*n),
                        number(v.index.percent),
                        text(v.index.band.as_ref().map(|b| b.grade.as_str())),
                    ];
                    row.extend(spread_cells(v.spread.as_ref()));
                    t.push_row(row)?;
                }
                let mut row = vec![
                    Cell::text("keseluruhan"),
                    Cell::text("Keseluruhan"),
                    int(*n),
                    number(value.overall),
                    text(value.overall_band.as_ref().map(|b| b.grade.as_str())),
                ];
                row.extend(spread_cells(value.overall_spread.as_ref()));
                t.push_row(row)?;
            }
            Guarded::Suppressed { reason } => {
                t.push_row(self.withheld_row("keseluruhan", "Keseluruhan", *reason, spec.len()))?;
            }
        }
        Ok(t)
    }

    /// Overall and per value, one row per period of the trend.
    fn index_trend(&self) -> Result<Table, ExportError> {
        let values: Vec<String> = self.content.values.iter().map(|v| v.id.clone()).collect();
        let names: Vec<String> = values
            .iter()
            .map(|v| format!("{} (%)", self.value_name(v)))
            .collect();
        let mut spec = vec![
            ("Periode", ColumnKind::Text),
            ("Responden", ColumnKind::Integer),
            ("Keseluruhan (%)", DECIMAL),
            ("Pita", ColumnKind::Text),
        ];
        spec.extend(names.iter().map(|n| (n.as_str(), DECIMAL)));
        let mut t = Table::new(self.title("Tren indeks"), columns(&spec));
        for p in &self.d.index_trend {
            let mut row = vec![Cell::text(p.period.to_string())];
            match &p.figure {
                Guarded::Shown { n, value } => {
                    row.extend([int(*n), number(value.overall), text(value.band.as_deref())]);
                    row.extend(values.iter().map(|id| {
                        number(
                            value
                                .values
                                .iter()
                                .find(|v| &v.value == id)
                                .and_then(|v| v.percent),
                        )
                    }));
                }
                Guarded::Suppressed { reason } => {
                    row.extend(self.withheld(*reason, spec.len() - 1));
                }
            }
            t.push_row(row)?;
        }
        Ok(t)
    }

    /// A components questionnaire (commitment, SMART ASN): means with spread.
    fn components(
        &self,
        questionnaire: &str,
        figure: &Guarded<resapi_core::aggregate::questionnaire_group::ComponentsGroup>,
    ) -> Result<Table, ExportError> {
        let mut spec = vec![
            ("Kode", ColumnKind::Text),
            ("Komponen", ColumnKind::Text),
            ("Responden", ColumnKind::Integer),
            ("Rata-rata (1–5)", ColumnKind::Decimal { places: 2 }),
            ("Persen (%)", DECIMAL),
        ];
        spec.extend(SPREAD_HEADERS.iter().map(|h| (*h, DECIMAL)));
        let mut t = Table::new(
            self.title(&self.questionnaire_title(questionnaire)),
            columns(&spec),
        );
        match figure {
            Guarded::Shown { n, value } => {
                for c in &value.components {
                    let mut row = vec![
                        Cell::text(&c.score.component),
                        Cell::text(self.component_name(questionnaire, &c.score.component)),
                        int(*n),
                        number(c.score.mean),
                        number(c.score.percent),
                    ];
                    row.extend(spread_cells(c.spread.as_ref()));
                    t.push_row(row)?;
                }
            }
            Guarded::Suppressed { reason } => {
                t.push_row(self.withheld_row("semua", "Semua komponen", *reason, spec.len()))?;
            }
        }
        Ok(t)
    }

    /// Accuracy overall, per value and per indicator.
    fn practice(&self) -> Result<Table, ExportError> {
        let spec = [
            ("Tingkat", ColumnKind::Text),
            ("Kode", ColumnKind::Text),
            ("Nama", ColumnKind::Text),
            ("Soal dijawab", ColumnKind::Integer),
            ("Benar", ColumnKind::Integer),
            ("Akurasi (%)", ColumnKind::Integer),
            ("Orang", ColumnKind::Integer),
        ];
        let mut t = Table::new(self.title("Latihan"), columns(&spec));
        let overall = || {
            vec![
                Cell::text("Keseluruhan"),
                Cell::text("keseluruhan"),
                Cell::text("Keseluruhan"),
            ]
        };
        let rows: Vec<(Vec<Cell>, Vec<Cell>)> = match &self.d.practice {
            Guarded::Shown { value, .. } => {
                let mut rows = vec![(overall(), self.accuracy_or_reason(&value.overall))];
                rows.extend(value.per_value.iter().map(|v| {
                    let lead = vec![
                        Cell::text("Nilai"),
                        Cell::text(&v.key),
                        Cell::text(self.value_name(&v.key)),
                    ];
                    (lead, self.accuracy_or_reason(&v.figure))
                }));
                rows.extend(value.per_indicator.iter().map(|i| {
                    let lead = vec![
                        Cell::text("Indikator"),
                        Cell::text(&i.key),
                        Cell::text(&i.key),
                    ];
                    (lead, self.accuracy_or_reason(&i.figure))
                }));
                rows
            }
            Guarded::Suppressed { reason } => vec![(overall(), self.withheld(*reason, 4))],
        };
        for (mut row, figures) in rows {
            row.extend(figures);
            t.push_row(row)?;
        }
        Ok(t)
    }

    /// Answered, correct, accuracy and people, or four times the reason.
    fn accuracy_or_reason(&self, g: &Guarded<Accuracy>) -> Vec<Cell> {
        match g {
            Guarded::Shown { value, .. } => accuracy_cells(value),
            Guarded::Suppressed { reason } => self.withheld(*reason, 4),
        }
    }

    fn practice_trend(&self) -> Result<Table, ExportError> {
        let spec = [
            ("Periode", ColumnKind::Text),
            ("Soal dijawab", ColumnKind::Integer),
            ("Benar", ColumnKind::Integer),
            ("Akurasi (%)", ColumnKind::Integer),
            ("Orang", ColumnKind::Integer),
        ];
        let mut t = Table::new(self.title("Tren latihan"), columns(&spec));
        for p in &self.d.practice_trend {
            let mut row = vec![Cell::text(p.period.to_string())];
            row.extend(self.accuracy_or_reason(&p.figure));
            t.push_row(row)?;
        }
        Ok(t)
    }

    /// Sub-units side by side: participation, index, practice.
    fn sub_units(&self) -> Result<Table, ExportError> {
        let spec = [
            ("Kode unit", ColumnKind::Text),
            ("Unit", ColumnKind::Text),
            ("Anggota", ColumnKind::Integer),
            ("Aktif", ColumnKind::Integer),
            ("Aktif (%)", ColumnKind::Integer),
            ("Responden indeks", ColumnKind::Integer),
            ("Indeks BerAKHLAK (%)", DECIMAL),
            ("Pita", ColumnKind::Text),
            ("Akurasi latihan (%)", ColumnKind::Integer),
            ("Soal dijawab", ColumnKind::Integer),
        ];
        let mut t = Table::new(self.title("Sub-unit"), columns(&spec));
        for s in &self.d.sub_units {
            let mut row = vec![
                Cell::text(&s.unit.id),
                Cell::text(&s.unit.name),
                int(s.participation.members),
                int(s.participation.active),
                int(s.participation.active_percent),
            ];
            match &s.index {
                Guarded::Shown { n, value } => {
                    row.extend([int(*n), number(value.overall), text(value.band.as_deref())])
                }
                Guarded::Suppressed { reason } => row.extend(self.withheld(*reason, 3)),
            }
            match &s.practice {
                Guarded::Shown { value, .. } => {
                    row.extend([int(value.percent), int(value.answered)]);
                }
                Guarded::Suppressed { reason } => row.extend(self.withheld(*reason, 2)),
            }
            t.push_row(row)?;
        }
        Ok(t)
    }
}
