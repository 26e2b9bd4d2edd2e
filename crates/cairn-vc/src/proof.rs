//! Data Integrity proofs: `eddsa-rdfc-2022` (sign and verify), `eddsa-jcs-2022` (sign on
//! request, verify) and the legacy `Ed25519Signature2020` (verify).
//!
//! Hashing follows vc-di-eddsa §3.3: `SHA-256(canonical proof config) ‖ SHA-256(canonical
//! document)`, proof-config hash first.

use ed25519_dalek::VerifyingKey;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::canon::Canonicalizer;
use crate::error::VcError;
use crate::keys::{decode_base58btc, encode_base58btc, verify_signature, Ed25519Key};
use crate::{datetime, jcs};

/// `DataIntegrityProof`.
pub const DATA_INTEGRITY_PROOF: &str = "DataIntegrityProof";
/// The legacy proof type `Ed25519Signature2020`.
pub const ED25519_SIGNATURE_2020: &str = "Ed25519Signature2020";

/// A signature suite Cairn knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suite {
    /// `DataIntegrityProof` + `eddsa-rdfc-2022` (also the old name `eddsa-2022`).
    EddsaRdfc2022,
    /// `DataIntegrityProof` + `eddsa-jcs-2022`.
    EddsaJcs2022,
    /// `Ed25519Signature2020` (verify only in production; signing exists for tests).
    Ed25519Signature2020,
}

impl Suite {
    /// The suite a proof object declares, or `None` for a suite Cairn does not know.
    pub fn of(proof: &Map<String, Value>) -> Option<Suite> {
        match (str_field(proof, "type"), str_field(proof, "cryptosuite")) {
            (Some(DATA_INTEGRITY_PROOF), Some("eddsa-rdfc-2022" | "eddsa-2022")) => Some(Suite::EddsaRdfc2022),
            (Some(DATA_INTEGRITY_PROOF), Some("eddsa-jcs-2022")) => Some(Suite::EddsaJcs2022),
            (Some(ED25519_SIGNATURE_2020), _) => Some(Suite::Ed25519Signature2020),
            _ => None,
        }
    }

    /// The `cryptosuite` value, if the suite has one.
    pub fn cryptosuite(self) -> Option<&'static str> {
        match self {
            Suite::EddsaRdfc2022 => Some("eddsa-rdfc-2022"),
            Suite::EddsaJcs2022 => Some("eddsa-jcs-2022"),
            Suite::Ed25519Signature2020 => None,
        }
    }

    fn proof_type(self) -> &'static str {
        match self {
            Suite::Ed25519Signature2020 => ED25519_SIGNATURE_2020,
            _ => DATA_INTEGRITY_PROOF,
        }
    }
}

/// The options of a proof to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProofOptions {
    /// The suite.
    pub suite: Suite,
    /// `created`, an XSD dateTime (Cairn: UTC seconds from its Clock).
    pub created: String,
    /// The verification method id (`<issuer id>#z6Mk…`, `did:key:…#…`).
    pub verification_method: String,
    /// `assertionMethod` for credentials, `authentication` for presentations.
    pub proof_purpose: String,
    /// Optional proof `id` (needed to be referenced by a chained proof).
    pub id: Option<String>,
    /// Optional `previousProof` (a proof id or ids): makes this proof part of a chain.
    pub previous_proof: Option<Value>,
    /// Optional `challenge` (presentations).
    pub challenge: Option<String>,
    /// Optional `domain` (presentations).
    pub domain: Option<String>,
}

impl ProofOptions {
    /// An `eddsa-rdfc-2022` assertion proof.
    pub fn assertion(verification_method: impl Into<String>, created: impl Into<String>) -> Self {
        Self {
            suite: Suite::EddsaRdfc2022,
            created: created.into(),
            verification_method: verification_method.into(),
            proof_purpose: "assertionMethod".into(),
            id: None,
            previous_proof: None,
            challenge: None,
            domain: None,
        }
    }

    fn to_map(&self) -> Map<String, Value> {
        let mut m = Map::new();
        if let Some(id) = &self.id {
            m.insert("id".into(), id.clone().into());
        }
        m.insert("type".into(), self.suite.proof_type().into());
        if let Some(cs) = self.suite.cryptosuite() {
            m.insert("cryptosuite".into(), cs.into());
        }
        m.insert("created".into(), self.created.clone().into());
        m.insert("verificationMethod".into(), self.verification_method.clone().into());
        m.insert("proofPurpose".into(), self.proof_purpose.clone().into());
        if let Some(p) = &self.previous_proof {
            m.insert("previousProof".into(), p.clone());
        }
        if let Some(c) = &self.challenge {
            m.insert("challenge".into(), c.clone().into());
        }
        if let Some(d) = &self.domain {
            m.insert("domain".into(), d.clone().into());
        }
        m
    }
}

/// The intermediate values of hashing (exposed for known-answer tests).
#[derive(Debug, Clone)]
pub struct HashData {
    /// Canonical proof configuration (N-Quads or JCS).
    pub canonical_proof_config: String,
    /// Canonical document (N-Quads or JCS).
    pub canonical_document: String,
    /// SHA-256 of the canonical proof configuration.
    pub proof_hash: [u8; 32],
    /// SHA-256 of the canonical document.
    pub document_hash: [u8; 32],
}

impl HashData {
    /// `proofHash ‖ documentHash`, the 64 bytes that are signed.
    pub fn combined(&self) -> [u8; 64] {
        let mut out = [0u8; 64];
        out[..32].copy_from_slice(&self.proof_hash);
        out[32..].copy_from_slice(&self.document_hash);
        out
    }
}

/// Computes the hash data of `unsecured` (a document without `proof`) under `proof_config`
/// (a proof without `proofValue`).
pub fn hash_data(
    canon: &Canonicalizer,
    unsecured: &Value,
    proof_config: &Map<String, Value>,
    suite: Suite,
) -> Result<HashData, VcError> {
    let doc_context = unsecured.get("@context").cloned();
    let (canonical_proof_config, canonical_document) = match suite {
        Suite::EddsaRdfc2022 | Suite::Ed25519Signature2020 => {
            let mut config = proof_config.clone();
            match doc_context {
                Some(ctx) => config.insert("@context".into(), ctx),
                None => config.remove("@context"),
            };
            let config = Value::Object(config);
            (canon.canonical_nquads(&config)?, canon.canonical_nquads(unsecured)?)
        }
        Suite::EddsaJcs2022 => {
            let config = Value::Object(proof_config.clone());
            (jcs::canonicalize(&config), jcs::canonicalize(unsecured))
        }
    };
    Ok(HashData {
        proof_hash: Sha256::digest(canonical_proof_config.as_bytes()).into(),
        document_hash: Sha256::digest(canonical_document.as_bytes()).into(),
        canonical_proof_config,
        canonical_document,
    })
}

/// Creates a proof over `unsecured` and returns it (with `proofValue`).
/// For `eddsa-jcs-2022` the document's `@context` is copied into the proof.
pub fn create_proof(
    canon: &Canonicalizer,
    unsecured: &Value,
    key: &Ed25519Key,
    options: &ProofOptions,
) -> Result<Map<String, Value>, VcError> {
    if !unsecured.is_object() {
        return Err(VcError::ProofGeneration("the document to sign must be a JSON object".into()));
    }
    if datetime::parse(&options.created).is_none() {
        return Err(VcError::ProofGeneration(format!("`created` is not a valid XSD dateTime: {}", options.created)));
    }
    let mut config = options.to_map();
    if options.suite == Suite::EddsaJcs2022 {
        if let Some(ctx) = unsecured.get("@context") {
            config.insert("@context".into(), ctx.clone());
        }
    }
    let hashes = hash_data(canon, unsecured, &config, options.suite)?;
    let signature = key.sign(&hashes.combined());
    config.insert("proofValue".into(), encode_base58btc(&signature).into());
    Ok(config)
}

/// Signs a credential: returns a copy with `proof` set to an array holding the new proof
/// (Cairn always emits `proof` as an array). Existing proofs are kept as a proof set; for a
/// chained proof (`previous_proof`), the referenced proofs are part of the signed data.
pub fn sign(
    canon: &Canonicalizer,
    document: &Value,
    key: &Ed25519Key,
    options: &ProofOptions,
) -> Result<Value, VcError> {
    let Value::Object(doc) = document else {
        return Err(VcError::ProofGeneration("the document to sign must be a JSON object".into()));
    };
    let mut unsecured = doc.clone();
    let existing = proofs_of(unsecured.remove("proof").as_ref());
    let to_sign = match &options.previous_proof {
        Some(prev) => with_previous_proofs(&unsecured, &existing, prev)?,
        None => Value::Object(unsecured.clone()),
    };
    let proof = create_proof(canon, &to_sign, key, options)?;
    let mut all: Vec<Value> = existing.into_iter().map(Value::Object).collect();
    all.push(Value::Object(proof));
    unsecured.insert("proof".into(), Value::Array(all));
    Ok(Value::Object(unsecured))
}

/// The proof objects of a `proof` value (single object or array). Non-objects are ignored.
pub fn proofs_of(proof: Option<&Value>) -> Vec<Map<String, Value>> {
    match proof {
        Some(Value::Object(p)) => vec![p.clone()],
        Some(Value::Array(items)) => items.iter().filter_map(|v| v.as_object().cloned()).collect(),
        _ => Vec::new(),
    }
}

/// The document a chained proof signed: the unsecured document with `proof` set to the
/// proofs named by `previousProof` (vc-data-integrity §4.3). A missing id is an error.
fn with_previous_proofs(
    unsecured: &Map<String, Value>,
    all: &[Map<String, Value>],
    previous: &Value,
) -> Result<Value, VcError> {
    let find = |id: &str| {
        all.iter()
            .find(|p| str_field(p, "id") == Some(id))
            .cloned()
            .map(Value::Object)
            .ok_or_else(|| VcError::ProofVerification(format!("previousProof `{id}` is not in the proof set")))
    };
    let referenced = match previous {
        Value::String(id) => find(id)?,
        Value::Array(ids) => Value::Array(
            ids.iter()
                .map(|id| {
                    id.as_str()
                        .ok_or_else(|| VcError::MalformedProof("previousProof must hold strings".into()))
                        .and_then(find)
                })
                .collect::<Result<_, _>>()?,
        ),
        _ => return Err(VcError::MalformedProof("previousProof must be a string or an array".into())),
    };
    let mut doc = unsecured.clone();
    doc.insert("proof".into(), referenced);
    Ok(Value::Object(doc))
}

/// Checks one proof of `document` against `key`: shape (type, cryptosuite, purpose,
/// `created`, `expires`, `proofValue`), then the signature over the recomputed hash data.
/// `all_proofs` is the document's whole proof set, used to rebuild chained proofs.
pub fn verify_proof(
    canon: &Canonicalizer,
    document: &Map<String, Value>,
    proof: &Map<String, Value>,
    all_proofs: &[Map<String, Value>],
    key: &VerifyingKey,
    expected_purpose: &str,
) -> Result<(), VcError> {
    let suite = Suite::of(proof).ok_or_else(|| {
        VcError::MalformedProof(format!(
            "unsupported proof type/cryptosuite: {} / {}",
            str_field(proof, "type").unwrap_or("(none)"),
            str_field(proof, "cryptosuite").unwrap_or("(none)")
        ))
    })?;
    let purpose = str_field(proof, "proofPurpose").unwrap_or_default();
    if purpose != expected_purpose {
        return Err(VcError::ProofVerification(format!("proofPurpose is `{purpose}`, expected `{expected_purpose}`")));
    }
    check_optional_date(proof, "created")?;
    check_optional_date(proof, "expires")?;
    let signature = signature_of(proof)?;
    let mut config = proof.clone();
    config.remove("proofValue");
    let mut unsecured = document.clone();
    unsecured.remove("proof");
    let unsecured = match proof.get("previousProof") {
        Some(prev) => with_previous_proofs(&unsecured, all_proofs, prev)?,
        None => Value::Object(unsecured),
    };
    if suite == Suite::EddsaJcs2022 {
        check_jcs_context(&unsecured, &config)?;
    }
    let hashes = hash_data(canon, &unsecured, &config, suite)?;
    if verify_signature(key, &hashes.combined(), &signature) {
        Ok(())
    } else {
        Err(VcError::ProofVerification("the signature does not match the document".into()))
    }
}

fn signature_of(proof: &Map<String, Value>) -> Result<Vec<u8>, VcError> {
    let value =
        str_field(proof, "proofValue").ok_or_else(|| VcError::MalformedProof("proofValue is missing".into()))?;
    if !value.starts_with('z') {
        return Err(VcError::MalformedProof("proofValue must be base58btc multibase ('z…')".into()));
    }
    let sig = decode_base58btc(value).map_err(|e| VcError::MalformedProof(e.to_string()))?;
    if sig.len() != 64 {
        return Err(VcError::MalformedProof(format!("proofValue decodes to {} bytes, expected 64", sig.len())));
    }
    Ok(sig)
}

fn check_optional_date(proof: &Map<String, Value>, field: &str) -> Result<(), VcError> {
    match proof.get(field) {
        None => Ok(()),
        Some(Value::String(s)) if datetime::parse(s).is_some() => Ok(()),
        Some(v) => Err(VcError::MalformedProof(format!("`{field}` is not a valid dateTime: {v}"))),
    }
}

/// eddsa-jcs-2022: a proof `@context` must be a prefix of the document's `@context`.
fn check_jcs_context(unsecured: &Value, config: &Map<String, Value>) -> Result<(), VcError> {
    let Some(proof_ctx) = config.get("@context") else { return Ok(()) };
    let as_list = |v: Option<&Value>| match v {
        Some(Value::Array(a)) => a.clone(),
        Some(v) => vec![v.clone()],
        None => Vec::new(),
    };
    let doc = as_list(unsecured.get("@context"));
    let proof = as_list(Some(proof_ctx));
    if doc.len() >= proof.len() && doc.iter().zip(&proof).all(|(a, b)| a == b) {
        Ok(())
    } else {
        Err(VcError::ProofVerification("the proof's @context does not match the document's".into()))
    }
}

pub(crate) fn str_field<'a>(m: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    m.get(key).and_then(Value::as_str)
}
