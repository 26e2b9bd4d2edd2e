//! Status lists: random index allocation (unique in the database, never reused), opening a
//! new list well before one fills, signing list credentials, and revoke / suspend /
//! reinstate, each re-signing the list in the same transaction as the change.

use cairn_vc::bitstring::{Bitstring, MIN_STATUS_LIST_BITS};
use cairn_vc::datetime::format_utc_seconds;
use cairn_vc::keys::Ed25519Key;
use cairn_vc::proof::{self, ProofOptions};
use rand::seq::index::sample;

use super::{orgs, Ctx};
use crate::ids::{CredentialId, OrgId, StatusListId};
use crate::model::{CredentialRecord, Organization, StatusListRecord, StatusPurpose, StatusRef};
use crate::store::StatusChange;
use crate::Error;

/// Entries per list: the W3C minimum, 131,072.
pub const LIST_SIZE: u32 = MIN_STATUS_LIST_BITS as u32;
/// A new list is opened once this many indexes are taken, so random picks stay cheap and
/// every list keeps a large anonymity set.
pub const LIST_FILL_LIMIT: u32 = LIST_SIZE / 2;
/// `ttl` of list credentials and `Cache-Control: max-age` when serving them, in ms.
pub const LIST_TTL_MS: u64 = 60_000;

/// Allocates `n` status entries for `purpose`, uniformly at random among each list's free
/// indexes (the database refuses duplicates, so several servers may allocate at once).
pub async fn allocate(
    ctx: &Ctx,
    org: &Organization,
    purpose: StatusPurpose,
    n: usize,
) -> Result<Vec<StatusRef>, Error> {
    let mut refs = Vec::with_capacity(n);
    let mut rounds = 0;
    while refs.len() < n {
        rounds += 1;
        if rounds > 1000 {
            return Err(Error::Internal("status index allocation made no progress".into()));
        }
        let list = match ctx.store.current_status_list(org.id, purpose).await? {
            Some(l) if l.allocated < LIST_FILL_LIMIT => l,
            _ => {
                // Read the current list again rather than use the one just opened: workers
                // that opened lists at the same moment then all fill the newest one, and
                // the others stay empty instead of each holding a few credentials.
                open_list(ctx, org, purpose).await?;
                continue;
            }
        };
        let room = (LIST_FILL_LIMIT - list.allocated.min(LIST_FILL_LIMIT)) as usize;
        let want = (n - refs.len()).min(room.max(1));
        let candidates: Vec<u32> =
            sample(&mut rand::rngs::OsRng, LIST_SIZE as usize, want).into_iter().map(|i| i as u32).collect();
        let got = ctx.store.allocate_status_indexes(list.id, &candidates).await?;
        refs.extend(got.into_iter().map(|index| StatusRef { list_id: list.id, index }));
    }
    refs.truncate(n);
    Ok(refs)
}

/// Opens (stores and signs) a new, empty list.
async fn open_list(ctx: &Ctx, org: &Organization, purpose: StatusPurpose) -> Result<StatusListRecord, Error> {
    let (_, key) = orgs::active_key(ctx, org.id).await?;
    let mut list = StatusListRecord {
        id: StatusListId::new_random(),
        org_id: org.id,
        purpose,
        bits: vec![0u8; (LIST_SIZE / 8) as usize],
        allocated: 0,
        version: 1,
        signed_json: String::new(),
        updated_at: ctx.clock.now(),
    };
    list.signed_json = sign_list(ctx, org, &key, &list)?;
    ctx.store.insert_status_list(&list).await?;
    tracing::info!(status_list.id = %list.id, org.id = %org.id, purpose = purpose.as_str(), "status list opened");
    Ok(list)
}

/// The signed `BitstringStatusListCredential` for a list's current bits.
pub fn sign_list(ctx: &Ctx, org: &Organization, key: &Ed25519Key, list: &StatusListRecord) -> Result<String, Error> {
    let bits = Bitstring::from_bytes(list.bits.clone());
    let url = ctx.status_list_url(list.id);
    let issuer = ctx.issuer_id(org.slug.as_str());
    let now = format_utc_seconds(ctx.clock.now());
    let doc = cairn_vc::status::status_list_credential(&url, &issuer, list.purpose, &bits, &now, LIST_TTL_MS)
        .map_err(|e| Error::Internal(e.to_string()))?;
    let vm = format!("{issuer}#{}", key.public_key_multibase());
    let signed = proof::sign(&ctx.canon, &doc, key, &ProofOptions::assertion(vm, now))?;
    serde_json::to_string(&signed).map_err(|e| Error::Internal(e.to_string()))
}

/// What to do to a credential's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusAction {
    /// Permanent.
    Revoke,
    /// Reversible.
    Suspend,
    /// Lift a suspension.
    Reinstate,
}

/// Revokes, suspends or reinstates one of `org`'s credentials.
pub async fn change_status(
    ctx: &Ctx,
    org_id: OrgId,
    id: CredentialId,
    action: StatusAction,
    reason: Option<String>,
) -> Result<CredentialRecord, Error> {
    let cred = ctx.store.get_credential(id).await?;
    if cred.org_id != org_id {
        return Err(Error::NotFound { what: "credential" });
    }
    if cred.revoked_at.is_some() {
        return Err(Error::Conflict("the credential is revoked; revocation is permanent".into()));
    }
    let (purpose, set) = match action {
        StatusAction::Revoke => (StatusPurpose::Revocation, true),
        StatusAction::Suspend | StatusAction::Reinstate => {
            if cred.suspension.is_none() {
                return Err(Error::Conflict("this credential was issued without a suspension entry".into()));
            }
            (StatusPurpose::Suspension, action == StatusAction::Suspend)
        }
    };
    if reason.as_ref().is_some_and(|r| r.len() > 500) {
        return Err(Error::invalid("reason", "must be at most 500 characters"));
    }
    let org = ctx.store.get_org(org_id).await?;
    let (_, key) = orgs::active_key(ctx, org_id).await?;
    let change = StatusChange { credential_id: id, purpose, set, reason, at: ctx.clock.now() };
    let resign = |list: &StatusListRecord| sign_list(ctx, &org, &key, list);
    let list = ctx.store.change_status(&change, &resign).await?;
    ctx.docs.clear();
    tracing::info!(credential.id = %id, status_list.id = %list.id, action = ?action, "credential status changed");
    ctx.store.get_credential(id).await
}
