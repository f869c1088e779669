//! The live quiz's light join page: `/gabung/<code>` (any code, with or without a trailing
//! slash) is answered with `dist/gabung/index.html`, revalidated like the other entry pages;
//! its script is served as itself, a missing script is a 404 (never the page under a
//! script's name), and the phone app keeps every other path.

mod common;

use common::*;
use reqwest::StatusCode;
use reqwest::header;
use std::path::Path;

const PHONE_PAGE: &str = "<!doctype html><title>Resapi</title>";
const JOIN_PAGE: &str = "<!doctype html><title>Gabung Kuis Apel</title>\
    <script src=\"/gabung/gabung.js\" defer></script>";
const JOIN_SCRIPT: &str = "\"use strict\"; /* the join page */";

fn write_dist(dist: &Path) {
    std::fs::create_dir_all(dist.join("gabung")).unwrap();
    std::fs::write(dist.join("index.html"), PHONE_PAGE).unwrap();
    std::fs::write(dist.join("gabung/index.html"), JOIN_PAGE).unwrap();
    std::fs::write(dist.join("gabung/gabung.js"), JOIN_SCRIPT).unwrap();
}

#[tokio::test]
async fn any_join_link_gets_the_join_page_and_other_paths_the_phone_app() {
    let srv = start_with_dist(write_dist).await;
    for path in [
        "/gabung/482913",
        "/gabung/482913/",
        "/gabung/",
        "/gabung/999999",
    ] {
        let res = srv.get(path, None).await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        let cache = res.headers()[header::CACHE_CONTROL].to_str().unwrap();
        assert_eq!(cache, "no-cache", "{path}");
        assert_eq!(res.text().await.unwrap(), JOIN_PAGE, "{path}");
    }
    let res = srv.get("/gabung/gabung.js", None).await;
    assert_eq!(res.status(), StatusCode::OK);
    let kind = res.headers()[header::CONTENT_TYPE].to_str().unwrap();
    assert!(kind.contains("javascript"), "{kind}");
    assert_eq!(res.text().await.unwrap(), JOIN_SCRIPT);
    let res = srv.get("/gabung/gabung-old.js", None).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    for path in ["/", "/gabungan", "/modul/modul-akuntabel"] {
        let res = srv.get(path, None).await;
        assert_eq!(res.text().await.unwrap(), PHONE_PAGE, "{path}");
    }
}
