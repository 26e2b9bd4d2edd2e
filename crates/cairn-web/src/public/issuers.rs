//! `GET /issuers/{slug}` (controller document or page), `/issuers/{slug}/profile` (the OB
//! Profile) and `/issuers/{slug}/did.json` (the did:web DID document).

use askama::Template;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use cairn_core::model::Organization;
use cairn_core::service::{self, Ctx};
use cairn_core::Error;

use super::views::{is_web_url, ImageView, Meta};
use super::{json_document, negotiate, page, vary_accept, LD_JSON};
use crate::{ApiError, AppState};

/// `application/did+ld+json`: DID documents.
const DID_LD_JSON: &str = "application/did+ld+json";

/// An achievement in the issuer's list.
pub struct AchievementLink {
    /// Name.
    pub name: String,
    /// Its public page.
    pub url: String,
}

/// A published key.
pub struct KeyView {
    /// `z6Mk…`.
    pub multibase: String,
    /// Still signs (else kept to verify what it signed).
    pub active: bool,
}

/// `issuer.html`.
#[derive(Template)]
#[template(path = "issuer.html")]
pub struct IssuerPage {
    /// Link preview fields.
    pub meta: Meta,
    /// Name.
    pub name: String,
    /// Description.
    pub description: Option<String>,
    /// Home page.
    pub url: Option<String>,
    /// Contact email.
    pub email: Option<String>,
    /// Logo.
    pub image: Option<ImageView>,
    /// Address, one line.
    pub address: Option<String>,
    /// The issuer id (HTTPS).
    pub issuer_id: String,
    /// The did:web identifier.
    pub did: String,
    /// Achievements.
    pub achievements: Vec<AchievementLink>,
    /// Keys.
    pub keys: Vec<KeyView>,
    /// `/issuers/{slug}/profile`.
    pub profile_url: String,
    /// `/issuers/{slug}/did.json`.
    pub did_url: String,
}

/// JSON clients: the controller document (see `service::public::issuer_document` for the
/// verifier-core compatibility fields). Browsers: the issuer's page.
pub async fn get_issuer(
    State(app): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let org = service::public::org_by_slug(&app.ctx, &slug).await?;
    if negotiate::wants_html(&headers) {
        return page(&issuer_page(&app.ctx, &org).await?);
    }
    let doc = service::public::issuer_document(&app.ctx, &org).await?;
    Ok(vary_accept(json_document(LD_JSON, &doc)?))
}

/// The issuer's OB 3.0 `Profile`, with its own `@context`.
pub async fn get_profile(State(app): State<AppState>, Path(slug): Path<String>) -> Result<Response, ApiError> {
    let org = service::public::org_by_slug(&app.ctx, &slug).await?;
    json_document(LD_JSON, &service::public::profile_document(&app.ctx, &org))
}

/// The did:web DID document of `did:web:<host>:issuers:<slug>`, every key.
pub async fn get_did_document(State(app): State<AppState>, Path(slug): Path<String>) -> Result<Response, ApiError> {
    let org = service::public::org_by_slug(&app.ctx, &slug).await?;
    json_document(DID_LD_JSON, &service::public::did_document(&app.ctx, &org).await?)
}

async fn issuer_page(ctx: &Ctx, org: &Organization) -> Result<IssuerPage, Error> {
    let issuer_id = ctx.issuer_id(org.slug.as_str());
    let achievements = service::public::achievements_of(ctx, org)
        .await?
        .into_iter()
        .map(|a| AchievementLink { name: a.definition.name, url: ctx.achievement_url(a.id) })
        .collect();
    let keys = service::public::public_keys(ctx, org)
        .await?
        .into_iter()
        .map(|(multibase, active)| KeyView { multibase, active })
        .collect();
    let a = &org.address;
    let address: Vec<&str> = [&a.street, &a.postal_code, &a.locality, &a.region, &a.country]
        .into_iter()
        .filter_map(|p| p.as_deref())
        .collect();
    Ok(IssuerPage {
        meta: Meta {
            title: org.name.clone(),
            description: org.description.clone().unwrap_or_else(|| format!("Badges issued by {}", org.name)),
            image: org.image_url.clone().filter(|u| is_web_url(u)).unwrap_or_default(),
            url: issuer_id.clone(),
        },
        name: org.name.clone(),
        description: org.description.clone(),
        url: org.url.clone().filter(|u| is_web_url(u)),
        email: org.email.clone(),
        image: org
            .image_url
            .clone()
            .filter(|u| is_web_url(u) || u.starts_with("data:image/"))
            .map(|src| ImageView { src, alt: format!("Logo of {}", org.name) }),
        address: (!address.is_empty()).then(|| address.join(", ")),
        did: service::public::did_web_id(ctx, org.slug.as_str()),
        profile_url: format!("{issuer_id}/profile"),
        did_url: format!("{issuer_id}/did.json"),
        issuer_id,
        achievements,
        keys,
    })
}
