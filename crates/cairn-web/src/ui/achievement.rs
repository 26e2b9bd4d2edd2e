//! The public page of one achievement (`/achievements/{id}[?version=N]` for browsers): what
//! the badge certifies and how it is earned, its skills and frameworks, its details, the EU
//! micro-credential elements in plain words with their units, and what results it records;
//! Open Graph and Twitter card tags so a shared link shows it. The handler lives in
//! `crate::public::achievements` (content negotiation); the wording of each detail lives in
//! [`details`].

pub mod details;

use askama::Template;
use cairn_core::model::{Achievement, Organization};
use cairn_core::service::Ctx;
use serde_json::Value;

use super::credential::summary::{Fact, Linked};
use super::Nav;
use crate::public::views::{image_of, is_web_url, text, Meta};
use details::ResultView;

/// `ui/achievement/page.html`.
#[derive(Template)]
#[template(path = "ui/achievement/page.html")]
pub struct AchievementPage {
    /// Layout.
    pub nav: Nav,
    /// Link preview fields (`image` empty when the artwork is not at a web address).
    pub meta: Meta,
    /// Name (also the artwork's text alternative).
    pub name: String,
    /// Description.
    pub description: String,
    /// Artwork (`src`), web URL or image `data:` URI.
    pub image: Option<String>,
    /// Issuer, linked to its page.
    pub issuer: Linked,
    /// Criteria narrative.
    pub criteria: Option<String>,
    /// Criteria page.
    pub criteria_url: Option<String>,
    /// Alignments (skills, frameworks); `note` holds framework · code.
    pub alignments: Vec<AlignmentView>,
    /// Tags.
    pub tags: Vec<String>,
    /// Type, badge kind, taxonomy, field of study, credits, code…
    pub details: Vec<Fact>,
    /// The EU micro-credential elements, in words with their units.
    pub eu: Vec<Fact>,
    /// What an award records (`resultDescription`).
    pub results: Vec<ResultView>,
    /// This version.
    pub version: i32,
    /// The page's address (the JSON-LD document at the same address).
    pub url: String,
}

/// An alignment, for people.
pub struct AlignmentView {
    /// `targetName`, linked to `targetUrl` when it is a web address.
    pub target: Linked,
    /// `targetDescription`.
    pub description: Option<String>,
}

/// Builds the page of one version of an achievement; `doc` is its OB JSON.
pub fn achievement_page(ctx: &Ctx, nav: Nav, a: &Achievement, org: &Organization, doc: &Value) -> AchievementPage {
    let t = nav.t;
    let d = &a.definition;
    let url = ctx.achievement_url(a.id);
    let image = image_of(doc);
    let alignments = d
        .alignments
        .iter()
        .map(|al| {
            let note = [al.target_framework.clone(), al.target_code.clone()].into_iter().flatten().collect::<Vec<_>>();
            AlignmentView {
                target: Linked {
                    text: al.target_name.clone(),
                    url: Some(al.target_url.clone()).filter(|u| is_web_url(u)),
                    note: (!note.is_empty()).then(|| note.join(" · ")),
                },
                description: al.target_description.clone(),
            }
        })
        .collect();
    AchievementPage {
        meta: Meta {
            title: format!("{} — {}", d.name, org.name),
            description: super::issuer::shorten(&d.description, 200),
            image: image.clone().filter(|u| is_web_url(u)).unwrap_or_default(),
            url: url.clone(),
        },
        name: d.name.clone(),
        description: d.description.clone(),
        image,
        issuer: Linked { text: org.name.clone(), url: Some(ctx.issuer_id(org.slug.as_str())), note: None },
        criteria: d.criteria_narrative.clone().filter(|c| !c.trim().is_empty()),
        criteria_url: d.criteria_url.clone().filter(|u| is_web_url(u)),
        alignments,
        tags: d.tags.clone(),
        details: details::details(t, d, text(doc, "achievementType").as_deref()),
        eu: details::eu_elements(t, &d.eu),
        results: d.result_descriptions.iter().filter_map(|r| details::result(t, r)).collect(),
        version: a.version,
        url,
        nav,
    }
}
