//! Browser sessions and earner accounts: the web interface's sign-in, sign-up and sign-out.
//! The cookie carries a random secret; the store keeps its hash and an anti-forgery token.

use time::Duration;

use super::{auth, Ctx};
use crate::crypto::{new_token, token_hash};
use crate::model::{Session, User};
use crate::Error;

/// How long a session lasts.
pub const SESSION_LIFETIME: Duration = Duration::days(14);

/// A session just started: the cookie secret (shown once) and the stored record.
#[derive(Debug)]
pub struct Started {
    /// The cookie value.
    pub secret: String,
    /// What the store holds.
    pub session: Session,
}

/// Starts a session for a user who has just proved who they are.
pub async fn start(ctx: &Ctx, user: &User) -> Result<Started, Error> {
    let secret = new_token(&mut rand::rngs::OsRng);
    let now = ctx.clock.now();
    let session = Session {
        id_hash: token_hash(&secret),
        user_id: user.id,
        csrf: new_token(&mut rand::rngs::OsRng),
        created_at: now,
        expires_at: now + SESSION_LIFETIME,
    };
    ctx.store.insert_session(&session).await?;
    // Sweep on sign-in: expired rows go without a background task (indexed; usually none).
    let swept = ctx.store.delete_expired_sessions(now).await?;
    if swept > 0 {
        tracing::debug!(swept, "expired sessions removed");
    }
    Ok(Started { secret, session })
}

/// The user and session behind a cookie secret; `Unauthorized` when unknown or expired.
pub async fn resume(ctx: &Ctx, secret: &str) -> Result<(User, Session), Error> {
    let session = match ctx.store.get_session(&token_hash(secret), ctx.clock.now()).await {
        Ok(s) => s,
        Err(Error::NotFound { .. }) => return Err(Error::Unauthorized),
        Err(e) => return Err(e),
    };
    let user = ctx.store.get_user(session.user_id).await.map_err(|_| Error::Unauthorized)?;
    Ok((user, session))
}

/// Ends a session (idempotent).
pub async fn end_by_hash(ctx: &Ctx, id_hash: &str) -> Result<(), Error> {
    ctx.store.delete_session(id_hash).await
}

/// Signs in with email and password and starts a session.
pub async fn sign_in(ctx: &Ctx, email: &str, password: &str) -> Result<(User, Started), Error> {
    let user = auth::sign_in(ctx, email, password).await?;
    let started = start(ctx, &user).await?;
    Ok((user, started))
}

/// Creates an earner account (no organisation, not an administrator) and starts a session.
pub async fn sign_up(ctx: &Ctx, email: &str, name: &str, password: &str) -> Result<(User, Started), Error> {
    if name.trim().is_empty() {
        return Err(Error::invalid("name", "is required"));
    }
    let user = match auth::create_user(ctx, email, name, password, false).await {
        Err(Error::Conflict(_)) => {
            return Err(Error::invalid("email", "an account with this email address exists: sign in instead"))
        }
        other => other?,
    };
    let started = start(ctx, &user).await?;
    Ok((user, started))
}
