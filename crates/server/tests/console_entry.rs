//! The second entry: the console is served at `/konsol/` from `dist/konsol/` (its routes fall
//! back to its own page, its hashed files are immutable, its inline code has its own CSP),
//! apart from the phone app at `/`; and the login answer tells the console the person's roles.

mod common;

use base64::Engine;
use common::*;
use reqwest::StatusCode;
use reqwest::header::{self, HeaderMap};
use resapi_core::api::{AuthResponse, Role};
use serde_json::json;
use sha2::{Digest, Sha256};
use std::path::Path;

const PHONE_PAGE: &str = "<!doctype html><title>Resapi</title>\
    <script type=\"module\">import init from '/resapi-0123456789abcdef.js'; init();</script>";
const PHONE_BOOT: &str = "import init from '/resapi-0123456789abcdef.js'; init();";
const CONSOLE_PAGE: &str = "<!doctype html><title>Resapi — Konsol</title>\
    <style>#skeleton { padding: 24px; }</style>\
    <script type=\"module\">import init from '/konsol/console-fedcba9876543210.js'; init();</script>";
const CONSOLE_BOOT: &str = "import init from '/konsol/console-fedcba9876543210.js'; init();";
const CONSOLE_WASM: &str = "konsol/console-fedcba9876543210_bg.wasm";

fn write_dist(dist: &Path) {
    std::fs::create_dir_all(dist.join("konsol")).unwrap();
    std::fs::write(dist.join("index.html"), PHONE_PAGE).unwrap();
    std::fs::write(dist.join("konsol/index.html"), CONSOLE_PAGE).unwrap();
    std::fs::write(dist.join(CONSOLE_WASM), vec![0u8; 2048]).unwrap();
}

fn sha256(code: &str) -> String {
    let digest = Sha256::digest(code.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

fn header(headers: &HeaderMap, name: header::HeaderName) -> &str {
    headers.get(name).unwrap().to_str().unwrap()
}

#[tokio::test]
async fn console_paths_get_the_console_page_and_other_paths_the_phone_app() {
    let srv = start_with_dist(write_dist).await;
    for path in ["/konsol/", "/konsol/unit/42", "/konsol/masuk"] {
        let res = srv.get(path, None).await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert_eq!(header(res.headers(), header::CACHE_CONTROL), "no-cache");
        assert_eq!(res.text().await.unwrap(), CONSOLE_PAGE, "{path}");
    }
    for path in ["/", "/masuk", "/konsolidasi"] {
        let res = srv.get(path, None).await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert_eq!(res.text().await.unwrap(), PHONE_PAGE, "{path}");
    }
    let res = srv.get(&format!("/{CONSOLE_WASM}"), None).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        header(res.headers(), header::CACHE_CONTROL),
        "public, max-age=31536000, immutable"
    );
    // A missing console file is a 404, never the page under a script's name.
    let res = srv.get("/konsol/console-0000000000000000.js", None).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn each_entry_allows_only_its_own_inline_code() {
    let srv = start_with_dist(write_dist).await;
    let csp = |headers: &HeaderMap| header(headers, header::CONTENT_SECURITY_POLICY).to_owned();
    let console = csp(srv.get("/konsol/", None).await.headers());
    assert!(console.contains(&sha256(CONSOLE_BOOT)), "{console}");
    assert!(console.contains(&sha256("#skeleton { padding: 24px; }")));
    assert!(!console.contains(&sha256(PHONE_BOOT)), "{console}");
    let phone = csp(srv.get("/", None).await.headers());
    assert!(phone.contains(&sha256(PHONE_BOOT)), "{phone}");
    assert!(!phone.contains(&sha256(CONSOLE_BOOT)), "{phone}");
}

#[tokio::test]
async fn the_login_answer_lists_the_roles_granted_to_the_account() {
    let srv = start().await;
    let registered = srv.register(1).await;
    assert_eq!(registered.account.roles, vec![Role::Employee]);
    srv.store()
        .grant_role(registered.account.id, Role::Trainer)
        .await
        .unwrap();
    let res = srv
        .post(
            "/api/v1/auth/login",
            &json!({"nip": nip(1), "password": PASSWORD}),
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let auth: AuthResponse = res.json().await.unwrap();
    assert_eq!(auth.account.roles, vec![Role::Employee, Role::Trainer]);
}
