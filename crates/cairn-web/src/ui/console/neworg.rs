//! `GET/POST /console/new`: an instance administrator creates an organisation (with its first
//! signing key) and becomes its owner; the rest of the profile is edited in its settings.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use cairn_core::model::Address;
use cairn_core::service::orgs::{self, NewOrganization};
use cairn_core::Error;
use serde::Deserialize;

use crate::ui::session::SignedIn;
use crate::ui::{render, Nav, OrPage, PageError};
use crate::AppState;

/// `console/new_org.html`.
#[derive(Template)]
#[template(path = "ui/console/new_org.html")]
struct NewOrgPage {
    nav: Nav,
    form: NewOrgForm,
    error: Option<(String, String)>,
}

/// The form.
#[derive(Debug, Default, Deserialize)]
pub struct NewOrgForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    slug: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    url: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    locality: String,
    #[serde(default)]
    country_code: String,
}

fn admin_only(me: &SignedIn) -> Result<(), PageError> {
    if me.user.is_admin {
        Ok(())
    } else {
        Err(PageError::new(me.t, Error::Forbidden("only an instance administrator may create organisations")))
    }
}

fn opt(s: &str) -> Option<String> {
    Some(s.trim().to_string()).filter(|s| !s.is_empty())
}

/// `GET /console/new`.
pub async fn page(me: SignedIn) -> Result<Response, PageError> {
    admin_only(&me)?;
    render(&NewOrgPage { nav: me.nav("console", true), form: NewOrgForm::default(), error: None }).or_page(me.t)
}

/// `POST /console/new`.
pub async fn create(
    State(app): State<AppState>,
    me: SignedIn,
    Form(f): Form<NewOrgForm>,
) -> Result<Response, PageError> {
    admin_only(&me)?;
    me.check_csrf(&f.csrf).or_page(me.t)?;
    let address =
        Address { locality: opt(&f.locality), country_code: opt(&f.country_code.to_uppercase()), ..Address::default() };
    let input = NewOrganization {
        slug: f.slug.trim().to_lowercase(),
        name: f.name.trim().to_string(),
        url: opt(&f.url),
        email: opt(&f.email),
        description: None,
        image_url: None,
        address,
        suspension_enabled: false,
    };
    match orgs::create_org(&app.ctx, me.user.id, input).await {
        Ok(org) => Ok(Redirect::to(&format!("/console/{}", org.slug.as_str())).into_response()),
        Err(e @ (Error::Invalid { .. } | Error::Conflict(_))) => {
            let (field, message) = match e {
                Error::Invalid { field, message } => (field, message),
                other => ("slug".to_string(), other.to_string()),
            };
            let field = field.trim_start_matches("address.").to_string();
            let label = me.t.t(&format!("neworg-{}", field.replace('_', "-")));
            let page = NewOrgPage {
                nav: me.nav("console", true),
                form: f,
                error: Some((field, format!("{label}: {message}"))),
            };
            Ok((StatusCode::BAD_REQUEST, render(&page).or_page(me.t)?).into_response())
        }
        Err(e) => Err(PageError::new(me.t, e)),
    }
}

impl NewOrgPage {
    /// Whether the error is about `field` (for `aria-invalid` and `aria-describedby`).
    fn error_on(&self, field: &str) -> bool {
        self.error.as_ref().is_some_and(|(f, _)| f == field)
    }
}
