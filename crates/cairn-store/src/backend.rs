//! The one seam between Cairn's SQL and the two databases. Queries are written once, with
//! `$n` placeholders (SQLite accepts them too), as a [`Q`]: SQL text plus [`Arg`]s. A
//! [`Backend`] binds those arguments with its database's types (a time is a TIMESTAMPTZ in
//! PostgreSQL, microseconds in SQLite), runs them on its pool or in a write transaction,
//! and supplies the few clauses that differ (row locks).

pub(crate) mod postgres;
pub(crate) mod sqlite;

use std::borrow::Cow;

use async_trait::async_trait;
use cairn_core::Error;
use sqlx::postgres::PgRow;
use sqlx::sqlite::SqliteRow;
use sqlx::FromRow;
use time::OffsetDateTime;
use uuid::Uuid;

/// One bound value, in the shapes Cairn's tables use.
#[derive(Debug, Clone)]
pub enum Arg<'a> {
    /// A UUID (BLOB in SQLite).
    Uuid(Option<Uuid>),
    /// An integer (BIGINT, or INTEGER where the column is).
    Int(Option<i64>),
    /// A 32-bit integer (achievement versions: INTEGER in PostgreSQL).
    Int32(i32),
    /// A boolean.
    Bool(bool),
    /// Text.
    Text(Option<Cow<'a, str>>),
    /// Bytes.
    Bytes(&'a [u8]),
    /// A point in time.
    Time(Option<OffsetDateTime>),
}

macro_rules! arg_from {
    ($($t:ty => |$v:ident| $e:expr),* $(,)?) => {
        $(impl<'a> From<$t> for Arg<'a> {
            fn from($v: $t) -> Self {
                $e
            }
        })*
    };
}

arg_from! {
    Uuid => |v| Arg::Uuid(Some(v)),
    Option<Uuid> => |v| Arg::Uuid(v),
    i64 => |v| Arg::Int(Some(v)),
    Option<i64> => |v| Arg::Int(v),
    u32 => |v| Arg::Int(Some(i64::from(v))),
    Option<u32> => |v| Arg::Int(v.map(i64::from)),
    i32 => |v| Arg::Int32(v),
    bool => |v| Arg::Bool(v),
    &'a str => |v| Arg::Text(Some(Cow::Borrowed(v))),
    String => |v| Arg::Text(Some(Cow::Owned(v))),
    Option<&'a str> => |v| Arg::Text(v.map(Cow::Borrowed)),
    Option<String> => |v| Arg::Text(v.map(Cow::Owned)),
    &'a [u8] => |v| Arg::Bytes(v),
    OffsetDateTime => |v| Arg::Time(Some(v)),
    Option<OffsetDateTime> => |v| Arg::Time(v),
}

/// A query: SQL text and its arguments, `$1` first.
#[derive(Debug)]
pub struct Q<'a> {
    /// The SQL.
    pub sql: Cow<'a, str>,
    /// The arguments.
    pub args: Vec<Arg<'a>>,
}

impl<'a> Q<'a> {
    /// A query without arguments yet.
    pub fn new(sql: impl Into<Cow<'a, str>>) -> Self {
        Self { sql: sql.into(), args: Vec::new() }
    }

    /// Adds the next argument.
    pub fn bind(mut self, arg: impl Into<Arg<'a>>) -> Self {
        self.args.push(arg.into());
        self
    }

    /// Adds the next argument in place (for loops).
    pub fn push(&mut self, arg: impl Into<Arg<'a>>) {
        self.args.push(arg.into());
    }
}

/// A row struct both backends can decode.
pub trait AnyRow: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin + 'static {}
impl<T> AnyRow for T where T: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin + 'static {}

/// Runs queries: on the pool (each statement its own transaction) or in a transaction.
#[async_trait]
pub trait Exec: Send {
    /// Runs a statement; returns the number of rows it changed.
    async fn execute(&mut self, q: Q<'_>) -> Result<u64, Error>;
    /// Every row a query returns.
    async fn fetch_all<R: AnyRow>(&mut self, q: Q<'_>) -> Result<Vec<R>, Error>;
    /// The first row a query returns, if any.
    async fn fetch_optional<R: AnyRow>(&mut self, q: Q<'_>) -> Result<Option<R>, Error>;
}

/// A write transaction: dropped without `commit`, it rolls back.
#[async_trait]
pub trait Tx: Exec {
    /// Commits.
    async fn commit(self) -> Result<(), Error>;
    /// Rolls back.
    async fn rollback(self) -> Result<(), Error>;
}

/// A database Cairn can run on.
#[async_trait]
pub trait Backend: Send + Sync + 'static {
    /// Runs statements on the pool.
    type Auto: Exec;
    /// A write transaction.
    type Tx: Tx;
    /// Appended to a `SELECT` that reads a row the transaction will change, so concurrent
    /// writers queue (SQLite needs nothing: `BEGIN IMMEDIATE` already holds the write lock).
    const FOR_UPDATE: &'static str;
    /// Appended to the `SELECT` that picks rows to lease, so several servers lease
    /// different rows without waiting for each other.
    const SKIP_LOCKED: &'static str;
    /// The most bind parameters one statement may have.
    const MAX_PARAMS: usize;
    /// Refresh planner statistics after a bulk load, so that the first batches of a fresh
    /// job are planned with real row counts (PostgreSQL: `ANALYZE`).
    const ANALYZE_AFTER_BULK_LOAD: bool;
    /// `bulk_rows` as read by queries that want its pending rows: SQLite, without
    /// statistics, would otherwise walk the whole job through the primary key.
    const PENDING_BULK_ROWS: &'static str;

    /// `<column> <this>`: membership in the rows a subquery picks. PostgreSQL gets
    /// `= ANY(ARRAY(…))`, which it answers with index lookups, where `IN (…)` would make it
    /// hash-join the whole table.
    fn in_subquery(subquery: &str) -> String;

    /// The UTC day of a time column, as days since 1970-01-01 (a BIGINT).
    fn epoch_day(column: &str) -> String;

    /// Placeholder number `n` in a statement whose arguments are bound strictly in order,
    /// once each: `$n`, or `?` for SQLite, whose lookup of numbered or named parameters is
    /// linear (binding a 10,000-parameter insert would take quadratic time).
    fn param(n: usize) -> String;

    /// The pool, for single statements.
    fn auto(&self) -> Self::Auto;
    /// Starts a write transaction (SQLite: `BEGIN IMMEDIATE`, so a transaction that reads
    /// before it writes never fails to upgrade its lock).
    async fn begin(&self) -> Result<Self::Tx, Error>;
}

/// `($k, $k+1, …), (…)` (see [`Backend::param`]): placeholders for `rows` rows of `cols`
/// values, numbered from `first`.
pub fn values<B: Backend>(rows: usize, cols: usize, first: usize) -> String {
    let mut s = String::with_capacity(rows * cols * 6);
    for r in 0..rows {
        s.push_str(if r == 0 { "(" } else { ",(" });
        for c in 0..cols {
            if c > 0 {
                s.push(',');
            }
            s.push_str(&B::param(first + r * cols + c));
        }
        s.push(')');
    }
    s
}

/// How many rows of `cols` values one multi-row statement of backend `B` may carry.
pub fn rows_per_statement<B: Backend>(cols: usize) -> usize {
    (B::MAX_PARAMS / cols.max(1)).clamp(1, 2000)
}

/// A time as stored in SQLite: microseconds since the Unix epoch (PostgreSQL's precision).
pub fn unix_micros(t: OffsetDateTime) -> Result<i64, Error> {
    i64::try_from(t.unix_timestamp_nanos().div_euclid(1000))
        .map_err(|_| Error::invalid("time", "is outside the range the database can store"))
}

/// A time read back: TIMESTAMPTZ from PostgreSQL, microseconds from SQLite; always UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ts(pub OffsetDateTime);

impl From<Ts> for OffsetDateTime {
    fn from(t: Ts) -> Self {
        t.0
    }
}
