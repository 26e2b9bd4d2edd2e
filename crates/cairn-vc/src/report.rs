//! The structured verification report: every check, passed, failed, a warning or skipped,
//! each with a reason a person can read.

use serde::Serialize;

/// The outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// The check passed.
    Passed,
    /// The check failed: the credential is not valid.
    Failed,
    /// Something a verifier should know; the credential may still be valid.
    Warning,
    /// The check did not apply or could not run.
    Skipped,
}

/// One check of a verification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    /// Stable id of the check: `parse`, `context`, `data_model`, `schema`, `expansion`,
    /// `proof`, `issuer`, `status`, `validity`, `endorsement`, `refresh`.
    pub check: &'static str,
    /// Its outcome.
    pub outcome: Outcome,
    /// A human-readable reason.
    pub message: String,
    /// The specification's error code, for failures.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

/// The result of verifying one credential.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// True when no check failed.
    pub verified: bool,
    /// Every check, in the order they ran.
    pub checks: Vec<Check>,
}

impl Report {
    /// Adds a check.
    pub fn push(&mut self, check: &'static str, outcome: Outcome, message: impl Into<String>) {
        self.checks.push(Check { check, outcome, message: message.into(), code: None });
    }

    /// Adds a passed check.
    pub fn pass(&mut self, check: &'static str, message: impl Into<String>) {
        self.push(check, Outcome::Passed, message);
    }

    /// Adds a warning.
    pub fn warn(&mut self, check: &'static str, message: impl Into<String>) {
        self.push(check, Outcome::Warning, message);
    }

    /// Adds a failure with its code.
    pub fn fail(&mut self, check: &'static str, code: &str, message: impl Into<String>) {
        self.checks.push(Check { check, outcome: Outcome::Failed, message: message.into(), code: Some(code.into()) });
    }

    /// Adds a skipped check.
    pub fn skip(&mut self, check: &'static str, message: impl Into<String>) {
        self.push(check, Outcome::Skipped, message);
    }

    /// Sets `verified` from the checks; call once all checks ran.
    pub fn finish(mut self) -> Self {
        self.verified = !self.checks.iter().any(|c| c.outcome == Outcome::Failed);
        self
    }

    /// The failed checks.
    pub fn errors(&self) -> impl Iterator<Item = &Check> {
        self.checks.iter().filter(|c| c.outcome == Outcome::Failed)
    }

    /// The warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Check> {
        self.checks.iter().filter(|c| c.outcome == Outcome::Warning)
    }

    /// The outcome of the first check named `check` (for tests and summaries).
    pub fn outcome_of(&self, check: &str) -> Option<Outcome> {
        self.checks.iter().find(|c| c.check == check).map(|c| c.outcome)
    }

    /// Whether any failed check has this code.
    pub fn has_error_code(&self, code: &str) -> bool {
        self.errors().any(|c| c.code.as_deref() == Some(code))
    }
}
