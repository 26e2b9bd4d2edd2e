//! `did:key` and `did:web` identifiers, and controller documents (DID documents with
//! Multikey verification methods) as Cairn publishes them.

use serde_json::{json, Value};

use crate::contexts::{DID_V1, MULTIKEY_V1};
use crate::keys::{parse_public_key_multibase, KeyError};

/// A DID that could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DidError {
    /// Not a did:web we can translate.
    #[error("invalid did:web identifier `{0}`: {1}")]
    Web(String, &'static str),
    /// A did:key whose key is not Ed25519 Multikey.
    #[error("invalid did:key: {0}")]
    Key(#[from] KeyError),
}

/// The HTTPS URL of a `did:web` DID document (did:web method §3.2): `:` → `/`,
/// percent-decoding (a port is written `%3A`), `/.well-known` when there is no path,
/// then `/did.json`.
pub fn did_web_url(did: &str) -> Result<String, DidError> {
    let msid = did.strip_prefix("did:web:").ok_or(DidError::Web(did.into(), "must start with did:web:"))?;
    let msid = msid.split(['#', '?']).next().unwrap_or_default();
    if msid.is_empty() {
        return Err(DidError::Web(did.into(), "no domain"));
    }
    let mut parts = msid.split(':');
    let host =
        percent_decode(parts.next().unwrap_or_default()).ok_or(DidError::Web(did.into(), "bad percent-encoding"))?;
    if host.is_empty() || host.contains(['/', '@', ' ']) {
        return Err(DidError::Web(did.into(), "bad domain"));
    }
    let path: Vec<String> =
        parts.map(percent_decode).collect::<Option<_>>().ok_or(DidError::Web(did.into(), "bad percent-encoding"))?;
    if path.iter().any(|p| p.is_empty() || p == ".." || p.contains('/')) {
        return Err(DidError::Web(did.into(), "bad path segment"));
    }
    Ok(if path.is_empty() {
        format!("https://{host}/.well-known/did.json")
    } else {
        format!("https://{host}/{}/did.json", path.join("/"))
    })
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The DID document of an Ed25519 `did:key` (one Multikey VM in every relationship).
pub fn did_key_document(did: &str) -> Result<Value, DidError> {
    let mb = did.strip_prefix("did:key:").ok_or(DidError::Key(KeyError::Multibase(did.into())))?;
    let mb = mb.split('#').next().unwrap_or_default();
    parse_public_key_multibase(mb)?;
    let did = format!("did:key:{mb}");
    let vm = format!("{did}#{mb}");
    Ok(json!({
        "@context": [DID_V1, MULTIKEY_V1],
        "id": did,
        "verificationMethod": [{"id": vm, "type": "Multikey", "controller": did, "publicKeyMultibase": mb}],
        "authentication": [vm], "assertionMethod": [vm],
        "capabilityDelegation": [vm], "capabilityInvocation": [vm],
    }))
}

/// A controller document for an issuer (HTTPS id or did:web), listing every key
/// (`publicKeyMultibase` values), newest last; all are assertion methods, so credentials
/// signed before a rotation keep verifying.
pub fn controller_document(issuer_id: &str, public_keys: &[String]) -> Value {
    let vms: Vec<Value> = public_keys
        .iter()
        .map(|mb| json!({"id": format!("{issuer_id}#{mb}"), "type": "Multikey", "controller": issuer_id, "publicKeyMultibase": mb}))
        .collect();
    let ids: Vec<Value> = public_keys.iter().map(|mb| Value::String(format!("{issuer_id}#{mb}"))).collect();
    json!({
        "@context": [DID_V1, MULTIKEY_V1],
        "id": issuer_id,
        "verificationMethod": vms,
        "assertionMethod": ids.clone(),
        "authentication": ids,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn did_web_urls_follow_the_method_spec() {
        assert_eq!(did_web_url("did:web:example.com").unwrap(), "https://example.com/.well-known/did.json");
        assert_eq!(
            did_web_url("did:web:example.com%3A3000:user:alice").unwrap(),
            "https://example.com:3000/user/alice/did.json"
        );
        assert_eq!(
            did_web_url("did:web:w3c-ccg.github.io:user:alice#key-1").unwrap(),
            "https://w3c-ccg.github.io/user/alice/did.json"
        );
        assert!(did_web_url("did:web:").is_err());
        assert!(did_web_url("did:web:example.com:..:x").is_err());
    }

    #[test]
    fn did_key_document_lists_its_key_everywhere() {
        let doc = did_key_document("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2").unwrap();
        let vm =
            "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
        assert_eq!(doc["assertionMethod"][0], vm);
        assert_eq!(doc["verificationMethod"][0]["id"], vm);
        assert!(did_key_document("did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme").is_err());
    }
}
