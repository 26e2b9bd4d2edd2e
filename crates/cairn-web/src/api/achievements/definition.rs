//! The wire form of an achievement definition. It mirrors
//! `cairn_core::model::AchievementDefinition` field for field (the conversions are exhaustive
//! struct literals, so the two cannot drift apart without a compile error) and carries the
//! OpenAPI schema the domain type must not know about.

use cairn_core::model::{AchievementDefinition, AlignmentInput, BadgeKind, EuFields};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Cairn's badge kinds; each sets the OB `achievementType` unless `achievement_type` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = BadgeKind)]
pub enum BadgeKindDto {
    /// `Competency`.
    Skill,
    /// `CertificateOfCompletion`.
    Completion,
    /// `Assessment`.
    Assessment,
    /// `MicroCredential` (every EU element required).
    MicroCredential,
}

/// An alignment to a skill or framework entry.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = Alignment)]
pub struct AlignmentDto {
    /// `targetName`.
    pub target_name: String,
    /// `targetUrl` (absolute URL).
    pub target_url: String,
    /// `targetCode`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_code: Option<String>,
    /// `targetDescription`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_description: Option<String>,
    /// `targetFramework`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_framework: Option<String>,
    /// `targetType` (`ceasn:Competency`, `CFItem`, `ext:…`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_type: Option<String>,
}

/// The EU micro-credential elements OB 3.0 lacks (Council Recommendation 2022/C 243/02).
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = EuFields)]
pub struct EuFieldsDto {
    /// Notional workload in ECTS credits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workload_ects: Option<f64>,
    /// Notional workload in hours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workload_hours: Option<f64>,
    /// EQF level, 1 to 8.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eqf_level: Option<u8>,
    /// Type of assessment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment_type: Option<String>,
    /// `online`, `onsite` or `blended`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participation_form: Option<String>,
    /// Type of quality assurance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quality_assurance: Option<String>,
    /// Prerequisites.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prerequisites: Option<String>,
    /// Supervision and identity verification.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supervision: Option<String>,
}

/// An achievement definition: every OB 3.0 `Achievement` field Cairn edits, the taxonomy and
/// the EU elements. The request body of `POST …/achievements`; `PATCH` takes a JSON merge
/// patch (RFC 7396) of it.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = AchievementDefinition)]
pub struct AchievementDefinitionDto {
    /// `name`.
    pub name: String,
    /// `description`.
    pub description: String,
    /// `criteria.narrative` (Markdown); a narrative or `criteria_url` is required.
    #[serde(default)]
    pub criteria_narrative: Option<String>,
    /// `criteria.id`: URL of a human-readable page.
    #[serde(default)]
    pub criteria_url: Option<String>,
    /// `image.id`: URL or `data:` URI of the artwork.
    #[serde(default)]
    pub image_url: Option<String>,
    /// `image.caption` (alt text).
    #[serde(default)]
    pub image_caption: Option<String>,
    /// The badge kind.
    pub kind: BadgeKindDto,
    /// Explicit `achievementType` (an enumerated value or `ext:…`).
    #[serde(default)]
    pub achievement_type: Option<String>,
    /// `alignment`.
    #[serde(default)]
    pub alignments: Vec<AlignmentDto>,
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
    /// `resultDescription` entries, as OB 3.0 JSON.
    #[serde(default)]
    #[schema(value_type = Vec<Object>)]
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
    /// Awards also get a suspension entry (needs the organisation's `suspension_enabled`).
    #[serde(default)]
    pub suspendable: bool,
    /// EU micro-credential elements.
    #[serde(default)]
    pub eu: EuFieldsDto,
}

impl From<BadgeKindDto> for BadgeKind {
    fn from(k: BadgeKindDto) -> Self {
        match k {
            BadgeKindDto::Skill => BadgeKind::Skill,
            BadgeKindDto::Completion => BadgeKind::Completion,
            BadgeKindDto::Assessment => BadgeKind::Assessment,
            BadgeKindDto::MicroCredential => BadgeKind::MicroCredential,
        }
    }
}

impl From<BadgeKind> for BadgeKindDto {
    fn from(k: BadgeKind) -> Self {
        match k {
            BadgeKind::Skill => BadgeKindDto::Skill,
            BadgeKind::Completion => BadgeKindDto::Completion,
            BadgeKind::Assessment => BadgeKindDto::Assessment,
            BadgeKind::MicroCredential => BadgeKindDto::MicroCredential,
        }
    }
}

impl From<AlignmentDto> for AlignmentInput {
    fn from(a: AlignmentDto) -> Self {
        AlignmentInput {
            target_name: a.target_name,
            target_url: a.target_url,
            target_code: a.target_code,
            target_description: a.target_description,
            target_framework: a.target_framework,
            target_type: a.target_type,
        }
    }
}

impl From<AlignmentInput> for AlignmentDto {
    fn from(a: AlignmentInput) -> Self {
        AlignmentDto {
            target_name: a.target_name,
            target_url: a.target_url,
            target_code: a.target_code,
            target_description: a.target_description,
            target_framework: a.target_framework,
            target_type: a.target_type,
        }
    }
}

impl From<EuFieldsDto> for EuFields {
    fn from(e: EuFieldsDto) -> Self {
        EuFields {
            workload_ects: e.workload_ects,
            workload_hours: e.workload_hours,
            eqf_level: e.eqf_level,
            assessment_type: e.assessment_type,
            participation_form: e.participation_form,
            quality_assurance: e.quality_assurance,
            prerequisites: e.prerequisites,
            supervision: e.supervision,
        }
    }
}

impl From<EuFields> for EuFieldsDto {
    fn from(e: EuFields) -> Self {
        EuFieldsDto {
            workload_ects: e.workload_ects,
            workload_hours: e.workload_hours,
            eqf_level: e.eqf_level,
            assessment_type: e.assessment_type,
            participation_form: e.participation_form,
            quality_assurance: e.quality_assurance,
            prerequisites: e.prerequisites,
            supervision: e.supervision,
        }
    }
}

impl From<AchievementDefinitionDto> for AchievementDefinition {
    fn from(d: AchievementDefinitionDto) -> Self {
        AchievementDefinition {
            name: d.name,
            description: d.description,
            criteria_narrative: d.criteria_narrative,
            criteria_url: d.criteria_url,
            image_url: d.image_url,
            image_caption: d.image_caption,
            kind: d.kind.into(),
            achievement_type: d.achievement_type,
            alignments: d.alignments.into_iter().map(Into::into).collect(),
            tags: d.tags,
            credits_available: d.credits_available,
            field_of_study: d.field_of_study,
            human_code: d.human_code,
            specialization: d.specialization,
            in_language: d.in_language,
            result_descriptions: d.result_descriptions,
            category: d.category,
            proficiency_level: d.proficiency_level,
            validity_days: d.validity_days,
            suspendable: d.suspendable,
            eu: d.eu.into(),
        }
    }
}

impl From<AchievementDefinition> for AchievementDefinitionDto {
    fn from(d: AchievementDefinition) -> Self {
        AchievementDefinitionDto {
            name: d.name,
            description: d.description,
            criteria_narrative: d.criteria_narrative,
            criteria_url: d.criteria_url,
            image_url: d.image_url,
            image_caption: d.image_caption,
            kind: d.kind.into(),
            achievement_type: d.achievement_type,
            alignments: d.alignments.into_iter().map(Into::into).collect(),
            tags: d.tags,
            credits_available: d.credits_available,
            field_of_study: d.field_of_study,
            human_code: d.human_code,
            specialization: d.specialization,
            in_language: d.in_language,
            result_descriptions: d.result_descriptions,
            category: d.category,
            proficiency_level: d.proficiency_level,
            validity_days: d.validity_days,
            suspendable: d.suspendable,
            eu: d.eu.into(),
        }
    }
}
