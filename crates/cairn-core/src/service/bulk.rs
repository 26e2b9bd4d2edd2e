//! Bulk issuance from CSV: a per-row validation report before anything is issued, then a
//! job whose rows are leased, issued and stored exactly once — across restarts (leases
//! expire) and across servers sharing one database (row uniqueness is a constraint).

use serde::Serialize;
use time::OffsetDateTime;

use super::issue::{prepare, PendingAward};
use super::Ctx;
use crate::ids::{AchievementId, JobId, OrgId};
use crate::model::{Actor, AwardInput, BulkJob, BulkRow, EvidenceInput, JobState, Recipient, Role};
use crate::Error;

/// The most rows one CSV may hold.
pub const MAX_ROWS: usize = 200_000;
/// Rows issued per lease.
pub const BATCH: u32 = 500;
/// How long a lease lasts before another worker may take the rows over. It is also how long
/// a server restarted after a crash waits for the batch that died with it, so it is short: a
/// batch of [`BATCH`] rows takes well under a second in a release build. A batch that outlives
/// its lease is still issued once (the credentials table allows one credential per job row),
/// at the cost of another server signing those rows again.
pub const LEASE_SECS: i64 = 30;

const COLUMNS: &[&str] =
    &["recipient", "name", "issued_on", "valid_until", "evidence_url", "evidence_narrative", "result"];

/// A problem with one cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowProblem {
    /// Row number (1 = first data row).
    pub row: u32,
    /// Column name.
    pub column: String,
    /// What is wrong.
    pub message: String,
}

/// The validation report of a CSV upload.
#[derive(Debug, Clone, Serialize)]
pub struct CsvReport {
    /// Data rows read.
    pub rows: u32,
    /// Rows without problems.
    pub valid: u32,
    /// Every problem found.
    pub problems: Vec<RowProblem>,
    /// The parsed awards of valid rows.
    #[serde(skip)]
    pub awards: Vec<(u32, AwardInput)>,
}

/// Parses and validates a CSV (header row required; columns: recipient, name, issued_on,
/// valid_until, evidence_url, evidence_narrative, result). Header problems are errors;
/// cell problems are collected per row.
pub fn parse_csv(bytes: &[u8]) -> Result<CsvReport, Error> {
    let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).flexible(false).from_reader(bytes);
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| Error::invalid("csv", format!("cannot read the header row: {e}")))?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').to_lowercase())
        .collect();
    if let Some(unknown) = headers.iter().find(|h| !COLUMNS.contains(&h.as_str())) {
        return Err(Error::invalid("csv", format!("unknown column `{unknown}`; columns are {}", COLUMNS.join(", "))));
    }
    if !headers.iter().any(|h| h == "recipient") {
        return Err(Error::invalid("csv", "the `recipient` column (email address or DID) is required"));
    }
    let mut report = CsvReport { rows: 0, valid: 0, problems: Vec::new(), awards: Vec::new() };
    for (i, record) in reader.records().enumerate() {
        let row = u32::try_from(i + 1).unwrap_or(u32::MAX);
        if i >= MAX_ROWS {
            return Err(Error::invalid("csv", format!("more than {MAX_ROWS} rows; split the file")));
        }
        report.rows = row;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                report.problems.push(RowProblem { row, column: "csv".into(), message: e.to_string() });
                continue;
            }
        };
        let cell =
            |name: &str| headers.iter().position(|h| h == name).and_then(|p| record.get(p)).filter(|v| !v.is_empty());
        let before = report.problems.len();
        let mut problem = |column: &str, message: String| {
            report.problems.push(RowProblem { row, column: column.into(), message });
        };
        let recipient = match cell("recipient").map(|r| Recipient::parse("recipient", r)) {
            Some(Ok(r)) => Some(r),
            Some(Err(e)) => {
                problem("recipient", e.to_string());
                None
            }
            None => {
                problem("recipient", "is empty".into());
                None
            }
        };
        let mut date = |column: &str| match cell(column).map(parse_date) {
            Some(Some(d)) => Some(d),
            Some(None) => {
                problem(column, "must be a date (YYYY-MM-DD) or an RFC 3339 date-time".into());
                None
            }
            None => None,
        };
        let issued_on = date("issued_on");
        let valid_until = date("valid_until");
        if let (Some(a), Some(b)) = (issued_on, valid_until) {
            if b <= a {
                problem("valid_until", "must be after issued_on".into());
            }
        }
        let evidence_url = cell("evidence_url").map(str::to_string);
        if evidence_url.as_deref().is_some_and(|u| !u.starts_with("https://") && !u.starts_with("http://")) {
            problem("evidence_url", "must be an http(s) URL".into());
        }
        if report.problems.len() == before {
            let evidence_narrative = cell("evidence_narrative").map(str::to_string);
            let evidence = if evidence_url.is_some() || evidence_narrative.is_some() {
                vec![EvidenceInput { url: evidence_url, narrative: evidence_narrative }]
            } else {
                Vec::new()
            };
            if let Some(recipient) = recipient {
                let award = AwardInput {
                    recipient,
                    name: cell("name").map(str::to_string),
                    issued_on,
                    valid_until,
                    evidence,
                    result: cell("result").map(str::to_string),
                };
                report.awards.push((row, award));
                report.valid += 1;
            }
        }
    }
    if report.rows == 0 {
        return Err(Error::invalid("csv", "the file has no data rows"));
    }
    Ok(report)
}

/// A date as the CSV and the API accept it: RFC 3339 (zone-less read as UTC) or `YYYY-MM-DD`
/// (midnight UTC).
pub fn parse_date(s: &str) -> Option<OffsetDateTime> {
    if let Some((t, _)) = cairn_vc::datetime::parse(s) {
        return Some(t);
    }
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(s, fmt).ok().map(|d| d.midnight().assume_utc())
}

/// Starts a job for a CSV whose every row is valid; otherwise returns the report as an error.
pub async fn start_job(
    ctx: &Ctx,
    actor: &Actor,
    org: OrgId,
    achievement: AchievementId,
    csv: &[u8],
) -> Result<(BulkJob, CsvReport), Error> {
    super::auth::require(ctx, actor, org, Role::Issuer).await?;
    super::achievements::get_achievement(ctx, org, achievement, None).await?;
    let report = parse_csv(csv)?;
    if let Some(p) = report.problems.first() {
        return Err(Error::invalid(
            format!("row {} {}", p.row, p.column),
            format!(
                "{} ({} problem(s) in {} row(s); nothing was issued)",
                p.message,
                report.problems.len(),
                report.rows
            ),
        ));
    }
    let job = BulkJob {
        id: JobId::new_random(),
        org_id: org,
        achievement_id: achievement,
        created_by: actor.user_id,
        state: JobState::Running,
        total: report.rows,
        issued: 0,
        failed: 0,
        created_at: ctx.clock.now(),
    };
    let rows: Vec<BulkRow> =
        report.awards.iter().map(|(row, input)| BulkRow { job_id: job.id, row: *row, input: input.clone() }).collect();
    ctx.store.create_job(&job, &rows).await?;
    tracing::info!(job.id = %job.id, org.id = %org, rows = job.total, "bulk job created");
    Ok((job, report))
}

/// One round of work on a job: lease a batch, issue it, store it. Returns the rows handled
/// (0 when nothing was left to lease).
pub async fn work_on_job(ctx: &Ctx, job_id: JobId) -> Result<u32, Error> {
    let job = ctx.store.get_job(job_id).await?;
    if job.state != JobState::Running {
        return Ok(0);
    }
    let now = ctx.clock.now();
    let rows = ctx.store.lease_rows(job_id, BATCH, now + time::Duration::seconds(LEASE_SECS), now).await?;
    if rows.is_empty() {
        ctx.store.finish_job_if_done(job_id).await?;
        return Ok(0);
    }
    let org = ctx.store.get_org(job.org_id).await?;
    let achievement = ctx.store.get_achievement(job.achievement_id, None).await?;
    let pending: Vec<PendingAward> = rows
        .iter()
        .map(|r| PendingAward { input: r.input.clone(), idempotency_key: None, job: Some((job_id, r.row)) })
        .collect();
    let n = u32::try_from(rows.len()).unwrap_or(u32::MAX);
    match prepare(ctx, &org, &achievement, &pending).await {
        Ok((records, deliveries)) => ctx.store.complete_rows(job_id, &records, &deliveries, &[]).await?,
        Err(e @ (Error::Storage(_) | Error::Internal(_))) => return Err(e),
        Err(e) => {
            // A row-level problem (bad dates): fail rows one by one so the others still issue.
            for p in &pending {
                match prepare(ctx, &org, &achievement, std::slice::from_ref(p)).await {
                    Ok((records, deliveries)) => ctx.store.complete_rows(job_id, &records, &deliveries, &[]).await?,
                    Err(row_err) => {
                        let row = p.job.map(|(_, r)| r).unwrap_or_default();
                        ctx.store.complete_rows(job_id, &[], &[], &[(row, row_err.to_string())]).await?;
                    }
                }
            }
            tracing::warn!(job.id = %job_id, error = %e, "a batch had failing rows");
        }
    }
    ctx.store.finish_job_if_done(job_id).await?;
    Ok(n)
}

/// One of `org`'s jobs with its failed rows (row number and reason).
pub async fn job_status(ctx: &Ctx, org: OrgId, id: JobId) -> Result<(BulkJob, Vec<(u32, String)>), Error> {
    let job = ctx.store.get_job(id).await?;
    if job.org_id != org {
        return Err(Error::NotFound { what: "job" });
    }
    let failures = ctx.store.job_failures(id).await?;
    Ok((job, failures))
}
