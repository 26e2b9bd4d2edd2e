//! Retrieval of remote documents (DID documents, controller documents, status lists) behind
//! a trait. The engine itself never opens a socket: the default resolver is offline, and
//! the `cairn` binary supplies an HTTPS one with time-outs and size limits on request.

use std::collections::HashMap;
use std::path::PathBuf;

use serde_json::Value;

/// Why a document could not be retrieved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResolveError {
    /// The resolver does not go to the network.
    #[error("{0} was not retrieved: resolution is offline")]
    Offline(String),
    /// The server answered that there is no such document.
    #[error("{0} was not found")]
    NotFound(String),
    /// Anything else (time-out, size limit, refused address, bad JSON).
    #[error("retrieving {url} failed: {message}")]
    Failed {
        /// The URL.
        url: String,
        /// What went wrong.
        message: String,
    },
}

/// Retrieves JSON documents by URL.
pub trait Resolver: Send + Sync {
    /// The JSON document at `url` (https, or a did:web URL already translated).
    fn fetch_json(&self, url: &str) -> Result<Value, ResolveError>;
}

/// Never retrieves anything.
#[derive(Debug, Clone, Copy, Default)]
pub struct OfflineResolver;

impl Resolver for OfflineResolver {
    fn fetch_json(&self, url: &str) -> Result<Value, ResolveError> {
        Err(ResolveError::Offline(url.to_string()))
    }
}

/// Serves URLs from local files or documents, by longest matching URL prefix.
/// Used by tests and by `cairn verify --map URL=PATH`.
#[derive(Debug, Clone, Default)]
pub struct MapResolver {
    files: Vec<(String, PathBuf)>,
    docs: HashMap<String, Value>,
}

/// The most a mapped file may hold.
const MAX_FILE: u64 = 8 * 1024 * 1024;

impl MapResolver {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// Maps a URL prefix to a file or folder: `prefix + rest` → `path/rest`.
    pub fn with_path(mut self, prefix: impl Into<String>, path: impl Into<PathBuf>) -> Self {
        self.files.push((prefix.into(), path.into()));
        self.files.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        self
    }

    /// Serves `doc` at exactly `url`.
    pub fn with_document(mut self, url: impl Into<String>, doc: Value) -> Self {
        self.docs.insert(url.into(), doc);
        self
    }
}

impl Resolver for MapResolver {
    fn fetch_json(&self, url: &str) -> Result<Value, ResolveError> {
        if let Some(doc) = self.docs.get(url) {
            return Ok(doc.clone());
        }
        let (prefix, base) = self
            .files
            .iter()
            .find(|(p, _)| url.starts_with(p.as_str()))
            .ok_or_else(|| ResolveError::NotFound(url.to_string()))?;
        let rest = url.get(prefix.len()..).unwrap_or_default();
        if rest.split('/').any(|seg| seg == "..") {
            return Err(ResolveError::Failed { url: url.into(), message: "path escapes the mapped folder".into() });
        }
        let path = if rest.is_empty() { base.clone() } else { base.join(rest) };
        let fail = |message: String| ResolveError::Failed { url: url.into(), message };
        let meta = std::fs::metadata(&path).map_err(|_| ResolveError::NotFound(url.to_string()))?;
        if meta.len() > MAX_FILE {
            return Err(fail(format!("document is larger than {MAX_FILE} bytes")));
        }
        let bytes = std::fs::read(&path).map_err(|e| fail(e.to_string()))?;
        serde_json::from_slice(&bytes).map_err(|e| fail(format!("not JSON: {e}")))
    }
}
