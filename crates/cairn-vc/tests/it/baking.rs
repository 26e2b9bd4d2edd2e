//! PNG and SVG baking (STANDARDS.md §8): round trips, byte preservation, malformed input.

// Test helpers outside #[test] fns are not covered by clippy.toml's allow-*-in-tests.
#![allow(clippy::unwrap_used, clippy::panic)]

use cairn_vc::bake::{bake_png, bake_svg, unbake, unbake_png, unbake_svg, BakeError, Baked, BakedKind};
use flate2::write::ZlibEncoder;
use flate2::Compression;
use std::io::Write;

const CREDENTIAL: &str = r#"{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential","OpenBadgeCredential"],"name":"Rock climbing, level 1"}"#;
const JWS: &str = "eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJkaWQ6ZXhhbXBsZSJ9.c2lnbmF0dXJlLWJ5dGVz";

// ---------- PNG helpers ----------

fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = (data.len() as u32).to_be_bytes().to_vec();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let mut typed = kind.to_vec();
    typed.extend_from_slice(data);
    out.extend_from_slice(&crc32fast::hash(&typed).to_be_bytes());
    out
}

/// A 2×2 RGB PNG built by hand: IHDR, one zlib-compressed IDAT, IEND.
fn tiny_png_with(extra: &[Vec<u8>]) -> Vec<u8> {
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&2u32.to_be_bytes());
    ihdr.extend_from_slice(&2u32.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]); // 8-bit RGB, deflate, no filter, no interlace
    let rows = [0u8, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255];
    let mut z = ZlibEncoder::new(Vec::new(), Compression::default());
    z.write_all(&rows).unwrap();
    let idat = z.finish().unwrap();
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(chunk(b"IHDR", &ihdr));
    for c in extra {
        png.extend_from_slice(c);
    }
    png.extend(chunk(b"IDAT", &idat));
    png.extend(chunk(b"IEND", &[]));
    png
}

fn tiny_png() -> Vec<u8> {
    tiny_png_with(&[])
}

/// (type, data) of each chunk, trusting the test's own well-formed files.
fn chunks(png: &[u8]) -> Vec<([u8; 4], Vec<u8>)> {
    let mut out = Vec::new();
    let mut at = 8;
    while at < png.len() {
        let len = u32::from_be_bytes(png[at..at + 4].try_into().unwrap()) as usize;
        let kind: [u8; 4] = png[at + 4..at + 8].try_into().unwrap();
        out.push((kind, png[at + 8..at + 8 + len].to_vec()));
        at += 12 + len;
    }
    out
}

fn badge_chunk_count(png: &[u8]) -> usize {
    chunks(png).iter().filter(|(k, d)| k == b"iTXt" && d.starts_with(b"openbadgecredential\0")).count()
}

fn idat(png: &[u8]) -> Vec<Vec<u8>> {
    chunks(png).into_iter().filter(|(k, _)| k == b"IDAT").map(|(_, d)| d).collect()
}

fn itxt(keyword: &str, flag: u8, text: &[u8]) -> Vec<u8> {
    let mut data = keyword.as_bytes().to_vec();
    data.extend_from_slice(&[0, flag, 0, 0, 0]);
    data.extend_from_slice(text);
    chunk(b"iTXt", &data)
}

// ---------- PNG ----------

#[test]
fn png_round_trip_json_and_jws() {
    let png = tiny_png();
    let baked = bake_png(&png, CREDENTIAL).unwrap();
    let expected = Baked { kind: BakedKind::Ob3Credential, payload: CREDENTIAL.to_owned() };
    assert_eq!(unbake_png(&baked).unwrap(), expected);
    assert_eq!(unbake(&baked).unwrap(), expected);

    let baked = bake_png(&png, JWS).unwrap();
    let got = unbake_png(&baked).unwrap();
    assert_eq!(got.kind, BakedKind::Ob3Jws);
    assert_eq!(got.payload, JWS);
}

#[test]
fn png_bake_splices_exact_chunk_before_iend_and_keeps_pixels() {
    let png = tiny_png();
    let baked = bake_png(&png, CREDENTIAL).unwrap();
    let iend = png.len() - 12;
    let mut data = b"openbadgecredential\0\0\0\0\0".to_vec();
    data.extend_from_slice(CREDENTIAL.as_bytes());
    let mut expected = png[..iend].to_vec();
    expected.extend(chunk(b"iTXt", &data));
    expected.extend_from_slice(&png[iend..]);
    assert_eq!(baked, expected);
    assert_eq!(idat(&baked), idat(&png));
    assert_eq!(badge_chunk_count(&baked), 1);
}

#[test]
fn png_baking_twice_leaves_one_chunk() {
    let png = tiny_png();
    let once = bake_png(&png, CREDENTIAL).unwrap();
    assert_eq!(bake_png(&once, CREDENTIAL).unwrap(), once);
    let twice = bake_png(&once, JWS).unwrap();
    assert_eq!(badge_chunk_count(&twice), 1);
    assert_eq!(unbake_png(&twice).unwrap().payload, JWS);
    assert_eq!(idat(&twice), idat(&png));
}

#[test]
fn png_bad_crc_is_an_error() {
    let mut png = tiny_png();
    let last_idat_byte = png.len() - 12 - 4 - 1;
    png[last_idat_byte] ^= 0xff;
    let err = unbake_png(&png).unwrap_err();
    assert!(matches!(err, BakeError::Crc { ref chunk, .. } if chunk == "IDAT"), "{err}");
    assert!(err.to_string().contains("bad CRC-32"), "{err}");
    assert!(bake_png(&png, CREDENTIAL).is_err());
}

#[test]
fn png_truncated_file_is_an_error() {
    let png = tiny_png();
    for cut in [1, 5, 12, 20, png.len() - 9] {
        let err = unbake_png(&png[..png.len() - cut]).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("truncated") || msg.contains("without an IEND"), "cut {cut}: {msg}");
    }
    assert!(matches!(unbake_png(&png[..8]).unwrap_err(), BakeError::Structure(_)));
}

#[test]
fn png_lying_length_is_refused_without_allocating() {
    let mut png = tiny_png();
    let idat_at = 8 + 12 + 13;
    png[idat_at..idat_at + 4].copy_from_slice(&0x7fff_0000u32.to_be_bytes());
    let err = unbake_png(&png).unwrap_err();
    assert!(matches!(err, BakeError::ChunkLength { length: 0x7fff_0000, ref chunk, .. } if chunk == "IDAT"), "{err}");
    png[idat_at..idat_at + 4].copy_from_slice(&u32::MAX.to_be_bytes());
    assert!(matches!(unbake_png(&png).unwrap_err(), BakeError::ChunkLength { .. }));
}

#[test]
fn png_compressed_badge_chunk_is_refused() {
    let png = tiny_png_with(&[itxt("openbadgecredential", 1, b"x\x9c\x03\x00\x00\x00\x00\x01")]);
    let err = unbake_png(&png).unwrap_err();
    assert!(matches!(err, BakeError::CompressedText { .. }), "{err}");
    assert!(err.to_string().contains("compressed"), "{err}");
    // Baking replaces the bad chunk rather than keeping a second one.
    let baked = bake_png(&png, CREDENTIAL).unwrap();
    assert_eq!(badge_chunk_count(&baked), 1);
    assert_eq!(unbake_png(&baked).unwrap().payload, CREDENTIAL);
}

#[test]
fn png_structure_errors_are_named() {
    let png = tiny_png();
    assert!(matches!(unbake_png(b"GIF89a").unwrap_err(), BakeError::NotPng));
    let mut trailing = png.clone();
    trailing.extend_from_slice(b"junk");
    assert!(unbake_png(&trailing).unwrap_err().to_string().contains("follow the IEND"));
    let mut no_ihdr = b"\x89PNG\r\n\x1a\n".to_vec();
    no_ihdr.extend(chunk(b"IEND", &[]));
    assert!(unbake_png(&no_ihdr).unwrap_err().to_string().contains("not IHDR"));
    let mut bad_type = png.clone();
    bad_type[12] = b'1';
    assert!(matches!(unbake_png(&bad_type).unwrap_err(), BakeError::ChunkType { .. }));
    assert!(matches!(unbake_png(&png).unwrap_err(), BakeError::NotBaked));
}

#[test]
fn png_bad_utf8_and_bad_payloads() {
    let png = tiny_png_with(&[itxt("openbadgecredential", 0, b"{\xff}")]);
    assert!(unbake_png(&png).unwrap_err().to_string().contains("not UTF-8"));
    let err = bake_png(&tiny_png(), "not a credential").unwrap_err();
    assert!(matches!(err, BakeError::Payload(_)), "{err}");
    assert!(matches!(bake_png(&tiny_png(), "{\"a\":").unwrap_err(), BakeError::Payload(_)));
}

#[test]
fn oversized_input_is_refused() {
    let mut big = tiny_png();
    big.resize(16 * 1024 * 1024 + 1, 0);
    assert!(matches!(unbake(&big).unwrap_err(), BakeError::TooLarge { .. }));
    assert!(matches!(bake_png(&big, CREDENTIAL).unwrap_err(), BakeError::TooLarge { .. }));
}

#[test]
fn png_ob2_chunks_are_recognised() {
    let url = "https://example.org/assertions/123";
    let mut text = b"openbadges\0".to_vec();
    text.extend_from_slice(url.as_bytes());
    let png = tiny_png_with(&[chunk(b"tEXt", &text)]);
    let got = unbake(&png).unwrap();
    assert_eq!((got.kind, got.payload.as_str()), (BakedKind::Ob2Url, url));

    let assertion = r#"{"type":"Assertion","id":"urn:uuid:1"}"#;
    let png = tiny_png_with(&[itxt("openbadges", 0, assertion.as_bytes())]);
    let got = unbake(&png).unwrap();
    assert_eq!((got.kind, got.payload.as_str()), (BakedKind::Ob2Assertion, assertion));

    // An OB 3.0 chunk wins over an OB 2.0 one.
    let both = bake_png(&png, CREDENTIAL).unwrap();
    assert_eq!(unbake(&both).unwrap().kind, BakedKind::Ob3Credential);
}

// ---------- SVG ----------

const SVG: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<!-- a comment with <openbadges:credential> inside -->
<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" data-x="a&gt;b"><rect width="10" height="10"/></svg>
"#;

const OB3_ATTR: &str = r#" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0""#;

#[test]
fn svg_round_trip_json_preserves_original_bytes() {
    let baked = bake_svg(SVG, CREDENTIAL).unwrap();
    let element = format!("<openbadges:credential><![CDATA[{CREDENTIAL}]]></openbadges:credential>");
    let expected = SVG.replacen("<svg", &format!("<svg{OB3_ATTR}"), 1).replacen(
        "data-x=\"a&gt;b\">",
        &format!("data-x=\"a&gt;b\">{element}"),
        1,
    );
    assert_eq!(baked, expected);
    let want = Baked { kind: BakedKind::Ob3Credential, payload: CREDENTIAL.to_owned() };
    assert_eq!(unbake_svg(&baked).unwrap(), want);
    assert_eq!(unbake(baked.as_bytes()).unwrap(), want);
}

#[test]
fn svg_cdata_terminator_inside_json_string_is_escaped() {
    let tricky = r#"{"name":"a ]]> b","description":"x > y \" ]]>","n":1}"#;
    let baked = bake_svg(SVG, tricky).unwrap();
    assert_eq!(baked.matches("]]>").count(), 1, "{baked}");
    assert!(baked.contains(r#""a ]]\u003e b""#), "{baked}");
    let got = unbake_svg(&baked).unwrap();
    assert_eq!(got.kind, BakedKind::Ob3Credential);
    let a: serde_json::Value = serde_json::from_str(tricky).unwrap();
    let b: serde_json::Value = serde_json::from_str(&got.payload).unwrap();
    assert_eq!(a, b);
}

#[test]
fn svg_round_trip_jws_uses_verify_attribute() {
    let baked = bake_svg(SVG, JWS).unwrap();
    assert!(baked.contains(&format!("<openbadges:credential verify=\"{JWS}\"/>")));
    let got = unbake_svg(&baked).unwrap();
    assert_eq!((got.kind, got.payload.as_str()), (BakedKind::Ob3Jws, JWS));
}

#[test]
fn svg_baking_twice_leaves_one_element() {
    let once = bake_svg(SVG, CREDENTIAL).unwrap();
    assert_eq!(bake_svg(&once, CREDENTIAL).unwrap(), once);
    let twice = bake_svg(&once, JWS).unwrap();
    assert_eq!(twice.matches("<openbadges:credential").count(), 2); // 1 + the comment
    assert_eq!(twice.matches("xmlns:openbadges=").count(), 1);
    assert_eq!(unbake_svg(&twice).unwrap().payload, JWS);
}

#[test]
fn svg_self_closing_root_and_existing_namespace() {
    let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" />"#;
    let baked = bake_svg(svg, JWS).unwrap();
    assert_eq!(
        baked,
        format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" ><openbadges:credential verify="{JWS}"/></svg>"#
        )
    );
    assert_eq!(unbake_svg(&baked).unwrap().payload, JWS);
}

#[test]
fn svg_prefix_bound_elsewhere_gets_a_local_binding() {
    let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://example.org/a/1"/></svg>"#;
    let baked = bake_svg(svg, CREDENTIAL).unwrap();
    assert!(baked.contains(&format!("<openbadges:credential{OB3_ATTR}><![CDATA[")));
    assert_eq!(unbake_svg(&baked).unwrap().kind, BakedKind::Ob3Credential);
}

#[test]
fn svg_other_prefix_text_content_and_entities() {
    let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="https://purl.imsglobal.org/ob/v3p0">
  <ob:credential>
    {&quot;name&quot;:&quot;A &amp; B&quot;}
  </ob:credential>
</svg>"#;
    let got = unbake_svg(svg).unwrap();
    assert_eq!(got.kind, BakedKind::Ob3Credential);
    assert_eq!(got.payload, r#"{"name":"A & B"}"#);
}

#[test]
fn svg_ob2_assertions_are_recognised() {
    let signed = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="{JWS}"></openbadges:assertion></svg>"#
    );
    let got = unbake(signed.as_bytes()).unwrap();
    assert_eq!((got.kind, got.payload.as_str()), (BakedKind::Ob2Assertion, JWS));

    let hosted = r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://example.org/a/1"><![CDATA[{"type":"Assertion"}]]></openbadges:assertion></svg>"#;
    let got = unbake_svg(hosted).unwrap();
    assert_eq!(got.kind, BakedKind::Ob2Assertion);
    assert_eq!(got.payload, r#"{"type":"Assertion"}"#);

    let url_only = r#"<svg xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://example.org/a/1"/></svg>"#;
    let got = unbake_svg(url_only).unwrap();
    assert_eq!((got.kind, got.payload.as_str()), (BakedKind::Ob2Url, "https://example.org/a/1"));
}

#[test]
fn svg_errors_are_named() {
    let err = unbake_svg("<svg><g></svg>").unwrap_err();
    assert!(matches!(err, BakeError::Svg(_)), "{err}");
    let err = bake_svg("<html/>", CREDENTIAL).unwrap_err();
    assert!(err.to_string().contains("not <svg>"), "{err}");
    assert!(matches!(unbake_svg(SVG).unwrap_err(), BakeError::NotBaked));
    assert!(matches!(bake_svg(SVG, "a.b]]>.c").unwrap_err(), BakeError::Payload(_)));
    assert!(matches!(unbake(b"\x00\x01garbage").unwrap_err(), BakeError::UnknownFormat));
    let empty = r#"<svg xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential/></svg>"#;
    assert!(matches!(unbake_svg(empty).unwrap_err(), BakeError::Empty(_)));
}

#[test]
fn svg_text_outside_root_is_refused_but_bom_is_fine() {
    let err = bake_svg("junk<svg/>", CREDENTIAL).unwrap_err();
    assert!(err.to_string().contains("outside the root"), "{err}");
    assert!(unbake_svg("<svg/>tail").is_err());
    let bom = "\u{feff}<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>";
    let baked = bake_svg(bom, JWS).unwrap();
    assert!(baked.starts_with("\u{feff}<svg xmlns:openbadges="), "{baked}");
    assert_eq!(unbake(baked.as_bytes()).unwrap().payload, JWS);
}
