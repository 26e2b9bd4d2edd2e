//! The public documents a Cairn server publishes without login: credentials, issuer
//! controller / DID documents and Profiles, achievements and status lists. Every verifier —
//! Cairn's own included — reads exactly these documents, so they are built in one place.

use cairn_vc::contexts::{CAIRN_EU_V1, OB_V3P0_3, VC_V2};
use serde_json::{json, Value};

use super::{achievements, orgs, Ctx};
use crate::ids::{AchievementId, CredentialId, StatusListId};
use crate::model::{Achievement, CredentialRecord, Organization, StatusListRecord};
use crate::Error;

/// `did:web:<host>:issuers:<slug>` for the base URL (a port is written `%3A`, path
/// segments of the base become `:`-separated), so that did:web resolution of it gives
/// `<base>/issuers/<slug>/did.json`.
pub fn did_web_id(ctx: &Ctx, slug: &str) -> String {
    did_web_id_for(&ctx.base_url, slug)
}

/// [`did_web_id`] for an explicit base URL.
pub fn did_web_id_for(base_url: &str, slug: &str) -> String {
    let rest = strip_scheme(base_url);
    let mut parts = rest.split('/').filter(|p| !p.is_empty());
    let host = parts.next().unwrap_or_default().replace(':', "%3A");
    let mut did = format!("did:web:{host}");
    for segment in parts {
        did.push(':');
        did.push_str(segment);
    }
    did.push_str(":issuers:");
    did.push_str(slug);
    did
}

/// The URL without its `https://` or `http://` prefix.
pub(crate) fn strip_scheme(url: &str) -> &str {
    url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")).unwrap_or(url)
}

/// An organisation by its public slug.
pub async fn org_by_slug(ctx: &Ctx, slug: &str) -> Result<Organization, Error> {
    if slug.len() > 64 {
        return Err(Error::NotFound { what: "issuer" });
    }
    ctx.store.get_org_by_slug(slug).await
}

/// The document served at the HTTPS issuer id for JSON requests: the controller document
/// (every key, retired ones included, so old credentials keep verifying).
///
/// Compatibility choice: `@digitalcredentials/verifier-core` (the DCC wallet's verifier)
/// dereferences a verification method `<issuer id>#z6Mk…` by fetching `<issuer id>` (the
/// fragment never reaches the server) and reads the returned document itself as the key: it
/// wants top-level `type: Multikey`, `controller` and `publicKeyMultibase`, then checks that
/// the document's `id` (the issuer id) is listed under the controller's `assertionMethod`
/// and that the controller's `id` is the credential's issuer. So when the organisation has
/// exactly one active key, the same document also describes that key at the top level and
/// lists the issuer id under `assertionMethod`. It stays a valid controller document (Cairn's
/// verifier and the Digital Bazaar stack resolve the `#z6Mk…` method in
/// `verificationMethod`); credentials signed by a retired key still verify there, but not in
/// verifier-core, which only sees the top-level (active) key.
pub async fn issuer_document(ctx: &Ctx, org: &Organization) -> Result<Value, Error> {
    let issuer = ctx.issuer_id(org.slug.as_str());
    let keys = ctx.store.list_signing_keys(org.id).await?;
    let all: Vec<String> = keys.iter().map(|k| k.public_key_multibase.clone()).collect();
    let mut doc = cairn_vc::did::controller_document(&issuer, &all);
    let mut active = keys.iter().filter(|k| k.retired_at.is_none());
    if let (Some(key), None, Some(map)) = (active.next(), active.next(), doc.as_object_mut()) {
        map.insert("type".into(), "Multikey".into());
        map.insert("controller".into(), issuer.clone().into());
        map.insert("publicKeyMultibase".into(), key.public_key_multibase.clone().into());
        if let Some(Value::Array(methods)) = map.get_mut("assertionMethod") {
            methods.push(issuer.into());
        }
    }
    Ok(doc)
}

/// The did:web DID document of an organisation (`did:web:<host>:issuers:<slug>`), every key,
/// with the HTTPS issuer id as `alsoKnownAs`.
pub async fn did_document(ctx: &Ctx, org: &Organization) -> Result<Value, Error> {
    let did = did_web_id(ctx, org.slug.as_str());
    let keys: Vec<String> =
        ctx.store.list_signing_keys(org.id).await?.into_iter().map(|k| k.public_key_multibase).collect();
    let mut doc = cairn_vc::did::controller_document(&did, &keys);
    if let Some(map) = doc.as_object_mut() {
        map.insert("alsoKnownAs".into(), json!([ctx.issuer_id(org.slug.as_str())]));
    }
    Ok(doc)
}

/// The issuer `Profile` as a standalone OB 3.0 document (with its `@context`).
pub fn profile_document(ctx: &Ctx, org: &Organization) -> Value {
    let mut profile = orgs::issuer_profile(ctx, org);
    if let Some(map) = profile.as_object_mut() {
        map.shift_insert(0, "@context".into(), json!([VC_V2, OB_V3P0_3]));
    }
    profile
}

/// An achievement (a version, or the latest), its organisation, and its OB 3.0
/// `Achievement` document (with its `@context`; Cairn's extension context when used).
pub async fn achievement_document(
    ctx: &Ctx,
    id: AchievementId,
    version: Option<i32>,
) -> Result<(Achievement, Organization, Value), Error> {
    let achievement = ctx.store.get_achievement(id, version).await?;
    let org = ctx.store.get_org(achievement.org_id).await?;
    let creator = orgs::issuer_profile(ctx, &org);
    let mut doc = achievements::to_ob_achievement(ctx, &achievement, Some(&creator));
    let mut contexts = vec![json!(VC_V2), json!(OB_V3P0_3)];
    if achievements::uses_extension(&achievement.definition) {
        contexts.push(json!(CAIRN_EU_V1));
    }
    if let Some(map) = doc.as_object_mut() {
        map.shift_insert(0, "@context".into(), Value::Array(contexts));
    }
    Ok((achievement, org, doc))
}

/// An organisation's achievements (latest versions), for its public page.
pub async fn achievements_of(ctx: &Ctx, org: &Organization) -> Result<Vec<Achievement>, Error> {
    ctx.store.list_achievements(org.id).await
}

/// An organisation's public keys (`z6Mk…`), oldest first, and whether each still signs.
pub async fn public_keys(ctx: &Ctx, org: &Organization) -> Result<Vec<(String, bool)>, Error> {
    let keys = ctx.store.list_signing_keys(org.id).await?;
    Ok(keys.into_iter().map(|k| (k.public_key_multibase, k.retired_at.is_none())).collect())
}

/// A credential as issued (public: its id is its URL).
pub async fn credential(ctx: &Ctx, id: CredentialId) -> Result<CredentialRecord, Error> {
    ctx.store.get_credential(id).await
}

/// A status list, read from storage on every call: several servers may share one database,
/// so a change made through any of them is visible at once.
pub async fn status_list(ctx: &Ctx, id: StatusListId) -> Result<StatusListRecord, Error> {
    ctx.store.get_status_list(id).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn did_web_ids_round_trip_to_the_did_json_url() {
        for (base, did, url) in [
            (
                "https://badges.example.edu",
                "did:web:badges.example.edu:issuers:acme",
                "https://badges.example.edu/issuers/acme/did.json",
            ),
            (
                "http://localhost:3000",
                "did:web:localhost%3A3000:issuers:acme",
                "https://localhost:3000/issuers/acme/did.json",
            ),
            (
                "https://example.org/badges",
                "did:web:example.org:badges:issuers:acme",
                "https://example.org/badges/issuers/acme/did.json",
            ),
        ] {
            assert_eq!(did_web_id_for(base, "acme"), did);
            assert_eq!(cairn_vc::did::did_web_url(did).unwrap(), url);
        }
    }
}
