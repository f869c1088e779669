//! The XLSX workbook: one sheet per table, a bold header row frozen at the top with a filter,
//! numbers stored as numbers (percent columns as the 0..1 share with a % format), dates as
//! dates, and column widths that fit the content.

use super::{Cell, ColumnKind, ExportError, Table, sheet_names};
use rust_xlsxwriter::{Color, DocProperties, ExcelDateTime, Format, Workbook, Worksheet};

pub const XLSX_CONTENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Columns never get narrower or wider than this (in characters of the default font).
const MIN_WIDTH: usize = 6;
const MAX_WIDTH: usize = 60;

/// The tables as one workbook, in order, one sheet each (named after the titles).
pub fn to_xlsx(tables: &[Table]) -> Result<Vec<u8>, ExportError> {
    if tables.is_empty() {
        return Err(ExportError::NoTables);
    }
    let titles: Vec<&str> = tables.iter().map(Table::title).collect();
    let mut workbook = Workbook::new();
    workbook.set_properties(&DocProperties::new().set_title(titles.join("; ")));
    for (table, name) in tables.iter().zip(sheet_names(&titles)) {
        let sheet = workbook.add_worksheet();
        sheet.set_name(name).map_err(xlsx)?;
        write_sheet(sheet, table).map_err(xlsx)?;
    }
    workbook.save_to_buffer().map_err(xlsx)
}

fn xlsx(e: rust_xlsxwriter::XlsxError) -> ExportError {
    ExportError::Xlsx(e.to_string())
}

fn write_sheet(sheet: &mut Worksheet, table: &Table) -> Result<(), rust_xlsxwriter::XlsxError> {
    let header = Format::new().set_bold().set_text_wrap();
    let wrapped = Format::new().set_text_wrap();
    let withheld = Format::new()
        .set_italic()
        .set_font_color(Color::RGB(0x595959));
    for (c, column) in table.columns().iter().enumerate() {
        let col = c as u16;
        sheet.write_string_with_format(0, col, &column.header, &header)?;
        let number = number_format(column.kind);
        for (r, row) in table.rows().iter().enumerate() {
            let at = r as u32 + 1;
            match &row[c] {
                Cell::Text(t) if t.contains('\n') => {
                    sheet.write_string_with_format(at, col, t, &wrapped)?
                }
                Cell::Text(t) => sheet.write_string(at, col, t)?,
                Cell::Withheld(reason) => {
                    sheet.write_string_with_format(at, col, reason, &withheld)?
                }
                Cell::Integer(n) => sheet.write_number_with_format(at, col, *n as f64, &number)?,
                Cell::Number(x) => sheet.write_number_with_format(at, col, *x, &number)?,
                Cell::Date(d) => {
                    let date = ExcelDateTime::from_ymd(d.year() as u16, d.month().into(), d.day())?;
                    sheet.write_datetime_with_format(at, col, &date, &number)?
                }
                Cell::Empty => sheet,
            };
        }
        sheet.set_column_width(col, width(table, c) as f64)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let last_row = table.rows().len() as u32;
    let last_col = table.columns().len().saturating_sub(1) as u16;
    sheet.autofilter(0, 0, last_row, last_col)?;
    Ok(())
}

fn number_format(kind: ColumnKind) -> Format {
    let code = match kind {
        ColumnKind::Text => "@".to_owned(),
        ColumnKind::Integer => "#,##0".to_owned(),
        ColumnKind::Decimal { places } => decimals("#,##0", places),
        ColumnKind::Percent { places } => format!("{}%", decimals("0", places)),
        ColumnKind::Date => "yyyy-mm-dd".to_owned(),
    };
    Format::new().set_num_format(code)
}

fn decimals(whole: &str, places: u8) -> String {
    if places == 0 {
        whole.to_owned()
    } else {
        format!("{whole}.{}", "0".repeat(places.into()))
    }
}

/// The column's width: its widest shown text (the longest line of a multi-line text), plus
/// a margin and room for the filter button on the header, within MIN..MAX.
fn width(table: &Table, c: usize) -> usize {
    let column = &table.columns()[c];
    let header = longest_line(&column.header) + 3;
    let widest = table
        .rows()
        .iter()
        .map(|row| shown_chars(&row[c], column.kind))
        .max()
        .unwrap_or(0);
    (header.max(widest + 1)).clamp(MIN_WIDTH, MAX_WIDTH)
}

fn longest_line(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

/// About how many characters a cell shows with its column's format.
fn shown_chars(cell: &Cell, kind: ColumnKind) -> usize {
    let with_separators = |whole: f64| {
        let digits = format!("{:.0}", whole.abs().trunc()).len();
        digits + (digits - 1) / 3 + usize::from(whole < 0.0)
    };
    match (cell, kind) {
        (Cell::Text(t) | Cell::Withheld(t), _) => longest_line(t),
        (Cell::Integer(n), _) => with_separators(*n as f64),
        (Cell::Number(x), ColumnKind::Percent { places }) => {
            format!("{:.*}", places.into(), x * 100.0).len() + 1
        }
        (Cell::Number(x), ColumnKind::Decimal { places }) => {
            with_separators(*x) + if places > 0 { places as usize + 1 } else { 0 }
        }
        (Cell::Number(x), _) => x.to_string().len(),
        (Cell::Date(_), _) => 10,
        (Cell::Empty, _) => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::sample;
    use super::super::{Column, to_csv};
    use super::*;
    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
    use std::io::Cursor;
    use time::macros::date;

    fn open(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
        open_workbook_from_rs(Cursor::new(bytes)).expect("a workbook calamine can read")
    }

    /// Days since Excel's day 0 (1899-12-30), which is how a date cell stores it.
    fn serial(d: time::Date) -> f64 {
        (d - date!(1899 - 12 - 30)).whole_days() as f64
    }

    #[test]
    fn a_table_reads_back_with_typed_cells_a_bold_header_and_formats() {
        let mut book = open(to_xlsx(&[sample::table()]).unwrap());
        assert_eq!(book.sheet_names(), ["Indeks BerAKHLAK- Biro SDM - Ku"]);
        let range = book
            .worksheet_range("Indeks BerAKHLAK- Biro SDM - Ku")
            .unwrap();
        assert_eq!(range.start(), Some((0, 0)));
        assert_eq!(range.get_size(), (4, 5));
        let headers: Vec<String> = range
            .rows()
            .next()
            .unwrap()
            .iter()
            .map(|d| d.to_string())
            .collect();
        assert_eq!(
            headers,
            [
                "Unit kerja",
                "Responden",
                "Indeks",
                "Partisipasi",
                "Periode mulai"
            ]
        );
        let cell = |r: usize, c: usize| range.get((r, c)).unwrap().clone();
        assert_eq!(cell(1, 0), Data::String(sample::MULTILINE.into()));
        assert_eq!(cell(1, 1), Data::Float(1234.0));
        assert_eq!(cell(1, 2), Data::Float(3.6666666666666665));
        assert_eq!(cell(1, 3), Data::Float(0.753));
        match cell(1, 4) {
            Data::DateTime(d) => {
                assert!(d.is_datetime());
                assert_eq!(d.as_f64(), serial(date!(2026 - 07 - 01)));
            }
            other => panic!("a date cell, got {other:?}"),
        }
        // The suppressed cells hold their reason as text: a SUM or AVERAGE skips them.
        assert_eq!(cell(2, 2), Data::String(sample::WITHHELD.into()));
        assert_eq!(cell(2, 3), Data::String(sample::WITHHELD.into()));
        // A text that looks like a formula stays that text; no data is an empty cell.
        assert_eq!(cell(3, 0), Data::String("=1+1 (bukan rumus)".into()));
        assert_eq!(cell(3, 2), Data::Empty);
        assert_eq!(cell(3, 3), Data::Float(1.0));
        match cell(3, 4) {
            Data::DateTime(d) => assert_eq!(d.as_f64(), serial(date!(2026 - 12 - 31))),
            other => panic!("a date cell, got {other:?}"),
        }

        let styles = book
            .worksheet_style("Indeks BerAKHLAK- Biro SDM - Ku")
            .unwrap();
        let style = |r: u32, c: u32| styles.get((r, c)).cloned().unwrap_or_default();
        for c in 0..5 {
            let font = style(0, c).font.expect("the header has a font");
            assert!(font.is_bold(), "header column {c} is bold");
        }
        let format = |r, c| style(r, c).number_format.map(|f| f.format_code);
        assert_eq!(format(1, 3).as_deref(), Some("0.0%"));
        assert_eq!(format(1, 2).as_deref(), Some("#,##0.00"));
        assert_eq!(format(1, 1).as_deref(), Some("#,##0"));
        assert!(!style(1, 0).font.is_some_and(|f| f.is_bold()));
    }

    #[test]
    fn the_header_is_frozen_and_columns_fit_their_content() {
        let bytes = to_xlsx(&[sample::table()]).unwrap();
        let sheet = zip_entry(&bytes, "xl/worksheets/sheet1.xml");
        assert!(
            sheet.contains(
                r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
            ),
            "{sheet}"
        );
        assert!(sheet.contains(r#"<autoFilter ref="A1:E4"/>"#), "{sheet}");
        let t = sample::table();
        // The text column fits its longest line (not the whole two-line text); the date
        // column fits 2026-12-31; a short header over wide numbers still fits the header.
        let longest = sample::MULTILINE
            .lines()
            .map(|l| l.chars().count())
            .max()
            .unwrap();
        assert_eq!(width(&t, 0), longest + 1);
        assert_eq!(width(&t, 4), "Periode mulai".len() + 3);
        assert!(width(&t, 3) >= "Partisipasi".len());
        let wide = Table::new("t", vec![Column::new("x", ColumnKind::Text)]);
        assert_eq!(width(&wide, 0), MIN_WIDTH);
        let mut long = Table::new("t", vec![Column::new("x", ColumnKind::Text)]);
        long.push_row(vec![Cell::text("a".repeat(500))]).unwrap();
        assert_eq!(width(&long, 0), MAX_WIDTH);
    }

    /// One file of the XLSX zip, found by its name in its local header, inflated.
    fn zip_entry(zip: &[u8], name: &str) -> String {
        use std::io::Read;
        let at = zip
            .windows(name.len())
            .position(|w| w == name.as_bytes())
            .expect("entry present");
        let header = at - 30;
        let u16_at = |i: usize| u16::from_le_bytes([zip[i], zip[i + 1]]) as usize;
        let u32_at = |i: usize| u32::from_le_bytes(zip[i..i + 4].try_into().unwrap()) as usize;
        let method = u16_at(header + 8);
        let size = u32_at(header + 18);
        let data_at = header + 30 + u16_at(header + 26) + u16_at(header + 28);
        let mut text = String::new();
        if method == 8 {
            // The size may be given only after the data; a deflate stream ends by itself.
            flate2::read::DeflateDecoder::new(&zip[data_at..])
                .read_to_string(&mut text)
                .unwrap();
        } else {
            text = String::from_utf8(zip[data_at..data_at + size].to_vec()).unwrap();
        }
        text
    }

    #[test]
    fn several_tables_are_several_sheets_and_an_empty_list_is_refused() {
        let mut second = Table::new("Partisipasi", vec![Column::new("Bulan", ColumnKind::Date)]);
        second
            .push_row(vec![Cell::Date(date!(2026 - 01 - 01))])
            .unwrap();
        let third = Table::new("Partisipasi", vec![Column::new("Kosong", ColumnKind::Text)]);
        let mut book = open(to_xlsx(&[sample::table(), second, third]).unwrap());
        assert_eq!(
            book.sheet_names(),
            [
                "Indeks BerAKHLAK- Biro SDM - Ku",
                "Partisipasi",
                "Partisipasi (2)"
            ]
        );
        let range = book.worksheet_range("Partisipasi (2)").unwrap();
        assert_eq!(
            range.get_size(),
            (1, 1),
            "a table without rows keeps its header"
        );
        assert_eq!(to_xlsx(&[]), Err(ExportError::NoTables));
    }

    #[test]
    fn csv_and_xlsx_of_one_table_hold_the_same_values() {
        let table = sample::table();
        let mut book = open(to_xlsx(std::slice::from_ref(&table)).unwrap());
        let range = book.worksheet_range(&book.sheet_names()[0]).unwrap();
        let csv = String::from_utf8(to_csv(&table)).unwrap();
        let records: Vec<Vec<String>> =
            ::csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes())
                .records()
                .map(|r| r.unwrap().iter().map(String::from).collect())
                .collect();
        for (r, record) in records.iter().enumerate() {
            for (c, field) in record.iter().enumerate() {
                let in_xlsx = range.get((r + 1, c)).unwrap();
                match in_xlsx {
                    Data::Float(x) => assert_eq!(field.parse::<f64>().unwrap(), *x),
                    Data::DateTime(d) => {
                        let day = time::Date::parse(
                            field,
                            time::macros::format_description!("[year]-[month]-[day]"),
                        )
                        .unwrap();
                        assert_eq!(d.as_f64(), serial(day));
                    }
                    Data::String(s) => {
                        assert_eq!(field.trim_start_matches('\''), s.trim_start_matches('\''))
                    }
                    Data::Empty => assert_eq!(field, ""),
                    other => panic!("unexpected cell {other:?}"),
                }
            }
        }
    }
}
