//! Verification-method resolution: from a proof's `verificationMethod` to an Ed25519 key
//! and its controller (STANDARDS.md §5).

use base64::Engine as _;
use ed25519_dalek::VerifyingKey;
use serde_json::{Map, Value};

use crate::did::did_web_url;
use crate::error::VcError;
use crate::keys::parse_public_key_multibase;
use crate::resolve::{ResolveError, Resolver};

/// A resolved verification method.
#[derive(Debug, Clone)]
pub struct ResolvedKey {
    /// The Ed25519 public key.
    pub key: VerifyingKey,
    /// Who controls the key (compared with the credential's issuer).
    pub controller: String,
    /// Things a verifier should know (for example that the key came from the fragment).
    pub warnings: Vec<String>,
}

/// Resolves `vm` for `purpose` (`assertionMethod` or `authentication`).
pub fn resolve(vm: &str, purpose: &str, resolver: &dyn Resolver) -> Result<ResolvedKey, VcError> {
    let (base, fragment) = match vm.split_once('#') {
        Some((b, f)) => (b, Some(f)),
        None => (vm, None),
    };
    if base.starts_with("did:key:") {
        return resolve_did_key(vm, base, fragment);
    }
    if base.starts_with("did:web:") {
        let url = did_web_url(base).map_err(|e| VcError::VerificationMethod(e.to_string()))?;
        let doc = resolver
            .fetch_json(&url)
            .map_err(|e| VcError::VerificationMethod(format!("cannot resolve {base}: {e}")))?;
        return from_controller_document(&doc, vm, base, purpose);
    }
    if base.starts_with("https://") || base.starts_with("http://") {
        return match resolver.fetch_json(base) {
            Ok(doc) => from_controller_document(&doc, vm, base, purpose),
            Err(err) => from_fragment(base, fragment, &err),
        };
    }
    Err(VcError::VerificationMethod(format!("unsupported verification method `{vm}`")))
}

fn resolve_did_key(vm: &str, base: &str, fragment: Option<&str>) -> Result<ResolvedKey, VcError> {
    let mb = base.trim_start_matches("did:key:");
    let key = parse_public_key_multibase(mb).map_err(|e| VcError::VerificationMethod(format!("{vm}: {e}")))?;
    let mut warnings = Vec::new();
    match fragment {
        Some(f) if f != mb => {
            return Err(VcError::VerificationMethod(format!("did:key fragment `{f}` does not name its key")))
        }
        Some(_) => {}
        None => warnings.push(format!("verification method `{vm}` has no fragment; read as the did:key's only key")),
    }
    Ok(ResolvedKey { key, controller: base.to_string(), warnings })
}

/// Offline (or unreachable) HTTPS issuer: a `#z6Mk…` fragment is the key itself, as
/// 1EdTech's validator reads it; the controller is the URL without the fragment.
fn from_fragment(base: &str, fragment: Option<&str>, err: &ResolveError) -> Result<ResolvedKey, VcError> {
    let Some(mb) = fragment.filter(|f| f.starts_with("z6Mk")) else {
        return Err(VcError::VerificationMethod(format!("cannot resolve {base}: {err}")));
    };
    let key = parse_public_key_multibase(mb).map_err(|e| VcError::VerificationMethod(e.to_string()))?;
    Ok(ResolvedKey {
        key,
        controller: base.to_string(),
        warnings: vec![format!(
            "the key was read from the verification method's fragment; the issuer's controller document was not fetched ({err})"
        )],
    })
}

fn from_controller_document(doc: &Value, vm: &str, base: &str, purpose: &str) -> Result<ResolvedKey, VcError> {
    let doc_id = doc.get("id").and_then(Value::as_str).unwrap_or(base);
    let absolute = |id: &str| if id.starts_with('#') { format!("{doc_id}{id}") } else { id.to_string() };
    let method = if doc.get("publicKeyMultibase").is_some() && doc.get("id").and_then(Value::as_str) == Some(vm) {
        doc.as_object()
    } else {
        find_method(doc, vm, &absolute)
    }
    .ok_or_else(|| VcError::VerificationMethod(format!("`{vm}` is not listed in the document at {base}")))?;
    let controller =
        method.get("controller").and_then(Value::as_str).map(absolute).unwrap_or_else(|| doc_id.to_string());
    if doc.get("verificationMethod").is_some() && !listed_for(doc, purpose, vm, &absolute) {
        return Err(VcError::VerificationMethod(format!("`{vm}` is not listed under {purpose}")));
    }
    Ok(ResolvedKey { key: key_of(method)?, controller, warnings: Vec::new() })
}

fn find_method<'a>(doc: &'a Value, vm: &str, absolute: &dyn Fn(&str) -> String) -> Option<&'a Map<String, Value>> {
    ["verificationMethod", "assertionMethod", "authentication"]
        .iter()
        .filter_map(|rel| doc.get(*rel).and_then(Value::as_array))
        .flatten()
        .filter_map(Value::as_object)
        .find(|m| m.get("id").and_then(Value::as_str).map(absolute).as_deref() == Some(vm))
}

fn listed_for(doc: &Value, purpose: &str, vm: &str, absolute: &dyn Fn(&str) -> String) -> bool {
    doc.get(purpose).and_then(Value::as_array).is_some_and(|items| {
        items.iter().any(|item| {
            let id = item.as_str().or_else(|| item.get("id").and_then(Value::as_str));
            id.map(absolute).as_deref() == Some(vm)
        })
    })
}

fn key_of(method: &Map<String, Value>) -> Result<VerifyingKey, VcError> {
    if let Some(mb) = method.get("publicKeyMultibase").and_then(Value::as_str) {
        return parse_public_key_multibase(mb).map_err(|e| VcError::VerificationMethod(e.to_string()));
    }
    if let Some(jwk) = method.get("publicKeyJwk") {
        let ok = jwk.get("kty").and_then(Value::as_str) == Some("OKP")
            && jwk.get("crv").and_then(Value::as_str) == Some("Ed25519");
        let x = jwk.get("x").and_then(Value::as_str).filter(|_| ok);
        let bytes = x
            .and_then(|x| base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(x).ok())
            .and_then(|b| <[u8; 32]>::try_from(b.as_slice()).ok())
            .ok_or_else(|| VcError::VerificationMethod("publicKeyJwk is not an Ed25519 OKP key".into()))?;
        return VerifyingKey::from_bytes(&bytes).map_err(|_| VcError::VerificationMethod("invalid Ed25519 key".into()));
    }
    Err(VcError::VerificationMethod("verification method has no publicKeyMultibase or publicKeyJwk".into()))
}
