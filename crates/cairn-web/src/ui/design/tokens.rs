//! The "API tokens" section of `/console/{slug}/settings` (owners): the list, creation (the
//! secret is shown once, on a page that is never cached) and revocation.

use askama::Template;
use axum::http::{header, HeaderValue};
use axum::response::Response;
use cairn_core::ids::TokenId;
use cairn_core::model::{ApiToken, Role};
use cairn_core::service::auth;
use cairn_core::Error;

use super::body::FormData;
use crate::auth::Owner;
use crate::ui::console::{ConsoleOrg, OrgTabs};
use crate::ui::{render, Nav, OrPage, PageError};
use crate::AppState;

/// A token as the settings page lists it (never its hash).
pub struct TokenRow {
    /// Id (for the revoke form).
    pub id: String,
    /// Label.
    pub name: String,
    /// `owner`, `issuer`…
    pub role: &'static str,
    /// Created (date).
    pub created: String,
    /// Revoked tokens no longer authenticate.
    pub revoked: bool,
}

impl From<ApiToken> for TokenRow {
    fn from(t: ApiToken) -> Self {
        Self {
            id: t.id.to_string(),
            name: t.name,
            role: t.role.as_str(),
            created: t.created_at.date().to_string(),
            revoked: t.revoked,
        }
    }
}

/// The organisation's tokens, newest first.
pub async fn rows(app: &AppState, c: &ConsoleOrg<Owner>) -> Result<Vec<TokenRow>, Error> {
    Ok(auth::list_tokens(&app.ctx, &c.actor(), c.org.id).await?.into_iter().map(TokenRow::from).collect())
}

/// Creates a token from the form's `token_name` and `token_role`; returns it and its secret.
pub async fn create(app: &AppState, c: &ConsoleOrg<Owner>, data: &FormData) -> Result<(ApiToken, String), Error> {
    let role = Role::parse(data.get("token_role")).map_err(|_| Error::invalid("token_role", "is not a role"))?;
    auth::create_token(&app.ctx, &c.actor(), c.org.id, data.get("token_name"), role).await.map_err(|e| match e {
        Error::Invalid { field, message } if field == "name" => Error::invalid("token_name", message),
        other => other,
    })
}

/// Revokes the token named by the form's `token_id`.
pub async fn revoke(app: &AppState, c: &ConsoleOrg<Owner>, data: &FormData) -> Result<&'static str, Error> {
    let id: TokenId = data.get("token_id").parse().map_err(|_| Error::NotFound { what: "API token" })?;
    auth::revoke_token(&app.ctx, &c.actor(), c.org.id, id).await.map(|_| "token-revoked")
}

/// `design/token_created.html`: the secret, once.
#[derive(Template)]
#[template(path = "ui/design/token_created.html")]
struct CreatedPage {
    nav: Nav,
    tabs: OrgTabs,
    name: String,
    role: &'static str,
    secret: String,
}

impl CreatedPage {
    fn role_key(&self) -> String {
        format!("design-role-{}", self.role)
    }
}

/// The page showing a new token's secret; `Cache-Control: no-store` so it is not kept.
pub fn created(c: &ConsoleOrg<Owner>, token: ApiToken, secret: String) -> Result<Response, PageError> {
    let t = c.me.t;
    let page =
        CreatedPage { nav: c.nav(), tabs: c.tabs("settings"), name: token.name, role: token.role.as_str(), secret };
    let mut response = render(&page).or_page(t)?;
    let h = response.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    Ok(response)
}
