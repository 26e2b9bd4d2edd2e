//! Scratch PostgreSQL schemas: a fresh, empty schema on a shared database (the CI database
//! is shared with the tests, which each use their own schema too), migrated and dropped
//! afterwards. For benchmarks; a server never uses this.

use std::str::FromStr;

use cairn_core::Error;
use sqlx::postgres::PgConnectOptions;
use sqlx::{Connection, PgConnection};

use crate::error::db_err;
use crate::PgStore;

/// A schema created for one run; [`PgScratch::drop_schema`] removes it and everything in it.
#[derive(Debug)]
pub struct PgScratch {
    url: String,
    schema: String,
}

impl PgScratch {
    /// Creates a uniquely named schema `<prefix>_<random>` on the database at `url` and
    /// returns it with a migrated store whose connections use it.
    pub async fn create(url: &str, prefix: &str) -> Result<(Self, PgStore), Error> {
        let schema = format!("{prefix}_{}", uuid::Uuid::new_v4().simple());
        let mut admin = PgConnection::connect(url).await.map_err(db_err)?;
        sqlx::query(&format!("CREATE SCHEMA {schema}")).execute(&mut admin).await.map_err(db_err)?;
        let _ = admin.close().await;
        let scratch = Self { url: url.to_string(), schema };
        let options =
            PgConnectOptions::from_str(url).map_err(db_err)?.options([("search_path", scratch.schema.as_str())]);
        match PgStore::connect_with(options).await {
            Ok(store) => Ok((scratch, store)),
            Err(e) => {
                let _ = scratch.drop_schema().await;
                Err(e)
            }
        }
    }

    /// The schema's name.
    pub fn schema(&self) -> &str {
        &self.schema
    }

    /// Drops the schema with everything in it.
    pub async fn drop_schema(self) -> Result<(), Error> {
        let mut admin = PgConnection::connect(&self.url).await.map_err(db_err)?;
        sqlx::query(&format!("DROP SCHEMA {} CASCADE", self.schema)).execute(&mut admin).await.map_err(db_err)?;
        let _ = admin.close().await;
        Ok(())
    }
}
