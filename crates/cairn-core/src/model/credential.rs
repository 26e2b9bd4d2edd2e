use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::ids::{AchievementId, CredentialId, JobId, OrgId, StatusListId};
use crate::Error;

/// Who receives a credential.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "lowercase")]
pub enum Recipient {
    /// An email address (trimmed, lower-cased); the credential carries its salted hash.
    Email(String),
    /// A holder DID (`did:key:…`, `did:web:…`); the credential's `credentialSubject.id`.
    Did(String),
}

impl Recipient {
    /// Parses an email address or a DID, naming the field at fault.
    pub fn parse(field: &str, s: &str) -> Result<Self, Error> {
        let s = s.trim();
        if s.starts_with("did:") {
            let parts: Vec<&str> = s.splitn(3, ':').collect();
            if parts.len() == 3 && parts.iter().all(|p| !p.is_empty()) && !s.contains(char::is_whitespace) {
                return Ok(Recipient::Did(s.to_string()));
            }
            return Err(Error::invalid(field, format!("`{s}` is not a valid DID")));
        }
        let email = s.to_lowercase();
        let valid = email.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.')
        }) && !email.contains(char::is_whitespace)
            && email.len() <= 254;
        if valid {
            Ok(Recipient::Email(email))
        } else {
            Err(Error::invalid(field, format!("`{s}` is neither an email address nor a DID")))
        }
    }
}

/// One award to make: what an API call or a CSV row says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AwardInput {
    /// Recipient.
    pub recipient: Recipient,
    /// Recipient's name (for the email and the certificate; not put in the credential).
    pub name: Option<String>,
    /// Award date; defaults to now.
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub issued_on: Option<OffsetDateTime>,
    /// Expiry; defaults to the achievement's validity period.
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub valid_until: Option<OffsetDateTime>,
    /// Evidence: URL and/or narrative.
    pub evidence: Vec<EvidenceInput>,
    /// A result value (for example a grade).
    pub result: Option<String>,
}

/// Evidence for an award.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceInput {
    /// URL of the evidence page.
    pub url: Option<String>,
    /// Narrative (Markdown).
    pub narrative: Option<String>,
}

/// Where a credential's status bit lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusRef {
    /// The list.
    pub list_id: StatusListId,
    /// The index in it.
    pub index: u32,
}

/// An issued credential as stored: `json` is the signed credential, byte for byte as issued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CredentialRecord {
    /// Id (the OB `id` is `<base>/credentials/<id>`).
    pub id: CredentialId,
    /// Issuer.
    pub org_id: OrgId,
    /// Achievement.
    pub achievement_id: AchievementId,
    /// Its version at issue.
    pub achievement_version: i32,
    /// Email address for delivery (not in the credential; it holds the salted hash).
    pub recipient_email: Option<String>,
    /// Holder DID, when known.
    pub recipient_did: Option<String>,
    /// Recipient's name.
    pub recipient_name: Option<String>,
    /// `validFrom`.
    pub issued_at: OffsetDateTime,
    /// `validUntil`.
    pub valid_until: Option<OffsetDateTime>,
    /// Revocation entry.
    pub revocation: StatusRef,
    /// Suspension entry, when the achievement is suspendable.
    pub suspension: Option<StatusRef>,
    /// When revoked.
    pub revoked_at: Option<OffsetDateTime>,
    /// Why revoked.
    pub revocation_reason: Option<String>,
    /// Currently suspended.
    pub suspended: bool,
    /// The client's idempotency key (unique per organisation).
    pub idempotency_key: Option<String>,
    /// The bulk job and row that issued it (unique together).
    pub job: Option<(JobId, u32)>,
    /// SHA-256 of the claim token sent by email.
    pub claim_token_hash: Option<String>,
    /// When the earner claimed it.
    pub claimed_at: Option<OffsetDateTime>,
    /// The signed credential JSON.
    pub json: String,
}
