//! OB `Profile` (issuer, creator, endorser, `source`) and the small objects it uses.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

use super::credential::EndorsementCredential;
use super::one_or_many::{float, OneOrMany};

/// The `issuer` of a credential: a URL/DID, or an embedded [`Profile`] (Cairn embeds it).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum IssuerRef {
    /// Issuer id only.
    Url(String),
    /// Embedded profile.
    Profile(Box<Profile>),
}

impl IssuerRef {
    /// The issuer id in either form.
    pub fn id(&self) -> &str {
        match self {
            Self::Url(id) => id,
            Self::Profile(profile) => &profile.id,
        }
    }

    /// The embedded profile, if any.
    pub fn profile(&self) -> Option<&Profile> {
        match self {
            Self::Url(_) => None,
            Self::Profile(profile) => Some(profile),
        }
    }
}

// A string is the id; anything else must be a Profile, and its error says what is wrong
// (untagged would only say "did not match any variant").
impl<'de> Deserialize<'de> for IssuerRef {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Value::deserialize(deserializer)? {
            Value::String(id) => Ok(Self::Url(id)),
            other => Profile::deserialize(other).map(|p| Self::Profile(Box::new(p))).map_err(D::Error::custom),
        }
    }
}

/// OB `Profile`: an organisation or person.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    /// URL or DID of the profile.
    pub id: String,
    /// Contains `Profile`.
    #[serde(rename = "type", default, skip_serializing_if = "OneOrMany::is_empty")]
    pub type_: OneOrMany<String>,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Home page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Embedded endorsements of this profile.
    #[serde(default, skip_serializing_if = "OneOrMany::is_empty")]
    pub endorsement: OneOrMany<EndorsementCredential>,
    /// Endorsements as compact JWS strings.
    #[serde(default, skip_serializing_if = "OneOrMany::is_empty")]
    pub endorsement_jwt: OneOrMany<String>,
    /// Logo (PNG or SVG).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<ImageRef>,
    /// Contact e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Postal address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    /// Other identifiers (e.g. a national registry number).
    #[serde(default, skip_serializing_if = "OneOrMany::is_empty")]
    pub other_identifier: OneOrMany<IdentifierEntry>,
    /// Official authorised to issue on the organisation's behalf.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub official: Option<String>,
    /// Parent organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_org: Option<Box<Profile>>,
    /// Family name (persons).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family_name: Option<String>,
    /// Given name (persons).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given_name: Option<String>,
    /// Additional name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_name: Option<String>,
    /// Patronymic name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patronymic_name: Option<String>,
    /// Honorific prefix (e.g. "Dr").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub honorific_prefix: Option<String>,
    /// Honorific suffix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub honorific_suffix: Option<String>,
    /// Family name prefix (e.g. "van").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family_name_prefix: Option<String>,
    /// Date of birth (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_of_birth: Option<String>,
    /// Any other member, unchanged.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Profile {
    /// A profile with only `id`, `type: ["Profile"]` and a name.
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Self {
        Self { id: id.into(), type_: OneOrMany::of(&["Profile"]), name: Some(name.into()), ..Self::default() }
    }
}

/// A postal address.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    /// Contains `Address`.
    #[serde(rename = "type", default, skip_serializing_if = "OneOrMany::is_empty")]
    pub type_: OneOrMany<String>,
    /// Country name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_country: Option<String>,
    /// ISO 3166-1 alpha-2 country code (the EU "country of the issuer").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_country_code: Option<String>,
    /// Region or state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_region: Option<String>,
    /// City.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_locality: Option<String>,
    /// Street address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street_address: Option<String>,
    /// Post office box number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_office_box_number: Option<String>,
    /// Postal code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// Coordinates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geo: Option<GeoCoordinates>,
    /// Any other member, unchanged.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Geographic coordinates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GeoCoordinates {
    /// `GeoCoordinates`.
    #[serde(rename = "type", default, skip_serializing_if = "String::is_empty")]
    pub type_: String,
    /// Latitude in degrees.
    #[serde(serialize_with = "float::serialize")]
    pub latitude: f64,
    /// Longitude in degrees.
    #[serde(serialize_with = "float::serialize")]
    pub longitude: f64,
    /// Any other member, unchanged.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An `image` value: an `Image` object, or a bare URL (a compacted JSON-LD reference; the
/// strict OB schema wants the object, so Cairn writes [`ImageRef::Image`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum ImageRef {
    /// Bare URL or `data:` URI.
    Url(String),
    /// `Image` object.
    Image(Image),
}

impl ImageRef {
    /// The image URL (or `data:` URI) in either form.
    pub fn id(&self) -> &str {
        match self {
            Self::Url(id) => id,
            Self::Image(image) => &image.id,
        }
    }
}

impl<'de> Deserialize<'de> for ImageRef {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Value::deserialize(deserializer)? {
            Value::String(id) => Ok(Self::Url(id)),
            other => Image::deserialize(other).map(Self::Image).map_err(D::Error::custom),
        }
    }
}

/// OB `Image`: `{id, type: "Image", caption?}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Image {
    /// URL or `data:` URI of the image.
    pub id: String,
    /// `Image`.
    #[serde(rename = "type", default, skip_serializing_if = "String::is_empty")]
    pub type_: String,
    /// Caption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// Other members (the strict schema allows none; kept so nothing is lost).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Image {
    /// An image with `type: "Image"`.
    pub fn new(id: impl Into<String>) -> Self {
        Self { id: id.into(), type_: "Image".to_owned(), ..Self::default() }
    }
}

/// OB `IdentifierEntry` (`otherIdentifier`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IdentifierEntry {
    /// `IdentifierEntry`.
    #[serde(rename = "type", default, skip_serializing_if = "String::is_empty")]
    pub type_: String,
    /// The identifier value.
    pub identifier: String,
    /// An identity type (`sourcedId`, `ext:...`, see [`super::IDENTIFIER_TYPES`]).
    pub identifier_type: String,
    /// Other members (the strict schema allows none; kept so nothing is lost).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
