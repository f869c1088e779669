//! The HTTP API under `/api/v1`, its OpenAPI document, and the built web app.

pub mod auth;
pub mod content;
pub mod error;
pub mod extract;
pub mod health;
pub mod me;
pub mod static_files;
pub mod sync;
pub mod units;

use crate::state::AppState;
use axum::Router;
use axum::body::Body;
use axum::extract::DefaultBodyLimit;
use axum::http::{Response, header};
use axum::response::IntoResponse;
use axum::routing::get;
use error::Error;
use resapi_core::sync::MAX_BODY_BYTES;
use std::any::Any;
use tower_http::catch_panic::{CatchPanicLayer, ResponseForPanic};
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::trace::TraceLayer;

/// The OpenAPI 3.1 document, written by hand next to the code it describes.
pub const OPENAPI_JSON: &str = include_str!("../../../../docs/openapi.json");

/// The whole app: API, OpenAPI document, static files, and the cross-cutting layers.
pub fn app(state: AppState) -> Router {
    let api = Router::new()
        .merge(auth::router())
        .merge(units::router())
        .merge(content::router())
        .merge(sync::router())
        .merge(me::router())
        .merge(health::router())
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES));
    Router::new()
        .nest("/api/v1", api)
        .route("/api/openapi.json", get(openapi))
        .method_not_allowed_fallback(method_not_allowed)
        .fallback(static_files::serve)
        // Brotli's default (quality 11) takes seconds on a wasm file; 5 is close in size.
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(5)))
        .layer(TraceLayer::new_for_http())
        .layer(CatchPanicLayer::custom(PanicAsJson))
        .with_state(state)
}

async fn not_found() -> Error {
    Error::NotFound
}

async fn method_not_allowed() -> Error {
    Error::MethodNotAllowed
}

async fn openapi() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        OPENAPI_JSON,
    )
}

/// Last safety net: a panic in a handler still answers with the JSON 500 shape.
#[derive(Clone)]
struct PanicAsJson;

impl ResponseForPanic for PanicAsJson {
    type ResponseBody = Body;

    fn response_for_panic(&mut self, err: Box<dyn Any + Send + 'static>) -> Response<Body> {
        let detail = err
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| err.downcast_ref::<&str>().copied())
            .unwrap_or("unknown panic");
        Error::Internal(format!("panic: {detail}")).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::to_bytes;
    use axum::http::{Request, StatusCode};
    use tower::ServiceExt;

    #[tokio::test]
    async fn a_panicking_handler_answers_the_json_500() {
        async fn boom() -> &'static str {
            panic!("boom")
        }
        let app: Router = Router::new()
            .route("/boom", get(boom))
            .layer(CatchPanicLayer::custom(PanicAsJson));
        let res = app
            .oneshot(Request::get("/boom").body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let body = to_bytes(res.into_body(), 1024).await.unwrap();
        let body: resapi_core::api::ErrorBody = serde_json::from_slice(&body).unwrap();
        assert_eq!(body.error.code, "internal");
        assert_eq!(body.error.message, error::INTERNAL_MESSAGE);
    }
}
