//! Security headers on every response (API, app files, errors, 404s): a
//! Content-Security-Policy that lets the page load only this origin's code, `nosniff`,
//! `Referrer-Policy`, framing refused, and HSTS when the operator says the site is on TLS.
//!
//! The app's `index.html` has inline code that cannot move to a file: the service-worker
//! helper and skeleton style written in `index.html`, and the module script trunk injects to
//! start the wasm. They are allowed by their SHA-256, read from the served `index.html`, so
//! no other inline script can run. The hashes are recomputed whenever `index.html` changes on
//! disk, so a new release copied over a running server keeps working. The console
//! (`/konsol/`) is a second page with its own inline code: its paths get its own policy.

use crate::http::static_files::{CONSOLE_DIR, is_console};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::SystemTime;

/// HSTS for a year, without `includeSubDomains`: other sites of the agency's domain may not
/// be on TLS, and this server cannot know.
pub const HSTS: &str = "max-age=31536000";
pub const REFERRER_POLICY: &str = "no-referrer";

/// The inline `<script>` and `<style>` blocks of an HTML page, each as its exact text.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct InlineCode {
    pub scripts: Vec<String>,
    pub styles: Vec<String>,
}

/// Finds inline scripts (a `<script>` without `src`) and `<style>` blocks. Enough for the
/// page trunk writes; HTML comments are skipped so a commented-out tag counts for nothing.
pub fn inline_code(html: &str) -> InlineCode {
    let lower = html.to_ascii_lowercase();
    let mut found = InlineCode::default();
    let mut at = 0;
    while let Some(open) = lower[at..].find('<').map(|i| at + i) {
        if lower[open..].starts_with("<!--") {
            at = lower[open..]
                .find("-->")
                .map_or(lower.len(), |i| open + i + 3);
            continue;
        }
        let tag = if lower[open..].starts_with("<script") {
            "script"
        } else if lower[open..].starts_with("<style") {
            "style"
        } else {
            at = open + 1;
            continue;
        };
        let Some(tag_end) = lower[open..].find('>').map(|i| open + i) else {
            break;
        };
        let close = format!("</{tag}");
        let Some(body_end) = lower[tag_end..].find(&close).map(|i| tag_end + i) else {
            break;
        };
        let attributes = &lower[open + 1 + tag.len()..tag_end];
        let body = &html[tag_end + 1..body_end];
        if tag == "style" {
            found.styles.push(body.to_owned());
        } else if !has_src(attributes) {
            found.scripts.push(body.to_owned());
        }
        at = body_end + close.len();
    }
    found
}

fn has_src(attributes: &str) -> bool {
    attributes
        .split(|c: char| c.is_ascii_whitespace())
        .any(|a| a == "src" || a.starts_with("src="))
}

/// `'sha256-…'` of one inline block, as CSP spells it.
pub fn csp_hash(code: &str) -> String {
    let digest = Sha256::digest(code.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The policy for a page with these inline blocks. Everything comes from this origin; wasm
/// may be compiled (`'wasm-unsafe-eval'`, not `'unsafe-eval'`); nothing may frame the app.
pub fn policy(inline: &InlineCode) -> String {
    let hashes = |blocks: &[String]| -> String {
        blocks.iter().map(|b| format!(" {}", csp_hash(b))).collect()
    };
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{}; style-src 'self'{}; \
         connect-src 'self'; worker-src 'self'; manifest-src 'self'; img-src 'self' data:; \
         font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; \
         form-action 'self'",
        hashes(&inline.scripts),
        hashes(&inline.styles)
    )
}

/// Identifies one version of `index.html` on disk, cheaply.
type Stamp = Option<(SystemTime, u64)>;

fn stamp(path: &Path) -> Stamp {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// The CSP of one entry page, kept in step with its `index.html`.
struct PagePolicy {
    index: PathBuf,
    csp: RwLock<(Stamp, HeaderValue)>,
}

impl PagePolicy {
    fn new(index: PathBuf) -> PagePolicy {
        let csp = RwLock::new(Self::read(&index));
        PagePolicy { index, csp }
    }

    fn read(index: &Path) -> (Stamp, HeaderValue) {
        let stamp = stamp(index);
        let html = std::fs::read_to_string(index).unwrap_or_default();
        let value = HeaderValue::from_str(&policy(&inline_code(&html)))
            // Unreachable (base64 and ASCII only); the strictest policy if it ever were.
            .unwrap_or_else(|_| HeaderValue::from_static("default-src 'none'"));
        (stamp, value)
    }

    /// The current policy; re-read when `index.html` changed (checked for app pages only:
    /// the API's JSON never runs code, so its policy may lag a deploy by a request).
    fn csp(&self, check_disk: bool) -> HeaderValue {
        if check_disk {
            let now = stamp(&self.index);
            let stale = self.csp.read().map_or(true, |c| c.0 != now);
            if stale {
                let fresh = Self::read(&self.index);
                let value = fresh.1.clone();
                if let Ok(mut c) = self.csp.write() {
                    *c = fresh;
                }
                return value;
            }
        }
        match self.csp.read() {
            Ok(c) => c.1.clone(),
            Err(poisoned) => poisoned.into_inner().1.clone(),
        }
    }
}

/// The headers added to every response: the phone app's policy, or the console's on its
/// paths.
pub struct SecurityHeaders {
    phone: PagePolicy,
    console: PagePolicy,
    hsts: bool,
}

impl SecurityHeaders {
    pub fn new(dist: &Path, hsts: bool) -> SecurityHeaders {
        SecurityHeaders {
            phone: PagePolicy::new(dist.join("index.html")),
            console: PagePolicy::new(dist.join(CONSOLE_DIR).join("index.html")),
            hsts,
        }
    }

    /// The policy for a response to `path`; re-read from disk for app pages only (see
    /// [`PagePolicy::csp`]).
    pub fn csp(&self, path: &str) -> HeaderValue {
        if is_console(path) {
            self.console.csp(true)
        } else {
            let app_page = !(path == "/api" || path.starts_with("/api/"));
            self.phone.csp(app_page)
        }
    }

    pub fn apply(&self, headers: &mut HeaderMap, csp: HeaderValue) {
        headers.insert(header::CONTENT_SECURITY_POLICY, csp);
        headers.insert(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        );
        headers.insert(
            header::REFERRER_POLICY,
            HeaderValue::from_static(REFERRER_POLICY),
        );
        // For browsers without CSP frame-ancestors.
        headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
        headers.insert(
            HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        );
        if self.hsts {
            headers.insert(
                header::STRICT_TRANSPORT_SECURITY,
                HeaderValue::from_static(HSTS),
            );
        }
    }
}

/// Middleware: the outermost layer, so panics, timeouts and 404s get the headers too.
pub async fn add(
    State(headers): State<Arc<SecurityHeaders>>,
    req: Request,
    next: Next,
) -> Response {
    let path = req.uri().path().to_owned();
    let mut response = next.run(req).await;
    let csp = headers.csp(&path);
    headers.apply(response.headers_mut(), csp);
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_and_styles_are_found_and_external_scripts_are_not() {
        let html = "<html><head><style>a{}</style>\
            <script src=\"/x.js\"></script>\
            <!-- <script>commented()</script> -->\
            <SCRIPT type=\"module\">import init from '/r.js';</SCRIPT>\
            <script>\n  window.a = 1;\n</script></head></html>";
        let found = inline_code(html);
        assert_eq!(
            found.scripts,
            vec![
                "import init from '/r.js';".to_string(),
                "\n  window.a = 1;\n".to_string()
            ]
        );
        assert_eq!(found.styles, vec!["a{}".to_string()]);
    }

    #[test]
    fn a_hash_is_what_browsers_compute() {
        // The example of the CSP spec: `alert('Hello, world.');`.
        assert_eq!(
            csp_hash("alert('Hello, world.');"),
            "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
        );
    }

    #[test]
    fn the_policy_allows_only_this_origin_and_the_hashed_inline_code() {
        let p = policy(&inline_code("<script>go()</script><style>b{}</style>"));
        assert!(p.contains(&format!(
            "script-src 'self' 'wasm-unsafe-eval' {};",
            csp_hash("go()")
        )));
        assert!(p.contains(&format!("style-src 'self' {};", csp_hash("b{}"))));
        for directive in [
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "connect-src 'self'",
        ] {
            assert!(p.contains(directive), "{directive} in {p}");
        }
        assert!(!p.contains("unsafe-inline"));
    }
}
