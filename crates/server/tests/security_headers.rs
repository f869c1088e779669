//! Security headers on every kind of response: app pages, app files, API answers, errors
//! and 404s. The CSP allows the inline code of the served `index.html` by hash, and follows
//! a new `index.html` copied over a running server.

mod common;

use base64::Engine;
use common::*;
use reqwest::header::{self, HeaderMap};
use resapi_server::http::ServeConfig;
use sha2::{Digest, Sha256};
use std::path::Path;

const BOOT: &str = "import init from '/resapi-0123456789abcdef.js'; init();";
const HELPER: &str = "\n    window.resapiPwa = {};\n  ";
const SKELETON: &str = "#skeleton { color: #12332b; }";

fn index_html(boot: &str) -> String {
    format!(
        "<!doctype html><html><head><style>{SKELETON}</style><script>{HELPER}</script>\
         <script type=\"module\">{boot}</script>\
         <script src=\"/vendor/chart-4.6.1.umd.min.js\"></script></head><body></body></html>"
    )
}

fn write_dist(dist: &Path) {
    std::fs::create_dir_all(dist.join("vendor")).unwrap();
    std::fs::write(dist.join("index.html"), index_html(BOOT)).unwrap();
    std::fs::write(dist.join("vendor/chart-4.6.1.umd.min.js"), "var Chart = 1;").unwrap();
}

/// What a browser computes for an inline block, independently of the server's code.
fn sha256(code: &str) -> String {
    let digest = Sha256::digest(code.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

fn directive<'a>(headers: &'a HeaderMap, name: &str) -> &'a str {
    let csp = headers
        .get(header::CONTENT_SECURITY_POLICY)
        .expect("a CSP")
        .to_str()
        .unwrap();
    csp.split(';')
        .map(str::trim)
        .find(|d| d.starts_with(&format!("{name} ")))
        .unwrap_or_else(|| panic!("no {name} in {csp}"))
}

fn assert_protected(headers: &HeaderMap, what: &str) {
    assert!(
        headers.contains_key(header::CONTENT_SECURITY_POLICY),
        "CSP on {what}"
    );
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff", "{what}");
    assert_eq!(headers[header::REFERRER_POLICY], "no-referrer", "{what}");
    assert_eq!(headers[header::X_FRAME_OPTIONS], "DENY", "{what}");
    assert_eq!(
        directive(headers, "frame-ancestors"),
        "frame-ancestors 'none'"
    );
}

#[tokio::test]
async fn every_response_carries_the_security_headers_and_no_hsts_by_default() {
    let srv = start_with_dist(write_dist).await;
    let auth = srv.register(1).await;
    let cases = [
        ("/", None),
        ("/latihan", None),
        ("/vendor/chart-4.6.1.umd.min.js", None),
        ("/missing-0123456789abcdef.js", None),
        ("/api/v1/health", None),
        ("/api/v1/content", None),
        ("/api/v1/me/records", Some(auth.token.as_str())),
        ("/api/v1/me/records", None),
        ("/api/v1/nothing-here", None),
        ("/api/openapi.json", None),
    ];
    for (path, token) in cases {
        let res = srv.get(path, token).await;
        println!("{path}: {}", res.status());
        assert_protected(res.headers(), path);
        assert!(
            !res.headers()
                .contains_key(header::STRICT_TRANSPORT_SECURITY)
        );
    }
    // Errors made by the layers themselves: 405, 413, bad JSON.
    let res = srv
        .http
        .delete(srv.url("/api/v1/health"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 405);
    assert_protected(res.headers(), "405");
    let res = srv
        .post_raw(
            "/api/v1/sync",
            "{",
            Some("application/json"),
            Some(&auth.token),
        )
        .await;
    assert_eq!(res.status(), 400);
    assert_protected(res.headers(), "400");
}

#[tokio::test]
async fn the_csp_allows_this_origin_and_exactly_the_inline_code_of_index_html() {
    let srv = start_with_dist(write_dist).await;
    let res = srv.get("/", None).await;
    let headers = res.headers();
    assert_eq!(
        directive(headers, "script-src"),
        format!(
            "script-src 'self' 'wasm-unsafe-eval' {} {}",
            sha256(HELPER),
            sha256(BOOT)
        )
    );
    assert_eq!(
        directive(headers, "style-src"),
        format!("style-src 'self' {}", sha256(SKELETON))
    );
    for expected in [
        "default-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
    ] {
        let name = expected.split(' ').next().unwrap();
        assert_eq!(directive(headers, name), expected);
    }
    let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(!csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'"));

    // A new release copied over the running server: its new boot script is allowed at once.
    let next = "import init from '/resapi-fedcba9876543210.js'; init();";
    std::fs::write(srv.dir.path().join("dist/index.html"), index_html(next)).unwrap();
    let res = srv.get("/", None).await;
    let script_src = directive(res.headers(), "script-src").to_owned();
    assert!(script_src.contains(&sha256(next)), "{script_src}");
    assert!(!script_src.contains(&sha256(BOOT)), "{script_src}");
}

#[tokio::test]
async fn hsts_is_sent_only_when_the_operator_turns_it_on() {
    let config = ServeConfig {
        hsts: true,
        ..ServeConfig::default()
    };
    let srv = start_configured(resapi_server::store::BUSY_TIMEOUT, &config, write_dist).await;
    for path in ["/", "/api/v1/health", "/api/v1/nothing-here"] {
        let res = srv.get(path, None).await;
        assert_eq!(
            res.headers()[header::STRICT_TRANSPORT_SECURITY],
            "max-age=31536000",
            "{path}"
        );
        assert_protected(res.headers(), path);
    }
}
