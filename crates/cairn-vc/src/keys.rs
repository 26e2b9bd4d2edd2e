//! Ed25519 keys in Multikey form (`z6Mk…` public, `z3u2…` secret) and `did:key`.

use ed25519_dalek::{SigningKey, VerifyingKey};
use rand::{CryptoRng, RngCore};

/// Multicodec header of an Ed25519 public key (`ed-pub`, varint 0xed 0x01).
const ED25519_PUB: [u8; 2] = [0xed, 0x01];
/// Multicodec header of an Ed25519 secret key (`ed25519-priv`, varint 0x80 0x26).
const ED25519_PRIV: [u8; 2] = [0x80, 0x26];

/// A key that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    /// Multibase value without the `z` (base58btc) prefix or with bad characters.
    #[error("key is not base58btc multibase (must start with 'z'): {0}")]
    Multibase(String),
    /// Not an Ed25519 Multikey.
    #[error("key has multicodec header {0:02x?}, expected Ed25519 ({1:02x?})")]
    Codec(Vec<u8>, [u8; 2]),
    /// Wrong length.
    #[error("key has {0} bytes after its header, expected {1}")]
    Length(usize, &'static str),
    /// The public half of a 64-byte secret does not match the seed.
    #[error("secret key's public half does not match its seed")]
    Mismatch,
    /// Invalid point.
    #[error("not a valid Ed25519 public key")]
    InvalidPoint,
    /// Hex input that is not hex.
    #[error("key is not hex: {0}")]
    Hex(String),
}

/// Decodes a `z…` base58btc multibase string.
pub fn decode_base58btc(s: &str) -> Result<Vec<u8>, KeyError> {
    let body = s.strip_prefix('z').ok_or_else(|| KeyError::Multibase(short(s)))?;
    bs58::decode(body).into_vec().map_err(|_| KeyError::Multibase(short(s)))
}

/// Encodes bytes as `z` + base58btc.
pub fn encode_base58btc(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 138 / 100 + 2);
    s.push('z');
    s.push_str(&bs58::encode(bytes).into_string());
    s
}

fn short(s: &str) -> String {
    s.chars().take(16).collect()
}

/// `publicKeyMultibase` of an Ed25519 key: `z6Mk…`.
pub fn public_key_multibase(key: &VerifyingKey) -> String {
    let mut bytes = Vec::with_capacity(34);
    bytes.extend_from_slice(&ED25519_PUB);
    bytes.extend_from_slice(key.as_bytes());
    encode_base58btc(&bytes)
}

/// Parses a `z6Mk…` Multikey public key. Any other multicodec header is refused.
///
/// Decoded keys are memoised (a bounded map): decompressing an Ed25519 point costs about a
/// fifth of a signature verification, and a verifier sees the same few issuer keys over and over.
pub fn parse_public_key_multibase(s: &str) -> Result<VerifyingKey, KeyError> {
    use std::collections::HashMap;
    use std::sync::{OnceLock, RwLock};
    static CACHE: OnceLock<RwLock<HashMap<String, VerifyingKey>>> = OnceLock::new();
    const CAPACITY: usize = 4096;
    let cache = CACHE.get_or_init(|| RwLock::new(HashMap::new()));
    if let Some(key) = cache.read().ok().and_then(|m| m.get(s).copied()) {
        return Ok(key);
    }
    let key = decode_public_key_multibase(s)?;
    if let Ok(mut m) = cache.write() {
        if m.len() >= CAPACITY {
            m.clear();
        }
        m.insert(s.to_string(), key);
    }
    Ok(key)
}

fn decode_public_key_multibase(s: &str) -> Result<VerifyingKey, KeyError> {
    let bytes = decode_base58btc(s)?;
    let (header, key) = bytes.split_at_checked(2).ok_or(KeyError::Length(0, "32"))?;
    if header != ED25519_PUB {
        return Err(KeyError::Codec(header.to_vec(), ED25519_PUB));
    }
    let key: [u8; 32] = key.try_into().map_err(|_| KeyError::Length(key.len(), "32"))?;
    VerifyingKey::from_bytes(&key).map_err(|_| KeyError::InvalidPoint)
}

/// An issuer's Ed25519 signing key. `Debug` never prints the secret.
#[derive(Clone)]
pub struct Ed25519Key {
    signing: SigningKey,
}

impl std::fmt::Debug for Ed25519Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ed25519Key").field("public", &self.public_key_multibase()).finish()
    }
}

impl Ed25519Key {
    /// A fresh key from a cryptographic RNG.
    pub fn generate<R: RngCore + CryptoRng>(rng: &mut R) -> Self {
        Self { signing: SigningKey::generate(rng) }
    }

    /// The key for a 32-byte seed.
    pub fn from_seed(seed: &[u8; 32]) -> Self {
        Self { signing: SigningKey::from_bytes(seed) }
    }

    /// The key for a 32-byte seed given in hex.
    pub fn from_seed_hex(hex_seed: &str) -> Result<Self, KeyError> {
        let bytes = hex::decode(hex_seed.trim()).map_err(|e| KeyError::Hex(e.to_string()))?;
        let seed: [u8; 32] = bytes.as_slice().try_into().map_err(|_| KeyError::Length(bytes.len(), "32"))?;
        Ok(Self::from_seed(&seed))
    }

    /// Parses `secretKeyMultibase`: header 0x8026 then the 32-byte seed (W3C form) or the
    /// seed followed by the public key (1EdTech form, checked).
    pub fn from_secret_multibase(s: &str) -> Result<Self, KeyError> {
        let bytes = decode_base58btc(s)?;
        let (header, rest) = bytes.split_at_checked(2).ok_or(KeyError::Length(0, "32 or 64"))?;
        if header != ED25519_PRIV {
            return Err(KeyError::Codec(header.to_vec(), ED25519_PRIV));
        }
        let (seed, public) = match rest.len() {
            32 => (rest, None),
            64 => (rest.get(..32).unwrap_or_default(), rest.get(32..)),
            n => return Err(KeyError::Length(n, "32 or 64")),
        };
        let seed: [u8; 32] = seed.try_into().map_err(|_| KeyError::Length(seed.len(), "32"))?;
        let key = Self::from_seed(&seed);
        match public {
            Some(p) if p != key.verifying_key().as_bytes() => Err(KeyError::Mismatch),
            _ => Ok(key),
        }
    }

    /// `secretKeyMultibase` in the 34-byte form (`z3u2…`).
    pub fn secret_key_multibase(&self) -> String {
        let mut bytes = Vec::with_capacity(34);
        bytes.extend_from_slice(&ED25519_PRIV);
        bytes.extend_from_slice(self.signing.as_bytes());
        encode_base58btc(&bytes)
    }

    /// The 32-byte seed (for encryption at rest; never log it).
    pub fn seed(&self) -> &[u8; 32] {
        self.signing.as_bytes()
    }

    /// The public key.
    pub fn verifying_key(&self) -> VerifyingKey {
        self.signing.verifying_key()
    }

    /// `publicKeyMultibase` (`z6Mk…`).
    pub fn public_key_multibase(&self) -> String {
        public_key_multibase(&self.verifying_key())
    }

    /// The `did:key` identifier of this key.
    pub fn did_key(&self) -> String {
        format!("did:key:{}", self.public_key_multibase())
    }

    /// Signs `message` (pure Ed25519, RFC 8032).
    pub fn sign(&self, message: &[u8]) -> [u8; 64] {
        use ed25519_dalek::Signer;
        self.signing.sign(message).to_bytes()
    }
}

/// Verifies an Ed25519 signature with the strict rules (no malleable signatures, no weak keys).
pub fn verify_signature(key: &VerifyingKey, message: &[u8], signature: &[u8]) -> bool {
    let Ok(sig) = ed25519_dalek::Signature::from_slice(signature) else {
        return false;
    };
    key.verify_strict(message, &sig).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn w3c_vector_secret_key_gives_its_public_key() {
        let key = Ed25519Key::from_secret_multibase("z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq").unwrap();
        assert_eq!(key.public_key_multibase(), "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");
        assert_eq!(key.secret_key_multibase(), "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq");
    }

    #[test]
    fn other_multicodec_header_is_refused() {
        // secp256k1 public key header 0xe7 0x01
        let mut bytes = vec![0xe7, 0x01];
        bytes.extend_from_slice(&[2u8; 33]);
        let err = parse_public_key_multibase(&encode_base58btc(&bytes)).unwrap_err();
        assert!(matches!(err, KeyError::Codec(..)), "{err}");
    }

    #[test]
    fn debug_does_not_print_the_seed() {
        let key = Ed25519Key::from_seed(&[7u8; 32]);
        let dbg = format!("{key:?}");
        assert!(!dbg.contains(&hex::encode([7u8; 32])) && dbg.contains("z6Mk"));
    }
}
