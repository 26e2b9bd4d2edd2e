//! Presentations: a holder-signed presentation (did:key, `authentication`, challenge and
//! domain) holding an issuer-signed credential verifies; a wrong challenge or domain, a
//! tampered credential, a foreign holder and an assertion-purpose proof each fail.

use cairn_vc::canon::Canonicalizer;
use cairn_vc::keys::Ed25519Key;
use cairn_vc::proof::{self, ProofOptions};
use cairn_vc::resolve::OfflineResolver;
use cairn_vc::verify::{verify_presentation, PresentationChecks, PresentationReport, Verifier, VerifyOptions};
use serde_json::{json, Value};

const CREATED: &str = "2024-03-01T12:00:00Z";

fn key(seed: u8) -> Ed25519Key {
    Ed25519Key::from_seed(&[seed; 32])
}

fn vm(k: &Ed25519Key) -> String {
    format!("{}#{}", k.did_key(), k.public_key_multibase())
}

fn credential(canon: &Canonicalizer, issuer: &Ed25519Key, holder: &Ed25519Key) -> Value {
    let doc = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": "urn:uuid:7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": "Presenter",
        "issuer": {"id": issuer.did_key(), "type": ["Profile"], "name": "Issuer"},
        "validFrom": "2024-01-01T00:00:00Z",
        "credentialSubject": {
            "id": holder.did_key(),
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "https://example.org/achievements/1", "type": ["Achievement"],
                "name": "Presenting", "description": "Can present.", "criteria": {"narrative": "Present once."}
            }
        }
    });
    proof::sign(canon, &doc, issuer, &ProofOptions::assertion(vm(issuer), CREATED)).unwrap()
}

fn presentation(canon: &Canonicalizer, holder: &Ed25519Key, vc: Value, purpose: &str) -> Value {
    let vp = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiablePresentation"],
        "holder": holder.did_key(),
        "verifiableCredential": [vc],
    });
    let mut options = ProofOptions::assertion(vm(holder), CREATED);
    options.proof_purpose = purpose.into();
    options.challenge = Some("c-123".into());
    options.domain = Some("verifier.example".into());
    proof::sign(canon, &vp, holder, &options).unwrap()
}

fn verify(canon: &Canonicalizer, vp: &Value, challenge: &str, domain: &str) -> PresentationReport {
    let v = Verifier {
        canon,
        resolver: &OfflineResolver,
        now: time::macros::datetime!(2025-01-01 00:00 UTC),
        options: VerifyOptions::default(),
    };
    verify_presentation(&v, vp, PresentationChecks { challenge: Some(challenge), domain: Some(domain) })
}

#[test]
fn signed_presentation_with_challenge_and_domain_verifies() {
    let canon = Canonicalizer::default();
    let (issuer, holder) = (key(1), key(2));
    let vp = presentation(&canon, &holder, credential(&canon, &issuer, &holder), "authentication");
    let r = verify(&canon, &vp, "c-123", "verifier.example");
    assert!(r.verified, "{r:#?}");
    assert_eq!(r.credentials.len(), 1);
    for check in ["proof", "challenge", "domain", "holder"] {
        assert_eq!(r.presentation.outcome_of(check), Some(cairn_vc::report::Outcome::Passed), "{check}");
    }
}

#[test]
fn wrong_challenge_or_domain_fails_with_its_code() {
    let canon = Canonicalizer::default();
    let (issuer, holder) = (key(1), key(2));
    let vp = presentation(&canon, &holder, credential(&canon, &issuer, &holder), "authentication");
    let r = verify(&canon, &vp, "other", "verifier.example");
    assert!(!r.verified && r.presentation.has_error_code("INVALID_CHALLENGE_ERROR"));
    let r = verify(&canon, &vp, "c-123", "evil.example");
    assert!(!r.verified && r.presentation.has_error_code("INVALID_DOMAIN_ERROR"));
}

#[test]
fn tampered_credential_foreign_holder_and_wrong_purpose_fail() {
    let canon = Canonicalizer::default();
    let (issuer, holder) = (key(1), key(2));
    let mut vc = credential(&canon, &issuer, &holder);
    vc["name"] = "Changed".into();
    // The presentation signs over the tampered credential: its own proof holds, the credential's does not.
    let r = verify(&canon, &presentation(&canon, &holder, vc, "authentication"), "c-123", "verifier.example");
    assert!(r.presentation.verified && !r.verified);
    assert!(r.credentials[0].has_error_code("PROOF_VERIFICATION_ERROR"));

    let mut vp = presentation(&canon, &holder, credential(&canon, &issuer, &holder), "authentication");
    vp["holder"] = key(3).did_key().into();
    let r = verify(&canon, &vp, "c-123", "verifier.example");
    assert!(!r.presentation.verified, "changing the holder breaks the signature and the holder check");

    let vp = presentation(&canon, &holder, credential(&canon, &issuer, &holder), "assertionMethod");
    let r = verify(&canon, &vp, "c-123", "verifier.example");
    assert!(!r.presentation.verified && r.presentation.has_error_code("PROOF_VERIFICATION_ERROR"));
}

#[test]
fn unsigned_presentation_is_allowed_without_a_challenge() {
    let canon = Canonicalizer::default();
    let (issuer, holder) = (key(1), key(2));
    let vp = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiablePresentation"],
        "verifiableCredential": credential(&canon, &issuer, &holder),
    });
    let v = Verifier {
        canon: &canon,
        resolver: &OfflineResolver,
        now: time::macros::datetime!(2025-01-01 00:00 UTC),
        options: VerifyOptions::default(),
    };
    let r = verify_presentation(&v, &vp, PresentationChecks::default());
    assert!(r.verified, "{r:#?}");
    let r = verify(&canon, &vp, "c-123", "verifier.example");
    assert!(!r.verified && r.presentation.has_error_code("INVALID_CHALLENGE_ERROR"));
}
