//! The earner's wallet: items (credentials as received, with the verification at import)
//! and collections.

use cairn_core::ids::{CollectionId, CredentialId, UserId, WalletItemId};
use cairn_core::model::{Collection, WalletItem, WalletSource};
use cairn_core::Error;
use uuid::Uuid;

use super::{from_json, to_json};
use crate::backend::{Backend, Exec, Ts, Tx, Q};

const ITEM_COLUMNS: &str = "id, user_id, credential_id, json, source, verification, public, share_id, added_at";

#[derive(sqlx::FromRow)]
struct ItemRow {
    id: Uuid,
    user_id: Uuid,
    credential_id: Option<Uuid>,
    json: String,
    source: String,
    verification: String,
    public: bool,
    share_id: String,
    added_at: Ts,
}

impl ItemRow {
    fn into_item(self) -> Result<WalletItem, Error> {
        Ok(WalletItem {
            id: WalletItemId(self.id),
            user_id: UserId(self.user_id),
            credential_id: self.credential_id.map(CredentialId),
            json: self.json,
            source: WalletSource::parse(&self.source).map_err(|_| super::corrupt("wallet source"))?,
            verification: from_json(&self.verification, "wallet verification")?,
            public: self.public,
            share_id: self.share_id,
            added_at: self.added_at.0,
        })
    }
}

#[derive(sqlx::FromRow)]
struct CollectionRow {
    id: Uuid,
    user_id: Uuid,
    name: String,
    created_at: Ts,
}

impl From<CollectionRow> for Collection {
    fn from(r: CollectionRow) -> Self {
        Collection { id: CollectionId(r.id), user_id: UserId(r.user_id), name: r.name, created_at: r.created_at.0 }
    }
}

pub(crate) async fn insert_wallet_item<B: Backend>(db: &B, i: &WalletItem) -> Result<(), Error> {
    let q = Q::new(format!("INSERT INTO wallet_items ({ITEM_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"))
        .bind(i.id.0)
        .bind(i.user_id.0)
        .bind(i.credential_id.map(|c| c.0))
        .bind(i.json.as_str())
        .bind(i.source.as_str())
        .bind(to_json(&i.verification)?)
        .bind(i.public)
        .bind(i.share_id.as_str())
        .bind(i.added_at);
    db.auto().execute(q).await.map(drop)
}

async fn one_item<B: Backend>(db: &B, q: Q<'_>) -> Result<Option<WalletItem>, Error> {
    let row: Option<ItemRow> = db.auto().fetch_optional(q).await?;
    row.map(ItemRow::into_item).transpose()
}

pub(crate) async fn get_wallet_item<B: Backend>(db: &B, id: WalletItemId) -> Result<WalletItem, Error> {
    let q = Q::new(format!("SELECT {ITEM_COLUMNS} FROM wallet_items WHERE id = $1")).bind(id.0);
    one_item(db, q).await?.ok_or(Error::NotFound { what: "wallet item" })
}

pub(crate) async fn get_wallet_item_by_share_id<B: Backend>(db: &B, share_id: &str) -> Result<WalletItem, Error> {
    let q = Q::new(format!("SELECT {ITEM_COLUMNS} FROM wallet_items WHERE share_id = $1")).bind(share_id);
    one_item(db, q).await?.ok_or(Error::NotFound { what: "shared credential" })
}

pub(crate) async fn find_wallet_item_by_credential<B: Backend>(
    db: &B,
    user: UserId,
    credential: CredentialId,
) -> Result<Option<WalletItem>, Error> {
    let q = Q::new(format!("SELECT {ITEM_COLUMNS} FROM wallet_items WHERE user_id = $1 AND credential_id = $2"))
        .bind(user.0)
        .bind(credential.0);
    one_item(db, q).await
}

pub(crate) async fn list_wallet_items<B: Backend>(
    db: &B,
    user: UserId,
    collection: Option<CollectionId>,
) -> Result<Vec<WalletItem>, Error> {
    let q = match collection {
        None => {
            Q::new(format!("SELECT {ITEM_COLUMNS} FROM wallet_items WHERE user_id = $1 ORDER BY added_at DESC, id"))
                .bind(user.0)
        }
        Some(c) => Q::new(format!(
            "SELECT {ITEM_COLUMNS} FROM wallet_items WHERE user_id = $1 AND id IN \
             (SELECT item_id FROM collection_items WHERE collection_id = $2) ORDER BY added_at DESC, id"
        ))
        .bind(user.0)
        .bind(c.0),
    };
    let rows: Vec<ItemRow> = db.auto().fetch_all(q).await?;
    rows.into_iter().map(ItemRow::into_item).collect()
}

pub(crate) async fn set_wallet_item_public<B: Backend>(db: &B, id: WalletItemId, public: bool) -> Result<(), Error> {
    let q = Q::new("UPDATE wallet_items SET public = $2 WHERE id = $1").bind(id.0).bind(public);
    match db.auto().execute(q).await? {
        0 => Err(Error::NotFound { what: "wallet item" }),
        _ => Ok(()),
    }
}

pub(crate) async fn delete_wallet_item<B: Backend>(db: &B, id: WalletItemId) -> Result<(), Error> {
    let mut tx = db.begin().await?;
    tx.execute(Q::new("DELETE FROM collection_items WHERE item_id = $1").bind(id.0)).await?;
    tx.execute(Q::new("DELETE FROM wallet_items WHERE id = $1").bind(id.0)).await?;
    tx.commit().await
}

pub(crate) async fn create_collection<B: Backend>(db: &B, c: &Collection) -> Result<(), Error> {
    let q = Q::new("INSERT INTO collections (id, user_id, name, created_at) VALUES ($1, $2, $3, $4)")
        .bind(c.id.0)
        .bind(c.user_id.0)
        .bind(c.name.as_str())
        .bind(c.created_at);
    db.auto().execute(q).await.map(drop)
}

pub(crate) async fn get_collection<B: Backend>(db: &B, id: CollectionId) -> Result<Collection, Error> {
    let q = Q::new("SELECT id, user_id, name, created_at FROM collections WHERE id = $1").bind(id.0);
    let row: Option<CollectionRow> = db.auto().fetch_optional(q).await?;
    row.map(Collection::from).ok_or(Error::NotFound { what: "collection" })
}

pub(crate) async fn list_collections<B: Backend>(db: &B, user: UserId) -> Result<Vec<Collection>, Error> {
    let q = Q::new("SELECT id, user_id, name, created_at FROM collections WHERE user_id = $1 ORDER BY name, id")
        .bind(user.0);
    let rows: Vec<CollectionRow> = db.auto().fetch_all(q).await?;
    Ok(rows.into_iter().map(Collection::from).collect())
}

pub(crate) async fn rename_collection<B: Backend>(db: &B, id: CollectionId, name: &str) -> Result<(), Error> {
    let q = Q::new("UPDATE collections SET name = $2 WHERE id = $1").bind(id.0).bind(name);
    match db.auto().execute(q).await? {
        0 => Err(Error::NotFound { what: "collection" }),
        _ => Ok(()),
    }
}

pub(crate) async fn delete_collection<B: Backend>(db: &B, id: CollectionId) -> Result<(), Error> {
    let mut tx = db.begin().await?;
    tx.execute(Q::new("DELETE FROM collection_items WHERE collection_id = $1").bind(id.0)).await?;
    tx.execute(Q::new("DELETE FROM collections WHERE id = $1").bind(id.0)).await?;
    tx.commit().await
}

pub(crate) async fn add_to_collection<B: Backend>(db: &B, c: CollectionId, item: WalletItemId) -> Result<(), Error> {
    let q = Q::new("INSERT INTO collection_items (collection_id, item_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
        .bind(c.0)
        .bind(item.0);
    db.auto().execute(q).await.map(drop)
}

pub(crate) async fn remove_from_collection<B: Backend>(
    db: &B,
    c: CollectionId,
    item: WalletItemId,
) -> Result<(), Error> {
    let q = Q::new("DELETE FROM collection_items WHERE collection_id = $1 AND item_id = $2").bind(c.0).bind(item.0);
    db.auto().execute(q).await.map(drop)
}

#[derive(sqlx::FromRow)]
struct IdRow {
    collection_id: Uuid,
}

pub(crate) async fn collections_of_item<B: Backend>(db: &B, item: WalletItemId) -> Result<Vec<CollectionId>, Error> {
    let q = Q::new("SELECT collection_id FROM collection_items WHERE item_id = $1").bind(item.0);
    let rows: Vec<IdRow> = db.auto().fetch_all(q).await?;
    Ok(rows.into_iter().map(|r| CollectionId(r.collection_id)).collect())
}
