use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::ids::{OrgId, TokenId, UserId};
use crate::Error;

/// A person who signs in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    /// Id.
    pub id: UserId,
    /// Email, trimmed and lower-cased.
    pub email: String,
    /// Name shown in the console.
    pub display_name: String,
    /// argon2id PHC string.
    pub password_hash: String,
    /// Instance administrator (may create organisations).
    pub is_admin: bool,
    /// Created.
    pub created_at: OffsetDateTime,
}

/// What a member of an organisation may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Read only.
    Viewer,
    /// Reviews evidence.
    Reviewer,
    /// Issues, revokes, suspends.
    Issuer,
    /// Everything, including members, keys and settings.
    Owner,
}

impl Role {
    /// Parses `owner|issuer|reviewer|viewer`.
    pub fn parse(s: &str) -> Result<Self, Error> {
        match s {
            "owner" => Ok(Role::Owner),
            "issuer" => Ok(Role::Issuer),
            "reviewer" => Ok(Role::Reviewer),
            "viewer" => Ok(Role::Viewer),
            _ => Err(Error::invalid("role", "must be owner, issuer, reviewer or viewer")),
        }
    }

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::Issuer => "issuer",
            Role::Reviewer => "reviewer",
            Role::Viewer => "viewer",
        }
    }

    /// Whether this role includes `needed`.
    pub fn allows(self, needed: Role) -> bool {
        self >= needed
    }
}

/// A user's role in an organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    /// User.
    pub user_id: UserId,
    /// Organisation.
    pub org_id: OrgId,
    /// Role.
    pub role: Role,
}

/// An API token: the secret is shown once; only its hash is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiToken {
    /// Id.
    pub id: TokenId,
    /// The organisation it acts for.
    pub org_id: OrgId,
    /// Who created it.
    pub user_id: UserId,
    /// Label.
    pub name: String,
    /// SHA-256 (hex) of the secret.
    pub token_hash: String,
    /// The most it may do.
    pub role: Role,
    /// Created.
    pub created_at: OffsetDateTime,
    /// Revoked tokens no longer authenticate.
    pub revoked: bool,
}

/// Who is acting: a signed-in user or a token, resolved to a role in one organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The user (a token acts for its creator).
    pub user_id: UserId,
    /// Instance administrator.
    pub is_admin: bool,
}

/// A browser session: the cookie holds a random secret; only its hash is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// SHA-256 (hex) of the cookie secret.
    pub id_hash: String,
    /// Who is signed in.
    pub user_id: UserId,
    /// The anti-forgery token every form of this session carries.
    pub csrf: String,
    /// Started.
    pub created_at: OffsetDateTime,
    /// No longer valid after.
    pub expires_at: OffsetDateTime,
}
