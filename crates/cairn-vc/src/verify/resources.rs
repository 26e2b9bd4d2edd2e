//! `relatedResource` integrity (VCDM 2.0 §5.3): for a resource Cairn holds the bytes of
//! (the embedded contexts), the declared `digestSRI` / `digestMultibase` must match.
//! Shape rules (unique ids, a digest present) are in the data-model checks.

use base64::Engine as _;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256, Sha384, Sha512};

use crate::report::Report;

pub(super) fn check_related_resources(obj: &Map<String, Value>, report: &mut Report) {
    let Some(Value::Array(items)) = obj.get("relatedResource") else { return };
    for item in items {
        let Some(id) = item.get("id").and_then(Value::as_str) else { continue };
        let Some(bytes) = crate::contexts::embedded_bytes(id) else {
            report.skip("related_resource", format!("{id} is not held locally; its digest was not checked"));
            continue;
        };
        let mut checked = false;
        if let Some(sri) = item.get("digestSRI").and_then(Value::as_str) {
            checked = true;
            match sri_matches(sri, bytes) {
                Some(true) => report.pass("related_resource", format!("{id}: digestSRI matches")),
                Some(false) => report.fail(
                    "related_resource",
                    "MALFORMED_VALUE_ERROR",
                    format!("{id}: digestSRI does not match the resource"),
                ),
                None => report.fail(
                    "related_resource",
                    "MALFORMED_VALUE_ERROR",
                    format!("{id}: unsupported or malformed digestSRI `{sri}`"),
                ),
            }
        }
        if let Some(mb) = item.get("digestMultibase").and_then(Value::as_str) {
            checked = true;
            match multibase_matches(mb, bytes) {
                Some(true) => report.pass("related_resource", format!("{id}: digestMultibase matches")),
                Some(false) => report.fail(
                    "related_resource",
                    "MALFORMED_VALUE_ERROR",
                    format!("{id}: digestMultibase does not match the resource"),
                ),
                None => report.fail(
                    "related_resource",
                    "MALFORMED_VALUE_ERROR",
                    format!("{id}: unsupported or malformed digestMultibase"),
                ),
            }
        }
        if !checked {
            report.fail(
                "related_resource",
                "MALFORMED_VALUE_ERROR",
                format!("{id}: relatedResource needs digestSRI or digestMultibase"),
            );
        }
    }
}

/// `sha256-…`, `sha384-…` or `sha512-…` (base64): `None` when malformed or unsupported.
fn sri_matches(sri: &str, bytes: &[u8]) -> Option<bool> {
    let (alg, b64) = sri.split_once('-')?;
    let want = base64::engine::general_purpose::STANDARD.decode(b64.trim()).ok()?;
    let got = match alg {
        "sha256" => Sha256::digest(bytes).to_vec(),
        "sha384" => Sha384::digest(bytes).to_vec(),
        "sha512" => Sha512::digest(bytes).to_vec(),
        _ => return None,
    };
    Some(got == want)
}

/// A multibase (`u` base64url or `z` base58btc) multihash of SHA-256 (0x12) or SHA-384 (0x20).
fn multibase_matches(mb: &str, bytes: &[u8]) -> Option<bool> {
    let decoded = match mb.get(..1)? {
        "u" => base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(mb.get(1..)?).ok()?,
        "z" => bs58::decode(mb.get(1..)?).into_vec().ok()?,
        _ => return None,
    };
    let (&code, rest) = decoded.split_first()?;
    let (&len, digest) = rest.split_first()?;
    if usize::from(len) != digest.len() {
        return None;
    }
    let got = match code {
        0x12 => Sha256::digest(bytes).to_vec(),
        0x20 => Sha384::digest(bytes).to_vec(),
        _ => return None,
    };
    Some(got == digest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn digests_of_embedded_contexts_are_checked() {
        let url = crate::contexts::VC_V2;
        let bytes = crate::contexts::embedded_bytes(url).unwrap();
        let sri = format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes)));
        let mut mh = vec![0x12, 32];
        mh.extend_from_slice(&Sha256::digest(bytes));
        let mbase = format!("u{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&mh));
        let good = json!({"relatedResource": [{"id": url, "digestSRI": sri, "digestMultibase": mbase}]});
        let mut report = Report::default();
        check_related_resources(good.as_object().unwrap(), &mut report);
        assert!(report.clone().finish().verified, "{report:?}");
        assert_eq!(report.checks.len(), 2);
        let bad = json!({"relatedResource": [{"id": url, "digestSRI": "sha384-AAAA"}]});
        let mut report = Report::default();
        check_related_resources(bad.as_object().unwrap(), &mut report);
        assert!(!report.finish().verified);
    }
}
