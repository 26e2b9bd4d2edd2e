//! Known-answer tests, byte for byte: the W3C eddsa-rdfc-2022 and eddsa-jcs-2022 vectors,
//! the 1EdTech Open Badges 3.0 and CLR 2.0 vectors, and the W3C proof sets and chains.

use cairn_vc::canon::Canonicalizer;
use cairn_vc::keys::{parse_public_key_multibase, Ed25519Key};
use cairn_vc::proof::{self, hash_data, proofs_of, verify_proof, ProofOptions, Suite};
use cairn_vc::resolve::OfflineResolver;
use cairn_vc::verify::{Verifier, VerifyOptions};
use serde_json::{Map, Value};

use crate::support::{canonicalizer, fixtures, read_json, read_text};

fn obj(v: &Value) -> Map<String, Value> {
    v.as_object().cloned().unwrap()
}

fn without(v: &Value, key: &str) -> Map<String, Value> {
    let mut m = obj(v);
    m.remove(key);
    m
}

fn far_future() -> time::OffsetDateTime {
    time::macros::datetime!(2030-01-01 00:00 UTC)
}

#[test]
fn w3c_eddsa_rdfc_2022_vector_stage_by_stage() {
    let Some(fx) = fixtures("w3c rdfc vector") else { return };
    let dir = fx.join("vc-di-eddsa/eddsa-rdfc-2022");
    let canon = canonicalizer(&fx);
    let unsigned = read_json(fx.join("vc-di-eddsa/unsigned.json"));
    let config = obj(&read_json(dir.join("proofConfigDataInt.json")));
    let h = hash_data(&canon, &unsigned, &config, Suite::EddsaRdfc2022).unwrap();
    assert_eq!(h.canonical_document, read_text(dir.join("canonDocDataInt.txt")));
    assert_eq!(h.canonical_proof_config, read_text(dir.join("proofCanonDataInt.txt")));
    assert_eq!(hex::encode(h.document_hash), read_text(dir.join("docHashDataInt.txt")).trim());
    assert_eq!(hex::encode(h.proof_hash), read_text(dir.join("proofHashDataInt.txt")).trim());
    assert_eq!(hex::encode(h.combined()), read_text(dir.join("combinedHashDataInt.txt")).trim());

    let key = Ed25519Key::from_secret_multibase(
        read_json(fx.join("vc-di-eddsa/keyPair.json"))["privateKeyMultibase"].as_str().unwrap(),
    )
    .unwrap();
    assert_eq!(hex::encode(key.sign(&h.combined())), read_text(dir.join("sigHexDataInt.txt")).trim());
    let options =
        ProofOptions::assertion(config["verificationMethod"].as_str().unwrap(), config["created"].as_str().unwrap());
    let signed = proof::sign(&canon, &unsigned, &key, &options).unwrap();
    let expected = read_json(dir.join("signedDataInt.json"));
    assert_eq!(signed["proof"][0]["proofValue"], expected["proof"]["proofValue"]);
    assert_eq!(signed["proof"][0]["proofValue"].as_str().unwrap(), read_text(dir.join("sigBTC58DataInt.txt")).trim());

    // The W3C vector's issuer is not the key's controller: check the proof alone.
    let doc = obj(&expected);
    let proofs = proofs_of(doc.get("proof"));
    verify_proof(&canon, &doc, &proofs[0], &proofs, &key.verifying_key(), "assertionMethod").unwrap();
    let mut tampered = doc.clone();
    tampered.insert("validFrom".into(), "2023-01-02T00:00:00Z".into());
    assert!(verify_proof(&canon, &tampered, &proofs[0], &proofs, &key.verifying_key(), "assertionMethod").is_err());
}

#[test]
fn w3c_employ_vector_from_its_canonical_files() {
    let Some(fx) = fixtures("w3c employ vector") else { return };
    let dir = fx.join("vc-di-eddsa/eddsa-rdfc-2022/employ");
    let files: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    let find = |prefix: &str| read_text(dir.join(files.iter().find(|f| f.starts_with(prefix)).unwrap()));
    use sha2::{Digest, Sha256};
    let doc_hash = hex::encode(Sha256::digest(find("canonDoc").as_bytes()));
    let proof_hash = hex::encode(Sha256::digest(find("proofCanon").as_bytes()));
    assert_eq!(doc_hash, find("docHash").trim());
    assert_eq!(proof_hash, find("proofHash").trim());
    assert_eq!(format!("{proof_hash}{doc_hash}"), find("combinedHash").trim());
    let key = Ed25519Key::from_secret_multibase(
        read_json(fx.join("vc-di-eddsa/keyPair.json"))["privateKeyMultibase"].as_str().unwrap(),
    )
    .unwrap();
    let combined = hex::decode(find("combinedHash").trim()).unwrap();
    assert_eq!(hex::encode(key.sign(&combined)), find("sigHex").trim());
}

#[test]
fn w3c_eddsa_jcs_2022_vector() {
    let Some(fx) = fixtures("w3c jcs vector") else { return };
    let dir = fx.join("vc-di-eddsa/eddsa-jcs-2022");
    let canon = canonicalizer(&fx);
    let unsigned = read_json(fx.join("vc-di-eddsa/unsigned.json"));
    let config = obj(&read_json(dir.join("proofConfigJCS.json")));
    let h = hash_data(&canon, &unsigned, &config, Suite::EddsaJcs2022).unwrap();
    assert_eq!(h.canonical_document, read_text(dir.join("canonDocJCS.txt")));
    assert_eq!(h.canonical_proof_config, read_text(dir.join("proofCanonJCS.txt")));
    assert_eq!(hex::encode(h.combined()), read_text(dir.join("combinedHashJCS.txt")).trim());
    let key = Ed25519Key::from_secret_multibase(
        read_json(fx.join("vc-di-eddsa/keyPair.json"))["privateKeyMultibase"].as_str().unwrap(),
    )
    .unwrap();
    let mut options =
        ProofOptions::assertion(config["verificationMethod"].as_str().unwrap(), config["created"].as_str().unwrap());
    options.suite = Suite::EddsaJcs2022;
    let signed = proof::sign(&canon, &unsigned, &key, &options).unwrap();
    assert_eq!(signed["proof"][0]["proofValue"].as_str().unwrap(), read_text(dir.join("sigBTC58JCS.txt")).trim());
    let expected = obj(&read_json(dir.join("signedJCS.json")));
    let proofs = proofs_of(expected.get("proof"));
    verify_proof(&canon, &expected, &proofs[0], &proofs, &key.verifying_key(), "assertionMethod").unwrap();
    let mut tampered = expected.clone();
    tampered.insert("issuer".into(), "https://vc.example/issuers/1234".into());
    assert!(verify_proof(&canon, &tampered, &proofs[0], &proofs, &key.verifying_key(), "assertionMethod").is_err());
}

fn check_1edtech_vector(folder: &str, canon: &Canonicalizer, fx: &std::path::Path) -> Value {
    let dir = fx.join(folder);
    let v = read_json(dir.join("vector.json"));
    let unsigned = &v["unsignedCredential"];
    let config = obj(&v["proofOptions"]);
    let h = hash_data(canon, unsigned, &config, Suite::EddsaRdfc2022).unwrap();
    assert_eq!(h.canonical_document, read_text(dir.join("document-canon.txt")), "{folder}: document canon");
    assert_eq!(h.canonical_proof_config, read_text(dir.join("proof-canon.txt")), "{folder}: proof canon");
    assert_eq!(hex::encode(h.document_hash), v["expectedDocumentHashHex"].as_str().unwrap());
    assert_eq!(hex::encode(h.proof_hash), v["expectedProofHashHex"].as_str().unwrap());
    assert_eq!(hex::encode(h.combined()), v["expectedDataToSignHex"].as_str().unwrap());
    let key = Ed25519Key::from_seed_hex(v["secretKeySeedHex"].as_str().unwrap()).unwrap();
    assert_eq!(
        Ed25519Key::from_secret_multibase(v["secretKeyMultibase"].as_str().unwrap()).unwrap().seed(),
        key.seed()
    );
    assert_eq!(hex::encode(key.sign(&h.combined())), v["expectedSignatureHex"].as_str().unwrap());
    let options = ProofOptions::assertion(v["verificationMethod"].as_str().unwrap(), v["created"].as_str().unwrap());
    let signed = proof::sign(canon, unsigned, &key, &options).unwrap();
    assert_eq!(signed["proof"][0]["proofValue"], v["expectedProofValue"], "{folder}: proofValue");
    v
}

#[test]
fn onedtech_ob3_vector_signs_and_verifies_byte_exactly() {
    let Some(fx) = fixtures("1EdTech OB 3.0 vector") else { return };
    let canon = Canonicalizer::default(); // embedded contexts only: this is what production uses
    let v = check_1edtech_vector("ob3-vector", &canon, &fx);
    let verifier =
        Verifier { canon: &canon, resolver: &OfflineResolver, now: far_future(), options: VerifyOptions::default() };
    let report = verifier.verify(&v["signedCredential"]);
    assert!(report.verified, "{report:#?}");
    assert!(report.warnings().any(|w| w.message.contains("controller document was not fetched")), "{report:#?}");
    let mut tampered = v["signedCredential"].clone();
    tampered["credentialSubject"]["achievement"]["name"] = "Teamwork!".into();
    let report = verifier.verify(&tampered);
    assert!(!report.verified && report.has_error_code("PROOF_VERIFICATION_ERROR"), "{report:#?}");
}

#[test]
fn onedtech_clr2_vector_signs_and_verifies_byte_exactly() {
    let Some(fx) = fixtures("1EdTech CLR 2.0 vector") else { return };
    let canon = canonicalizer(&fx);
    let v = check_1edtech_vector("clr2-vector", &canon, &fx);
    let verifier =
        Verifier { canon: &canon, resolver: &OfflineResolver, now: far_future(), options: VerifyOptions::default() };
    let report = verifier.verify(&v["signedCredential"]);
    assert!(report.outcome_of("proof") == Some(cairn_vc::report::Outcome::Passed), "{report:#?}");
    let pk = parse_public_key_multibase(v["publicKeyMultibase"].as_str().unwrap()).unwrap();
    let inner = &v["signedCredential"]["credentialSubject"]["verifiableCredential"][0];
    let inner = obj(inner);
    let proofs = proofs_of(inner.get("proof"));
    verify_proof(&canon, &inner, &proofs[0], &proofs, &pk, "assertionMethod").unwrap();
}

#[test]
fn w3c_proof_sets_and_chains_verify_and_break_when_tampered() {
    let Some(fx) = fixtures("proof sets and chains") else { return };
    let canon = canonicalizer(&fx);
    let options = VerifyOptions { issuer_binding: false, ..VerifyOptions::default() };
    let verifier = Verifier { canon: &canon, resolver: &OfflineResolver, now: far_future(), options };
    for name in ["signedProofSet1", "signedProofSet2", "signedProofChain1", "signedProofChain2"] {
        let doc = read_json(fx.join(format!("vc-di-eddsa/proof-set-chain/{name}.json")));
        let report = verifier.verify(&doc);
        assert!(report.verified, "{name}: {report:#?}");
        let n = proofs_of(doc.get("proof")).len();
        assert_eq!(
            report.checks.iter().filter(|c| c.check == "proof" && c.message.ends_with("verifies")).count(),
            n,
            "{name}"
        );
    }
    // Dropping a proof that a chained proof names must fail.
    let mut chain = read_json(fx.join("vc-di-eddsa/proof-set-chain/signedProofChain2.json"));
    chain["proof"].as_array_mut().unwrap().remove(0);
    let report = verifier.verify(&chain);
    assert!(!report.verified, "{report:#?}");
    assert!(report.errors().any(|c| c.message.contains("previousProof")), "{report:#?}");
}

#[test]
fn signing_refuses_undefined_terms_naming_them() {
    let canon = Canonicalizer::default();
    let key = Ed25519Key::from_seed(&[1u8; 32]);
    let doc = serde_json::json!({
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "type": ["VerifiableCredential"], "issuer": "did:example:1", "validFrom": "2024-01-01T00:00:00Z",
        "credentialSubject": {"id": "did:example:2", "favouriteColour": "blue"}
    });
    let err = proof::sign(&canon, &doc, &key, &ProofOptions::assertion("did:example:1#k", "2024-01-01T00:00:00Z"))
        .unwrap_err();
    assert!(err.to_string().contains("favouriteColour"), "{err}");
    let doc = serde_json::json!({"@context": ["https://www.w3.org/ns/credentials/v2", "https://example.org/unknown.jsonld"], "type": ["VerifiableCredential"]});
    let err = proof::sign(&canon, &doc, &key, &ProofOptions::assertion("did:example:1#k", "2024-01-01T00:00:00Z"))
        .unwrap_err();
    assert_eq!(err.code(), "UNKNOWN_CONTEXT", "{err}");
    assert!(without(&doc, "type").contains_key("@context"));
}
