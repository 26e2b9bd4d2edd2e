//! Baked badge images (STANDARDS.md §8): the stored credential, byte for byte, spliced into
//! the achievement's artwork when it is a PNG or SVG `data:` URI — never re-encoding pixels —
//! else into a generated badge. Remote artwork is not fetched while answering a request.

use std::io::Write as _;

use askama::Template;
use base64::Engine as _;
use cairn_core::Error;
use cairn_vc::bake::{bake_png, bake_svg};
use serde_json::Value;

use super::views::text;
use crate::ApiError;

/// The achievement artwork carried in the credential.
enum Artwork {
    Png(Vec<u8>),
    Svg(String),
}

/// `badge.svg`: a generated badge, its text escaped by askama.
#[derive(Template)]
#[template(path = "badge.svg")]
struct GeneratedSvg {
    /// Lines of the achievement name.
    lines: Vec<Line>,
    /// Full name, for the accessible label.
    name: String,
    /// Issuer name.
    issuer: String,
    /// PNG artwork to show instead of the drawn disc, as a `data:` URI.
    artwork: Option<String>,
}

struct Line {
    y: u32,
    text: String,
}

/// The credential baked into a PNG.
pub fn baked_png(json: &str) -> Result<Vec<u8>, ApiError> {
    let doc = parse(json)?;
    if let Some(Artwork::Png(png)) = artwork(&doc) {
        match bake_png(&png, json) {
            Ok(baked) => return Ok(baked),
            Err(e) => tracing::warn!(error = %e, "achievement artwork is not a usable PNG; baking a generated badge"),
        }
    }
    Ok(bake_png(&generated_png()?, json).map_err(|e| Error::Internal(format!("baking a PNG: {e}")))?)
}

/// The artwork to print (the PDF certificate): the achievement's PNG when the credential
/// carries one, else the generated badge. SVG artwork is not rasterised, so it gives the
/// generated badge too.
pub fn artwork_png(json: &str) -> Result<Vec<u8>, ApiError> {
    match artwork(&parse(json)?) {
        Some(Artwork::Png(png)) => Ok(png),
        _ => generated_png(),
    }
}

/// The credential baked into an SVG.
pub fn baked_svg(json: &str) -> Result<String, ApiError> {
    let doc = parse(json)?;
    let art = artwork(&doc);
    if let Some(Artwork::Svg(svg)) = &art {
        match bake_svg(svg, json) {
            Ok(baked) => return Ok(baked),
            Err(e) => tracing::warn!(error = %e, "achievement artwork is not a usable SVG; baking a generated badge"),
        }
    }
    let png = match art {
        Some(Artwork::Png(png)) => Some(png),
        _ => None,
    };
    let svg = generated_svg(&doc, png.as_deref())?;
    Ok(bake_svg(&svg, json).map_err(|e| Error::Internal(format!("baking an SVG: {e}")))?)
}

fn parse(json: &str) -> Result<Value, ApiError> {
    Ok(serde_json::from_str(json).map_err(|e| Error::Internal(format!("stored credential: {e}")))?)
}

fn artwork(doc: &Value) -> Option<Artwork> {
    let achievement = &doc["credentialSubject"]["achievement"];
    let uri = match achievement.get("image") {
        Some(Value::String(s)) => s.clone(),
        Some(img) => text(img, "id")?,
        None => return None,
    };
    let (media, body) = data_uri(&uri)?;
    match media.as_str() {
        "image/png" => Some(Artwork::Png(body)),
        "image/svg+xml" => String::from_utf8(body).ok().map(Artwork::Svg),
        _ => None,
    }
}

/// Decodes `data:<media>[;params][;base64],<data>` (RFC 2397).
fn data_uri(uri: &str) -> Option<(String, Vec<u8>)> {
    let (head, data) = uri.strip_prefix("data:")?.split_once(',')?;
    let mut params = head.split(';');
    let media = params.next().unwrap_or_default().trim().to_ascii_lowercase();
    let bytes = if params.any(|p| p.trim().eq_ignore_ascii_case("base64")) {
        base64::engine::general_purpose::STANDARD.decode(data.trim()).ok()?
    } else {
        percent_decode(data)?
    };
    Some((media, bytes))
}

fn percent_decode(s: &str) -> Option<Vec<u8>> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            out.push(u8::from_str_radix(s.get(i + 1..i + 3)?, 16).ok()?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    Some(out)
}

fn generated_svg(doc: &Value, png_artwork: Option<&[u8]>) -> Result<String, ApiError> {
    let achievement = &doc["credentialSubject"]["achievement"];
    let name = text(achievement, "name").or_else(|| text(doc, "name")).unwrap_or_else(|| "Badge".into());
    let issuer = text(&doc["issuer"], "name").unwrap_or_default();
    let wrapped = wrap(&name, 18, 4);
    let first_y = 200 - 14 * (wrapped.len() as u32).saturating_sub(1);
    let lines = wrapped.into_iter().enumerate().map(|(i, text)| Line { y: first_y + 28 * i as u32, text }).collect();
    let artwork = png_artwork
        .map(|png| format!("data:image/png;base64,{}", base64::engine::general_purpose::STANDARD.encode(png)));
    let svg = GeneratedSvg { lines, name, issuer, artwork };
    Ok(svg.render().map_err(|e| Error::Internal(format!("rendering a badge: {e}")))?)
}

/// Greedy word wrap into at most `max_lines` lines of about `width` characters.
fn wrap(s: &str, width: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in s.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.chars().take(width * 2).collect()),
        }
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    lines
}

/// A plain 256×256 badge disc (palette PNG, transparent outside the disc), for credentials
/// whose artwork is not an embedded PNG.
fn generated_png() -> Result<Vec<u8>, ApiError> {
    const SIZE: u32 = 256;
    let mut raw = Vec::with_capacity(((SIZE + 1) * SIZE) as usize);
    let centre = (SIZE as f32 - 1.0) / 2.0;
    for y in 0..SIZE {
        raw.push(0); // filter: none
        for x in 0..SIZE {
            let d = ((x as f32 - centre).powi(2) + (y as f32 - centre).powi(2)).sqrt();
            raw.push(match d {
                d if d > 124.0 => 0,
                d if (104.0..=110.0).contains(&d) => 2,
                _ => 1,
            });
        }
    }
    let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    zlib.write_all(&raw).map_err(|e| Error::Internal(format!("compressing a PNG: {e}")))?;
    let idat = zlib.finish().map_err(|e| Error::Internal(format!("compressing a PNG: {e}")))?;
    let mut ihdr = Vec::with_capacity(13);
    ihdr.extend_from_slice(&SIZE.to_be_bytes());
    ihdr.extend_from_slice(&SIZE.to_be_bytes());
    ihdr.extend_from_slice(&[8, 3, 0, 0, 0]); // 8-bit palette, no interlace
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    for (kind, data) in [
        (b"IHDR", ihdr.as_slice()),
        (b"PLTE", &[0xff, 0xff, 0xff, 0x1d, 0x4e, 0x89, 0xff, 0xff, 0xff][..]),
        (b"tRNS", &[0x00][..]),
        (b"IDAT", idat.as_slice()),
        (b"IEND", &[][..]),
    ] {
        let len = u32::try_from(data.len()).map_err(|_| Error::Internal("PNG chunk too large".into()))?;
        png.extend_from_slice(&len.to_be_bytes());
        let mut crc = crc32fast::Hasher::new();
        crc.update(kind);
        crc.update(data);
        png.extend_from_slice(kind);
        png.extend_from_slice(data);
        png.extend_from_slice(&crc.finalize().to_be_bytes());
    }
    Ok(png)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_uris_decode_in_both_encodings() {
        assert_eq!(data_uri("data:image/png;base64,AAEC").unwrap(), ("image/png".into(), vec![0, 1, 2]));
        assert_eq!(
            data_uri("data:image/svg+xml;charset=utf-8,%3Csvg%2F%3E").unwrap(),
            ("image/svg+xml".into(), b"<svg/>".to_vec())
        );
        assert!(data_uri("https://example.org/a.png").is_none());
    }

    #[test]
    fn names_wrap_into_a_few_lines() {
        assert_eq!(wrap("Introduction to Rust Programming", 18, 4), ["Introduction to", "Rust Programming"]);
        assert_eq!(wrap("a b c d e f g h", 1, 3), ["a", "b", "c…"]);
    }

    #[test]
    fn the_generated_png_is_a_valid_png() {
        let png = generated_png().unwrap();
        let baked = bake_png(&png, "{\"a\":1}").unwrap();
        assert_eq!(cairn_vc::bake::unbake_png(&baked).unwrap().payload, "{\"a\":1}");
    }
}
