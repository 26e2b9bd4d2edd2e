//! Issued credentials: batch inserts (multi-row, chunked), lookups and the filtered listing.

use cairn_core::ids::{AchievementId, CredentialId, JobId, OrgId, StatusListId};
use cairn_core::model::{CredentialRecord, Delivery, StatusRef};
use cairn_core::store::CredentialQuery;
use cairn_core::Error;
use time::OffsetDateTime;
use uuid::Uuid;

use super::deliveries::insert_deliveries;
use super::to_u32;
use crate::backend::{rows_per_statement, values, Backend, Exec, Ts, Tx, Q};

const COLUMNS: &str = "id, org_id, achievement_id, achievement_version, recipient_email, recipient_did, \
    recipient_name, issued_at, valid_until, revocation_list_id, revocation_index, suspension_list_id, \
    suspension_index, revoked_at, revocation_reason, suspended, idempotency_key, job_id, job_row, \
    claim_token_hash, claimed_at, json";
const NUM_COLUMNS: usize = 22;

#[derive(sqlx::FromRow)]
pub(crate) struct CredentialRow {
    id: Uuid,
    org_id: Uuid,
    achievement_id: Uuid,
    achievement_version: i32,
    recipient_email: Option<String>,
    recipient_did: Option<String>,
    recipient_name: Option<String>,
    issued_at: Ts,
    valid_until: Option<Ts>,
    revocation_list_id: Uuid,
    revocation_index: i64,
    suspension_list_id: Option<Uuid>,
    suspension_index: Option<i64>,
    revoked_at: Option<Ts>,
    revocation_reason: Option<String>,
    suspended: bool,
    idempotency_key: Option<String>,
    job_id: Option<Uuid>,
    job_row: Option<i64>,
    claim_token_hash: Option<String>,
    claimed_at: Option<Ts>,
    json: String,
}

impl CredentialRow {
    fn into_record(self) -> Result<CredentialRecord, Error> {
        let status_ref = |list: Uuid, index: i64| -> Result<StatusRef, Error> {
            Ok(StatusRef { list_id: StatusListId(list), index: to_u32(index, "status index")? })
        };
        let suspension = match self.suspension_list_id.zip(self.suspension_index) {
            Some((list, index)) => Some(status_ref(list, index)?),
            None => None,
        };
        let job = match self.job_id.zip(self.job_row) {
            Some((job, row)) => Some((JobId(job), to_u32(row, "bulk row number")?)),
            None => None,
        };
        Ok(CredentialRecord {
            id: CredentialId(self.id),
            org_id: OrgId(self.org_id),
            achievement_id: AchievementId(self.achievement_id),
            achievement_version: self.achievement_version,
            recipient_email: self.recipient_email,
            recipient_did: self.recipient_did,
            recipient_name: self.recipient_name,
            issued_at: self.issued_at.0,
            valid_until: self.valid_until.map(OffsetDateTime::from),
            revocation: status_ref(self.revocation_list_id, self.revocation_index)?,
            suspension,
            revoked_at: self.revoked_at.map(OffsetDateTime::from),
            revocation_reason: self.revocation_reason,
            suspended: self.suspended,
            idempotency_key: self.idempotency_key,
            job,
            claim_token_hash: self.claim_token_hash,
            claimed_at: self.claimed_at.map(OffsetDateTime::from),
            json: self.json,
        })
    }
}

fn bind_credential<'a>(q: &mut Q<'a>, c: &'a CredentialRecord) {
    q.push(c.id.0);
    q.push(c.org_id.0);
    q.push(c.achievement_id.0);
    q.push(c.achievement_version);
    q.push(c.recipient_email.as_deref());
    q.push(c.recipient_did.as_deref());
    q.push(c.recipient_name.as_deref());
    q.push(c.issued_at);
    q.push(c.valid_until);
    q.push(c.revocation.list_id.0);
    q.push(c.revocation.index);
    q.push(c.suspension.map(|s| s.list_id.0));
    q.push(c.suspension.map(|s| s.index));
    q.push(c.revoked_at);
    q.push(c.revocation_reason.as_deref());
    q.push(c.suspended);
    q.push(c.idempotency_key.as_deref());
    q.push(c.job.map(|(j, _)| j.0));
    q.push(c.job.map(|(_, r)| r));
    q.push(c.claim_token_hash.as_deref());
    q.push(c.claimed_at);
    q.push(c.json.as_str());
}

/// What to do when a credential's bulk row already has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OnJobRowConflict {
    /// Fail the whole batch with `Conflict`.
    Fail,
    /// Skip that credential.
    Skip,
}

/// Inserts credentials with multi-row statements; returns the ids that went in.
pub(crate) async fn insert_credential_rows<B: Backend, T: Exec>(
    tx: &mut T,
    batch: &[&CredentialRecord],
    per_statement: usize,
    on_conflict: OnJobRowConflict,
) -> Result<Vec<Uuid>, Error> {
    let mut inserted = Vec::with_capacity(batch.len());
    for chunk in batch.chunks(per_statement) {
        let tail = match on_conflict {
            OnJobRowConflict::Fail => "",
            OnJobRowConflict::Skip => " ON CONFLICT (job_id, job_row) WHERE job_id IS NOT NULL DO NOTHING",
        };
        let sql = format!(
            "INSERT INTO credentials ({COLUMNS}) VALUES {}{tail} RETURNING id",
            values::<B>(chunk.len(), NUM_COLUMNS, 1)
        );
        let mut q = Q::new(sql);
        for c in chunk {
            bind_credential(&mut q, c);
        }
        let rows: Vec<(Uuid,)> = tx.fetch_all(q).await?;
        inserted.extend(rows.into_iter().map(|r| r.0));
    }
    Ok(inserted)
}

pub(crate) async fn insert_credentials<B: Backend>(
    db: &B,
    batch: &[CredentialRecord],
    deliveries: &[Delivery],
) -> Result<(), Error> {
    let mut tx = db.begin().await?;
    let refs: Vec<&CredentialRecord> = batch.iter().collect();
    insert_credential_rows::<B, _>(&mut tx, &refs, rows_per_statement::<B>(NUM_COLUMNS), OnJobRowConflict::Fail)
        .await?;
    insert_deliveries::<B, _>(&mut tx, &deliveries.iter().collect::<Vec<_>>()).await?;
    tx.commit().await
}

/// The rows each statement of `insert_credential_rows` carries on backend `B`.
pub(crate) fn credentials_per_statement<B: Backend>() -> usize {
    rows_per_statement::<B>(NUM_COLUMNS)
}

async fn fetch_one<B: Backend>(db: &B, q: Q<'_>) -> Result<Option<CredentialRecord>, Error> {
    let row: Option<CredentialRow> = db.auto().fetch_optional(q).await?;
    row.map(CredentialRow::into_record).transpose()
}

pub(crate) async fn get_credential<B: Backend>(db: &B, id: CredentialId) -> Result<CredentialRecord, Error> {
    let q = Q::new(format!("SELECT {COLUMNS} FROM credentials WHERE id = $1")).bind(id.0);
    fetch_one(db, q).await?.ok_or(Error::NotFound { what: "credential" })
}

pub(crate) async fn get_credential_by_idempotency_key<B: Backend>(
    db: &B,
    org: OrgId,
    key: &str,
) -> Result<Option<CredentialRecord>, Error> {
    let q = Q::new(format!("SELECT {COLUMNS} FROM credentials WHERE org_id = $1 AND idempotency_key = $2"))
        .bind(org.0)
        .bind(key);
    fetch_one(db, q).await
}

pub(crate) async fn get_credential_by_claim_token<B: Backend>(db: &B, hash: &str) -> Result<CredentialRecord, Error> {
    let q = Q::new(format!("SELECT {COLUMNS} FROM credentials WHERE claim_token_hash = $1")).bind(hash);
    fetch_one(db, q).await?.ok_or(Error::NotFound { what: "claim link" })
}

pub(crate) async fn mark_claimed<B: Backend>(db: &B, id: CredentialId, at: OffsetDateTime) -> Result<(), Error> {
    let q = Q::new("UPDATE credentials SET claimed_at = $2 WHERE id = $1").bind(id.0).bind(at);
    match db.auto().execute(q).await? {
        0 => Err(Error::NotFound { what: "credential" }),
        _ => Ok(()),
    }
}

/// Newest first (by insertion); `limit` is held to 1..=500.
pub(crate) async fn list_credentials<B: Backend>(
    db: &B,
    org: OrgId,
    query: &CredentialQuery,
) -> Result<Vec<CredentialRecord>, Error> {
    let mut sql = format!("SELECT {COLUMNS} FROM credentials WHERE org_id = $1");
    let mut q = Q::new("").bind(org.0);
    if let Some(a) = query.achievement_id {
        q.push(a.0);
        sql.push_str(&format!(" AND achievement_id = ${}", q.args.len()));
    }
    if let Some(j) = query.job_id {
        q.push(j.0);
        sql.push_str(&format!(" AND job_id = ${}", q.args.len()));
    }
    if let Some(r) = query.recipient.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
        q.push(format!("%{}%", escape_like(r)));
        q.push(format!("%{}%", escape_like(&r.to_lowercase())));
        let (did, email) = (q.args.len() - 1, q.args.len());
        sql.push_str(&format!(
            " AND (recipient_did LIKE ${did} ESCAPE '\\' OR recipient_email LIKE ${email} ESCAPE '\\')"
        ));
    }
    if let Some(before) = query.before {
        q.push(before.0);
        sql.push_str(&format!(" AND seq < (SELECT seq FROM credentials WHERE id = ${})", q.args.len()));
    }
    match query.revoked {
        Some(true) => sql.push_str(" AND revoked_at IS NOT NULL"),
        Some(false) => sql.push_str(" AND revoked_at IS NULL"),
        None => {}
    }
    match query.suspended {
        Some(true) => sql.push_str(" AND suspended"),
        Some(false) => sql.push_str(" AND NOT suspended"),
        None => {}
    }
    q.push(query.limit.clamp(1, 500));
    q.push(query.offset);
    sql.push_str(&format!(" ORDER BY seq DESC LIMIT ${} OFFSET ${}", q.args.len() - 1, q.args.len()));
    q.sql = sql.into();
    let rows: Vec<CredentialRow> = db.auto().fetch_all(q).await?;
    rows.into_iter().map(CredentialRow::into_record).collect()
}

/// Escapes `%`, `_` and `\` for `LIKE … ESCAPE '\'`.
fn escape_like(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
