use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::ids::{AchievementId, CredentialId, DeliveryId, JobId, OrgId, StatusListId, UserId};

pub use cairn_vc::status::StatusPurpose;

/// A Bitstring Status List as stored. `bits` is the raw bitstring; `signed_json` the list
/// credential re-signed on every change, in the same transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusListRecord {
    /// Id (the list URL is `<base>/status/<id>`).
    pub id: StatusListId,
    /// Owner.
    pub org_id: OrgId,
    /// Revocation or suspension.
    pub purpose: StatusPurpose,
    /// Raw bitstring (16 KiB for 131,072 entries).
    pub bits: Vec<u8>,
    /// How many indexes are allocated.
    pub allocated: u32,
    /// Incremented on every change; the ETag.
    pub version: i64,
    /// The signed list credential.
    pub signed_json: String,
    /// Last change.
    pub updated_at: OffsetDateTime,
}

/// State of a bulk job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum JobState {
    /// Rows stored, issuing.
    Running,
    /// Every row done.
    Done,
    /// Cancelled by a user.
    Cancelled,
}

/// A bulk issuance job: rows are issued exactly once, across restarts and servers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulkJob {
    /// Id.
    pub id: JobId,
    /// Organisation.
    pub org_id: OrgId,
    /// Achievement awarded.
    pub achievement_id: AchievementId,
    /// Who started it.
    pub created_by: UserId,
    /// State.
    pub state: JobState,
    /// Rows in total.
    pub total: u32,
    /// Rows issued.
    pub issued: u32,
    /// Rows that failed at issue time.
    pub failed: u32,
    /// Created.
    pub created_at: OffsetDateTime,
}

/// One row of a bulk job.
#[derive(Debug, Clone, PartialEq)]
pub struct BulkRow {
    /// Job.
    pub job_id: JobId,
    /// Row number in the CSV (1 = first data row).
    pub row: u32,
    /// The award, as validated.
    pub input: crate::model::AwardInput,
}

/// State of an email delivery.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DeliveryState {
    /// Waiting to be (re)tried.
    Pending,
    /// Accepted by the SMTP server.
    Sent,
    /// Gave up after the last retry.
    Failed,
}

/// An email carrying a claim link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    /// Id.
    pub id: DeliveryId,
    /// Organisation.
    pub org_id: OrgId,
    /// Credential.
    pub credential_id: CredentialId,
    /// Recipient address.
    pub to_email: String,
    /// State.
    pub state: DeliveryState,
    /// Attempts so far.
    pub attempts: u32,
    /// Next attempt.
    pub next_attempt_at: OffsetDateTime,
    /// Last SMTP error (no secrets).
    pub last_error: Option<String>,
}
