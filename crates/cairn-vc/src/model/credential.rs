//! `OpenBadgeCredential` (alias `AchievementCredential`) and `EndorsementCredential`.
//!
//! Parsing and re-serializing keeps every member (unknown ones in `extra`) but writes the
//! multi-valued properties as arrays. That leaves RDF, and so `eddsa-rdfc-2022` proofs,
//! unchanged; a JCS-secured document must be verified from its original JSON.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::one_or_many::{OneOrMany, SingleOrArray};
use super::profile::{ImageRef, IssuerRef};
use super::subject::AchievementSubject;
use super::vc::{Context, CredentialSchema, CredentialStatus, Evidence, Proof, RefreshService, TermsOfUse};

/// An Open Badges 3.0 credential.
///
/// `valid_from` is optional only so that VCDM 1.1 credentials (`issuanceDate`) parse; OB 3.0
/// requires it. [`super::check_open_badge`] reports what is missing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OpenBadgeCredential {
    /// VC v2 first, OB 3.0.x second, extensions after.
    #[serde(rename = "@context")]
    pub context: Vec<Context>,
    /// Credential id (URI).
    pub id: String,
    /// Contains `VerifiableCredential` and `OpenBadgeCredential` (or `AchievementCredential`).
    #[serde(rename = "type", default, skip_serializing_if = "OneOrMany::is_empty")]
    pub type_: OneOrMany<String>,
    /// Display name for wallets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Display description for wallets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Display image for wallets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<ImageRef>,
    /// The issuer; Cairn embeds the profile.
    pub issuer: IssuerRef,
    /// Start of validity (dateTimeStamp, kept verbatim).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<String>,
    /// End of validity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<String>,
    /// VCDM 1.1 issuance date (read only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuance_date: Option<String>,
    /// VCDM 1.1 expiration date (read only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiration_date: Option<String>,
    /// Original award date, kept across re-issues.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub awarded_date: Option<String>,
    /// The recipient and the achievement.
    pub credential_subject: AchievementSubject,
    /// Embedded endorsements.
    #[serde(default, skip_serializing_if = "OneOrMany::is_empty")]
    pub endorsement: OneOrMany<EndorsementCredential>,
    /// Endorsements as compact JWS strings.
    #[serde(default, skip_serializing_if = "OneOrMany::is_empty")]
    pub endorsement_jwt: OneOrMany<String>,
    /// Evidence.
    #[serde(default, skip_serializing_if = "OneOrMany::is_empty")]
    pub evidence: OneOrMany<Evidence>,
    /// Schemas the credential claims to satisfy.
    #[serde(default, skip_serializing_if = "OneOrMany::is_empty")]
    pub credential_schema: OneOrMany<CredentialSchema>,
    /// Status entry (one object; two with Cairn's suspension option).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credential_status: Option<SingleOrArray<CredentialStatus>>,
    /// Refresh service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_service: Option<SingleOrArray<RefreshService>>,
    /// Terms of use.
    #[serde(default, skip_serializing_if = "OneOrMany::is_empty")]
    pub terms_of_use: OneOrMany<TermsOfUse>,
    /// Embedded proofs, written as an array (STANDARDS.md §1.5).
    #[serde(default, skip_serializing_if = "OneOrMany::is_empty")]
    pub proof: OneOrMany<Proof>,
    /// Any other member, unchanged.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Alias used by the OB specification's class name.
pub type AchievementCredential = OpenBadgeCredential;

impl OpenBadgeCredential {
    /// An unsigned credential with Cairn's contexts and `type`, and no optional members.
    pub fn new(
        id: impl Into<String>,
        issuer: IssuerRef,
        valid_from: impl Into<String>,
        credential_subject: AchievementSubject,
    ) -> Self {
        Self {
            context: vec![Context::from(super::vc::VC_V2_CONTEXT), Context::from(super::vc::OB_CONTEXT)],
            id: id.into(),
            type_: OneOrMany::of(&["VerifiableCredential", "OpenBadgeCredential"]),
            name: None,
            description: None,
            image: None,
            issuer,
            valid_from: Some(valid_from.into()),
            valid_until: None,
            issuance_date: None,
            expiration_date: None,
            awarded_date: None,
            credential_subject,
            endorsement: OneOrMany::default(),
            endorsement_jwt: OneOrMany::default(),
            evidence: OneOrMany::default(),
            credential_schema: OneOrMany::default(),
            credential_status: None,
            refresh_service: None,
            terms_of_use: OneOrMany::default(),
            proof: OneOrMany::default(),
            extra: Map::new(),
        }
    }
}

/// An OB `EndorsementCredential`: its own VC, verified recursively.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EndorsementCredential {
    /// VC v2 first, OB 3.0.x second.
    #[serde(rename = "@context")]
    pub context: Vec<Context>,
    /// Credential id.
    pub id: String,
    /// Contains `VerifiableCredential` and `EndorsementCredential`.
    #[serde(rename = "type", default, skip_serializing_if = "OneOrMany::is_empty")]
    pub type_: OneOrMany<String>,
    /// Name.
    pub name: String,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The endorsed entity and the comment.
    pub credential_subject: EndorsementSubject,
    /// Original award date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub awarded_date: Option<String>,
    /// The endorser.
    pub issuer: IssuerRef,
    /// Start of validity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<String>,
    /// End of validity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<String>,
    /// VCDM 1.1 issuance date (read only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuance_date: Option<String>,
    /// VCDM 1.1 expiration date (read only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiration_date: Option<String>,
    /// Schemas.
    #[serde(default, skip_serializing_if = "OneOrMany::is_empty")]
    pub credential_schema: OneOrMany<CredentialSchema>,
    /// Status entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credential_status: Option<SingleOrArray<CredentialStatus>>,
    /// Refresh service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_service: Option<SingleOrArray<RefreshService>>,
    /// Terms of use.
    #[serde(default, skip_serializing_if = "OneOrMany::is_empty")]
    pub terms_of_use: OneOrMany<TermsOfUse>,
    /// Embedded proofs.
    #[serde(default, skip_serializing_if = "OneOrMany::is_empty")]
    pub proof: OneOrMany<Proof>,
    /// Any other member, unchanged.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// OB `EndorsementSubject`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EndorsementSubject {
    /// Id of the endorsed Profile, Achievement or credential.
    pub id: String,
    /// Contains `EndorsementSubject`.
    #[serde(rename = "type", default, skip_serializing_if = "OneOrMany::is_empty")]
    pub type_: OneOrMany<String>,
    /// The endorser's comment (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endorsement_comment: Option<String>,
    /// Any other member, unchanged.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
