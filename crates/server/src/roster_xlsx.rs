//! Roster files saved as Excel workbooks (XLSX): the first sheet read into the same rows
//! as a CSV file, numbered as the spreadsheet numbers them.

use crate::roster::{Record, RowError};
use calamine::{Data, Reader, Xlsx};
use std::io::Cursor;

/// The rows of the first sheet (header included), blank rows left out.
pub fn read_xlsx(bytes: &[u8]) -> Result<Vec<Record>, RowError> {
    let unreadable = |e: &dyn std::fmt::Display| RowError {
        line: 1,
        message: format!("the file is not a readable XLSX workbook ({e})"),
    };
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let range = match book.worksheet_range_at(0) {
        Some(range) => range.map_err(|e| unreadable(&e))?,
        None => return Ok(Vec::new()),
    };
    // A sheet may start below row 1; lines are the spreadsheet's row numbers.
    let first_row = range.start().map_or(0, |(row, _)| row as usize);
    Ok(range
        .rows()
        .enumerate()
        .filter_map(|(i, cells)| {
            let fields: Vec<String> = cells.iter().map(cell_text).collect();
            (!fields.iter().all(|f| f.trim().is_empty())).then(|| Record {
                line: first_row + i + 1,
                fields,
            })
        })
        .collect())
}

/// A cell as text. A NIP typed into a number cell has lost its last digits (18 digits do
/// not fit a spreadsheet number), so numbers with a fraction or too large for an exact
/// integer are written in exponent form: the NIP check then refuses them with the hint to
/// format the column as text, instead of accepting a NIP that is not the person's.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => format!("{}", *f as i64),
        Data::Float(f) => format!("{f:e}"),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => d.as_f64().to_string(),
        Data::Error(e) => format!("#{e:?}"),
    }
}
