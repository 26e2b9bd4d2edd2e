//! OB `Achievement` (the "badge class") and the objects it describes results with.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::credential::EndorsementCredential;
use super::one_or_many::{float, OneOrMany};
use super::profile::{IdentifierEntry, ImageRef, Profile};

/// OB `Achievement`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Achievement {
    /// Stable URL, e.g. `https://<host>/achievements/<uuid>`.
    pub id: String,
    /// Contains `Achievement`.
    #[serde(rename = "type", default, skip_serializing_if = "OneOrMany::is_empty")]
    pub type_: OneOrMany<String>,
    /// Competencies, skills or frameworks this achievement aligns to.
    #[serde(default, skip_serializing_if = "OneOrMany::is_empty")]
    pub alignment: OneOrMany<Alignment>,
    /// One of [`super::ACHIEVEMENT_TYPES`] or an `ext:` term.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub achievement_type: Option<String>,
    /// The profile that created the achievement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creator: Option<Profile>,
    /// Credit hours available.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "float::serialize_option")]
    pub credits_available: Option<f64>,
    /// How the achievement is earned.
    pub criteria: Criteria,
    /// Description.
    pub description: String,
    /// Embedded endorsements of this achievement.
    #[serde(default, skip_serializing_if = "OneOrMany::is_empty")]
    pub endorsement: OneOrMany<EndorsementCredential>,
    /// Endorsements as compact JWS strings.
    #[serde(default, skip_serializing_if = "OneOrMany::is_empty")]
    pub endorsement_jwt: OneOrMany<String>,
    /// Field of study.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field_of_study: Option<String>,
    /// Human-readable code (e.g. a course code).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub human_code: Option<String>,
    /// The unbaked artwork.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<ImageRef>,
    /// BCP 47 language of the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_language: Option<String>,
    /// Name.
    pub name: String,
    /// Other identifiers.
    #[serde(default, skip_serializing_if = "OneOrMany::is_empty")]
    pub other_identifier: OneOrMany<IdentifierEntry>,
    /// The same achievement in another language or version.
    #[serde(default, skip_serializing_if = "OneOrMany::is_empty")]
    pub related: OneOrMany<Related>,
    /// Results that can be reported for this achievement.
    #[serde(default, skip_serializing_if = "OneOrMany::is_empty")]
    pub result_description: OneOrMany<ResultDescription>,
    /// Specialization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub specialization: Option<String>,
    /// Keywords.
    #[serde(default, skip_serializing_if = "OneOrMany::is_empty")]
    pub tag: OneOrMany<String>,
    /// Version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Any other member, unchanged.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Achievement {
    /// An achievement with the required members and `type: ["Achievement"]`.
    pub fn new(
        id: impl Into<String>,
        name: impl Into<String>,
        description: impl Into<String>,
        criteria: Criteria,
    ) -> Self {
        Self {
            id: id.into(),
            type_: OneOrMany::of(&["Achievement"]),
            name: name.into(),
            description: description.into(),
            criteria,
            ..Self::default()
        }
    }
}

/// OB `Criteria`: a page (`id`) and/or a Markdown `narrative`; at least one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Criteria {
    /// URL of a human-readable criteria page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Markdown narrative.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub narrative: Option<String>,
    /// Any other member, unchanged.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Criteria {
    /// Criteria given as a Markdown narrative.
    pub fn narrative(text: impl Into<String>) -> Self {
        Self { narrative: Some(text.into()), ..Self::default() }
    }
}

/// OB `Alignment`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Alignment {
    /// Contains `Alignment`.
    #[serde(rename = "type", default, skip_serializing_if = "OneOrMany::is_empty")]
    pub type_: OneOrMany<String>,
    /// Code of the target in its framework.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_code: Option<String>,
    /// Description of the target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_description: Option<String>,
    /// Name of the target.
    pub target_name: String,
    /// Name of the framework.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_framework: Option<String>,
    /// One of [`super::ALIGNMENT_TARGET_TYPES`] or an `ext:` term.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_type: Option<String>,
    /// URL of the target (ESCO, O*NET, CASE, CTDL URI).
    pub target_url: String,
    /// Any other member, unchanged.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// OB `Related`: the same achievement in another language or version.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Related {
    /// Id of the related achievement.
    pub id: String,
    /// Contains `Related`.
    #[serde(rename = "type", default, skip_serializing_if = "OneOrMany::is_empty")]
    pub type_: OneOrMany<String>,
    /// BCP 47 language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_language: Option<String>,
    /// Version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Any other member, unchanged.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// OB `ResultDescription`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResultDescription {
    /// Id, referenced by `Result.resultDescription`.
    pub id: String,
    /// Contains `ResultDescription`.
    #[serde(rename = "type", default, skip_serializing_if = "OneOrMany::is_empty")]
    pub type_: OneOrMany<String>,
    /// Alignments of this result.
    #[serde(default, skip_serializing_if = "OneOrMany::is_empty")]
    pub alignment: OneOrMany<Alignment>,
    /// Ordered allowed values (`@list`: the order is signed).
    #[serde(default, skip_serializing_if = "OneOrMany::is_empty")]
    pub allowed_value: OneOrMany<String>,
    /// Name.
    pub name: String,
    /// Id of the required `RubricCriterionLevel`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required_level: Option<String>,
    /// Required value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required_value: Option<String>,
    /// One of [`super::RESULT_TYPES`] or an `ext:` term.
    pub result_type: String,
    /// Ordered rubric levels (`@list`).
    #[serde(default, skip_serializing_if = "OneOrMany::is_empty")]
    pub rubric_criterion_level: OneOrMany<RubricCriterionLevel>,
    /// Maximum value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_max: Option<String>,
    /// Minimum value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_min: Option<String>,
    /// Any other member, unchanged.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// OB `RubricCriterionLevel`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RubricCriterionLevel {
    /// Id, referenced by `Result.achievedLevel`.
    pub id: String,
    /// Contains `RubricCriterionLevel`.
    #[serde(rename = "type", default, skip_serializing_if = "OneOrMany::is_empty")]
    pub type_: OneOrMany<String>,
    /// Alignments of this level.
    #[serde(default, skip_serializing_if = "OneOrMany::is_empty")]
    pub alignment: OneOrMany<Alignment>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Level label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// Name.
    pub name: String,
    /// Points.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<String>,
    /// Any other member, unchanged.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
