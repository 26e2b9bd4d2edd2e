//! The issuer console: `/console` lists the organisations the user belongs to; everything of
//! one organisation lives under `/console/{slug}/…` behind [`ConsoleOrg`], which checks the
//! user's role there (administrators are owners everywhere). Areas add their routes to
//! [`router`] from their own module.

mod neworg;

use std::marker::PhantomData;

use askama::Template;
use axum::extract::{FromRequestParts, RawPathParams, State};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use cairn_core::model::{Organization, Role};
use cairn_core::service::auth;
use cairn_core::Error;

use super::session::SignedIn;
use super::{render, Nav, OrPage, PageError};
use crate::auth::RoleNeeded;
use crate::AppState;

/// Console routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/console", get(orgs_page))
        .route("/console/new", get(neworg::page).post(neworg::create))
        .merge(super::design::router())
        .merge(super::issue::router())
}

/// A signed-in user acting in the organisation the path's `{slug}` names, with at least
/// `R`'s role (`ConsoleOrg<Issuer>`). Non-members get 404: the console never tells whether
/// another organisation exists.
pub struct ConsoleOrg<R: RoleNeeded = crate::auth::Viewer> {
    /// The user and session.
    pub me: SignedIn,
    /// The organisation.
    pub org: Organization,
    /// The user's role in it.
    pub role: Role,
    _needed: PhantomData<R>,
}

impl<R: RoleNeeded> ConsoleOrg<R> {
    /// The layout fields (console area).
    pub fn nav(&self) -> Nav {
        self.me.nav("console", true)
    }

    /// The organisation's sub-navigation, with `current` (`dashboard`, `achievements`,
    /// `award`, `credentials`, `settings`) marked.
    pub fn tabs(&self, current: &'static str) -> OrgTabs {
        OrgTabs { slug: self.org.slug.as_str().to_string(), name: self.org.name.clone(), current, role: self.role }
    }

    /// Actor for service calls.
    pub fn actor(&self) -> cairn_core::model::Actor {
        cairn_core::model::Actor { user_id: self.me.user.id, is_admin: self.me.user.is_admin }
    }
}

impl<R: RoleNeeded> FromRequestParts<AppState> for ConsoleOrg<R> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let me = SignedIn::from_request_parts(parts, state).await?;
        let t = me.t;
        let fail = |e: Error| PageError::new(t, e).into_response();
        let slug = RawPathParams::from_request_parts(parts, state)
            .await
            .ok()
            .and_then(|p| p.iter().find(|(k, _)| *k == "slug").map(|(_, v)| v.to_string()))
            .ok_or_else(|| fail(Error::NotFound { what: "organisation" }))?;
        let org = match state.ctx.store.get_org_by_slug(&slug).await {
            Ok(o) => o,
            Err(e) => return Err(fail(e)),
        };
        let actor = cairn_core::model::Actor { user_id: me.user.id, is_admin: me.user.is_admin };
        let role = match auth::require(&state.ctx, &actor, org.id, Role::Viewer).await {
            Ok(r) => r,
            Err(e) => return Err(fail(e)),
        };
        if !role.allows(R::ROLE) {
            return Err(fail(Error::Forbidden("your role in this organisation does not allow this")));
        }
        Ok(ConsoleOrg { me, org, role, _needed: PhantomData })
    }
}

/// The organisation's tabs in `ui/console/tabs.html`.
pub struct OrgTabs {
    /// Slug (for links).
    pub slug: String,
    /// Name (heading).
    pub name: String,
    /// The current tab.
    pub current: &'static str,
    /// The user's role (tabs they cannot use are hidden).
    pub role: Role,
}

impl OrgTabs {
    /// Whether the user may issue (award, revoke).
    pub fn can_issue(&self) -> bool {
        self.role.allows(Role::Issuer)
    }

    /// Whether the user may change settings and keys.
    pub fn is_owner(&self) -> bool {
        self.role.allows(Role::Owner)
    }
}

/// `console/orgs.html`.
#[derive(Template)]
#[template(path = "ui/console/orgs.html")]
struct OrgsPage {
    nav: Nav,
    is_admin: bool,
    orgs: Vec<(Organization, &'static str)>,
}

/// `GET /console`: the organisations the user belongs to (every one for administrators).
pub async fn orgs_page(State(app): State<AppState>, me: SignedIn) -> Result<Response, PageError> {
    let t = me.t;
    let orgs = if me.user.is_admin {
        app.ctx.store.list_orgs().await.or_page(t)?.into_iter().map(|o| (o, "owner")).collect()
    } else {
        let mut out = Vec::new();
        for m in app.ctx.store.list_memberships(me.user.id).await.or_page(t)? {
            out.push((app.ctx.store.get_org(m.org_id).await.or_page(t)?, m.role.as_str()));
        }
        out
    };
    if orgs.is_empty() && !me.user.is_admin {
        return Err(PageError::new(t, Error::Forbidden("you are not a member of any organisation")));
    }
    render(&OrgsPage { nav: me.nav("console", true), is_admin: me.user.is_admin, orgs }).or_page(t)
}
