//! Tables for download: the unit dashboard's tables written as CSV and as an XLSX workbook,
//! so a unit admin can keep, print or rework them in a spreadsheet. One [`Table`] type holds
//! the typed cells; the writers only lay them out. Suppressed cells (fewer than k
//! respondents) keep their reason as the cell's text in both formats: see docs/exports.md.

mod csv_writer;
mod file_name;
mod sheet_name;
mod table;
mod unit_report;
mod xlsx_writer;

pub use csv_writer::{CSV_CONTENT_TYPE, to_csv, to_csv_sections};
pub use file_name::file_stem;
pub use sheet_name::sheet_names;
pub use table::{Cell, Column, ColumnKind, Table};
pub use unit_report::unit_report;
pub use xlsx_writer::{XLSX_CONTENT_TYPE, to_xlsx};

/// Why a table cannot be exported. Rows and columns are 1-based, as in the sheet's data
/// rows (the header is not counted).
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ExportError {
    #[error("row {row} has {got} cells, the table has {expected} columns")]
    RowLength {
        row: usize,
        got: usize,
        expected: usize,
    },
    #[error("row {row}, column `{column}`: expected {expected}")]
    WrongCell {
        row: usize,
        column: String,
        expected: &'static str,
    },
    #[error("row {row}, column `{column}`: {problem}")]
    BadValue {
        row: usize,
        column: String,
        problem: &'static str,
    },
    #[error("a workbook needs at least one table")]
    NoTables,
    #[error("cannot write the workbook: {0}")]
    Xlsx(String),
}
