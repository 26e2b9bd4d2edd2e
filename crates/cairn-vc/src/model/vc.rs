//! Verifiable Credentials building blocks shared by every credential type: contexts, proofs,
//! schemas, status, refresh, terms of use and evidence.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::one_or_many::{OneOrMany, SingleOrArray};

/// W3C VC Data Model 2.0 base context (always first when issuing).
pub const VC_V2_CONTEXT: &str = "https://www.w3.org/ns/credentials/v2";
/// W3C VC Data Model 1.1 base context (verify only).
pub const VC_V1_CONTEXT: &str = "https://www.w3.org/2018/credentials/v1";
/// Open Badges 3.0.3 context (always second when issuing).
pub const OB_CONTEXT: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
/// CLR 2.0.1 context (between VC v2 and OB 3.0.3).
pub const CLR_CONTEXT: &str = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json";
/// `credentialSchema` type for 1EdTech JSON Schemas.
pub const JSON_SCHEMA_VALIDATOR_2019: &str = "1EdTechJsonSchemaValidator2019";
/// The strict OB 3.0 AchievementCredential schema URL.
pub const OB_ACHIEVEMENT_CREDENTIAL_SCHEMA: &str =
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";
/// The strict OB 3.0 EndorsementCredential schema URL.
pub const OB_ENDORSEMENT_CREDENTIAL_SCHEMA: &str =
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_endorsementcredential_schema.json";
/// The CLR 2.0 ClrCredential schema URL.
pub const CLR_CREDENTIAL_SCHEMA: &str =
    "https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json";

/// One `@context` entry: a URL or an inline context object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Context {
    /// A context URL (must be in the allow-list when processed).
    Url(String),
    /// An inline context definition.
    Inline(Map<String, Value>),
}

impl Context {
    /// The URL, when this entry is one.
    pub fn as_url(&self) -> Option<&str> {
        match self {
            Self::Url(url) => Some(url),
            Self::Inline(_) => None,
        }
    }
}

impl From<&str> for Context {
    fn from(url: &str) -> Self {
        Self::Url(url.to_owned())
    }
}

/// A Data Integrity proof (or any other embedded proof; unknown members stay in `extra`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Proof {
    /// Proofs secured with JCS may carry their own `@context`; kept in the shape given.
    #[serde(rename = "@context", default, skip_serializing_if = "Option::is_none")]
    pub context: Option<SingleOrArray<Context>>,
    /// Optional proof id (used by proof chains).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `DataIntegrityProof`, `Ed25519Signature2020`, ...
    #[serde(rename = "type", default, skip_serializing_if = "String::is_empty")]
    pub type_: String,
    /// Cryptosuite name, e.g. `eddsa-rdfc-2022`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cryptosuite: Option<String>,
    /// Creation time (dateTimeStamp, kept verbatim).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    /// Expiry time of the proof.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
    /// URL of the verification method (key).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verification_method: Option<String>,
    /// `assertionMethod` for credentials.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proof_purpose: Option<String>,
    /// Multibase-encoded signature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proof_value: Option<String>,
    /// Challenge (presentations).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub challenge: Option<String>,
    /// Domain (presentations).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// Nonce.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nonce: Option<String>,
    /// Id(s) of the proof(s) this one chains from; kept in the shape given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_proof: Option<SingleOrArray<String>>,
    /// Any other member, unchanged.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A `credentialSchema` entry: `{id, type: "1EdTechJsonSchemaValidator2019"}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CredentialSchema {
    /// Schema URL.
    pub id: String,
    /// Validator type.
    #[serde(rename = "type", default, skip_serializing_if = "String::is_empty")]
    pub type_: String,
    /// Any other member, unchanged.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl CredentialSchema {
    /// The strict OB 3.0 AchievementCredential schema entry Cairn writes.
    pub fn ob_achievement_credential() -> Self {
        Self {
            id: OB_ACHIEVEMENT_CREDENTIAL_SCHEMA.to_owned(),
            type_: JSON_SCHEMA_VALIDATOR_2019.to_owned(),
            extra: Map::new(),
        }
    }
}

/// A `credentialStatus` entry of any method (`BitstringStatusListEntry`,
/// `1EdTechRevocationList`, ...); method-specific members stay in `extra`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CredentialStatus {
    /// Entry id (optional in VCDM, required by the OB schema).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Status method.
    #[serde(rename = "type", default, skip_serializing_if = "String::is_empty")]
    pub type_: String,
    /// `statusPurpose`, `statusListIndex`, `statusListCredential`, ...
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A `refreshService` entry (OB: `1EdTechCredentialRefresh`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RefreshService {
    /// Service URL (required by the OB schema).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Service type.
    #[serde(rename = "type", default, skip_serializing_if = "String::is_empty")]
    pub type_: String,
    /// Any other member, unchanged.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A `termsOfUse` entry.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TermsOfUse {
    /// URI of the terms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Type of the terms.
    #[serde(rename = "type", default, skip_serializing_if = "String::is_empty")]
    pub type_: String,
    /// Any other member, unchanged.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// OB `Evidence`: a page, file or `data:` URI supporting the award.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    /// URL of the evidence page, or a `data:` URI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Contains `Evidence`.
    #[serde(rename = "type", default, skip_serializing_if = "OneOrMany::is_empty")]
    pub type_: OneOrMany<String>,
    /// Markdown narrative.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub narrative: Option<String>,
    /// Title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Kind of artefact (e.g. `Paper`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub genre: Option<String>,
    /// Intended audience.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<String>,
    /// Any other member, unchanged.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
