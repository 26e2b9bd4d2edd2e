//! `/console/{slug}/achievements`: the list, and the designer (new and edit). Saving an
//! edit stores a new version; credentials already issued keep theirs.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use cairn_core::ids::AchievementId;
use cairn_core::model::AchievementDefinition;
use cairn_core::service::achievements;
use cairn_core::Error;
use serde::Deserialize;

use super::body::FormData;
use super::eu::{indicator, EuIndicator};
use super::form::{DesignForm, ACHIEVEMENT_TYPES, KINDS, RESULT_TYPES};
use crate::auth::{Issuer, Viewer};
use crate::ui::console::{ConsoleOrg, OrgTabs};
use crate::ui::i18n::Tr;
use crate::ui::{assets, render, Nav, OrPage, PageError};
use crate::AppState;

/// One achievement in the list.
pub struct ListRow {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Latest version.
    pub version: i32,
    /// Badge kind, translated.
    pub kind: String,
    /// Credentials awarded (every version).
    pub awards: u64,
    /// Mandatory EU elements missing.
    pub eu_missing: usize,
}

/// `design/list.html`.
#[derive(Template)]
#[template(path = "ui/design/list.html")]
struct ListPage {
    nav: Nav,
    tabs: OrgTabs,
    rows: Vec<ListRow>,
    saved: bool,
}

/// `?saved=1` after a save.
#[derive(Debug, Deserialize)]
pub struct SavedQuery {
    saved: Option<String>,
}

/// `GET /console/{slug}/achievements`.
pub async fn view_achievements(
    State(app): State<AppState>,
    c: ConsoleOrg<Viewer>,
    Query(q): Query<SavedQuery>,
) -> Result<Response, PageError> {
    let t = c.me.t;
    let list = achievements::list_with_award_counts(&app.ctx, c.org.id).await.or_page(t)?;
    let rows = list
        .into_iter()
        .map(|(a, awards)| ListRow {
            id: a.id.to_string(),
            kind: kind_label(t, &a.definition),
            eu_missing: indicator(t, &a.definition, &c.org).missing,
            name: a.definition.name,
            version: a.version,
            awards,
        })
        .collect();
    render(&ListPage { nav: c.nav(), tabs: c.tabs("achievements"), rows, saved: q.saved.is_some() }).or_page(t)
}

fn kind_label(t: Tr, d: &AchievementDefinition) -> String {
    let kind = serde_json::to_value(d.kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
    t.t(&format!("design-kind-{}", kind.replace('_', "-")))
}

/// `design/designer.html`.
#[derive(Template)]
#[template(path = "ui/design/designer.html")]
struct DesignerPage {
    nav: Nav,
    tabs: OrgTabs,
    f: DesignForm,
    eu: EuIndicator,
    /// Where the form posts.
    action: String,
    /// Editing: (current version, credentials carrying it).
    editing: Option<(i64, u64)>,
    suspension_enabled: bool,
}

impl DesignerPage {
    fn new(c: &ConsoleOrg<Issuer>, f: DesignForm, d: &AchievementDefinition, action: String) -> Self {
        DesignerPage {
            nav: c.nav(),
            tabs: c.tabs("achievements"),
            eu: indicator(c.me.t, d, &c.org),
            f,
            action,
            editing: None,
            suspension_enabled: c.org.suspension_enabled,
        }
    }

    fn js(&self) -> &'static str {
        assets::url("console-design.js")
    }

    fn kinds(&self) -> &'static [&'static str] {
        KINDS
    }

    fn achievement_types(&self) -> &'static [&'static str] {
        ACHIEVEMENT_TYPES
    }

    fn result_types(&self) -> &'static [&'static str] {
        RESULT_TYPES
    }

    fn eqf_levels(&self) -> Vec<u32> {
        (1..=8).collect()
    }

    fn kind_key(&self, kind: &str) -> String {
        format!("design-kind-{}", kind.replace('_', "-"))
    }
}

/// An empty definition (what a new achievement starts from).
fn blank() -> AchievementDefinition {
    AchievementDefinition {
        name: String::new(),
        description: String::new(),
        criteria_narrative: None,
        criteria_url: None,
        image_url: None,
        image_caption: None,
        kind: cairn_core::model::BadgeKind::Skill,
        achievement_type: None,
        alignments: Vec::new(),
        tags: Vec::new(),
        credits_available: None,
        field_of_study: None,
        human_code: None,
        specialization: None,
        in_language: None,
        result_descriptions: Vec::new(),
        category: None,
        proficiency_level: None,
        validity_days: None,
        suspendable: false,
        eu: Default::default(),
    }
}

/// `GET /console/{slug}/achievements/new`.
pub async fn view_new(c: ConsoleOrg<Issuer>) -> Result<Response, PageError> {
    let d = blank();
    let action = format!("/console/{}/achievements/new", c.org.slug);
    render(&DesignerPage::new(&c, DesignForm::from_definition(None), &d, action)).or_page(c.me.t)
}

/// `POST /console/{slug}/achievements/new`.
pub async fn post_new(
    State(app): State<AppState>,
    c: ConsoleOrg<Issuer>,
    data: FormData,
) -> Result<Response, PageError> {
    let t = c.me.t;
    c.me.check_csrf(data.get("csrf")).or_page(t)?;
    let (mut f, d) = DesignForm::from_data(&data, t);
    let action = format!("/console/{}/achievements/new", c.org.slug);
    if f.errors.is_empty() {
        match achievements::create_achievement(&app.ctx, c.org.id, d.clone()).await {
            Ok(_) => return Ok(saved(&c)),
            Err(e @ Error::Invalid { .. }) => f.set_error(t, &e),
            Err(e) => return Err(PageError::new(t, e)),
        }
    }
    again(&DesignerPage::new(&c, f, &d, action), t)
}

fn saved(c: &ConsoleOrg<Issuer>) -> Response {
    Redirect::to(&format!("/console/{}/achievements?saved=1", c.org.slug)).into_response()
}

fn again(page: &DesignerPage, t: Tr) -> Result<Response, PageError> {
    Ok((StatusCode::BAD_REQUEST, render(page).or_page(t)?).into_response())
}

fn parse_id(t: Tr, id: &str) -> Result<AchievementId, PageError> {
    id.parse().map_err(|_| PageError::new(t, Error::NotFound { what: "achievement" }))
}

/// `GET /console/{slug}/achievements/{id}/edit`.
pub async fn view_edit(
    State(app): State<AppState>,
    c: ConsoleOrg<Issuer>,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let t = c.me.t;
    let id = parse_id(t, &id)?;
    let (a, awards) = achievements::get_with_award_count(&app.ctx, c.org.id, id).await.or_page(t)?;
    let action = format!("/console/{}/achievements/{}/edit", c.org.slug, a.id);
    let mut page = DesignerPage::new(&c, DesignForm::from_definition(Some(&a.definition)), &a.definition, action);
    page.editing = Some((i64::from(a.version), awards));
    render(&page).or_page(t)
}

/// `POST /console/{slug}/achievements/{id}/edit`: stores the next version.
pub async fn post_edit(
    State(app): State<AppState>,
    c: ConsoleOrg<Issuer>,
    Path((_, id)): Path<(String, String)>,
    data: FormData,
) -> Result<Response, PageError> {
    let t = c.me.t;
    c.me.check_csrf(data.get("csrf")).or_page(t)?;
    let id = parse_id(t, &id)?;
    let (mut f, d) = DesignForm::from_data(&data, t);
    if f.errors.is_empty() {
        match achievements::update_achievement(&app.ctx, c.org.id, id, d.clone()).await {
            Ok(_) => return Ok(saved(&c)),
            Err(e @ Error::Invalid { .. }) => f.set_error(t, &e),
            Err(e) => return Err(PageError::new(t, e)),
        }
    }
    let (a, awards) = achievements::get_with_award_count(&app.ctx, c.org.id, id).await.or_page(t)?;
    let action = format!("/console/{}/achievements/{}/edit", c.org.slug, a.id);
    let mut page = DesignerPage::new(&c, f, &d, action);
    page.editing = Some((i64::from(a.version), awards));
    again(&page, t)
}
