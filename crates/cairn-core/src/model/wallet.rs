//! The earner's wallet: credentials kept by a user (claimed from Cairn or imported from
//! elsewhere), each with what verification said when it arrived, and named collections.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::ids::{CollectionId, CredentialId, UserId, WalletItemId};
use crate::Error;

/// How a credential came into the wallet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WalletSource {
    /// Claimed from this Cairn's emailed link.
    Claimed,
    /// Imported from a file (JSON, baked PNG or SVG) or pasted JSON.
    ImportedFile,
    /// Imported from a URL.
    ImportedUrl,
    /// An Open Badges 2.0 hosted assertion (file or URL).
    Ob2,
}

impl WalletSource {
    /// The stored value.
    pub fn as_str(self) -> &'static str {
        match self {
            WalletSource::Claimed => "claimed",
            WalletSource::ImportedFile => "imported_file",
            WalletSource::ImportedUrl => "imported_url",
            WalletSource::Ob2 => "ob2",
        }
    }

    /// Parses a stored value.
    pub fn parse(s: &str) -> Result<Self, Error> {
        Ok(match s {
            "claimed" => WalletSource::Claimed,
            "imported_file" => WalletSource::ImportedFile,
            "imported_url" => WalletSource::ImportedUrl,
            "ob2" => WalletSource::Ob2,
            other => return Err(Error::invalid("source", format!("unknown wallet source `{other}`"))),
        })
    }
}

/// One check of a verification, as kept (owned strings, so it can be stored and read back).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckSummary {
    /// Check id (`proof`, `status`, `validity`, `ob2_hosted`…).
    pub check: String,
    /// `passed`, `failed`, `warning` or `skipped`.
    pub outcome: String,
    /// Why, in English (from the verifier).
    pub message: String,
    /// The specification's error code, for failures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

/// What the wallet shows of a credential whose JSON does not carry it all (an OB 2.0
/// assertion points at its badge class and issuer by URL; they are read once, at import).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisplayFields {
    /// Achievement (badge class) name.
    pub name: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Issuer name.
    pub issuer: Option<String>,
    /// Image URL.
    pub image: Option<String>,
}

/// The verification result when the credential arrived.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerificationSummary {
    /// `ob3` (VC Data Integrity verification) or `ob2_hosted`.
    pub kind: String,
    /// No check failed.
    pub verified: bool,
    /// Every check.
    pub checks: Vec<CheckSummary>,
    /// Display fields read at import (OB 2.0).
    #[serde(default)]
    pub display: DisplayFields,
}

/// A credential in a user's wallet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalletItem {
    /// Id.
    pub id: WalletItemId,
    /// Owner.
    pub user_id: UserId,
    /// The Cairn credential, when claimed from this server.
    pub credential_id: Option<CredentialId>,
    /// The credential (or OB 2.0 assertion) JSON exactly as received.
    pub json: String,
    /// How it arrived.
    pub source: WalletSource,
    /// Verification at import.
    pub verification: VerificationSummary,
    /// Whether the public page `/s/{share_id}` is on.
    pub public: bool,
    /// Random, unguessable id of the public page.
    pub share_id: String,
    /// When it was added.
    pub added_at: OffsetDateTime,
}

/// A named set of a user's wallet items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Collection {
    /// Id.
    pub id: CollectionId,
    /// Owner.
    pub user_id: UserId,
    /// Name (1 to 100 characters).
    pub name: String,
    /// Created.
    pub created_at: OffsetDateTime,
}
