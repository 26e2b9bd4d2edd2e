//! Browser sessions (hashed secrets; the web layer holds the cookie).

use cairn_core::ids::UserId;
use cairn_core::model::Session;
use cairn_core::Error;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::backend::{Backend, Exec, Ts, Q};

#[derive(sqlx::FromRow)]
struct SessionRow {
    id_hash: String,
    user_id: Uuid,
    csrf: String,
    created_at: Ts,
    expires_at: Ts,
}

pub(crate) async fn insert_session<B: Backend>(db: &B, s: &Session) -> Result<(), Error> {
    let q = Q::new("INSERT INTO sessions (id_hash, user_id, csrf, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(s.id_hash.as_str())
        .bind(s.user_id.0)
        .bind(s.csrf.as_str())
        .bind(s.created_at)
        .bind(s.expires_at);
    db.auto().execute(q).await.map(drop)
}

pub(crate) async fn get_session<B: Backend>(db: &B, id_hash: &str, now: OffsetDateTime) -> Result<Session, Error> {
    let q = Q::new(
        "SELECT id_hash, user_id, csrf, created_at, expires_at FROM sessions WHERE id_hash = $1 AND expires_at > $2",
    )
    .bind(id_hash)
    .bind(now);
    let row: Option<SessionRow> = db.auto().fetch_optional(q).await?;
    row.map(|r| Session {
        id_hash: r.id_hash,
        user_id: UserId(r.user_id),
        csrf: r.csrf,
        created_at: r.created_at.0,
        expires_at: r.expires_at.0,
    })
    .ok_or(Error::NotFound { what: "session" })
}

pub(crate) async fn delete_session<B: Backend>(db: &B, id_hash: &str) -> Result<(), Error> {
    db.auto().execute(Q::new("DELETE FROM sessions WHERE id_hash = $1").bind(id_hash)).await.map(drop)
}

pub(crate) async fn delete_expired_sessions<B: Backend>(db: &B, now: OffsetDateTime) -> Result<u64, Error> {
    db.auto().execute(Q::new("DELETE FROM sessions WHERE expires_at <= $1").bind(now)).await
}
