//! Secrets at rest: signing keys sealed with the instance master key (XChaCha20-Poly1305,
//! the key id as associated data), argon2id password hashes, and API tokens stored as
//! SHA-256 hashes. Nothing here implements `Debug` with secret contents.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use base64::Engine as _;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rand::{CryptoRng, RngCore};
use sha2::{Digest, Sha256};

use crate::Error;

/// The instance master key that seals every organisation's signing keys and derives
/// per-credential claim tokens.
pub struct MasterKey(XChaCha20Poly1305, [u8; 32]);

impl std::fmt::Debug for MasterKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MasterKey(…)")
    }
}

impl MasterKey {
    /// The master key from its 32 bytes.
    pub fn from_bytes(bytes: &[u8; 32]) -> Self {
        let mut mac = Sha256::new();
        mac.update(b"cairn claim-token key v1");
        mac.update(bytes);
        Self(XChaCha20Poly1305::new(bytes.into()), mac.finalize().into())
    }

    /// The claim token of a credential: derived, so it is never stored in clear (only its
    /// hash is) and can be put in an email again on retry.
    pub fn claim_token(&self, credential_id: &[u8]) -> String {
        let mut h = Sha256::new();
        h.update(self.1);
        h.update(credential_id);
        h.update(self.1);
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(h.finalize())
    }

    /// Seals `secret`; the output is `nonce ‖ ciphertext`. `aad` binds it to its owner.
    pub fn seal<R: RngCore + CryptoRng>(&self, rng: &mut R, secret: &[u8], aad: &[u8]) -> Result<Vec<u8>, Error> {
        let mut nonce = [0u8; 24];
        rng.fill_bytes(&mut nonce);
        let ct = self
            .0
            .encrypt(XNonce::from_slice(&nonce), Payload { msg: secret, aad })
            .map_err(|_| Error::Internal("sealing a key failed".into()))?;
        let mut out = nonce.to_vec();
        out.extend_from_slice(&ct);
        Ok(out)
    }

    /// Opens what [`MasterKey::seal`] produced with the same `aad`.
    pub fn open(&self, sealed: &[u8], aad: &[u8]) -> Result<Vec<u8>, Error> {
        let (nonce, ct) =
            sealed.split_at_checked(24).ok_or_else(|| Error::Internal("sealed key is truncated".into()))?;
        self.0
            .decrypt(XNonce::from_slice(nonce), Payload { msg: ct, aad })
            .map_err(|_| Error::Internal("a sealed key does not open with this instance's master key".into()))
    }
}

/// Hashes a password with argon2id (PHC string).
pub fn hash_password<R: RngCore + CryptoRng>(rng: &mut R, password: &str) -> Result<String, Error> {
    let mut salt = [0u8; 16];
    rng.fill_bytes(&mut salt);
    let salt = SaltString::encode_b64(&salt).map_err(|e| Error::Internal(e.to_string()))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| Error::Internal(format!("password hashing failed: {e}")))
}

/// Checks a password against its stored hash.
pub fn verify_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
}

/// A new random secret token with a recognisable prefix (`cairn_…`), shown once.
pub fn new_token<R: RngCore + CryptoRng>(rng: &mut R) -> String {
    let mut bytes = [0u8; 32];
    rng.fill_bytes(&mut bytes);
    format!("cairn_{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}

/// A new random token from the operating system's generator (anti-forgery tokens).
pub fn random_token() -> String {
    new_token(&mut rand::rngs::OsRng)
}

/// How a token is stored and looked up: SHA-256, hex.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_keys_open_only_with_the_same_key_and_owner() {
        let mut rng = rand::thread_rng();
        let k = MasterKey::from_bytes(&[9u8; 32]);
        let sealed = k.seal(&mut rng, b"seed", b"key-1").unwrap();
        assert_eq!(k.open(&sealed, b"key-1").unwrap(), b"seed");
        assert!(k.open(&sealed, b"key-2").is_err());
        assert!(MasterKey::from_bytes(&[8u8; 32]).open(&sealed, b"key-1").is_err());
        assert!(!sealed.windows(4).any(|w| w == b"seed"));
    }

    #[test]
    fn passwords_and_tokens() {
        let mut rng = rand::thread_rng();
        let h = hash_password(&mut rng, "correct horse").unwrap();
        assert!(verify_password("correct horse", &h));
        assert!(!verify_password("wrong", &h));
        let t = new_token(&mut rng);
        assert!(t.starts_with("cairn_") && token_hash(&t).len() == 64 && token_hash(&t) != t);
    }
}
