//! `GET /console/{slug}/jobs/{id}`: a bulk job's progress. Without JavaScript the page
//! reloads itself every two seconds while the job runs; with it, `console-issue.js` polls
//! `GET …/jobs/{id}/progress` (JSON) and reloads once the job is done.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cairn_core::ids::JobId;
use cairn_core::model::{BulkJob, JobState};
use cairn_core::service::{achievements, bulk};
use cairn_core::Error;
use serde::Serialize;

use crate::ui::console::{ConsoleOrg, OrgTabs};
use crate::ui::i18n::Tr;
use crate::ui::{assets, render, Nav, OrPage, PageError};
use crate::AppState;

/// `issue/job.html`.
#[derive(Template)]
#[template(path = "ui/issue/job.html")]
struct JobPage {
    nav: Nav,
    tabs: OrgTabs,
    job: BulkJob,
    achievement: String,
    status: String,
    failures: Vec<(u32, String)>,
}

impl JobPage {
    fn running(&self) -> bool {
        self.job.state == JobState::Running
    }

    fn handled(&self) -> u32 {
        self.job.issued + self.job.failed
    }

    fn started(&self) -> String {
        super::iso_day(self.job.created_at)
    }

    fn script(&self) -> &'static str {
        assets::url("console-issue.js")
    }
}

/// The sentence that says where a job is.
fn status_text(t: Tr, job: &BulkJob) -> String {
    let key = match job.state {
        JobState::Running => "issue-job-running",
        JobState::Done => "issue-job-done",
        JobState::Cancelled => "issue-job-cancelled",
    };
    let counts = t.args(
        "issue-job-counts",
        &[("issued", &job.issued.to_string()), ("failed", &job.failed.to_string()), ("total", &job.total.to_string())],
    );
    format!("{} {counts}", t.t(key))
}

fn job_id(t: Tr, raw: &str) -> Result<JobId, PageError> {
    raw.parse().map_err(|_| Error::NotFound { what: "job" }).or_page(t)
}

/// `GET /console/{slug}/jobs/{id}`.
pub async fn view_job(
    State(app): State<AppState>,
    console: ConsoleOrg,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let t = console.me.t;
    let (job, failures) = bulk::job_status(&app.ctx, console.org.id, job_id(t, &id)?).await.or_page(t)?;
    let achievement = achievements::get_achievement(&app.ctx, console.org.id, job.achievement_id, None)
        .await
        .map(|a| a.definition.name)
        .or_page(t)?;
    let status = status_text(t, &job);
    let page = JobPage { nav: console.nav(), tabs: console.tabs("award"), job, achievement, status, failures };
    render(&page).or_page(t)
}

/// The progress poll's answer.
#[derive(Debug, Serialize)]
pub struct Progress {
    state: &'static str,
    total: u32,
    issued: u32,
    failed: u32,
    /// The status sentence, translated.
    text: String,
}

/// `GET /console/{slug}/jobs/{id}/progress`.
pub async fn get_progress(
    State(app): State<AppState>,
    console: ConsoleOrg,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let t = console.me.t;
    let (job, _) = bulk::job_status(&app.ctx, console.org.id, job_id(t, &id)?).await.or_page(t)?;
    let state = match job.state {
        JobState::Running => "running",
        JobState::Done => "done",
        JobState::Cancelled => "cancelled",
    };
    let text = status_text(t, &job);
    Ok(Json(Progress { state, total: job.total, issued: job.issued, failed: job.failed, text }).into_response())
}
