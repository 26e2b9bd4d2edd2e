//! `GET/POST /console/{slug}/award`: award one person (or start a CSV upload, see `upload`),
//! and `GET …/award/issued/{id}`, the result. A random idempotency key travels in the form,
//! so a second submission of the same form returns the first credential.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use cairn_core::ids::{AchievementId, CredentialId};
use cairn_core::model::Achievement;
use cairn_core::service::{achievements, credential, issue};
use cairn_core::Error;
use serde::Deserialize;

use crate::api::credentials::{CreateCredentialRequest, EvidenceDto};
use crate::auth::Issuer;
use crate::ui::console::{ConsoleOrg, OrgTabs};
use crate::ui::{render, Nav, OrPage, PageError};
use crate::AppState;

/// The award form's fields (also what is shown again after a problem).
#[derive(Debug, Default, Deserialize)]
pub struct AwardForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    achievement: String,
    #[serde(default)]
    recipient: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    issued_on: String,
    #[serde(default)]
    valid_until: String,
    #[serde(default)]
    evidence_url: String,
    #[serde(default)]
    evidence_narrative: String,
    #[serde(default)]
    result: String,
    #[serde(default)]
    idempotency_key: String,
}

/// `issue/award.html`.
#[derive(Template)]
#[template(path = "ui/issue/award.html")]
pub(super) struct AwardPage {
    pub nav: Nav,
    pub tabs: OrgTabs,
    pub achievements: Vec<Achievement>,
    pub form: AwardForm,
    pub error: Option<String>,
    pub csv_achievement: String,
    pub csv_error: Option<String>,
}

impl AwardPage {
    /// The page for `console`, with `achievement` preselected in both forms.
    pub async fn new(app: &AppState, console: &ConsoleOrg<Issuer>, achievement: &str) -> Result<Self, PageError> {
        let achievements = achievements::list_achievements(&app.ctx, console.org.id).await.or_page(console.me.t)?;
        let form =
            AwardForm { achievement: achievement.to_string(), idempotency_key: new_key(), ..AwardForm::default() };
        Ok(Self {
            nav: console.nav(),
            tabs: console.tabs("award"),
            achievements,
            form,
            error: None,
            csv_achievement: achievement.to_string(),
            csv_error: None,
        })
    }
}

fn new_key() -> String {
    format!("console-{}", uuid::Uuid::new_v4())
}

/// `?achievement=` preselects one.
#[derive(Debug, Deserialize)]
pub struct AwardQuery {
    achievement: Option<String>,
}

/// `GET /console/{slug}/award`.
pub async fn view_award(
    State(app): State<AppState>,
    console: ConsoleOrg<Issuer>,
    Query(q): Query<AwardQuery>,
) -> Result<Response, PageError> {
    let page = AwardPage::new(&app, &console, q.achievement.as_deref().unwrap_or_default()).await?;
    render(&page).or_page(console.me.t)
}

fn award_input(f: &AwardForm) -> Result<(AchievementId, cairn_core::model::AwardInput), Error> {
    let achievement = super::parse_id("achievement", &f.achievement)?;
    let some = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    let evidence = match (some(&f.evidence_url), some(&f.evidence_narrative)) {
        (None, None) => Vec::new(),
        (url, narrative) => vec![EvidenceDto { url, narrative }],
    };
    let request = CreateCredentialRequest {
        recipient: f.recipient.clone(),
        name: some(&f.name),
        issued_on: some(&f.issued_on),
        valid_until: some(&f.valid_until),
        evidence,
        result: some(&f.result),
    };
    Ok((achievement, request.into_award().map_err(|e| e.0)?))
}

/// `POST /console/{slug}/award`: issues, then shows the result (a repeat of the same form
/// shows the credential the first one issued).
pub async fn post_award(
    State(app): State<AppState>,
    console: ConsoleOrg<Issuer>,
    Form(f): Form<AwardForm>,
) -> Result<Response, PageError> {
    let t = console.me.t;
    console.me.check_csrf(&f.csrf).or_page(t)?;
    let key = Some(f.idempotency_key.trim().to_string()).filter(|k| !k.is_empty()).unwrap_or_else(new_key);
    let issued = match award_input(&f) {
        Ok((achievement, input)) => {
            issue::issue_credential(&app.ctx, console.org.id, achievement, input, Some(key)).await
        }
        Err(e) => Err(e),
    };
    match issued {
        Ok((record, created)) => {
            let repeat = if created { "" } else { "?repeat=1" };
            Ok(Redirect::to(&format!("/console/{}/award/issued/{}{repeat}", console.org.slug, record.id))
                .into_response())
        }
        Err(e @ (Error::Invalid { .. } | Error::NotFound { .. })) => {
            let mut page = AwardPage::new(&app, &console, &f.achievement).await?;
            page.error = Some(super::form_error(t, &e));
            page.form = AwardForm { csrf: String::new(), ..f };
            Ok((StatusCode::BAD_REQUEST, render(&page).or_page(t)?).into_response())
        }
        Err(e) => Err(PageError::new(t, e)),
    }
}

/// `issue/awarded.html`.
#[derive(Template)]
#[template(path = "ui/issue/awarded.html")]
struct AwardedPage {
    nav: Nav,
    tabs: OrgTabs,
    repeat: bool,
    recipient: String,
    achievement: String,
    public_url: String,
    json_url: String,
}

/// `?repeat=1`: the form had been sent before.
#[derive(Debug, Deserialize)]
pub struct AwardedQuery {
    repeat: Option<String>,
}

/// `GET /console/{slug}/award/issued/{id}`.
pub async fn view_awarded(
    State(app): State<AppState>,
    console: ConsoleOrg,
    Path((_, id)): Path<(String, String)>,
    Query(q): Query<AwardedQuery>,
) -> Result<Response, PageError> {
    let t = console.me.t;
    let id: CredentialId = id.parse().map_err(|_| Error::NotFound { what: "credential" }).or_page(t)?;
    let record = credential::get_for_org(&app.ctx, console.org.id, id).await.or_page(t)?;
    let achievement = achievements::get_achievement(&app.ctx, console.org.id, record.achievement_id, None)
        .await
        .map(|a| a.definition.name)
        .or_page(t)?;
    let public_url = app.ctx.credential_url(record.id);
    let page = AwardedPage {
        nav: console.nav(),
        tabs: console.tabs("award"),
        repeat: q.repeat.is_some(),
        recipient: record.recipient_email.or(record.recipient_did).unwrap_or_default(),
        achievement,
        json_url: format!("{public_url}.json"),
        public_url,
    };
    render(&page).or_page(t)
}
