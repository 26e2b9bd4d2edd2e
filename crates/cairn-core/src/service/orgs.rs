//! Organisations: creation with a first signing key, profile, key rotation, and the
//! public issuer documents (Profile, controller document).

use cairn_vc::keys::Ed25519Key;
use serde_json::{json, Map, Value};

use super::Ctx;
use crate::ids::{KeyId, OrgId};
use crate::model::{Address, Membership, Organization, Role, SigningKeyRecord, Slug};
use crate::Error;

/// What an administrator gives to create an organisation.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewOrganization {
    /// URL handle.
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
    pub address: Address,
    /// Opt in to suspension entries.
    #[serde(default)]
    pub suspension_enabled: bool,
}

fn check_country(address: &Address) -> Result<(), Error> {
    if let Some(cc) = &address.country_code {
        if cc.len() != 2 || !cc.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(Error::invalid("address.country_code", "must be an ISO 3166-1 alpha-2 code such as NL"));
        }
    }
    Ok(())
}

/// Creates an organisation, its first signing key, and makes `owner` its owner.
pub async fn create_org(ctx: &Ctx, owner: crate::ids::UserId, input: NewOrganization) -> Result<Organization, Error> {
    let slug = Slug::parse(&input.slug)?;
    if input.name.trim().is_empty() {
        return Err(Error::invalid("name", "must not be empty"));
    }
    check_country(&input.address)?;
    let now = ctx.clock.now();
    let org = Organization {
        id: OrgId::new_random(),
        slug,
        name: input.name.trim().to_string(),
        url: input.url,
        email: input.email,
        description: input.description,
        image_url: input.image_url,
        address: input.address,
        suspension_enabled: input.suspension_enabled,
        created_at: now,
    };
    ctx.store.create_org(&org).await?;
    add_signing_key(ctx, org.id).await?;
    ctx.store.set_membership(&Membership { user_id: owner, org_id: org.id, role: Role::Owner }).await?;
    tracing::info!(org.id = %org.id, org.slug = %org.slug, "organisation created");
    Ok(org)
}

/// Generates a key, seals it with the master key and stores it.
async fn add_signing_key(ctx: &Ctx, org: OrgId) -> Result<SigningKeyRecord, Error> {
    let key = Ed25519Key::generate(&mut rand::rngs::OsRng);
    let id = KeyId::new_random();
    let sealed_seed = ctx.master.seal(&mut rand::rngs::OsRng, key.seed(), id.0.as_bytes())?;
    let record = SigningKeyRecord {
        id,
        org_id: org,
        public_key_multibase: key.public_key_multibase(),
        sealed_seed,
        created_at: ctx.clock.now(),
        retired_at: None,
    };
    ctx.store.insert_signing_key(&record).await?;
    Ok(record)
}

/// Rotation: a new key signs from now on; old keys stay published so what they signed verifies.
pub async fn rotate_key(ctx: &Ctx, org: OrgId) -> Result<SigningKeyRecord, Error> {
    let record = add_signing_key(ctx, org).await?;
    ctx.store.retire_signing_keys(org, record.id, ctx.clock.now()).await?;
    ctx.docs.clear();
    tracing::info!(org.id = %org, key = %record.public_key_multibase, "signing key rotated");
    Ok(record)
}

/// The key that signs now (the newest unretired one), opened.
pub async fn active_key(ctx: &Ctx, org: OrgId) -> Result<(SigningKeyRecord, Ed25519Key), Error> {
    let keys = ctx.store.list_signing_keys(org).await?;
    let record = keys
        .into_iter()
        .rfind(|k| k.retired_at.is_none())
        .ok_or_else(|| Error::Internal(format!("organisation {org} has no active signing key")))?;
    let seed = ctx.master.open(&record.sealed_seed, record.id.0.as_bytes())?;
    let seed: [u8; 32] =
        seed.as_slice().try_into().map_err(|_| Error::Internal("a sealed seed is not 32 bytes".into()))?;
    let key = Ed25519Key::from_seed(&seed);
    if key.public_key_multibase() != record.public_key_multibase {
        return Err(Error::Internal("a signing key does not match its public key".into()));
    }
    Ok((record, key))
}

/// The issuer `Profile` embedded in credentials (OB 3.0 §B.1.8; STANDARDS.md §2.2).
pub fn issuer_profile(ctx: &Ctx, org: &Organization) -> Value {
    let mut p = Map::new();
    p.insert("id".into(), ctx.issuer_id(org.slug.as_str()).into());
    p.insert("type".into(), json!(["Profile"]));
    p.insert("name".into(), org.name.clone().into());
    let mut opt = |k: &str, v: &Option<String>| {
        if let Some(v) = v {
            p.insert(k.into(), v.clone().into());
        }
    };
    opt("url", &org.url);
    opt("email", &org.email);
    opt("description", &org.description);
    if let Some(img) = &org.image_url {
        p.insert("image".into(), json!({"id": img, "type": "Image"}));
    }
    let a = &org.address;
    let mut addr = Map::new();
    for (k, v) in [
        ("addressCountry", &a.country),
        ("addressCountryCode", &a.country_code),
        ("addressRegion", &a.region),
        ("addressLocality", &a.locality),
        ("streetAddress", &a.street),
        ("postalCode", &a.postal_code),
    ] {
        if let Some(v) = v {
            addr.insert(k.into(), v.clone().into());
        }
    }
    if !addr.is_empty() {
        addr.insert("type".into(), json!(["Address"]));
        p.insert("address".into(), Value::Object(addr));
    }
    Value::Object(p)
}

/// The controller document served at the issuer id: every key, retired ones included.
pub async fn controller_document(ctx: &Ctx, org: &Organization) -> Result<Value, Error> {
    let keys: Vec<String> =
        ctx.store.list_signing_keys(org.id).await?.into_iter().map(|k| k.public_key_multibase).collect();
    Ok(cairn_vc::did::controller_document(&ctx.issuer_id(org.slug.as_str()), &keys))
}

/// Changes to an organisation's profile: `None` leaves a field as it is, `Some(None)` clears it.
#[derive(Debug, Clone, Default)]
pub struct ProfileUpdate {
    /// New name (must not be empty).
    pub name: Option<String>,
    /// Home page.
    pub url: Option<Option<String>>,
    /// Contact email.
    pub email: Option<Option<String>>,
    /// Description.
    pub description: Option<Option<String>>,
    /// Logo URL.
    pub image_url: Option<Option<String>>,
    /// Address (replaced as a whole).
    pub address: Option<Address>,
    /// Opt in or out of suspension entries for credentials issued from now on.
    pub suspension_enabled: Option<bool>,
}

/// Applies a profile update and stores it. Credentials already issued keep the profile they
/// embed; new ones carry the new one.
pub async fn update_profile(ctx: &Ctx, org: OrgId, update: ProfileUpdate) -> Result<Organization, Error> {
    let mut o = ctx.store.get_org(org).await?;
    if let Some(name) = update.name {
        if name.trim().is_empty() {
            return Err(Error::invalid("name", "must not be empty"));
        }
        o.name = name.trim().to_string();
    }
    if let Some(address) = update.address {
        check_country(&address)?;
        o.address = address;
    }
    for (field, value) in [
        (&mut o.url, update.url),
        (&mut o.email, update.email),
        (&mut o.description, update.description),
        (&mut o.image_url, update.image_url),
    ] {
        if let Some(v) = value {
            *field = v;
        }
    }
    if let Some(s) = update.suspension_enabled {
        o.suspension_enabled = s;
    }
    ctx.store.update_org(&o).await?;
    ctx.docs.clear();
    tracing::info!(org.id = %org, "organisation profile updated");
    Ok(o)
}

/// An organisation's signing keys, oldest first, retired ones included (public halves are
/// what callers should show; the sealed seeds never leave the service layer's callers).
pub async fn list_keys(ctx: &Ctx, org: OrgId) -> Result<Vec<SigningKeyRecord>, Error> {
    ctx.store.list_signing_keys(org).await
}

/// The members of an organisation and their roles.
pub async fn list_members(ctx: &Ctx, org: OrgId) -> Result<Vec<(crate::model::User, Role)>, Error> {
    ctx.store.list_org_members(org).await
}

/// One organisation by its slug.
pub async fn get_by_slug(ctx: &Ctx, slug: &str) -> Result<Organization, Error> {
    ctx.store.get_org_by_slug(slug).await
}
