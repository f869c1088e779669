//! `GET /content`: the content bundle, with its version as the ETag.

use crate::compressed;
use crate::state::AppState;
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

pub fn router() -> Router<AppState> {
    Router::new().route("/content", get(bundle))
}

/// True when an `If-None-Match` list names our tag (weak or strong) or is `*`.
fn matches(if_none_match: &str, etag: &str) -> bool {
    if_none_match.split(',').map(str::trim).any(|candidate| {
        candidate == "*" || candidate.strip_prefix("W/").unwrap_or(candidate) == etag
    })
}

async fn bundle(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let content = &state.content;
    let etag = HeaderValue::from_str(&content.etag).unwrap_or(HeaderValue::from_static("\"\""));
    // no-cache: the browser may keep it but must ask (cheaply, by ETag) before using it.
    let common = [
        (header::ETAG, etag),
        (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
    ];
    let unchanged = headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| matches(v, &content.etag));
    if unchanged {
        return (StatusCode::NOT_MODIFIED, common).into_response();
    }
    let json = HeaderValue::from_static("application/json");
    let vary = (header::VARY, HeaderValue::from_static("accept-encoding"));
    if let Some(encoding) = compressed::preferred(&headers)
        && let Some(compressed) = content.compressed().await
    {
        let encoded = (
            header::CONTENT_ENCODING,
            HeaderValue::from_static(encoding.name()),
        );
        let headers = [(header::CONTENT_TYPE, json), encoded, vary];
        return (common, headers, compressed.get(encoding)).into_response();
    }
    let headers = [(header::CONTENT_TYPE, json), vary];
    (common, headers, content.json.clone()).into_response()
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn if_none_match_lists_and_weak_tags_match() {
        assert!(matches("\"abc\"", "\"abc\""));
        assert!(matches("\"x\", W/\"abc\"", "\"abc\""));
        assert!(matches("*", "\"abc\""));
        assert!(!matches("\"abd\"", "\"abc\""));
        assert!(!matches("abc", "\"abc\""));
    }
}
