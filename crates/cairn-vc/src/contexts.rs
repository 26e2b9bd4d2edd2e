//! The JSON-LD context documents Cairn knows, embedded in the binary and allow-listed.
//!
//! A context URL outside this table is refused (`UNKNOWN_CONTEXT`): Cairn never fetches a
//! context over the network. Each file comes from its npm package (see
//! `scripts/vendor-contexts.mjs` and `contexts/manifest.json`) and is checked against its
//! SHA-256 before first use.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use serde_json::Value;
use sha2::{Digest, Sha256};

/// VC Data Model 2.0 context.
pub const VC_V2: &str = "https://www.w3.org/ns/credentials/v2";
/// VC Data Model 1.1 context.
pub const VC_V1: &str = "https://www.w3.org/2018/credentials/v1";
/// Open Badges 3.0.3 context (the one Cairn issues with).
pub const OB_V3P0_3: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
/// Controller / DID documents.
pub const DID_V1: &str = "https://www.w3.org/ns/did/v1";
/// Multikey verification methods.
pub const MULTIKEY_V1: &str = "https://w3id.org/security/multikey/v1";
/// Cairn's extension context for the EU micro-credential elements OB 3.0 lacks (and the
/// taxonomy terms). Cairn's own document, never edited in place: a change is a new URL.
pub const CAIRN_EU_V1: &str = "https://w3id.org/cairn/contexts/eu-microcredential/v1";
/// Data Integrity v2 (for VCDM 1.1 documents carrying a `DataIntegrityProof`).
pub const DATA_INTEGRITY_V2: &str = "https://w3id.org/security/data-integrity/v2";

struct Embedded {
    url: &'static str,
    bytes: &'static [u8],
    sha256: &'static str,
}

const EMBEDDED: &[Embedded] = &[
    Embedded {
        url: CAIRN_EU_V1,
        bytes: include_bytes!("../contexts/cairn-eu-microcredential-v1.jsonld"),
        sha256: "2a6cea833c1512b9b92e9cf8af6e5767fa5c570065aa14935bc68eaa065dc652",
    },
    Embedded {
        url: "https://www.w3.org/ns/credentials/v2",
        bytes: include_bytes!("../contexts/www.w3.org_ns_credentials_v2.jsonld"),
        sha256: "8a9f494a89ecc51db093e90e84713e07e84d6d9204364a9b3c7868b21751236f",
    },
    Embedded {
        url: "https://www.w3.org/2018/credentials/v1",
        bytes: include_bytes!("../contexts/www.w3.org_2018_credentials_v1.jsonld"),
        sha256: "00d7dd6d3ad8b920e3e550dd3a3d9090bffcac84cdbf943da6924b3e0a5c8bb8",
    },
    Embedded {
        url: "https://www.w3.org/ns/credentials/status/v1",
        bytes: include_bytes!("../contexts/www.w3.org_ns_credentials_status_v1.jsonld"),
        sha256: "fd08cbf28ddd829ab2f1978c48f43ab07a112c1c90245a0cfac7ba721c65170c",
    },
    Embedded {
        url: "https://w3id.org/security/data-integrity/v2",
        bytes: include_bytes!("../contexts/w3id.org_security_data-integrity_v2.jsonld"),
        sha256: "0f77743daf5b4e8fc067fc5ba5b21044283053aa717fc6b0219843bed3b00363",
    },
    Embedded {
        url: "https://w3id.org/security/data-integrity/v1",
        bytes: include_bytes!("../contexts/w3id.org_security_data-integrity_v1.jsonld"),
        sha256: "b5d829bd09aa7c42abc6efa0c8ed7635313b5487f37ccfce3ecd149ca9418554",
    },
    Embedded {
        url: "https://w3id.org/security/multikey/v1",
        bytes: include_bytes!("../contexts/w3id.org_security_multikey_v1.jsonld"),
        sha256: "c5f3806f8286920573221938917988a18a4cc5a09e968d29649613c7a1c2b1f6",
    },
    Embedded {
        url: "https://www.w3.org/ns/did/v1",
        bytes: include_bytes!("../contexts/www.w3.org_ns_did_v1.jsonld"),
        sha256: "62c1054bf404d6dd3a4b26b64f830fd72095f6a26edc4469908c94351352ce5f",
    },
    Embedded {
        url: "https://w3id.org/security/suites/ed25519-2020/v1",
        bytes: include_bytes!("../contexts/w3id.org_security_suites_ed25519-2020_v1.jsonld"),
        sha256: "b9e1ab971fd8bf2c7553e0c4a9438e0b9450afde1ea1ca5b2492368b9f549588",
    },
    Embedded {
        url: "https://w3id.org/security/suites/x25519-2020/v1",
        bytes: include_bytes!("../contexts/w3id.org_security_suites_x25519-2020_v1.jsonld"),
        sha256: "b234f84fe7cebb0efef37cad82667eeacb6d414f6c51ac37f5dc803a4a0c728a",
    },
    Embedded {
        url: "https://purl.imsglobal.org/spec/ob/v3p0/context.json",
        bytes: include_bytes!("../contexts/purl.imsglobal.org_spec_ob_v3p0_context.json"),
        sha256: "9f1c8f9f361ba2994b9b50701f41149919542c50c7b7455b2846d87959295d72",
    },
    Embedded {
        url: "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
        bytes: include_bytes!("../contexts/purl.imsglobal.org_spec_ob_v3p0_context-3.0.1.json"),
        sha256: "af095468326d3449160509b26ca71576e6321d13c85b0369cfe3b654c9a48fba",
    },
    Embedded {
        url: "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json",
        bytes: include_bytes!("../contexts/purl.imsglobal.org_spec_ob_v3p0_context-3.0.2.json"),
        sha256: "00666ad080ba407687ed1846b7f5e7495f5019042b202a727de47c48a1755c53",
    },
    Embedded {
        url: "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        bytes: include_bytes!("../contexts/purl.imsglobal.org_spec_ob_v3p0_context-3.0.3.json"),
        sha256: "ef2fa9c7846dce233cc166b43639027278be4ee44f00bb1d45c75de2dd0cd761",
    },
    Embedded {
        url: "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
        bytes: include_bytes!("../contexts/purl.imsglobal.org_spec_ob_v3p0_extensions.json"),
        sha256: "2d013f981d1f4516081a6a04e55468ba2b071d4153b794f19a79715c45a89a5e",
    },
    Embedded {
        url: "https://w3id.org/dcc/v1",
        bytes: include_bytes!("../contexts/w3id.org_dcc_v1.jsonld"),
        sha256: "1543695325471b0d23e839a28166ba4ea445cca294ac46fe034ca584cbfc6077",
    },
];

/// Why a context could not be provided.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContextError {
    /// The URL is not in the allow-list.
    #[error("UNKNOWN_CONTEXT: {0} is not an allow-listed context; Cairn never loads contexts from the network")]
    Unknown(String),
    /// An embedded file does not match its recorded SHA-256 (a build defect).
    #[error("embedded context {url} does not match its SHA-256")]
    Corrupt {
        /// The context URL.
        url: String,
    },
    /// An embedded file is not JSON (a build defect).
    #[error("embedded context {url} is not valid JSON: {message}")]
    Invalid {
        /// The context URL.
        url: String,
        /// Parser message.
        message: String,
    },
}

type Table = HashMap<String, Result<Arc<Value>, ContextError>>;

fn parse(e: &Embedded) -> Result<Arc<Value>, ContextError> {
    if hex::encode(Sha256::digest(e.bytes)) != e.sha256 {
        return Err(ContextError::Corrupt { url: e.url.into() });
    }
    serde_json::from_slice(e.bytes)
        .map(Arc::new)
        .map_err(|err| ContextError::Invalid { url: e.url.into(), message: err.to_string() })
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| EMBEDDED.iter().map(|e| (e.url.to_string(), parse(e))).collect())
}

/// The URLs of every embedded context.
pub fn embedded_urls() -> impl Iterator<Item = &'static str> {
    EMBEDDED.iter().map(|e| e.url)
}

/// The raw bytes of an embedded context (for digests and for serving it).
pub fn embedded_bytes(url: &str) -> Option<&'static [u8]> {
    EMBEDDED.iter().find(|e| e.url == url).map(|e| e.bytes)
}

/// The allow-listed context loader: embedded documents plus any extra documents the caller
/// adds (for example the Cairn extension context, or test-only contexts).
#[derive(Clone, Default)]
pub struct ContextLoader {
    extra: HashMap<String, Arc<Value>>,
}

impl ContextLoader {
    /// A loader with only the embedded contexts.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds (or overrides) a document for `url`.
    pub fn with_document(mut self, url: impl Into<String>, doc: Value) -> Self {
        self.extra.insert(url.into(), Arc::new(doc));
        self
    }

    /// Whether `url` would load.
    pub fn knows(&self, url: &str) -> bool {
        self.extra.contains_key(url) || table().contains_key(url)
    }

    /// The parsed context document for `url`.
    pub fn get(&self, url: &str) -> Result<Arc<Value>, ContextError> {
        if let Some(doc) = self.extra.get(url) {
            return Ok(doc.clone());
        }
        match table().get(url) {
            Some(entry) => entry.clone(),
            None => Err(ContextError::Unknown(url.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_context_matches_its_digest_and_parses() {
        for url in embedded_urls() {
            let doc = ContextLoader::new().get(url).unwrap();
            assert!(doc.get("@context").is_some(), "{url} has no @context");
        }
    }

    #[test]
    fn unknown_context_is_refused_by_name() {
        let err = ContextLoader::new().get("https://example.org/ctx").unwrap_err();
        assert!(err.to_string().contains("https://example.org/ctx"));
    }
}
