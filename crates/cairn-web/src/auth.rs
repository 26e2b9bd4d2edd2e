//! Authentication extractors.
//!
//! - [`OrgAuth`]: `Authorization: Bearer <token>` on every organisation-scoped route. The
//!   token belongs to one organisation; the `{slug}` in the path must name that organisation,
//!   or the answer is 404 (a token never learns whether another organisation's resources
//!   exist). The role is the lower of the token's and its creator's current role, and the
//!   type parameter states the least role a route needs (403 below it).
//! - [`BasicUser`] / [`AdminUser`]: HTTP Basic (`email:password`), only where no
//!   organisation token can exist yet (creating tokens and organisations).
//!
//! Secrets are never logged and never appear in error bodies.

use std::marker::PhantomData;

use axum::extract::{FromRequestParts, RawPathParams};
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use base64::Engine as _;
use cairn_core::model::{Actor, Organization, Role, User};
use cairn_core::service::auth;
use cairn_core::Error;

use crate::{ApiError, AppState};

/// The least role a route needs, as a type (`OrgAuth<Issuer>`).
pub trait RoleNeeded: Send + Sync + 'static {
    /// The role.
    const ROLE: Role;
}

/// Read access: any member.
#[derive(Debug)]
pub struct Viewer;
/// Issuing, revoking, suspending.
#[derive(Debug)]
pub struct Issuer;
/// Settings, keys, members.
#[derive(Debug)]
pub struct Owner;

impl RoleNeeded for Viewer {
    const ROLE: Role = Role::Viewer;
}
impl RoleNeeded for Issuer {
    const ROLE: Role = Role::Issuer;
}
impl RoleNeeded for Owner {
    const ROLE: Role = Role::Owner;
}

/// A bearer token resolved to its actor, its organisation (the one in the path) and role.
#[derive(Debug)]
pub struct OrgAuth<R: RoleNeeded = Viewer> {
    /// Who acts (the token's creator).
    pub actor: Actor,
    /// The organisation the token belongs to, which the path names.
    pub org: Organization,
    /// The effective role (at least `R::ROLE`).
    pub role: Role,
    _needed: PhantomData<R>,
}

impl<R: RoleNeeded> FromRequestParts<AppState> for OrgAuth<R> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let secret = credentials(parts, "Bearer")?;
        let (actor, org_id, role) = auth::authenticate_token(&state.ctx, &secret).await?;
        let slug = RawPathParams::from_request_parts(parts, state)
            .await
            .ok()
            .and_then(|params| params.iter().find(|(k, _)| *k == "slug").map(|(_, v)| v.to_string()));
        let org = state.ctx.store.get_org(org_id).await?;
        if slug.as_deref() != Some(org.slug.as_str()) {
            return Err(Error::NotFound { what: "organisation" }.into());
        }
        if !role.allows(R::ROLE) {
            return Err(Error::Forbidden("this token's role in the organisation does not allow this").into());
        }
        Ok(Self { actor, org, role, _needed: PhantomData })
    }
}

/// A user signed in with HTTP Basic (`email:password`).
#[derive(Debug)]
pub struct BasicUser(pub User);

impl FromRequestParts<AppState> for BasicUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let encoded = credentials(parts, "Basic")?;
        let decoded =
            base64::engine::general_purpose::STANDARD.decode(encoded.as_bytes()).map_err(|_| unauthorized())?;
        let text = String::from_utf8(decoded).map_err(|_| unauthorized())?;
        let (email, password) = text.split_once(':').ok_or_else(unauthorized)?;
        Ok(Self(auth::sign_in(&state.ctx, email, password).await?))
    }
}

/// An instance administrator signed in with HTTP Basic.
#[derive(Debug)]
pub struct AdminUser(pub User);

impl FromRequestParts<AppState> for AdminUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let BasicUser(user) = BasicUser::from_request_parts(parts, state).await?;
        if !user.is_admin {
            return Err(Error::Forbidden("only an instance administrator may do this").into());
        }
        Ok(Self(user))
    }
}

fn unauthorized() -> ApiError {
    ApiError(Error::Unauthorized)
}

/// The credentials of `Authorization: <scheme> <credentials>` (scheme case-insensitive).
fn credentials(parts: &Parts, scheme: &str) -> Result<String, ApiError> {
    let value = parts.headers.get(AUTHORIZATION).and_then(|v| v.to_str().ok()).ok_or_else(unauthorized)?;
    let (given, rest) = value.split_once(' ').ok_or_else(unauthorized)?;
    let rest = rest.trim();
    if !given.eq_ignore_ascii_case(scheme) || rest.is_empty() {
        return Err(unauthorized());
    }
    Ok(rest.to_string())
}
