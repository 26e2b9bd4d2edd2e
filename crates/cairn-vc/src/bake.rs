//! Open Badges baking: embedding a credential in a PNG or SVG image and reading it back.
//!
//! Open Badges 3.0 puts the credential JSON (or a compact JWS) into one uncompressed PNG
//! `iTXt` chunk with keyword `openbadgecredential`, or into an `<openbadges:credential>`
//! element directly inside the SVG root. Baking splices bytes in and never re-encodes the
//! image. Unbaking also recognises Open Badges 2.0 images (PNG `iTXt`/`tEXt` keyword
//! `openbadges`, SVG `<openbadges:assertion verify="…">`), for import only.
//!
//! All entry points refuse inputs over [`MAX_INPUT_BYTES`] and never panic on malformed input.

mod png;
mod svg;

pub use png::{bake_png, unbake_png};
pub use svg::{bake_svg, unbake_svg, OB2_SVG_NAMESPACE, OB3_SVG_NAMESPACE};

/// Largest image (or payload) accepted by any function in this module: 16 MiB.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// What a baked image carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BakedKind {
    /// An Open Badges 3.0 credential as JSON.
    Ob3Credential,
    /// An Open Badges 3.0 credential as a compact JWS (VC-JWT).
    Ob3Jws,
    /// An Open Badges 2.0 assertion: JSON (hosted or embedded) or a compact JWS (signed).
    Ob2Assertion,
    /// The URL of a hosted Open Badges 2.0 assertion.
    Ob2Url,
}

/// The content extracted from a baked image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Baked {
    /// How to read `payload`.
    pub kind: BakedKind,
    /// The text found in the image (JSON, compact JWS or URL), surrounding whitespace removed.
    pub payload: String,
}

/// Why baking or unbaking failed.
#[derive(Debug, thiserror::Error)]
pub enum BakeError {
    /// The image or payload is larger than [`MAX_INPUT_BYTES`].
    #[error("input is {size} bytes, over the {max}-byte limit for baked images")]
    TooLarge {
        /// Size of the rejected input.
        size: usize,
        /// The limit.
        max: usize,
    },
    /// Neither a PNG signature nor SVG text.
    #[error("not a PNG or SVG image: no PNG signature and not UTF-8 text starting with markup")]
    UnknownFormat,
    /// The 8-byte PNG signature is missing.
    #[error("not a PNG file: the 8-byte PNG signature is missing")]
    NotPng,
    /// The file ends in the middle of a chunk header or CRC.
    #[error("PNG is truncated: the chunk at byte {offset} needs {needed} bytes, only {available} remain")]
    Truncated {
        /// Offset of the chunk.
        offset: usize,
        /// Bytes the chunk needs.
        needed: usize,
        /// Bytes left in the file.
        available: usize,
    },
    /// A chunk's length field points past the end of the file (truncated or lying length).
    #[error("PNG chunk {chunk} at byte {offset} declares {length} data bytes, but only {remaining} remain (truncated file or corrupt length)")]
    ChunkLength {
        /// Chunk type, as text.
        chunk: String,
        /// Offset of the chunk.
        offset: usize,
        /// Declared data length.
        length: u32,
        /// Bytes left for data and CRC.
        remaining: usize,
    },
    /// A chunk type is not four ASCII letters.
    #[error("PNG chunk at byte {offset} has an invalid type {chunk:?} (expected four ASCII letters)")]
    ChunkType {
        /// Offset of the chunk.
        offset: usize,
        /// The type bytes, escaped.
        chunk: String,
    },
    /// A chunk's CRC-32 does not match its type and data.
    #[error("PNG chunk {chunk} at byte {offset} has a bad CRC-32: stored {stored:08x}, computed {computed:08x}")]
    Crc {
        /// Chunk type, as text.
        chunk: String,
        /// Offset of the chunk.
        offset: usize,
        /// CRC stored in the file.
        stored: u32,
        /// CRC of the chunk's type and data.
        computed: u32,
    },
    /// Chunk order or framing is wrong (IHDR not first, no IEND, data after IEND, …).
    #[error("invalid PNG structure: {0}")]
    Structure(String),
    /// A badge text chunk uses compression, which Open Badges forbids.
    #[error("PNG iTXt chunk '{keyword}' is compressed; Open Badges forbids compressed baking chunks")]
    CompressedText {
        /// The chunk keyword.
        keyword: String,
    },
    /// A badge text chunk does not follow the iTXt/tEXt layout or is not UTF-8.
    #[error("PNG {chunk} chunk '{keyword}' is malformed: {reason}")]
    MalformedText {
        /// `iTXt` or `tEXt`.
        chunk: &'static str,
        /// The chunk keyword.
        keyword: String,
        /// What is wrong.
        reason: String,
    },
    /// The SVG is not well-formed XML or has no `<svg>` root.
    #[error("invalid SVG: {0}")]
    Svg(String),
    /// The credential to bake is neither JSON nor a compact JWS, or cannot be embedded.
    #[error("cannot bake payload: {0}")]
    Payload(String),
    /// A badge element or chunk was found but holds no text.
    #[error("the image holds an empty {0}")]
    Empty(&'static str),
    /// The image has no Open Badges content.
    #[error("no Open Badges credential or assertion found in the image")]
    NotBaked,
}

/// Unbakes a PNG or SVG image, telling them apart by the PNG signature.
pub fn unbake(bytes: &[u8]) -> Result<Baked, BakeError> {
    check_size(bytes.len())?;
    if bytes.starts_with(png::SIGNATURE.as_slice()) {
        return unbake_png(bytes);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| BakeError::UnknownFormat)?;
    let body = text.trim_start_matches('\u{feff}').trim_start();
    if !body.starts_with('<') {
        return Err(BakeError::UnknownFormat);
    }
    unbake_svg(text)
}

fn check_size(size: usize) -> Result<(), BakeError> {
    if size > MAX_INPUT_BYTES {
        return Err(BakeError::TooLarge { size, max: MAX_INPUT_BYTES });
    }
    Ok(())
}

/// A credential ready to bake: validated, surrounding whitespace removed.
#[derive(Debug, Clone, Copy)]
enum Payload<'a> {
    Json(&'a str),
    Jws(&'a str),
}

impl<'a> Payload<'a> {
    /// Accepts JSON (an object, checked for syntax) or a compact JWS.
    fn parse(input: &'a str) -> Result<Self, BakeError> {
        check_size(input.len())?;
        let text = input.trim();
        if text.starts_with('{') {
            serde_json::from_str::<serde::de::IgnoredAny>(text)
                .map_err(|e| BakeError::Payload(format!("credential JSON does not parse: {e}")))?;
            return Ok(Self::Json(text));
        }
        if is_compact_jws(text) {
            return Ok(Self::Jws(text));
        }
        Err(BakeError::Payload("expected a JSON object or a compact JWS (three base64url parts joined by '.')".into()))
    }

    fn text(self) -> &'a str {
        match self {
            Self::Json(t) | Self::Jws(t) => t,
        }
    }
}

fn is_compact_jws(text: &str) -> bool {
    let parts: Vec<&str> = text.split('.').collect();
    parts.len() == 3
        && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
}

/// Classifies OB 3.0 text: JSON when it starts with `{`, otherwise a compact JWS.
fn ob3(text: &str) -> Result<Baked, BakeError> {
    let trimmed = text.trim();
    let kind = if trimmed.starts_with('{') { BakedKind::Ob3Credential } else { BakedKind::Ob3Jws };
    baked(kind, trimmed, "Open Badges 3.0 credential")
}

/// Classifies OB 2.0 text: a hosted URL, or an assertion (JSON or JWS).
fn ob2(text: &str) -> Result<Baked, BakeError> {
    let trimmed = text.trim();
    let kind = if trimmed.starts_with("https://") || trimmed.starts_with("http://") {
        BakedKind::Ob2Url
    } else {
        BakedKind::Ob2Assertion
    };
    baked(kind, trimmed, "Open Badges 2.0 assertion")
}

fn baked(kind: BakedKind, text: &str, what: &'static str) -> Result<Baked, BakeError> {
    if text.is_empty() {
        return Err(BakeError::Empty(what));
    }
    Ok(Baked { kind, payload: text.to_owned() })
}
