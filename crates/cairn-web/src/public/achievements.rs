//! `GET /achievements/{id}[?version=N]`: the OB 3.0 `Achievement` (JSON) or its page.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use cairn_core::ids::AchievementId;
use cairn_core::model::{Achievement, Organization};
use cairn_core::service::{self, Ctx};
use serde::Deserialize;
use serde_json::Value;

use super::views::{image_of, is_web_url, text, ImageView, Meta};
use super::{json_document, negotiate, page, parse_id, vary_accept, LD_JSON};
use crate::{ApiError, AppState};

/// Query of an achievement URL.
#[derive(Debug, Deserialize)]
pub struct VersionQuery {
    /// A version (default: the latest).
    pub version: Option<i32>,
}

/// An alignment, for people.
pub struct AlignmentView {
    /// `targetName`.
    pub name: String,
    /// `targetUrl` (web URLs only).
    pub url: Option<String>,
    /// `targetFramework` and `targetCode`.
    pub detail: Option<String>,
}

/// `achievement.html`.
#[derive(Template)]
#[template(path = "achievement.html")]
pub struct AchievementPage {
    /// Link preview fields.
    pub meta: Meta,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Criteria narrative.
    pub criteria: Option<String>,
    /// Criteria page.
    pub criteria_url: Option<String>,
    /// Artwork.
    pub image: Option<ImageView>,
    /// `achievementType`.
    pub achievement_type: Option<String>,
    /// Issuer.
    pub issuer_name: String,
    /// Issuer page.
    pub issuer_url: String,
    /// Facts (label, value): credits, field of study, EU elements…
    pub facts: Vec<(String, String)>,
    /// Alignments.
    pub alignments: Vec<AlignmentView>,
    /// Tags.
    pub tags: Vec<String>,
    /// This version.
    pub version: i32,
}

/// JSON clients get the OB `Achievement` with its contexts; browsers a page.
pub async fn get_achievement(
    State(app): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<VersionQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let id: AchievementId = parse_id(&id, "achievement")?;
    let (achievement, org, doc) = service::public::achievement_document(&app.ctx, id, q.version).await?;
    if negotiate::wants_html(&headers) {
        return page(&achievement_page(&app.ctx, &achievement, &org, &doc));
    }
    Ok(vary_accept(json_document(LD_JSON, &doc)?))
}

fn achievement_page(ctx: &Ctx, a: &Achievement, org: &Organization, doc: &Value) -> AchievementPage {
    let d = &a.definition;
    let issuer = &org.name;
    let mut facts: Vec<(String, String)> = Vec::new();
    let mut fact = |label: &str, value: Option<String>| {
        if let Some(v) = value {
            facts.push((label.to_string(), v));
        }
    };
    fact("Credits", d.credits_available.map(|c| c.to_string()));
    fact("Field of study", d.field_of_study.clone());
    fact("Code", d.human_code.clone());
    fact("Specialization", d.specialization.clone());
    fact("Category", d.category.clone());
    fact("Proficiency level", d.proficiency_level.clone());
    fact("Workload (ECTS)", d.eu.workload_ects.map(|c| c.to_string()));
    fact("Workload (hours)", d.eu.workload_hours.map(|c| c.to_string()));
    fact("EQF level", d.eu.eqf_level.map(|c| c.to_string()));
    fact("Assessment", d.eu.assessment_type.clone());
    fact("Form of participation", d.eu.participation_form.clone());
    fact("Quality assurance", d.eu.quality_assurance.clone());
    fact("Prerequisites", d.eu.prerequisites.clone());
    fact("Supervision and identity checks", d.eu.supervision.clone());
    let alignments = match doc.get("alignment") {
        Some(Value::Array(items)) => items
            .iter()
            .map(|al| AlignmentView {
                name: text(al, "targetName").unwrap_or_default(),
                url: text(al, "targetUrl").filter(|u| is_web_url(u)),
                detail: match (text(al, "targetFramework"), text(al, "targetCode")) {
                    (Some(f), Some(c)) => Some(format!("{f}, {c}")),
                    (f, c) => f.or(c),
                },
            })
            .collect(),
        _ => Vec::new(),
    };
    let url = ctx.achievement_url(a.id);
    AchievementPage {
        meta: Meta {
            title: format!("{} — {issuer}", d.name),
            description: d.description.chars().take(200).collect(),
            image: d.image_url.clone().filter(|u| is_web_url(u)).unwrap_or_default(),
            url,
        },
        name: d.name.clone(),
        description: d.description.clone(),
        criteria: d.criteria_narrative.clone(),
        criteria_url: d.criteria_url.clone().filter(|u| is_web_url(u)),
        image: image_of(doc).map(|src| ImageView {
            src,
            alt: d.image_caption.clone().unwrap_or_else(|| format!("Badge image: {}", d.name)),
        }),
        achievement_type: text(doc, "achievementType"),
        issuer_name: issuer.to_string(),
        issuer_url: ctx.issuer_id(org.slug.as_str()),
        facts,
        alignments,
        tags: d.tags.clone(),
        version: a.version,
    }
}
