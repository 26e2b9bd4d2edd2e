//! The earner's wallet: claiming this server's credentials, importing others' (verified on
//! the way in), the live status of each, public sharing and collections. Every item and
//! collection belongs to one user; another user's is `NotFound`, never `Forbidden`, so ids
//! reveal nothing.

pub mod claim;
pub mod collections;
pub mod import;
pub mod live;
pub mod ob2;

use cairn_vc::report::{Outcome, Report};
use serde_json::Value;

use super::{credential, verify, Ctx};
use crate::crypto::random_token;
use crate::ids::{CollectionId, UserId, WalletItemId};
use crate::model::{CheckSummary, DisplayFields, User, VerificationSummary, WalletItem, WalletSource};
use crate::Error;

pub use live::{live_of_json, live_status, state_of, Live, LiveState};

/// `kind` of a verification summary: a VC Data Integrity verification.
pub const KIND_OB3: &str = "ob3";
/// `kind` of a verification summary: Open Badges 2.0 hosted verification.
pub const KIND_OB2_HOSTED: &str = "ob2_hosted";

/// A report as stored with the item.
pub fn summarize(kind: &str, report: &Report, display: DisplayFields) -> VerificationSummary {
    let checks = report
        .checks
        .iter()
        .map(|c| CheckSummary {
            check: c.check.to_string(),
            outcome: outcome_str(c.outcome).to_string(),
            message: c.message.clone(),
            code: c.code.clone(),
        })
        .collect();
    VerificationSummary { kind: kind.to_string(), verified: report.verified, checks, display }
}

/// `passed`, `failed`, `warning` or `skipped`.
pub fn outcome_str(o: Outcome) -> &'static str {
    match o {
        Outcome::Passed => "passed",
        Outcome::Failed => "failed",
        Outcome::Warning => "warning",
        Outcome::Skipped => "skipped",
    }
}

/// A random, unguessable share id (22 URL-safe characters, 132 bits).
fn new_share_id() -> String {
    let token = random_token();
    token.trim_start_matches("cairn_").chars().take(22).collect()
}

/// A new item for `user`, not yet stored.
fn new_item(
    ctx: &Ctx,
    user: UserId,
    json: String,
    source: WalletSource,
    verification: VerificationSummary,
) -> WalletItem {
    WalletItem {
        id: WalletItemId::new_random(),
        user_id: user,
        credential_id: None,
        json,
        source,
        verification,
        public: false,
        share_id: new_share_id(),
        added_at: ctx.clock.now(),
    }
}

/// Adds the credential a claim link points to to `user`'s wallet and marks it claimed.
/// Claiming twice gives the same item.
pub async fn add_claimed(ctx: &Ctx, user: &User, token: &str) -> Result<WalletItem, Error> {
    let record = credential::claim(ctx, token).await?;
    if let Some(found) = ctx.store.find_wallet_item_by_credential(user.id, record.id).await? {
        return Ok(found);
    }
    let doc: Value =
        serde_json::from_str(&record.json).map_err(|e| Error::Internal(format!("stored credential: {e}")))?;
    let report = verify::verify_credential(ctx, &doc).await?;
    let summary = summarize(KIND_OB3, &report, DisplayFields::default());
    let mut item = new_item(ctx, user.id, record.json, WalletSource::Claimed, summary);
    item.credential_id = Some(record.id);
    match ctx.store.insert_wallet_item(&item).await {
        Ok(()) => Ok(item),
        // Two tabs claimed at once: the other one stored it.
        Err(Error::Conflict(_)) => ctx
            .store
            .find_wallet_item_by_credential(user.id, record.id)
            .await?
            .ok_or(Error::NotFound { what: "wallet item" }),
        Err(e) => Err(e),
    }
}

/// Stores an imported credential.
pub(crate) async fn store_imported(
    ctx: &Ctx,
    user: UserId,
    json: String,
    source: WalletSource,
    summary: VerificationSummary,
) -> Result<WalletItem, Error> {
    let item = new_item(ctx, user, json, source, summary);
    ctx.store.insert_wallet_item(&item).await?;
    Ok(item)
}

/// `user`'s items, newest first; only those of one of their collections when given.
pub async fn items(ctx: &Ctx, user: UserId, collection: Option<CollectionId>) -> Result<Vec<WalletItem>, Error> {
    if let Some(c) = collection {
        collections::own(ctx, user, c).await?;
    }
    ctx.store.list_wallet_items(user, collection).await
}

/// One of `user`'s items.
pub async fn item(ctx: &Ctx, user: UserId, id: WalletItemId) -> Result<WalletItem, Error> {
    let item = ctx.store.get_wallet_item(id).await?;
    if item.user_id != user {
        return Err(Error::NotFound { what: "wallet item" });
    }
    Ok(item)
}

/// The item a public link shows, when its owner shares it.
pub async fn shared(ctx: &Ctx, share_id: &str) -> Result<WalletItem, Error> {
    if share_id.len() > 64 {
        return Err(Error::NotFound { what: "shared credential" });
    }
    let item = ctx.store.get_wallet_item_by_share_id(share_id).await?;
    if !item.public {
        return Err(Error::NotFound { what: "shared credential" });
    }
    Ok(item)
}

/// Turns the public page of one of `user`'s items on or off.
pub async fn set_public(ctx: &Ctx, user: UserId, id: WalletItemId, public: bool) -> Result<WalletItem, Error> {
    let mut found = item(ctx, user, id).await?;
    ctx.store.set_wallet_item_public(id, public).await?;
    found.public = public;
    Ok(found)
}

/// Removes one of `user`'s items from their wallet (the credential itself is untouched).
pub async fn remove(ctx: &Ctx, user: UserId, id: WalletItemId) -> Result<(), Error> {
    item(ctx, user, id).await?;
    ctx.store.delete_wallet_item(id).await
}

/// `<base>/s/<share id>`: the public page of a shared item.
pub fn share_url(ctx: &Ctx, item: &WalletItem) -> String {
    format!("{}/s/{}", ctx.base_url, item.share_id)
}
