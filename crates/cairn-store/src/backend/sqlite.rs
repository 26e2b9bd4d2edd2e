//! SQLite: one file, WAL, `synchronous=NORMAL`, foreign keys on, a busy timeout, and write
//! transactions that take the write lock at `BEGIN` (`BEGIN IMMEDIATE`).

use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use cairn_core::Error;
use sqlx::error::BoxDynError;
use sqlx::sqlite::{
    SqliteArguments, SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
    SqliteTypeInfo, SqliteValueRef,
};
use sqlx::{Arguments, Decode, Sqlite, SqliteExecutor, Transaction, Type};
use time::OffsetDateTime;

use super::{unix_micros, AnyRow, Arg, Backend, Exec, Ts, Tx, Q};
use crate::error::db_err;

/// The SQLite side of [`crate::SqlStore`]: a connection pool on one database file.
#[derive(Debug, Clone)]
pub struct SqliteDb {
    pool: SqlitePool,
}

impl SqliteDb {
    /// Opens (creating it if missing) the database at a `sqlite:` URL.
    pub(crate) async fn connect(url: &str) -> Result<Self, Error> {
        let options = SqliteConnectOptions::from_str(url)
            .map_err(db_err)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(30))
            // Bulk issuance writes ~3 KB per credential: a 64 MiB page cache, reads through
            // mmap, and a checkpoint every 32 MiB of WAL rather than every 4 MiB.
            .pragma("cache_size", "-65536")
            .pragma("mmap_size", "268435456")
            .pragma("wal_autocheckpoint", "8000");
        // An in-memory database lives as long as its one connection: keep exactly one.
        let in_memory = url.contains(":memory:") || url.contains("mode=memory");
        let pool = SqlitePoolOptions::new()
            .max_connections(if in_memory { 1 } else { 8 })
            .min_connections(1)
            .idle_timeout(if in_memory { None } else { Some(Duration::from_secs(600)) })
            .max_lifetime(if in_memory { None } else { Some(Duration::from_secs(3600)) })
            .connect_with(options)
            .await
            .map_err(db_err)?;
        Ok(Self { pool })
    }

    /// Applies the migrations in `migrations/sqlite` that have not run yet.
    pub(crate) async fn migrate(&self) -> Result<(), Error> {
        sqlx::migrate!("./migrations/sqlite").run(&self.pool).await.map_err(|e| db_err(e.into()))
    }

    /// Closes every connection.
    pub(crate) async fn close(&self) {
        self.pool.close().await;
    }
}

/// Statements on the pool.
pub struct SqliteAuto(SqlitePool);

/// A write transaction.
pub struct SqliteTx(Transaction<'static, Sqlite>);

#[async_trait]
impl Backend for SqliteDb {
    type Auto = SqliteAuto;
    type Tx = SqliteTx;
    const FOR_UPDATE: &'static str = "";
    const SKIP_LOCKED: &'static str = "";
    // SQLITE_MAX_VARIABLE_NUMBER of the bundled SQLite.
    const MAX_PARAMS: usize = 32_766;

    const ANALYZE_AFTER_BULK_LOAD: bool = false;
    const PENDING_BULK_ROWS: &'static str = "bulk_rows INDEXED BY bulk_rows_pending";

    fn in_subquery(subquery: &str) -> String {
        format!("IN ({subquery})")
    }

    fn epoch_day(column: &str) -> String {
        // Times are microseconds since the epoch; Cairn's times are after 1970, so integer
        // division is the floor.
        format!("({column} / 86400000000)")
    }

    fn param(_: usize) -> String {
        "?".into()
    }

    fn auto(&self) -> SqliteAuto {
        SqliteAuto(self.pool.clone())
    }

    async fn begin(&self) -> Result<SqliteTx, Error> {
        self.pool.begin_with("BEGIN IMMEDIATE").await.map(SqliteTx).map_err(db_err)
    }
}

fn arguments(args: Vec<Arg<'_>>) -> Result<SqliteArguments<'_>, Error> {
    let mut out = SqliteArguments::default();
    for arg in args {
        let added = match arg {
            Arg::Uuid(v) => out.add(v),
            Arg::Int(v) => out.add(v),
            Arg::Int32(v) => out.add(v),
            Arg::Bool(v) => out.add(v),
            Arg::Text(v) => out.add(v),
            Arg::Bytes(v) => out.add(v),
            Arg::Time(v) => out.add(v.map(unix_micros).transpose()?),
        };
        added.map_err(|e| Error::Storage(format!("cannot bind a query argument: {e}")))?;
    }
    Ok(out)
}

async fn execute<'c>(e: impl SqliteExecutor<'c>, q: Q<'_>) -> Result<u64, Error> {
    let args = arguments(q.args)?;
    sqlx::query_with(&q.sql, args).execute(e).await.map(|r| r.rows_affected()).map_err(db_err)
}

async fn fetch_all<'c, R: AnyRow>(e: impl SqliteExecutor<'c>, q: Q<'_>) -> Result<Vec<R>, Error> {
    let args = arguments(q.args)?;
    sqlx::query_as_with(&q.sql, args).fetch_all(e).await.map_err(db_err)
}

async fn fetch_optional<'c, R: AnyRow>(e: impl SqliteExecutor<'c>, q: Q<'_>) -> Result<Option<R>, Error> {
    let args = arguments(q.args)?;
    sqlx::query_as_with(&q.sql, args).fetch_optional(e).await.map_err(db_err)
}

#[async_trait]
impl Exec for SqliteAuto {
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
impl Exec for SqliteTx {
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
impl Tx for SqliteTx {
    async fn commit(self) -> Result<(), Error> {
        self.0.commit().await.map_err(db_err)
    }
    async fn rollback(self) -> Result<(), Error> {
        self.0.rollback().await.map_err(db_err)
    }
}

impl Type<Sqlite> for Ts {
    fn type_info() -> SqliteTypeInfo {
        <i64 as Type<Sqlite>>::type_info()
    }
    fn compatible(ty: &SqliteTypeInfo) -> bool {
        <i64 as Type<Sqlite>>::compatible(ty)
    }
}

impl<'r> Decode<'r, Sqlite> for Ts {
    fn decode(value: SqliteValueRef<'r>) -> Result<Self, BoxDynError> {
        let micros = <i64 as Decode<Sqlite>>::decode(value)?;
        Ok(Ts(OffsetDateTime::from_unix_timestamp_nanos(i128::from(micros) * 1000)?))
    }
}
