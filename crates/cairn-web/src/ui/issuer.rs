//! The public page of an issuer (`/issuers/{slug}` for browsers): its profile (name, logo,
//! description, web site, email, address), the achievements it publishes, and what verifiers
//! use: the issuer id, the profile and DID addresses and the public keys (retired keys stay
//! listed so what they signed still verifies). The handler lives in `crate::public::issuers`
//! (content negotiation).

use askama::Template;
use cairn_core::model::Organization;
use cairn_core::service::{self, Ctx};
use cairn_core::Error;

use super::Nav;
use crate::public::views::{is_web_url, Meta};

/// An achievement in the issuer's list.
pub struct AchievementLink {
    /// Name.
    pub name: String,
    /// Its public page.
    pub url: String,
    /// Its description, shortened.
    pub description: String,
}

/// A published key.
pub struct KeyView {
    /// `z6Mk…`.
    pub multibase: String,
    /// Still signs (else kept to verify what it signed).
    pub active: bool,
}

/// `ui/issuer/page.html`.
#[derive(Template)]
#[template(path = "ui/issuer/page.html")]
pub struct IssuerPage {
    /// Layout.
    pub nav: Nav,
    /// Link preview fields (`image` empty without a logo at a web address).
    pub meta: Meta,
    /// Name.
    pub name: String,
    /// Description.
    pub description: Option<String>,
    /// Home page (web URLs only).
    pub url: Option<String>,
    /// Contact email.
    pub email: Option<String>,
    /// Logo (`src`): web URL or image `data:` URI.
    pub logo: Option<String>,
    /// Address, one line.
    pub address: Option<String>,
    /// The issuer id (HTTPS), which is also this page's address.
    pub issuer_id: String,
    /// The did:web identifier.
    pub did: String,
    /// Published achievements.
    pub achievements: Vec<AchievementLink>,
    /// Keys.
    pub keys: Vec<KeyView>,
    /// `/issuers/{slug}/profile`.
    pub profile_url: String,
    /// `/issuers/{slug}/did.json`.
    pub did_url: String,
}

/// Builds an issuer's page.
pub async fn issuer_page(ctx: &Ctx, nav: Nav, org: &Organization) -> Result<IssuerPage, Error> {
    let t = nav.t;
    let issuer_id = ctx.issuer_id(org.slug.as_str());
    let achievements = service::public::achievements_of(ctx, org)
        .await?
        .into_iter()
        .map(|a| AchievementLink {
            url: ctx.achievement_url(a.id),
            description: shorten(&a.definition.description, 160),
            name: a.definition.name,
        })
        .collect();
    let keys = service::public::public_keys(ctx, org)
        .await?
        .into_iter()
        .map(|(multibase, active)| KeyView { multibase, active })
        .collect();
    let a = &org.address;
    let country = a.country.as_ref().or(a.country_code.as_ref());
    let address: Vec<&str> = [&a.street, &a.postal_code, &a.locality, &a.region]
        .into_iter()
        .flatten()
        .chain(country)
        .map(String::as_str)
        .collect();
    let logo = org.image_url.clone().filter(|u| is_web_url(u) || u.starts_with("data:image/"));
    Ok(IssuerPage {
        meta: Meta {
            title: org.name.clone(),
            description: shorten(
                &org.description.clone().unwrap_or_else(|| t.n("issuer-meta-description", "name", org.name.as_str())),
                200,
            ),
            image: logo.clone().filter(|u| is_web_url(u)).unwrap_or_default(),
            url: issuer_id.clone(),
        },
        name: org.name.clone(),
        description: org.description.clone().filter(|d| !d.trim().is_empty()),
        url: org.url.clone().filter(|u| is_web_url(u)),
        email: org.email.clone().filter(|e| e.contains('@')),
        logo,
        address: (!address.is_empty()).then(|| address.join(", ")),
        did: service::public::did_web_id(ctx, org.slug.as_str()),
        profile_url: format!("{issuer_id}/profile"),
        did_url: format!("{issuer_id}/did.json"),
        issuer_id,
        achievements,
        keys,
        nav,
    })
}

/// At most `max` characters, with an ellipsis when cut.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}
