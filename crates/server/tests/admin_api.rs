//! The admin API the console uses: the unit tree (create, rename, move, retire), people
//! (search, change of unit) and roles, each within the caller's scope. Who may call what
//! at all is `roles_matrix.rs`; this file checks what the calls do.

mod common;

use common::*;
use reqwest::{Method, StatusCode};
use resapi_core::api::{AuthResponse, Role};
use resapi_server::AppState;
use serde_json::{Value, json};

/// The fixture tree: bkn → bkn-deputi-sinka, bkn-direktorat-pengadaan, kanreg-1-yogyakarta.
const SINKA: &str = "bkn-deputi-sinka";
const KANREG: &str = "kanreg-1-yogyakarta";

async fn hash(srv: &Server) -> String {
    srv.passwords.hash(PASSWORD.into()).await.unwrap()
}

async fn call(
    srv: &Server,
    method: Method,
    path: &str,
    body: Option<Value>,
    token: &str,
) -> (StatusCode, Value) {
    let res = srv.send(method, path, body.as_ref(), Some(token)).await;
    let status = res.status();
    let body = res.json().await.unwrap_or(Value::Null);
    (status, body)
}

fn code(body: &Value) -> &str {
    body["error"]["code"].as_str().unwrap_or("")
}

#[tokio::test]
async fn a_unit_admin_grows_renames_moves_and_retires_units_in_their_own_subtree() {
    let srv = start().await;
    let h = hash(&srv).await;
    let ua = srv.signed_in(1, SINKA, &[Role::UnitAdmin], &h).await;
    let t = ua.token.as_str();

    let (s, unit) = call(
        &srv,
        Method::POST,
        "/api/v1/admin/units",
        Some(json!({"name": "Direktorat Sistem Informasi", "parent_id": SINKA})),
        t,
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{unit}");
    assert_eq!(
        unit["id"], "direktorat-sistem-informasi",
        "the id is made from the name"
    );
    assert_eq!(unit["members"], 0);
    let (s, sub) = call(&srv, Method::POST, "/api/v1/admin/units", Some(json!({"id": "subdit-data", "name": "Subdirektorat Data", "parent_id": "direktorat-sistem-informasi"})), t).await;
    assert_eq!(s, StatusCode::CREATED, "{sub}");
    // The same id again, and a top unit (admins only), and a unit elsewhere in the tree.
    let (s, body) = call(
        &srv,
        Method::POST,
        "/api/v1/admin/units",
        Some(json!({"id": "subdit-data", "name": "Lagi", "parent_id": SINKA})),
        t,
    )
    .await;
    assert_eq!((s, code(&body)), (StatusCode::CONFLICT, "unit_exists"));
    let (s, body) = call(
        &srv,
        Method::POST,
        "/api/v1/admin/units",
        Some(json!({"name": "Unit Puncak", "parent_id": null})),
        t,
    )
    .await;
    assert_eq!((s, code(&body)), (StatusCode::FORBIDDEN, "forbidden"));
    let (s, body) = call(
        &srv,
        Method::POST,
        "/api/v1/admin/units",
        Some(json!({"name": "Seksi Lain", "parent_id": KANREG})),
        t,
    )
    .await;
    assert_eq!((s, code(&body)), (StatusCode::FORBIDDEN, "forbidden"));
    let (s, body) = call(
        &srv,
        Method::POST,
        "/api/v1/admin/units",
        Some(json!({"name": "x", "parent_id": SINKA})),
        t,
    )
    .await;
    assert_eq!(
        (s, code(&body)),
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_unit_name")
    );

    // The public list is read (and kept in memory) before the edits below: each edit must
    // show in it at once.
    let before: Vec<Value> = srv.get("/api/v1/units", None).await.json().await.unwrap();
    let named = |list: &[Value], id: &str| {
        list.iter()
            .find(|u| u["id"] == id)
            .map(|u| u["name"].clone())
    };
    let old_name = named(&before, "direktorat-sistem-informasi");
    assert!(
        old_name.is_some() && old_name != Some(json!("Direktorat SI")),
        "{old_name:?}"
    );
    // Rename, then a move under its own sub-unit is refused and changes nothing.
    let (s, body) = call(
        &srv,
        Method::PATCH,
        "/api/v1/admin/units/direktorat-sistem-informasi",
        Some(json!({"name": "Direktorat SI"})),
        t,
    )
    .await;
    assert_eq!(
        (s, body["name"].as_str()),
        (StatusCode::OK, Some("Direktorat SI"))
    );
    let (s, body) = call(
        &srv,
        Method::PATCH,
        "/api/v1/admin/units/direktorat-sistem-informasi",
        Some(json!({"name": "Nama Baru", "parent_id": "subdit-data"})),
        t,
    )
    .await;
    assert_eq!((s, code(&body)), (StatusCode::CONFLICT, "unit_cycle"));
    let (s, body) = call(
        &srv,
        Method::PATCH,
        "/api/v1/admin/units/subdit-data",
        Some(json!({"parent_id": "subdit-data"})),
        t,
    )
    .await;
    assert_eq!((s, code(&body)), (StatusCode::CONFLICT, "unit_cycle"));
    let (s, body) = call(
        &srv,
        Method::PATCH,
        "/api/v1/admin/units/subdit-data",
        Some(json!({"parent_id": KANREG})),
        t,
    )
    .await;
    assert_eq!(
        (s, code(&body)),
        (StatusCode::FORBIDDEN, "forbidden"),
        "out of scope"
    );
    let (s, body) = call(
        &srv,
        Method::PATCH,
        "/api/v1/admin/units/subdit-data",
        Some(json!({"parent_id": SINKA})),
        t,
    )
    .await;
    assert_eq!(
        (s, body["parent_id"].as_str()),
        (StatusCode::OK, Some(SINKA))
    );
    let listed: Vec<Value> = srv.get("/api/v1/units", None).await.json().await.unwrap();
    let name_of = |id: &str| named(&listed, id);
    assert_eq!(
        name_of("direktorat-sistem-informasi"),
        Some(json!("Direktorat SI")),
        "the refused move did not rename"
    );

    // Retire: not with a member, not with an active sub-unit; then it leaves the unit list.
    srv.signed_in(2, "subdit-data", &[], &h).await;
    let (s, body) = call(
        &srv,
        Method::DELETE,
        "/api/v1/admin/units/subdit-data",
        None,
        t,
    )
    .await;
    assert_eq!((s, code(&body)), (StatusCode::CONFLICT, "unit_has_members"));
    let (s, body) = call(
        &srv,
        Method::DELETE,
        &format!("/api/v1/admin/units/{SINKA}"),
        None,
        t,
    )
    .await;
    assert_eq!(
        (s, code(&body)),
        (StatusCode::CONFLICT, "unit_has_members"),
        "the unit admin is in it"
    );
    call(
        &srv,
        Method::PATCH,
        "/api/v1/admin/units/subdit-data",
        Some(json!({"parent_id": "direktorat-sistem-informasi"})),
        t,
    )
    .await;
    let (s, body) = call(
        &srv,
        Method::DELETE,
        "/api/v1/admin/units/direktorat-sistem-informasi",
        None,
        t,
    )
    .await;
    assert_eq!(
        (s, code(&body)),
        (StatusCode::CONFLICT, "unit_has_subunits")
    );
    let (s, _) = call(
        &srv,
        Method::POST,
        "/api/v1/admin/units",
        Some(json!({"id": "seksi-kosong", "name": "Seksi Kosong", "parent_id": SINKA})),
        t,
    )
    .await;
    assert_eq!(s, StatusCode::CREATED);
    let res = srv
        .send(
            Method::DELETE,
            "/api/v1/admin/units/seksi-kosong",
            None,
            Some(t),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let listed: Vec<Value> = srv.get("/api/v1/units", None).await.json().await.unwrap();
    assert!(
        listed.iter().all(|u| u["id"] != "seksi-kosong"),
        "a retired unit is not listed"
    );
    let (_, mine) = call(&srv, Method::GET, "/api/v1/admin/units", None, t).await;
    let mine = mine.as_array().unwrap();
    assert!(
        mine.iter()
            .any(|u| u["id"] == "seksi-kosong" && u["active"] == false),
        "the console still sees it"
    );
    assert!(
        mine.iter().all(|u| u["id"] != "bkn" && u["id"] != KANREG),
        "only the caller's scope"
    );
    let (s, body) = call(&srv, Method::POST, "/api/v1/auth/register", Some(json!({"nip": nip(9), "name": "Siti Rahma", "password": PASSWORD, "unit_id": "seksi-kosong"})), t).await;
    assert_eq!(
        (s, code(&body)),
        (StatusCode::UNPROCESSABLE_ENTITY, "unknown_unit"),
        "nobody registers into a retired unit"
    );
}

#[tokio::test]
async fn console_edits_survive_a_restart_while_untouched_units_follow_the_file() {
    let srv = start().await;
    let h = hash(&srv).await;
    let admin = srv.signed_in(1, "bkn", &[Role::Admin], &h).await;
    let t = admin.token.as_str();
    let (s, _) = call(
        &srv,
        Method::PATCH,
        &format!("/api/v1/admin/units/{KANREG}"),
        Some(json!({"name": "Kanreg I DIY"})),
        t,
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    call(
        &srv,
        Method::POST,
        "/api/v1/admin/units",
        Some(json!({"id": "unit-konsol", "name": "Unit dari Konsol", "parent_id": "bkn"})),
        t,
    )
    .await;
    let res = srv
        .send(
            Method::DELETE,
            &format!("/api/v1/admin/units/{SINKA}"),
            None,
            Some(t),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    // A file unit renamed behind the file's back (as an older server would have left it).
    sqlx::query("UPDATE units SET name = 'stale' WHERE id = 'bkn-direktorat-pengadaan'")
        .execute(&srv.db)
        .await
        .unwrap();

    // A restart upserts the units file again.
    let state = AppState::open(
        &srv.db_path(),
        &fixture_content(),
        std::path::Path::new("/nonexistent"),
    )
    .await
    .unwrap();
    let units = state.store.list_units().await.unwrap();
    let name = |id: &str| units.iter().find(|u| u.id == id).map(|u| u.name.clone());
    assert_eq!(
        name(KANREG).as_deref(),
        Some("Kanreg I DIY"),
        "the console's name is kept"
    );
    assert_eq!(
        name(SINKA),
        None,
        "a unit retired in the console stays retired"
    );
    assert_eq!(
        name("unit-konsol").as_deref(),
        Some("Unit dari Konsol"),
        "a console unit stays active"
    );
    assert_eq!(
        name("bkn-direktorat-pengadaan").as_deref(),
        Some("Direktorat Pengadaan dan Kepangkatan"),
        "a unit the console never edited follows the file"
    );
}

#[tokio::test]
async fn people_are_found_moved_and_given_roles_only_within_scope() {
    let srv = start().await;
    let h = hash(&srv).await;
    let admin = srv.signed_in(1, "bkn", &[Role::Admin], &h).await;
    let ua = srv.signed_in(2, SINKA, &[Role::UnitAdmin], &h).await;
    let inside = srv.signed_in(3, SINKA, &[], &h).await;
    let outside = srv.signed_in(4, KANREG, &[], &h).await;
    let t = ua.token.as_str();
    call(
        &srv,
        Method::POST,
        "/api/v1/admin/units",
        Some(json!({"id": "seksi-a", "name": "Seksi A", "parent_id": SINKA})),
        t,
    )
    .await;

    // Search: by NIP prefix with spaces, by part of the name, paged; never outside scope.
    let (s, page) = call(
        &srv,
        Method::GET,
        "/api/v1/admin/people?q=19850312%20201001%201%20003",
        None,
        t,
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{page}");
    assert_eq!(page["total"], 1);
    assert_eq!(page["people"][0]["id"], json!(inside.id));
    let (_, page) = call(
        &srv,
        Method::GET,
        "/api/v1/admin/people?q=pegawai%2000&per_page=1&page=2",
        None,
        t,
    )
    .await;
    assert_eq!(
        page["total"], 2,
        "the unit admin and the employee of their unit: {page}"
    );
    assert_eq!(page["people"].as_array().unwrap().len(), 1);
    assert_eq!(page["people"][0]["name"], "Pegawai 003", "ordered by name");
    let (_, page) = call(&srv, Method::GET, "/api/v1/admin/people?q=004", None, t).await;
    assert_eq!(page["total"], 0, "a NIP that is not in scope is not found");
    let (_, page) = call(
        &srv,
        Method::GET,
        "/api/v1/admin/people",
        None,
        &admin.token,
    )
    .await;
    assert_eq!(page["total"], 4, "an admin sees everyone");
    let (s, body) = call(&srv, Method::GET, "/api/v1/admin/people?page=x", None, t).await;
    assert_eq!((s, code(&body)), (StatusCode::BAD_REQUEST, "bad_page"));

    // Change of unit: both ends in scope.
    let path = format!("/api/v1/admin/people/{}/unit", inside.id);
    let (s, body) = call(
        &srv,
        Method::PUT,
        &path,
        Some(json!({"unit_id": KANREG})),
        t,
    )
    .await;
    assert_eq!((s, code(&body)), (StatusCode::FORBIDDEN, "forbidden"));
    let (s, body) = call(
        &srv,
        Method::PUT,
        &path,
        Some(json!({"unit_id": "seksi-a"})),
        t,
    )
    .await;
    assert_eq!(
        (s, body["unit_id"].as_str()),
        (StatusCode::OK, Some("seksi-a"))
    );
    let (s, body) = call(
        &srv,
        Method::PUT,
        &format!("/api/v1/admin/people/{}/unit", outside.id),
        Some(json!({"unit_id": SINKA})),
        t,
    )
    .await;
    assert_eq!((s, code(&body)), (StatusCode::FORBIDDEN, "forbidden"));
    let (s, body) = call(
        &srv,
        Method::PUT,
        "/api/v1/admin/people/not-a-uuid/unit",
        Some(json!({"unit_id": SINKA})),
        t,
    )
    .await;
    assert_eq!((s, code(&body)), (StatusCode::NOT_FOUND, "no_such_person"));

    // Roles: trainer and unit_admin within scope; admin by admins only; never employee.
    let roles = |p: &SignedIn, role: &str| format!("/api/v1/admin/people/{}/roles/{role}", p.id);
    let (s, body) = call(&srv, Method::PUT, &roles(&inside, "trainer"), None, t).await;
    assert_eq!(
        (s, body["roles"].clone()),
        (StatusCode::OK, json!(["employee", "trainer"]))
    );
    let (s, body) = call(&srv, Method::PUT, &roles(&inside, "admin"), None, t).await;
    assert_eq!((s, code(&body)), (StatusCode::FORBIDDEN, "forbidden"));
    let (s, body) = call(&srv, Method::PUT, &roles(&outside, "trainer"), None, t).await;
    assert_eq!((s, code(&body)), (StatusCode::FORBIDDEN, "forbidden"));
    let (s, body) = call(&srv, Method::DELETE, &roles(&inside, "employee"), None, t).await;
    assert_eq!(
        (s, code(&body)),
        (StatusCode::UNPROCESSABLE_ENTITY, "role_not_grantable")
    );
    let (s, body) = call(&srv, Method::PUT, &roles(&inside, "root"), None, t).await;
    assert_eq!(
        (s, code(&body)),
        (StatusCode::UNPROCESSABLE_ENTITY, "unknown_role")
    );
    let (s, body) = call(&srv, Method::PUT, &roles(&inside, "unit_admin"), None, t).await;
    assert_eq!(
        (s, body["roles"].clone()),
        (StatusCode::OK, json!(["employee", "trainer", "unit_admin"]))
    );
    let (s, body) = call(&srv, Method::DELETE, &roles(&inside, "trainer"), None, t).await;
    assert_eq!(
        (s, body["roles"].clone()),
        (StatusCode::OK, json!(["employee", "unit_admin"]))
    );

    // The new unit admin of seksi-a manages seksi-a only: not their granter's unit.
    let (s, _) = call(
        &srv,
        Method::PUT,
        &roles(&ua, "trainer"),
        None,
        &inside.token,
    )
    .await;
    assert_eq!(s, StatusCode::FORBIDDEN);

    // The console's sign-in shows the roles.
    let res = srv
        .post(
            "/api/v1/auth/login",
            &json!({"nip": inside.nip, "password": PASSWORD}),
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let auth: AuthResponse = res.json().await.unwrap();
    assert_eq!(auth.account.roles, vec![Role::Employee, Role::UnitAdmin]);
    assert_eq!(auth.account.unit_id, "seksi-a");

    // Admin: grants admin; the last admin cannot lose it, a second one can.
    let (s, body) = call(
        &srv,
        Method::DELETE,
        &roles(&admin, "admin"),
        None,
        &admin.token,
    )
    .await;
    assert_eq!((s, code(&body)), (StatusCode::CONFLICT, "last_admin"));
    let (s, _) = call(
        &srv,
        Method::PUT,
        &roles(&outside, "admin"),
        None,
        &admin.token,
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    let (s, body) = call(
        &srv,
        Method::DELETE,
        &roles(&admin, "admin"),
        None,
        &admin.token,
    )
    .await;
    assert_eq!(
        (s, body["roles"].clone()),
        (StatusCode::OK, json!(["employee"]))
    );
    let (s, _) = call(
        &srv,
        Method::GET,
        "/api/v1/admin/people",
        None,
        &admin.token,
    )
    .await;
    assert_eq!(
        s,
        StatusCode::FORBIDDEN,
        "the revoked admin is refused at once"
    );
}
