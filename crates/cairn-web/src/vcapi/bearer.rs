//! The VC-API issuer's credentials: `Authorization: Bearer <API token>` of an organisation
//! member whose role includes `issuer`. Rejections are ProblemDetails (401 with
//! `WWW-Authenticate: Bearer`, 403). Kept local to the VC-API until `crate::auth` offers the
//! same extractor; then this becomes a thin wrapper around it.

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use cairn_core::ids::OrgId;
use cairn_core::model::{Actor, Role};
use cairn_core::service;
use cairn_core::Error;

use crate::error::ProblemError;
use crate::AppState;

/// An authenticated caller allowed to issue for `org_id`.
#[derive(Debug, Clone)]
pub struct IssuerToken {
    /// Who acts.
    pub actor: Actor,
    /// The organisation the token acts for.
    pub org_id: OrgId,
}

impl FromRequestParts<AppState> for IssuerToken {
    type Rejection = ProblemError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let header = parts.headers.get(AUTHORIZATION).and_then(|v| v.to_str().ok()).unwrap_or_default();
        let secret = header
            .split_once(' ')
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
            .map(|(_, token)| token.trim())
            .filter(|t| !t.is_empty())
            .ok_or(Error::Unauthorized)?;
        let (actor, org_id, role) = service::auth::authenticate_token(&state.ctx, secret).await?;
        if !role.allows(Role::Issuer) {
            return Err(Error::Forbidden("issuing needs the issuer role").into());
        }
        Ok(IssuerToken { actor, org_id })
    }
}
