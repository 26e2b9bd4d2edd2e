//! Cairn's storage: [`SqliteStore`] and [`PgStore`], both always compiled, both implementing
//! [`cairn_core::store::Store`] with the same SQL (see `backend.rs` for the seam), chosen at
//! run time by the database URL's scheme ([`connect`]). Migrations live in
//! `migrations/sqlite` and `migrations/postgres` (same file names) and run on connect.
//!
//! What callers can rely on: uniqueness is a database constraint (`Error::Conflict`); a
//! missing row is `Error::NotFound`; writes that belong together share one transaction
//! (SQLite: `BEGIN IMMEDIATE`; PostgreSQL: row locks and `SKIP LOCKED`, so several servers
//! can share a database); times are kept to the microsecond. Throughput is measured by
//! `cargo test --release -p cairn-store --test it bench -- --ignored --nocapture`.
#![warn(missing_docs)]

mod backend;
mod error;
mod scratch;
mod sql;

use std::sync::Arc;

use cairn_core::store::Store;
use cairn_core::Error;

pub use backend::postgres::PgDb;
pub use backend::sqlite::SqliteDb;
pub use scratch::PgScratch;
pub use sql::SqlStore;

/// The store on SQLite.
pub type SqliteStore = SqlStore<SqliteDb>;
/// The store on PostgreSQL.
pub type PgStore = SqlStore<PgDb>;

/// The database a URL names, by scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `sqlite:`.
    Sqlite,
    /// `postgres:` or `postgresql:`.
    Postgres,
}

impl Kind {
    /// Reads the scheme of a database URL; an unknown scheme is an error naming it (and
    /// only it: the rest of the URL may hold a password).
    pub fn of_url(url: &str) -> Result<Self, Error> {
        let scheme = url.split_once(':').map(|(s, _)| s).unwrap_or_default();
        match scheme {
            "sqlite" => Ok(Kind::Sqlite),
            "postgres" | "postgresql" => Ok(Kind::Postgres),
            "" => Err(Error::invalid("database.url", "must start with sqlite: or postgres:")),
            other => {
                Err(Error::invalid("database.url", format!("unsupported scheme `{other}:`; use sqlite: or postgres:")))
            }
        }
    }
}

/// Connects to the database at `url` (`sqlite:` or `postgres:`/`postgresql:`), applies
/// pending migrations, and returns the store.
pub async fn connect(url: &str) -> Result<Arc<dyn Store>, Error> {
    Ok(match Kind::of_url(url)? {
        Kind::Sqlite => Arc::new(SqliteStore::connect(url).await?),
        Kind::Postgres => Arc::new(PgStore::connect(url).await?),
    })
}

/// Applies pending migrations to the database at `url` (what `cairn migrate` runs), then
/// closes the connections.
pub async fn migrate(url: &str) -> Result<(), Error> {
    match Kind::of_url(url)? {
        Kind::Sqlite => SqliteStore::connect(url).await?.close().await,
        Kind::Postgres => PgStore::connect(url).await?.close().await,
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scheme_chooses_the_backend() {
        assert_eq!(Kind::of_url("sqlite:cairn.db").unwrap(), Kind::Sqlite);
        assert_eq!(Kind::of_url("sqlite::memory:").unwrap(), Kind::Sqlite);
        assert_eq!(Kind::of_url("postgres://u:p@h/db").unwrap(), Kind::Postgres);
        assert_eq!(Kind::of_url("postgresql://h/db").unwrap(), Kind::Postgres);
        let e = Kind::of_url("mysql://root:hunter2@h/db").unwrap_err().to_string();
        assert!(e.contains("`mysql:`") && !e.contains("hunter2"), "{e}");
        assert!(Kind::of_url("cairn.db").is_err());
    }

    #[tokio::test]
    async fn an_in_memory_database_keeps_its_data_across_calls() {
        let store = connect("sqlite::memory:").await.unwrap();
        store.put_setting("k", "v").await.unwrap();
        assert_eq!(store.count_users().await.unwrap(), 0);
        assert_eq!(store.get_setting("k").await.unwrap().as_deref(), Some("v"));
        migrate("sqlite::memory:").await.unwrap();
    }

    #[tokio::test]
    async fn connect_refuses_an_unknown_scheme() {
        let e = connect("mysql://h/db").await.err().unwrap();
        assert_eq!(e.code(), "invalid");
    }
}
