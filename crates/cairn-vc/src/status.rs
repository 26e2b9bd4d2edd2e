//! Credential status: W3C Bitstring Status List (issue and check) and 1EdTech's
//! `1EdTechRevocationList` (check only). STANDARDS.md §7.

use serde_json::{json, Map, Value};

use crate::bitstring::{Bitstring, StatusListError, MIN_STATUS_LIST_BITS};

/// Most a decompressed list may hold (a gzip bomb is refused above this).
pub const MAX_DECOMPRESSED: usize = 16 * 1024 * 1024;

/// A status purpose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatusPurpose {
    /// Permanent.
    Revocation,
    /// Reversible.
    Suspension,
}

impl StatusPurpose {
    /// The `statusPurpose` string.
    pub fn as_str(self) -> &'static str {
        match self {
            StatusPurpose::Revocation => "revocation",
            StatusPurpose::Suspension => "suspension",
        }
    }
}

/// The `credentialStatus` entry for index `index` of the list at `list_url`.
pub fn status_entry(list_url: &str, purpose: StatusPurpose, index: usize) -> Value {
    json!({
        "id": format!("{list_url}#{index}"),
        "type": "BitstringStatusListEntry",
        "statusPurpose": purpose.as_str(),
        "statusListIndex": index.to_string(),
        "statusListCredential": list_url,
    })
}

/// The unsigned status list credential for `bits` (sign it with the issuer's key).
pub fn status_list_credential(
    list_url: &str,
    issuer: &str,
    purpose: StatusPurpose,
    bits: &Bitstring,
    valid_from: &str,
    ttl_ms: u64,
) -> Result<Value, StatusListError> {
    Ok(json!({
        "@context": [crate::contexts::VC_V2],
        "id": list_url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer,
        "validFrom": valid_from,
        "credentialSubject": {
            "id": format!("{list_url}#list"),
            "type": "BitstringStatusList",
            "statusPurpose": purpose.as_str(),
            "encodedList": bits.encode()?,
            "ttl": ttl_ms,
        }
    }))
}

/// What a status entry says, once its list was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusResult {
    /// The purpose checked.
    pub purpose: String,
    /// The status value (0 = not set).
    pub value: u64,
    /// The list's message for that value, when it has `statusMessage`.
    pub message: Option<String>,
    /// Set when the list holds fewer entries than the W3C minimum of 131,072
    /// (`STATUS_LIST_LENGTH_ERROR` in a strict reading): the entry is still read, since
    /// lists in the field (the DCC's among them) hold 100,000, but herd privacy is weaker.
    pub short_list: Option<usize>,
}

impl StatusResult {
    /// Whether the credential is fine for this purpose.
    pub fn is_clear(&self) -> bool {
        self.value == 0
    }
}

/// A status entry or list that cannot be used, with its W3C code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StatusError {
    /// Entry or list malformed.
    #[error("MALFORMED_VALUE_ERROR: {0}")]
    Malformed(String),
    /// Bit-level problem (range, length, encoding).
    #[error("{0}")]
    List(#[from] StatusListError),
    /// The entry's purpose is not the list's.
    #[error("STATUS_VERIFICATION_ERROR: entry purpose `{entry}` is not among the list's purposes ({list})")]
    PurposeMismatch {
        /// Purpose in the entry.
        entry: String,
        /// Purposes in the list.
        list: String,
    },
}

/// Reads a `BitstringStatusListEntry` against its (already verified) list credential.
pub fn check_bitstring_entry(entry: &Map<String, Value>, list_credential: &Value) -> Result<StatusResult, StatusError> {
    let purpose = entry
        .get("statusPurpose")
        .and_then(Value::as_str)
        .ok_or_else(|| StatusError::Malformed("statusPurpose is missing".into()))?;
    let index: usize = match entry.get("statusListIndex") {
        Some(Value::String(s)) => s.parse().ok(),
        Some(Value::Number(n)) => n.as_u64().and_then(|n| usize::try_from(n).ok()),
        _ => None,
    }
    .ok_or_else(|| StatusError::Malformed("statusListIndex must be a non-negative integer string".into()))?;
    if !has_type(list_credential.get("type"), "BitstringStatusListCredential") {
        return Err(StatusError::Malformed(
            "the status list credential's type lacks BitstringStatusListCredential".into(),
        ));
    }
    let subject = list_credential
        .get("credentialSubject")
        .and_then(Value::as_object)
        .ok_or_else(|| StatusError::Malformed("status list credential has no credentialSubject".into()))?;
    let list_types = subject.get("type");
    if !has_type(list_types, "BitstringStatusList") {
        return Err(StatusError::Malformed("status list credentialSubject type is not BitstringStatusList".into()));
    }
    let purposes: Vec<&str> = match subject.get("statusPurpose") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    if !purposes.contains(&purpose) {
        return Err(StatusError::PurposeMismatch { entry: purpose.into(), list: purposes.join(", ") });
    }
    let size = match entry.get("statusSize").or_else(|| subject.get("statusSize")) {
        None => 1,
        Some(v) => v
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .filter(|n| (1..=64).contains(n))
            .ok_or_else(|| StatusError::Malformed("statusSize must be an integer from 1 to 64".into()))?,
    };
    let encoded = subject
        .get("encodedList")
        .and_then(Value::as_str)
        .ok_or_else(|| StatusError::Malformed("encodedList is missing".into()))?;
    let bits = Bitstring::decode(encoded, MAX_DECOMPRESSED)?;
    let entries = bits.len_bits() / size;
    let short_list = (entries < MIN_STATUS_LIST_BITS).then_some(entries);
    let value = bits.get_value(index, size)?;
    let message = status_message(subject, value);
    Ok(StatusResult { purpose: purpose.into(), value, message, short_list })
}

fn status_message(subject: &Map<String, Value>, value: u64) -> Option<String> {
    let wanted = format!("0x{value:x}");
    subject.get("statusMessage")?.as_array()?.iter().find_map(|m| {
        let status = m.get("status")?.as_str()?;
        (status.eq_ignore_ascii_case(&wanted))
            .then(|| m.get("message").and_then(Value::as_str).unwrap_or_default().to_string())
    })
}

/// Reads a `1EdTechRevocationList` document: revoked when an item's `id` equals the
/// credential id and `revoked` is absent or true.
pub fn check_1edtech_revocation_list(list: &Value, credential_id: &str) -> bool {
    list.get("revokedCredential").and_then(Value::as_array).is_some_and(|items| {
        items.iter().any(|item| {
            item.get("id").and_then(Value::as_str) == Some(credential_id)
                && item.get("revoked").and_then(Value::as_bool).unwrap_or(true)
        })
    })
}

/// Whether a `type` value (string or array) contains `wanted`.
pub fn has_type(types: Option<&Value>, wanted: &str) -> bool {
    match types {
        Some(Value::String(s)) => s == wanted,
        Some(Value::Array(a)) => a.iter().any(|t| t.as_str() == Some(wanted)),
        _ => false,
    }
}
