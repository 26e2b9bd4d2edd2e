//! Cairn's domain layer: entities, identifiers, the ports the outside world plugs into
//! (`Store`, `Clock`, `Mailer`), and the services that issue, revoke and verify credentials.
//! No HTTP, no SQL: `cairn-web` calls the services, `cairn-store` implements `Store`.
#![warn(missing_docs)]

pub mod clock;
pub mod crypto;
pub mod error;
pub mod ids;
pub mod mail;
pub mod model;
pub mod service;
pub mod store;

pub use error::Error;
