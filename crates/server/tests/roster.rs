//! The agency roster: `import-roster` checks every row and imports all or nothing; with a
//! roster only listed NIPs register (in the roster's unit); `reset-account` releases a NIP
//! someone else took; `--clear` opens registration again.

mod common;

use common::*;
use reqwest::StatusCode;
use resapi_core::api::AuthResponse;
use serde_json::json;
use std::path::Path;
use std::process::Output;

fn run(db: &Path, args: &[&str]) -> Output {
    server_command()
        .env("RUST_LOG", "warn")
        .args(args)
        .arg("--db")
        .arg(db)
        .output()
        .unwrap()
}

impl Server {
    async fn try_login(&self, n: u32) -> reqwest::Response {
        self.post(
            "/api/v1/auth/login",
            &json!({"nip": nip(n), "password": PASSWORD}),
            None,
        )
        .await
    }

    async fn try_register(&self, n: u32, unit: &str) -> reqwest::Response {
        self.post(
            "/api/v1/auth/register",
            &json!({"nip": nip(n), "name": "Siti Rahma", "password": PASSWORD, "unit_id": unit}),
            None,
        )
        .await
    }
}

#[tokio::test]
async fn a_roster_decides_who_registers_and_a_wrongly_taken_nip_can_be_released() {
    let srv = start().await;
    let db = srv.db_path();
    // No roster: registration is open, as for a pilot.
    assert_eq!(
        srv.try_register(1, UNIT).await.status(),
        StatusCode::CREATED
    );

    // A file with errors is reported row by row and nothing is imported.
    let csv = srv.dir.path().join("roster.csv");
    std::fs::write(
        &csv,
        format!(
            "NIP,Nama,Unit\n{},Ahmad,bkn\n1.98503E+17,Budi,bkn\n{},Citra,atlantis\n",
            nip(3),
            nip(4)
        ),
    )
    .unwrap();
    let out = import_roster(&db, &csv);
    assert!(!out.status.success());
    let report = output_text(&out);
    assert!(
        report.contains("2 row(s) in error; nothing was imported"),
        "{report}"
    );
    assert!(report.contains("line 3: NIP `1.98503E+17`"), "{report}");
    assert!(
        report.contains("line 4: unknown unit `atlantis`"),
        "{report}"
    );
    assert_eq!(srv.count("SELECT COUNT(*) FROM roster").await, 0);
    assert_eq!(
        srv.try_register(2, UNIT).await.status(),
        StatusCode::CREATED
    );

    // A clean file: only listed NIPs register now, each in the roster's unit.
    std::fs::write(
        &csv,
        format!(
            "NIP;Nama;Unit Kerja\n{};Ahmad;bkn\n{};Citra;bkn-deputi-sinka\n",
            nip(3),
            nip(4).replace(' ', "")
        ),
    )
    .unwrap();
    let out = import_roster(&db, &csv);
    assert!(out.status.success(), "{}", output_text(&out));
    assert!(
        output_text(&out).contains("2 people in 2 unit(s)"),
        "{}",
        output_text(&out)
    );
    let res = srv.try_register(5, UNIT).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(error_code(res).await, "not_on_roster");
    let res = srv.try_register(3, UNIT).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let ahmad: AuthResponse = res.json().await.unwrap();
    assert_eq!(
        ahmad.account.unit_id, "bkn",
        "the roster's unit, not the form's"
    );
    // Accounts made before the roster stay.
    let res = srv.try_login(1).await;
    assert_eq!(res.status(), StatusCode::OK);

    // Someone registers Citra's NIP before she does, and syncs a record with it.
    let impostor = srv.register(4).await;
    let content = srv.content().await;
    let record = practice_session_record(impostor.account.id, &content.version);
    srv.sync(&impostor.token, vec![record]).await;
    let res = srv.try_register(4, UNIT).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let body: resapi_core::api::ErrorBody = res.json().await.unwrap();
    assert!(
        body.error.message.contains("admin unit"),
        "{}",
        body.error.message
    );

    // The unit admin releases the NIP.
    let out = run(&db, &["reset-account", "--nip", &nip(4)]);
    assert!(out.status.success(), "{}", output_text(&out));
    let said = output_text(&out);
    assert!(
        said.contains("1 session(s) ended") && said.contains("1 record(s) are kept"),
        "{said}"
    );
    // The impostor is out at once, and cannot log in again.
    let res = srv.get("/api/v1/me/records", Some(&impostor.token)).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let res = srv.try_login(4).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    // Citra registers her own NIP: a new account, with none of the impostor's records.
    let res = srv.try_register(4, UNIT).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let citra: AuthResponse = res.json().await.unwrap();
    assert_ne!(citra.account.id, impostor.account.id);
    assert_eq!(citra.account.unit_id, "bkn-deputi-sinka");
    let page: serde_json::Value = srv
        .get("/api/v1/me/records", Some(&citra.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page["records"].as_array().unwrap().len(), 0);
    // The impostor's record is kept, with the released account.
    assert_eq!(srv.count("SELECT COUNT(*) FROM records").await, 1);
    let released: (Option<String>, Option<String>) =
        sqlx::query_as("SELECT released_nip, released_at FROM accounts WHERE id = $1")
            .bind(impostor.account.id.to_string())
            .fetch_one(&srv.db)
            .await
            .unwrap();
    assert_eq!(released.0.as_deref(), Some(nip_digits(4).as_str()));
    assert!(released.1.is_some());

    // Releasing a NIP nobody holds is an error.
    let out = run(&db, &["reset-account", "--nip", &nip(9)]);
    assert!(!out.status.success());
    assert!(
        output_text(&out).contains("no account with NIP"),
        "{}",
        output_text(&out)
    );

    // Without the roster, registration is open again.
    let out = run(&db, &["import-roster", "--clear"]);
    assert!(out.status.success(), "{}", output_text(&out));
    assert_eq!(
        srv.try_register(5, UNIT).await.status(),
        StatusCode::CREATED
    );
}
