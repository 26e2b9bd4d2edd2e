//! The engine's error type. Each variant carries the stable code of the VC / Data Integrity
//! specifications (`https://w3id.org/security#<CODE>`) so that every surface reports it alike.

/// What went wrong while processing, signing or verifying a credential.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VcError {
    /// The input is not a JSON object or is not well formed.
    #[error("PARSING_ERROR: {0}")]
    Parsing(String),
    /// A context URL outside the allow-list.
    #[error("UNKNOWN_CONTEXT: {0} is not an allow-listed context (Cairn never fetches contexts)")]
    UnknownContext(String),
    /// Safe-mode JSON-LD would drop or leave relative a term or value.
    #[error("DATA_LOSS_DETECTION_ERROR: term `{term}`: {message}")]
    DataLoss {
        /// The term at fault.
        term: String,
        /// What would be lost.
        message: String,
    },
    /// Any other JSON-LD processing error.
    #[error("JSON-LD error ({code}): {message}")]
    JsonLd {
        /// JSON-LD error code.
        code: String,
        /// Detail.
        message: String,
    },
    /// Canonicalization refused (for example the RDFC-1.0 work limit).
    #[error("canonicalization failed: {0}")]
    Canonicalization(String),
    /// A proof could not be created.
    #[error("PROOF_GENERATION_ERROR: {0}")]
    ProofGeneration(String),
    /// A proof is malformed (missing or wrong fields).
    #[error("MALFORMED_PROOF_ERROR: {0}")]
    MalformedProof(String),
    /// A proof does not verify.
    #[error("PROOF_VERIFICATION_ERROR: {0}")]
    ProofVerification(String),
    /// The verification method could not be resolved to a usable key.
    #[error("INVALID_VERIFICATION_METHOD: {0}")]
    VerificationMethod(String),
    /// The credential fails a data-model rule.
    #[error("data model error at {path}: {message}")]
    DataModel {
        /// JSON pointer to the offending value.
        path: String,
        /// The rule broken.
        message: String,
    },
}

impl VcError {
    /// The stable code of this error.
    pub fn code(&self) -> &'static str {
        match self {
            VcError::Parsing(_) => "PARSING_ERROR",
            VcError::UnknownContext(_) => "UNKNOWN_CONTEXT",
            VcError::DataLoss { .. } => "DATA_LOSS_DETECTION_ERROR",
            VcError::JsonLd { .. } => "JSONLD_ERROR",
            VcError::Canonicalization(_) => "CANONICALIZATION_ERROR",
            VcError::ProofGeneration(_) => "PROOF_GENERATION_ERROR",
            VcError::MalformedProof(_) => "MALFORMED_PROOF_ERROR",
            VcError::ProofVerification(_) => "PROOF_VERIFICATION_ERROR",
            VcError::VerificationMethod(_) => "INVALID_VERIFICATION_METHOD",
            VcError::DataModel { .. } => "DATA_MODEL_ERROR",
        }
    }
}
