//! The storage port. `cairn-store` implements it for SQLite and PostgreSQL; every method
//! appears in the conformance story test that runs on both.
//!
//! Rules every implementation keeps: writes that belong together happen in one transaction;
//! uniqueness (organisation slug, user email, idempotency key, bulk row, status index) is a
//! database constraint, so several Cairn servers may share one PostgreSQL database; a
//! missing row is `Error::NotFound`, a broken constraint `Error::Conflict`.

use async_trait::async_trait;
use time::OffsetDateTime;

use crate::ids::{
    AchievementId, CollectionId, CredentialId, JobId, KeyId, OrgId, StatusListId, TokenId, UserId, WalletItemId,
};
use crate::model::{
    Achievement, Activity, ApiToken, BulkJob, BulkRow, Collection, CredentialRecord, DayActivity, Delivery, EventKind,
    Membership, Organization, Role, Session, SigningKeyRecord, StatusListRecord, StatusPurpose, User, WalletItem,
};
use crate::Error;

/// Filters for listing credentials.
#[derive(Debug, Clone, Default)]
pub struct CredentialQuery {
    /// Only this achievement.
    pub achievement_id: Option<AchievementId>,
    /// Only this bulk job.
    pub job_id: Option<JobId>,
    /// Substring of the recipient email or DID.
    pub recipient: Option<String>,
    /// `Some(true)`: only revoked; `Some(false)`: only not revoked.
    pub revoked: Option<bool>,
    /// `Some(true)`: only suspended; `Some(false)`: only not suspended.
    pub suspended: Option<bool>,
    /// Page size (at most 500).
    pub limit: u32,
    /// Rows to skip.
    pub offset: u32,
    /// Only credentials stored before this one (keyset paging: the last id of the previous
    /// page; unlike a large `offset`, it costs nothing to skip). An unknown id gives no rows.
    pub before: Option<crate::ids::CredentialId>,
}

/// A status change to apply atomically with the re-signing of its list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusChange {
    /// The credential.
    pub credential_id: CredentialId,
    /// Which list.
    pub purpose: StatusPurpose,
    /// Set (revoke/suspend) or clear (reinstate) the bit.
    pub set: bool,
    /// Reason (revocation).
    pub reason: Option<String>,
    /// When.
    pub at: OffsetDateTime,
}

/// Signs a status list's new state; called inside the store's transaction.
pub type ResignFn<'a> = dyn Fn(&StatusListRecord) -> Result<String, Error> + Send + Sync + 'a;

/// Everything Cairn keeps.
#[async_trait]
pub trait Store: Send + Sync + 'static {
    // --- organisations and their keys ---
    /// Creates an organisation (`Conflict` on a taken slug).
    async fn create_org(&self, org: &Organization) -> Result<(), Error>;
    /// Replaces an organisation's profile fields.
    async fn update_org(&self, org: &Organization) -> Result<(), Error>;
    /// One organisation.
    async fn get_org(&self, id: OrgId) -> Result<Organization, Error>;
    /// One organisation by slug.
    async fn get_org_by_slug(&self, slug: &str) -> Result<Organization, Error>;
    /// All organisations, by name.
    async fn list_orgs(&self) -> Result<Vec<Organization>, Error>;
    /// Adds a signing key.
    async fn insert_signing_key(&self, key: &SigningKeyRecord) -> Result<(), Error>;
    /// Marks every other key of the organisation retired (rotation).
    async fn retire_signing_keys(&self, org: OrgId, except: KeyId, at: OffsetDateTime) -> Result<(), Error>;
    /// The organisation's keys, oldest first (retired ones too: they still verify).
    async fn list_signing_keys(&self, org: OrgId) -> Result<Vec<SigningKeyRecord>, Error>;

    // --- people ---
    /// Creates a user (`Conflict` on a taken email).
    async fn create_user(&self, user: &User) -> Result<(), Error>;
    /// One user.
    async fn get_user(&self, id: UserId) -> Result<User, Error>;
    /// One user by (lower-cased) email.
    async fn get_user_by_email(&self, email: &str) -> Result<User, Error>;
    /// How many users exist (first-run detection).
    async fn count_users(&self) -> Result<u64, Error>;
    /// Creates or changes a membership.
    async fn set_membership(&self, m: &Membership) -> Result<(), Error>;
    /// A user's membership in an organisation.
    async fn get_membership(&self, user: UserId, org: OrgId) -> Result<Option<Membership>, Error>;
    /// Removes a user's membership of an organisation; whether there was one.
    async fn remove_membership(&self, user: UserId, org: OrgId) -> Result<bool, Error>;
    /// Every membership of a user.
    async fn list_memberships(&self, user: UserId) -> Result<Vec<Membership>, Error>;
    /// Every member of an organisation with their role, by name then email.
    async fn list_org_members(&self, org: OrgId) -> Result<Vec<(User, Role)>, Error>;
    /// Stores a token (hash only).
    async fn insert_token(&self, token: &ApiToken) -> Result<(), Error>;
    /// A token by the hash of its secret.
    async fn get_token_by_hash(&self, hash: &str) -> Result<ApiToken, Error>;
    /// Revokes a token.
    async fn revoke_token(&self, id: TokenId) -> Result<(), Error>;
    /// An organisation's tokens, revoked ones too, newest first.
    async fn list_tokens(&self, org: OrgId) -> Result<Vec<ApiToken>, Error>;
    /// Sets an instance setting.
    async fn put_setting(&self, key: &str, value: &str) -> Result<(), Error>;
    /// Reads an instance setting.
    async fn get_setting(&self, key: &str) -> Result<Option<String>, Error>;
    /// Reads and deletes an instance setting atomically (one-time tokens).
    async fn take_setting(&self, key: &str) -> Result<Option<String>, Error>;
    /// The keys of settings starting with `prefix`, in key order, at most `limit`.
    async fn setting_keys_with_prefix(&self, prefix: &str, limit: u32) -> Result<Vec<String>, Error>;
    /// Stores a browser session.
    async fn insert_session(&self, session: &Session) -> Result<(), Error>;
    /// A session by the hash of its secret, if not expired at `now`.
    async fn get_session(&self, id_hash: &str, now: OffsetDateTime) -> Result<Session, Error>;
    /// Ends a session (sign-out).
    async fn delete_session(&self, id_hash: &str) -> Result<(), Error>;
    /// Removes sessions expired at `now`; returns how many.
    async fn delete_expired_sessions(&self, now: OffsetDateTime) -> Result<u64, Error>;

    // --- achievements ---
    /// Stores a version (`Conflict` if that version exists).
    async fn insert_achievement(&self, a: &Achievement) -> Result<(), Error>;
    /// A version, or the latest when `version` is `None`.
    async fn get_achievement(&self, id: AchievementId, version: Option<i32>) -> Result<Achievement, Error>;
    /// The latest version of each of an organisation's achievements.
    async fn list_achievements(&self, org: OrgId) -> Result<Vec<Achievement>, Error>;
    /// How many credentials a version has issued.
    async fn count_awards(&self, id: AchievementId, version: i32) -> Result<u64, Error>;

    // --- status lists ---
    /// Stores a new, empty list.
    async fn insert_status_list(&self, list: &StatusListRecord) -> Result<(), Error>;
    /// The newest list of an organisation for a purpose.
    async fn current_status_list(&self, org: OrgId, purpose: StatusPurpose) -> Result<Option<StatusListRecord>, Error>;
    /// One list.
    async fn get_status_list(&self, id: StatusListId) -> Result<StatusListRecord, Error>;
    /// Reserves those of `candidates` that are still free (database-unique), returning them,
    /// and adds their number to the list's `allocated`.
    async fn allocate_status_indexes(&self, list: StatusListId, candidates: &[u32]) -> Result<Vec<u32>, Error>;
    /// Applies a status change and stores the list re-signed by `resign`, in one transaction.
    async fn change_status(&self, change: &StatusChange, resign: &ResignFn<'_>) -> Result<StatusListRecord, Error>;

    // --- credentials ---
    /// Stores credentials and their email deliveries, all or nothing (`Conflict` on a
    /// duplicate idempotency key or job row).
    async fn insert_credentials(&self, batch: &[CredentialRecord], deliveries: &[Delivery]) -> Result<(), Error>;
    /// One credential.
    async fn get_credential(&self, id: CredentialId) -> Result<CredentialRecord, Error>;
    /// The credential an idempotency key already issued.
    async fn get_credential_by_idempotency_key(&self, org: OrgId, key: &str)
        -> Result<Option<CredentialRecord>, Error>;
    /// The credential a claim token belongs to.
    async fn get_credential_by_claim_token(&self, hash: &str) -> Result<CredentialRecord, Error>;
    /// Marks a credential claimed.
    async fn mark_claimed(&self, id: CredentialId, at: OffsetDateTime) -> Result<(), Error>;
    /// An organisation's credentials, newest first.
    async fn list_credentials(&self, org: OrgId, query: &CredentialQuery) -> Result<Vec<CredentialRecord>, Error>;

    // --- bulk jobs ---
    /// Stores a job and all its rows.
    async fn create_job(&self, job: &BulkJob, rows: &[BulkRow]) -> Result<(), Error>;
    /// One job with current counts.
    async fn get_job(&self, id: JobId) -> Result<BulkJob, Error>;
    /// Jobs still running (resumed at start).
    async fn running_jobs(&self) -> Result<Vec<BulkJob>, Error>;
    /// Leases up to `limit` unissued rows not leased by another worker until `now`.
    async fn lease_rows(
        &self,
        job: JobId,
        limit: u32,
        lease_until: OffsetDateTime,
        now: OffsetDateTime,
    ) -> Result<Vec<BulkRow>, Error>;
    /// Stores the credentials (and deliveries) of leased rows and marks those rows issued, and
    /// `failed` rows failed, in one transaction. A row whose credential already exists is
    /// left as is (with its deliveries): every row is issued exactly once.
    async fn complete_rows(
        &self,
        job: JobId,
        issued: &[CredentialRecord],
        deliveries: &[Delivery],
        failed: &[(u32, String)],
    ) -> Result<(), Error>;
    /// Marks the job done when no row is left; returns it.
    async fn finish_job_if_done(&self, job: JobId) -> Result<BulkJob, Error>;
    /// The rows that failed, with reasons.
    async fn job_failures(&self, job: JobId) -> Result<Vec<(u32, String)>, Error>;

    // --- email deliveries (queued with their credentials) ---
    /// Leases up to `limit` pending deliveries due at `now` (pushing their next attempt to `lease_until`).
    async fn lease_due_deliveries(
        &self,
        now: OffsetDateTime,
        lease_until: OffsetDateTime,
        limit: u32,
    ) -> Result<Vec<Delivery>, Error>;
    /// Records the outcome of an attempt (state, attempts, next attempt, error).
    async fn update_delivery(&self, delivery: &Delivery) -> Result<(), Error>;
    /// An organisation's deliveries, newest first.
    async fn list_deliveries(&self, org: OrgId, limit: u32) -> Result<Vec<Delivery>, Error>;

    // --- activity (the console's dashboard) ---
    /// Adds one to the organisation's count of `kind` on `day` (an upsert: one write, safe
    /// with several servers).
    async fn record_event(&self, org: OrgId, day: time::Date, kind: EventKind) -> Result<(), Error>;
    /// The organisation's activity per day from `from` to `to` (inclusive, UTC days), only
    /// days with any activity, oldest first: issued and claimed from the credentials, viewed
    /// and verified from the counters.
    async fn activity(&self, org: OrgId, from: time::Date, to: time::Date) -> Result<Vec<DayActivity>, Error>;
    /// The organisation's activity since the beginning.
    async fn activity_totals(&self, org: OrgId) -> Result<Activity, Error>;

    // --- the earner's wallet ---
    /// Stores a wallet item (`Conflict` when the user already holds that Cairn credential
    /// or the share id is taken).
    async fn insert_wallet_item(&self, item: &WalletItem) -> Result<(), Error>;
    /// One wallet item.
    async fn get_wallet_item(&self, id: WalletItemId) -> Result<WalletItem, Error>;
    /// A wallet item by its share id.
    async fn get_wallet_item_by_share_id(&self, share_id: &str) -> Result<WalletItem, Error>;
    /// The user's item holding a Cairn credential, if any.
    async fn find_wallet_item_by_credential(
        &self,
        user: UserId,
        credential: CredentialId,
    ) -> Result<Option<WalletItem>, Error>;
    /// A user's items, newest first; only those in `collection` when given.
    async fn list_wallet_items(&self, user: UserId, collection: Option<CollectionId>)
        -> Result<Vec<WalletItem>, Error>;
    /// Turns an item's public page on or off.
    async fn set_wallet_item_public(&self, id: WalletItemId, public: bool) -> Result<(), Error>;
    /// Removes an item (and its collection memberships).
    async fn delete_wallet_item(&self, id: WalletItemId) -> Result<(), Error>;
    /// Creates a collection.
    async fn create_collection(&self, c: &Collection) -> Result<(), Error>;
    /// One collection.
    async fn get_collection(&self, id: CollectionId) -> Result<Collection, Error>;
    /// A user's collections, by name.
    async fn list_collections(&self, user: UserId) -> Result<Vec<Collection>, Error>;
    /// Renames a collection.
    async fn rename_collection(&self, id: CollectionId, name: &str) -> Result<(), Error>;
    /// Deletes a collection (its items stay in the wallet).
    async fn delete_collection(&self, id: CollectionId) -> Result<(), Error>;
    /// Puts an item in a collection (nothing happens when it is there already).
    async fn add_to_collection(&self, collection: CollectionId, item: WalletItemId) -> Result<(), Error>;
    /// Takes an item out of a collection.
    async fn remove_from_collection(&self, collection: CollectionId, item: WalletItemId) -> Result<(), Error>;
    /// The collections an item is in.
    async fn collections_of_item(&self, item: WalletItemId) -> Result<Vec<CollectionId>, Error>;
}
