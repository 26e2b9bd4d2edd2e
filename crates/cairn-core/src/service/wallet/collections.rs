//! Collections: named sets of a user's wallet items.

use super::item;
use crate::ids::{CollectionId, UserId, WalletItemId};
use crate::model::Collection;
use crate::service::Ctx;
use crate::Error;

/// The longest collection name.
pub const MAX_NAME: usize = 100;

fn clean_name(name: &str) -> Result<String, Error> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::invalid("wallet-collection-name", "must not be empty"));
    }
    if name.chars().count() > MAX_NAME {
        return Err(Error::invalid("wallet-collection-name", format!("must be at most {MAX_NAME} characters")));
    }
    Ok(name.to_string())
}

/// One of `user`'s collections.
pub async fn own(ctx: &Ctx, user: UserId, id: CollectionId) -> Result<Collection, Error> {
    let c = ctx.store.get_collection(id).await?;
    if c.user_id != user {
        return Err(Error::NotFound { what: "collection" });
    }
    Ok(c)
}

/// `user`'s collections, by name.
pub async fn list(ctx: &Ctx, user: UserId) -> Result<Vec<Collection>, Error> {
    ctx.store.list_collections(user).await
}

/// Creates a collection.
pub async fn create(ctx: &Ctx, user: UserId, name: &str) -> Result<Collection, Error> {
    let c = Collection {
        id: CollectionId::new_random(),
        user_id: user,
        name: clean_name(name)?,
        created_at: ctx.clock.now(),
    };
    ctx.store.create_collection(&c).await?;
    Ok(c)
}

/// Renames one of `user`'s collections.
pub async fn rename(ctx: &Ctx, user: UserId, id: CollectionId, name: &str) -> Result<(), Error> {
    let name = clean_name(name)?;
    own(ctx, user, id).await?;
    ctx.store.rename_collection(id, &name).await
}

/// Deletes one of `user`'s collections; its items stay in the wallet.
pub async fn delete(ctx: &Ctx, user: UserId, id: CollectionId) -> Result<(), Error> {
    own(ctx, user, id).await?;
    ctx.store.delete_collection(id).await
}

/// Puts one of `user`'s items into one of their collections.
pub async fn add_item(ctx: &Ctx, user: UserId, id: CollectionId, item_id: WalletItemId) -> Result<(), Error> {
    own(ctx, user, id).await?;
    item(ctx, user, item_id).await?;
    ctx.store.add_to_collection(id, item_id).await
}

/// Takes one of `user`'s items out of one of their collections.
pub async fn remove_item(ctx: &Ctx, user: UserId, id: CollectionId, item_id: WalletItemId) -> Result<(), Error> {
    own(ctx, user, id).await?;
    item(ctx, user, item_id).await?;
    ctx.store.remove_from_collection(id, item_id).await
}

/// The collections one of `user`'s items is in.
pub async fn of_item(ctx: &Ctx, user: UserId, item_id: WalletItemId) -> Result<Vec<CollectionId>, Error> {
    item(ctx, user, item_id).await?;
    ctx.store.collections_of_item(item_id).await
}
