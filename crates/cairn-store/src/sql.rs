//! [`SqlStore`]: the one implementation of [`Store`], written against [`Backend`] and
//! compiled for SQLite and PostgreSQL. Each area's SQL lives in its own module.

mod achievements;
mod credentials;
mod deliveries;
mod jobs;
mod orgs;
mod people;
mod sessions;
mod stats;
mod status;
mod wallet;

use async_trait::async_trait;
use cairn_core::ids::{
    AchievementId, CollectionId, CredentialId, JobId, KeyId, OrgId, StatusListId, TokenId, UserId, WalletItemId,
};
use cairn_core::model::{
    Achievement, Activity, ApiToken, BulkJob, BulkRow, Collection, CredentialRecord, DayActivity, Delivery, EventKind,
    Membership, Organization, Role, Session, SigningKeyRecord, StatusListRecord, StatusPurpose, User, WalletItem,
};
use cairn_core::store::{CredentialQuery, ResignFn, StatusChange, Store};
use cairn_core::Error;
use sqlx::postgres::PgConnectOptions;
use time::OffsetDateTime;

use crate::backend::postgres::PgDb;
use crate::backend::sqlite::SqliteDb;
use crate::backend::Backend;

/// Cairn's storage on a SQL database: `SqlStore<SqliteDb>` ([`crate::SqliteStore`]) or
/// `SqlStore<PgDb>` ([`crate::PgStore`]).
#[derive(Debug, Clone)]
pub struct SqlStore<B> {
    db: B,
}

impl SqlStore<SqliteDb> {
    /// Opens the SQLite database at `url` (`sqlite:cairn.db`, `sqlite://path`,
    /// `sqlite::memory:`), creating it if missing, and applies pending migrations.
    pub async fn connect(url: &str) -> Result<Self, Error> {
        let db = SqliteDb::connect(url).await?;
        db.migrate().await?;
        Ok(Self { db })
    }

    /// Closes the connections.
    pub async fn close(&self) {
        self.db.close().await;
    }
}

impl SqlStore<PgDb> {
    /// Connects to the PostgreSQL database at `url` and applies pending migrations.
    pub async fn connect(url: &str) -> Result<Self, Error> {
        let db = PgDb::connect(url).await?;
        db.migrate().await?;
        Ok(Self { db })
    }

    /// Connects with explicit options (for example a `search_path`) and applies pending
    /// migrations.
    pub async fn connect_with(options: PgConnectOptions) -> Result<Self, Error> {
        let db = PgDb::connect_with(options).await?;
        db.migrate().await?;
        Ok(Self { db })
    }

    /// Closes the connections.
    pub async fn close(&self) {
        self.db.close().await;
    }
}

/// A stored value that no longer parses: the database was changed behind Cairn's back.
fn corrupt(what: &str) -> Error {
    Error::Storage(format!("stored {what} is invalid"))
}

fn to_u32(v: i64, what: &str) -> Result<u32, Error> {
    u32::try_from(v).map_err(|_| corrupt(what))
}

fn to_u64(v: i64) -> Result<u64, Error> {
    u64::try_from(v).map_err(|_| corrupt("count"))
}

fn to_json<T: serde::Serialize>(v: &T) -> Result<String, Error> {
    serde_json::to_string(v).map_err(|e| Error::Internal(format!("cannot serialise for storage: {e}")))
}

fn from_json<T: serde::de::DeserializeOwned>(s: &str, what: &str) -> Result<T, Error> {
    serde_json::from_str(s).map_err(|e| Error::Storage(format!("stored {what} is invalid: {e}")))
}

#[async_trait]
impl<B: Backend> Store for SqlStore<B> {
    async fn create_org(&self, org: &Organization) -> Result<(), Error> {
        orgs::create_org(&self.db, org).await
    }
    async fn update_org(&self, org: &Organization) -> Result<(), Error> {
        orgs::update_org(&self.db, org).await
    }
    async fn get_org(&self, id: OrgId) -> Result<Organization, Error> {
        orgs::get_org(&self.db, id).await
    }
    async fn get_org_by_slug(&self, slug: &str) -> Result<Organization, Error> {
        orgs::get_org_by_slug(&self.db, slug).await
    }
    async fn list_orgs(&self) -> Result<Vec<Organization>, Error> {
        orgs::list_orgs(&self.db).await
    }
    async fn insert_signing_key(&self, key: &SigningKeyRecord) -> Result<(), Error> {
        orgs::insert_signing_key(&self.db, key).await
    }
    async fn retire_signing_keys(&self, org: OrgId, except: KeyId, at: OffsetDateTime) -> Result<(), Error> {
        orgs::retire_signing_keys(&self.db, org, except, at).await
    }
    async fn list_signing_keys(&self, org: OrgId) -> Result<Vec<SigningKeyRecord>, Error> {
        orgs::list_signing_keys(&self.db, org).await
    }

    async fn create_user(&self, user: &User) -> Result<(), Error> {
        people::create_user(&self.db, user).await
    }
    async fn get_user(&self, id: UserId) -> Result<User, Error> {
        people::get_user(&self.db, id).await
    }
    async fn get_user_by_email(&self, email: &str) -> Result<User, Error> {
        people::get_user_by_email(&self.db, email).await
    }
    async fn count_users(&self) -> Result<u64, Error> {
        people::count_users(&self.db).await
    }
    async fn set_membership(&self, m: &Membership) -> Result<(), Error> {
        people::set_membership(&self.db, m).await
    }
    async fn remove_membership(&self, user: UserId, org: OrgId) -> Result<bool, Error> {
        people::remove_membership(&self.db, user, org).await
    }
    async fn get_membership(&self, user: UserId, org: OrgId) -> Result<Option<Membership>, Error> {
        people::get_membership(&self.db, user, org).await
    }
    async fn list_memberships(&self, user: UserId) -> Result<Vec<Membership>, Error> {
        people::list_memberships(&self.db, user).await
    }
    async fn list_org_members(&self, org: OrgId) -> Result<Vec<(User, Role)>, Error> {
        people::list_org_members(&self.db, org).await
    }
    async fn insert_token(&self, token: &ApiToken) -> Result<(), Error> {
        people::insert_token(&self.db, token).await
    }
    async fn get_token_by_hash(&self, hash: &str) -> Result<ApiToken, Error> {
        people::get_token_by_hash(&self.db, hash).await
    }
    async fn revoke_token(&self, id: TokenId) -> Result<(), Error> {
        people::revoke_token(&self.db, id).await
    }
    async fn list_tokens(&self, org: OrgId) -> Result<Vec<ApiToken>, Error> {
        people::list_tokens(&self.db, org).await
    }
    async fn put_setting(&self, key: &str, value: &str) -> Result<(), Error> {
        people::put_setting(&self.db, key, value).await
    }
    async fn get_setting(&self, key: &str) -> Result<Option<String>, Error> {
        people::get_setting(&self.db, key).await
    }
    async fn take_setting(&self, key: &str) -> Result<Option<String>, Error> {
        people::take_setting(&self.db, key).await
    }
    async fn setting_keys_with_prefix(&self, prefix: &str, limit: u32) -> Result<Vec<String>, Error> {
        people::setting_keys_with_prefix(&self.db, prefix, limit).await
    }
    async fn insert_session(&self, session: &Session) -> Result<(), Error> {
        sessions::insert_session(&self.db, session).await
    }
    async fn get_session(&self, id_hash: &str, now: OffsetDateTime) -> Result<Session, Error> {
        sessions::get_session(&self.db, id_hash, now).await
    }
    async fn delete_session(&self, id_hash: &str) -> Result<(), Error> {
        sessions::delete_session(&self.db, id_hash).await
    }
    async fn delete_expired_sessions(&self, now: OffsetDateTime) -> Result<u64, Error> {
        sessions::delete_expired_sessions(&self.db, now).await
    }

    async fn insert_achievement(&self, a: &Achievement) -> Result<(), Error> {
        achievements::insert_achievement(&self.db, a).await
    }
    async fn get_achievement(&self, id: AchievementId, version: Option<i32>) -> Result<Achievement, Error> {
        achievements::get_achievement(&self.db, id, version).await
    }
    async fn list_achievements(&self, org: OrgId) -> Result<Vec<Achievement>, Error> {
        achievements::list_achievements(&self.db, org).await
    }
    async fn count_awards(&self, id: AchievementId, version: i32) -> Result<u64, Error> {
        achievements::count_awards(&self.db, id, version).await
    }

    async fn insert_status_list(&self, list: &StatusListRecord) -> Result<(), Error> {
        status::insert_status_list(&self.db, list).await
    }
    async fn current_status_list(&self, org: OrgId, purpose: StatusPurpose) -> Result<Option<StatusListRecord>, Error> {
        status::current_status_list(&self.db, org, purpose).await
    }
    async fn get_status_list(&self, id: StatusListId) -> Result<StatusListRecord, Error> {
        status::get_status_list(&self.db, id).await
    }
    async fn allocate_status_indexes(&self, list: StatusListId, candidates: &[u32]) -> Result<Vec<u32>, Error> {
        status::allocate_status_indexes(&self.db, list, candidates).await
    }
    async fn change_status(&self, change: &StatusChange, resign: &ResignFn<'_>) -> Result<StatusListRecord, Error> {
        status::change_status(&self.db, change, resign).await
    }

    async fn insert_credentials(&self, batch: &[CredentialRecord], deliveries: &[Delivery]) -> Result<(), Error> {
        credentials::insert_credentials(&self.db, batch, deliveries).await
    }
    async fn get_credential(&self, id: CredentialId) -> Result<CredentialRecord, Error> {
        credentials::get_credential(&self.db, id).await
    }
    async fn get_credential_by_idempotency_key(
        &self,
        org: OrgId,
        key: &str,
    ) -> Result<Option<CredentialRecord>, Error> {
        credentials::get_credential_by_idempotency_key(&self.db, org, key).await
    }
    async fn get_credential_by_claim_token(&self, hash: &str) -> Result<CredentialRecord, Error> {
        credentials::get_credential_by_claim_token(&self.db, hash).await
    }
    async fn mark_claimed(&self, id: CredentialId, at: OffsetDateTime) -> Result<(), Error> {
        credentials::mark_claimed(&self.db, id, at).await
    }
    async fn list_credentials(&self, org: OrgId, query: &CredentialQuery) -> Result<Vec<CredentialRecord>, Error> {
        credentials::list_credentials(&self.db, org, query).await
    }

    async fn create_job(&self, job: &BulkJob, rows: &[BulkRow]) -> Result<(), Error> {
        jobs::create_job(&self.db, job, rows).await
    }
    async fn get_job(&self, id: JobId) -> Result<BulkJob, Error> {
        jobs::get_job(&self.db, id).await
    }
    async fn running_jobs(&self) -> Result<Vec<BulkJob>, Error> {
        jobs::running_jobs(&self.db).await
    }
    async fn lease_rows(
        &self,
        job: JobId,
        limit: u32,
        lease_until: OffsetDateTime,
        now: OffsetDateTime,
    ) -> Result<Vec<BulkRow>, Error> {
        jobs::lease_rows(&self.db, job, limit, lease_until, now).await
    }
    async fn complete_rows(
        &self,
        job: JobId,
        issued: &[CredentialRecord],
        deliveries: &[Delivery],
        failed: &[(u32, String)],
    ) -> Result<(), Error> {
        jobs::complete_rows(&self.db, job, issued, deliveries, failed).await
    }
    async fn finish_job_if_done(&self, job: JobId) -> Result<BulkJob, Error> {
        jobs::finish_job_if_done(&self.db, job).await
    }
    async fn job_failures(&self, job: JobId) -> Result<Vec<(u32, String)>, Error> {
        jobs::job_failures(&self.db, job).await
    }

    async fn lease_due_deliveries(
        &self,
        now: OffsetDateTime,
        lease_until: OffsetDateTime,
        limit: u32,
    ) -> Result<Vec<Delivery>, Error> {
        deliveries::lease_due_deliveries(&self.db, now, lease_until, limit).await
    }
    async fn update_delivery(&self, delivery: &Delivery) -> Result<(), Error> {
        deliveries::update_delivery(&self.db, delivery).await
    }
    async fn list_deliveries(&self, org: OrgId, limit: u32) -> Result<Vec<Delivery>, Error> {
        deliveries::list_deliveries(&self.db, org, limit).await
    }

    async fn record_event(&self, org: OrgId, day: time::Date, kind: EventKind) -> Result<(), Error> {
        stats::record_event(&self.db, org, day, kind).await
    }
    async fn activity(&self, org: OrgId, from: time::Date, to: time::Date) -> Result<Vec<DayActivity>, Error> {
        stats::activity(&self.db, org, from, to).await
    }
    async fn activity_totals(&self, org: OrgId) -> Result<Activity, Error> {
        stats::activity_totals(&self.db, org).await
    }
    async fn insert_wallet_item(&self, item: &WalletItem) -> Result<(), Error> {
        wallet::insert_wallet_item(&self.db, item).await
    }
    async fn get_wallet_item(&self, id: WalletItemId) -> Result<WalletItem, Error> {
        wallet::get_wallet_item(&self.db, id).await
    }
    async fn get_wallet_item_by_share_id(&self, share_id: &str) -> Result<WalletItem, Error> {
        wallet::get_wallet_item_by_share_id(&self.db, share_id).await
    }
    async fn find_wallet_item_by_credential(
        &self,
        user: UserId,
        credential: CredentialId,
    ) -> Result<Option<WalletItem>, Error> {
        wallet::find_wallet_item_by_credential(&self.db, user, credential).await
    }
    async fn list_wallet_items(
        &self,
        user: UserId,
        collection: Option<CollectionId>,
    ) -> Result<Vec<WalletItem>, Error> {
        wallet::list_wallet_items(&self.db, user, collection).await
    }
    async fn set_wallet_item_public(&self, id: WalletItemId, public: bool) -> Result<(), Error> {
        wallet::set_wallet_item_public(&self.db, id, public).await
    }
    async fn delete_wallet_item(&self, id: WalletItemId) -> Result<(), Error> {
        wallet::delete_wallet_item(&self.db, id).await
    }
    async fn create_collection(&self, c: &Collection) -> Result<(), Error> {
        wallet::create_collection(&self.db, c).await
    }
    async fn get_collection(&self, id: CollectionId) -> Result<Collection, Error> {
        wallet::get_collection(&self.db, id).await
    }
    async fn list_collections(&self, user: UserId) -> Result<Vec<Collection>, Error> {
        wallet::list_collections(&self.db, user).await
    }
    async fn rename_collection(&self, id: CollectionId, name: &str) -> Result<(), Error> {
        wallet::rename_collection(&self.db, id, name).await
    }
    async fn delete_collection(&self, id: CollectionId) -> Result<(), Error> {
        wallet::delete_collection(&self.db, id).await
    }
    async fn add_to_collection(&self, collection: CollectionId, item: WalletItemId) -> Result<(), Error> {
        wallet::add_to_collection(&self.db, collection, item).await
    }
    async fn remove_from_collection(&self, collection: CollectionId, item: WalletItemId) -> Result<(), Error> {
        wallet::remove_from_collection(&self.db, collection, item).await
    }
    async fn collections_of_item(&self, item: WalletItemId) -> Result<Vec<CollectionId>, Error> {
        wallet::collections_of_item(&self.db, item).await
    }
}
