//! Organisations and their signing keys.

use cairn_core::ids::{KeyId, OrgId};
use cairn_core::model::{Address, Organization, SigningKeyRecord, Slug};
use cairn_core::Error;
use time::OffsetDateTime;
use uuid::Uuid;

use super::{corrupt, from_json, to_json};
use crate::backend::{Backend, Exec, Ts, Q};

const ORG_COLUMNS: &str = "id, slug, name, url, email, description, image_url, address, suspension_enabled, created_at";

#[derive(sqlx::FromRow)]
pub(crate) struct OrgRow {
    id: Uuid,
    slug: String,
    name: String,
    url: Option<String>,
    email: Option<String>,
    description: Option<String>,
    image_url: Option<String>,
    address: String,
    suspension_enabled: bool,
    created_at: Ts,
}

impl OrgRow {
    fn into_org(self) -> Result<Organization, Error> {
        Ok(Organization {
            id: OrgId(self.id),
            slug: Slug::parse(&self.slug).map_err(|_| corrupt("organisation slug"))?,
            name: self.name,
            url: self.url,
            email: self.email,
            description: self.description,
            image_url: self.image_url,
            address: from_json::<Address>(&self.address, "organisation address")?,
            suspension_enabled: self.suspension_enabled,
            created_at: self.created_at.0,
        })
    }
}

pub(crate) async fn create_org<B: Backend>(db: &B, org: &Organization) -> Result<(), Error> {
    let q = Q::new(format!("INSERT INTO orgs ({ORG_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"))
        .bind(org.id.0)
        .bind(org.slug.as_str())
        .bind(org.name.as_str())
        .bind(org.url.as_deref())
        .bind(org.email.as_deref())
        .bind(org.description.as_deref())
        .bind(org.image_url.as_deref())
        .bind(to_json(&org.address)?)
        .bind(org.suspension_enabled)
        .bind(org.created_at);
    db.auto().execute(q).await.map(drop)
}

pub(crate) async fn update_org<B: Backend>(db: &B, org: &Organization) -> Result<(), Error> {
    let q = Q::new(
        "UPDATE orgs SET name = $2, url = $3, email = $4, description = $5, image_url = $6, address = $7, \
         suspension_enabled = $8 WHERE id = $1",
    )
    .bind(org.id.0)
    .bind(org.name.as_str())
    .bind(org.url.as_deref())
    .bind(org.email.as_deref())
    .bind(org.description.as_deref())
    .bind(org.image_url.as_deref())
    .bind(to_json(&org.address)?)
    .bind(org.suspension_enabled);
    match db.auto().execute(q).await? {
        0 => Err(Error::NotFound { what: "organisation" }),
        _ => Ok(()),
    }
}

pub(crate) async fn get_org<B: Backend>(db: &B, id: OrgId) -> Result<Organization, Error> {
    let q = Q::new(format!("SELECT {ORG_COLUMNS} FROM orgs WHERE id = $1")).bind(id.0);
    let row: Option<OrgRow> = db.auto().fetch_optional(q).await?;
    row.ok_or(Error::NotFound { what: "organisation" })?.into_org()
}

pub(crate) async fn get_org_by_slug<B: Backend>(db: &B, slug: &str) -> Result<Organization, Error> {
    let q = Q::new(format!("SELECT {ORG_COLUMNS} FROM orgs WHERE slug = $1")).bind(slug);
    let row: Option<OrgRow> = db.auto().fetch_optional(q).await?;
    row.ok_or(Error::NotFound { what: "organisation" })?.into_org()
}

pub(crate) async fn list_orgs<B: Backend>(db: &B) -> Result<Vec<Organization>, Error> {
    let q = Q::new(format!("SELECT {ORG_COLUMNS} FROM orgs ORDER BY name, slug"));
    let rows: Vec<OrgRow> = db.auto().fetch_all(q).await?;
    rows.into_iter().map(OrgRow::into_org).collect()
}

#[derive(sqlx::FromRow)]
pub(crate) struct SigningKeyRow {
    id: Uuid,
    org_id: Uuid,
    public_key_multibase: String,
    sealed_seed: Vec<u8>,
    created_at: Ts,
    retired_at: Option<Ts>,
}

impl From<SigningKeyRow> for SigningKeyRecord {
    fn from(r: SigningKeyRow) -> Self {
        SigningKeyRecord {
            id: KeyId(r.id),
            org_id: OrgId(r.org_id),
            public_key_multibase: r.public_key_multibase,
            sealed_seed: r.sealed_seed,
            created_at: r.created_at.0,
            retired_at: r.retired_at.map(|t| t.0),
        }
    }
}

pub(crate) async fn insert_signing_key<B: Backend>(db: &B, key: &SigningKeyRecord) -> Result<(), Error> {
    let q = Q::new(
        "INSERT INTO signing_keys (id, org_id, public_key_multibase, sealed_seed, created_at, retired_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(key.id.0)
    .bind(key.org_id.0)
    .bind(key.public_key_multibase.as_str())
    .bind(key.sealed_seed.as_slice())
    .bind(key.created_at)
    .bind(key.retired_at);
    db.auto().execute(q).await.map(drop)
}

pub(crate) async fn retire_signing_keys<B: Backend>(
    db: &B,
    org: OrgId,
    except: KeyId,
    at: OffsetDateTime,
) -> Result<(), Error> {
    let q = Q::new("UPDATE signing_keys SET retired_at = $3 WHERE org_id = $1 AND id <> $2 AND retired_at IS NULL")
        .bind(org.0)
        .bind(except.0)
        .bind(at);
    db.auto().execute(q).await.map(drop)
}

pub(crate) async fn list_signing_keys<B: Backend>(db: &B, org: OrgId) -> Result<Vec<SigningKeyRecord>, Error> {
    let q = Q::new(
        "SELECT id, org_id, public_key_multibase, sealed_seed, created_at, retired_at FROM signing_keys \
         WHERE org_id = $1 ORDER BY seq",
    )
    .bind(org.0);
    let rows: Vec<SigningKeyRow> = db.auto().fetch_all(q).await?;
    Ok(rows.into_iter().map(SigningKeyRecord::from).collect())
}
