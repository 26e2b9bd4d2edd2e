//! OB `AchievementSubject` (the recipient and what they achieved) and `Result`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::achievement::{Achievement, Alignment};
use super::identity::IdentityObject;
use super::one_or_many::{float, OneOrMany};
use super::profile::{ImageRef, Profile};

/// OB `AchievementSubject`: `id` and/or `identifier` must be present.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AchievementSubject {
    /// Recipient id, typically the holder's DID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Contains `AchievementSubject`.
    #[serde(rename = "type", default, skip_serializing_if = "OneOrMany::is_empty")]
    pub type_: OneOrMany<String>,
    /// When the activity started (date-time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity_start_date: Option<String>,
    /// When the activity ended (date-time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity_end_date: Option<String>,
    /// Credits earned.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "float::serialize_option")]
    pub credits_earned: Option<f64>,
    /// The achievement.
    pub achievement: Achievement,
    /// Identity objects of the recipient (e.g. a hashed e-mail address).
    #[serde(default, skip_serializing_if = "OneOrMany::is_empty")]
    pub identifier: OneOrMany<IdentityObject>,
    /// URL of the baked image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<ImageRef>,
    /// License number issued with the credential.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license_number: Option<String>,
    /// Markdown narrative connecting pieces of evidence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub narrative: Option<String>,
    /// Results (grades, rubric levels, status).
    #[serde(default, skip_serializing_if = "OneOrMany::is_empty")]
    pub result: OneOrMany<AchievementResult>,
    /// Role of the learner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Body that assessed on the issuer's behalf.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Profile>,
    /// Academic term.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<String>,
    /// Any other member, unchanged.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl AchievementSubject {
    /// A subject for `achievement`, with `type: ["AchievementSubject"]`; set `id` or
    /// `identifier` before use.
    pub fn new(achievement: Achievement) -> Self {
        Self { type_: OneOrMany::of(&["AchievementSubject"]), achievement, ..Self::default() }
    }
}

/// OB `Result` (named to avoid clashing with `std::result::Result`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AchievementResult {
    /// Contains `Result`.
    #[serde(rename = "type", default, skip_serializing_if = "OneOrMany::is_empty")]
    pub type_: OneOrMany<String>,
    /// Id of the achieved `RubricCriterionLevel`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub achieved_level: Option<String>,
    /// Alignments.
    #[serde(default, skip_serializing_if = "OneOrMany::is_empty")]
    pub alignment: OneOrMany<Alignment>,
    /// Id of a `ResultDescription` of the same achievement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result_description: Option<String>,
    /// One of [`super::RESULT_STATUSES`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// The value (grade, score, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Any other member, unchanged.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
