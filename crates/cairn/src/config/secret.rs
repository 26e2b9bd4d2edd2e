//! Serde helpers for secrets: read as [`SecretString`], written as `"<redacted>"`.

use secrecy::{ExposeSecret as _, SecretString};
use serde::{Deserialize as _, Deserializer, Serializer};

/// What `cairn config show` prints in place of a secret.
pub const REDACTED: &str = "<redacted>";

/// Reads an optional secret string.
pub fn de_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<SecretString>, D::Error> {
    Ok(Option::<String>::deserialize(d)?.map(SecretString::from))
}

/// Writes a set secret as [`REDACTED`] (an unset one is skipped by the caller's format).
pub fn ser_opt<S: Serializer>(value: &Option<SecretString>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(_) => s.serialize_some(REDACTED),
        None => s.serialize_none(),
    }
}

/// Writes a database URL with its password replaced by `***`.
pub fn ser_url<S: Serializer>(value: &Option<SecretString>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(url) => s.serialize_some(&super::redact_url(url.expose_secret())),
        None => s.serialize_none(),
    }
}
