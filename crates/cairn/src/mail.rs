//! Email over SMTP: [`SmtpMailer`] implements `cairn_core::mail::Mailer` with lettre
//! (STARTTLS, implicit TLS, or plain for a local relay; optional AUTH; 10 s timeouts), and
//! [`run_delivery_worker`] runs `service::delivery::deliver_due` until shutdown.
//!
//! Secrets: the password lives in a `SecretString`, and every error text that leaves this
//! module has the password (and its base64 forms, as sent by AUTH PLAIN and LOGIN) removed,
//! because error texts are stored in `Delivery::last_error` and logged.

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use async_trait::async_trait;
use cairn_core::mail::{MailError, Mailer, OutgoingEmail};
use cairn_core::service::delivery::{self, BATCH_SIZE};
use cairn_core::service::Ctx;
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use secrecy::{ExposeSecret, SecretString};

/// Timeout for connecting and for each SMTP command.
pub const SMTP_TIMEOUT: Duration = Duration::from_secs(10);
/// Pause between worker runs when nothing more is due.
pub const POLL_INTERVAL: Duration = Duration::from_secs(5);
/// Pause after a run failed (storage unavailable, for example).
const ERROR_PAUSE: Duration = Duration::from_secs(30);

/// How the connection to the SMTP server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmtpTls {
    /// Plain connection upgraded with STARTTLS, which is required: no credentials or mail
    /// go out if the server does not offer it (usually port 587).
    Starttls,
    /// TLS from the first byte (SMTPS, usually port 465).
    Tls,
    /// No encryption: only for a relay on the same machine (and tests).
    None,
}

impl FromStr for SmtpTls {
    type Err = anyhow::Error;
    fn from_str(s: &str) -> anyhow::Result<Self> {
        match s {
            "starttls" => Ok(SmtpTls::Starttls),
            "tls" => Ok(SmtpTls::Tls),
            "none" => Ok(SmtpTls::None),
            other => anyhow::bail!("SMTP tls must be one of starttls, tls, none; got `{other}`"),
        }
    }
}

/// What the administrator configures for outgoing mail.
#[derive(Debug, Clone)]
pub struct SmtpSettings {
    /// Server host name (also the name its TLS certificate must carry).
    pub host: String,
    /// Server port.
    pub port: u16,
    /// Connection protection.
    pub tls: SmtpTls,
    /// AUTH user name; no AUTH when `None`.
    pub username: Option<String>,
    /// AUTH password.
    pub password: Option<SecretString>,
    /// Sender, `Name <address>` or a bare address.
    pub from: String,
}

/// Sends email through one SMTP server (a new connection per message).
pub struct SmtpMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    redact: Redactor,
}

impl std::fmt::Debug for SmtpMailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpMailer").field("from", &self.from.email.to_string()).finish_non_exhaustive()
    }
}

impl SmtpMailer {
    /// A mailer for `settings`; fails on an unparsable sender or host name, or a user name
    /// without a password.
    pub fn new(settings: &SmtpSettings) -> anyhow::Result<Self> {
        let from: Mailbox = settings
            .from
            .parse()
            .with_context(|| format!("the SMTP sender `{}` is not an email address", settings.from))?;
        let tls = || TlsParameters::new(settings.host.clone()).context("SMTP TLS settings");
        let tls = match settings.tls {
            SmtpTls::Starttls => Tls::Required(tls()?),
            SmtpTls::Tls => Tls::Wrapper(tls()?),
            SmtpTls::None => Tls::None,
        };
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(settings.host.clone())
            .port(settings.port)
            .tls(tls)
            .timeout(Some(SMTP_TIMEOUT));
        let mut redact = Redactor::default();
        match (&settings.username, &settings.password) {
            (Some(user), Some(password)) => {
                let password = password.expose_secret();
                redact = Redactor::new(user, password);
                builder = builder.credentials(Credentials::new(user.clone(), password.to_string()));
            }
            (Some(_), None) => anyhow::bail!("an SMTP user name is set but no password"),
            (None, Some(_)) => anyhow::bail!("an SMTP password is set but no user name"),
            (None, None) => {}
        }
        let loopback =
            settings.host == "localhost" || settings.host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback());
        if settings.tls == SmtpTls::None && !loopback {
            tracing::warn!(smtp.host = %settings.host, "SMTP without TLS to another machine: mail (and any password) travels in clear");
        }
        Ok(Self { transport: builder.build(), from, redact })
    }

    /// Connects (and authenticates) without sending anything: a start-up check.
    pub async fn check(&self) -> Result<(), MailError> {
        match self.transport.test_connection().await {
            Ok(true) => Ok(()),
            Ok(false) => Err(MailError::Connection("the SMTP server did not answer NOOP".into())),
            Err(e) => Err(self.map_error(&e)),
        }
    }

    fn build(&self, msg: &OutgoingEmail) -> Result<Message, MailError> {
        let to: Mailbox =
            msg.to.parse().map_err(|e| MailError::Invalid(format!("recipient address `{}`: {e}", msg.to)))?;
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(msg.subject.clone())
            .multipart(MultiPart::alternative_plain_html(msg.text.clone(), msg.html.clone()))
            .map_err(|e| MailError::Invalid(e.to_string()))
    }

    fn map_error(&self, e: &lettre::transport::smtp::Error) -> MailError {
        let text = self.redact.apply(&e.to_string());
        match e.status().and_then(|c| c.to_string().parse::<u16>().ok()) {
            Some(code) => MailError::Rejected { code, message: text },
            None => MailError::Connection(text),
        }
    }
}

#[async_trait]
impl Mailer for SmtpMailer {
    async fn send(&self, msg: &OutgoingEmail) -> Result<(), MailError> {
        let message = self.build(msg)?;
        self.transport.send(message).await.map(|_| ()).map_err(|e| self.map_error(&e))
    }
}

/// Removes the password from error texts, in clear and in the base64 forms AUTH sends.
#[derive(Default)]
struct Redactor(Vec<String>);

impl Redactor {
    fn new(user: &str, password: &str) -> Self {
        use base64::Engine as _;
        if password.is_empty() {
            return Self::default();
        }
        let b64 = base64::engine::general_purpose::STANDARD;
        let mut secrets = vec![
            password.to_string(),
            b64.encode(password),
            b64.encode(format!("\0{user}\0{password}")),
            b64.encode(format!("{user}\0{user}\0{password}")),
        ];
        // Longest first, so a secret containing another is removed whole.
        secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
        Self(secrets)
    }

    fn apply(&self, text: &str) -> String {
        self.0.iter().fold(text.to_string(), |t, secret| t.replace(secret.as_str(), "[redacted]"))
    }
}

/// Delivers due emails until `shutdown` turns true (or its sender is dropped): one run at
/// once, again immediately while full batches come back, otherwise every [`POLL_INTERVAL`].
pub async fn run_delivery_worker(ctx: Ctx, mailer: Arc<dyn Mailer>, mut shutdown: tokio::sync::watch::Receiver<bool>) {
    tracing::info!("email delivery worker started");
    loop {
        if *shutdown.borrow() {
            break;
        }
        let pause = match delivery::deliver_due(&ctx, mailer.as_ref(), ctx.clock.now()).await {
            Ok(stats) if stats.total() >= BATCH_SIZE => continue,
            Ok(_) => POLL_INTERVAL,
            Err(e) => {
                tracing::error!(error = %e, "email delivery run failed");
                ERROR_PAUSE
            }
        };
        tokio::select! {
            () = tokio::time::sleep(pause) => {}
            changed = shutdown.changed() => {
                if changed.is_err() {
                    break;
                }
            }
        }
    }
    tracing::info!("email delivery worker stopped");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redactor_removes_password_in_clear_and_base64() {
        use base64::Engine as _;
        let r = Redactor::new("mailer", "s3cret-pw");
        let plain = base64::engine::general_purpose::STANDARD.encode("\0mailer\0s3cret-pw");
        let out = r.apply(&format!("535 bad s3cret-pw {plain} c3NjcmV0"));
        assert_eq!(out, "535 bad [redacted] [redacted] c3NjcmV0");
        assert_eq!(Redactor::new("u", "").apply("x"), "x");
    }

    #[test]
    fn settings_are_checked() {
        let s = SmtpSettings {
            host: "127.0.0.1".into(),
            port: 25,
            tls: "none".parse().unwrap(),
            username: Some("u".into()),
            password: None,
            from: "Cairn <badges@example.org>".into(),
        };
        assert!(SmtpMailer::new(&s).unwrap_err().to_string().contains("no password"));
        let bad_from = SmtpSettings { username: None, from: "not an address".into(), ..s.clone() };
        assert!(SmtpMailer::new(&bad_from).unwrap_err().to_string().contains("not an email address"));
        assert!("ssl".parse::<SmtpTls>().is_err());
        assert!(SmtpMailer::new(&SmtpSettings { username: None, ..s }).is_ok());
    }
}
