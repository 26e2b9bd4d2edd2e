//! First run and sign-in: the first administrator (one-time setup token), API tokens
//! (HTTP Basic), and new organisations (an administrator, HTTP Basic).

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use cairn_core::model::User;
use cairn_core::service::{auth, orgs};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

use super::body::AppJson;
use super::orgs::{CreateOrgRequest, OrgResponse};
use super::ApiRole;
use crate::auth::{AdminUser, BasicUser};
use crate::error::ErrorBody;
use crate::{ApiError, AppState};

/// The first administrator, created with the setup token `cairn serve` printed.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateAdminRequest {
    /// The one-time token printed on first start.
    pub setup_token: String,
    /// Sign-in email address.
    pub email: String,
    /// Display name.
    pub name: String,
    /// At least 10 characters.
    pub password: String,
}

/// A user account (never its password hash).
#[derive(Debug, Serialize, ToSchema)]
pub struct UserResponse {
    /// Id.
    pub id: uuid::Uuid,
    /// Email address.
    pub email: String,
    /// Display name.
    pub name: String,
    /// Instance administrator.
    pub is_admin: bool,
    /// Created.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

impl From<User> for UserResponse {
    fn from(u: User) -> Self {
        Self { id: u.id.0, email: u.email, name: u.display_name, is_admin: u.is_admin, created_at: u.created_at }
    }
}

/// Creates the first administrator; the setup token works once.
#[utoipa::path(post, path = "/api/v1/setup", tag = "setup",
    request_body = CreateAdminRequest,
    responses(
        (status = 201, description = "The administrator", body = UserResponse),
        (status = 400, description = "A field is invalid", body = ErrorBody),
        (status = 401, description = "Wrong setup token", body = ErrorBody),
        (status = 403, description = "Setup is already done", body = ErrorBody),
    ))]
pub async fn setup(
    State(app): State<AppState>,
    AppJson(req): AppJson<CreateAdminRequest>,
) -> Result<(StatusCode, Json<UserResponse>), ApiError> {
    let user = auth::create_first_admin(&app.ctx, &req.setup_token, &req.email, &req.name, &req.password).await?;
    Ok((StatusCode::CREATED, Json(user.into())))
}

/// An API token to create for one organisation.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateTokenRequest {
    /// The organisation's slug.
    pub org: String,
    /// A label ("CI", "LMS integration").
    pub name: String,
    /// The most the token may do (never more than its creator may).
    pub role: ApiRole,
}

/// A new API token. `token` is the secret: it is shown once and only its hash is kept.
#[derive(Debug, Serialize, ToSchema)]
pub struct TokenResponse {
    /// Id.
    pub id: uuid::Uuid,
    /// The organisation's slug.
    pub org: String,
    /// Label.
    pub name: String,
    /// Its role.
    pub role: ApiRole,
    /// The secret, for `Authorization: Bearer <token>`.
    pub token: String,
    /// Created.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// Creates an API token for an organisation the signed-in user owns (HTTP Basic).
#[utoipa::path(post, path = "/api/v1/tokens", tag = "setup",
    request_body = CreateTokenRequest,
    security(("basic" = [])),
    responses(
        (status = 201, description = "The token, with its secret (shown once)", body = TokenResponse),
        (status = 400, description = "A field is invalid", body = ErrorBody),
        (status = 401, description = "Wrong email or password", body = ErrorBody),
        (status = 403, description = "Not an owner of the organisation", body = ErrorBody),
        (status = 404, description = "No such organisation (or not a member)", body = ErrorBody),
    ))]
pub async fn create_token(
    State(app): State<AppState>,
    BasicUser(user): BasicUser,
    AppJson(req): AppJson<CreateTokenRequest>,
) -> Result<(StatusCode, Json<TokenResponse>), ApiError> {
    let actor = cairn_core::model::Actor { user_id: user.id, is_admin: user.is_admin };
    let org = orgs::get_by_slug(&app.ctx, &req.org).await?;
    let (token, secret) = auth::create_token(&app.ctx, &actor, org.id, &req.name, req.role.into()).await?;
    let body = TokenResponse {
        id: token.id.0,
        org: org.slug.to_string(),
        name: token.name,
        role: token.role.into(),
        token: secret,
        created_at: token.created_at,
    };
    Ok((StatusCode::CREATED, Json(body)))
}

/// Creates an organisation with its first signing key; the administrator becomes its owner.
#[utoipa::path(post, path = "/api/v1/orgs", tag = "organisations",
    request_body = CreateOrgRequest,
    security(("basic" = [])),
    responses(
        (status = 201, description = "The organisation", body = OrgResponse),
        (status = 400, description = "A field is invalid", body = ErrorBody),
        (status = 401, description = "Wrong email or password", body = ErrorBody),
        (status = 403, description = "Not an instance administrator", body = ErrorBody),
        (status = 409, description = "The slug is taken", body = ErrorBody),
    ))]
pub async fn create_org(
    State(app): State<AppState>,
    AdminUser(admin): AdminUser,
    AppJson(req): AppJson<CreateOrgRequest>,
) -> Result<(StatusCode, Json<OrgResponse>), ApiError> {
    let org = orgs::create_org(&app.ctx, admin.id, req.into()).await?;
    Ok((StatusCode::CREATED, Json(OrgResponse::new(&app.ctx, org))))
}

/// A new user account.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateUserRequest {
    /// Sign-in email address.
    pub email: String,
    /// Display name.
    pub name: String,
    /// At least 10 characters.
    pub password: String,
    /// Instance administrator.
    #[serde(default)]
    pub is_admin: bool,
}

/// Creates a user account (administrators, HTTP Basic); owners then add it to organisations.
#[utoipa::path(post, path = "/api/v1/users", tag = "setup",
    request_body = CreateUserRequest,
    security(("basic" = [])),
    responses(
        (status = 201, description = "The account", body = UserResponse),
        (status = 400, description = "A field is invalid", body = ErrorBody),
        (status = 403, description = "Not an instance administrator", body = ErrorBody),
        (status = 409, description = "The email address is taken", body = ErrorBody),
    ))]
pub async fn create_user(
    State(app): State<AppState>,
    AdminUser(_admin): AdminUser,
    AppJson(req): AppJson<CreateUserRequest>,
) -> Result<(StatusCode, Json<UserResponse>), ApiError> {
    let user = auth::create_user(&app.ctx, &req.email, &req.name, &req.password, req.is_admin).await?;
    Ok((StatusCode::CREATED, Json(user.into())))
}
