//! The earner's entry point: the emailed claim link shows the credential; "Add to my
//! wallet" marks it claimed and keeps it (once, however often it is added).

use super::live::{live_of_json, Live};
use crate::ids::{UserId, WalletItemId};
use crate::model::CredentialRecord;
use crate::service::{credential, Ctx};
use crate::Error;

/// What the claim page shows.
#[derive(Debug, Clone)]
pub struct ClaimPreview {
    /// The credential.
    pub record: CredentialRecord,
    /// Its live verification.
    pub live: Live,
    /// The visitor's wallet item holding it, when they are signed in and added it.
    pub in_wallet: Option<WalletItemId>,
}

/// The claim page's content, without claiming anything.
pub async fn preview(ctx: &Ctx, user: Option<UserId>, token: &str) -> Result<ClaimPreview, Error> {
    let record = credential::by_claim_token(ctx, token).await?;
    let live = live_of_json(ctx, &record.json, false).await?;
    // The live check counts as a verification on the issuer's dashboard (not as a page view).
    crate::service::stats::note(ctx, record.org_id, crate::model::EventKind::Verified).await;
    let in_wallet = match user {
        Some(u) => ctx.store.find_wallet_item_by_credential(u, record.id).await?.map(|i| i.id),
        None => None,
    };
    Ok(ClaimPreview { record, live, in_wallet })
}
