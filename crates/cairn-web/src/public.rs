//! The public surface, no login: credentials (JSON-LD by content negotiation or `.json`,
//! baked `.png`/`.svg`, an HTML page with a live verification), issuer
//! documents (controller document, Profile, did:web), achievements, status lists, Cairn's
//! extension context and the health check. STANDARDS.md §1.4, §5, §7.1, §8.

mod achievements;
pub(crate) mod badge;
mod credentials;
mod issuers;
mod negotiate;
mod status;
pub(crate) mod views;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use cairn_core::Error;

use crate::{ApiError, AppState};

/// `application/vc+ld+json`: how credentials and status lists are served (OB 3.0's choice).
pub const VC_LD_JSON: &str = "application/vc+ld+json";
/// `application/ld+json`: contexts and other JSON-LD documents.
pub const LD_JSON: &str = "application/ld+json";

/// Routes of the public surface.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/credentials/{id}", get(credentials::get_credential))
        .route("/issuers/{slug}", get(issuers::get_issuer))
        .route("/issuers/{slug}/profile", get(issuers::get_profile))
        .route("/issuers/{slug}/did.json", get(issuers::get_did_document))
        .route("/achievements/{id}", get(achievements::get_achievement))
        .route("/status/{id}", get(status::get_status_list))
        .route("/contexts/eu-microcredential/v1", get(status::get_extension_context))
}

/// `GET /healthz`: 200 `ok` while the process serves requests.
async fn healthz() -> &'static str {
    "ok"
}

/// A document body with its media type, readable from any origin.
fn document(content_type: &'static str, body: impl Into<axum::body::Body>) -> Response {
    let mut response = (StatusCode::OK, body.into()).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    response
}

/// A JSON value as a document of the given media type.
fn json_document(content_type: &'static str, value: &serde_json::Value) -> Result<Response, ApiError> {
    let bytes = serde_json::to_vec(value).map_err(|e| Error::Internal(format!("serialising a document: {e}")))?;
    Ok(document(content_type, bytes))
}

/// How a negotiated route reports an error: browsers (`html`) get a page in their language,
/// JSON clients the API's error.
fn negotiated_error(html: bool, t: crate::ui::i18n::Tr) -> impl Fn(Error) -> Response + Copy {
    move |e| {
        if html {
            crate::ui::PageError::new(t, e).into_response()
        } else {
            ApiError(e).into_response()
        }
    }
}

/// Adds `Vary: Accept` to a negotiated response.
fn vary_accept(mut response: Response) -> Response {
    response.headers_mut().insert(header::VARY, HeaderValue::from_static("Accept"));
    response
}

/// Parses a path id, mapping a malformed one to "not found" (it cannot exist).
fn parse_id<T: std::str::FromStr>(raw: &str, what: &'static str) -> Result<T, ApiError> {
    raw.parse().map_err(|_| ApiError(Error::NotFound { what }))
}
