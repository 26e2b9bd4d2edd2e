//! PostgreSQL: a connection pool; row locks (`FOR UPDATE`, `FOR UPDATE SKIP LOCKED`) let
//! several Cairn servers share one database.

use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use cairn_core::Error;
use sqlx::error::BoxDynError;
use sqlx::postgres::{PgArguments, PgConnectOptions, PgPool, PgPoolOptions, PgTypeInfo, PgValueRef};
use sqlx::{Arguments, Decode, PgExecutor, Postgres, Transaction, Type};
use time::OffsetDateTime;

use super::{AnyRow, Arg, Backend, Exec, Ts, Tx, Q};
use crate::error::db_err;

/// The PostgreSQL side of [`crate::SqlStore`]: a connection pool.
#[derive(Debug, Clone)]
pub struct PgDb {
    pool: PgPool,
}

impl PgDb {
    /// Connects to a `postgres:` URL.
    pub(crate) async fn connect(url: &str) -> Result<Self, Error> {
        Self::connect_with(PgConnectOptions::from_str(url).map_err(db_err)?).await
    }

    /// Connects with explicit options (tests set `search_path` this way).
    pub(crate) async fn connect_with(options: PgConnectOptions) -> Result<Self, Error> {
        let pool = PgPoolOptions::new()
            .max_connections(10)
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(options)
            .await
            .map_err(db_err)?;
        Ok(Self { pool })
    }

    /// Applies the migrations in `migrations/postgres` that have not run yet (sqlx holds an
    /// advisory lock, so servers starting together do not race).
    pub(crate) async fn migrate(&self) -> Result<(), Error> {
        sqlx::migrate!("./migrations/postgres").run(&self.pool).await.map_err(|e| db_err(e.into()))
    }

    /// Closes every connection.
    pub(crate) async fn close(&self) {
        self.pool.close().await;
    }
}

/// Statements on the pool.
pub struct PgAuto(PgPool);

/// A write transaction.
pub struct PgTx(Transaction<'static, Postgres>);

#[async_trait]
impl Backend for PgDb {
    type Auto = PgAuto;
    type Tx = PgTx;
    // The weakest lock that still queues writers: the key is never changed, so foreign-key
    // checks on the row (`FOR KEY SHARE`) need not wait.
    const FOR_UPDATE: &'static str = " FOR NO KEY UPDATE";
    const SKIP_LOCKED: &'static str = " FOR UPDATE SKIP LOCKED";
    const MAX_PARAMS: usize = 65_535;

    const ANALYZE_AFTER_BULK_LOAD: bool = true;
    const PENDING_BULK_ROWS: &'static str = "bulk_rows";

    fn in_subquery(subquery: &str) -> String {
        format!("= ANY(ARRAY({subquery}))")
    }

    fn epoch_day(column: &str) -> String {
        format!("CAST(floor(extract(epoch FROM {column}) / 86400) AS BIGINT)")
    }

    fn param(n: usize) -> String {
        format!("${n}")
    }

    fn auto(&self) -> PgAuto {
        PgAuto(self.pool.clone())
    }

    async fn begin(&self) -> Result<PgTx, Error> {
        self.pool.begin().await.map(PgTx).map_err(db_err)
    }
}

fn arguments(args: Vec<Arg<'_>>) -> Result<PgArguments, Error> {
    let mut out = PgArguments::default();
    for arg in args {
        let added = match arg {
            Arg::Uuid(v) => out.add(v),
            Arg::Int(v) => out.add(v),
            Arg::Int32(v) => out.add(v),
            Arg::Bool(v) => out.add(v),
            Arg::Text(v) => out.add(v),
            Arg::Bytes(v) => out.add(v),
            Arg::Time(v) => out.add(v),
        };
        added.map_err(|e| Error::Storage(format!("cannot bind a query argument: {e}")))?;
    }
    Ok(out)
}

async fn execute<'c>(e: impl PgExecutor<'c>, q: Q<'_>) -> Result<u64, Error> {
    let args = arguments(q.args)?;
    sqlx::query_with(&q.sql, args).execute(e).await.map(|r| r.rows_affected()).map_err(db_err)
}

async fn fetch_all<'c, R: AnyRow>(e: impl PgExecutor<'c>, q: Q<'_>) -> Result<Vec<R>, Error> {
    let args = arguments(q.args)?;
    sqlx::query_as_with(&q.sql, args).fetch_all(e).await.map_err(db_err)
}

async fn fetch_optional<'c, R: AnyRow>(e: impl PgExecutor<'c>, q: Q<'_>) -> Result<Option<R>, Error> {
    let args = arguments(q.args)?;
    sqlx::query_as_with(&q.sql, args).fetch_optional(e).await.map_err(db_err)
}

#[async_trait]
impl Exec for PgAuto {
    async fn execute(&mut self, q: Q<'_>) -> Result<u64, Error> {
        execute(&self.0, q).await
    }
    async fn fetch_all<R: AnyRow>(&mut self, q: Q<'_>) -> Result<Vec<R>, Error> {
        fetch_all(&self.0, q).await
    }
    async fn fetch_optional<R: AnyRow>(&mut self, q: Q<'_>) -> Result<Option<R>, Error> {
        fetch_optional(&self.0, q).await
    }
}

#[async_trait]
impl Exec for PgTx {
    async fn execute(&mut self, q: Q<'_>) -> Result<u64, Error> {
        execute(&mut *self.0, q).await
    }
    async fn fetch_all<R: AnyRow>(&mut self, q: Q<'_>) -> Result<Vec<R>, Error> {
        fetch_all(&mut *self.0, q).await
    }
    async fn fetch_optional<R: AnyRow>(&mut self, q: Q<'_>) -> Result<Option<R>, Error> {
        fetch_optional(&mut *self.0, q).await
    }
}

#[async_trait]
impl Tx for PgTx {
    async fn commit(self) -> Result<(), Error> {
        self.0.commit().await.map_err(db_err)
    }
    async fn rollback(self) -> Result<(), Error> {
        self.0.rollback().await.map_err(db_err)
    }
}

impl Type<Postgres> for Ts {
    fn type_info() -> PgTypeInfo {
        <OffsetDateTime as Type<Postgres>>::type_info()
    }
    fn compatible(ty: &PgTypeInfo) -> bool {
        <OffsetDateTime as Type<Postgres>>::compatible(ty)
    }
}

impl<'r> Decode<'r, Postgres> for Ts {
    fn decode(value: PgValueRef<'r>) -> Result<Self, BoxDynError> {
        Ok(Ts(<OffsetDateTime as Decode<Postgres>>::decode(value)?))
    }
}
