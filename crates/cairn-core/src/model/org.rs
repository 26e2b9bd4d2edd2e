use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::ids::{KeyId, OrgId};
use crate::Error;

/// A URL-safe organisation handle: 2–64 of `a-z`, `0-9`, `-`, not starting or ending with `-`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Slug(String);

impl Slug {
    /// Parses a slug, naming the rule it breaks.
    pub fn parse(s: &str) -> Result<Self, Error> {
        let ok_chars = s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !(2..=64).contains(&s.len()) || !ok_chars || s.starts_with('-') || s.ends_with('-') {
            return Err(Error::invalid(
                "slug",
                "must be 2–64 characters of a-z, 0-9 and '-', not starting or ending with '-'",
            ));
        }
        Ok(Self(s.to_string()))
    }

    /// The slug text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Slug {
    type Error = Error;
    fn try_from(s: String) -> Result<Self, Error> {
        Slug::parse(&s)
    }
}

impl From<Slug> for String {
    fn from(s: Slug) -> String {
        s.0
    }
}

impl std::fmt::Display for Slug {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A postal address; `country_code` is ISO 3166-1 alpha-2 (the EU "country of the issuer").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    /// ISO 3166-1 alpha-2.
    pub country_code: Option<String>,
    /// Country name.
    pub country: Option<String>,
    /// Region / state.
    pub region: Option<String>,
    /// City.
    pub locality: Option<String>,
    /// Street address.
    pub street: Option<String>,
    /// Postal code.
    pub postal_code: Option<String>,
}

/// An issuing organisation and its issuer `Profile` fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organization {
    /// Id.
    pub id: OrgId,
    /// URL handle: the issuer id is `<base>/issuers/<slug>`.
    pub slug: Slug,
    /// Display name.
    pub name: String,
    /// Home page.
    pub url: Option<String>,
    /// Contact email.
    pub email: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Logo URL (PNG or SVG).
    pub image_url: Option<String>,
    /// Address.
    pub address: Address,
    /// Whether credentials also get a suspension status entry (two `credentialStatus`
    /// entries: valid VCDM 2.0, outside the 1EdTech strict schema).
    pub suspension_enabled: bool,
    /// Created.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// A signing key as stored: the seed sealed with the master key, never in clear.
#[derive(Clone, PartialEq, Eq)]
pub struct SigningKeyRecord {
    /// Id.
    pub id: KeyId,
    /// Owner.
    pub org_id: OrgId,
    /// `z6Mk…`.
    pub public_key_multibase: String,
    /// `nonce ‖ ciphertext` of the 32-byte seed (see `crypto::MasterKey`).
    pub sealed_seed: Vec<u8>,
    /// Created.
    pub created_at: OffsetDateTime,
    /// Set when rotated out: the key still verifies old credentials but no longer signs.
    pub retired_at: Option<OffsetDateTime>,
}

impl std::fmt::Debug for SigningKeyRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SigningKeyRecord").field("id", &self.id).field("public", &self.public_key_multibase).finish()
    }
}
