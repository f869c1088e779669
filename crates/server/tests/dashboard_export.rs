//! The dashboard's CSV and XLSX files: read back with the `csv` crate and calamine, they hold
//! the JSON API's figures (the same aggregates) and a suppressed cell's reason, never its
//! number.

mod common;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use common::*;
use resapi_core::api::Role;
use serde_json::Value;
use std::io::Cursor;

const SINKA: &str = "bkn-deputi-sinka";
const PENGADAAN: &str = "bkn-direktorat-pengadaan";
const KANREG: &str = "kanreg-1-yogyakarta";
const BELOW_K: &str = "Kurang dari 5 responden";

/// A table read from a file: its title and rows (the header first), every cell as JSON (a
/// number, a text, or null when empty), so the two formats compare cell by cell.
#[derive(Debug, PartialEq)]
struct Read {
    title: String,
    rows: Vec<Vec<Value>>,
}

impl Read {
    fn column(&self, header: &str) -> usize {
        self.rows[0]
            .iter()
            .position(|h| h == header)
            .unwrap_or_else(|| panic!("{}: no column {header}", self.title))
    }

    /// The data row whose first cell is `key`.
    fn row(&self, key: &str) -> &[Value] {
        self.rows[1..]
            .iter()
            .find(|r| r[0] == key)
            .unwrap_or_else(|| panic!("{}: no row {key}", self.title))
    }

    fn cell(&self, key: &str, header: &str) -> &Value {
        &self.row(key)[self.column(header)]
    }
}

fn csv_cell(s: &str) -> Value {
    if s.is_empty() {
        Value::Null
    } else if let Ok(x) = s.parse::<f64>() {
        Value::from(x)
    } else {
        Value::from(s)
    }
}

fn read_csv(bytes: &[u8]) -> Vec<Read> {
    let text = std::str::from_utf8(bytes).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    text.split("\r\n\r\n")
        .map(|section| {
            let mut records = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(section.as_bytes())
                .into_records()
                .map(Result::unwrap);
            let title = records.next().unwrap()[0].to_string();
            let rows = records.map(|r| r.iter().map(csv_cell).collect()).collect();
            Read { title, rows }
        })
        .collect()
}

fn read_xlsx(bytes: Vec<u8>) -> Vec<Read> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let names = book.sheet_names();
    names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            let rows = range
                .rows()
                .map(|r| {
                    r.iter()
                        .map(|d| match d {
                            Data::Float(x) => Value::from(*x),
                            Data::Int(n) => Value::from(*n as f64),
                            Data::String(s) => Value::from(s.as_str()),
                            Data::Empty => Value::Null,
                            other => panic!("unexpected cell {other:?}"),
                        })
                        .collect()
                })
                .collect();
            Read { title: name, rows }
        })
        .collect()
}

fn table<'a>(tables: &'a [Read], title: &str) -> &'a Read {
    tables
        .iter()
        .find(|t| t.title == title)
        .unwrap_or_else(|| panic!("no table {title}"))
}

/// The same number, whether the JSON has it as an integer or a float.
fn same(file: &Value, api: &Value) -> bool {
    matches!((file.as_f64(), api.as_f64()), (Some(a), Some(b)) if a == b)
}

#[tokio::test]
async fn the_csv_and_xlsx_hold_the_apis_figures_and_a_suppressed_cells_reason() {
    let srv = start_with_questionnaires().await;
    let content = srv.content().await;
    let v = content.version.clone();
    let index = content
        .questionnaires
        .iter()
        .find(|q| q.id == "indeks-berakhlak")
        .unwrap();
    let hash = srv.passwords.hash(PASSWORD.into()).await.unwrap();
    let admin = srv.signed_in(1, "bkn", &[Role::Admin], &hash).await;
    // Six answer in Sinka, six in Pengadaan, two in Kanreg (below k = 5).
    let mut n = 10;
    for (unit, people, answer) in [(SINKA, 6, 4), (PENGADAAN, 6, 3), (KANREG, 2, 2)] {
        for i in 0..people {
            n += 1;
            let p = srv.signed_in(n, unit, &[], &hash).await;
            let a = answer + u8::from(i % 2 == 0 && answer < 5);
            let r = response_record(p.id, index, "2026-03-16T03:00:00Z", &v, move |item| {
                if item.component == "adaptif" { 2 } else { a }
            });
            let res = srv.sync(&p.token, vec![r]).await;
            assert!(error_codes(&res).iter().all(Option::is_none), "{res:?}");
        }
    }

    let path = "/api/v1/units/bkn/dashboard";
    let api: Value = srv
        .get(&format!("{path}?period=2026-03"), Some(&admin.token))
        .await
        .json()
        .await
        .unwrap();
    let csv = srv
        .get(&format!("{path}.csv?period=2026-03"), Some(&admin.token))
        .await;
    assert_eq!(csv.status(), 200);
    assert_eq!(
        csv.headers()["content-disposition"],
        "attachment; filename=\"dasbor-bkn-2026-03.csv\""
    );
    assert!(
        csv.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let csv = read_csv(&csv.bytes().await.unwrap());
    let xlsx = srv
        .get(&format!("{path}.xlsx?period=2026-03"), Some(&admin.token))
        .await;
    assert_eq!(xlsx.status(), 200);
    assert_eq!(
        xlsx.headers()["content-disposition"],
        "attachment; filename=\"dasbor-bkn-2026-03.xlsx\""
    );
    let xlsx = read_xlsx(xlsx.bytes().await.unwrap().to_vec());

    // One table per figure family, the same cells in both files.
    let titles: Vec<&str> = xlsx.iter().map(|t| t.title.as_str()).collect();
    for family in [
        "Ringkasan",
        "Indeks BerAKHLAK",
        "Tren indeks",
        "Latihan",
        "Tren latihan",
        "Sub-unit",
    ] {
        assert!(titles.contains(&family), "{titles:?}");
    }
    assert_eq!(csv.len(), xlsx.len());
    for (c, x) in csv.iter().zip(&xlsx) {
        assert_eq!(c.rows, x.rows, "{}", x.title);
    }

    for file in [&csv, &xlsx] {
        let summary = table(file, "Ringkasan");
        let unit = &summary.rows[1];
        assert_eq!(unit[0], "Badan Kepegawaian Negara");
        assert!(same(
            &unit[summary.column("Anggota")],
            &api["participation"]["members"]
        ));
        assert!(same(
            &unit[summary.column("Responden indeks")],
            &api["index"]["n"]
        ));
        assert!(same(
            &unit[summary.column("Indeks BerAKHLAK (%)")],
            &api["index"]["value"]["overall"]
        ));
        assert_eq!(
            unit[summary.column("Pita")],
            api["index"]["value"]["overall_band"]["grade"]
        );

        // Every value's percentage and band as the API has them.
        let idx = table(file, "Indeks BerAKHLAK");
        for value in api["index"]["value"]["values"].as_array().unwrap() {
            let key = value["index"]["value"].as_str().unwrap();
            assert!(
                same(idx.cell(key, "Indeks (%)"), &value["index"]["percent"]),
                "{key}"
            );
            assert_eq!(
                idx.cell(key, "Pita"),
                &value["index"]["band"]["grade"],
                "{key}"
            );
            assert!(
                same(idx.cell(key, "Rata-rata (%)"), &value["spread"]["mean"]),
                "{key}"
            );
        }

        // Sub-units: Kanreg's two respondents are a reason, not a number; a shown sibling
        // has the API's figure; the hidden complement carries its own reason.
        let subs = table(file, "Sub-unit");
        assert_eq!(subs.cell(KANREG, "Indeks BerAKHLAK (%)"), BELOW_K);
        assert_eq!(subs.cell(KANREG, "Responden indeks"), BELOW_K);
        for s in api["sub_units"].as_array().unwrap() {
            let id = s["unit"]["id"].as_str().unwrap();
            let cell = subs.cell(id, "Indeks BerAKHLAK (%)");
            match s["index"]["status"].as_str().unwrap() {
                "shown" => assert!(same(cell, &s["index"]["value"]["overall"]), "{id}"),
                _ => assert!(
                    cell.as_str()
                        .is_some_and(|t| t == BELOW_K || t.starts_with("Disembunyikan")),
                    "{id}: {cell}"
                ),
            }
            assert!(same(
                subs.cell(id, "Anggota"),
                &s["participation"]["members"]
            ));
        }
        // No cell anywhere holds Kanreg's count of two.
        assert!(
            !subs
                .row(KANREG)
                .iter()
                .skip(5)
                .any(|c| c.as_f64() == Some(2.0))
        );
    }

    // A bad period is the API's 400, not an empty file.
    let res = srv
        .get(&format!("{path}.xlsx?period=maret"), Some(&admin.token))
        .await;
    assert_eq!(res.status(), 400);
    assert_eq!(error_code(res).await, "invalid_period");
}
