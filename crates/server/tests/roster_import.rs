//! The console's roster import (`POST /api/v1/admin/roster`): CSV or XLSX, a preview with
//! every row's outcome and line, nothing imported while any row is wrong, and a unit
//! admin's import limited to their own units.

mod common;

use common::*;
use reqwest::StatusCode;
use resapi_core::api::Role;
use serde_json::{Value, json};

const SINKA: &str = "bkn-deputi-sinka";
const KANREG: &str = "kanreg-1-yogyakarta";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async fn upload(
    srv: &Server,
    query: &str,
    body: Vec<u8>,
    content_type: &str,
    token: &str,
) -> (StatusCode, Value) {
    let res = srv
        .http
        .post(srv.url(&format!("/api/v1/admin/roster{query}")))
        .header("content-type", content_type)
        .bearer_auth(token)
        .body(body)
        .send()
        .await
        .unwrap();
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}

fn statuses(report: &Value) -> Vec<(u64, String)> {
    report["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["line"].as_u64().unwrap(),
                r["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_csv_with_an_error_is_previewed_refused_then_imported_once_fixed() {
    let srv = start().await;
    let hash = srv.passwords.hash(PASSWORD.into()).await.unwrap();
    let admin = srv.signed_in(1, "bkn", &[Role::Admin], &hash).await;
    let t = admin.token.as_str();
    let broken = format!(
        "NIP;Nama;Unit Kerja\n{};Siti Rahma;{SINKA}\n1.98503E+17;Budi;{SINKA}\n{};Dewi;unit-hilang\n",
        nip(101),
        nip(103)
    );
    let (s, report) = upload(
        &srv,
        "?preview=true",
        broken.clone().into_bytes(),
        "text/csv",
        t,
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{report}");
    assert_eq!(
        statuses(&report),
        vec![(2, "add".into()), (3, "error".into()), (4, "error".into())]
    );
    assert_eq!(report["imported"], false);
    let problems = report["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 2);
    assert!(
        problems[0]["message"].as_str().unwrap().contains("as text"),
        "{report}"
    );
    assert!(
        problems[1]["message"]
            .as_str()
            .unwrap()
            .contains("unit-hilang"),
        "{report}"
    );

    let (s, body) = upload(&srv, "", broken.into_bytes(), "text/csv", t).await;
    assert_eq!(
        (s, body["error"]["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("roster_has_errors"))
    );
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("baris 3"),
        "{body}"
    );
    assert_eq!(
        srv.count("SELECT COUNT(*) FROM roster").await,
        0,
        "nothing imported"
    );

    let fixed = format!(
        "NIP;Nama;Unit Kerja\n{};Siti Rahma;{SINKA}\n{};Budi;{SINKA}\n{};Dewi;{KANREG}\n",
        nip(101),
        nip(102),
        nip(103)
    );
    let (s, report) = upload(&srv, "", fixed.into_bytes(), "text/csv", t).await;
    assert_eq!(s, StatusCode::OK, "{report}");
    assert_eq!(
        (report["imported"].as_bool(), report["added"].as_u64()),
        (Some(true), Some(3))
    );
    assert_eq!(srv.count("SELECT COUNT(*) FROM roster").await, 3);
    // The roster now decides registration: a NIP not on it is refused.
    let res = srv
        .post(
            "/api/v1/auth/register",
            &json!({"nip": nip(104), "name": "Orang Lain", "password": PASSWORD, "unit_id": SINKA}),
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(error_code(res).await, "not_on_roster");

    let (s, body) = upload(&srv, "", b"{}".to_vec(), "application/json", t).await;
    assert_eq!(
        (s, body["error"]["code"].as_str()),
        (
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Some("unsupported_media_type")
        )
    );
}

#[tokio::test]
async fn a_unit_admin_replaces_only_the_roster_of_their_own_units() {
    let srv = start().await;
    let hash = srv.passwords.hash(PASSWORD.into()).await.unwrap();
    let admin = srv.signed_in(1, "bkn", &[Role::Admin], &hash).await;
    let ua = srv.signed_in(2, SINKA, &[Role::UnitAdmin], &hash).await;
    let all = format!(
        "nip,name,unit\n{},Siti,{SINKA}\n{},Budi,{SINKA}\n{},Dewi,{KANREG}\n",
        nip(101),
        nip(102),
        nip(103)
    );
    let (s, _) = upload(&srv, "", all.into_bytes(), "text/csv", &admin.token).await;
    assert_eq!(s, StatusCode::OK);

    // Another unit's row, or a NIP on another unit's roster, is an error of that row.
    let outside = format!(
        "nip,name,unit\n{},Siti,{SINKA}\n{},Eko,{KANREG}\n{},Dewi,{SINKA}\n",
        nip(101),
        nip(105),
        nip(103)
    );
    let (s, report) = upload(
        &srv,
        "?preview=1",
        outside.into_bytes(),
        "text/csv",
        &ua.token,
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(
        statuses(&report),
        vec![(2, "same".into()), (3, "error".into()), (4, "error".into())]
    );
    assert_eq!(report["unit_id"], SINKA);
    let (s, body) = upload(
        &srv,
        &format!("?unit={KANREG}&preview=true"),
        b"nip,name,unit\n".to_vec(),
        "text/csv",
        &ua.token,
    )
    .await;
    assert_eq!(
        (s, body["error"]["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("forbidden"))
    );

    // Their own list: Siti renamed, Budi left off; Dewi (Kanreg) is not theirs and stays.
    let mine = format!("nip,name,unit\n{},Siti Rahma,{SINKA}\n", nip(101));
    let (s, report) = upload(&srv, "", mine.into_bytes(), "text/csv", &ua.token).await;
    assert_eq!(s, StatusCode::OK, "{report}");
    assert_eq!(
        (report["changed"].as_u64(), report["removed"].as_u64()),
        (Some(1), Some(1))
    );
    let left: Vec<(String, String)> = sqlx::query_as("SELECT nip, name FROM roster ORDER BY nip")
        .fetch_all(&srv.db)
        .await
        .unwrap();
    assert_eq!(
        left,
        vec![
            (nip_digits(101), "Siti Rahma".into()),
            (nip_digits(103), "Dewi".into())
        ]
    );
}

#[tokio::test]
async fn an_xlsx_roster_reads_like_the_csv_with_spreadsheet_row_numbers() {
    use rust_xlsxwriter::Workbook;
    let srv = start().await;
    let hash = srv.passwords.hash(PASSWORD.into()).await.unwrap();
    let ua = srv.signed_in(2, SINKA, &[Role::UnitAdmin], &hash).await;
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    // A title row above the header, as agencies often have: the header is on row 3.
    sheet.write_string(0, 0, "Daftar pegawai").unwrap();
    for (col, title) in ["NIP", "Nama", "Unit"].into_iter().enumerate() {
        sheet.write_string(2, col as u16, title).unwrap();
    }
    sheet.write_string(3, 0, nip(101)).unwrap();
    sheet.write_string(3, 1, "Siti Rahma").unwrap();
    sheet.write_string(3, 2, SINKA).unwrap();
    // A NIP typed as a number has lost digits: refused, with the hint.
    sheet.write_number(4, 0, 198503122010011002.0).unwrap();
    sheet.write_string(4, 1, "Budi").unwrap();
    sheet.write_string(4, 2, SINKA).unwrap();
    let bytes = book.save_to_buffer().unwrap();

    let (s, report) = upload(&srv, "?preview=true", bytes.clone(), XLSX, &ua.token).await;
    assert_eq!(s, StatusCode::OK, "{report}");
    // The title row is not a header: the file is refused at its first line.
    assert_eq!(report["problems"][0]["line"], 1, "{report}");

    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (col, title) in ["NIP", "Nama", "Unit"].into_iter().enumerate() {
        sheet.write_string(0, col as u16, title).unwrap();
    }
    sheet.write_string(1, 0, nip(101)).unwrap();
    sheet.write_string(1, 1, "Siti Rahma").unwrap();
    sheet.write_string(1, 2, SINKA).unwrap();
    sheet.write_number(3, 0, 198503122010011002.0).unwrap();
    sheet.write_string(3, 1, "Budi").unwrap();
    sheet.write_string(3, 2, SINKA).unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let (s, report) = upload(&srv, "?preview=true", bytes, XLSX, &ua.token).await;
    assert_eq!(s, StatusCode::OK, "{report}");
    assert_eq!(
        statuses(&report),
        vec![(2, "add".into()), (4, "error".into())],
        "row 3 is blank"
    );
    assert!(
        report["rows"][1]["errors"][0]
            .as_str()
            .unwrap()
            .contains("as text"),
        "{report}"
    );

    let (s, body) = upload(
        &srv,
        "?preview=true",
        b"not a zip".to_vec(),
        XLSX,
        &ua.token,
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        body["problems"][0]["message"]
            .as_str()
            .unwrap()
            .contains("XLSX"),
        "{body}"
    );
}
