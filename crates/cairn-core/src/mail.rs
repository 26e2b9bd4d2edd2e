//! The `Mailer` port: how the domain hands an email to the outside world. `cairn` implements
//! it over SMTP (lettre); the delivery service (`service::delivery`) decides what to send,
//! when to retry, and records the outcome.

use async_trait::async_trait;

/// A composed email, ready to send: one recipient, a subject, and the same content as plain
/// text and as HTML (sent as `multipart/alternative`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingEmail {
    /// Recipient address.
    pub to: String,
    /// Subject line (one line: no control characters).
    pub subject: String,
    /// Plain-text body.
    pub text: String,
    /// HTML body (values already escaped).
    pub html: String,
}

/// Why an email was not sent. Messages never contain the SMTP password (implementations
/// redact it), so they may be stored and shown to administrators.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MailError {
    /// The message could not be built (for example an address the mailer cannot parse);
    /// retrying cannot help.
    #[error("message rejected before sending: {0}")]
    Invalid(String),
    /// The server answered with a negative reply (`code` is the SMTP reply code).
    #[error("SMTP server replied {code}: {message}")]
    Rejected {
        /// SMTP reply code, for example 451 or 550.
        code: u16,
        /// The server's reply text, redacted.
        message: String,
    },
    /// Connecting, TLS, authentication exchange or the network failed.
    #[error("SMTP connection failed: {0}")]
    Connection(String),
}

impl MailError {
    /// Whether retrying the same message later cannot succeed.
    pub fn is_permanent(&self) -> bool {
        matches!(self, MailError::Invalid(_))
    }
}

/// Sends email.
#[async_trait]
pub trait Mailer: Send + Sync {
    /// Hands one message to the mail server; `Ok` once the server has accepted it.
    async fn send(&self, msg: &OutgoingEmail) -> Result<(), MailError>;
}
