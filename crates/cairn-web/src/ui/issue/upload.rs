//! CSV awards: `POST /console/{slug}/award/csv` (multipart) validates the file and shows the
//! per-row report, keeping the valid rows server-side; `POST …/csv/{upload}/confirm` starts
//! the job (once, however often it is sent); `GET …/award/template.csv` is the template.

use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use cairn_core::ids::{AchievementId, JobId};
use cairn_core::service::bulk::RowProblem;
use cairn_core::service::{achievements, upload};
use cairn_core::Error;
use serde::Deserialize;

use super::award::AwardPage;
use crate::auth::Issuer;
use crate::ui::console::{ConsoleOrg, OrgTabs};
use crate::ui::{render, Nav, OrPage, PageError};
use crate::AppState;

/// The template's header row.
pub const TEMPLATE: &str = "recipient,name,issued_on,valid_until,evidence_url,evidence_narrative,result\r\n";

/// `issue/report.html`.
#[derive(Template)]
#[template(path = "ui/issue/report.html")]
struct ReportPage {
    nav: Nav,
    tabs: OrgTabs,
    achievement: String,
    file_name: String,
    rows: u32,
    valid: u32,
    problems: Vec<RowProblem>,
    upload: Option<JobId>,
}

/// The upload form, read from its parts.
#[derive(Default)]
struct Upload {
    csrf: String,
    achievement: String,
    file_name: String,
    csv: Vec<u8>,
}

async fn read_upload(mut multipart: Multipart) -> Result<Upload, Error> {
    let mut u = Upload::default();
    let bad =
        |e: axum::extract::multipart::MultipartError| Error::invalid("csv", format!("the upload was cut off: {e}"));
    while let Some(field) = multipart.next_field().await.map_err(bad)? {
        match field.name().unwrap_or_default() {
            "csrf" => u.csrf = field.text().await.map_err(bad)?,
            "achievement" => u.achievement = field.text().await.map_err(bad)?,
            "csv" => {
                u.file_name = field.file_name().unwrap_or_default().to_string();
                u.csv = field.bytes().await.map_err(bad)?.to_vec();
            }
            _ => {}
        }
    }
    Ok(u)
}

/// `POST /console/{slug}/award/csv`: the per-row report, with the confirm button when at
/// least one row can be issued.
pub async fn post_csv(
    State(app): State<AppState>,
    console: ConsoleOrg<Issuer>,
    multipart: Multipart,
) -> Result<Response, PageError> {
    let t = console.me.t;
    let u = read_upload(multipart).await.or_page(t)?;
    console.me.check_csrf(&u.csrf).or_page(t)?;
    let staged = match super::parse_id::<AchievementId>("achievement", &u.achievement) {
        Ok(a) => upload::stage(&app.ctx, &console.actor(), console.org.id, a, &u.csv).await.map(|s| (a, s)),
        Err(e) => Err(e),
    };
    let (achievement, staged) = match staged {
        Ok(s) => s,
        Err(e @ (Error::Invalid { .. } | Error::NotFound { .. })) => {
            let mut page = AwardPage::new(&app, &console, &u.achievement).await?;
            page.csv_error = Some(super::form_error(t, &e));
            return Ok((StatusCode::BAD_REQUEST, render(&page).or_page(t)?).into_response());
        }
        Err(e) => return Err(PageError::new(t, e)),
    };
    let name = achievements::get_achievement(&app.ctx, console.org.id, achievement, None).await.or_page(t)?;
    let page = ReportPage {
        nav: console.nav(),
        tabs: console.tabs("award"),
        achievement: name.definition.name,
        file_name: u.file_name,
        rows: staged.report.rows,
        valid: staged.report.valid,
        // The column has its own cell: "recipient: `x` is…" reads "`x` is…" there.
        problems: staged
            .report
            .problems
            .into_iter()
            .map(|mut p| {
                if let Some(rest) = p.message.strip_prefix(&format!("{}: ", p.column)) {
                    p.message = rest.to_string();
                }
                p
            })
            .collect(),
        upload: staged.upload,
    };
    render(&page).or_page(t)
}

/// The confirm form.
#[derive(Debug, Deserialize)]
pub struct ConfirmForm {
    csrf: String,
}

/// `POST /console/{slug}/award/csv/{upload}/confirm`: starts the job and goes to its page.
pub async fn post_confirm(
    State(app): State<AppState>,
    console: ConsoleOrg<Issuer>,
    Path((_, id)): Path<(String, String)>,
    Form(f): Form<ConfirmForm>,
) -> Result<Response, PageError> {
    let t = console.me.t;
    console.me.check_csrf(&f.csrf).or_page(t)?;
    let id: JobId = id.parse().map_err(|_| Error::NotFound { what: "upload" }).or_page(t)?;
    let (job, started) = upload::confirm(&app.ctx, &console.actor(), console.org.id, id).await.or_page(t)?;
    if started {
        app.jobs_notify.notify_one();
    }
    Ok(Redirect::to(&format!("/console/{}/jobs/{}", console.org.slug, job.id)).into_response())
}

/// `GET /console/{slug}/award/template.csv`: the header row Cairn reads.
pub async fn get_template(_console: ConsoleOrg<Issuer>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"cairn-awards.csv\""),
        ],
        TEMPLATE,
    )
        .into_response()
}
