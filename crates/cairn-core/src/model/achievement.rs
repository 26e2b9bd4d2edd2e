use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::ids::{AchievementId, OrgId};
use crate::Error;

/// Cairn's badge kinds and the OB `achievementType` each maps to (STANDARDS.md §2.9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BadgeKind {
    /// A skill → `Competency`.
    Skill,
    /// Completion of a course → `CertificateOfCompletion`.
    Completion,
    /// A passed assessment → `Assessment`.
    Assessment,
    /// An EU micro-credential → `MicroCredential` (all eleven elements required).
    MicroCredential,
}

impl BadgeKind {
    /// The OB `achievementType`.
    pub fn achievement_type(self) -> &'static str {
        match self {
            BadgeKind::Skill => "Competency",
            BadgeKind::Completion => "CertificateOfCompletion",
            BadgeKind::Assessment => "Assessment",
            BadgeKind::MicroCredential => "MicroCredential",
        }
    }
}

/// An alignment to a skill or framework entry (`targetUrl` is what skills matching keys on).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlignmentInput {
    /// `targetName`.
    pub target_name: String,
    /// `targetUrl` (absolute URL).
    pub target_url: String,
    /// `targetCode`.
    #[serde(default)]
    pub target_code: Option<String>,
    /// `targetDescription`.
    #[serde(default)]
    pub target_description: Option<String>,
    /// `targetFramework`.
    #[serde(default)]
    pub target_framework: Option<String>,
    /// `targetType` (`ceasn:Competency`, `CFItem`, `ext:…`).
    #[serde(default)]
    pub target_type: Option<String>,
}

/// The EU micro-credential elements OB 3.0 lacks (Council Recommendation 2022/C 243/02),
/// signed under Cairn's extension context.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EuFields {
    /// Notional workload in ECTS credits.
    #[serde(default)]
    pub workload_ects: Option<f64>,
    /// Notional workload in hours.
    #[serde(default)]
    pub workload_hours: Option<f64>,
    /// EQF level 1–8.
    #[serde(default)]
    pub eqf_level: Option<u8>,
    /// Type of assessment (free text or an ELM concept URI).
    #[serde(default)]
    pub assessment_type: Option<String>,
    /// Form of participation: `online`, `onsite` or `blended`.
    #[serde(default)]
    pub participation_form: Option<String>,
    /// Type of quality assurance.
    #[serde(default)]
    pub quality_assurance: Option<String>,
    /// Prerequisites.
    #[serde(default)]
    pub prerequisites: Option<String>,
    /// Supervision and identity verification.
    #[serde(default)]
    pub supervision: Option<String>,
}

impl EuFields {
    /// Whether any element is set (only then is the extension context added).
    pub fn is_empty(&self) -> bool {
        self == &EuFields::default()
    }

    /// The elements a `MicroCredential` still lacks, by name.
    pub fn missing(&self) -> Vec<&'static str> {
        let mut m = Vec::new();
        if self.workload_ects.is_none() && self.workload_hours.is_none() {
            m.push("workload");
        }
        if self.eqf_level.is_none() {
            m.push("eqf_level");
        }
        if self.assessment_type.is_none() {
            m.push("assessment_type");
        }
        if self.participation_form.is_none() {
            m.push("participation_form");
        }
        if self.quality_assurance.is_none() {
            m.push("quality_assurance");
        }
        m
    }
}

/// What an issuer defines: every OB 3.0 `Achievement` field Cairn edits, plus taxonomy
/// and EU elements. `result_descriptions` and `extra` are passed through as OB JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AchievementDefinition {
    /// `name`.
    pub name: String,
    /// `description`.
    pub description: String,
    /// `criteria.narrative` (Markdown).
    #[serde(default)]
    pub criteria_narrative: Option<String>,
    /// `criteria.id` (URL of a human page).
    #[serde(default)]
    pub criteria_url: Option<String>,
    /// `image.id` (URL or `data:` URI of the unbaked artwork).
    #[serde(default)]
    pub image_url: Option<String>,
    /// Alt text for the image (`image.caption`).
    #[serde(default)]
    pub image_caption: Option<String>,
    /// The badge kind; sets `achievementType` unless `achievement_type` overrides it.
    pub kind: BadgeKind,
    /// Explicit `achievementType` (enumerated value or `ext:…`).
    #[serde(default)]
    pub achievement_type: Option<String>,
    /// `alignment`.
    #[serde(default)]
    pub alignments: Vec<AlignmentInput>,
    /// `tag`.
    #[serde(default)]
    pub tags: Vec<String>,
    /// `creditsAvailable`.
    #[serde(default)]
    pub credits_available: Option<f64>,
    /// `fieldOfStudy`.
    #[serde(default)]
    pub field_of_study: Option<String>,
    /// `humanCode`.
    #[serde(default)]
    pub human_code: Option<String>,
    /// `specialization`.
    #[serde(default)]
    pub specialization: Option<String>,
    /// `inLanguage` (BCP 47).
    #[serde(default)]
    pub in_language: Option<String>,
    /// `resultDescription` entries, as OB JSON.
    #[serde(default)]
    pub result_descriptions: Vec<serde_json::Value>,
    /// Taxonomy: category.
    #[serde(default)]
    pub category: Option<String>,
    /// Taxonomy: proficiency level.
    #[serde(default)]
    pub proficiency_level: Option<String>,
    /// Default validity of awards, in days (none: no expiry).
    #[serde(default)]
    pub validity_days: Option<u32>,
    /// Whether awards also get a suspension entry (needs the organisation's opt-in).
    #[serde(default)]
    pub suspendable: bool,
    /// EU micro-credential elements.
    #[serde(default)]
    pub eu: EuFields,
}

impl AchievementDefinition {
    /// Checks the rules a definition must keep, naming the field at fault.
    pub fn validate(&self) -> Result<(), Error> {
        if self.name.trim().is_empty() {
            return Err(Error::invalid("name", "must not be empty"));
        }
        if self.description.trim().is_empty() {
            return Err(Error::invalid("description", "must not be empty"));
        }
        if self.criteria_narrative.as_deref().is_none_or(|s| s.trim().is_empty()) && self.criteria_url.is_none() {
            return Err(Error::invalid("criteria_narrative", "criteria need a narrative or a URL"));
        }
        for (i, a) in self.alignments.iter().enumerate() {
            if !is_absolute_url(&a.target_url) {
                return Err(Error::invalid(format!("alignments[{i}].target_url"), "must be an absolute URL"));
            }
            if a.target_name.trim().is_empty() {
                return Err(Error::invalid(format!("alignments[{i}].target_name"), "must not be empty"));
            }
        }
        for (field, url) in [("criteria_url", &self.criteria_url), ("image_url", &self.image_url)] {
            if let Some(u) = url {
                if !is_absolute_url(u) && !u.starts_with("data:") {
                    return Err(Error::invalid(field, "must be an absolute URL"));
                }
            }
        }
        if let Some(level) = self.eu.eqf_level {
            if !(1..=8).contains(&level) {
                return Err(Error::invalid("eu.eqf_level", "must be 1 to 8"));
            }
        }
        if let Some(form) = &self.eu.participation_form {
            if !matches!(form.as_str(), "online" | "onsite" | "blended") {
                return Err(Error::invalid("eu.participation_form", "must be online, onsite or blended"));
            }
        }
        if self.kind == BadgeKind::MicroCredential {
            let missing = self.eu.missing();
            if !missing.is_empty() {
                return Err(Error::invalid(
                    "eu",
                    format!("a MicroCredential needs every EU element; missing: {}", missing.join(", ")),
                ));
            }
        }
        Ok(())
    }
}

fn is_absolute_url(s: &str) -> bool {
    (s.starts_with("https://") || s.starts_with("http://")) && s.len() > 8 && !s.contains(char::is_whitespace)
}

/// One version of an achievement. Editing after awards adds a version; credentials keep theirs.
#[derive(Debug, Clone, PartialEq)]
pub struct Achievement {
    /// Stable id (the OB `id` is `<base>/achievements/<id>`).
    pub id: AchievementId,
    /// Owner.
    pub org_id: OrgId,
    /// Version, from 1.
    pub version: i32,
    /// The definition.
    pub definition: AchievementDefinition,
    /// When this version was created.
    pub created_at: OffsetDateTime,
}
