//! Bitstring Status List encoding (STANDARDS.md §7.1, §7.2), including the DCC fixture lists.

// Test helpers outside #[test] fns are not covered by clippy.toml's allow-*-in-tests.
#![allow(clippy::unwrap_used, clippy::panic)]

use crate::fixtures::fixtures_dir;
use base64::engine::general_purpose::{URL_SAFE, URL_SAFE_NO_PAD};
use base64::Engine as _;
use cairn_vc::bitstring::{Bitstring, StatusListError, MIN_STATUS_LIST_BITS};
use flate2::write::GzEncoder;
use flate2::Compression;
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};

const CAP: usize = 16 * 1024 * 1024;

#[test]
fn index_zero_is_the_most_significant_bit_of_byte_zero() {
    let mut list = Bitstring::new(16);
    list.set(0, true).unwrap();
    assert_eq!(list.as_bytes(), &[0x80, 0x00]);
    list.set(9, true).unwrap();
    list.set(15, true).unwrap();
    assert_eq!(list.as_bytes(), &[0x80, 0x41]);
    list.set(0, false).unwrap();
    assert_eq!(list.as_bytes(), &[0x00, 0x41]);
    assert!(list.get(9).unwrap() && !list.get(8).unwrap());
}

#[test]
fn round_trip_at_minimum_length() {
    let mut list = Bitstring::new(MIN_STATUS_LIST_BITS);
    for i in [0, 1, 7, 8, 4_242, 65_536, MIN_STATUS_LIST_BITS - 1] {
        list.set(i, true).unwrap();
    }
    let encoded = list.encode().unwrap();
    assert!(encoded.starts_with("uH4sI"), "{encoded}");
    assert!(!encoded.contains('='));
    let decoded = Bitstring::decode(&encoded, CAP).unwrap();
    assert_eq!(decoded, list);
    assert_eq!(decoded.len_bits(), 131_072);
    assert_eq!(decoded.as_bytes().len(), 16 * 1024);
    assert!(decoded.get(4_242).unwrap());
    assert!(!decoded.get(4_243).unwrap());
    decoded.check_min_length(1).unwrap();
    let err = decoded.check_min_length(2).unwrap_err();
    assert_eq!(err.code(), "STATUS_LIST_LENGTH_ERROR");
    assert!(err.to_string().contains("65536 entries"), "{err}");
}

#[test]
fn range_and_length_errors() {
    let list = Bitstring::new(MIN_STATUS_LIST_BITS);
    let err = list.get(MIN_STATUS_LIST_BITS).unwrap_err();
    assert_eq!(
        err,
        StatusListError::Range { index: MIN_STATUS_LIST_BITS, status_size: 1, len_bits: MIN_STATUS_LIST_BITS }
    );
    assert!(err.to_string().starts_with("RANGE_ERROR"));
    assert_eq!(list.get_value(65_536, 2).unwrap_err().code(), "RANGE_ERROR");
    assert_eq!(list.get_value(65_535, 2).unwrap(), 0);
    let short = Bitstring::new(MIN_STATUS_LIST_BITS - 8);
    assert_eq!(short.check_min_length(1).unwrap_err().code(), "STATUS_LIST_LENGTH_ERROR");
}

#[test]
fn decode_accepts_plain_and_padded_base64url() {
    let mut list = Bitstring::new(MIN_STATUS_LIST_BITS);
    list.set(3, true).unwrap();
    let encoded = list.encode().unwrap();
    let gz = URL_SAFE_NO_PAD.decode(&encoded[1..]).unwrap();
    assert_eq!(Bitstring::decode(&encoded[1..], CAP).unwrap(), list);
    assert_eq!(Bitstring::decode(&format!("u{}", URL_SAFE.encode(&gz)), CAP).unwrap(), list);
}

#[test]
fn malformed_lists_are_refused() {
    for bad in ["", "u", "u!!!!", "uAAAA", "uH4sIAAAA", "H4sI-I-CHANGED-THISAAwFwBZnztF9QwAAA"] {
        let err = Bitstring::decode(bad, CAP).unwrap_err();
        assert_eq!(err.code(), "MALFORMED_VALUE_ERROR", "{bad}: {err}");
    }
}

#[test]
fn gzip_bomb_is_refused() {
    let mut gz = GzEncoder::new(Vec::new(), Compression::best());
    gz.write_all(&vec![0u8; 4 * 1024 * 1024]).unwrap();
    let encoded = format!("u{}", URL_SAFE_NO_PAD.encode(gz.finish().unwrap()));
    assert!(encoded.len() < 10_000, "the bomb is small: {}", encoded.len());
    let err = Bitstring::decode(&encoded, 1024 * 1024).unwrap_err();
    assert_eq!(err.code(), "MALFORMED_VALUE_ERROR");
    assert!(err.to_string().contains("more than 1048576 bytes"), "{err}");
    assert_eq!(Bitstring::decode(&encoded, 4 * 1024 * 1024).unwrap().len_bits(), 32 * 1024 * 1024);
}

// ---------- DCC fixtures ----------

const DCC_BASE: &str = "https://digitalcredentials.github.io/vc-test-fixtures/";

fn read_json(path: &Path) -> Option<Value> {
    serde_json::from_slice(&std::fs::read(path).ok()?).ok()
}

fn set_bits(list: &Bitstring) -> Vec<usize> {
    (0..list.len_bits()).filter(|&i| list.get(i).unwrap()).collect()
}

#[test]
fn dcc_fixture_status_lists_decode() {
    let Some(root) = fixtures_dir() else { return };
    let dir = root.join("dcc-vc-test-fixtures/statusLists/didkey-ed25519Signature2020");
    let mut decoded = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let doc = read_json(&path).unwrap();
        let encoded = doc["credentialSubject"]["encodedList"].as_str().unwrap();
        let result = Bitstring::decode(encoded, CAP);
        if name == "tampered" {
            // Its encodedList was edited by hand and is not even valid base64url.
            assert_eq!(result.unwrap_err().code(), "MALFORMED_VALUE_ERROR");
            continue;
        }
        let list = result.unwrap();
        // The DCC lists hold 100,000 entries: shorter than the 131,072 W3C minimum.
        assert_eq!(list.len_bits(), 100_000, "{name}");
        assert_eq!(list.check_min_length(1).unwrap_err().code(), "STATUS_LIST_LENGTH_ERROR");
        assert_eq!(set_bits(&list), vec![2, 6, 8], "{name}");
        decoded += 1;
    }
    assert_eq!(decoded, 4);
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

/// Every credential whose status list is in the fixtures has its bit set exactly when its
/// file name (`registry-status-expiry.json`) says revoked. The other status words name a
/// problem with the list credential itself (expired, not yet valid, missing type: bit
/// clear, the list check fails elsewhere; tampered: the list does not even decode).
#[test]
fn dcc_credentials_match_their_status_bits() {
    let Some(root) = fixtures_dir() else { return };
    let base = root.join("dcc-vc-test-fixtures");
    let mut files = Vec::new();
    json_files(&base.join("verifiableCredentials"), &mut files);
    let (mut checked, mut revoked, mut elsewhere) = (0, 0, 0);
    for file in files {
        let Some(vc) = read_json(&file) else { continue };
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let status_word = name.split('-').nth(1).unwrap_or_default().to_owned();
        let entries = match &vc["credentialStatus"] {
            Value::Array(a) => a.clone(),
            Value::Null => continue,
            one => vec![one.clone()],
        };
        for entry in entries {
            let url = entry["statusListCredential"].as_str().unwrap();
            let Some(rel) = url.strip_prefix(DCC_BASE) else {
                elsewhere += 1; // a list hosted outside this fixture repository
                continue;
            };
            let list_doc = read_json(&base.join(rel)).unwrap();
            let encoded = list_doc["credentialSubject"]["encodedList"].as_str().unwrap();
            let index: usize = entry["statusListIndex"].as_str().unwrap().parse().unwrap();
            let decoded = Bitstring::decode(encoded, CAP);
            checked += 1;
            let expect_set = match status_word.as_str() {
                "tamperedStatus" => {
                    assert_eq!(decoded.unwrap_err().code(), "MALFORMED_VALUE_ERROR", "{name}");
                    continue;
                }
                // "revokedStaus" is a typo in one upstream file name.
                "revokedStatus" | "revokedStaus" | "revoked" => true,
                "validStatus" | "expiredStatus" | "notYetValidStatus" | "missingTypeStatus" => false,
                other => panic!("{name}: unexpected status word {other}"),
            };
            let bit = decoded.unwrap().get(index).unwrap();
            assert_eq!(bit, expect_set, "{name} index {index}");
            revoked += usize::from(bit);
        }
    }
    eprintln!("status bits checked: {checked} ({revoked} revoked); lists hosted elsewhere: {elsewhere}");
    assert!(checked >= 24 && revoked >= 10, "checked {checked}, revoked {revoked}");
}
