//! Bulk issuance from CSV: a per-row validation report (nothing issued), a job (refused
//! unless every row is valid) that the binary's background worker issues, and its progress.

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cairn_core::model::{BulkJob, JobState};
use cairn_core::service::{achievements, bulk};
use serde::Serialize;
use time::OffsetDateTime;
use utoipa::ToSchema;

use super::body::CsvBody;
use super::{parse_id, ItemPath};
use crate::auth::{Issuer, OrgAuth, Viewer};
use crate::error::ErrorBody;
use crate::{ApiError, AppState};

/// The largest CSV accepted, in bytes (the service also caps the number of rows).
pub const MAX_CSV_BYTES: usize = 64 * 1024 * 1024;

/// A problem with one cell of the CSV.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = RowProblem)]
pub struct RowProblemDto {
    /// Row number (1 = the first data row).
    pub row: u32,
    /// Column name.
    pub column: String,
    /// What is wrong.
    pub message: String,
}

/// The validation report of a CSV: nothing was issued.
#[derive(Debug, Serialize, ToSchema)]
pub struct CsvReportResponse {
    /// Data rows read.
    pub rows: u32,
    /// Rows without problems.
    pub valid: u32,
    /// Every problem found.
    pub problems: Vec<RowProblemDto>,
}

/// A bulk job and its progress.
#[derive(Debug, Serialize, ToSchema)]
pub struct JobResponse {
    /// Id.
    pub id: uuid::Uuid,
    /// Achievement awarded.
    pub achievement_id: uuid::Uuid,
    /// `running`, `done` or `cancelled`.
    pub state: String,
    /// Rows in total.
    pub total: u32,
    /// Rows issued.
    pub issued: u32,
    /// Rows that failed at issue time.
    pub failed: u32,
    /// Created.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// Failed rows with reasons.
    pub failures: Vec<JobFailureDto>,
}

/// A row that failed at issue time.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = JobFailure)]
pub struct JobFailureDto {
    /// Row number (1 = the first data row).
    pub row: u32,
    /// Why.
    pub message: String,
}

impl JobResponse {
    fn new(job: BulkJob, failures: Vec<(u32, String)>) -> Self {
        let state = match job.state {
            JobState::Running => "running",
            JobState::Done => "done",
            JobState::Cancelled => "cancelled",
        };
        Self {
            id: job.id.0,
            achievement_id: job.achievement_id.0,
            state: state.to_string(),
            total: job.total,
            issued: job.issued,
            failed: job.failed,
            created_at: job.created_at,
            failures: failures.into_iter().map(|(row, message)| JobFailureDto { row, message }).collect(),
        }
    }
}

/// Validates a CSV row by row without issuing anything. Columns: `recipient` (required),
/// `name`, `issued_on`, `valid_until`, `evidence_url`, `evidence_narrative`, `result`.
#[utoipa::path(post, path = "/api/v1/orgs/{slug}/achievements/{id}/bulk/validate", tag = "bulk",
    params(
        ("slug" = String, Path, description = "Organisation slug"),
        ("id" = uuid::Uuid, Path, description = "Achievement id"),
    ),
    request_body(content = String, content_type = "text/csv", description = "The CSV, with a header row"),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The per-row report", body = CsvReportResponse),
        (status = 400, description = "Not a CSV Cairn reads (header problems, no rows)", body = ErrorBody),
        (status = 404, description = "No such achievement in this organisation", body = ErrorBody),
    ))]
pub async fn validate_csv(
    State(app): State<AppState>,
    auth: OrgAuth<Issuer>,
    Path(path): Path<ItemPath>,
    CsvBody(csv): CsvBody,
) -> Result<Json<CsvReportResponse>, ApiError> {
    achievements::get_achievement(&app.ctx, auth.org.id, parse_id("id", &path.id)?, None).await?;
    let report = bulk::parse_csv(&csv)?;
    let problems = report
        .problems
        .into_iter()
        .map(|p| RowProblemDto { row: p.row, column: p.column, message: p.message })
        .collect();
    Ok(Json(CsvReportResponse { rows: report.rows, valid: report.valid, problems }))
}

/// Starts a bulk job for a CSV whose every row is valid (otherwise 400 naming the first
/// problem; nothing is issued). The job survives restarts; poll `Location` for progress.
#[utoipa::path(post, path = "/api/v1/orgs/{slug}/achievements/{id}/bulk", tag = "bulk",
    params(
        ("slug" = String, Path, description = "Organisation slug"),
        ("id" = uuid::Uuid, Path, description = "Achievement id"),
    ),
    request_body(content = String, content_type = "text/csv", description = "The CSV, with a header row"),
    security(("bearer" = [])),
    responses(
        (status = 202, description = "The job, accepted", body = JobResponse,
            headers(("Location" = String, description = "The job's URL"))),
        (status = 400, description = "A row is invalid (`field` is `row <n> <column>`)", body = ErrorBody),
        (status = 403, description = "The token's role is below issuer", body = ErrorBody),
        (status = 404, description = "No such achievement in this organisation", body = ErrorBody),
    ))]
pub async fn start_job(
    State(app): State<AppState>,
    auth: OrgAuth<Issuer>,
    Path(path): Path<ItemPath>,
    CsvBody(csv): CsvBody,
) -> Result<Response, ApiError> {
    let (job, _) = bulk::start_job(&app.ctx, &auth.actor, auth.org.id, parse_id("id", &path.id)?, &csv).await?;
    app.jobs_notify.notify_one();
    let location = format!("/api/v1/orgs/{}/jobs/{}", auth.org.slug, job.id);
    Ok((StatusCode::ACCEPTED, [(header::LOCATION, location)], Json(JobResponse::new(job, Vec::new()))).into_response())
}

/// A job's progress and failed rows.
#[utoipa::path(get, path = "/api/v1/orgs/{slug}/jobs/{id}", tag = "bulk",
    params(
        ("slug" = String, Path, description = "Organisation slug"),
        ("id" = uuid::Uuid, Path, description = "Job id"),
    ),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The job", body = JobResponse),
        (status = 404, description = "No such job in this organisation", body = ErrorBody),
    ))]
pub async fn get_job(
    State(app): State<AppState>,
    auth: OrgAuth<Viewer>,
    Path(path): Path<ItemPath>,
) -> Result<Json<JobResponse>, ApiError> {
    let (job, failures) = bulk::job_status(&app.ctx, auth.org.id, parse_id("id", &path.id)?).await?;
    Ok(Json(JobResponse::new(job, failures)))
}
