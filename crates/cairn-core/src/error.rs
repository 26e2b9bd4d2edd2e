//! `cairn_core::Error`: one error type for the domain, each variant with a stable code.
//! `cairn-web` maps it to HTTP statuses in exactly one place.

use cairn_vc::error::VcError;

/// A domain error.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The thing does not exist (or the caller may not know it exists).
    #[error("{what} not found")]
    NotFound {
        /// What was looked for.
        what: &'static str,
    },
    /// Bad input; `field` names the field at fault.
    #[error("{field}: {message}")]
    Invalid {
        /// The field (JSON path or CSV column).
        field: String,
        /// What is wrong with it.
        message: String,
    },
    /// No valid credentials were presented.
    #[error("authentication required")]
    Unauthorized,
    /// Authenticated, but not allowed.
    #[error("not allowed: {0}")]
    Forbidden(&'static str),
    /// Too many attempts; try again later (the message says when, never why in detail).
    #[error("too many attempts: {0}")]
    RateLimited(&'static str),
    /// The request conflicts with the current state.
    #[error("conflict: {0}")]
    Conflict(String),
    /// The credential engine refused (undefined term, unknown context…).
    #[error(transparent)]
    Vc(#[from] VcError),
    /// A storage failure; the message is for logs, never for clients.
    #[error("storage error: {0}")]
    Storage(String),
    /// Anything else internal; the message is for logs, never for clients.
    #[error("internal error: {0}")]
    Internal(String),
}

impl Error {
    /// Shorthand for [`Error::Invalid`].
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Invalid { field: field.into(), message: message.into() }
    }

    /// The stable, snake_case code clients can rely on.
    pub fn code(&self) -> &'static str {
        match self {
            Error::NotFound { .. } => "not_found",
            Error::Invalid { .. } => "invalid",
            Error::Unauthorized => "unauthorized",
            Error::Forbidden(_) => "forbidden",
            Error::Conflict(_) => "conflict",
            Error::RateLimited(_) => "rate_limited",
            Error::Vc(e) => match e {
                VcError::DataLoss { .. } => "undefined_term",
                VcError::UnknownContext(_) => "unknown_context",
                _ => "credential_invalid",
            },
            Error::Storage(_) => "storage",
            Error::Internal(_) => "internal",
        }
    }
}
