//! Importing credentials from other platforms into the wallet: an OB 3.0 credential as JSON
//! (file or pasted), baked into a PNG or SVG, or at a URL; an OB 2.0 hosted assertion (JSON,
//! baked image, or URL). Each is verified on the way in and kept with the result, exactly as
//! received. What is not a credential at all is refused with a reason (`Invalid`).

use cairn_vc::bake::{self, BakedKind};
use cairn_vc::report::Report;
use cairn_vc::resolve::ResolveError;
use serde_json::Value;

use super::{ob2, store_imported, summarize, KIND_OB2_HOSTED, KIND_OB3};
use crate::ids::UserId;
use crate::model::{DisplayFields, WalletItem, WalletSource};
use crate::service::{verify, Ctx};
use crate::Error;

/// What the earner gave.
#[derive(Debug, Clone, Copy)]
pub enum ImportInput<'a> {
    /// An uploaded file: JSON, or a baked PNG or SVG.
    File(&'a [u8]),
    /// Pasted JSON.
    Json(&'a str),
    /// A URL to retrieve.
    Url(&'a str),
}

/// The stored item and every check of its verification.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The new wallet item.
    pub item: WalletItem,
    /// The verification.
    pub report: Report,
    /// `ob3` or `ob2_hosted`.
    pub kind: &'static str,
}

const FILE: &str = "wallet-file";
const JSON: &str = "wallet-json";
const URL: &str = "wallet-url";

/// Imports, verifies and stores a credential in `user`'s wallet.
pub async fn import(ctx: &Ctx, user: UserId, input: ImportInput<'_>) -> Result<Imported, Error> {
    let (doc, raw, field, from_url) = match input {
        ImportInput::File(bytes) => {
            let (doc, raw) = read_file(ctx, bytes)?;
            (doc, raw, FILE, false)
        }
        ImportInput::Json(text) => (parse_json(JSON, text.trim().as_bytes())?, text.trim().to_string(), JSON, false),
        ImportInput::Url(url) => {
            let doc = fetch(ctx, URL, url.trim())?;
            let raw = serde_json::to_string(&doc).map_err(|e| Error::Internal(format!("serialising: {e}")))?;
            (doc, raw, URL, true)
        }
    };
    if ob2::is_ob2(&doc) {
        let result = ob2::verify_hosted(ctx.resolver.as_ref(), ctx.clock.now(), &doc);
        let mut display = result.display;
        if display.name.is_none() {
            display = merge(display, ob2::embedded_display(&doc));
        }
        let summary = summarize(KIND_OB2_HOSTED, &result.report, display);
        let item = store_imported(ctx, user, raw, WalletSource::Ob2, summary).await?;
        return Ok(Imported { item, report: result.report, kind: KIND_OB2_HOSTED });
    }
    let doc = verify::parse_credential(raw.as_bytes()).map_err(|e| rename_field(e, field))?;
    let report = verify::verify_credential(ctx, &doc).await?;
    let source = if from_url { WalletSource::ImportedUrl } else { WalletSource::ImportedFile };
    let summary = summarize(KIND_OB3, &report, DisplayFields::default());
    let item = store_imported(ctx, user, raw, source, summary).await?;
    Ok(Imported { item, report, kind: KIND_OB3 })
}

fn merge(a: DisplayFields, b: DisplayFields) -> DisplayFields {
    DisplayFields {
        name: a.name.or(b.name),
        description: a.description.or(b.description),
        issuer: a.issuer.or(b.issuer),
        image: a.image.or(b.image),
    }
}

fn rename_field(e: Error, field: &str) -> Error {
    match e {
        Error::Invalid { message, .. } => Error::invalid(field, message),
        other => other,
    }
}

fn parse_json(field: &str, bytes: &[u8]) -> Result<Value, Error> {
    if bytes.is_empty() {
        return Err(Error::invalid(field, "is empty"));
    }
    if bytes.len() > cairn_vc::verify::MAX_CREDENTIAL_BYTES {
        return Err(Error::invalid(field, "is too large for a credential"));
    }
    let doc: Value = serde_json::from_slice(bytes).map_err(|e| Error::invalid(field, format!("is not JSON ({e})")))?;
    if !doc.is_object() {
        return Err(Error::invalid(field, "is not a credential: a JSON object is expected"));
    }
    Ok(doc)
}

/// A file: a baked image (PNG signature, or SVG markup) or JSON. Returns the document and
/// the text kept (the JSON exactly as it was in the file).
fn read_file(ctx: &Ctx, bytes: &[u8]) -> Result<(Value, String), Error> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let head = bytes.iter().position(|b| !b.is_ascii_whitespace()).and_then(|i| bytes.get(i));
    if matches!(head, Some(b'{')) {
        let doc = parse_json(FILE, bytes)?;
        return Ok((doc, String::from_utf8_lossy(bytes).trim().to_string()));
    }
    if !(bytes.starts_with(b"\x89PNG") || matches!(head, Some(b'<'))) {
        return Err(Error::invalid(FILE, "is neither a JSON credential nor a PNG or SVG badge image"));
    }
    let baked = bake::unbake(bytes).map_err(|e| Error::invalid(FILE, e.to_string()))?;
    match baked.kind {
        BakedKind::Ob3Credential | BakedKind::Ob2Assertion if baked.payload.starts_with('{') => {
            Ok((parse_json(FILE, baked.payload.as_bytes())?, baked.payload))
        }
        BakedKind::Ob3Credential | BakedKind::Ob3Jws => {
            Err(Error::invalid(FILE, "the image holds a VC-JWT; Cairn imports Data Integrity credentials only"))
        }
        BakedKind::Ob2Assertion => Err(Error::invalid(
            FILE,
            "the image holds a signed Open Badges 2.0 assertion; only hosted ones are supported",
        )),
        BakedKind::Ob2Url => {
            let doc = fetch(ctx, FILE, &baked.payload)?;
            let raw = serde_json::to_string(&doc).map_err(|e| Error::Internal(format!("serialising: {e}")))?;
            Ok((doc, raw))
        }
    }
}

/// Retrieves a JSON document through the resolver; offline retrieval is a clear refusal.
fn fetch(ctx: &Ctx, field: &str, url: &str) -> Result<Value, Error> {
    if !(url.starts_with("https://") || url.starts_with("http://")) || url.len() > 2000 {
        return Err(Error::invalid(field, "must be an https:// (or http://) address"));
    }
    match ctx.resolver.fetch_json(url) {
        Ok(doc) if doc.is_object() => Ok(doc),
        Ok(_) => Err(Error::invalid(field, "the address did not return a credential (a JSON object)")),
        Err(ResolveError::Offline(_)) => Err(Error::invalid(
            field,
            "this server does not retrieve documents from other sites (online retrieval is off); download the credential and upload the file instead",
        )),
        Err(e) => Err(Error::invalid(field, e.to_string())),
    }
}
