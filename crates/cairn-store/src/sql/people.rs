//! Users, memberships, API tokens and instance settings.

use cairn_core::ids::{OrgId, TokenId, UserId};
use cairn_core::model::{ApiToken, Membership, Role, User};
use cairn_core::Error;
use uuid::Uuid;

use super::{corrupt, to_u64};
use crate::backend::{Backend, Exec, Ts, Q};

const USER_COLUMNS: &str = "id, email, display_name, password_hash, is_admin, created_at";

#[derive(sqlx::FromRow)]
pub(crate) struct UserRow {
    id: Uuid,
    email: String,
    display_name: String,
    password_hash: String,
    is_admin: bool,
    created_at: Ts,
}

impl From<UserRow> for User {
    fn from(r: UserRow) -> Self {
        User {
            id: UserId(r.id),
            email: r.email,
            display_name: r.display_name,
            password_hash: r.password_hash,
            is_admin: r.is_admin,
            created_at: r.created_at.0,
        }
    }
}

pub(crate) async fn create_user<B: Backend>(db: &B, user: &User) -> Result<(), Error> {
    let q = Q::new(format!("INSERT INTO users ({USER_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)"))
        .bind(user.id.0)
        .bind(user.email.to_lowercase())
        .bind(user.display_name.as_str())
        .bind(user.password_hash.as_str())
        .bind(user.is_admin)
        .bind(user.created_at);
    db.auto().execute(q).await.map(drop)
}

pub(crate) async fn get_user<B: Backend>(db: &B, id: UserId) -> Result<User, Error> {
    let q = Q::new(format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1")).bind(id.0);
    let row: Option<UserRow> = db.auto().fetch_optional(q).await?;
    row.map(User::from).ok_or(Error::NotFound { what: "user" })
}

pub(crate) async fn get_user_by_email<B: Backend>(db: &B, email: &str) -> Result<User, Error> {
    let q = Q::new(format!("SELECT {USER_COLUMNS} FROM users WHERE email = $1")).bind(email.trim().to_lowercase());
    let row: Option<UserRow> = db.auto().fetch_optional(q).await?;
    row.map(User::from).ok_or(Error::NotFound { what: "user" })
}

pub(crate) async fn count_users<B: Backend>(db: &B) -> Result<u64, Error> {
    let row: Option<(i64,)> = db.auto().fetch_optional(Q::new("SELECT COUNT(*) FROM users")).await?;
    to_u64(row.map_or(0, |r| r.0))
}

#[derive(sqlx::FromRow)]
pub(crate) struct MembershipRow {
    user_id: Uuid,
    org_id: Uuid,
    role: String,
}

impl MembershipRow {
    fn into_membership(self) -> Result<Membership, Error> {
        let role = Role::parse(&self.role).map_err(|_| corrupt("membership role"))?;
        Ok(Membership { user_id: UserId(self.user_id), org_id: OrgId(self.org_id), role })
    }
}

pub(crate) async fn set_membership<B: Backend>(db: &B, m: &Membership) -> Result<(), Error> {
    let q = Q::new(
        "INSERT INTO memberships (user_id, org_id, role) VALUES ($1, $2, $3) \
         ON CONFLICT (user_id, org_id) DO UPDATE SET role = excluded.role",
    )
    .bind(m.user_id.0)
    .bind(m.org_id.0)
    .bind(m.role.as_str());
    db.auto().execute(q).await.map(drop)
}

pub(crate) async fn remove_membership<B: Backend>(db: &B, user: UserId, org: OrgId) -> Result<bool, Error> {
    let q = Q::new("DELETE FROM memberships WHERE user_id = $1 AND org_id = $2").bind(user.0).bind(org.0);
    Ok(db.auto().execute(q).await? > 0)
}

pub(crate) async fn get_membership<B: Backend>(db: &B, user: UserId, org: OrgId) -> Result<Option<Membership>, Error> {
    let q = Q::new("SELECT user_id, org_id, role FROM memberships WHERE user_id = $1 AND org_id = $2")
        .bind(user.0)
        .bind(org.0);
    let row: Option<MembershipRow> = db.auto().fetch_optional(q).await?;
    row.map(MembershipRow::into_membership).transpose()
}

pub(crate) async fn list_memberships<B: Backend>(db: &B, user: UserId) -> Result<Vec<Membership>, Error> {
    let q = Q::new(
        "SELECT m.user_id, m.org_id, m.role FROM memberships m JOIN orgs o ON o.id = m.org_id \
         WHERE m.user_id = $1 ORDER BY o.name, o.slug",
    )
    .bind(user.0);
    let rows: Vec<MembershipRow> = db.auto().fetch_all(q).await?;
    rows.into_iter().map(MembershipRow::into_membership).collect()
}

#[derive(sqlx::FromRow)]
pub(crate) struct MemberRow {
    #[sqlx(flatten)]
    user: UserRow,
    role: String,
}

pub(crate) async fn list_org_members<B: Backend>(db: &B, org: OrgId) -> Result<Vec<(User, Role)>, Error> {
    let q = Q::new(
        "SELECT u.id, u.email, u.display_name, u.password_hash, u.is_admin, u.created_at, m.role \
         FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.org_id = $1 ORDER BY u.display_name, u.email",
    )
    .bind(org.0);
    let rows: Vec<MemberRow> = db.auto().fetch_all(q).await?;
    rows.into_iter()
        .map(|r| Ok((User::from(r.user), Role::parse(&r.role).map_err(|_| corrupt("membership role"))?)))
        .collect()
}

const TOKEN_COLUMNS: &str = "id, org_id, user_id, name, token_hash, role, created_at, revoked";

#[derive(sqlx::FromRow)]
pub(crate) struct TokenRow {
    id: Uuid,
    org_id: Uuid,
    user_id: Uuid,
    name: String,
    token_hash: String,
    role: String,
    created_at: Ts,
    revoked: bool,
}

impl TokenRow {
    fn into_token(self) -> Result<ApiToken, Error> {
        Ok(ApiToken {
            id: TokenId(self.id),
            org_id: OrgId(self.org_id),
            user_id: UserId(self.user_id),
            name: self.name,
            token_hash: self.token_hash,
            role: Role::parse(&self.role).map_err(|_| corrupt("token role"))?,
            created_at: self.created_at.0,
            revoked: self.revoked,
        })
    }
}

pub(crate) async fn insert_token<B: Backend>(db: &B, t: &ApiToken) -> Result<(), Error> {
    let q = Q::new(format!("INSERT INTO api_tokens ({TOKEN_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"))
        .bind(t.id.0)
        .bind(t.org_id.0)
        .bind(t.user_id.0)
        .bind(t.name.as_str())
        .bind(t.token_hash.as_str())
        .bind(t.role.as_str())
        .bind(t.created_at)
        .bind(t.revoked);
    db.auto().execute(q).await.map(drop)
}

pub(crate) async fn get_token_by_hash<B: Backend>(db: &B, hash: &str) -> Result<ApiToken, Error> {
    let q = Q::new(format!("SELECT {TOKEN_COLUMNS} FROM api_tokens WHERE token_hash = $1")).bind(hash);
    let row: Option<TokenRow> = db.auto().fetch_optional(q).await?;
    row.ok_or(Error::NotFound { what: "API token" })?.into_token()
}

pub(crate) async fn revoke_token<B: Backend>(db: &B, id: TokenId) -> Result<(), Error> {
    match db.auto().execute(Q::new("UPDATE api_tokens SET revoked = $2 WHERE id = $1").bind(id.0).bind(true)).await? {
        0 => Err(Error::NotFound { what: "API token" }),
        _ => Ok(()),
    }
}

pub(crate) async fn list_tokens<B: Backend>(db: &B, org: OrgId) -> Result<Vec<ApiToken>, Error> {
    let q = Q::new(format!("SELECT {TOKEN_COLUMNS} FROM api_tokens WHERE org_id = $1 ORDER BY created_at DESC, id"))
        .bind(org.0);
    let rows: Vec<TokenRow> = db.auto().fetch_all(q).await?;
    rows.into_iter().map(TokenRow::into_token).collect()
}

pub(crate) async fn put_setting<B: Backend>(db: &B, key: &str, value: &str) -> Result<(), Error> {
    let q = Q::new(
        "INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(key)
    .bind(value);
    db.auto().execute(q).await.map(drop)
}

pub(crate) async fn get_setting<B: Backend>(db: &B, key: &str) -> Result<Option<String>, Error> {
    let row: Option<(String,)> =
        db.auto().fetch_optional(Q::new("SELECT value FROM settings WHERE key = $1").bind(key)).await?;
    Ok(row.map(|r| r.0))
}

pub(crate) async fn take_setting<B: Backend>(db: &B, key: &str) -> Result<Option<String>, Error> {
    // One statement: the row is gone for everyone once one caller has read it.
    let q = Q::new("DELETE FROM settings WHERE key = $1 RETURNING value").bind(key);
    let row: Option<(String,)> = db.auto().fetch_optional(q).await?;
    Ok(row.map(|r| r.0))
}

pub(crate) async fn setting_keys_with_prefix<B: Backend>(
    db: &B,
    prefix: &str,
    limit: u32,
) -> Result<Vec<String>, Error> {
    // LIKE with the prefix's own wildcards escaped; `!` is the escape character on both databases.
    let pattern = format!("{}%", prefix.replace('!', "!!").replace('%', "!%").replace('_', "!_"));
    let q = Q::new("SELECT key FROM settings WHERE key LIKE $1 ESCAPE '!' ORDER BY key LIMIT $2")
        .bind(pattern)
        .bind(i64::from(limit));
    let rows: Vec<(String,)> = db.auto().fetch_all(q).await?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}
