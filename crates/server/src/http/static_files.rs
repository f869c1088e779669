//! The built web app (trunk's `dist/`): hashed files are cached forever, the entry files
//! (`index.html`, `sw.js`, the manifest) are revalidated every time so a new release is
//! picked up, and any other path without a file gets its entry's `index.html` (client-side
//! routes): the console's (`dist/konsol/`) under `/konsol/`, the live quiz's join page
//! (`dist/gabung/`) under `/gabung/`, the phone app's elsewhere.

use crate::http::error::Error;
use crate::state::AppState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

pub const NO_CACHE: &str = "no-cache";
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// Where the console is served, and its folder in `dist/` (built by scripts/build_web.sh).
pub const CONSOLE_DIR: &str = "konsol";

/// True for the console's paths (`/konsol`, `/konsol/…`), which belong to its entry.
pub fn is_console(path: &str) -> bool {
    path.strip_prefix('/')
        .and_then(|p| p.strip_prefix(CONSOLE_DIR))
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// Where the live quiz's light join page is served (`/gabung/<code>`), and its folder in
/// `dist/` (copied from `web/gabung/` by trunk): plain HTML and JavaScript, no wasm
/// (docs/live-quiz.md "Join page").
pub const JOIN_DIR: &str = "gabung";

/// True for the join page's paths (`/gabung`, `/gabung/…`).
pub fn is_join(path: &str) -> bool {
    path.strip_prefix('/')
        .and_then(|p| p.strip_prefix(JOIN_DIR))
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// Files the browser must revalidate: they name the hashed files of the current release.
const ENTRY_FILES: [&str; 3] = ["index.html", "sw.js", "manifest.webmanifest"];

/// True for trunk's hashed names: `-` and the hash in hex before the extension or `_bg`
/// (`resapi-1a2b3c4d5e6f7a8b.js`, `resapi-1a2b3c4d5e6f7a8b_bg.wasm`, `style-….css`). Trunk
/// prints a 64-bit hash without leading zeros, so one build in 16 has 15 digits: 8 to 16
/// digits count (fewer than 8 would happen once in four billion builds).
pub fn is_hashed(name: &str) -> bool {
    let bytes = name.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        if b != b'-' {
            return false;
        }
        let digits = bytes[i + 1..]
            .iter()
            .take_while(|c| c.is_ascii_hexdigit())
            .count();
        (8..=16).contains(&digits) && matches!(bytes.get(i + 1 + digits), Some(b'.' | b'_'))
    })
}

/// The Cache-Control of a successfully served path.
pub fn cache_control(path: &str) -> &'static str {
    let name = path.rsplit('/').next().unwrap_or("");
    if name.is_empty() || ENTRY_FILES.contains(&name) {
        NO_CACHE
    } else if is_hashed(name) {
        IMMUTABLE
    } else {
        // Unhashed files (icons, vendored scripts) revalidate by ETag: cheap and never stale.
        NO_CACHE
    }
}

const NOT_BUILT: &str = "<!doctype html><html lang=\"id\"><meta charset=\"utf-8\">\
<title>Resapi</title><h1>Aplikasi belum dibangun</h1>\
<p>Server berjalan, tetapi folder aplikasi web (dist) tidak ditemukan. \
Bangun aplikasi dengan <code>trunk build --release</code> lalu mulai ulang server.</p>\
<p lang=\"en\">The web app is not built: the dist folder was not found.</p></html>";

fn with_cache_control(mut response: Response, value: &'static str) -> Response {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    response
}

pub async fn serve(State(state): State<AppState>, req: Request) -> Response {
    let path = req.uri().path().to_owned();
    if path == "/api" || path.starts_with("/api/") {
        return Error::NotFound.into_response();
    }
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return Error::MethodNotAllowed.into_response();
    }
    let dist = state.dist.as_path();
    let index = dist.join("index.html");
    if !tokio::fs::metadata(&index).await.is_ok_and(|m| m.is_file()) {
        let page = (StatusCode::SERVICE_UNAVAILABLE, Html(NOT_BUILT)).into_response();
        return with_cache_control(page, "no-store");
    }
    let method = req.method().clone();
    let headers = req.headers().clone();
    let served = ServeDir::new(dist)
        .precompressed_br()
        .precompressed_gzip()
        .oneshot(req)
        .await;
    let response = match served {
        Ok(r) => r.map(Body::new),
        Err(never) => match never {},
    };
    let status = response.status();
    if status.is_success() || status == StatusCode::NOT_MODIFIED {
        return with_cache_control(response, cache_control(&path));
    }
    let name = path.rsplit('/').next().unwrap_or("");
    // A missing file (a name with an extension: a script, a source map, an icon) is never a
    // page of the app: answering it with index.html would let a cache keep HTML under a
    // script's name. The app's own routes have no dots.
    if status != StatusCode::NOT_FOUND || name.contains('.') {
        return with_cache_control(response, NO_CACHE);
    }
    let entry = if is_console(&path) {
        dist.join(CONSOLE_DIR).join("index.html")
    } else if is_join(&path) {
        dist.join(JOIN_DIR).join("index.html")
    } else {
        index
    };
    let mut fallback = Request::new(Body::empty());
    *fallback.method_mut() = method;
    *fallback.headers_mut() = headers;
    let served = ServeFile::new(&entry)
        .precompressed_br()
        .precompressed_gzip()
        .oneshot(fallback)
        .await;
    let response = match served {
        Ok(r) => r.map(Body::new),
        Err(never) => match never {},
    };
    with_cache_control(response, NO_CACHE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trunk_hashed_names_are_recognised() {
        assert!(is_hashed("resapi-1a2b3c4d5e6f7a8b.js"));
        assert!(is_hashed("resapi-1a2b3c4d5e6f7a8b_bg.wasm"));
        assert!(is_hashed("style-0123456789abcdef.css"));
        assert!(!is_hashed("resapi.js"));
        assert!(!is_hashed("chart-4.6.1.umd.min.js"));
        // Trunk drops leading zeros: a real build was named resapi-7430d37b2f6d598.
        assert!(is_hashed("resapi-7430d37b2f6d598_bg.wasm"));
        assert!(is_hashed("main-dfcda2d62724986f.css"));
        assert!(!is_hashed("x-1a2b3c4d5e6f7a8g.js"));
        assert!(!is_hashed("x-1a2b3c4.js"));
        assert!(!is_hashed("x-1a2b3c4d5e6f7a8b9.js"));
        assert!(!is_hashed("icon-192.png"));
    }

    #[test]
    fn console_paths_are_recognised() {
        assert!(is_console("/konsol"));
        assert!(is_console("/konsol/"));
        assert!(is_console("/konsol/unit/42"));
        assert!(!is_console("/konsolidasi"));
        assert!(!is_console("/"));
        assert!(!is_console("/masuk"));
    }

    #[test]
    fn join_paths_are_recognised() {
        assert!(is_join("/gabung"));
        assert!(is_join("/gabung/482913"));
        assert!(!is_join("/gabungan"));
        assert!(!is_join("/konsol/gabung"));
    }

    #[test]
    fn entry_files_revalidate_and_hashed_files_are_immutable() {
        assert_eq!(cache_control("/"), NO_CACHE);
        assert_eq!(cache_control("/index.html"), NO_CACHE);
        assert_eq!(cache_control("/sw.js"), NO_CACHE);
        assert_eq!(cache_control("/manifest.webmanifest"), NO_CACHE);
        assert_eq!(cache_control("/resapi-1a2b3c4d5e6f7a8b_bg.wasm"), IMMUTABLE);
        assert_eq!(cache_control("/konsol/"), NO_CACHE);
        assert_eq!(cache_control("/konsol/index.html"), NO_CACHE);
        assert_eq!(
            cache_control("/konsol/console-1a2b3c4d5e6f7a8b_bg.wasm"),
            IMMUTABLE
        );
        assert_eq!(cache_control("/icons/icon-192.png"), NO_CACHE);
    }
}
