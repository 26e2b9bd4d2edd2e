//! `/console/{slug}/settings` (owners): the issuer profile and logo, the suspension opt-in,
//! the public addresses, signing keys and their rotation, members and API tokens. One page,
//! several forms, told apart by their `action` field.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use cairn_core::model::{Address, Organization, Role};
use cairn_core::service::{auth, images, orgs, public};
use cairn_core::Error;
use serde::Deserialize;

use super::body::FormData;
use super::fields::Fields;
use super::form::label_key;
use super::tokens::{self, TokenRow};
use crate::auth::Owner;
use crate::ui::console::{ConsoleOrg, OrgTabs};
use crate::ui::i18n::Tr;
use crate::ui::{render, Nav, OrPage, PageError};
use crate::AppState;

/// Profile inputs: (input id, value from the organisation).
fn profile_values(o: &Organization) -> BTreeMap<&'static str, String> {
    let a = &o.address;
    let s = |v: &Option<String>| v.clone().unwrap_or_default();
    let logo_url = o.image_url.clone().filter(|u| !u.starts_with("data:"));
    BTreeMap::from([
        ("org_name", o.name.clone()),
        ("org_url", s(&o.url)),
        ("org_email", s(&o.email)),
        ("org_description", s(&o.description)),
        ("street", s(&a.street)),
        ("postal_code", s(&a.postal_code)),
        ("locality", s(&a.locality)),
        ("region", s(&a.region)),
        ("country", s(&a.country)),
        ("country_code", s(&a.country_code)),
        ("logo_url", s(&logo_url)),
        ("member_email", String::new()),
        ("token_name", String::new()),
    ])
}

/// The forms' values and errors (by input id), as the designer's.
pub struct SettingsForm {
    /// Values and errors by input id.
    pub fields: Fields,
    /// Suspension opt-in ticked.
    pub suspension: bool,
}

impl std::ops::Deref for SettingsForm {
    type Target = Fields;
    fn deref(&self) -> &Fields {
        &self.fields
    }
}

impl std::ops::DerefMut for SettingsForm {
    fn deref_mut(&mut self) -> &mut Fields {
        &mut self.fields
    }
}

impl SettingsForm {
    /// The form over the organisation's current values, without errors.
    fn of(org: &Organization) -> Self {
        let fields = Fields { v: profile_values(org), errors: BTreeMap::new() };
        SettingsForm { fields, suspension: org.suspension_enabled }
    }

    fn set_error(&mut self, t: Tr, id: &str, e: &Error) {
        let message = match e {
            Error::Invalid { message, .. } => message.clone(),
            other => other.to_string(),
        };
        self.errors.insert(id.to_string(), format!("{}: {message}", t.t(&label_key(id))));
    }
}

/// A signing key, public half.
pub struct KeyRow {
    /// `z6Mk…`.
    pub multibase: String,
    /// Created (date).
    pub created: String,
    /// Retired (date), if it no longer signs.
    pub retired: Option<String>,
}

/// `design/settings.html`.
#[derive(Template)]
#[template(path = "ui/design/settings.html")]
struct SettingsPage {
    nav: Nav,
    tabs: OrgTabs,
    f: SettingsForm,
    logo: Option<String>,
    /// (label key, input id, value).
    addresses: Vec<(&'static str, &'static str, String)>,
    keys: Vec<KeyRow>,
    /// (name, email, role).
    members: Vec<(String, String, &'static str)>,
    tokens: Vec<TokenRow>,
    done: Option<String>,
}

impl SettingsPage {
    fn roles(&self) -> [&'static str; 4] {
        ["viewer", "reviewer", "issuer", "owner"]
    }

    fn is_default_role(&self, role: &str) -> bool {
        role == "issuer"
    }

    fn role_key(&self, role: &str) -> String {
        format!("design-role-{role}")
    }
}

/// `?done=` after a change.
#[derive(Debug, Deserialize)]
pub struct DoneQuery {
    done: Option<String>,
}

async fn page(app: &AppState, c: &ConsoleOrg<Owner>, f: SettingsForm) -> Result<SettingsPage, Error> {
    let ctx = &app.ctx;
    let slug = c.org.slug.as_str();
    let keys = orgs::list_keys(ctx, c.org.id).await?;
    let members = orgs::list_members(ctx, c.org.id).await?;
    let issuer = ctx.issuer_id(slug);
    Ok(SettingsPage {
        nav: c.nav(),
        tabs: c.tabs("settings"),
        f,
        logo: c.org.image_url.clone(),
        addresses: vec![
            ("design-addr-issuer", "addr_issuer", issuer.clone()),
            ("design-addr-did", "addr_did", public::did_web_id(ctx, slug)),
            ("design-addr-did-json", "addr_did_json", format!("{issuer}/did.json")),
        ],
        keys: keys
            .into_iter()
            .map(|k| KeyRow {
                multibase: k.public_key_multibase,
                created: k.created_at.date().to_string(),
                retired: k.retired_at.map(|r| r.date().to_string()),
            })
            .collect(),
        members: members.into_iter().map(|(u, r)| (u.display_name, u.email, r.as_str())).collect(),
        tokens: tokens::rows(app, c).await?,
        done: None,
    })
}

/// `GET /console/{slug}/settings`.
pub async fn view_settings(
    State(app): State<AppState>,
    c: ConsoleOrg<Owner>,
    Query(q): Query<DoneQuery>,
) -> Result<Response, PageError> {
    let t = c.me.t;
    let f = SettingsForm::of(&c.org);
    let mut p = page(&app, &c, f).await.or_page(t)?;
    p.done = q.done.as_deref().and_then(|d| match d {
        "profile" | "rotated" | "member" | "member-removed" | "token-revoked" => Some(t.t(&format!("design-done-{d}"))),
        _ => None,
    });
    render(&p).or_page(t)
}

/// `POST /console/{slug}/settings`: `action` = `profile`, `rotate`, `member`, `token` (create:
/// answers with the secret, once) or `token_revoke`.
pub async fn post_settings(
    State(app): State<AppState>,
    c: ConsoleOrg<Owner>,
    data: FormData,
) -> Result<Response, PageError> {
    let t = c.me.t;
    c.me.check_csrf(data.get("csrf")).or_page(t)?;
    let mut f = SettingsForm::of(&c.org);
    let result = match data.get("action") {
        "profile" => save_profile(&app, &c, &data, &mut f).await,
        "rotate" if data.checked("rotate_confirm") => orgs::rotate_key(&app.ctx, c.org.id).await.map(|_| "rotated"),
        "rotate" => Err(Error::invalid("rotate_confirm", "tick the box to confirm")),
        "member" => {
            f.v.insert("member_email", data.get("member_email").to_string());
            match Role::parse(data.get("member_role")) {
                Ok(role) => auth::set_member_by_email(&app.ctx, &c.actor(), c.org.id, data.get("member_email"), role)
                    .await
                    .map(|_| "member")
                    .map_err(|e| rename(e, "email", "member_email")),
                Err(e) => Err(rename(e, "role", "member_role")),
            }
        }
        "member_remove" => auth::remove_member_by_email(&app.ctx, &c.actor(), c.org.id, data.get("member_email"))
            .await
            .map(|()| "member-removed")
            .map_err(|e| rename(e, "email", "member_email")),
        "token" => {
            f.v.insert("token_name", data.get("token_name").to_string());
            match tokens::create(&app, &c, &data).await {
                Ok((token, secret)) => return tokens::created(&c, token, secret),
                Err(e) => Err(e),
            }
        }
        "token_revoke" => tokens::revoke(&app, &c, &data).await,
        _ => Err(Error::invalid("action", "unknown form")),
    };
    match result {
        Ok(done) => Ok(Redirect::to(&format!("/console/{}/settings?done={done}", c.org.slug)).into_response()),
        Err(e @ Error::Invalid { .. }) => {
            let id = match &e {
                Error::Invalid { field, .. } => field.clone(),
                _ => String::new(),
            };
            f.set_error(t, &id, &e);
            let p = page(&app, &c, f).await.or_page(t)?;
            Ok((StatusCode::BAD_REQUEST, render(&p).or_page(t)?).into_response())
        }
        Err(e) => Err(PageError::new(t, e)),
    }
}

/// Names a service error after the form's input.
fn rename(e: Error, from: &str, to: &str) -> Error {
    match e {
        Error::Invalid { field, message } if field == from => Error::invalid(to, message),
        other => other,
    }
}

async fn save_profile(
    app: &AppState,
    c: &ConsoleOrg<Owner>,
    data: &FormData,
    f: &mut SettingsForm,
) -> Result<&'static str, Error> {
    for k in profile_values(&c.org).into_keys() {
        f.v.insert(k, data.get(k).to_string());
    }
    f.suspension = data.checked("suspension_enabled");
    let image_url = match data.file("logo") {
        Some(bytes) => Some(Some(images::image_data_uri("logo", bytes)?)),
        None if data.checked("logo_remove") => Some(None),
        None => data.opt("logo_url").map(Some),
    };
    let address = Address {
        country_code: data.opt("country_code").map(|c| c.to_uppercase()),
        country: data.opt("country"),
        region: data.opt("region"),
        locality: data.opt("locality"),
        street: data.opt("street"),
        postal_code: data.opt("postal_code"),
    };
    let update = orgs::ProfileUpdate {
        name: Some(data.get("org_name").to_string()),
        url: Some(data.opt("org_url")),
        email: Some(data.opt("org_email")),
        description: Some(data.opt("org_description")),
        image_url,
        address: Some(address),
        suspension_enabled: Some(f.suspension),
    };
    orgs::update_profile(&app.ctx, c.org.id, update)
        .await
        .map(|_| "profile")
        .map_err(|e| rename(rename(e, "name", "org_name"), "address.country_code", "country_code"))
}
