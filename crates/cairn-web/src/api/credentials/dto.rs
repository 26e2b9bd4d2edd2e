//! Wire types of the credential routes, and their parsing into domain inputs (each problem
//! names its field).

use cairn_core::ids::{AchievementId, JobId};
use cairn_core::model::{AwardInput, CredentialRecord, EvidenceInput, Recipient, StatusRef};
use cairn_core::service::{bulk, Ctx};
use cairn_core::store::CredentialQuery;
use cairn_core::Error;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::OffsetDateTime;
use utoipa::{IntoParams, ToSchema};

use crate::api::parse_id;
use crate::ApiError;

/// Evidence of an award: a URL, a narrative, or both.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = Evidence)]
pub struct EvidenceDto {
    /// URL of the evidence (http or https).
    #[serde(default)]
    pub url: Option<String>,
    /// Narrative (Markdown).
    #[serde(default)]
    pub narrative: Option<String>,
}

/// One award to issue.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateCredentialRequest {
    /// An email address (the credential carries its salted hash) or a holder DID.
    pub recipient: String,
    /// The recipient's name (for the email; not put in the credential).
    #[serde(default)]
    pub name: Option<String>,
    /// Award date: RFC 3339 date-time or `YYYY-MM-DD`; default now.
    #[serde(default)]
    pub issued_on: Option<String>,
    /// Expiry, same forms; default from the achievement's validity period.
    #[serde(default)]
    pub valid_until: Option<String>,
    /// Evidence.
    #[serde(default)]
    pub evidence: Vec<EvidenceDto>,
    /// A result value (a grade, a score).
    #[serde(default)]
    pub result: Option<String>,
}

impl CreateCredentialRequest {
    /// The award, or the first problem with its field named.
    pub fn into_award(self) -> Result<AwardInput, ApiError> {
        let recipient = Recipient::parse("recipient", &self.recipient)?;
        let issued_on = date("issued_on", self.issued_on.as_deref())?;
        let valid_until = date("valid_until", self.valid_until.as_deref())?;
        if let (Some(a), Some(b)) = (issued_on, valid_until) {
            if b <= a {
                return Err(Error::invalid("valid_until", "must be after issued_on").into());
            }
        }
        let mut evidence = Vec::with_capacity(self.evidence.len());
        for (i, e) in self.evidence.into_iter().enumerate() {
            let url = e.url.filter(|u| !u.trim().is_empty());
            let narrative = e.narrative.filter(|n| !n.trim().is_empty());
            if url.as_deref().is_some_and(|u| !is_http_url(u)) {
                return Err(Error::invalid(format!("evidence[{i}].url"), "must be an http(s) URL").into());
            }
            if url.is_none() && narrative.is_none() {
                return Err(Error::invalid(format!("evidence[{i}]"), "needs a url or a narrative").into());
            }
            evidence.push(EvidenceInput { url, narrative });
        }
        let name = self.name.map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
        let result = self.result.filter(|r| !r.trim().is_empty());
        Ok(AwardInput { recipient, name, issued_on, valid_until, evidence, result })
    }
}

fn is_http_url(u: &str) -> bool {
    (u.starts_with("https://") || u.starts_with("http://")) && u.len() > 8 && !u.contains(char::is_whitespace)
}

fn date(field: &str, value: Option<&str>) -> Result<Option<OffsetDateTime>, ApiError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => bulk::parse_date(v)
            .map(Some)
            .ok_or_else(|| Error::invalid(field, "must be an RFC 3339 date-time or a date (YYYY-MM-DD)").into()),
    }
}

/// `{reason}` of a revocation.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RevokeCredentialRequest {
    /// Why (at most 500 characters; kept with the credential, not published).
    #[serde(default)]
    pub reason: Option<String>,
}

/// Filters and page of the credential list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CredentialListQuery {
    /// Only this achievement (id).
    pub achievement: Option<String>,
    /// Only this bulk job (id).
    pub job: Option<String>,
    /// Substring of the recipient's email address or DID.
    pub recipient: Option<String>,
    /// `true`: only revoked; `false`: only not revoked.
    pub revoked: Option<String>,
    /// Page size, 1–500 (default 50).
    pub limit: Option<String>,
    /// Rows to skip (default 0).
    pub offset: Option<String>,
}

/// Default page size.
pub const DEFAULT_LIMIT: u32 = 50;

impl CredentialListQuery {
    /// The store query, or the first bad parameter named.
    pub fn into_query(self) -> Result<CredentialQuery, ApiError> {
        let number = |field: &str, v: Option<&str>, default: u32, range: std::ops::RangeInclusive<u32>| match v {
            None => Ok(default),
            Some(s) => s.parse::<u32>().ok().filter(|n| range.contains(n)).ok_or_else(|| {
                ApiError(Error::invalid(
                    field,
                    format!("must be a whole number from {} to {}", range.start(), range.end()),
                ))
            }),
        };
        let revoked = match self.revoked.as_deref() {
            None => None,
            Some("true") => Some(true),
            Some("false") => Some(false),
            Some(_) => return Err(Error::invalid("revoked", "must be true or false").into()),
        };
        Ok(CredentialQuery {
            achievement_id: self
                .achievement
                .as_deref()
                .map(|s| parse_id::<AchievementId>("achievement", s))
                .transpose()?,
            job_id: self.job.as_deref().map(|s| parse_id::<JobId>("job", s)).transpose()?,
            recipient: self.recipient.map(|r| r.trim().to_lowercase()).filter(|r| !r.is_empty()),
            revoked,
            suspended: None,
            limit: number("limit", self.limit.as_deref(), DEFAULT_LIMIT, 1..=500)?,
            offset: number("offset", self.offset.as_deref(), 0, 0..=u32::MAX)?,
            before: None,
        })
    }
}

/// Where a credential's status bit lives.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = StatusEntry)]
pub struct StatusEntryDto {
    /// The status list credential's URL.
    pub list_url: String,
    /// The list's id.
    pub list_id: uuid::Uuid,
    /// The index in the list.
    pub index: u32,
}

impl StatusEntryDto {
    fn new(ctx: &Ctx, s: StatusRef) -> Self {
        Self { list_url: ctx.status_list_url(s.list_id), list_id: s.list_id.0, index: s.index }
    }
}

/// An issued credential: the record and, when one credential is asked for, the signed JSON.
#[derive(Debug, Serialize, ToSchema)]
pub struct CredentialResponse {
    /// Id.
    pub id: uuid::Uuid,
    /// The OB `id` (`<base>/credentials/<id>`), also its public URL.
    pub url: String,
    /// Achievement.
    pub achievement_id: uuid::Uuid,
    /// The achievement's version at issue.
    pub achievement_version: i32,
    /// Recipient email address (the credential holds its salted hash).
    pub recipient_email: Option<String>,
    /// Recipient DID.
    pub recipient_did: Option<String>,
    /// Recipient name.
    pub recipient_name: Option<String>,
    /// `active`, `suspended` or `revoked`.
    pub status: String,
    /// `validFrom`.
    #[serde(with = "time::serde::rfc3339")]
    pub issued_at: OffsetDateTime,
    /// `validUntil`.
    #[serde(with = "time::serde::rfc3339::option")]
    pub valid_until: Option<OffsetDateTime>,
    /// When revoked.
    #[serde(with = "time::serde::rfc3339::option")]
    pub revoked_at: Option<OffsetDateTime>,
    /// Why revoked.
    pub revocation_reason: Option<String>,
    /// The revocation entry.
    pub revocation_entry: StatusEntryDto,
    /// The suspension entry, when the credential has one.
    pub suspension_entry: Option<StatusEntryDto>,
    /// When the recipient claimed it.
    #[serde(with = "time::serde::rfc3339::option")]
    pub claimed_at: Option<OffsetDateTime>,
    /// The bulk job that issued it.
    pub job_id: Option<uuid::Uuid>,
    /// The client's idempotency key.
    pub idempotency_key: Option<String>,
    /// The signed credential, byte for byte as issued (single reads only).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub credential: Option<Value>,
}

impl CredentialResponse {
    /// The record without its signed JSON (lists).
    pub fn summary(ctx: &Ctx, c: CredentialRecord) -> Self {
        let status = if c.revoked_at.is_some() {
            "revoked"
        } else if c.suspended {
            "suspended"
        } else {
            "active"
        };
        Self {
            id: c.id.0,
            url: ctx.credential_url(c.id),
            achievement_id: c.achievement_id.0,
            achievement_version: c.achievement_version,
            recipient_email: c.recipient_email,
            recipient_did: c.recipient_did,
            recipient_name: c.recipient_name,
            status: status.to_string(),
            issued_at: c.issued_at,
            valid_until: c.valid_until,
            revoked_at: c.revoked_at,
            revocation_reason: c.revocation_reason,
            revocation_entry: StatusEntryDto::new(ctx, c.revocation),
            suspension_entry: c.suspension.map(|s| StatusEntryDto::new(ctx, s)),
            claimed_at: c.claimed_at,
            job_id: c.job.map(|(j, _)| j.0),
            idempotency_key: c.idempotency_key,
            credential: None,
        }
    }

    /// The record with its signed JSON.
    pub fn full(ctx: &Ctx, mut c: CredentialRecord) -> Result<Self, ApiError> {
        let json = std::mem::take(&mut c.json);
        let credential: Value = serde_json::from_str(&json)
            .map_err(|e| Error::Internal(format!("stored credential {} is not JSON: {e}", c.id)))?;
        Ok(Self { credential: Some(credential), ..Self::summary(ctx, c) })
    }
}

/// A page of credentials.
#[derive(Debug, Serialize, ToSchema)]
pub struct CredentialListResponse {
    /// The credentials, newest first (without signed JSON).
    pub items: Vec<CredentialResponse>,
    /// Page size used.
    pub limit: u32,
    /// Rows skipped.
    pub offset: u32,
    /// The `offset` of the next page, when this one was full.
    pub next_offset: Option<u32>,
}

impl CredentialListResponse {
    /// A page.
    pub fn new(ctx: &Ctx, items: Vec<CredentialRecord>, limit: u32, offset: u32) -> Self {
        let full = u32::try_from(items.len()).is_ok_and(|n| n >= limit);
        let items: Vec<CredentialResponse> = items.into_iter().map(|c| CredentialResponse::summary(ctx, c)).collect();
        Self { items, limit, offset, next_offset: full.then(|| offset.saturating_add(limit)) }
    }
}
