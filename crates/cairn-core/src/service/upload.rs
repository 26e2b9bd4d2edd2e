//! CSV uploads in the console: the per-row report first, the job only once the person
//! confirms. In between, the valid rows wait in the store (an instance setting keyed by a
//! random id, which becomes the job's id), so any server of a cluster can take the
//! confirmation, and a second confirmation finds the job instead of issuing twice.

use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

use super::bulk::{self, CsvReport};
use super::{achievements, auth, Ctx};
use crate::ids::{AchievementId, JobId, OrgId, UserId};
use crate::model::{Actor, AwardInput, BulkJob, BulkRow, JobState, Role};
use crate::Error;

/// How long an upload waits for its confirmation.
pub const STAGED_FOR: Duration = Duration::hours(24);

const PREFIX: &str = "csv-upload:";

/// Valid rows waiting for a confirmation.
#[derive(Debug, Serialize, Deserialize)]
struct StagedRows {
    org_id: OrgId,
    achievement_id: AchievementId,
    created_by: UserId,
    #[serde(with = "time::serde::rfc3339")]
    created_at: OffsetDateTime,
    rows: Vec<(u32, AwardInput)>,
}

/// A validated upload.
#[derive(Debug, Clone)]
pub struct Staged {
    /// The per-row report.
    pub report: CsvReport,
    /// The id to confirm (also the future job's id), when at least one row is valid.
    pub upload: Option<JobId>,
}

fn key(id: JobId) -> String {
    format!("{PREFIX}{id}")
}

/// Validates a CSV for one of `org`'s achievements and keeps its valid rows until
/// [`confirm`] (nothing is issued yet). File-level problems are errors naming `csv`.
pub async fn stage(
    ctx: &Ctx,
    actor: &Actor,
    org: OrgId,
    achievement: AchievementId,
    csv: &[u8],
) -> Result<Staged, Error> {
    auth::require(ctx, actor, org, Role::Issuer).await?;
    achievements::get_achievement(ctx, org, achievement, None).await?;
    let report = bulk::parse_csv(csv)?;
    if report.valid == 0 {
        return Ok(Staged { report, upload: None });
    }
    let now = ctx.clock.now();
    sweep(ctx, now).await?;
    let id = JobId::new_time_ordered(now);
    let staged = StagedRows {
        org_id: org,
        achievement_id: achievement,
        created_by: actor.user_id,
        created_at: ctx.clock.now(),
        rows: report.awards.clone(),
    };
    let json = serde_json::to_string(&staged).map_err(|e| Error::Internal(format!("staging an upload: {e}")))?;
    ctx.store.put_setting(&key(id), &json).await?;
    tracing::info!(job.id = %id, org.id = %org, rows = report.valid, "CSV upload staged");
    Ok(Staged { report, upload: Some(id) })
}

/// Starts the job of a staged upload; returns it and whether this call started it (a
/// repeated confirmation returns the job the first one started).
pub async fn confirm(ctx: &Ctx, actor: &Actor, org: OrgId, upload: JobId) -> Result<(BulkJob, bool), Error> {
    auth::require(ctx, actor, org, Role::Issuer).await?;
    if let Some(job) = existing_job(ctx, org, upload).await? {
        return Ok((job, false));
    }
    let Some(raw) = ctx.store.get_setting(&key(upload)).await? else {
        // Another request may have started it (and removed the rows) since we looked.
        return existing_job(ctx, org, upload).await?.map(|j| (j, false)).ok_or(Error::NotFound { what: "upload" });
    };
    let staged: StagedRows =
        serde_json::from_str(&raw).map_err(|e| Error::Storage(format!("stored upload is invalid: {e}")))?;
    if staged.org_id != org {
        return Err(Error::NotFound { what: "upload" });
    }
    if ctx.clock.now() - staged.created_at > STAGED_FOR {
        ctx.store.take_setting(&key(upload)).await?;
        return Err(Error::invalid("csv", "this upload is more than a day old; upload the file again"));
    }
    let job = BulkJob {
        id: upload,
        org_id: org,
        achievement_id: staged.achievement_id,
        created_by: actor.user_id,
        state: JobState::Running,
        total: u32::try_from(staged.rows.len()).unwrap_or(u32::MAX),
        issued: 0,
        failed: 0,
        created_at: ctx.clock.now(),
    };
    let rows: Vec<BulkRow> =
        staged.rows.into_iter().map(|(row, input)| BulkRow { job_id: upload, row, input }).collect();
    // The job's id is the upload's: of two confirmations at once, one insert wins.
    match ctx.store.create_job(&job, &rows).await {
        Ok(()) => {}
        Err(Error::Conflict(_)) => {
            return existing_job(ctx, org, upload).await?.map(|j| (j, false)).ok_or(Error::NotFound { what: "upload" })
        }
        Err(e) => return Err(e),
    }
    ctx.store.take_setting(&key(upload)).await?;
    tracing::info!(job.id = %job.id, org.id = %org, rows = job.total, "bulk job created from an upload");
    Ok((job, true))
}

/// Removes uploads nobody confirmed within [`STAGED_FOR`]. Their ids are time-ordered, so the
/// keys come oldest first and the sweep stops at the first young one.
async fn sweep(ctx: &Ctx, now: OffsetDateTime) -> Result<(), Error> {
    for k in ctx.store.setting_keys_with_prefix(PREFIX, 100).await? {
        let made = k.strip_prefix(PREFIX).and_then(|id| id.parse::<JobId>().ok()).and_then(|id| id.created_at());
        match made {
            Some(t) if now - t <= STAGED_FOR => break,
            _ => {
                ctx.store.take_setting(&k).await?;
                tracing::info!(upload = %k, "unconfirmed CSV upload removed");
            }
        }
    }
    Ok(())
}

async fn existing_job(ctx: &Ctx, org: OrgId, id: JobId) -> Result<Option<BulkJob>, Error> {
    match ctx.store.get_job(id).await {
        Ok(job) if job.org_id == org => Ok(Some(job)),
        Ok(_) => Err(Error::NotFound { what: "upload" }),
        Err(Error::NotFound { .. }) => Ok(None),
        Err(e) => Err(e),
    }
}
