//! Issuing in the console: the dashboard (`/console/{slug}`), awarding one person or a CSV
//! (`…/award`, the per-row report, confirmation, the job's progress page), and the list of
//! issued credentials with revoke, suspend and reinstate (`…/credentials`).

mod award;
mod chart;
mod dashboard;
mod jobs;
mod list;
mod upload;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use cairn_core::Error;

use super::i18n::Tr;
use crate::AppState;

/// Routes of the issuing pages.
pub fn router() -> Router<AppState> {
    let upload_limit = DefaultBodyLimit::max(crate::api::bulk::MAX_CSV_BYTES + 64 * 1024);
    Router::new()
        .route("/console/{slug}", get(dashboard::view_dashboard))
        .route("/console/{slug}/award", get(award::view_award).post(award::post_award))
        .route("/console/{slug}/award/issued/{id}", get(award::view_awarded))
        .route("/console/{slug}/award/csv", post(upload::post_csv).layer(upload_limit))
        .route("/console/{slug}/award/template.csv", get(upload::get_template))
        .route("/console/{slug}/award/csv/{upload}/confirm", post(upload::post_confirm))
        .route("/console/{slug}/jobs/{id}", get(jobs::view_job))
        .route("/console/{slug}/jobs/{id}/progress", get(jobs::get_progress))
        .route("/console/{slug}/credentials", get(list::view_credentials))
        .route("/console/{slug}/credentials/{id}/{action}", post(list::post_action))
}

/// An error message for a form: the field's translated name, then the (English) message.
fn form_error(t: Tr, e: &Error) -> String {
    match e {
        Error::Invalid { field, message } => {
            let key = match field.as_str() {
                f if f.starts_with("evidence") && f.ends_with(".url") => "issue-field-evidence-url",
                f if f.starts_with("evidence") => "issue-field-evidence",
                "recipient" => "issue-field-recipient",
                "issued_on" => "issue-field-issued-on",
                "valid_until" => "issue-field-valid-until",
                "achievement" => "issue-field-achievement",
                "csv" => "issue-field-csv",
                "reason" => "issue-field-reason",
                _ => return format!("{field}: {message}"),
            };
            format!("{}: {message}", t.t(key))
        }
        other => other.to_string(),
    }
}

/// A path id, or `Invalid` naming the field.
fn parse_id<T: std::str::FromStr>(field: &str, raw: &str) -> Result<T, Error> {
    raw.trim().parse().map_err(|_| Error::invalid(field, "choose one from the list"))
}

/// `YYYY-MM-DD` of a moment (UTC).
fn iso_day(t: time::OffsetDateTime) -> String {
    let d = t.to_offset(time::UtcOffset::UTC).date();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}
