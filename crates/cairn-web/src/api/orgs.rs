//! An organisation: its issuer profile, signing keys (public halves only) and members.

use axum::extract::State;
use axum::Json;
use cairn_core::model::{Address, Organization, SigningKeyRecord};
use cairn_core::service::{auth, orgs, Ctx};
use serde::{Deserialize, Deserializer, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

use super::body::AppJson;
use super::ApiRole;
use crate::auth::{OrgAuth, Owner, Viewer};
use crate::error::ErrorBody;
use crate::{ApiError, AppState};

/// A postal address; `country_code` is ISO 3166-1 alpha-2 (the EU "country of the issuer").
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = Address)]
pub struct AddressDto {
    /// ISO 3166-1 alpha-2, upper case (`NL`).
    #[serde(default)]
    pub country_code: Option<String>,
    /// Country name.
    #[serde(default)]
    pub country: Option<String>,
    /// Region or state.
    #[serde(default)]
    pub region: Option<String>,
    /// City.
    #[serde(default)]
    pub locality: Option<String>,
    /// Street address.
    #[serde(default)]
    pub street: Option<String>,
    /// Postal code.
    #[serde(default)]
    pub postal_code: Option<String>,
}

impl From<AddressDto> for Address {
    fn from(a: AddressDto) -> Self {
        Address {
            country_code: a.country_code,
            country: a.country,
            region: a.region,
            locality: a.locality,
            street: a.street,
            postal_code: a.postal_code,
        }
    }
}

impl From<Address> for AddressDto {
    fn from(a: Address) -> Self {
        AddressDto {
            country_code: a.country_code,
            country: a.country,
            region: a.region,
            locality: a.locality,
            street: a.street,
            postal_code: a.postal_code,
        }
    }
}

/// A new organisation.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateOrgRequest {
    /// URL handle: 2–64 of `a-z`, `0-9`, `-`.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Home page.
    #[serde(default)]
    pub url: Option<String>,
    /// Contact email.
    #[serde(default)]
    pub email: Option<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Logo URL.
    #[serde(default)]
    pub image_url: Option<String>,
    /// Address.
    #[serde(default)]
    pub address: AddressDto,
    /// Give credentials a suspension status entry as well (see `suspension_note`).
    #[serde(default)]
    pub suspension_enabled: bool,
}

impl From<CreateOrgRequest> for orgs::NewOrganization {
    fn from(r: CreateOrgRequest) -> Self {
        orgs::NewOrganization {
            slug: r.slug,
            name: r.name,
            url: r.url,
            email: r.email,
            description: r.description,
            image_url: r.image_url,
            address: r.address.into(),
            suspension_enabled: r.suspension_enabled,
        }
    }
}

/// What an administrator needs to know before turning suspension on (STANDARDS.md §7.1).
pub const SUSPENSION_NOTE: &str = "Credentials issued while suspension is on carry two credentialStatus entries \
(revocation and suspension). That is valid VC Data Model 2.0 and verifiers such as 1EdTech's and Digital Bazaar's \
read it, but it falls outside the Open Badges 3.0 strict JSON schema, which allows one entry.";

/// An organisation and its issuer profile.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrgResponse {
    /// Id.
    pub id: uuid::Uuid,
    /// URL handle.
    pub slug: String,
    /// The issuer id credentials carry (`<base>/issuers/<slug>`).
    pub issuer_id: String,
    /// Name.
    pub name: String,
    /// Home page.
    pub url: Option<String>,
    /// Contact email.
    pub email: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Logo URL.
    pub image_url: Option<String>,
    /// Address.
    pub address: AddressDto,
    /// Whether new credentials get a suspension entry.
    pub suspension_enabled: bool,
    /// The trade-off of suspension entries, present when suspension is on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suspension_note: Option<String>,
    /// Created.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

impl OrgResponse {
    /// The response for an organisation.
    pub fn new(ctx: &Ctx, o: Organization) -> Self {
        Self {
            id: o.id.0,
            issuer_id: ctx.issuer_id(o.slug.as_str()),
            slug: o.slug.to_string(),
            name: o.name,
            url: o.url,
            email: o.email,
            description: o.description,
            image_url: o.image_url,
            address: o.address.into(),
            suspension_enabled: o.suspension_enabled,
            suspension_note: o.suspension_enabled.then(|| SUSPENSION_NOTE.to_string()),
            created_at: o.created_at,
        }
    }
}

/// `absent` → `None` (leave as is), `null` → `Some(None)` (clear), a value → `Some(Some(v))`.
fn double_option<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

/// Changes to the profile: absent fields stay as they are, `null` clears an optional one.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateOrgRequest {
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// Home page.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub url: Option<Option<String>>,
    /// Contact email.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub email: Option<Option<String>>,
    /// Description.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub description: Option<Option<String>>,
    /// Logo URL.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub image_url: Option<Option<String>>,
    /// Address (replaced as a whole).
    #[serde(default)]
    pub address: Option<AddressDto>,
    /// Suspension entries for credentials issued from now on.
    #[serde(default)]
    pub suspension_enabled: Option<bool>,
}

impl From<UpdateOrgRequest> for orgs::ProfileUpdate {
    fn from(r: UpdateOrgRequest) -> Self {
        orgs::ProfileUpdate {
            name: r.name,
            url: r.url,
            email: r.email,
            description: r.description,
            image_url: r.image_url,
            address: r.address.map(Into::into),
            suspension_enabled: r.suspension_enabled,
        }
    }
}

/// The organisation (any member).
#[utoipa::path(get, path = "/api/v1/orgs/{slug}", tag = "organisations",
    params(("slug" = String, Path, description = "Organisation slug")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The organisation", body = OrgResponse),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "Not the token's organisation", body = ErrorBody),
    ))]
pub async fn get_org(State(app): State<AppState>, auth: OrgAuth<Viewer>) -> Json<OrgResponse> {
    Json(OrgResponse::new(&app.ctx, auth.org))
}

/// Changes the issuer profile (owners). Issued credentials keep the profile they embed.
#[utoipa::path(patch, path = "/api/v1/orgs/{slug}", tag = "organisations",
    params(("slug" = String, Path, description = "Organisation slug")),
    request_body = UpdateOrgRequest,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The updated organisation", body = OrgResponse),
        (status = 400, description = "A field is invalid", body = ErrorBody),
        (status = 403, description = "Not an owner", body = ErrorBody),
        (status = 404, description = "Not the token's organisation", body = ErrorBody),
    ))]
pub async fn update_org(
    State(app): State<AppState>,
    auth: OrgAuth<Owner>,
    AppJson(req): AppJson<UpdateOrgRequest>,
) -> Result<Json<OrgResponse>, ApiError> {
    let org = orgs::update_profile(&app.ctx, auth.org.id, req.into()).await?;
    Ok(Json(OrgResponse::new(&app.ctx, org)))
}

/// A signing key's public half.
#[derive(Debug, Serialize, ToSchema)]
pub struct KeyResponse {
    /// Id.
    pub id: uuid::Uuid,
    /// Multikey (`z6Mk…`).
    pub public_key_multibase: String,
    /// The verification method proofs name (`<issuer id>#<publicKeyMultibase>`).
    pub verification_method: String,
    /// Created.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// When it stopped signing (it still verifies what it signed).
    #[serde(with = "time::serde::rfc3339::option")]
    pub retired_at: Option<OffsetDateTime>,
}

impl KeyResponse {
    fn new(ctx: &Ctx, org: &Organization, k: SigningKeyRecord) -> Self {
        Self {
            id: k.id.0,
            verification_method: format!("{}#{}", ctx.issuer_id(org.slug.as_str()), k.public_key_multibase),
            public_key_multibase: k.public_key_multibase,
            created_at: k.created_at,
            retired_at: k.retired_at,
        }
    }
}

/// Every signing key, oldest first, retired ones included (public halves only).
#[utoipa::path(get, path = "/api/v1/orgs/{slug}/keys", tag = "organisations",
    params(("slug" = String, Path, description = "Organisation slug")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The keys", body = [KeyResponse]),
        (status = 404, description = "Not the token's organisation", body = ErrorBody),
    ))]
pub async fn list_keys(State(app): State<AppState>, auth: OrgAuth<Viewer>) -> Result<Json<Vec<KeyResponse>>, ApiError> {
    let keys = orgs::list_keys(&app.ctx, auth.org.id).await?;
    Ok(Json(keys.into_iter().map(|k| KeyResponse::new(&app.ctx, &auth.org, k)).collect()))
}

/// Rotates the signing key (owners): a new key signs from now on; old ones stay published.
#[utoipa::path(post, path = "/api/v1/orgs/{slug}/keys/rotate", tag = "organisations",
    params(("slug" = String, Path, description = "Organisation slug")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The new active key", body = KeyResponse),
        (status = 403, description = "Not an owner", body = ErrorBody),
        (status = 404, description = "Not the token's organisation", body = ErrorBody),
    ))]
pub async fn rotate_key(State(app): State<AppState>, auth: OrgAuth<Owner>) -> Result<Json<KeyResponse>, ApiError> {
    let key = orgs::rotate_key(&app.ctx, auth.org.id).await?;
    Ok(Json(KeyResponse::new(&app.ctx, &auth.org, key)))
}

/// A member to add, or whose role to change.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SetMemberRequest {
    /// The account's email address (the account must exist).
    pub email: String,
    /// The role in this organisation.
    pub role: ApiRole,
}

/// A membership.
#[derive(Debug, Serialize, ToSchema)]
pub struct MemberResponse {
    /// The user.
    pub user_id: uuid::Uuid,
    /// The organisation's slug.
    pub org: String,
    /// The role.
    pub role: ApiRole,
}

/// Adds a member or changes a member's role (owners).
#[utoipa::path(put, path = "/api/v1/orgs/{slug}/members", tag = "organisations",
    params(("slug" = String, Path, description = "Organisation slug")),
    request_body = SetMemberRequest,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The membership", body = MemberResponse),
        (status = 400, description = "A field is invalid, or no account has that email", body = ErrorBody),
        (status = 403, description = "Not an owner", body = ErrorBody),
        (status = 404, description = "Not the token's organisation", body = ErrorBody),
    ))]
pub async fn set_member(
    State(app): State<AppState>,
    auth: OrgAuth<Owner>,
    AppJson(req): AppJson<SetMemberRequest>,
) -> Result<Json<MemberResponse>, ApiError> {
    let m = auth::set_member_by_email(&app.ctx, &auth.actor, auth.org.id, &req.email, req.role.into()).await?;
    Ok(Json(MemberResponse { user_id: m.user_id.0, org: auth.org.slug.to_string(), role: m.role.into() }))
}
