//! The processor's error type and the safe-mode reporting helper.

/// An error from JSON-LD processing.
#[derive(Debug, thiserror::Error)]
pub enum JsonLdError {
    /// A JSON-LD API error; `code` is the spec's error code string, e.g. "invalid term definition".
    #[error("{code}: {message}")]
    Processing {
        /// The JSON-LD 1.1 API error code (`JsonLdErrorCode`), verbatim.
        code: &'static str,
        /// What was wrong, naming the offending key or value.
        message: String,
    },
    /// Safe mode: something would be silently dropped or left relative.
    #[error("data loss: {message} (term `{term}`)")]
    DataLoss {
        /// The key, term or value that would be lost.
        term: String,
        /// What would happen to it.
        message: String,
    },
    /// The loader refused or failed.
    #[error("loading document failed: {url}: {message}")]
    LoadingDocumentFailed {
        /// The absolute URL that was requested.
        url: String,
        /// The loader's message.
        message: String,
    },
}

impl JsonLdError {
    /// The JSON-LD API error code: the `Processing` code, or `loading remote context failed`
    /// for a loader failure (the processor only loads contexts); `None` for data loss.
    pub fn code(&self) -> Option<&'static str> {
        match self {
            JsonLdError::Processing { code, .. } => Some(code),
            JsonLdError::LoadingDocumentFailed { .. } => Some("loading remote context failed"),
            JsonLdError::DataLoss { .. } => None,
        }
    }
}

/// Shorthand for a `Processing` error.
pub(crate) fn perr(code: &'static str, message: impl Into<String>) -> JsonLdError {
    JsonLdError::Processing { code, message: message.into() }
}

/// Reports a safe-mode event: an error when `safe` is on, nothing otherwise.
pub(crate) fn loss(safe: bool, term: &str, message: &str) -> Result<(), JsonLdError> {
    if safe {
        Err(JsonLdError::DataLoss { term: term.to_owned(), message: message.to_owned() })
    } else {
        Ok(())
    }
}
