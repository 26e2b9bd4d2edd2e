//! Model checks run on the raw JSON of a credential, so that each finding names a JSON
//! pointer (STANDARDS.md §6 steps 3–4, §2.10).
//!
//! [`check_open_badge`] and [`check_clr`] are Cairn's equivalent of the 1EdTech strict JSON
//! Schemas (which Cairn may not ship), plus the specification rules the schemas leave out
//! (subject `id` or `identifier`, URI formats, criteria, result links). Failures caused only by
//! JSON-LD compaction (a single value where the strict schema wants an array, a bare IRI for
//! an `image`) and Cairn's two-entry `credentialStatus` are warnings; everything else is an
//! error. Run [`check_vc_data_model`] as well: the OB checks do not repeat the VCDM rules.

mod clr;
mod format;
mod ob;
mod ob_achievement;
mod ob_profile;
mod obj;
mod vcdm;

use serde_json::Value;

pub use format::{is_date, is_date_time, is_uri, parse_date_time};

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Severity {
    /// The document does not conform; verification fails.
    Error,
    /// Accepted, but outside the strict form (e.g. a compacted single value).
    Warning,
}

/// One problem found by a model check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// JSON pointer of the offending (or missing) member, e.g.
    /// `/credentialSubject/achievement/criteria`; empty for the whole document.
    pub path: String,
    /// What is wrong, in words.
    pub message: String,
}

impl Finding {
    /// True for [`Severity::Error`].
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let path = if self.path.is_empty() { "/" } else { &self.path };
        write!(f, "{level} at {path}: {}", self.message)
    }
}

/// VC Data Model 2.0 (or 1.1, chosen by the first `@context`) rules of §6 step 3: `type`
/// contains `VerifiableCredential`; `issuer` is a URL/DID or an object with one;
/// `validFrom`/`issuanceDate` are dateTimeStamps and not after `validUntil`/`expirationDate`;
/// `credentialSchema`, `refreshService`, `credentialStatus`, `evidence` and `termsOfUse`
/// objects have a `type`; `relatedResource` entries have unique ids and a digest.
pub fn check_vc_data_model(doc: &Value) -> Vec<Finding> {
    let mut report = Report::default();
    vcdm::credential(&mut report, doc, "");
    report.findings
}

/// OB 3.0 AchievementCredential rules, equivalent to the strict 1EdTech schema plus the
/// specification's MUSTs (§2.1–2.10). VCDM 1.1 documents are checked against the
/// `issuanceDate` variant.
pub fn check_open_badge(doc: &Value) -> Vec<Finding> {
    let mut report = Report::default();
    ob::achievement_credential(&mut report, doc, "");
    report.findings
}

/// OB 3.0 EndorsementCredential rules (strict endorsement schema equivalent), for
/// endorsements received on their own; embedded ones are checked by [`check_open_badge`].
pub fn check_endorsement(doc: &Value) -> Vec<Finding> {
    let mut report = Report::default();
    ob_profile::endorsement_credential(&mut report, doc, "");
    report.findings
}

/// CLR 2.0 ClrCredential rules (§9). Each component credential gets the VCDM checks, and the
/// OB checks when it is an OB credential, with paths under
/// `/credentialSubject/verifiableCredential/<n>`.
pub fn check_clr(doc: &Value) -> Vec<Finding> {
    let mut report = Report::default();
    clr::clr_credential(&mut report, doc, "");
    report.findings
}

/// Findings collected by one check run.
#[derive(Debug, Default)]
struct Report {
    findings: Vec<Finding>,
}

impl Report {
    fn error(&mut self, path: &str, message: impl Into<String>) {
        self.push(Severity::Error, path, message.into());
    }

    fn warn(&mut self, path: &str, message: impl Into<String>) {
        self.push(Severity::Warning, path, message.into());
    }

    fn push(&mut self, severity: Severity, path: &str, message: String) {
        self.findings.push(Finding { severity, path: path.to_owned(), message });
    }
}

/// `base` + `/` + `key`, escaped as a JSON pointer token (RFC 6901).
fn join(base: &str, key: &str) -> String {
    let mut path = String::with_capacity(base.len() + key.len() + 1);
    path.push_str(base);
    path.push('/');
    if key.contains(['~', '/']) {
        path.push_str(&key.replace('~', "~0").replace('/', "~1"));
    } else {
        path.push_str(key);
    }
    path
}

/// `base` + `/` + array index.
fn index(base: &str, i: usize) -> String {
    format!("{base}/{i}")
}
