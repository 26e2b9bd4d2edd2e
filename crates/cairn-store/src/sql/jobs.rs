//! Bulk jobs: rows stored with the job, leased in batches (a lease expires, so a crashed
//! worker's rows are taken over), completed exactly once.

use std::collections::HashSet;

use cairn_core::ids::{AchievementId, JobId, OrgId, UserId};
use cairn_core::model::{AwardInput, BulkJob, BulkRow, CredentialRecord, Delivery, JobState};
use cairn_core::Error;
use time::OffsetDateTime;
use uuid::Uuid;

use super::credentials::{credentials_per_statement, insert_credential_rows, OnJobRowConflict};
use super::deliveries::insert_deliveries;
use super::{corrupt, from_json, to_json, to_u32};
use crate::backend::{rows_per_statement, values, Backend, Exec, Ts, Tx, Q};

const JOB_COLUMNS: &str = "id, org_id, achievement_id, created_by, state, total, issued, failed, created_at";

#[derive(sqlx::FromRow)]
pub(crate) struct JobRow {
    id: Uuid,
    org_id: Uuid,
    achievement_id: Uuid,
    created_by: Uuid,
    state: String,
    total: i64,
    issued: i64,
    failed: i64,
    created_at: Ts,
}

impl JobRow {
    fn into_job(self) -> Result<BulkJob, Error> {
        let state = match self.state.as_str() {
            "running" => JobState::Running,
            "done" => JobState::Done,
            "cancelled" => JobState::Cancelled,
            _ => return Err(corrupt("bulk job state")),
        };
        Ok(BulkJob {
            id: JobId(self.id),
            org_id: OrgId(self.org_id),
            achievement_id: AchievementId(self.achievement_id),
            created_by: UserId(self.created_by),
            state,
            total: to_u32(self.total, "bulk job total")?,
            issued: to_u32(self.issued, "bulk job issued count")?,
            failed: to_u32(self.failed, "bulk job failed count")?,
            created_at: self.created_at.0,
        })
    }
}

fn state_str(s: JobState) -> &'static str {
    match s {
        JobState::Running => "running",
        JobState::Done => "done",
        JobState::Cancelled => "cancelled",
    }
}

pub(crate) async fn create_job<B: Backend>(db: &B, job: &BulkJob, rows: &[BulkRow]) -> Result<(), Error> {
    if let Some(r) = rows.iter().find(|r| r.job_id != job.id) {
        return Err(Error::invalid("rows", format!("row {} belongs to another job", r.row)));
    }
    // `finish_job_if_done` trusts the counters to say when every row is done.
    if usize::try_from(job.total).ok() != Some(rows.len()) {
        return Err(Error::invalid("total", format!("is {} but the job has {} rows", job.total, rows.len())));
    }
    let inputs = rows.iter().map(|r| to_json(&r.input)).collect::<Result<Vec<_>, _>>()?;
    let mut tx = db.begin().await?;
    let q = Q::new(format!("INSERT INTO bulk_jobs ({JOB_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"))
        .bind(job.id.0)
        .bind(job.org_id.0)
        .bind(job.achievement_id.0)
        .bind(job.created_by.0)
        .bind(state_str(job.state))
        .bind(job.total)
        .bind(job.issued)
        .bind(job.failed)
        .bind(job.created_at);
    tx.execute(q).await?;
    let per_statement = rows_per_statement::<B>(4);
    for (chunk, inputs) in rows.chunks(per_statement).zip(inputs.chunks(per_statement)) {
        let sql =
            format!("INSERT INTO bulk_rows (job_id, row_no, input, state) VALUES {}", values::<B>(chunk.len(), 4, 1));
        let mut q = Q::new(sql);
        for (r, input) in chunk.iter().zip(inputs) {
            q.push(job.id.0);
            q.push(r.row);
            q.push(input.as_str());
            q.push("pending");
        }
        tx.execute(q).await?;
    }
    tx.commit().await?;
    if B::ANALYZE_AFTER_BULK_LOAD {
        db.auto().execute(Q::new("ANALYZE bulk_rows")).await?;
    }
    Ok(())
}

pub(crate) async fn get_job<B: Backend>(db: &B, id: JobId) -> Result<BulkJob, Error> {
    let q = Q::new(format!("SELECT {JOB_COLUMNS} FROM bulk_jobs WHERE id = $1")).bind(id.0);
    let row: Option<JobRow> = db.auto().fetch_optional(q).await?;
    row.ok_or(Error::NotFound { what: "bulk job" })?.into_job()
}

pub(crate) async fn running_jobs<B: Backend>(db: &B) -> Result<Vec<BulkJob>, Error> {
    let q = Q::new(format!("SELECT {JOB_COLUMNS} FROM bulk_jobs WHERE state = 'running' ORDER BY created_at, id"));
    let rows: Vec<JobRow> = db.auto().fetch_all(q).await?;
    rows.into_iter().map(JobRow::into_job).collect()
}

#[derive(sqlx::FromRow)]
struct LeasedRow {
    row_no: i64,
    input: String,
}

/// One statement: pick pending rows whose lease (if any) has run out, skipping rows another
/// server is leasing at this moment, and lease them until `lease_until`.
pub(crate) async fn lease_rows<B: Backend>(
    db: &B,
    job: JobId,
    limit: u32,
    lease_until: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<Vec<BulkRow>, Error> {
    let pick = format!(
        "SELECT row_no FROM {} WHERE job_id = $1 AND state = 'pending' \
         AND (leased_until IS NULL OR leased_until <= $4) ORDER BY row_no LIMIT $2{}",
        B::PENDING_BULK_ROWS,
        B::SKIP_LOCKED
    );
    let sql = format!(
        "UPDATE bulk_rows SET leased_until = $3 WHERE job_id = $1 AND row_no {} RETURNING row_no, input",
        B::in_subquery(&pick)
    );
    let q = Q::new(sql).bind(job.0).bind(limit).bind(lease_until).bind(now);
    let mut rows: Vec<LeasedRow> = db.auto().fetch_all(q).await?;
    rows.sort_by_key(|r| r.row_no);
    rows.into_iter()
        .map(|r| {
            Ok(BulkRow {
                job_id: job,
                row: to_u32(r.row_no, "bulk row number")?,
                input: from_json::<AwardInput>(&r.input, "bulk row input")?,
            })
        })
        .collect()
}

/// One transaction: insert the credentials whose row has none yet (and only their
/// deliveries), move pending rows to issued or failed, and add what moved to the counters.
pub(crate) async fn complete_rows<B: Backend>(
    db: &B,
    job: JobId,
    issued: &[CredentialRecord],
    deliveries: &[Delivery],
    failed: &[(u32, String)],
) -> Result<(), Error> {
    let mut rows: Vec<(u32, &CredentialRecord)> = Vec::with_capacity(issued.len());
    for c in issued {
        match c.job {
            Some((j, row)) if j == job => rows.push((row, c)),
            _ => return Err(Error::invalid("issued", format!("credential {} is not from this job", c.id))),
        }
    }
    // Ascending row order: concurrent completions take index locks in the same order.
    rows.sort_by_key(|(row, _)| *row);
    let batch: Vec<&CredentialRecord> = rows.iter().map(|(_, c)| *c).collect();
    let mut tx = db.begin().await?;
    let per_statement = credentials_per_statement::<B>();
    let inserted: HashSet<Uuid> =
        insert_credential_rows::<B, _>(&mut tx, &batch, per_statement, OnJobRowConflict::Skip)
            .await?
            .into_iter()
            .collect();
    let new_deliveries: Vec<&Delivery> = deliveries.iter().filter(|d| inserted.contains(&d.credential_id.0)).collect();
    insert_deliveries::<B, _>(&mut tx, &new_deliveries).await?;
    let row_numbers: Vec<u32> = rows.iter().map(|(row, _)| *row).collect();
    let moved_issued = mark_issued::<B>(&mut tx, job, &row_numbers).await?;
    let mut moved_failed = 0;
    for (row, reason) in failed {
        let q = Q::new(
            "UPDATE bulk_rows SET state = 'failed', error = $3, leased_until = NULL \
             WHERE job_id = $1 AND row_no = $2 AND state = 'pending'",
        )
        .bind(job.0)
        .bind(*row)
        .bind(reason.as_str());
        moved_failed += tx.execute(q).await?;
    }
    let count = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
    let q = Q::new("UPDATE bulk_jobs SET issued = issued + $2, failed = failed + $3 WHERE id = $1")
        .bind(job.0)
        .bind(count(moved_issued))
        .bind(count(moved_failed));
    if tx.execute(q).await? == 0 {
        return Err(Error::NotFound { what: "bulk job" });
    }
    tx.commit().await
}

/// Moves those of `rows` that are still pending to issued; returns how many moved.
async fn mark_issued<B: Backend>(tx: &mut B::Tx, job: JobId, rows: &[u32]) -> Result<u64, Error> {
    let mut moved = 0;
    for chunk in rows.chunks(rows_per_statement::<B>(1) - 1) {
        let sql = format!(
            "UPDATE bulk_rows SET state = 'issued', leased_until = NULL \
             WHERE job_id = {} AND state = 'pending' AND row_no IN {}",
            B::param(1),
            values::<B>(1, chunk.len(), 2)
        );
        let mut q = Q::new(sql).bind(job.0);
        for &row in chunk {
            q.push(row);
        }
        moved += tx.execute(q).await?;
    }
    Ok(moved)
}

/// The counters say when to look (cheap, and called after every batch); the rows confirm.
pub(crate) async fn finish_job_if_done<B: Backend>(db: &B, job: JobId) -> Result<BulkJob, Error> {
    let q = Q::new(format!(
        "UPDATE bulk_jobs SET state = 'done' WHERE id = $1 AND state = 'running' AND issued + failed >= total \
         AND NOT EXISTS (SELECT 1 FROM {} WHERE job_id = $1 AND state = 'pending')",
        B::PENDING_BULK_ROWS
    ))
    .bind(job.0);
    db.auto().execute(q).await?;
    get_job(db, job).await
}

pub(crate) async fn job_failures<B: Backend>(db: &B, job: JobId) -> Result<Vec<(u32, String)>, Error> {
    let q = Q::new("SELECT row_no, error FROM bulk_rows WHERE job_id = $1 AND state = 'failed' ORDER BY row_no")
        .bind(job.0);
    let rows: Vec<(i64, Option<String>)> = db.auto().fetch_all(q).await?;
    rows.into_iter().map(|(row, error)| Ok((to_u32(row, "bulk row number")?, error.unwrap_or_default()))).collect()
}
