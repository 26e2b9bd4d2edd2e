//! Interoperability with real JavaScript clients (`interop/`, pinned npm packages):
//! credentials Cairn signs, with a Bitstring status list Cairn builds and signs, verify in the
//! DCC wallet's `@digitalcredentials/verifier-core`; and the Digital Bazaar signer produces the
//! very proofValue Cairn produces, which Cairn's `Verifier` accepts.

// Test helpers outside #[test] fns are not covered by clippy.toml's allow-*-in-tests.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::collections::HashMap;
use std::path::Path;

use cairn_vc::bitstring::{Bitstring, MIN_STATUS_LIST_BITS};
use cairn_vc::canon::Canonicalizer;
use cairn_vc::keys::Ed25519Key;
use cairn_vc::proof::{self, ProofOptions};
use cairn_vc::report::Outcome;
use cairn_vc::resolve::MapResolver;
use cairn_vc::status::{status_entry, status_list_credential, StatusPurpose};
use cairn_vc::verify::{Verifier, VerifyOptions};
use serde_json::Value;

use crate::support::{did_key_vm, fixtures_dir, interop_dir, key, node, ob_credential, Scratch, StatusServer};

const SEED: u8 = 0x5a;
const CREATED: &str = "2024-03-01T12:00:00Z";
const CLEAR_INDEX: usize = 1_337;
const REVOKED_INDEX: usize = 94_567;

fn sign(doc: &Value, key: &Ed25519Key) -> Value {
    let options = ProofOptions::assertion(did_key_vm(key), CREATED);
    proof::sign(&Canonicalizer::default(), doc, key, &options).unwrap()
}

/// The signed revocation list at `list_url`: 131,072 entries, only `REVOKED_INDEX` set.
fn signed_status_list(list_url: &str, key: &Ed25519Key) -> Value {
    let mut bits = Bitstring::new(MIN_STATUS_LIST_BITS);
    bits.set(REVOKED_INDEX, true).unwrap();
    let list = status_list_credential(
        list_url,
        &key.did_key(),
        StatusPurpose::Revocation,
        &bits,
        "2024-01-01T00:00:00Z",
        300_000,
    )
    .unwrap();
    sign(&list, key)
}

/// An unsigned credential with a revocation entry at `index` and `validUntil` in 2099.
fn credential_with_status(key: &Ed25519Key, list_url: &str, index: usize) -> Value {
    let mut doc = ob_credential(&key.did_key(), &crate::support::key(2).did_key());
    doc["id"] = format!("urn:uuid:0f0e0d0c-0b0a-4908-8706-{index:012}").into();
    doc["validUntil"] = "2099-01-01T00:00:00Z".into();
    doc["credentialStatus"] = status_entry(list_url, StatusPurpose::Revocation, index);
    doc
}

fn tamper(doc: &Value) -> Value {
    let mut t = doc.clone();
    t["credentialSubject"]["achievement"]["name"] = "Rock climbing, level 9".into();
    t
}

/// `node interop/verify.mjs` on the files: one parsed JSON line per file, by file name.
fn verifier_core(interop: &Path, files: &[&Path], fx: Option<&Path>) -> HashMap<String, Value> {
    let run = node(interop, "verify.mjs", files, fx);
    assert!(matches!(run.code, Some(0 | 1)), "verify.mjs failed to run: {run:?}");
    let lines: Vec<Value> = run.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), files.len(), "{run:?}");
    lines
        .into_iter()
        .map(|l| {
            let name = Path::new(l["file"].as_str().unwrap()).file_name().unwrap().to_string_lossy().into_owned();
            (name, l)
        })
        .collect()
}

#[test]
fn verifier_core_accepts_cairn_credentials_and_its_status_list() {
    let Some(interop) = interop_dir("interop: verifier-core") else { return };
    let fx = fixtures_dir();
    if fx.is_none() {
        eprintln!("NOTE: ../shared/fixtures not found: verifier-core's OB schema check is not asserted");
    }
    let key = key(SEED);
    let (listener, base) = StatusServer::bind();
    let list_url = format!("{base}/status/1");
    let list = serde_json::to_vec(&signed_status_list(&list_url, &key)).unwrap();
    // A second list altered after signing: proves verifier-core checks the list's own proof.
    let bad_list_url = format!("{base}/status/2");
    let mut bad_list = signed_status_list(&bad_list_url, &key);
    bad_list["validFrom"] = "2024-01-02T00:00:00Z".into();
    let routes = vec![("/status/1".into(), list), ("/status/2".into(), serde_json::to_vec(&bad_list).unwrap())];
    let server = StatusServer::start(listener, routes);

    let s = Scratch::new("verifier-core");
    let clear = sign(&credential_with_status(&key, &list_url, CLEAR_INDEX), &key);
    let revoked = sign(&credential_with_status(&key, &list_url, REVOKED_INDEX), &key);
    let bad_list = sign(&credential_with_status(&key, &bad_list_url, CLEAR_INDEX), &key);
    let files = [
        s.json("clear.json", &clear),
        s.json("revoked.json", &revoked),
        s.json("tampered.json", &tamper(&clear)),
        s.json("bad-list.json", &bad_list),
    ];
    let results = verifier_core(&interop, &files.iter().map(|f| f.as_path()).collect::<Vec<_>>(), fx.as_deref());
    for (name, r) in &results {
        eprintln!("verifier-core {name}: verified={} checks={} errors={}", r["verified"], r["checks"], r["errors"]);
    }

    let clear = &results["clear.json"];
    let checks = &clear["checks"];
    assert_eq!(clear["verified"], true, "{clear:#}");
    for check in ["valid_signature", "expiration", "revocation_status"] {
        assert_eq!(checks[check], true, "clear.json {check}: {clear:#}");
    }
    if fx.is_some() {
        assert_eq!(checks["schema"], true, "clear.json schema: {clear:#}");
    }
    let fetched = clear["fetches"].as_array().unwrap();
    assert!(fetched.iter().any(|f| f["url"] == list_url.as_str() && f["outcome"] == "loopback"), "{clear:#}");

    let revoked = &results["revoked.json"];
    assert_eq!(revoked["verified"], false, "{revoked:#}");
    assert_eq!(revoked["checks"]["valid_signature"], true, "{revoked:#}");
    assert_eq!(revoked["checks"]["revocation_status"], false, "{revoked:#}");

    let tampered = &results["tampered.json"];
    assert_eq!(tampered["verified"], false, "{tampered:#}");
    assert_eq!(tampered["checks"]["valid_signature"], false, "{tampered:#}");

    let bad_list = &results["bad-list.json"];
    assert_eq!(bad_list["verified"], false, "{bad_list:#}");
    assert_eq!(bad_list["checks"]["valid_signature"], true, "{bad_list:#}");
    assert_eq!(bad_list["checks"]["revocation_status"], false, "{bad_list:#}");
    let errors = bad_list["errors"].as_array().unwrap();
    assert!(errors.iter().any(|e| e["name"] == "status_list_signature_error"), "{bad_list:#}");

    assert!(server.served() >= 3, "the lists were fetched from the test server for every status check");
}

#[test]
fn digital_bazaar_signs_what_cairn_signs_and_cairn_verifies_it() {
    let Some(interop) = interop_dir("interop: Digital Bazaar signer") else { return };
    let fx = fixtures_dir(); // optional: the VC and OB contexts come from npm packages
    let key = key(SEED);
    let list_url = "http://127.0.0.1:9/status/1"; // never fetched: the resolver below serves it
    let unsigned = credential_with_status(&key, list_url, CLEAR_INDEX);
    let s = Scratch::new("db-sign");
    let file = s.json("unsigned.json", &unsigned);
    let seed_hex: String = key.seed().iter().map(|b| format!("{b:02x}")).collect();
    let vm = did_key_vm(&key);
    let run = node(
        &interop,
        "sign.mjs",
        &[file.as_os_str(), seed_hex.as_ref(), vm.as_ref(), CREATED.as_ref()],
        fx.as_deref(),
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let js: Value = serde_json::from_str(&run.stdout).unwrap();

    let js_proofs = proof::proofs_of(js.get("proof"));
    let ours = sign(&unsigned, &key);
    let ours = &ours["proof"][0];
    assert_eq!(js_proofs.len(), 1, "{js:#}");
    let theirs = &js_proofs[0];
    for field in ["type", "cryptosuite", "created", "verificationMethod", "proofPurpose"] {
        assert_eq!(theirs.get(field), ours.get(field), "proof {field}");
    }
    assert_eq!(theirs["proofValue"], ours["proofValue"], "Ed25519 is deterministic: same bytes signed, same signature");

    let resolver = MapResolver::new().with_document(list_url, signed_status_list(list_url, &key));
    let canon = Canonicalizer::default();
    let now = time::macros::datetime!(2026-06-01 00:00 UTC);
    let verifier = Verifier { canon: &canon, resolver: &resolver, now, options: VerifyOptions::default() };
    let report = verifier.verify(&js);
    assert!(report.verified, "{report:#?}");
    for check in ["proof", "status"] {
        let outcomes: Vec<Outcome> = report.checks.iter().filter(|c| c.check == check).map(|c| c.outcome).collect();
        assert_eq!(outcomes, [Outcome::Passed], "{check}: {report:#?}");
    }
    let report = verifier.verify(&tamper(&js));
    assert!(!report.verified && report.has_error_code("PROOF_VERIFICATION_ERROR"), "{report:#?}");
}
