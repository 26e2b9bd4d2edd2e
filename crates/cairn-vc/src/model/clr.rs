//! CLR 2.0 `ClrCredential`: a signed bundle of component credentials (STANDARDS.md §9).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::achievement::Achievement;
use super::credential::{EndorsementCredential, OpenBadgeCredential};
use super::identity::IdentityObject;
use super::one_or_many::{OneOrMany, SingleOrArray};
use super::profile::{ImageRef, IssuerRef};
use super::vc::{Context, CredentialSchema, CredentialStatus, Evidence, Proof, RefreshService, TermsOfUse};

/// A CLR 2.0 credential.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClrCredential {
    /// VC v2, CLR 2.0.1, OB 3.0.3 (then extensions).
    #[serde(rename = "@context")]
    pub context: Vec<Context>,
    /// Credential id.
    pub id: String,
    /// Contains `VerifiableCredential` and `ClrCredential`.
    #[serde(rename = "type", default, skip_serializing_if = "OneOrMany::is_empty")]
    pub type_: OneOrMany<String>,
    /// Name (required).
    pub name: String,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Display image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<ImageRef>,
    /// True when the CLR is a partial record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partial: Option<bool>,
    /// The issuer.
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
    /// Original award date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub awarded_date: Option<String>,
    /// The learner and the bundled credentials.
    pub credential_subject: ClrSubject,
    /// Embedded endorsements.
    #[serde(default, skip_serializing_if = "OneOrMany::is_empty")]
    pub endorsement: OneOrMany<EndorsementCredential>,
    /// Endorsements as compact JWS strings.
    #[serde(default, skip_serializing_if = "OneOrMany::is_empty")]
    pub endorsement_jwt: OneOrMany<String>,
    /// Evidence.
    #[serde(default, skip_serializing_if = "OneOrMany::is_empty")]
    pub evidence: OneOrMany<Evidence>,
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

/// CLR 2.0 `ClrSubject`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClrSubject {
    /// Learner id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Contains `ClrSubject`.
    #[serde(rename = "type", default, skip_serializing_if = "OneOrMany::is_empty")]
    pub type_: OneOrMany<String>,
    /// Identity objects of the learner.
    #[serde(default, skip_serializing_if = "OneOrMany::is_empty")]
    pub identifier: OneOrMany<IdentityObject>,
    /// Achievement definitions (e.g. the pathway itself).
    #[serde(default, skip_serializing_if = "OneOrMany::is_empty")]
    pub achievement: OneOrMany<Achievement>,
    /// The component credentials, each with its own proof, kept as the exact JSON received
    /// so that any proof format survives; see [`ClrSubject::achievement_credentials`].
    pub verifiable_credential: OneOrMany<Value>,
    /// Relations between achievements.
    #[serde(default, skip_serializing_if = "OneOrMany::is_empty")]
    pub association: OneOrMany<Association>,
    /// Any other member, unchanged.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ClrSubject {
    /// Parse each component credential as an [`OpenBadgeCredential`].
    pub fn achievement_credentials(&self) -> Vec<Result<OpenBadgeCredential, serde_json::Error>> {
        self.verifiable_credential.iter().map(OpenBadgeCredential::deserialize).collect()
    }
}

/// CLR 2.0 `Association` between two achievements (by achievement id).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Association {
    /// `Association`.
    #[serde(rename = "type", default, skip_serializing_if = "String::is_empty")]
    pub type_: String,
    /// One of [`super::ASSOCIATION_TYPES`].
    pub association_type: String,
    /// Source achievement id.
    pub source_id: String,
    /// Target achievement id.
    pub target_id: String,
    /// Any other member, unchanged.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
