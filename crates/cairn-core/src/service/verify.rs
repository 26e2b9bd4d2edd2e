//! Verification of any issuer's OB 3.0 credential (JSON or baked image) or presentation.
//!
//! The engine's resolver is synchronous; storage is not. So before verifying, every URL of
//! this server the document mentions (issuer ids, did:web DIDs, status lists — and, one
//! round later, the URLs those documents mention) is read from storage into a
//! [`LocalResolver`]; other URLs go to `ctx.resolver`. This server's documents are thus
//! never fetched over HTTP. They are kept in `ctx.docs` for at most half a second
//! ([`super::doc_cache`]): a revocation is visible at once on the server that made it (a
//! read already under way when it committed may serve the old list for up to half a
//! second) and within half a second on every other server sharing the database.

use std::collections::HashMap;
use std::sync::Arc;

use cairn_vc::bake::{self, BakedKind};
use cairn_vc::report::Report;
use cairn_vc::resolve::{ResolveError, Resolver};
use cairn_vc::verify::{PresentationChecks, PresentationReport, Verifier, VerifyOptions, MAX_CREDENTIAL_BYTES};
use serde_json::Value;

use super::public::{self, strip_scheme};
use super::Ctx;
use crate::ids::StatusListId;
use crate::Error;

/// The most of this server's documents one verification reads.
const MAX_LOCAL_DOCS: usize = 32;
/// How deep documents are searched for this server's URLs.
const MAX_DEPTH: usize = 24;

/// What a client submitted for verification.
#[derive(Debug, Clone, Copy)]
pub enum Submitted<'a> {
    /// A credential as JSON.
    Json(&'a [u8]),
    /// A baked PNG or SVG image.
    Image(&'a [u8]),
}

/// This server's documents, read from storage for one verification, in front of a fallback.
pub struct LocalResolver {
    /// Base URL without its scheme (`badges.example.edu`).
    own: String,
    /// Documents by URL without scheme or fragment.
    docs: HashMap<String, Value>,
    fallback: Arc<dyn Resolver>,
}

impl Resolver for LocalResolver {
    fn fetch_json(&self, url: &str) -> Result<Value, ResolveError> {
        let key = normalize(url);
        if let Some(doc) = self.docs.get(key) {
            return Ok(doc.clone());
        }
        if own_path(&self.own, key).is_some() {
            // Ours but not in storage: never ask the network about our own URLs.
            return Err(ResolveError::NotFound(url.to_string()));
        }
        self.fallback.fetch_json(url)
    }
}

/// One of this server's documents.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    Issuer(String),
    Did(String),
    Status(StatusListId),
}

fn normalize(url: &str) -> &str {
    let url = url.split(['#', '?']).next().unwrap_or_default();
    strip_scheme(url)
}

/// The path of a (normalized) URL under this server's (scheme-less) base, starting with `/`.
fn own_path<'a>(own: &str, normalized: &'a str) -> Option<&'a str> {
    normalized.strip_prefix(own).filter(|p| p.starts_with('/'))
}

fn target_of(own: &str, normalized: &str) -> Option<Target> {
    let path = own_path(own, normalized)?;
    let mut parts = path.trim_start_matches('/').split('/');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some("issuers"), Some(slug), None, None) if !slug.is_empty() => Some(Target::Issuer(slug.into())),
        (Some("issuers"), Some(slug), Some("did.json"), None) if !slug.is_empty() => Some(Target::Did(slug.into())),
        (Some("status"), Some(id), None, None) => id.parse().ok().map(Target::Status),
        _ => None,
    }
}

/// This server's URLs mentioned anywhere in `doc` (did:web DIDs translated), as keys.
fn mentioned(own: &str, doc: &Value, out: &mut Vec<String>) {
    fn walk(own: &str, v: &Value, depth: usize, out: &mut Vec<String>) {
        if depth > MAX_DEPTH || out.len() >= MAX_LOCAL_DOCS {
            return;
        }
        match v {
            Value::String(s) => {
                let url = if s.starts_with("did:web:") {
                    cairn_vc::did::did_web_url(s).ok()
                } else if s.contains(own) {
                    Some(s.clone())
                } else {
                    None
                };
                if let Some(key) = url.as_deref().map(normalize) {
                    if target_of(own, key).is_some() && !out.iter().any(|k| k == key) {
                        out.push(key.to_string());
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|i| walk(own, i, depth + 1, out)),
            Value::Object(map) => map.values().for_each(|i| walk(own, i, depth + 1, out)),
            _ => {}
        }
    }
    walk(own, doc, 0, out);
}

async fn load(ctx: &Ctx, target: &Target) -> Result<Value, Error> {
    match target {
        Target::Issuer(slug) => public::issuer_document(ctx, &public::org_by_slug(ctx, slug).await?).await,
        Target::Did(slug) => public::did_document(ctx, &public::org_by_slug(ctx, slug).await?).await,
        Target::Status(id) => {
            let list = public::status_list(ctx, *id).await?;
            serde_json::from_str(&list.signed_json).map_err(|e| Error::Internal(format!("stored status list: {e}")))
        }
    }
}

/// Reads this server's documents that `doc` (and, transitively, those documents) mention.
pub async fn local_resolver(ctx: &Ctx, doc: &Value) -> Result<LocalResolver, Error> {
    let own = strip_scheme(&ctx.base_url).trim_end_matches('/').to_string();
    let mut resolver = LocalResolver { own, docs: HashMap::new(), fallback: ctx.resolver.clone() };
    let mut pending = Vec::new();
    mentioned(&resolver.own, doc, &mut pending);
    let mut seen = 0;
    while let Some(key) = pending.pop() {
        seen += 1;
        if seen > MAX_LOCAL_DOCS || resolver.docs.contains_key(&key) {
            continue;
        }
        let Some(target) = target_of(&resolver.own, &key) else { continue };
        if let Some(found) = ctx.docs.get(&key) {
            mentioned(&resolver.own, &found, &mut pending);
            resolver.docs.insert(key, found);
            continue;
        }
        let read_at = std::time::Instant::now();
        match load(ctx, &target).await {
            Ok(found) => {
                mentioned(&resolver.own, &found, &mut pending);
                ctx.docs.put(key.clone(), read_at, found.clone());
                resolver.docs.insert(key, found);
            }
            Err(Error::NotFound { .. }) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(resolver)
}

fn verifier<'a>(ctx: &'a Ctx, resolver: &'a LocalResolver) -> Verifier<'a> {
    Verifier { canon: &ctx.canon, resolver, now: ctx.clock.now(), options: VerifyOptions::default() }
}

/// Verifies a parsed credential of any issuer.
pub async fn verify_credential(ctx: &Ctx, doc: &Value) -> Result<Report, Error> {
    let resolver = local_resolver(ctx, doc).await?;
    Ok(verifier(ctx, &resolver).verify(doc))
}

/// Verifies a presentation and every credential in it.
pub async fn verify_presentation(
    ctx: &Ctx,
    vp: &Value,
    expect: PresentationChecks<'_>,
) -> Result<PresentationReport, Error> {
    let resolver = local_resolver(ctx, vp).await?;
    Ok(cairn_vc::verify::verify_presentation(&verifier(ctx, &resolver), vp, expect))
}

/// Verifies what a client submitted: credential JSON or a baked image. `Invalid` (a 400)
/// only when the input is not a credential at all; anything else gets a report.
pub async fn verify_submitted(ctx: &Ctx, input: Submitted<'_>) -> Result<Report, Error> {
    match submitted_credential(input)? {
        Ok(doc) => verify_credential(ctx, &doc).await,
        Err(report) => Ok(report),
    }
}

/// [`verify_submitted`], counted on the dashboard when the credential is one of this server's.
pub async fn verify_submitted_counted(ctx: &Ctx, input: Submitted<'_>) -> Result<Report, Error> {
    match submitted_credential(input)? {
        Ok(doc) => verify_credential_counted(ctx, &doc).await,
        Err(report) => Ok(report),
    }
}

/// [`verify_credential`], counted on the dashboard when the credential is one of this server's.
pub async fn verify_credential_counted(ctx: &Ctx, doc: &Value) -> Result<Report, Error> {
    let report = verify_credential(ctx, doc).await?;
    super::stats::note_verification(ctx, doc).await;
    Ok(report)
}

/// The credential in a submission, or the report saying why there is none to verify.
fn submitted_credential(input: Submitted<'_>) -> Result<Result<Value, Report>, Error> {
    Ok(Ok(match input {
        Submitted::Json(bytes) => parse_credential(bytes)?,
        Submitted::Image(bytes) => {
            let baked = bake::unbake(bytes).map_err(|e| Error::invalid("body", e.to_string()))?;
            match baked.kind {
                BakedKind::Ob3Credential => parse_credential(baked.payload.as_bytes())?,
                BakedKind::Ob3Jws => {
                    return Ok(Err(unsupported("the image holds a VC-JWT; Cairn verifies Data Integrity proofs only")))
                }
                BakedKind::Ob2Assertion | BakedKind::Ob2Url => {
                    return Ok(Err(unsupported(
                        "the image holds an Open Badges 2.0 assertion, not an OB 3.0 credential",
                    )))
                }
            }
        }
    }))
}

fn unsupported(message: &str) -> Report {
    let mut report = Report::default();
    report.fail("parse", "PARSING_ERROR", message);
    report.finish()
}

/// Parses a credential: a JSON object with `@context` or `type`, within the size limit.
pub fn parse_credential(bytes: &[u8]) -> Result<Value, Error> {
    if bytes.len() > MAX_CREDENTIAL_BYTES {
        return Err(Error::invalid("body", format!("a credential may be at most {MAX_CREDENTIAL_BYTES} bytes")));
    }
    let doc: Value = serde_json::from_slice(bytes).map_err(|e| Error::invalid("body", format!("not JSON: {e}")))?;
    match doc.as_object() {
        Some(map) if map.contains_key("@context") || map.contains_key("type") => Ok(doc),
        _ => Err(Error::invalid("body", "not a credential: a JSON object with @context and type is expected")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_urls_are_recognised_in_every_form() {
        let own = "badges.example.edu";
        let id = "0b5e1a3c-8d7f-4e2a-9c1b-3f4e5d6a7b8c";
        let doc = serde_json::json!({
            "issuer": {"id": "https://badges.example.edu/issuers/acme"},
            "proof": [{"verificationMethod": "https://badges.example.edu/issuers/acme#z6MkExample"}],
            "credentialStatus": {"statusListCredential": format!("https://badges.example.edu/status/{id}")},
            "holder": "did:web:badges.example.edu:issuers:beta",
            "elsewhere": ["https://other.example/issuers/x", "https://badges.example.edu/achievements/1"],
        });
        let mut found = Vec::new();
        mentioned(own, &doc, &mut found);
        assert_eq!(
            found,
            [
                "badges.example.edu/issuers/acme".to_string(),
                format!("badges.example.edu/status/{id}"),
                "badges.example.edu/issuers/beta/did.json".to_string(),
            ]
        );
        assert_eq!(target_of(own, "badges.example.edu/issuers/acme"), Some(Target::Issuer("acme".into())));
        assert_eq!(target_of(own, "badges.example.edu.evil/issuers/acme"), None);
        assert_eq!(target_of(own, "badges.example.edu/status/not-a-uuid"), None);
    }

    #[test]
    fn only_credentials_pass_parsing() {
        assert!(parse_credential(b"\x89PNG garbage").is_err());
        assert!(parse_credential(b"[1,2]").is_err());
        assert!(parse_credential(b"{\"hello\": 1}").is_err());
        assert!(parse_credential(b"{\"@context\": [], \"type\": []}").is_ok());
    }
}
