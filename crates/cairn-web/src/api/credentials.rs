//! Credentials: issue one (idempotently), list and read an organisation's credentials, and
//! revoke, suspend or reinstate one (each re-signs its status list in the same transaction).

mod dto;

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cairn_core::service::status::StatusAction;
use cairn_core::service::{credential, issue, status};
use cairn_core::Error;

pub use dto::{
    CreateCredentialRequest, CredentialListQuery, CredentialListResponse, CredentialResponse, EvidenceDto,
    RevokeCredentialRequest, StatusEntryDto,
};

use super::body::{AppJson, OptionalJson};
use super::{parse_id, ItemPath};
use crate::auth::{Issuer, OrgAuth, Viewer};
use crate::error::ErrorBody;
use crate::{ApiError, AppState};

/// The header that makes a retried issuing request return the first credential.
pub const IDEMPOTENCY_KEY: &str = "idempotency-key";

/// Issues a credential for an achievement (issuers and owners). With an `Idempotency-Key`
/// already used by this organisation, answers 200 with the credential that key issued.
#[utoipa::path(post, path = "/api/v1/orgs/{slug}/achievements/{id}/credentials", tag = "credentials",
    params(
        ("slug" = String, Path, description = "Organisation slug"),
        ("id" = uuid::Uuid, Path, description = "Achievement id"),
        ("Idempotency-Key" = Option<String>, Header, description = "1–200 characters; a retry with the same key never issues twice"),
    ),
    request_body = CreateCredentialRequest,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Issued", body = CredentialResponse),
        (status = 200, description = "This idempotency key issued it before", body = CredentialResponse),
        (status = 400, description = "A field is invalid (named in `field`)", body = ErrorBody),
        (status = 403, description = "The token's role is below issuer", body = ErrorBody),
        (status = 404, description = "No such achievement in this organisation", body = ErrorBody),
    ))]
pub async fn issue_credential(
    State(app): State<AppState>,
    auth: OrgAuth<Issuer>,
    Path(path): Path<ItemPath>,
    headers: HeaderMap,
    AppJson(req): AppJson<CreateCredentialRequest>,
) -> Result<Response, ApiError> {
    let achievement = parse_id("id", &path.id)?;
    let key = match headers.get(IDEMPOTENCY_KEY) {
        None => None,
        Some(v) => {
            Some(v.to_str().map_err(|_| Error::invalid("Idempotency-Key", "must be visible ASCII"))?.to_string())
        }
    };
    let input = req.into_award()?;
    let (record, created) = issue::issue_credential(&app.ctx, auth.org.id, achievement, input, key).await?;
    let location = format!("/api/v1/orgs/{}/credentials/{}", auth.org.slug, record.id);
    let status = if created { StatusCode::CREATED } else { StatusCode::OK };
    let body = CredentialResponse::full(&app.ctx, record)?;
    Ok((status, [(header::LOCATION, location)], Json(body)).into_response())
}

/// The organisation's credentials, newest first, a page at a time (`limit` ≤ 500).
#[utoipa::path(get, path = "/api/v1/orgs/{slug}/credentials", tag = "credentials",
    params(("slug" = String, Path, description = "Organisation slug"), CredentialListQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "A page of credentials (without their signed JSON)", body = CredentialListResponse),
        (status = 400, description = "A query parameter is invalid (named in `field`)", body = ErrorBody),
        (status = 404, description = "Not the token's organisation", body = ErrorBody),
    ))]
pub async fn list_credentials(
    State(app): State<AppState>,
    auth: OrgAuth<Viewer>,
    Query(q): Query<CredentialListQuery>,
) -> Result<Json<CredentialListResponse>, ApiError> {
    let query = q.into_query()?;
    let (limit, offset) = (query.limit, query.offset);
    let items = credential::list_for_org(&app.ctx, auth.org.id, query).await?;
    Ok(Json(CredentialListResponse::new(&app.ctx, items, limit, offset)))
}

/// One credential, with the signed credential as issued.
#[utoipa::path(get, path = "/api/v1/orgs/{slug}/credentials/{id}", tag = "credentials",
    params(
        ("slug" = String, Path, description = "Organisation slug"),
        ("id" = uuid::Uuid, Path, description = "Credential id"),
    ),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The credential", body = CredentialResponse),
        (status = 404, description = "No such credential in this organisation", body = ErrorBody),
    ))]
pub async fn get_credential(
    State(app): State<AppState>,
    auth: OrgAuth<Viewer>,
    Path(path): Path<ItemPath>,
) -> Result<Json<CredentialResponse>, ApiError> {
    let record = credential::get_for_org(&app.ctx, auth.org.id, parse_id("id", &path.id)?).await?;
    Ok(Json(CredentialResponse::full(&app.ctx, record)?))
}

/// Revokes a credential, permanently (issuers and owners).
#[utoipa::path(post, path = "/api/v1/orgs/{slug}/credentials/{id}/revoke", tag = "credentials",
    params(
        ("slug" = String, Path, description = "Organisation slug"),
        ("id" = uuid::Uuid, Path, description = "Credential id"),
    ),
    request_body(content = Option<RevokeCredentialRequest>, description = "Optional; may be empty"),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The revoked credential", body = CredentialResponse),
        (status = 403, description = "The token's role is below issuer", body = ErrorBody),
        (status = 404, description = "No such credential in this organisation", body = ErrorBody),
        (status = 409, description = "Already revoked", body = ErrorBody),
    ))]
pub async fn revoke(
    State(app): State<AppState>,
    auth: OrgAuth<Issuer>,
    Path(path): Path<ItemPath>,
    OptionalJson(req): OptionalJson<RevokeCredentialRequest>,
) -> Result<Json<CredentialResponse>, ApiError> {
    change(&app, &auth, &path.id, StatusAction::Revoke, req.reason).await
}

/// Suspends a credential (issuers and owners); it needs a suspension entry.
#[utoipa::path(post, path = "/api/v1/orgs/{slug}/credentials/{id}/suspend", tag = "credentials",
    params(
        ("slug" = String, Path, description = "Organisation slug"),
        ("id" = uuid::Uuid, Path, description = "Credential id"),
    ),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The suspended credential", body = CredentialResponse),
        (status = 404, description = "No such credential in this organisation", body = ErrorBody),
        (status = 409, description = "Revoked, or issued without a suspension entry", body = ErrorBody),
    ))]
pub async fn suspend(
    State(app): State<AppState>,
    auth: OrgAuth<Issuer>,
    Path(path): Path<ItemPath>,
) -> Result<Json<CredentialResponse>, ApiError> {
    change(&app, &auth, &path.id, StatusAction::Suspend, None).await
}

/// Lifts a suspension (issuers and owners).
#[utoipa::path(post, path = "/api/v1/orgs/{slug}/credentials/{id}/reinstate", tag = "credentials",
    params(
        ("slug" = String, Path, description = "Organisation slug"),
        ("id" = uuid::Uuid, Path, description = "Credential id"),
    ),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The reinstated credential", body = CredentialResponse),
        (status = 404, description = "No such credential in this organisation", body = ErrorBody),
        (status = 409, description = "Revoked, or issued without a suspension entry", body = ErrorBody),
    ))]
pub async fn reinstate(
    State(app): State<AppState>,
    auth: OrgAuth<Issuer>,
    Path(path): Path<ItemPath>,
) -> Result<Json<CredentialResponse>, ApiError> {
    change(&app, &auth, &path.id, StatusAction::Reinstate, None).await
}

async fn change(
    app: &AppState,
    auth: &OrgAuth<Issuer>,
    id: &str,
    action: StatusAction,
    reason: Option<String>,
) -> Result<Json<CredentialResponse>, ApiError> {
    let record = status::change_status(&app.ctx, auth.org.id, parse_id("id", id)?, action, reason).await?;
    Ok(Json(CredentialResponse::full(&app.ctx, record)?))
}
