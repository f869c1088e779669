//! The roster from a spreadsheet: `import-roster` reads the first sheet of an XLSX like a
//! CSV file (columns by name in any order), reports the same row errors with the sheet's row
//! numbers, refuses a NIP typed as a number, and imports nothing until every row is valid.

mod common;

use common::*;
use reqwest::StatusCode;
use resapi_server::roster_file::{RosterFileError, parse_file};
use rust_xlsxwriter::Workbook;
use serde_json::json;
use std::collections::HashSet;

/// A cell of the test sheet: text, or a number as Excel stores one.
enum Value {
    Text(&'static str),
    Owned(String),
    Number(f64),
}

/// A workbook whose first sheet holds `rows` from row 1, plus a second sheet that must be
/// ignored.
fn workbook(rows: &[Vec<Value>]) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match value {
                Value::Text(t) => sheet.write_string(r, c, *t).map(|_| ()),
                Value::Owned(t) => sheet.write_string(r, c, t).map(|_| ()),
                Value::Number(x) => sheet.write_number(r, c, *x).map(|_| ()),
            }
            .unwrap();
        }
    }
    let other = book.add_worksheet();
    other.write_string(0, 0, "not the roster").unwrap();
    book.save_to_buffer().unwrap()
}

fn units() -> HashSet<String> {
    ["bkn", "bkn-deputi-sinka"].map(String::from).into()
}

/// Unit, name and NIP (columns in another order than the CSV documentation's), a blank
/// sheet row 3, then: a NIP typed as a number (row 4), an unknown unit (row 5), a NIP
/// repeated (row 6).
fn bad_rows() -> Vec<Vec<Value>> {
    use Value::*;
    vec![
        vec![Text("Unit Kerja"), Text("Nama"), Text("NIP")],
        vec![Text("bkn"), Text("Ahmad Sudrajat"), Owned(nip(3))],
        vec![],
        vec![
            Text("bkn"),
            Text("Budi Santoso"),
            Number(198503122010011005.0),
        ],
        vec![Text("atlantis"), Text("Citra Dewi"), Owned(nip(4))],
        vec![Text("bkn"), Text("Ahmad lagi"), Owned(nip_digits(3))],
    ]
}

/// The same rows as the sheet, as the CSV a spreadsheet would save (the number in
/// scientific notation), with the blank row as a line of empty fields.
fn bad_csv() -> String {
    format!(
        "Unit Kerja,Nama,NIP\nbkn,Ahmad Sudrajat,{}\n,,\nbkn,Budi Santoso,{:E}\n\
         atlantis,Citra Dewi,{}\nbkn,Ahmad lagi,{}\n",
        nip(3),
        198503122010011005.0f64,
        nip(4),
        nip_digits(3)
    )
}

#[test]
fn csv_and_xlsx_of_the_same_rows_give_the_same_errors_on_the_same_rows() {
    let from_xlsx = parse_file(&workbook(&bad_rows()), "roster.xlsx", &units());
    let from_csv = parse_file(bad_csv().as_bytes(), "roster.csv", &units());
    let Err(RosterFileError::Rows(errors)) = from_xlsx else {
        panic!("row errors expected: {from_xlsx:?}")
    };
    assert_eq!(from_csv, Err(RosterFileError::Rows(errors.clone())));
    let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [4, 5, 6], "{errors:#?}");
    assert!(
        errors[0].message.contains("format the NIP column as text"),
        "{}",
        errors[0]
    );
    assert!(errors[1].message.contains("unknown unit `atlantis`"));
    assert!(errors[2].message.contains("already on line 2"));
}

#[test]
fn a_nip_in_a_number_cell_is_refused_even_when_the_number_is_whole() {
    use Value::*;
    // 198503122010011000 is exactly an f64, and a valid NIP's shape: still it cannot be
    // told apart from 198503122010011001 typed into Excel, which kept 15 digits.
    for number in [198503122010011000.0, 198503122010011001.0] {
        let book = workbook(&[
            vec![Text("NIP"), Text("Nama"), Text("Unit")],
            vec![Number(number), Text("Budi Santoso"), Text("bkn")],
        ]);
        match parse_file(&book, "roster.xlsx", &units()) {
            Err(RosterFileError::Rows(errors)) => {
                assert_eq!(errors.len(), 1);
                assert_eq!(errors[0].line, 2);
                assert!(errors[0].message.contains("as text"), "{}", errors[0]);
            }
            other => panic!("{number}: {other:?}"),
        }
    }
    // A unit id typed as a number reads as its digits, as in a CSV.
    let book = workbook(&[
        vec![Text("NIP"), Text("Nama"), Text("Unit")],
        vec![Owned(nip(7)), Text("Dewi"), Number(101.0)],
    ]);
    let units: HashSet<String> = ["101".to_owned()].into();
    let entries = parse_file(&book, "roster.xlsx", &units).unwrap();
    assert_eq!(entries[0].unit_id, "101");
    assert_eq!(entries[0].nip, nip_digits(7));
}

async fn register(srv: &Server, n: u32) -> reqwest::Response {
    let body = json!({"nip": nip(n), "name": "Citra Dewi", "password": PASSWORD, "unit_id": "bkn"});
    srv.post("/api/v1/auth/register", &body, None).await
}

#[tokio::test]
async fn import_roster_reads_an_xlsx_all_or_nothing() {
    let srv = start().await;
    let db = srv.db_path();

    // One bad row among good ones: nothing is imported, the report names the sheet's row.
    let file = srv.dir.path().join("pegawai.xlsx");
    let mut rows = bad_rows();
    rows.truncate(3);
    rows.push(vec![
        Value::Text("nowhere"),
        Value::Text("Citra Dewi"),
        Value::Owned(nip(4)),
    ]);
    std::fs::write(&file, workbook(&rows)).unwrap();
    let out = import_roster(&db, &file);
    assert!(!out.status.success());
    let report = output_text(&out);
    assert!(
        report.contains("1 row(s) in error; nothing was imported"),
        "{report}"
    );
    assert!(
        report.contains("line 4: unknown unit `nowhere`"),
        "{report}"
    );
    assert_eq!(srv.count("SELECT COUNT(*) FROM roster").await, 0);

    // Fixed, and saved under a .csv name by mistake: the content decides, it imports.
    rows[3][0] = Value::Text("bkn-deputi-sinka");
    let misnamed = srv.dir.path().join("pegawai.csv");
    std::fs::write(&misnamed, workbook(&rows)).unwrap();
    let out = import_roster(&db, &misnamed);
    assert!(out.status.success(), "{}", output_text(&out));
    assert!(
        output_text(&out).contains("2 people in 2 unit(s)"),
        "{}",
        output_text(&out)
    );
    assert_eq!(srv.count("SELECT COUNT(*) FROM roster").await, 2);

    // The roster is in force: Citra registers into the sheet's unit, others cannot.
    let res = register(&srv, 4).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["account"]["unit_id"], "bkn-deputi-sinka");
    assert_eq!(register(&srv, 9).await.status(), StatusCode::FORBIDDEN);

    // A CSV named .xlsx is explained, not half-read, and the roster stays as it was.
    let fake = srv.dir.path().join("fake.xlsx");
    std::fs::write(&fake, bad_csv()).unwrap();
    let out = import_roster(&db, &fake);
    assert!(!out.status.success());
    assert!(
        output_text(&out).contains("named as an XLSX workbook but is not one"),
        "{}",
        output_text(&out)
    );
    assert_eq!(srv.count("SELECT COUNT(*) FROM roster").await, 2);
}
