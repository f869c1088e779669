//! A roster file as an operator has it: CSV, or the XLSX workbook the staff list lives in.
//! The format is read from the bytes (an XLSX is a zip: `PK\x03\x04`), not trusted from the
//! name; the first sheet of a workbook is read like a CSV file, its rows numbered as the
//! spreadsheet shows them, and both go through the same row checks ([`roster::check`]).
//!
//! A NIP typed into a number cell cannot be trusted: Excel keeps 15 significant digits and an
//! f64 holds integers exactly only up to 2^53 (16 digits), so an 18-digit NIP stored as a
//! number may already have lost its last digits, and nothing in the file tells. Such a cell
//! is read as the spreadsheet shows it (`1.98503122010012E17`) and reported as a row error
//! asking to format the column as text, even when the number happens to look whole.

use crate::roster::{self, Record, RosterEntry};
use calamine::{DataRef, Reader, Xlsx};
use std::collections::{BTreeMap, HashSet};
use std::io::Cursor;

/// Spreadsheet rows beyond which a file is refused before it fills the memory (a roster is
/// a few thousand people; this is ample for a ministry).
const MAX_ROWS: usize = 200_000;
/// Columns read per row: the roster needs three, a staff list may carry a few dozen more.
const MAX_COLUMNS: u32 = 64;

/// Why a roster file cannot be imported.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum RosterFileError {
    /// The file is not one of the formats read (CSV in UTF-8, XLSX).
    #[error("{0}")]
    Unreadable(String),
    /// The file was read; these rows are wrong, nothing may be imported.
    #[error("{} row(s) in error", .0.len())]
    Rows(Vec<roster::RowError>),
}

/// Reads and checks a roster file. `name` is the file name or the upload's content type,
/// used only to explain a file that is not what it says.
pub fn parse_file(
    bytes: &[u8],
    name: &str,
    units: &HashSet<String>,
) -> Result<Vec<RosterEntry>, RosterFileError> {
    let records = read_records(bytes, name)?;
    let rows = roster::check(&records, units).map_err(|e| RosterFileError::Rows(vec![e]))?;
    roster::into_entries(rows).map_err(RosterFileError::Rows)
}

/// The file's rows (header first), CSV or the first sheet of an XLSX, whatever its name says.
pub fn read_records(bytes: &[u8], name: &str) -> Result<Vec<Record>, RosterFileError> {
    let name = name.to_lowercase();
    let says_xlsx = name.ends_with(".xlsx") || name.contains("spreadsheetml");
    if bytes.starts_with(b"PK\x03\x04") {
        return read_xlsx(bytes);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) || name.ends_with(".xls") {
        return Err(unreadable(
            "this is an old Excel workbook (.xls): save it as .xlsx or as CSV UTF-8",
        ));
    }
    if says_xlsx {
        return Err(unreadable(
            "the file is named as an XLSX workbook but is not one: save it again from the spreadsheet",
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| {
        unreadable("the file is neither an XLSX workbook nor CSV in UTF-8: save it as .xlsx or as CSV UTF-8")
    })?;
    roster::read_csv(text).map_err(|e| RosterFileError::Rows(vec![e]))
}

fn unreadable(message: &str) -> RosterFileError {
    RosterFileError::Unreadable(message.to_owned())
}

/// The first sheet's non-empty rows as records.
fn read_xlsx(bytes: &[u8]) -> Result<Vec<Record>, RosterFileError> {
    let not_a_workbook = |e: calamine::XlsxError| {
        RosterFileError::Unreadable(format!("cannot read the XLSX workbook: {e}"))
    };
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(not_a_workbook)?;
    let Some(first) = book.sheet_names().into_iter().next() else {
        return Err(unreadable("the workbook has no sheet"));
    };
    let mut cells = book
        .worksheet_cells_reader(&first)
        .map_err(not_a_workbook)?;
    let mut rows: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    while let Some(cell) = cells.next_cell().map_err(not_a_workbook)? {
        let (row, col) = cell.get_position();
        let text = cell_text(cell.get_value());
        if text.trim().is_empty() {
            continue;
        }
        if col >= MAX_COLUMNS {
            return Err(RosterFileError::Unreadable(format!(
                "row {}: data beyond column {MAX_COLUMNS}; keep the roster to its columns (NIP, name, unit)",
                row + 1
            )));
        }
        if !rows.contains_key(&row) && rows.len() >= MAX_ROWS {
            return Err(RosterFileError::Unreadable(format!(
                "the sheet has more than {MAX_ROWS} rows"
            )));
        }
        let fields = rows.entry(row).or_default();
        if fields.len() <= col as usize {
            fields.resize(col as usize + 1, String::new());
        }
        fields[col as usize] = text;
    }
    // As when the spreadsheet saves CSV: every row as wide as the widest (the empty cells at
    // a row's end are not stored in the file).
    let width = rows.values().map(Vec::len).max().unwrap_or(0);
    Ok(rows
        .into_iter()
        .map(|(row, mut fields)| {
            if fields.len() < width {
                fields.resize(width, String::new());
            }
            Record {
                line: row as usize + 1,
                fields,
            }
        })
        .collect())
}

/// A cell as text, as the spreadsheet would show it in a CSV export.
fn cell_text(value: &DataRef<'_>) -> String {
    match value {
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Int(n) => n.to_string(),
        DataRef::Float(x) => number_text(*x),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
        DataRef::DateTime(d) => number_text(d.as_f64()),
        DataRef::Error(e) => e.to_string(),
        DataRef::Empty => String::new(),
    }
}

/// Whole numbers Excel can hold exactly (up to 15 digits) as digits, e.g. a unit id typed as
/// 101; anything longer in scientific notation, which is what such a cell really holds and
/// what the NIP check recognises as a number-formatted column.
fn number_text(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{x:.0}")
    } else if x.abs() >= 1e15 {
        format!("{x:E}")
    } else {
        x.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_a_spreadsheet_shows_them() {
        assert_eq!(number_text(101.0), "101");
        assert_eq!(number_text(2.5), "2.5");
        assert_eq!(number_text(999_999_999_999_999.0), "999999999999999");
        // An 18-digit NIP in a number cell, even one an f64 holds exactly.
        assert_eq!(number_text(198503122010012001.0), "1.98503122010012E17");
        assert_eq!(number_text(198503122010012000.0), "1.98503122010012E17");
    }

    #[test]
    fn a_sheet_wider_than_a_roster_is_refused_before_it_is_read_whole() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "NIP").unwrap();
        // The last cell Excel allows: a dense grid up to it would be 17 billion cells.
        sheet.write_string(1_048_575, 16_383, "x").unwrap();
        let bytes = book.save_to_buffer().unwrap();
        match parse_file(&bytes, "roster.xlsx", &HashSet::new()) {
            Err(RosterFileError::Unreadable(m)) => {
                assert!(m.starts_with("row 1048576: data beyond column 64"), "{m}")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_format_comes_from_the_bytes_and_a_misnamed_file_is_explained() {
        let units: HashSet<String> = ["bkn".to_owned()].into();
        let csv = b"nip,name,unit\n19850312 201001 2 001,Siti,bkn\n";
        // A CSV named .csv or with no useful name reads as CSV.
        assert_eq!(parse_file(csv, "roster.CSV", &units).unwrap().len(), 1);
        assert_eq!(parse_file(csv, "text/plain", &units).unwrap().len(), 1);
        let said = |bytes: &[u8], name: &str| match parse_file(bytes, name, &units) {
            Err(RosterFileError::Unreadable(m)) => m,
            other => panic!("{name}: {other:?}"),
        };
        assert!(said(csv, "roster.xlsx").contains("not one"));
        assert!(said(&[0xD0, 0xCF, 0x11, 0xE0, 0, 0], "roster.bin").contains(".xls"));
        assert!(said(b"nip,name\xff\xfe", "roster.csv").contains("UTF-8"));
        assert!(said(b"PK\x03\x04garbage", "roster.csv").contains("cannot read the XLSX"));
    }
}
