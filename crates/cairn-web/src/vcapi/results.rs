//! VC-API verification results: the engine's [`Report`] as `{verified, checks, warnings,
//! errors}`, problems as RFC 9457 ProblemDetails. Errors use the specifications' codes
//! (`https://w3id.org/security#<CODE>`, `https://www.w3.org/ns/credentials/status-list#<CODE>`
//! for status); the engine's warnings carry no code, so their `type` names the check under
//! Cairn's namespace (`https://w3id.org/cairn/problems#<check>`).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use cairn_vc::report::{Check, Outcome, Report};
use cairn_vc::verify::PresentationReport;
use serde::Serialize;

use crate::error::problem_title;

/// An RFC 9457 problem.
#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    /// The problem type URL.
    #[serde(rename = "type")]
    pub kind: String,
    /// A short summary.
    pub title: String,
    /// What happened.
    pub detail: String,
}

/// `{verified, checks, warnings, errors}`.
#[derive(Debug, Clone, Serialize)]
pub struct VerificationResult {
    /// No check failed.
    pub verified: bool,
    /// The checks that passed.
    pub checks: Vec<&'static str>,
    /// Warnings.
    pub warnings: Vec<Problem>,
    /// Errors.
    pub errors: Vec<Problem>,
}

fn error_problem(check: &Check, prefix: &str) -> Problem {
    let code = check.code.as_deref().unwrap_or("VERIFICATION_ERROR");
    let namespace = if check.check == "status" {
        "https://www.w3.org/ns/credentials/status-list#"
    } else {
        "https://w3id.org/security#"
    };
    Problem {
        kind: format!("{namespace}{code}"),
        title: problem_title(code),
        detail: format!("{prefix}{}", check.message),
    }
}

fn warning_problem(check: &Check, prefix: &str) -> Problem {
    Problem {
        kind: format!("https://w3id.org/cairn/problems#{}", check.check),
        title: format!("Warning ({})", check.check),
        detail: format!("{prefix}{}", check.message),
    }
}

impl VerificationResult {
    /// The result for a report; `prefix` is put before each problem's detail.
    pub fn from_report(report: &Report, prefix: &str) -> Self {
        let mut checks: Vec<&'static str> = Vec::new();
        for c in report.checks.iter().filter(|c| c.outcome == Outcome::Passed) {
            if !checks.contains(&c.check) {
                checks.push(c.check);
            }
        }
        VerificationResult {
            verified: report.verified,
            checks,
            warnings: report.warnings().map(|c| warning_problem(c, prefix)).collect(),
            errors: report.errors().map(|c| error_problem(c, prefix)).collect(),
        }
    }

    /// A 400 for a request that could not be read.
    pub fn parsing_error(detail: &str) -> Self {
        VerificationResult {
            verified: false,
            checks: Vec::new(),
            warnings: Vec::new(),
            errors: vec![Problem {
                kind: "https://w3id.org/security#PARSING_ERROR".into(),
                title: problem_title("PARSING_ERROR"),
                detail: detail.into(),
            }],
        }
    }
}

impl IntoResponse for VerificationResult {
    fn into_response(self) -> Response {
        let status = if self.verified { StatusCode::OK } else { StatusCode::BAD_REQUEST };
        (status, Json(self)).into_response()
    }
}

/// The presentation's result: its own checks at the top level (errors and warnings of the
/// credentials included, their details prefixed), plus one result per credential.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PresentationResult {
    /// Top-level summary.
    #[serde(flatten)]
    pub summary: VerificationResult,
    /// The presentation's own checks.
    pub presentation_result: VerificationResult,
    /// One result per embedded credential.
    pub credential_results: Vec<VerificationResult>,
}

impl PresentationResult {
    /// The result for a presentation report.
    pub fn from_report(report: &PresentationReport) -> Self {
        let presentation_result = VerificationResult::from_report(&report.presentation, "");
        let credential_results: Vec<VerificationResult> = report
            .credentials
            .iter()
            .enumerate()
            .map(|(i, r)| VerificationResult::from_report(r, &format!("verifiableCredential[{i}]: ")))
            .collect();
        let mut summary = presentation_result.clone();
        summary.verified = report.verified;
        for c in &credential_results {
            summary.warnings.extend(c.warnings.iter().cloned());
            summary.errors.extend(c.errors.iter().cloned());
        }
        PresentationResult { summary, presentation_result, credential_results }
    }
}

impl IntoResponse for PresentationResult {
    fn into_response(self) -> Response {
        let status = if self.summary.verified { StatusCode::OK } else { StatusCode::BAD_REQUEST };
        (status, Json(self)).into_response()
    }
}
