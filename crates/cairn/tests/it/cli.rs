//! The real `cairn` binary end to end: keygen → sign → verify (text and `--json`), tampering,
//! undefined terms, baking into PNG and SVG, URLs without `--online`, and fixture credentials.

// Test helpers outside #[test] fns are not covered by clippy.toml's allow-*-in-tests.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::PathBuf;

use serde_json::Value;

use crate::support::{cairn, fixtures, ob_credential, read_json, tiny_png, Run, Scratch, TINY_SVG};

const CREATED: &str = "2024-03-01T12:00:00Z";

/// `cairn keygen --out <dir>/key.json`; returns the key file and its did:key.
fn keygen(s: &Scratch) -> (PathBuf, String) {
    let path = s.path("key.json");
    let run = cairn(&["keygen".as_ref(), "--out".as_ref(), path.as_os_str()]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let did = read_json(&path)["controller"].as_str().unwrap().to_string();
    (path, did)
}

/// A credential signed by a fresh key through `cairn sign`: (signed file, did:key).
fn signed(s: &Scratch) -> (PathBuf, String) {
    let (key, did) = keygen(s);
    let unsigned = s.json("unsigned.json", &ob_credential(&did, &crate::support::key(2).did_key()));
    let out = s.path("signed.json");
    let run = cairn(&[
        "sign".as_ref(),
        unsigned.as_os_str(),
        "--key".as_ref(),
        key.as_os_str(),
        "--created".as_ref(),
        CREATED.as_ref(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    (out, did)
}

fn verify_json(args: &[&std::ffi::OsStr]) -> (Run, Value) {
    let mut all = vec!["verify".as_ref(), "--json".as_ref()];
    all.extend_from_slice(args);
    let run = cairn(&all);
    let report: Value = serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {run:?}"));
    (run, report)
}

/// The outcomes (`passed`, `failed`, …) the JSON report gives `check`.
fn outcomes(report: &Value, check: &str) -> Vec<String> {
    let checks = report["checks"].as_array().unwrap();
    checks.iter().filter(|c| c["check"] == check).map(|c| c["outcome"].as_str().unwrap().to_string()).collect()
}

#[test]
fn keygen_writes_a_private_key_file_and_never_overwrites_it() {
    let s = Scratch::new("keygen");
    let (path, did) = keygen(&s);
    let doc = read_json(&path);
    assert_eq!(doc["type"], "Multikey");
    assert!(did.starts_with("did:key:z6Mk"), "{did}");
    assert_eq!(did, format!("did:key:{}", doc["publicKeyMultibase"].as_str().unwrap()));
    assert!(doc["secretKeyMultibase"].as_str().unwrap().starts_with('z'));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "key file mode {mode:o}");
    }
    let before = std::fs::read(&path).unwrap();
    let again = cairn(&["keygen".as_ref(), "--out".as_ref(), path.as_os_str()]);
    assert_eq!(again.code, Some(2), "{again:?}");
    assert!(again.stderr.contains("must not exist"), "{again:?}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "the existing key must be left untouched");
    // Without --out the key goes to stdout, a different one each time.
    let printed = cairn(&["keygen"]);
    let printed: Value = serde_json::from_str(&printed.stdout).unwrap();
    assert_ne!(printed["secretKeyMultibase"], doc["secretKeyMultibase"]);
}

#[test]
fn signed_credential_verifies_and_a_tampered_copy_fails() {
    let s = Scratch::new("sign-verify");
    let (file, did) = signed(&s);
    let doc = read_json(&file);
    let proof = &doc["proof"][0];
    assert_eq!(proof["cryptosuite"], "eddsa-rdfc-2022");
    assert_eq!(proof["created"], CREATED);
    assert_eq!(proof["verificationMethod"], format!("{did}#{}", did.trim_start_matches("did:key:")));

    let run = cairn(&["verify".as_ref(), file.as_os_str()]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stdout.contains("\nVALID: every check passed"), "{run:?}");
    assert!(run.stdout.lines().any(|l| l.starts_with("PASS  proof")), "{run:?}");

    let (run, report) = verify_json(&[file.as_os_str()]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(report["verified"], true);
    assert_eq!(outcomes(&report, "proof"), ["passed"]);
    assert_eq!(outcomes(&report, "issuer"), ["passed"]);

    let mut tampered = doc.clone();
    tampered["credentialSubject"]["achievement"]["name"] = "Rock climbing, level 9".into();
    let tampered = s.json("tampered.json", &tampered);
    let run = cairn(&["verify".as_ref(), tampered.as_os_str()]);
    assert_eq!(run.code, Some(1), "{run:?}");
    let line = run.stdout.lines().find(|l| l.starts_with("FAIL  proof")).unwrap_or_else(|| panic!("{run:?}"));
    assert!(line.contains("PROOF_VERIFICATION_ERROR") && line.contains("does not match"), "{line}");
    assert!(run.stdout.contains("NOT VALID: 1 check(s) failed."), "{run:?}");
    let (run, report) = verify_json(&[tampered.as_os_str()]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(report["verified"], false);
    assert_eq!(outcomes(&report, "proof"), ["failed"]);
}

#[test]
fn sign_refuses_an_undefined_term_and_names_it() {
    let s = Scratch::new("undefined-term");
    let (key, did) = keygen(&s);
    let mut doc = ob_credential(&did, &did);
    doc["credentialSubject"]["climbingGrade"] = "6a".into();
    let unsigned = s.json("unsigned.json", &doc);
    let out = s.path("signed.json");
    let run = cairn(&[
        "sign".as_ref(),
        unsigned.as_os_str(),
        "--key".as_ref(),
        key.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(run.stderr.contains("`climbingGrade`"), "{run:?}");
    assert!(!out.exists(), "nothing may be written when signing fails");
}

#[test]
fn baked_png_and_svg_verify_and_unbake_to_the_same_credential() {
    let s = Scratch::new("bake");
    let (file, _) = signed(&s);
    let credential = std::fs::read_to_string(&file).unwrap();
    let png = s.path("badge.png");
    std::fs::write(&png, tiny_png()).unwrap();
    let svg = s.path("badge.svg");
    std::fs::write(&svg, TINY_SVG).unwrap();
    for (image, baked) in [(png, s.path("baked.png")), (svg, s.path("baked.svg"))] {
        let run = cairn(&["bake".as_ref(), image.as_os_str(), file.as_os_str(), "--out".as_ref(), baked.as_os_str()]);
        assert_eq!(run.code, Some(0), "{run:?}");
        let run = cairn(&["verify".as_ref(), baked.as_os_str()]);
        assert_eq!(run.code, Some(0), "{}: {run:?}", baked.display());
        assert!(run.stdout.contains("\nVALID: "), "{run:?}");
        let run = cairn(&["unbake".as_ref(), baked.as_os_str()]);
        assert_eq!(run.code, Some(0), "{run:?}");
        assert_eq!(run.stdout, credential, "{}: unbake must give back the signed file", baked.display());
    }
    let baked_png = std::fs::read(s.path("baked.png")).unwrap();
    assert!(baked_png.starts_with(b"\x89PNG\r\n\x1a\n"));
    assert!(baked_png.windows(24).any(|w| w == b"iTXtopenbadgecredential\0"), "iTXt chunk with the OB 3.0 keyword");
    let baked_svg = std::fs::read_to_string(s.path("baked.svg")).unwrap();
    assert!(baked_svg.contains("<openbadges:credential"), "{baked_svg}");
    assert!(baked_svg.contains("<circle"), "the artwork stays");
}

#[test]
fn verify_refuses_a_url_without_online() {
    let run = cairn(&["verify", "https://badges.example.org/credentials/1"]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(run.stderr.contains("is a URL: add --online"), "{run:?}");
    assert!(run.stdout.is_empty(), "{run:?}");
}

#[test]
fn the_1edtech_ob3_vector_verifies() {
    let Some(fx) = fixtures("cli: 1EdTech OB 3.0 vector") else { return };
    let s = Scratch::new("ob3-vector");
    let vector = read_json(fx.join("ob3-vector/vector.json"));
    let file = s.json("signed.json", &vector["signedCredential"]);
    let run = cairn(&["verify".as_ref(), file.as_os_str()]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stdout.lines().any(|l| l.starts_with("PASS  proof")), "{run:?}");
}

#[test]
fn a_revoked_dcc_credential_fails_and_says_revoked() {
    let Some(fx) = fixtures("cli: DCC revoked credential") else { return };
    let dcc = fx.join("dcc-vc-test-fixtures");
    let file = dcc.join("verifiableCredentials/v1/dataIntegrityProof/didWeb/legacy-revokedStatus-noExpiry.json");
    let map = format!("https://digitalcredentials.github.io/vc-test-fixtures/={}/", dcc.display());
    let run = cairn(&["verify".as_ref(), "--map".as_ref(), map.as_ref(), file.as_os_str()]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(run.stdout.lines().any(|l| l.starts_with("FAIL  status") && l.contains("revoked")), "{run:?}");
    assert!(run.stdout.lines().any(|l| l.starts_with("PASS  proof")), "only the status may fail: {run:?}");
    assert!(run.stdout.contains("NOT VALID: 1 check(s) failed."), "{run:?}");
    // The same credential is valid when status is not checked.
    let run = cairn(&["verify".as_ref(), "--no-status".as_ref(), "--map".as_ref(), map.as_ref(), file.as_os_str()]);
    assert_eq!(run.code, Some(0), "{run:?}");
}
