//! The server's configuration: one typed struct, layered (defaults → TOML file → `CAIRN_*`
//! environment variables → flags, see `config/load.rs`), strict (unknown keys are errors) and
//! documented in `examples/cairn.toml`, which `cairn config default` prints.
//!
//! Secrets (`database.url`, `smtp.password`) are [`SecretString`]s: `Debug` and
//! `cairn config show` redact them, and nothing logs them.

mod load;
mod secret;
#[cfg(test)]
mod tests;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};

use secrecy::{ExposeSecret as _, SecretString};
use serde::{Deserialize, Serialize};

pub use load::{load, Loaded};

/// The commented default configuration file (`cairn config default`).
pub const EXAMPLE: &str = include_str!("../../../examples/cairn.toml");

/// Every setting Cairn reads.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// HTTP server.
    pub server: ServerConfig,
    /// Database.
    pub database: DatabaseConfig,
    /// Outgoing email; without it, deliveries stay pending.
    pub smtp: Option<SmtpConfig>,
    /// Background workers (bulk issuance, email delivery).
    pub workers: WorkersConfig,
    /// Logging.
    pub log: LogConfig,
    /// Verification of other issuers' credentials.
    pub verify: VerifyConfig,
}

/// `[server]`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ServerConfig {
    /// Address to listen on.
    pub bind: SocketAddr,
    /// Public URL (every credential id starts with it); defaults to `http://<bind>`.
    pub base_url: Option<String>,
    /// Threads that sign credentials in bulk; defaults to the number of CPUs.
    pub sign_threads: Option<usize>,
    /// The instance master key file; defaults to `<data-dir>/master.key`.
    pub master_key_file: Option<PathBuf>,
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self {
            bind: SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 8080),
            base_url: None,
            sign_threads: None,
            master_key_file: None,
        }
    }
}

/// `[database]`. (The pool size is cairn-store's choice: 8 connections on SQLite, 10 on
/// PostgreSQL.)
#[derive(Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct DatabaseConfig {
    /// `sqlite://…` or `postgres://…`; defaults to SQLite in the data directory.
    #[serde(deserialize_with = "secret::de_opt", serialize_with = "secret::ser_url")]
    pub url: Option<SecretString>,
}

impl std::fmt::Debug for DatabaseConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DatabaseConfig")
            .field("url", &self.url.as_ref().map(|u| redact_url(u.expose_secret())))
            .finish()
    }
}

/// `[smtp]`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SmtpConfig {
    /// Server host name.
    pub host: String,
    /// Port; defaults to 587 (starttls), 465 (tls) or 25 (none).
    #[serde(default)]
    pub port: Option<u16>,
    /// Transport security.
    #[serde(default)]
    pub tls: SmtpTls,
    /// User name, when the server wants authentication.
    #[serde(default)]
    pub username: Option<String>,
    /// Password (`CAIRN_SMTP__PASSWORD_FILE` reads it from a file).
    #[serde(default, deserialize_with = "secret::de_opt", serialize_with = "secret::ser_opt")]
    pub password: Option<SecretString>,
    /// Sender mailbox: `Badges <badges@example.org>`.
    pub from: String,
}

impl SmtpConfig {
    /// The port, or the usual one for the transport security.
    pub fn port(&self) -> u16 {
        self.port.unwrap_or(match self.tls {
            SmtpTls::Starttls => 587,
            SmtpTls::Tls => 465,
            SmtpTls::None => 25,
        })
    }
}

/// How the SMTP connection is secured.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SmtpTls {
    /// Plain connection upgraded with STARTTLS (required).
    #[default]
    Starttls,
    /// TLS from the first byte (SMTPS).
    Tls,
    /// No encryption (loopback test servers only).
    None,
}

/// `[workers]`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct WorkersConfig {
    /// Run the bulk-issuance and delivery workers in this process.
    pub enabled: bool,
    /// Bulk batches worked on at the same time (round robin between running jobs).
    pub bulk_concurrency: usize,
}

impl Default for WorkersConfig {
    fn default() -> Self {
        Self { enabled: true, bulk_concurrency: 4 }
    }
}

/// `[log]`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct LogConfig {
    /// Output format.
    pub format: LogFormat,
    /// `tracing` filter directives (`info,cairn_store=debug`).
    pub filter: String,
}

impl Default for LogConfig {
    fn default() -> Self {
        Self { format: LogFormat::Text, filter: "info,sqlx=error".into() }
    }
}

/// Log line format.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines.
    #[default]
    Text,
    /// One JSON object per line.
    Json,
}

/// `[verify]`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct VerifyConfig {
    /// Retrieve did:web documents, status lists and other issuers' documents over HTTPS
    /// when verifying credentials; off, verification uses only what it is given.
    pub online: bool,
}

impl Config {
    /// Checks what serde cannot: URLs, counts, the sender address, the log filter.
    pub fn validate(&self) -> Result<(), String> {
        if let Some(url) = &self.server.base_url {
            check_base_url(url)?;
        }
        if self.server.sign_threads == Some(0) {
            return Err("server.sign_threads: must be at least 1".into());
        }
        if let Some(url) = &self.database.url {
            let url = url.expose_secret();
            if !is_database_url(url) {
                return Err(format!("database.url: must start with sqlite: or postgres:, got `{}`", redact_url(url)));
            }
        }
        if self.workers.bulk_concurrency == 0 {
            return Err("workers.bulk_concurrency: must be at least 1".into());
        }
        if let Some(smtp) = &self.smtp {
            if smtp.host.trim().is_empty() {
                return Err("smtp.host: is empty".into());
            }
            smtp.from.parse::<lettre::message::Mailbox>().map_err(|e| format!("smtp.from: {e}"))?;
            if smtp.password.is_some() && smtp.username.is_none() {
                return Err("smtp.password: is set but smtp.username is not".into());
            }
        }
        tracing_subscriber::EnvFilter::try_new(&self.log.filter).map_err(|e| format!("log.filter: {e}"))?;
        Ok(())
    }

    /// The database URL: the configured one, or SQLite in `data_dir` (created if missing).
    pub fn database_url(&self, data_dir: &Path) -> SecretString {
        match &self.database.url {
            Some(url) => url.clone(),
            None => SecretString::from(default_sqlite_url(data_dir)),
        }
    }

    /// The public base URL, without a trailing slash: the configured one, or `http://` and the
    /// address actually bound (`127.0.0.1` standing in for an unspecified address).
    pub fn base_url(&self, bound: SocketAddr) -> String {
        match &self.server.base_url {
            Some(url) => url.trim_end_matches('/').to_string(),
            None => {
                let mut addr = bound;
                if addr.ip().is_unspecified() {
                    addr.set_ip(IpAddr::V4(Ipv4Addr::LOCALHOST));
                }
                format!("http://{addr}")
            }
        }
    }

    /// Signing threads: the configured number, or the number of CPUs.
    pub fn sign_threads(&self) -> usize {
        self.server.sign_threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(2, usize::from))
    }

    /// Where the master key lives.
    pub fn master_key_file(&self, data_dir: &Path) -> PathBuf {
        self.server.master_key_file.clone().unwrap_or_else(|| data_dir.join("master.key"))
    }
}

fn check_base_url(url: &str) -> Result<(), String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| format!("server.base_url: must start with https:// or http://, got `{url}`"))?;
    let host = rest.split('/').next().unwrap_or_default();
    if host.is_empty() || url.contains(['?', '#', ' ']) {
        return Err(format!("server.base_url: `{url}` is not a plain http(s) URL with a host"));
    }
    Ok(())
}

fn is_database_url(url: &str) -> bool {
    ["sqlite:", "postgres:", "postgresql:"].iter().any(|p| url.starts_with(p))
}

/// `sqlite://<data_dir>/cairn.db?mode=rwc`, with `%`, `?` and `#` in the path escaped.
pub fn default_sqlite_url(data_dir: &Path) -> String {
    let path = data_dir.join("cairn.db").to_string_lossy().replace('%', "%25").replace('?', "%3F").replace('#', "%23");
    format!("sqlite://{path}?mode=rwc")
}

/// The URL with its password, if any, replaced by `***` (for logs and errors).
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    let authority = match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _)) => format!("{user}:***@{host}"),
            None => authority.to_string(),
        },
        None => authority.to_string(),
    };
    // `?password=…` is the other place a PostgreSQL URL may carry one.
    let tail = match tail.split_once('?') {
        Some((path, query)) => {
            let query: Vec<String> = query
                .split('&')
                .map(|kv| match kv.split_once('=') {
                    Some((k, _)) if k.eq_ignore_ascii_case("password") => format!("{k}=***"),
                    _ => kv.to_string(),
                })
                .collect();
            format!("{path}?{}", query.join("&"))
        }
        None => tail.to_string(),
    };
    format!("{scheme}://{authority}{tail}")
}
