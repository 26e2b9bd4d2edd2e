//! Reading credentials: an organisation's list, one by id (public), claiming by token.

use super::Ctx;
use crate::crypto::token_hash;
use crate::ids::{CredentialId, OrgId};
use crate::model::CredentialRecord;
use crate::store::CredentialQuery;
use crate::Error;

/// One of `org`'s credentials.
pub async fn get_for_org(ctx: &Ctx, org: OrgId, id: CredentialId) -> Result<CredentialRecord, Error> {
    let c = ctx.store.get_credential(id).await?;
    if c.org_id != org {
        return Err(Error::NotFound { what: "credential" });
    }
    Ok(c)
}

/// An organisation's credentials, filtered; `limit` is capped at 500.
pub async fn list_for_org(ctx: &Ctx, org: OrgId, mut query: CredentialQuery) -> Result<Vec<CredentialRecord>, Error> {
    query.limit = query.limit.clamp(1, 500);
    ctx.store.list_credentials(org, &query).await
}

/// The credential a claim link points to, without claiming it (the claim page).
pub async fn by_claim_token(ctx: &Ctx, token: &str) -> Result<CredentialRecord, Error> {
    if token.len() > 100 {
        return Err(Error::NotFound { what: "claim link" });
    }
    ctx.store.get_credential_by_claim_token(&token_hash(token)).await
}

/// The credential a claim link points to; marks it claimed the first time (the earner
/// added it to their wallet).
pub async fn claim(ctx: &Ctx, token: &str) -> Result<CredentialRecord, Error> {
    let mut c = by_claim_token(ctx, token).await?;
    if c.claimed_at.is_none() {
        let now = ctx.clock.now();
        ctx.store.mark_claimed(c.id, now).await?;
        c.claimed_at = Some(now);
    }
    Ok(c)
}
