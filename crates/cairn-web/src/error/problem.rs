//! [`ProblemError`]: errors of the W3C VC-API surface as RFC 9457 ProblemDetails.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cairn_core::Error;
use serde_json::json;

use super::ApiError;

/// An error on the W3C VC-API surface (`/credentials/*`, `/presentations/*`): an RFC 9457
/// ProblemDetails object `{type, title, detail}` with the same status mapping as
/// [`ApiError`]. Engine errors get `https://w3id.org/security#<CODE>` (an undefined term is
/// `DATA_LOSS_DETECTION_ERROR`, its detail naming the term).
#[derive(Debug)]
pub struct ProblemError(pub Error);

impl From<Error> for ProblemError {
    fn from(e: Error) -> Self {
        ProblemError(e)
    }
}

/// The ProblemDetails `type` of an error.
pub fn problem_type(e: &Error) -> String {
    match e {
        Error::Vc(v) => format!("https://w3id.org/security#{}", v.code()),
        Error::Invalid { .. } => "https://w3id.org/security#MALFORMED_VALUE_ERROR".into(),
        _ => "about:blank".into(),
    }
}

/// `DATA_LOSS_DETECTION_ERROR` → `Data loss detection error`.
pub fn problem_title(code: &str) -> String {
    let words = code.replace('_', " ").to_lowercase();
    let mut chars = words.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

impl IntoResponse for ProblemError {
    fn into_response(self) -> Response {
        let api = ApiError(self.0);
        let status = api.status();
        let body = if status.is_server_error() {
            tracing::error!(error = %api.0, "internal error");
            json!({"type": "about:blank", "title": "Internal error", "detail": "internal error"})
        } else {
            let title = match &api.0 {
                Error::Vc(v) => problem_title(v.code()),
                Error::Invalid { .. } => "Malformed value error".into(),
                other => problem_title(other.code()),
            };
            json!({"type": problem_type(&api.0), "title": title, "detail": api.0.to_string()})
        };
        let mut response = (status, Json(body)).into_response();
        if status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer realm=\"cairn\""));
        }
        response
    }
}
