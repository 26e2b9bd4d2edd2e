//! Salted identity hashes (STANDARDS.md §2.4).

use cairn_vc::model::{new_salt, sha256_identity_hash, IdentityObject, EMAIL_ADDRESS};
use rand::rngs::StdRng;
use rand::SeedableRng;
use serde_json::json;

const KNOWN: &str = "sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399";

#[test]
fn known_answer_sha256_of_email_and_salt() {
    assert_eq!(sha256_identity_hash("a@example.com", "Kosher"), KNOWN);
    let identity = IdentityObject::hashed_email("  A@Example.COM ", "Kosher");
    assert_eq!(
        serde_json::to_value(&identity).unwrap(),
        json!({"type": "IdentityObject", "hashed": true, "identityHash": KNOWN,
               "identityType": "emailAddress", "salt": "Kosher"})
    );
}

#[test]
fn matches_checks_type_hash_and_salt() {
    let identity = IdentityObject::hashed_email("a@example.com", "Kosher");
    assert!(identity.matches(EMAIL_ADDRESS, "a@example.com"));
    assert!(identity.matches(EMAIL_ADDRESS, " A@example.com"));
    assert!(!identity.matches(EMAIL_ADDRESS, "b@example.com"));
    assert!(!identity.matches("userName", "a@example.com"));

    // Upper-case hex and the legacy md5 algorithm are accepted.
    let mut upper = identity.clone();
    upper.identity_hash = KNOWN.to_uppercase().replace("SHA256", "sha256");
    assert!(upper.matches(EMAIL_ADDRESS, "a@example.com"));
    let md5 = IdentityObject {
        // MD5("a@example.comKosher")
        identity_hash: "md5$ddd142639a792e74751ee7e129237efa".to_owned(),
        ..identity.clone()
    };
    assert!(md5.matches(EMAIL_ADDRESS, "a@example.com"));
    assert!(!md5.matches(EMAIL_ADDRESS, "b@example.com"));

    let unknown = IdentityObject { identity_hash: "sha1$0000".to_owned(), ..identity.clone() };
    assert!(!unknown.matches(EMAIL_ADDRESS, "a@example.com"));
    let unsalted = IdentityObject { salt: None, identity_hash: sha256_identity_hash("a@example.com", ""), ..identity };
    assert!(unsalted.matches(EMAIL_ADDRESS, "a@example.com"));
}

#[test]
fn plaintext_identities_compare_directly() {
    let name = IdentityObject::plaintext("name", "Ada Lovelace");
    assert!(!name.hashed);
    assert!(name.matches("name", "Ada Lovelace"));
    assert!(!name.matches("name", "ada lovelace"));
    let email = IdentityObject::plaintext(EMAIL_ADDRESS, "A@Example.com");
    assert!(email.matches(EMAIL_ADDRESS, "a@example.com "));
}

#[test]
fn salts_are_16_random_bytes_in_hex() {
    let mut rng = StdRng::seed_from_u64(7);
    let a = new_salt(&mut rng);
    let b = new_salt(&mut rng);
    assert_eq!(a.len(), 32);
    assert!(a.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    assert_ne!(a, b);
    // Same seed, same salt: randomness is a parameter.
    assert_eq!(new_salt(&mut StdRng::seed_from_u64(7)), a);
}
