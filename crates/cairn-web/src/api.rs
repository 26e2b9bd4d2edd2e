//! Cairn's versioned JSON API under `/api/v1`: set-up and tokens, organisations, achievements,
//! credentials and bulk jobs, organisation-scoped by bearer token, and the OpenAPI document
//! generated from the handlers (`GET /api/v1/openapi.json`). Conventions: `docs/API-DESIGN.md`.

pub mod achievements;
pub mod body;
pub mod bulk;
pub mod credentials;
pub mod deliveries;
pub mod orgs;
pub mod setup;
pub mod tokens;

use axum::extract::DefaultBodyLimit;
use axum::handler::Handler;
use axum::routing::{self, MethodRouter};
use axum::{Json, Router};
use cairn_core::model::Role;
use cairn_core::Error;
use serde::{Deserialize, Serialize};
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};

use crate::{ApiError, AppState};

/// The API's routes.
pub fn router() -> Router<AppState> {
    routes().router
}

/// `(method, path)` of every route [`router`] serves, in registration order; the OpenAPI test
/// checks each one is documented.
pub fn route_table() -> Vec<(&'static str, &'static str)> {
    routes().table
}

fn routes() -> Routes {
    Routes::default()
        .get("/api/v1/openapi.json", openapi_json)
        .post("/api/v1/setup", setup::setup)
        .post("/api/v1/tokens", setup::create_token)
        .post("/api/v1/users", setup::create_user)
        .post("/api/v1/orgs", setup::create_org)
        .get("/api/v1/orgs/{slug}", orgs::get_org)
        .patch("/api/v1/orgs/{slug}", orgs::update_org)
        .get("/api/v1/orgs/{slug}/keys", orgs::list_keys)
        .post("/api/v1/orgs/{slug}/keys/rotate", orgs::rotate_key)
        .put("/api/v1/orgs/{slug}/members", orgs::set_member)
        .get("/api/v1/orgs/{slug}/tokens", tokens::list_tokens)
        .post("/api/v1/orgs/{slug}/tokens/{id}/revoke", tokens::revoke_token)
        .post("/api/v1/orgs/{slug}/achievements", achievements::create_achievement)
        .get("/api/v1/orgs/{slug}/achievements", achievements::list_achievements)
        .get("/api/v1/orgs/{slug}/achievements/{id}", achievements::get_achievement)
        .patch("/api/v1/orgs/{slug}/achievements/{id}", achievements::update_achievement)
        .post("/api/v1/orgs/{slug}/achievements/{id}/credentials", credentials::issue_credential)
        .post_csv("/api/v1/orgs/{slug}/achievements/{id}/bulk/validate", bulk::validate_csv)
        .post_csv("/api/v1/orgs/{slug}/achievements/{id}/bulk", bulk::start_job)
        .get("/api/v1/orgs/{slug}/jobs/{id}", bulk::get_job)
        .get("/api/v1/orgs/{slug}/credentials", credentials::list_credentials)
        .get("/api/v1/orgs/{slug}/credentials/{id}", credentials::get_credential)
        .post("/api/v1/orgs/{slug}/credentials/{id}/revoke", credentials::revoke)
        .post("/api/v1/orgs/{slug}/credentials/{id}/suspend", credentials::suspend)
        .post("/api/v1/orgs/{slug}/credentials/{id}/reinstate", credentials::reinstate)
        .get("/api/v1/orgs/{slug}/deliveries", deliveries::list_deliveries)
}

/// A router that remembers what it serves.
#[derive(Default)]
struct Routes {
    router: Router<AppState>,
    table: Vec<(&'static str, &'static str)>,
}

impl Routes {
    fn add(mut self, method: &'static str, path: &'static str, route: MethodRouter<AppState>) -> Self {
        self.table.push((method, path));
        // Adding a second method to a path merges it into the path's method router.
        self.router = self.router.route(path, route);
        self
    }

    fn get<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, h: H) -> Self {
        self.add("GET", path, routing::get(h))
    }

    fn post<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, h: H) -> Self {
        self.add("POST", path, routing::post(h))
    }

    /// A POST whose body is a CSV, allowed to be larger than the default 2 MB.
    fn post_csv<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, h: H) -> Self {
        self.add("POST", path, routing::post(h).layer(DefaultBodyLimit::max(bulk::MAX_CSV_BYTES)))
    }

    fn put<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, h: H) -> Self {
        self.add("PUT", path, routing::put(h))
    }

    fn patch<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, h: H) -> Self {
        self.add("PATCH", path, routing::patch(h))
    }
}

/// A role in an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ApiRole {
    /// Everything, including members, keys and settings.
    Owner,
    /// Issues, revokes, suspends.
    Issuer,
    /// Reviews evidence.
    Reviewer,
    /// Reads.
    Viewer,
}

impl From<ApiRole> for Role {
    fn from(r: ApiRole) -> Self {
        match r {
            ApiRole::Owner => Role::Owner,
            ApiRole::Issuer => Role::Issuer,
            ApiRole::Reviewer => Role::Reviewer,
            ApiRole::Viewer => Role::Viewer,
        }
    }
}

impl From<Role> for ApiRole {
    fn from(r: Role) -> Self {
        match r {
            Role::Owner => ApiRole::Owner,
            Role::Issuer => ApiRole::Issuer,
            Role::Reviewer => ApiRole::Reviewer,
            Role::Viewer => ApiRole::Viewer,
        }
    }
}

/// The path of one item of an organisation: `/api/v1/orgs/{slug}/<things>/{id}`.
#[derive(Debug, Deserialize)]
pub struct ItemPath {
    /// Organisation slug (checked against the token by the auth extractor).
    pub slug: String,
    /// The item's id, parsed by the handler so a bad one is named in the error.
    pub id: String,
}

/// Parses an id from the path or query, naming the parameter when it is not a UUID.
pub fn parse_id<T: std::str::FromStr>(field: &str, s: &str) -> Result<T, ApiError> {
    s.parse().map_err(|_| ApiError(Error::invalid(field, format!("`{s}` is not a UUID"))))
}

/// Cairn's API, as OpenAPI 3.1.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Cairn API",
        version = "1",
        description = "Cairn's own JSON API: organisations, achievements, credentials and bulk issuance. \
            Organisation-scoped routes take `Authorization: Bearer <token>`; tokens are created with HTTP Basic. \
            Errors are `{\"error\": {\"code\", \"message\", \"field\"?}}`; see docs/API-DESIGN.md."
    ),
    paths(
        openapi_json,
        setup::setup, setup::create_token, setup::create_user, setup::create_org,
        orgs::get_org, orgs::update_org, orgs::list_keys, orgs::rotate_key, orgs::set_member,
        tokens::list_tokens, tokens::revoke_token,
        achievements::create_achievement, achievements::list_achievements,
        achievements::get_achievement, achievements::update_achievement,
        credentials::issue_credential, credentials::list_credentials, credentials::get_credential,
        credentials::revoke, credentials::suspend, credentials::reinstate,
        deliveries::list_deliveries,
        bulk::validate_csv, bulk::start_job, bulk::get_job,
    ),
    components(schemas(crate::error::ErrorBody, crate::error::ErrorDetail)),
    modifiers(&SecuritySchemes),
    tags(
        (name = "setup", description = "First administrator and API tokens"),
        (name = "organisations", description = "Issuer profile, keys, members"),
        (name = "achievements", description = "Achievement definitions and their versions"),
        (name = "credentials", description = "Issuing, listing, revoking, suspending"),
        (name = "bulk", description = "CSV validation and bulk jobs"),
    )
)]
pub struct ApiDoc;

struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme("bearer", SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)));
        components.add_security_scheme("basic", SecurityScheme::Http(Http::new(HttpAuthScheme::Basic)));
    }
}

/// This document (no authentication).
#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "setup",
    responses((status = 200, description = "The OpenAPI 3.1 document of this API", body = Object)))]
pub async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
