//! PNG baking: one uncompressed `iTXt` chunk spliced in before `IEND`.
//!
//! The chunk stream is validated (signature, lengths, CRC-32, IHDR first, IEND last) and
//! copied byte for byte; only badge chunks are added or dropped, so pixel data is untouched.

use super::{check_size, ob2, ob3, BakeError, Baked, Payload};
use std::ops::Range;

/// The 8-byte PNG file signature.
pub(super) const SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1A, b'\n'];
const OB3_KEYWORD: &[u8] = b"openbadgecredential";
const OB2_KEYWORD: &[u8] = b"openbadges";
/// PNG limits chunk lengths to 2^31 - 1.
const MAX_CHUNK_LEN: u32 = 0x7FFF_FFFF;
/// Length field, type and CRC around the data of each chunk.
const CHUNK_OVERHEAD: usize = 12;

/// One validated chunk, borrowing from the file.
struct Chunk<'a> {
    kind: [u8; 4],
    data: &'a [u8],
    /// The whole chunk (length, type, data, CRC) in the file.
    span: Range<usize>,
}

impl Chunk<'_> {
    fn is(&self, kind: &[u8; 4]) -> bool {
        &self.kind == kind
    }

    /// The keyword of a `tEXt`/`iTXt` chunk: the bytes before the first NUL.
    fn keyword(&self) -> &[u8] {
        self.data.split(|&b| b == 0).next().unwrap_or_default()
    }
}

/// Bakes an Open Badges 3.0 credential (JSON or compact JWS) into a PNG.
///
/// Any existing `openbadgecredential` chunk is replaced, so the result holds exactly one.
pub fn bake_png(png: &[u8], credential_json_or_jws: &str) -> Result<Vec<u8>, BakeError> {
    let payload = Payload::parse(credential_json_or_jws)?;
    let chunks = read_chunks(png)?;
    let badge = itxt_chunk(OB3_KEYWORD, payload.text())?;
    let mut out = Vec::with_capacity(png.len().saturating_add(badge.len()));
    out.extend_from_slice(&SIGNATURE);
    for chunk in &chunks {
        if chunk.is(b"iTXt") && chunk.keyword() == OB3_KEYWORD {
            continue;
        }
        if chunk.is(b"IEND") {
            out.extend_from_slice(&badge);
        }
        out.extend_from_slice(png.get(chunk.span.clone()).unwrap_or_default());
    }
    Ok(out)
}

/// Reads the badge from a PNG: the first `openbadgecredential` iTXt chunk (OB 3.0),
/// else an `openbadges` iTXt or tEXt chunk (OB 2.0 assertion or hosted URL).
pub fn unbake_png(png: &[u8]) -> Result<Baked, BakeError> {
    let chunks = read_chunks(png)?;
    let mut ob2_itxt = None;
    let mut ob2_text = None;
    for chunk in &chunks {
        if chunk.is(b"iTXt") && chunk.keyword() == OB3_KEYWORD {
            return ob3(itxt_text(chunk)?);
        }
        if chunk.is(b"iTXt") && chunk.keyword() == OB2_KEYWORD && ob2_itxt.is_none() {
            ob2_itxt = Some(itxt_text(chunk)?);
        }
        if chunk.is(b"tEXt") && chunk.keyword() == OB2_KEYWORD && ob2_text.is_none() {
            ob2_text = Some(text_latin1(chunk));
        }
    }
    match (ob2_itxt, ob2_text) {
        (Some(text), _) => ob2(text),
        (None, Some(text)) => ob2(&text),
        (None, None) => Err(BakeError::NotBaked),
    }
}

/// Validates the whole chunk stream and returns its chunks in file order.
fn read_chunks(png: &[u8]) -> Result<Vec<Chunk<'_>>, BakeError> {
    check_size(png.len())?;
    if !png.starts_with(&SIGNATURE) {
        return Err(BakeError::NotPng);
    }
    let mut chunks: Vec<Chunk<'_>> = Vec::new();
    let mut offset = SIGNATURE.len();
    loop {
        if offset == png.len() {
            return Err(BakeError::Structure("the file ends without an IEND chunk".into()));
        }
        let chunk = read_chunk(png, offset)?;
        check_order(&chunk, chunks.is_empty())?;
        offset = chunk.span.end;
        let end = chunk.is(b"IEND");
        chunks.push(chunk);
        if end {
            break;
        }
    }
    if offset != png.len() {
        return Err(BakeError::Structure(format!("{} bytes follow the IEND chunk", png.len() - offset)));
    }
    Ok(chunks)
}

fn check_order(chunk: &Chunk<'_>, first: bool) -> Result<(), BakeError> {
    let problem = if first && !chunk.is(b"IHDR") {
        format!("the first chunk is {}, not IHDR", kind_name(&chunk.kind))
    } else if !first && chunk.is(b"IHDR") {
        "a second IHDR chunk appears".to_owned()
    } else if chunk.is(b"IHDR") && chunk.data.len() != 13 {
        format!("IHDR holds {} bytes instead of 13", chunk.data.len())
    } else if chunk.is(b"IEND") && !chunk.data.is_empty() {
        format!("IEND holds {} bytes instead of 0", chunk.data.len())
    } else {
        return Ok(());
    };
    Err(BakeError::Structure(problem))
}

/// Reads and checks one chunk starting at `offset` (which is inside `png`).
fn read_chunk(png: &[u8], offset: usize) -> Result<Chunk<'_>, BakeError> {
    let available = png.len().saturating_sub(offset);
    let header = png.get(offset..offset.saturating_add(8)).ok_or(BakeError::Truncated {
        offset,
        needed: CHUNK_OVERHEAD,
        available,
    })?;
    let (len_bytes, kind_bytes) = header.split_at(4);
    let length = u32::from_be_bytes(array4(len_bytes));
    let kind = array4(kind_bytes);
    if !kind.iter().all(u8::is_ascii_alphabetic) {
        return Err(BakeError::ChunkType { offset, chunk: kind.escape_ascii().to_string() });
    }
    let remaining = available.saturating_sub(CHUNK_OVERHEAD);
    let data_len = usize::try_from(length).unwrap_or(usize::MAX);
    if length > MAX_CHUNK_LEN || data_len > remaining {
        return Err(BakeError::ChunkLength { chunk: kind_name(&kind), offset, length, remaining });
    }
    let data_start = offset + 8;
    let data_end = data_start + data_len;
    let span = offset..data_end + 4;
    let (Some(typed), Some(crc)) = (png.get(offset + 4..data_end), png.get(data_end..span.end)) else {
        return Err(BakeError::Truncated { offset, needed: data_len.saturating_add(CHUNK_OVERHEAD), available });
    };
    let stored = u32::from_be_bytes(array4(crc));
    let computed = crc32fast::hash(typed);
    if stored != computed {
        return Err(BakeError::Crc { chunk: kind_name(&kind), offset, stored, computed });
    }
    let data = typed.get(4..).unwrap_or_default();
    Ok(Chunk { kind, data, span })
}

/// Builds an uncompressed iTXt chunk with empty language tag and translated keyword.
fn itxt_chunk(keyword: &[u8], text: &str) -> Result<Vec<u8>, BakeError> {
    let mut typed = Vec::with_capacity(4 + keyword.len() + 5 + text.len());
    typed.extend_from_slice(b"iTXt");
    typed.extend_from_slice(keyword);
    // NUL after keyword, compression flag 0, method 0, empty language tag and translated keyword.
    typed.extend_from_slice(&[0, 0, 0, 0, 0]);
    typed.extend_from_slice(text.as_bytes());
    let length = u32::try_from(typed.len() - 4)
        .ok()
        .filter(|&l| l <= MAX_CHUNK_LEN)
        .ok_or_else(|| BakeError::Payload("credential is too large for a PNG chunk".into()))?;
    let mut chunk = Vec::with_capacity(typed.len() + 8);
    chunk.extend_from_slice(&length.to_be_bytes());
    chunk.extend_from_slice(&typed);
    chunk.extend_from_slice(&crc32fast::hash(&typed).to_be_bytes());
    Ok(chunk)
}

/// The text of an iTXt chunk; compressed chunks are refused.
fn itxt_text<'a>(chunk: &Chunk<'a>) -> Result<&'a str, BakeError> {
    let keyword = String::from_utf8_lossy(chunk.keyword()).into_owned();
    let malformed =
        |reason: &str| BakeError::MalformedText { chunk: "iTXt", keyword: keyword.clone(), reason: reason.to_owned() };
    let data = chunk.data;
    let after_keyword = data.get(chunk.keyword().len() + 1..).ok_or_else(|| malformed("no NUL after the keyword"))?;
    let (flags, rest) =
        after_keyword.split_first_chunk::<2>().ok_or_else(|| malformed("missing compression flag and method"))?;
    match flags {
        [0, _] => {}
        [1, _] => return Err(BakeError::CompressedText { keyword }),
        _ => return Err(malformed("compression flag is neither 0 nor 1")),
    }
    let mut fields = rest.splitn(3, |&b| b == 0);
    let (Some(_language), Some(_translated), Some(text)) = (fields.next(), fields.next(), fields.next()) else {
        return Err(malformed("missing NUL after the language tag or translated keyword"));
    };
    std::str::from_utf8(text).map_err(|e| malformed(&format!("text is not UTF-8 ({e})")))
}

/// The text of a tEXt chunk, decoded from Latin-1.
fn text_latin1(chunk: &Chunk<'_>) -> String {
    let text = chunk.data.get(chunk.keyword().len() + 1..).unwrap_or_default();
    text.iter().map(|&b| char::from(b)).collect()
}

fn array4(bytes: &[u8]) -> [u8; 4] {
    let mut out = [0; 4];
    for (o, b) in out.iter_mut().zip(bytes) {
        *o = *b;
    }
    out
}

fn kind_name(kind: &[u8; 4]) -> String {
    kind.escape_ascii().to_string()
}
