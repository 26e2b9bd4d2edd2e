//! An organisation's API tokens, for its owners: the list (never a hash or a secret) and
//! revocation. Tokens are created with `POST /api/v1/tokens` (HTTP Basic) or in the console.

use axum::extract::{Path, State};
use axum::Json;
use cairn_core::ids::TokenId;
use cairn_core::model::ApiToken;
use cairn_core::service::auth;
use serde::Serialize;
use time::OffsetDateTime;
use utoipa::ToSchema;

use super::{parse_id, ApiRole, ItemPath};
use crate::auth::{OrgAuth, Owner};
use crate::error::ErrorBody;
use crate::{ApiError, AppState};

/// An API token as listed: what it is called and may do, never its secret or hash.
#[derive(Debug, Serialize, ToSchema)]
pub struct TokenSummary {
    /// Id.
    pub id: uuid::Uuid,
    /// Label.
    pub name: String,
    /// The most it may do.
    pub role: ApiRole,
    /// Created.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// Revoked tokens no longer authenticate.
    pub revoked: bool,
}

impl From<ApiToken> for TokenSummary {
    fn from(t: ApiToken) -> Self {
        Self { id: t.id.0, name: t.name, role: t.role.into(), created_at: t.created_at, revoked: t.revoked }
    }
}

/// The organisation's API tokens, revoked ones too, newest first (owners).
#[utoipa::path(get, path = "/api/v1/orgs/{slug}/tokens", tag = "setup",
    params(("slug" = String, Path, description = "Organisation slug")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The tokens", body = [TokenSummary]),
        (status = 403, description = "Not an owner", body = ErrorBody),
        (status = 404, description = "Not the token's organisation", body = ErrorBody),
    ))]
pub async fn list_tokens(
    State(app): State<AppState>,
    auth: OrgAuth<Owner>,
) -> Result<Json<Vec<TokenSummary>>, ApiError> {
    let tokens = auth::list_tokens(&app.ctx, &auth.actor, auth.org.id).await?;
    Ok(Json(tokens.into_iter().map(TokenSummary::from).collect()))
}

/// Revokes one of the organisation's API tokens (owners); it stops working at once.
#[utoipa::path(post, path = "/api/v1/orgs/{slug}/tokens/{id}/revoke", tag = "setup",
    params(
        ("slug" = String, Path, description = "Organisation slug"),
        ("id" = uuid::Uuid, Path, description = "Token id"),
    ),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The revoked token", body = TokenSummary),
        (status = 403, description = "Not an owner", body = ErrorBody),
        (status = 404, description = "No such token in this organisation", body = ErrorBody),
    ))]
pub async fn revoke_token(
    State(app): State<AppState>,
    auth: OrgAuth<Owner>,
    Path(path): Path<ItemPath>,
) -> Result<Json<TokenSummary>, ApiError> {
    let id: TokenId = parse_id("id", &path.id)?;
    let token = auth::revoke_token(&app.ctx, &auth.actor, auth.org.id, id).await?;
    Ok(Json(token.into()))
}
