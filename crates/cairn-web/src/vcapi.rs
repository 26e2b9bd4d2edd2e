//! Verification without login — `POST /api/v1/verify` (Cairn's report, for JSON or baked
//! images) — and the W3C VC-API endpoints with their request/response shapes and status
//! codes (STANDARDS.md §11): `POST /credentials/verify`, `POST /presentations/verify`, and
//! `POST /credentials/issue` (Bearer token of an organisation member with the issuer role).

mod bearer;
mod results;

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use cairn_core::service::verify::{self, Submitted};
use cairn_core::service::{self};
use cairn_core::Error;
use cairn_vc::report::Report;
use cairn_vc::verify::PresentationChecks;
use serde::Deserialize;
use serde_json::{json, Value};

pub use bearer::IssuerToken;
use results::{PresentationResult, VerificationResult};

use crate::error::ProblemError;
use crate::{ApiError, AppState};

/// Routes of the verification service and the VC-API. Bodies may hold baked images, up to
/// the engine's image limit.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/verify", post(verify_any))
        .route("/credentials/verify", post(verify_credential))
        .route("/presentations/verify", post(verify_presentation))
        .route("/credentials/issue", post(issue_credential))
        .layer(DefaultBodyLimit::max(cairn_vc::bake::MAX_INPUT_BYTES))
}

/// `POST /api/v1/verify`: credential JSON, or a baked PNG/SVG (by `Content-Type`, or by its
/// first bytes). 200 with the engine's report whether valid or not; 400 only when the body
/// is not a credential at all.
async fn verify_any(State(app): State<AppState>, headers: HeaderMap, body: Bytes) -> Result<Json<Report>, ApiError> {
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let looks_like_image = body.starts_with(b"\x89PNG") || body.trim_ascii_start().starts_with(b"<");
    let input = if content_type.starts_with("image/") || looks_like_image {
        Submitted::Image(&body)
    } else {
        Submitted::Json(&body)
    };
    Ok(Json(verify::verify_submitted_counted(&app.ctx, input).await?))
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct VerifyCredentialRequest {
    verifiable_credential: Value,
}

/// `POST /credentials/verify` `{verifiableCredential, options}` → 200 `{verified: true,
/// checks, warnings, errors}`, or 400 with the same shape and `verified: false`. Status is
/// checked whenever the credential has one, whatever `options.checks` says.
async fn verify_credential(State(app): State<AppState>, body: Bytes) -> Response {
    let vc = match serde_json::from_slice::<VerifyCredentialRequest>(&body) {
        Ok(req) if req.verifiable_credential.is_object() => req.verifiable_credential,
        Ok(_) => {
            return VerificationResult::parsing_error("verifiableCredential must be a JSON object").into_response()
        }
        Err(e) => {
            return VerificationResult::parsing_error(&format!("not a VC-API verify request: {e}")).into_response()
        }
    };
    match verify::verify_credential_counted(&app.ctx, &vc).await {
        Ok(report) => VerificationResult::from_report(&report, "").into_response(),
        Err(e) => ProblemError(e).into_response(),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct VerifyPresentationRequest {
    verifiable_presentation: Option<Value>,
    /// `ProoflessVerifyPresentationRequest`.
    presentation: Option<Value>,
    #[serde(default)]
    options: PresentationOptions,
}

#[derive(Debug, Default, Deserialize)]
struct PresentationOptions {
    challenge: Option<String>,
    domain: Option<String>,
}

/// `POST /presentations/verify` `{verifiablePresentation, options: {challenge, domain}}`:
/// the presentation's proof (authentication, challenge, domain) and every credential in it.
async fn verify_presentation(State(app): State<AppState>, body: Bytes) -> Response {
    let req = match serde_json::from_slice::<VerifyPresentationRequest>(&body) {
        Ok(req) => req,
        Err(e) => {
            return VerificationResult::parsing_error(&format!("not a VC-API verify request: {e}")).into_response()
        }
    };
    let Some(vp) = req.verifiable_presentation.or(req.presentation).filter(Value::is_object) else {
        return VerificationResult::parsing_error("verifiablePresentation must be a JSON object").into_response();
    };
    let expect =
        PresentationChecks { challenge: req.options.challenge.as_deref(), domain: req.options.domain.as_deref() };
    match verify::verify_presentation(&app.ctx, &vp, expect).await {
        Ok(report) => PresentationResult::from_report(&report).into_response(),
        Err(e) => ProblemError(e).into_response(),
    }
}

#[derive(Debug, Deserialize)]
struct IssueRequest {
    credential: Value,
}

/// `POST /credentials/issue` `{credential, options}` → 201 `{verifiableCredential}` signed
/// with the token's organisation key; 400 ProblemDetails naming what is wrong (undefined
/// term, issuer not the organisation's, broken data model rule, unknown context).
async fn issue_credential(
    State(app): State<AppState>,
    token: IssuerToken,
    body: Bytes,
) -> Result<(StatusCode, Json<Value>), ProblemError> {
    let req: IssueRequest = serde_json::from_slice(&body)
        .map_err(|e| Error::invalid("body", format!("not a VC-API issue request: {e}")))?;
    let signed = service::sign::sign_credential(&app.ctx, token.org_id, req.credential).await?;
    Ok((StatusCode::CREATED, Json(json!({ "verifiableCredential": signed }))))
}
