//! Documents to canonical N-Quads: safe-mode JSON-LD toRdf against the allow-listed
//! contexts, then RDFC-1.0. One `Canonicalizer` is shared by everything that signs or
//! verifies, so processed contexts are cached across documents.

use std::sync::Arc;

use serde_json::Value;

use crate::contexts::ContextLoader;
use crate::error::VcError;
use crate::jsonld::{self, DocumentLoader, JsonLdError};
use crate::rdf::Quad;
use crate::rdfc;

impl DocumentLoader for ContextLoader {
    fn load(&self, url: &str) -> Result<Arc<Value>, String> {
        self.get(url).map_err(|e| e.to_string())
    }
}

/// Safe-mode JSON-LD to RDF plus RDFC-1.0, with a context cache.
pub struct Canonicalizer {
    loader: ContextLoader,
    processor: jsonld::Processor,
    options: jsonld::Options,
}

impl Default for Canonicalizer {
    fn default() -> Self {
        Self::new(ContextLoader::new())
    }
}

impl Canonicalizer {
    /// A canonicalizer over the given allow-listed contexts.
    pub fn new(loader: ContextLoader) -> Self {
        let options = jsonld::Options { safe_mode: true, ..Default::default() };
        Self { processor: jsonld::Processor::new(Arc::new(loader.clone())), loader, options }
    }

    /// Whether a context URL is allow-listed.
    pub fn knows_context(&self, url: &str) -> bool {
        self.loader.knows(url)
    }

    /// The document's RDF dataset (safe mode: undefined terms are errors).
    pub fn to_rdf(&self, doc: &Value) -> Result<Vec<Quad>, VcError> {
        self.processor.to_rdf(doc, &self.options).map_err(map_jsonld_error)
    }

    /// RDFC-1.0 canonical N-Quads of the document, every line ending in `\n`.
    pub fn canonical_nquads(&self, doc: &Value) -> Result<String, VcError> {
        let quads = self.to_rdf(doc)?;
        rdfc::canonical_nquads(&quads).map_err(|e| VcError::Canonicalization(e.to_string()))
    }
}

fn map_jsonld_error(err: JsonLdError) -> VcError {
    match err {
        JsonLdError::DataLoss { term, message } => VcError::DataLoss { term, message },
        JsonLdError::LoadingDocumentFailed { url, .. } => VcError::UnknownContext(url),
        JsonLdError::Processing { code, message } => VcError::JsonLd { code: code.to_string(), message },
    }
}
