//! People and access: the first administrator (one-time setup token), sign-in, API tokens,
//! and the role check every organisation-scoped service call goes through.

use super::Ctx;
use crate::crypto::{hash_password, new_token, token_hash, verify_password};
use crate::ids::{OrgId, TokenId, UserId};
use crate::model::{Actor, ApiToken, Membership, Role, User};
use crate::Error;

/// The setting holding the hash of the one-time setup token.
const SETUP_TOKEN: &str = "setup_token_hash";

/// On first start (no users), creates a one-time setup token and returns it; `None` after.
pub async fn ensure_setup_token(ctx: &Ctx) -> Result<Option<String>, Error> {
    if ctx.store.count_users().await? > 0 {
        return Ok(None);
    }
    let token = new_token(&mut rand::rngs::OsRng);
    ctx.store.put_setting(SETUP_TOKEN, &token_hash(&token)).await?;
    Ok(Some(token))
}

/// Creates the first administrator with the setup token (which then stops working).
pub async fn create_first_admin(
    ctx: &Ctx,
    setup_token: &str,
    email: &str,
    name: &str,
    password: &str,
) -> Result<User, Error> {
    let stored = ctx.store.take_setting(SETUP_TOKEN).await?.ok_or(Error::Forbidden("setup is already done"))?;
    if stored != token_hash(setup_token) {
        // Put it back: a wrong guess must not burn the real token.
        ctx.store.put_setting(SETUP_TOKEN, &stored).await?;
        return Err(Error::Unauthorized);
    }
    create_user(ctx, email, name, password, true).await
}

/// Creates a user (email trimmed and lower-cased; password at least 10 characters).
pub async fn create_user(ctx: &Ctx, email: &str, name: &str, password: &str, is_admin: bool) -> Result<User, Error> {
    let email = email.trim().to_lowercase();
    if !email.contains('@') || email.len() > 254 {
        return Err(Error::invalid("email", "is not an email address"));
    }
    if password.chars().count() < 10 {
        return Err(Error::invalid("password", "must be at least 10 characters"));
    }
    let user = User {
        id: UserId::new_random(),
        email,
        display_name: name.trim().to_string(),
        password_hash: hash_password(&mut rand::rngs::OsRng, password)?,
        is_admin,
        created_at: ctx.clock.now(),
    };
    ctx.store.create_user(&user).await?;
    Ok(user)
}

/// Checks a password; the same error, after the same work, whether the email or the password
/// is wrong (an unknown email is checked against a decoy hash so timing does not tell).
pub async fn sign_in(ctx: &Ctx, email: &str, password: &str) -> Result<User, Error> {
    let user = ctx.store.get_user_by_email(&email.trim().to_lowercase()).await;
    match user {
        Ok(u) if verify_password(password, &u.password_hash) => Ok(u),
        Ok(_) => Err(Error::Unauthorized),
        Err(Error::NotFound { .. }) => {
            let _ = verify_password(password, decoy_hash());
            Err(Error::Unauthorized)
        }
        Err(e) => Err(e),
    }
}

/// A password hash of a random secret, made once, with the same parameters as real ones.
fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_password(&mut rand::rngs::OsRng, &new_token(&mut rand::rngs::OsRng)).unwrap_or_default())
}

/// Creates an API token for `org` acting with at most `role`; returns the secret once.
pub async fn create_token(
    ctx: &Ctx,
    actor: &Actor,
    org: OrgId,
    name: &str,
    role: Role,
) -> Result<(ApiToken, String), Error> {
    require(ctx, actor, org, Role::Owner).await?;
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(Error::invalid("name", "must be 1 to 100 characters"));
    }
    let secret = new_token(&mut rand::rngs::OsRng);
    let token = ApiToken {
        id: TokenId::new_random(),
        org_id: org,
        user_id: actor.user_id,
        name: name.to_string(),
        token_hash: token_hash(&secret),
        role,
        created_at: ctx.clock.now(),
        revoked: false,
    };
    ctx.store.insert_token(&token).await?;
    Ok((token, secret))
}

/// The organisation's API tokens, revoked ones too, newest first (owners only).
pub async fn list_tokens(ctx: &Ctx, actor: &Actor, org: OrgId) -> Result<Vec<ApiToken>, Error> {
    require(ctx, actor, org, Role::Owner).await?;
    ctx.store.list_tokens(org).await
}

/// Revokes one of the organisation's API tokens (owners only); a token of another
/// organisation is `NotFound`. Revoking twice is fine.
pub async fn revoke_token(ctx: &Ctx, actor: &Actor, org: OrgId, token: TokenId) -> Result<ApiToken, Error> {
    require(ctx, actor, org, Role::Owner).await?;
    let mut found = ctx
        .store
        .list_tokens(org)
        .await?
        .into_iter()
        .find(|t| t.id == token)
        .ok_or(Error::NotFound { what: "API token" })?;
    ctx.store.revoke_token(token).await?;
    found.revoked = true;
    tracing::info!(org.id = %org, token.id = %token, "API token revoked");
    Ok(found)
}

/// Resolves a bearer token to its actor, organisation and role.
pub async fn authenticate_token(ctx: &Ctx, secret: &str) -> Result<(Actor, OrgId, Role), Error> {
    let token = ctx.store.get_token_by_hash(&token_hash(secret)).await.map_err(|_| Error::Unauthorized)?;
    if token.revoked {
        return Err(Error::Unauthorized);
    }
    let user = ctx.store.get_user(token.user_id).await.map_err(|_| Error::Unauthorized)?;
    // A token never does more than its creator may still do.
    let member = ctx.store.get_membership(user.id, token.org_id).await?.map(|m| m.role);
    let role = match member {
        Some(r) => r.min(token.role),
        None if user.is_admin => token.role,
        None => return Err(Error::Unauthorized),
    };
    Ok((Actor { user_id: user.id, is_admin: user.is_admin }, token.org_id, role))
}

/// The actor's role in `org`, or `Forbidden` when below `needed`. Administrators are owners
/// of every organisation.
pub async fn require(ctx: &Ctx, actor: &Actor, org: OrgId, needed: Role) -> Result<Role, Error> {
    let role = if actor.is_admin {
        Role::Owner
    } else {
        ctx.store
            .get_membership(actor.user_id, org)
            .await?
            .map(|m| m.role)
            .ok_or(Error::NotFound { what: "organisation" })?
    };
    if role.allows(needed) {
        Ok(role)
    } else {
        Err(Error::Forbidden("your role in this organisation does not allow this"))
    }
}

/// Adds or changes a member (owners only).
pub async fn set_member(ctx: &Ctx, actor: &Actor, org: OrgId, user: UserId, role: Role) -> Result<(), Error> {
    require(ctx, actor, org, Role::Owner).await?;
    ctx.store.set_membership(&Membership { user_id: user, org_id: org, role }).await
}

/// Removes the member with this email address (owners only). Their API tokens stop working
/// with the membership; the last owner cannot be removed.
pub async fn remove_member_by_email(ctx: &Ctx, actor: &Actor, org: OrgId, email: &str) -> Result<(), Error> {
    require(ctx, actor, org, Role::Owner).await?;
    let members = ctx.store.list_org_members(org).await?;
    let email = email.trim().to_lowercase();
    let Some((user, role)) = members.iter().find(|(u, _)| u.email == email) else {
        return Err(Error::invalid("email", "is not a member of this organisation"));
    };
    if *role == Role::Owner && members.iter().filter(|(_, r)| *r == Role::Owner).count() == 1 {
        return Err(Error::invalid("email", "is the last owner: make someone else owner first"));
    }
    ctx.store.remove_membership(user.id, org).await?;
    tracing::info!(org.id = %org, user.id = %user.id, "membership removed");
    Ok(())
}

/// Adds or changes the member with this email address (owners only); the account must exist.
pub async fn set_member_by_email(
    ctx: &Ctx,
    actor: &Actor,
    org: OrgId,
    email: &str,
    role: Role,
) -> Result<Membership, Error> {
    require(ctx, actor, org, Role::Owner).await?;
    let user = match ctx.store.get_user_by_email(&email.trim().to_lowercase()).await {
        Ok(u) => u,
        Err(Error::NotFound { .. }) => return Err(Error::invalid("email", "no account has this email address")),
        Err(e) => return Err(e),
    };
    let m = Membership { user_id: user.id, org_id: org, role };
    ctx.store.set_membership(&m).await?;
    tracing::info!(org.id = %org, user.id = %user.id, role = role.as_str(), "membership set");
    Ok(m)
}
