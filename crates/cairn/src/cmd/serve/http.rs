//! The HTTP stack around `cairn_web::router`: a request id on every request and response,
//! a tracing span per request (method, matched route, request id — never the raw path or
//! query, which may hold claim or setup tokens), a 30 s time-out, a 32 MiB body limit, and
//! gzip for clients that accept it — except HTML pages, which carry anti-forgery tokens next
//! to text a visitor can choose (compressing those invites BREACH-style guessing), and
//! images other than SVG, which are compressed already.

use std::time::Duration;

use axum::extract::{DefaultBodyLimit, MatchedPath};
use axum::http::{HeaderName, Request, StatusCode};
use axum::Router;
use cairn_web::AppState;
use tower::ServiceBuilder;
use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate as _};
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

/// The largest request body accepted (a bulk CSV of the maximum row count fits).
pub const BODY_LIMIT: usize = 32 * 1024 * 1024;
/// The longest a request may take.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// The application with its middleware.
pub fn app(state: AppState) -> Router {
    let request_id = HeaderName::from_static("x-request-id");
    let middleware = ServiceBuilder::new()
        .layer(SetRequestIdLayer::new(request_id.clone(), MakeRequestUuid))
        .layer(TraceLayer::new_for_http().make_span_with(|req: &Request<_>| {
            let id = req.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-");
            let route = req.extensions().get::<MatchedPath>().map_or("(unmatched)", MatchedPath::as_str);
            tracing::info_span!("request", method = %req.method(), route, request.id = %id)
        }))
        .layer(PropagateRequestIdLayer::new(request_id))
        .layer(
            CompressionLayer::new()
                .gzip(true)
                .compress_when(DefaultPredicate::new().and(NotForContentType::const_new("text/html"))),
        )
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, REQUEST_TIMEOUT))
        .layer(DefaultBodyLimit::max(BODY_LIMIT));
    cairn_web::router(state).layer(middleware)
}
