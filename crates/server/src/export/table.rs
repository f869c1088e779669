//! The table every export is made of: a title, typed columns and rows of cells checked
//! against them, so the writers never meet a text in a number column or a NaN.

use super::ExportError;
use time::Date;

/// What a column holds, which decides the cell type and display format in the XLSX.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    Text,
    /// Whole numbers (counts).
    Integer,
    /// Numbers shown with this many decimal places (the value keeps full precision).
    Decimal {
        places: u8,
    },
    /// A share from 0 to 1, shown as a percentage with this many decimal places.
    Percent {
        places: u8,
    },
    Date,
}

impl ColumnKind {
    fn expects(self) -> &'static str {
        match self {
            ColumnKind::Text => "a text",
            ColumnKind::Integer => "a whole number",
            ColumnKind::Decimal { .. } | ColumnKind::Percent { .. } => "a number",
            ColumnKind::Date => "a date",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub header: String,
    pub kind: ColumnKind,
}

impl Column {
    pub fn new(header: impl Into<String>, kind: ColumnKind) -> Self {
        Self {
            header: header.into(),
            kind,
        }
    }
}

/// One cell. `Empty` is "no data"; `Withheld` is a value deliberately not shown (e.g. fewer
/// than k respondents) and carries the reason the reader sees in its place.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Integer(i64),
    Number(f64),
    Date(Date),
    Empty,
    Withheld(String),
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Self {
        Cell::Text(text.into())
    }

    pub fn withheld(reason: impl Into<String>) -> Self {
        Cell::Withheld(reason.into())
    }
}

/// Excel stores every number as an f64: integers beyond 2^53 would silently change.
const LARGEST_EXACT_INTEGER: i64 = 1 << 53;

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    title: String,
    columns: Vec<Column>,
    rows: Vec<Vec<Cell>>,
}

impl Table {
    pub fn new(title: impl Into<String>, columns: Vec<Column>) -> Self {
        Self {
            title: title.into(),
            columns,
            rows: Vec::new(),
        }
    }

    /// Adds a row after checking each cell against its column. An integer is accepted in a
    /// decimal or percent column (as that number).
    pub fn push_row(&mut self, cells: Vec<Cell>) -> Result<(), ExportError> {
        let row = self.rows.len() + 1;
        if cells.len() != self.columns.len() {
            return Err(ExportError::RowLength {
                row,
                got: cells.len(),
                expected: self.columns.len(),
            });
        }
        let mut checked = Vec::with_capacity(cells.len());
        for (cell, column) in cells.into_iter().zip(&self.columns) {
            checked.push(check_cell(cell, column).map_err(|problem| match problem {
                Some(problem) => ExportError::BadValue {
                    row,
                    column: column.header.clone(),
                    problem,
                },
                None => ExportError::WrongCell {
                    row,
                    column: column.header.clone(),
                    expected: column.kind.expects(),
                },
            })?);
        }
        self.rows.push(checked);
        Ok(())
    }

    pub fn title(&self) -> &str {
        &self.title
    }

    pub fn columns(&self) -> &[Column] {
        &self.columns
    }

    pub fn rows(&self) -> &[Vec<Cell>] {
        &self.rows
    }
}

/// The cell as its column stores it; `Err(None)` for the wrong kind of cell,
/// `Err(Some(problem))` for a value no spreadsheet can hold.
fn check_cell(cell: Cell, column: &Column) -> Result<Cell, Option<&'static str>> {
    use ColumnKind as K;
    match (cell, column.kind) {
        (cell @ (Cell::Empty | Cell::Withheld(_)), _) => Ok(cell),
        (cell @ Cell::Text(_), K::Text) => Ok(cell),
        (Cell::Integer(n), K::Integer) if n.abs() > LARGEST_EXACT_INTEGER => {
            Err(Some("the number is too large to be kept exactly"))
        }
        (cell @ Cell::Integer(_), K::Integer) => Ok(cell),
        (Cell::Integer(n), K::Decimal { .. } | K::Percent { .. }) => Ok(Cell::Number(n as f64)),
        (Cell::Number(x), K::Decimal { .. } | K::Percent { .. }) if !x.is_finite() => {
            Err(Some("the number is not finite"))
        }
        (cell @ Cell::Number(_), K::Decimal { .. } | K::Percent { .. }) => Ok(cell),
        // Excel's calendar starts in 1900 and ends in 9999.
        (Cell::Date(d), K::Date) if !(1900..=9999).contains(&d.year()) => {
            Err(Some("the date is outside the years 1900 to 9999"))
        }
        (cell @ Cell::Date(_), K::Date) => Ok(cell),
        _ => Err(None),
    }
}

/// A table exercising every kind of cell, for the writers' tests.
#[cfg(test)]
pub(crate) mod sample {
    use super::*;
    use time::macros::date;

    pub const WITHHELD: &str = "kurang dari 5 responden";
    pub const TITLE: &str = "Indeks BerAKHLAK: Biro SDM / Kuartal [3] 2026 — per nilai";
    pub const MULTILINE: &str = "Bagian \"Tata Usaha\", Subbag Umum\nBaris kedua: Pärtisipasi";

    pub fn table() -> Table {
        let mut t = Table::new(
            TITLE,
            vec![
                Column::new("Unit kerja", ColumnKind::Text),
                Column::new("Responden", ColumnKind::Integer),
                Column::new("Indeks", ColumnKind::Decimal { places: 2 }),
                Column::new("Partisipasi", ColumnKind::Percent { places: 1 }),
                Column::new("Periode mulai", ColumnKind::Date),
            ],
        );
        let rows = [
            vec![
                Cell::text(MULTILINE),
                Cell::Integer(1234),
                Cell::Number(3.6666666666666665),
                Cell::Number(0.753),
                Cell::Date(date!(2026 - 07 - 01)),
            ],
            vec![
                Cell::text("Biro Hukum"),
                Cell::Integer(3),
                Cell::withheld(WITHHELD),
                Cell::withheld(WITHHELD),
                Cell::Date(date!(2026 - 07 - 01)),
            ],
            vec![
                Cell::text("=1+1 (bukan rumus)"),
                Cell::Integer(0),
                Cell::Empty,
                Cell::Integer(1),
                Cell::Date(date!(2026 - 12 - 31)),
            ],
        ];
        for row in rows {
            t.push_row(row).unwrap();
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn one_column(kind: ColumnKind) -> Table {
        Table::new("t", vec![Column::new("Nilai", kind)])
    }

    #[test]
    fn cells_that_do_not_fit_their_column_are_refused_with_row_and_column() {
        let mut t = one_column(ColumnKind::Integer);
        t.push_row(vec![Cell::Integer(5)]).unwrap();
        assert_eq!(
            t.push_row(vec![Cell::text("lima")]),
            Err(ExportError::WrongCell {
                row: 2,
                column: "Nilai".into(),
                expected: "a whole number"
            })
        );
        assert!(matches!(
            t.push_row(vec![Cell::Integer(1 << 60)]),
            Err(ExportError::BadValue { row: 2, .. })
        ));
        assert!(matches!(
            t.push_row(vec![Cell::Integer(1), Cell::Integer(2)]),
            Err(ExportError::RowLength {
                got: 2,
                expected: 1,
                ..
            })
        ));
        let mut t = one_column(ColumnKind::Decimal { places: 1 });
        assert!(t.push_row(vec![Cell::Number(f64::NAN)]).is_err());
        assert!(t.push_row(vec![Cell::Number(f64::INFINITY)]).is_err());
        let mut t = one_column(ColumnKind::Date);
        assert!(t.push_row(vec![Cell::Date(date!(1899 - 12 - 31))]).is_err());
        // Refused rows are not kept; empty and withheld cells fit any column.
        t.push_row(vec![Cell::Empty]).unwrap();
        t.push_row(vec![Cell::withheld("kurang dari 5 responden")])
            .unwrap();
        assert_eq!(t.rows().len(), 2);
    }

    #[test]
    fn an_integer_in_a_number_column_becomes_that_number() {
        let mut t = one_column(ColumnKind::Percent { places: 0 });
        t.push_row(vec![Cell::Integer(1)]).unwrap();
        assert_eq!(t.rows()[0], vec![Cell::Number(1.0)]);
    }
}
