//! Email deliveries: queued with their credentials, leased by senders, updated per attempt.

use cairn_core::ids::{CredentialId, DeliveryId, OrgId};
use cairn_core::model::{Delivery, DeliveryState};
use cairn_core::Error;
use time::OffsetDateTime;
use uuid::Uuid;

use super::{corrupt, to_u32};
use crate::backend::{rows_per_statement, values, Backend, Exec, Ts, Q};

const COLUMNS: &str = "id, org_id, credential_id, to_email, state, attempts, next_attempt_at, last_error";
const NUM_COLUMNS: usize = 8;

#[derive(sqlx::FromRow)]
pub(crate) struct DeliveryRow {
    seq: i64,
    id: Uuid,
    org_id: Uuid,
    credential_id: Uuid,
    to_email: String,
    state: String,
    attempts: i64,
    next_attempt_at: Ts,
    last_error: Option<String>,
}

impl DeliveryRow {
    fn into_delivery(self) -> Result<Delivery, Error> {
        Ok(Delivery {
            id: DeliveryId(self.id),
            org_id: OrgId(self.org_id),
            credential_id: CredentialId(self.credential_id),
            to_email: self.to_email,
            state: parse_state(&self.state)?,
            attempts: to_u32(self.attempts, "delivery attempts")?,
            next_attempt_at: self.next_attempt_at.0,
            last_error: self.last_error,
        })
    }
}

fn state_str(s: DeliveryState) -> &'static str {
    match s {
        DeliveryState::Pending => "pending",
        DeliveryState::Sent => "sent",
        DeliveryState::Failed => "failed",
    }
}

fn parse_state(s: &str) -> Result<DeliveryState, Error> {
    match s {
        "pending" => Ok(DeliveryState::Pending),
        "sent" => Ok(DeliveryState::Sent),
        "failed" => Ok(DeliveryState::Failed),
        _ => Err(corrupt("delivery state")),
    }
}

/// Inserts deliveries with multi-row statements (inside the caller's transaction).
pub(crate) async fn insert_deliveries<B: Backend, T: Exec>(tx: &mut T, batch: &[&Delivery]) -> Result<(), Error> {
    for chunk in batch.chunks(rows_per_statement::<B>(NUM_COLUMNS)) {
        let sql = format!("INSERT INTO deliveries ({COLUMNS}) VALUES {}", values::<B>(chunk.len(), NUM_COLUMNS, 1));
        let mut q = Q::new(sql);
        for d in chunk {
            q.push(d.id.0);
            q.push(d.org_id.0);
            q.push(d.credential_id.0);
            q.push(d.to_email.as_str());
            q.push(state_str(d.state));
            q.push(d.attempts);
            q.push(d.next_attempt_at);
            q.push(d.last_error.as_deref());
        }
        tx.execute(q).await?;
    }
    Ok(())
}

/// One statement: pick due rows (skipping rows another server is leasing right now), push
/// their next attempt to `lease_until`, return them.
pub(crate) async fn lease_due_deliveries<B: Backend>(
    db: &B,
    now: OffsetDateTime,
    lease_until: OffsetDateTime,
    limit: u32,
) -> Result<Vec<Delivery>, Error> {
    let pick = format!(
        "SELECT id FROM deliveries WHERE state = 'pending' AND next_attempt_at <= $1 \
         ORDER BY next_attempt_at, seq LIMIT $3{}",
        B::SKIP_LOCKED
    );
    let sql = format!(
        "UPDATE deliveries SET next_attempt_at = $2 WHERE id {} RETURNING seq, {COLUMNS}",
        B::in_subquery(&pick)
    );
    let q = Q::new(sql).bind(now).bind(lease_until).bind(limit);
    let mut rows: Vec<DeliveryRow> = db.auto().fetch_all(q).await?;
    rows.sort_by_key(|r| r.seq);
    rows.into_iter().map(DeliveryRow::into_delivery).collect()
}

pub(crate) async fn update_delivery<B: Backend>(db: &B, d: &Delivery) -> Result<(), Error> {
    let q =
        Q::new("UPDATE deliveries SET state = $2, attempts = $3, next_attempt_at = $4, last_error = $5 WHERE id = $1")
            .bind(d.id.0)
            .bind(state_str(d.state))
            .bind(d.attempts)
            .bind(d.next_attempt_at)
            .bind(d.last_error.as_deref());
    match db.auto().execute(q).await? {
        0 => Err(Error::NotFound { what: "delivery" }),
        _ => Ok(()),
    }
}

pub(crate) async fn list_deliveries<B: Backend>(db: &B, org: OrgId, limit: u32) -> Result<Vec<Delivery>, Error> {
    let q = Q::new(format!("SELECT seq, {COLUMNS} FROM deliveries WHERE org_id = $1 ORDER BY seq DESC LIMIT $2"))
        .bind(org.0)
        .bind(limit);
    let rows: Vec<DeliveryRow> = db.auto().fetch_all(q).await?;
    rows.into_iter().map(DeliveryRow::into_delivery).collect()
}
