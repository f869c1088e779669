//! The HTTP API under `/api/v1`, its OpenAPI document, and the built web app.

pub mod access;
pub mod admin_people;
pub mod admin_roster;
pub mod admin_units;
pub mod auth;
pub mod competitions;
pub mod content;
pub mod dashboard;
pub mod error;
pub mod extract;
pub mod health;
pub mod live;
pub mod live_socket;
pub mod me;
pub mod me_competitions;
pub mod privacy;
pub mod recognitions;
pub mod security_headers;
pub mod static_files;
pub mod sync;
pub mod units;

use crate::state::AppState;
use axum::Router;
use axum::body::Body;
use axum::error_handling::HandleErrorLayer;
use axum::extract::DefaultBodyLimit;
use axum::http::{Response, header};
use axum::middleware;
use axum::response::IntoResponse;
use axum::routing::get;
use error::Error;
use resapi_core::sync::MAX_BODY_BYTES;
use security_headers::SecurityHeaders;
use std::any::Any;
use std::sync::Arc;
use std::time::Duration;
use tower::limit::GlobalConcurrencyLimitLayer;
use tower::{BoxError, ServiceBuilder};
use tower_http::catch_panic::{CatchPanicLayer, ResponseForPanic};
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::trace::TraceLayer;

/// The OpenAPI 3.1 document, written by hand next to the code it describes.
pub const OPENAPI_JSON: &str = include_str!("../../../../docs/openapi.json");

/// How the server protects itself and its clients; set by `serve`'s flags.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    /// An API request not answered within this gets a 503 `timeout` (its transaction, if
    /// any, is rolled back; a retried sync then stores or finds its records).
    pub request_timeout: Duration,
    /// API requests handled at once; beyond it a request is answered at once with a 503
    /// `busy` and Retry-After instead of queueing until every client times out.
    pub max_in_flight: usize,
    /// Send Strict-Transport-Security (only when the site is served over TLS).
    pub hsts: bool,
}

impl Default for ServeConfig {
    fn default() -> ServeConfig {
        ServeConfig {
            request_timeout: Duration::from_secs(30),
            max_in_flight: 1024,
            hsts: false,
        }
    }
}

/// The whole app with the default [`ServeConfig`].
pub fn app(state: AppState) -> Router {
    app_with(state, &ServeConfig::default())
}

/// The whole app: API, OpenAPI document, static files, and the cross-cutting layers.
pub fn app_with(state: AppState, config: &ServeConfig) -> Router {
    let security = Arc::new(SecurityHeaders::new(&state.dist, config.hsts));
    let api = Router::new()
        .merge(auth::router())
        .merge(units::router())
        .merge(content::router())
        .merge(sync::router())
        .merge(me::router())
        .merge(privacy::router())
        .merge(health::router())
        .merge(admin_units::router())
        .merge(admin_people::router())
        .merge(admin_roster::router())
        .merge(dashboard::router())
        .merge(live::router())
        .merge(live_socket::router())
        .merge(competitions::router())
        .merge(me_competitions::router())
        .merge(recognitions::router())
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(
            ServiceBuilder::new()
                .layer(HandleErrorLayer::new(overloaded_or_late))
                .load_shed()
                // Global: one ceiling shared by every route (a per-layer limit would be
                // per route).
                .layer(GlobalConcurrencyLimitLayer::new(config.max_in_flight))
                .timeout(config.request_timeout),
        );
    Router::new()
        .nest("/api/v1", api)
        .route("/api/openapi.json", get(openapi))
        .method_not_allowed_fallback(method_not_allowed)
        .fallback(static_files::serve)
        // Brotli's default (quality 11) takes seconds on a wasm file; 5 is close in size.
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(5)))
        .layer(TraceLayer::new_for_http())
        .layer(CatchPanicLayer::custom(PanicAsJson))
        .layer(middleware::from_fn_with_state(
            security,
            security_headers::add,
        ))
        .with_state(state)
}

/// A request refused by the load shedder, or cut by the timeout, as a JSON 503.
async fn overloaded_or_late(err: BoxError) -> Error {
    if err.is::<tower::timeout::error::Elapsed>() {
        Error::Timeout
    } else if err.is::<tower::load_shed::error::Overloaded>() {
        Error::Busy {
            retry_after: error::RETRY_AFTER,
        }
    } else {
        Error::Internal(err.to_string())
    }
}

async fn not_found() -> Error {
    Error::NotFound
}

async fn method_not_allowed() -> Error {
    Error::MethodNotAllowed
}

/// The document as written, with this deployment's unit ids filled in as the `enum` of
/// `RegisterRequest.unit_id`: the units come from the content folder, so only the running
/// server can say which ids registration accepts, and with them in the document a client
/// generator or a fuzzer (scripts/fuzz_api.sh) never has to guess a unit.
async fn openapi(
    axum::extract::State(state): axum::extract::State<AppState>,
) -> error::Result<impl IntoResponse> {
    let mut doc: serde_json::Value = serde_json::from_str(OPENAPI_JSON)
        .map_err(|e| Error::Internal(format!("docs/openapi.json is not JSON: {e}")))?;
    let units = state.store.list_units().await?;
    let unit_id = doc
        .pointer_mut("/components/schemas/RegisterRequest/properties/unit_id")
        .and_then(serde_json::Value::as_object_mut)
        .ok_or_else(|| {
            Error::Internal("docs/openapi.json has no RegisterRequest.unit_id".into())
        })?;
    let ids = units.into_iter().map(|u| serde_json::Value::String(u.id));
    unit_id.insert("enum".into(), ids.collect());
    Ok((
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        doc.to_string(),
    ))
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
