//! Database errors as domain errors: a unique violation is `Conflict` (naming what is
//! taken), a missing referenced row `NotFound`, anything else `Storage` with a message fit
//! for logs: the database's message and code, never the connection URL or a password.

use cairn_core::Error;
use sqlx::error::{DatabaseError, ErrorKind};

/// Maps a sqlx error to Cairn's.
pub(crate) fn db_err(e: sqlx::Error) -> Error {
    match e {
        sqlx::Error::Database(d) => match d.kind() {
            ErrorKind::UniqueViolation => Error::Conflict(conflict_message(d.as_ref()).into()),
            ErrorKind::ForeignKeyViolation => Error::NotFound { what: "referenced record" },
            _ => Error::Storage(format!("database error {}: {}", d.code().unwrap_or_default(), d.message())),
        },
        sqlx::Error::RowNotFound => Error::NotFound { what: "record" },
        sqlx::Error::PoolTimedOut => Error::Storage("timed out waiting for a database connection".into()),
        sqlx::Error::PoolClosed => Error::Storage("the database pool is closed".into()),
        sqlx::Error::Io(io) => Error::Storage(format!("database connection failed: {io}")),
        sqlx::Error::Tls(_) => Error::Storage("TLS with the database failed".into()),
        // Parse errors of the URL name the part at fault, never the URL itself.
        sqlx::Error::Configuration(c) => Error::Storage(format!("invalid database configuration: {c}")),
        sqlx::Error::Migrate(m) => Error::Storage(format!("database migration failed: {m}")),
        other => Error::Storage(other.to_string()),
    }
}

/// What a unique violation means, from the constraint (PostgreSQL) or the columns SQLite
/// names in its message.
fn conflict_message(d: &dyn DatabaseError) -> &'static str {
    let what = d.constraint().unwrap_or_else(|| d.message());
    let table = [
        ("idempotency", "the idempotency key was already used by this organisation"),
        ("job_row", "this bulk job row already has a credential"),
        ("slug", "an organisation with this slug exists"),
        ("users", "a user with this email exists"),
        ("token_hash", "an API token with this secret exists"),
        ("achievements", "this achievement version exists"),
    ];
    table.iter().find(|(key, _)| what.contains(key)).map_or("the record already exists", |(_, msg)| msg)
}
