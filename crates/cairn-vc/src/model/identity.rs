//! OB `IdentityObject` and the salted identity hash (STANDARDS.md §2.4).

use md5::Md5;
use rand::{CryptoRng, RngCore};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

/// `identityType` of an e-mail address.
pub const EMAIL_ADDRESS: &str = "emailAddress";

/// OB `IdentityObject`: a (usually hashed) identifier of the recipient.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IdentityObject {
    /// `IdentityObject`.
    #[serde(rename = "type", default, skip_serializing_if = "String::is_empty")]
    pub type_: String,
    /// Whether `identity_hash` is a hash (`sha256$...`) or the plaintext value.
    pub hashed: bool,
    /// `<alg>$<hex>` when hashed, else the plaintext identifier.
    pub identity_hash: String,
    /// One of [`super::IDENTIFIER_TYPES`] or an `ext:` term.
    pub identity_type: String,
    /// Salt appended to the identity before hashing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salt: Option<String>,
    /// Other members (the strict schema allows none; kept so nothing is lost).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl IdentityObject {
    /// A hashed `emailAddress` identity: the address is trimmed and lowercased, then hashed
    /// with SHA-256 over `email + salt`.
    pub fn hashed_email(email: &str, salt: &str) -> Self {
        Self::hashed(EMAIL_ADDRESS, &normalize_email(email), salt)
    }

    /// A hashed identity of any type; `identity` is hashed exactly as given.
    pub fn hashed(identity_type: &str, identity: &str, salt: &str) -> Self {
        Self {
            type_: "IdentityObject".to_owned(),
            hashed: true,
            identity_hash: sha256_identity_hash(identity, salt),
            identity_type: identity_type.to_owned(),
            salt: Some(salt.to_owned()),
            extra: Map::new(),
        }
    }

    /// A plaintext identity (e.g. `identityType: "name"` when a programme requires a name).
    pub fn plaintext(identity_type: &str, value: &str) -> Self {
        Self {
            type_: "IdentityObject".to_owned(),
            hashed: false,
            identity_hash: value.to_owned(),
            identity_type: identity_type.to_owned(),
            salt: None,
            extra: Map::new(),
        }
    }

    /// Whether this object identifies `value` of type `identity_type`.
    ///
    /// Another `identityType` never matches. Hashed objects support `sha256` and the legacy
    /// `md5` (hex in either case); an unknown algorithm or a malformed hash never matches.
    /// E-mail addresses are compared both as given and trimmed/lowercased.
    pub fn matches(&self, identity_type: &str, value: &str) -> bool {
        if self.identity_type != identity_type {
            return false;
        }
        let is_email = identity_type == EMAIL_ADDRESS;
        if !self.hashed {
            return if is_email {
                normalize_email(&self.identity_hash) == normalize_email(value)
            } else {
                self.identity_hash == value
            };
        }
        let Some((alg, hex_hash)) = self.identity_hash.split_once('$') else {
            return false;
        };
        let salt = self.salt.as_deref().unwrap_or("");
        let mut candidates = vec![value.to_owned()];
        if is_email {
            candidates.push(normalize_email(value));
        }
        candidates
            .iter()
            .any(|candidate| digest_hex(alg, candidate, salt).is_some_and(|h| h.eq_ignore_ascii_case(hex_hash)))
    }
}

/// Trim and lowercase an e-mail address (Cairn's form before hashing).
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// `sha256$<lowercase hex>` of the UTF-8 bytes of `identity + salt`.
pub fn sha256_identity_hash(identity: &str, salt: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(identity.as_bytes());
    hasher.update(salt.as_bytes());
    format!("sha256${}", hex::encode(hasher.finalize()))
}

/// A fresh salt: 16 random bytes as 32 lowercase hex characters.
pub fn new_salt<R: RngCore + CryptoRng>(rng: &mut R) -> String {
    let mut bytes = [0_u8; 16];
    rng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// Lowercase hex digest of `identity + salt` with `alg` (`sha256` or `md5`, any case).
fn digest_hex(alg: &str, identity: &str, salt: &str) -> Option<String> {
    let data = [identity.as_bytes(), salt.as_bytes()].concat();
    if alg.eq_ignore_ascii_case("sha256") {
        Some(hex::encode(Sha256::digest(&data)))
    } else if alg.eq_ignore_ascii_case("md5") {
        Some(hex::encode(Md5::digest(&data)))
    } else {
        None
    }
}
