//! CSV for programs and for a quick look: UTF-8 with a byte-order mark (without it Excel
//! reads UTF-8 as the local code page and mangles Indonesian names), RFC 4180 quoting and
//! CRLF line ends, a header row, numbers as plain digits with a dot decimal, dates as
//! YYYY-MM-DD.

use super::{Cell, Table};
use std::fmt::Write;

pub const CSV_CONTENT_TYPE: &str = "text/csv; charset=utf-8";

pub fn to_csv(table: &Table) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    push_table(&mut out, table);
    out.into_bytes()
}

/// Several tables in one file (a unit report): each as a section of a one-field line with
/// its title, its header and rows, then an empty line. A reader splits at the empty lines.
pub fn to_csv_sections(tables: &[Table]) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    for (i, table) in tables.iter().enumerate() {
        if i > 0 {
            out.push_str("\r\n");
        }
        push_record(&mut out, &[text_field(table.title())]);
        push_table(&mut out, table);
    }
    out.into_bytes()
}

fn push_table(out: &mut String, table: &Table) {
    let header: Vec<String> = table
        .columns()
        .iter()
        .map(|c| text_field(&c.header))
        .collect();
    push_record(out, &header);
    for row in table.rows() {
        let fields: Vec<String> = row.iter().map(field).collect();
        push_record(out, &fields);
    }
}

fn push_record(out: &mut String, fields: &[String]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if f.contains([',', '"', '\n', '\r']) {
            let _ = write!(out, "\"{}\"", f.replace('"', "\"\""));
        } else {
            out.push_str(f);
        }
    }
    out.push_str("\r\n");
}

fn field(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) | Cell::Withheld(t) => text_field(t),
        Cell::Integer(n) => n.to_string(),
        // Display never uses an exponent and prints the shortest text that reads back to the
        // same f64; -0 would only puzzle a reader.
        Cell::Number(x) if *x == 0.0 => "0".into(),
        Cell::Number(x) => x.to_string(),
        Cell::Date(d) => format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day()),
        Cell::Empty => String::new(),
    }
}

/// A spreadsheet opening the CSV runs a text starting with `=`, `+`, `-` or `@` as a formula
/// (CSV injection: unit names are typed by people); a leading `'` makes it plain text there.
fn text_field(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::sample;
    use super::*;

    fn read_back(bytes: &[u8]) -> Vec<Vec<String>> {
        let text = std::str::from_utf8(bytes).unwrap();
        let body = text.strip_prefix('\u{feff}').expect("starts with a BOM");
        ::csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(body.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect()
    }

    #[test]
    fn a_table_reads_back_with_its_header_text_numbers_dates_and_withheld_cells() {
        let bytes = to_csv(&sample::table());
        let rows = read_back(&bytes);
        assert_eq!(
            rows[0],
            [
                "Unit kerja",
                "Responden",
                "Indeks",
                "Partisipasi",
                "Periode mulai"
            ]
        );
        assert_eq!(rows.len(), 4, "header and three rows: {rows:?}");
        // Quotes, a comma, a line break and ä survive.
        assert_eq!(rows[1][0], sample::MULTILINE);
        assert_eq!(rows[1][1].parse::<i64>().unwrap(), 1234);
        // Full precision with a dot: the value reads back exactly.
        assert_eq!(rows[1][2].parse::<f64>().unwrap(), 3.6666666666666665);
        assert_eq!(rows[1][3], "0.753");
        assert_eq!(rows[1][4], "2026-07-01");
        // The suppressed cells say why, where the number would be.
        assert_eq!(rows[2][2], sample::WITHHELD);
        assert_eq!(rows[2][3], sample::WITHHELD);
        assert!(rows[2][2].parse::<f64>().is_err());
        // No data is an empty field; a would-be formula is made plain text.
        assert_eq!(rows[3][0], "'=1+1 (bukan rumus)");
        assert_eq!(rows[3][2], "");
        assert_eq!(rows[3][3], "1");
        assert_eq!(rows[3][4], "2026-12-31");
    }

    #[test]
    fn the_file_is_rfc_4180_with_crlf_and_a_bom() {
        let bytes = to_csv(&sample::table());
        assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
        let text = String::from_utf8(bytes).unwrap();
        assert!(
            text.starts_with("\u{feff}Unit kerja,Responden,Indeks,Partisipasi,Periode mulai\r\n")
        );
        assert!(text.contains(
            "\"Bagian \"\"Tata Usaha\"\", Subbag Umum\nBaris kedua: Pärtisipasi\",1234,"
        ));
        assert!(text.ends_with("2026-12-31\r\n"));
        // Large and small numbers stay plain digits, never 1e21 or 1e-7.
        assert_eq!(field(&Cell::Number(1e21)), "1000000000000000000000");
        assert_eq!(field(&Cell::Number(-1e-7)), "-0.0000001");
        assert_eq!(field(&Cell::Number(-0.0)), "0");
    }
}
