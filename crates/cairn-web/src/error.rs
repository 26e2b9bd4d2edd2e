//! `ApiError`: the only place where errors become HTTP statuses. Bodies are JSON
//! `{"error": {"code", "message", "field"?}}`; a 5xx says "internal error" with no details
//! (the real error is logged once, here).

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cairn_core::Error;
use serde_json::json;

/// An error on its way to the client.
#[derive(Debug)]
pub struct ApiError(pub Error);

impl From<Error> for ApiError {
    fn from(e: Error) -> Self {
        ApiError(e)
    }
}

impl From<cairn_vc::error::VcError> for ApiError {
    fn from(e: cairn_vc::error::VcError) -> Self {
        ApiError(Error::Vc(e))
    }
}

mod problem;
pub use problem::{problem_title, problem_type, ProblemError};

impl ApiError {
    /// The HTTP status for this error.
    pub fn status(&self) -> StatusCode {
        match &self.0 {
            Error::NotFound { .. } => StatusCode::NOT_FOUND,
            Error::Invalid { .. } | Error::Vc(_) => StatusCode::BAD_REQUEST,
            Error::Unauthorized => StatusCode::UNAUTHORIZED,
            Error::Forbidden(_) => StatusCode::FORBIDDEN,
            Error::Conflict(_) => StatusCode::CONFLICT,
            Error::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
            Error::Storage(_) | Error::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let body = if status.is_server_error() {
            tracing::error!(error = %self.0, "internal error");
            json!({"error": {"code": "internal", "message": "internal error"}})
        } else {
            let field = match &self.0 {
                Error::Invalid { field, .. } => Some(field.clone()),
                _ => None,
            };
            let message = match &self.0 {
                Error::Invalid { message, .. } => message.clone(),
                other => other.to_string(),
            };
            let mut e = json!({"code": self.0.code(), "message": message});
            if let Some(f) = field {
                e["field"] = f.into();
            }
            json!({ "error": e })
        };
        let mut response = (status, Json(body)).into_response();
        if status == StatusCode::UNAUTHORIZED {
            // RFC 9110 §11.6.1: a 401 names the scheme to use.
            response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer realm=\"cairn\""));
        }
        response
    }
}

/// The JSON body of every error response (documentation of the wire shape).
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// The error.
    pub error: ErrorDetail,
}

/// One error: a stable code, a message for people, and the field at fault when there is one.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// Stable, snake_case: `not_found`, `invalid`, `unauthorized`, `forbidden`, `conflict`,
    /// `undefined_term`, `unknown_context`, `credential_invalid`, `internal`.
    pub code: String,
    /// What went wrong.
    pub message: String,
    /// The field (JSON path, header or CSV row and column) at fault, for `invalid`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}
