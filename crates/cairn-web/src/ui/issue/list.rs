//! `GET /console/{slug}/credentials`: the issued credentials, searchable by recipient and
//! filtered by achievement, state and job, a page at a time (all in the query string, so it
//! works without JavaScript); `POST …/credentials/{id}/{revoke|suspend|reinstate}` changes a
//! credential's status and comes back to the same page with a notice.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use cairn_core::ids::CredentialId;
use cairn_core::model::CredentialRecord;
use cairn_core::service::status::StatusAction;
use cairn_core::service::{achievements, credential, status};
use cairn_core::store::CredentialQuery;
use cairn_core::Error;
use serde::Deserialize;

use crate::auth::Issuer;
use crate::ui::console::{ConsoleOrg, OrgTabs};
use crate::ui::i18n::Tr;
use crate::ui::{render, urlencode, Nav, OrPage, PageError};
use crate::AppState;

/// Credentials per page.
pub const PAGE: u32 = 25;

/// The list's filters and page.
#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    achievement: String,
    #[serde(default)]
    state: String,
    #[serde(default)]
    job: String,
    page: Option<String>,
    notice: Option<String>,
}

impl ListQuery {
    fn page(&self) -> u32 {
        self.page.as_deref().and_then(|p| p.parse().ok()).filter(|p| *p >= 1 && *p <= 100_000).unwrap_or(1)
    }

    /// The query string of this list at `page` (no notice).
    fn to_query(&self, page: u32) -> String {
        let mut parts = Vec::new();
        for (k, v) in [("q", &self.q), ("achievement", &self.achievement), ("state", &self.state), ("job", &self.job)] {
            if !v.trim().is_empty() {
                parts.push(format!("{k}={}", urlencode(v.trim())));
            }
        }
        if page > 1 {
            parts.push(format!("page={page}"));
        }
        parts.join("&")
    }

    fn store_query(&self) -> Result<CredentialQuery, Error> {
        let (revoked, suspended) = match self.state.as_str() {
            "active" => (Some(false), Some(false)),
            "suspended" => (Some(false), Some(true)),
            "revoked" => (Some(true), None),
            _ => (None, None),
        };
        Ok(CredentialQuery {
            achievement_id: optional_id("achievement", &self.achievement)?,
            job_id: optional_id("job", &self.job)?,
            recipient: Some(self.q.trim().to_lowercase()).filter(|q| !q.is_empty()),
            revoked,
            suspended,
            limit: PAGE + 1,
            offset: (self.page() - 1) * PAGE,
            before: None,
        })
    }
}

fn optional_id<T: std::str::FromStr>(field: &str, v: &str) -> Result<Option<T>, Error> {
    let v = v.trim();
    if v.is_empty() {
        return Ok(None);
    }
    v.parse().map(Some).map_err(|_| Error::invalid(field, "is not one of this organisation's"))
}

/// One credential in the list.
struct Row {
    id: CredentialId,
    recipient: String,
    name: Option<String>,
    achievement: String,
    issued: String,
    state: &'static str,
    reason: Option<String>,
    public_url: String,
    can_suspend: bool,
}

impl Row {
    fn new(app: &AppState, c: CredentialRecord, achievement: String, suspension: bool) -> Self {
        let state = if c.revoked_at.is_some() {
            "revoked"
        } else if c.suspended {
            "suspended"
        } else {
            "active"
        };
        Self {
            id: c.id,
            recipient: c.recipient_email.or(c.recipient_did).unwrap_or_default(),
            name: c.recipient_name,
            achievement,
            issued: super::iso_day(c.issued_at),
            state,
            reason: c.revocation_reason,
            public_url: app.ctx.credential_url(c.id),
            can_suspend: suspension && c.suspension.is_some() && state == "active",
        }
    }

    fn pill(&self) -> &'static str {
        match self.state {
            "revoked" => "bad",
            "suspended" => "warn",
            _ => "ok",
        }
    }
}

/// `issue/credentials.html`.
#[derive(Template)]
#[template(path = "ui/issue/credentials.html")]
struct ListPage {
    nav: Nav,
    tabs: OrgTabs,
    rows: Vec<Row>,
    achievements: Vec<(String, String)>,
    filter: ListQuery,
    page: u32,
    prev: Option<String>,
    next: Option<String>,
    notice: Option<String>,
    back: String,
}

impl ListPage {
    fn state_label(&self, state: &str) -> String {
        self.nav.t.t(&format!("issue-state-{state}"))
    }
}

fn notice(t: Tr, raw: Option<&str>) -> Option<String> {
    match raw? {
        "revoked" => Some(t.t("issue-list-notice-revoked")),
        "suspended" => Some(t.t("issue-list-notice-suspended")),
        "reinstated" => Some(t.t("issue-list-notice-reinstated")),
        _ => None,
    }
}

/// `GET /console/{slug}/credentials`.
pub async fn view_credentials(
    State(app): State<AppState>,
    console: ConsoleOrg,
    Query(filter): Query<ListQuery>,
) -> Result<Response, PageError> {
    let t = console.me.t;
    let query = filter.store_query().or_page(t)?;
    let mut found = credential::list_for_org(&app.ctx, console.org.id, query).await.or_page(t)?;
    let more = found.len() > PAGE as usize;
    found.truncate(PAGE as usize);
    let all = achievements::list_achievements(&app.ctx, console.org.id).await.or_page(t)?;
    let name_of = |c: &CredentialRecord| {
        all.iter().find(|a| a.id == c.achievement_id).map(|a| a.definition.name.clone()).unwrap_or_default()
    };
    let suspension = console.org.suspension_enabled;
    let rows = found
        .into_iter()
        .map(|c| {
            let name = name_of(&c);
            Row::new(&app, c, name, suspension)
        })
        .collect();
    let page = filter.page();
    let base = format!("/console/{}/credentials", console.org.slug);
    let link = |p: u32| match filter.to_query(p) {
        q if q.is_empty() => base.clone(),
        q => format!("{base}?{q}"),
    };
    let page_view = ListPage {
        nav: console.nav(),
        tabs: console.tabs("credentials"),
        rows,
        achievements: all.iter().map(|a| (a.id.to_string(), a.definition.name.clone())).collect(),
        prev: (page > 1).then(|| link(page - 1)),
        next: more.then(|| link(page + 1)),
        notice: notice(t, filter.notice.as_deref()),
        back: filter.to_query(page),
        page,
        filter,
    };
    render(&page_view).or_page(t)
}

/// A status change form.
#[derive(Debug, Deserialize)]
pub struct ActionForm {
    csrf: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    back: String,
}

/// `POST /console/{slug}/credentials/{id}/{revoke|suspend|reinstate}`.
pub async fn post_action(
    State(app): State<AppState>,
    console: ConsoleOrg<Issuer>,
    Path((_, id, action)): Path<(String, String, String)>,
    Form(f): Form<ActionForm>,
) -> Result<Response, PageError> {
    let t = console.me.t;
    console.me.check_csrf(&f.csrf).or_page(t)?;
    let (action, done) = match action.as_str() {
        "revoke" => (StatusAction::Revoke, "revoked"),
        "suspend" if console.org.suspension_enabled => (StatusAction::Suspend, "suspended"),
        "suspend" => {
            return Err(PageError::new(t, Error::Conflict("suspension is turned off for this organisation".into())))
        }
        "reinstate" => (StatusAction::Reinstate, "reinstated"),
        _ => return Err(PageError::new(t, Error::NotFound { what: "action" })),
    };
    let id: CredentialId = id.parse().map_err(|_| Error::NotFound { what: "credential" }).or_page(t)?;
    let reason = Some(f.reason.trim().to_string()).filter(|r| !r.is_empty() && action == StatusAction::Revoke);
    status::change_status(&app.ctx, console.org.id, id, action, reason).await.or_page(t)?;
    // `back` is only ever a query string of this list: keep the characters one may hold.
    let back: String =
        f.back.chars().filter(|c| c.is_ascii_alphanumeric() || "%&=._-~+".contains(*c)).take(600).collect();
    let sep = if back.is_empty() { "" } else { "&" };
    Ok(Redirect::to(&format!("/console/{}/credentials?{back}{sep}notice={done}", console.org.slug)).into_response())
}
