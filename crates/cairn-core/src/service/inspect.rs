//! What a person hands to the public verifier page: a file (credential JSON, or a baked PNG
//! or SVG), pasted JSON, or a URL. Unlike [`super::verify::verify_submitted`], the parsed
//! credential comes back with its report, so the page can say what it is about; and every
//! reason the input could not be checked at all is a [`Problem`] the page words for people.

use cairn_vc::bake::{self, BakedKind};
use cairn_vc::report::Report;
use cairn_vc::resolve::ResolveError;
use serde_json::Value;

use super::public::strip_scheme;
use super::verify::{parse_credential, verify_credential};
use super::Ctx;
use crate::ids::CredentialId;
use crate::Error;

/// What was handed in.
#[derive(Debug, Clone, Copy)]
pub enum Input<'a> {
    /// An uploaded file: JSON, or a baked PNG or SVG (told apart by its first bytes).
    File(&'a [u8]),
    /// Pasted text (JSON).
    Pasted(&'a str),
    /// A web address where the credential's JSON is published.
    Url(&'a str),
}

/// Why the input could not be verified at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Nothing was given.
    Empty,
    /// An image without a credential baked in (or an unreadable image); the reason, in English.
    NotBaked(String),
    /// The image holds an Open Badges 2.0 assertion.
    Ob2,
    /// The image holds a VC-JWT (Cairn verifies Data Integrity proofs only).
    Jwt,
    /// Not a credential (not JSON, or JSON without `@context`/`type`); the reason, in English.
    NotACredential(String),
    /// Not an http(s) address.
    BadUrl,
    /// This server does not retrieve documents from other sites (`verify.online` is off).
    Offline,
    /// Retrieval failed (not found, time-out, refused address…); the reason, in English.
    FetchFailed(String),
}

/// The result of an inspection.
#[derive(Debug)]
pub enum Inspection {
    /// A credential was found and verified.
    Verified {
        /// The credential as handed in.
        credential: Value,
        /// Every check.
        report: Report,
    },
    /// Nothing could be verified.
    Unusable(Problem),
}

/// Verifies what a person handed in. `Err` only for internal failures (storage).
pub async fn inspect(ctx: &Ctx, input: Input<'_>) -> Result<Inspection, Error> {
    let parsed = match input {
        Input::File(bytes) if bytes.trim_ascii().is_empty() => Err(Problem::Empty),
        Input::Pasted(text) if text.trim().is_empty() => Err(Problem::Empty),
        Input::File(bytes) if looks_like_image(bytes) => from_image(bytes),
        Input::File(bytes) => parse(bytes),
        Input::Pasted(text) => parse(text.trim().as_bytes()),
        Input::Url(url) => from_url(ctx, url.trim()).await?,
    };
    match parsed {
        Ok(credential) => {
            let report = verify_credential(ctx, &credential).await?;
            // One of this server's credentials checked on the verifier page counts on its dashboard.
            super::stats::note_verification(ctx, &credential).await;
            Ok(Inspection::Verified { credential, report })
        }
        Err(problem) => Ok(Inspection::Unusable(problem)),
    }
}

/// PNG signature, or markup (SVG) after optional whitespace.
fn looks_like_image(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\x89PNG") || bytes.trim_ascii_start().starts_with(b"<")
}

fn parse(bytes: &[u8]) -> Result<Value, Problem> {
    parse_credential(bytes).map_err(|e| match e {
        Error::Invalid { message, .. } => Problem::NotACredential(message),
        other => Problem::NotACredential(other.to_string()),
    })
}

fn from_image(bytes: &[u8]) -> Result<Value, Problem> {
    let baked = bake::unbake(bytes).map_err(|e| Problem::NotBaked(e.to_string()))?;
    match baked.kind {
        BakedKind::Ob3Credential => parse(baked.payload.as_bytes()),
        BakedKind::Ob3Jws => Err(Problem::Jwt),
        BakedKind::Ob2Assertion | BakedKind::Ob2Url => Err(Problem::Ob2),
    }
}

/// This server's credentials are read from storage (never over HTTP); others through
/// `ctx.resolver`, which is offline unless the operator enabled online verification.
async fn from_url(ctx: &Ctx, url: &str) -> Result<Result<Value, Problem>, Error> {
    if url.is_empty() {
        return Ok(Err(Problem::Empty));
    }
    if !(url.starts_with("https://") || url.starts_with("http://")) || url.contains(char::is_whitespace) {
        return Ok(Err(Problem::BadUrl));
    }
    if let Some(id) = own_credential(ctx, url) {
        return match super::public::credential(ctx, id).await {
            Ok(record) => Ok(parse(record.json.as_bytes())),
            Err(Error::NotFound { .. }) => Ok(Err(Problem::FetchFailed(format!("{url} was not found")))),
            Err(e) => Err(e),
        };
    }
    Ok(match ctx.resolver.fetch_json(url) {
        Ok(doc) => match doc.as_object() {
            Some(map) if map.contains_key("@context") || map.contains_key("type") => Ok(doc),
            _ => Err(Problem::NotACredential("the address does not hold a credential".into())),
        },
        Err(ResolveError::Offline(_)) => Err(Problem::Offline),
        Err(e) => Err(Problem::FetchFailed(e.to_string())),
    })
}

/// `<base>/credentials/<id>[.json]` of this server.
fn own_credential(ctx: &Ctx, url: &str) -> Option<CredentialId> {
    let own = strip_scheme(&ctx.base_url).trim_end_matches('/');
    let path = strip_scheme(url).split(['#', '?']).next()?.strip_prefix(own)?;
    let id = path.strip_prefix("/credentials/")?;
    id.strip_suffix(".json").unwrap_or(id).parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_are_told_from_json_by_their_first_bytes() {
        assert!(looks_like_image(b"\x89PNG\r\n"));
        assert!(looks_like_image(b"  \n<?xml version=\"1.0\"?><svg/>"));
        assert!(!looks_like_image(b"{\"@context\": []}"));
    }

    #[test]
    fn non_credentials_are_named_problems() {
        assert!(matches!(parse(b"not json"), Err(Problem::NotACredential(_))));
        assert!(matches!(from_image(b"\x89PNG broken"), Err(Problem::NotBaked(_))));
    }
}
