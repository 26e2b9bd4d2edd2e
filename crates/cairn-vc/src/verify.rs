//! Verification of a credential into a [`Report`], in the order of STANDARDS.md §6:
//! parse → contexts → data model → schema → expansion and proofs → issuer → status →
//! validity → endorsements → refresh.

mod dates;
mod presentation;
mod proofs;
mod resources;
mod status_check;

use serde_json::{Map, Value};
use time::OffsetDateTime;

use crate::canon::Canonicalizer;
use crate::model::checks::{self, Severity};
use crate::report::Report;
use crate::resolve::Resolver;
use crate::status::has_type;

pub use presentation::{verify_presentation, PresentationChecks, PresentationReport, AUTHENTICATION};

/// The largest credential accepted, in bytes.
pub const MAX_CREDENTIAL_BYTES: usize = 4 * 1024 * 1024;

/// Known OB 3.0 / CLR 2.0 schema URLs whose rules are built into the data-model checks.
const KNOWN_SCHEMAS: &[&str] = &[
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_endorsementcredential_schema.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_anyachievementcredential_schema.json",
    "https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json",
];

/// How to verify.
#[derive(Debug, Clone)]
pub struct VerifyOptions {
    /// Check `credentialStatus` (on by default, as the VC-API suites expect).
    pub check_status: bool,
    /// Require the key's controller to be the issuer (off only for test vectors whose
    /// issuer is not the key's controller).
    pub issuer_binding: bool,
    /// Tolerated clock skew for validity dates, in seconds.
    pub clock_skew_secs: i64,
    /// The proof purpose to expect.
    pub proof_purpose: String,
}

impl Default for VerifyOptions {
    fn default() -> Self {
        Self { check_status: true, issuer_binding: true, clock_skew_secs: 60, proof_purpose: "assertionMethod".into() }
    }
}

/// Verifies credentials against one canonicalizer (shared context cache) and one resolver.
pub struct Verifier<'a> {
    /// JSON-LD + RDFC.
    pub canon: &'a Canonicalizer,
    /// Retrieval of DID documents and status lists.
    pub resolver: &'a dyn Resolver,
    /// "Now", from the caller's clock.
    pub now: OffsetDateTime,
    /// Options.
    pub options: VerifyOptions,
}

impl Verifier<'_> {
    /// Parses and verifies a credential given as bytes (JSON).
    pub fn verify_bytes(&self, bytes: &[u8]) -> Report {
        let mut report = Report::default();
        if bytes.len() > MAX_CREDENTIAL_BYTES {
            report.fail(
                "parse",
                "PARSING_ERROR",
                format!("the credential is larger than {MAX_CREDENTIAL_BYTES} bytes"),
            );
            return report.finish();
        }
        match serde_json::from_slice::<Value>(bytes) {
            Ok(doc) => self.verify(&doc),
            Err(e) => {
                report.fail("parse", "PARSING_ERROR", format!("not valid JSON: {e}"));
                report.finish()
            }
        }
    }

    /// Verifies a parsed credential.
    pub fn verify(&self, doc: &Value) -> Report {
        self.verify_at_depth(doc, 0)
    }

    fn verify_at_depth(&self, doc: &Value, depth: usize) -> Report {
        let mut report = Report::default();
        let Some(obj) = doc.as_object() else {
            report.fail("parse", "PARSING_ERROR", "a credential must be a JSON object");
            return report.finish();
        };
        report.pass("parse", "the credential is a JSON object");
        if !self.check_contexts(obj, &mut report) {
            return report.finish();
        }
        self.check_data_model(doc, obj, &mut report);
        let issuer = issuer_id(obj);
        proofs::check_proofs(self, obj, issuer.as_deref(), &mut report);
        if self.options.check_status {
            status_check::check_status(self, obj, issuer.as_deref(), depth, &mut report);
        }
        dates::check_validity(obj, self.now, self.options.clock_skew_secs, &mut report);
        resources::check_related_resources(obj, &mut report);
        if depth < 2 {
            self.check_endorsements(obj, depth, &mut report);
        }
        if obj.contains_key("refreshService") {
            report
                .skip("refresh", "refreshService present; Cairn does not contact the issuer to refresh automatically");
        }
        report.finish()
    }

    fn check_contexts(&self, obj: &Map<String, Value>, report: &mut Report) -> bool {
        let ctx: Vec<&Value> = match obj.get("@context") {
            Some(Value::Array(a)) => a.iter().collect(),
            Some(v) => vec![v],
            None => Vec::new(),
        };
        let first = ctx.first().and_then(|v| v.as_str());
        if !matches!(first, Some(crate::contexts::VC_V2 | crate::contexts::VC_V1)) {
            report.fail(
                "context",
                "PARSING_ERROR",
                "the first @context must be https://www.w3.org/ns/credentials/v2 (or the VC 1.1 context)",
            );
            return false;
        }
        if let Some(unknown) = ctx.iter().filter_map(|v| v.as_str()).find(|u| !self.canon.knows_context(u)) {
            report.fail(
                "context",
                "UNKNOWN_CONTEXT",
                format!("{unknown} is not an allow-listed context; Cairn never fetches contexts"),
            );
            return false;
        }
        report.pass("context", format!("{} context(s), all allow-listed", ctx.len()));
        true
    }

    fn check_data_model(&self, doc: &Value, obj: &Map<String, Value>, report: &mut Report) {
        let mut findings = checks::check_vc_data_model(doc);
        let is_ob =
            has_type(obj.get("type"), "OpenBadgeCredential") || has_type(obj.get("type"), "AchievementCredential");
        let is_clr = has_type(obj.get("type"), "ClrCredential");
        if is_ob {
            findings.extend(checks::check_open_badge(doc));
        } else if is_clr {
            findings.extend(checks::check_clr(doc));
        }
        let errors = findings.iter().filter(|f| f.severity == Severity::Error).count();
        for f in &findings {
            match f.severity {
                Severity::Error => report.fail("data_model", "DATA_MODEL_ERROR", format!("{}: {}", f.path, f.message)),
                Severity::Warning => report.warn("data_model", format!("{}: {}", f.path, f.message)),
            }
        }
        if errors == 0 {
            let kind = if is_ob {
                "Open Badges 3.0"
            } else if is_clr {
                "CLR 2.0"
            } else {
                "Verifiable Credential"
            };
            report.pass("data_model", format!("the {kind} data model rules hold"));
        }
        self.check_schemas(obj, errors == 0, report);
    }

    fn check_schemas(&self, obj: &Map<String, Value>, model_ok: bool, report: &mut Report) {
        let schemas = crate::proof::proofs_of(obj.get("credentialSchema"));
        for s in &schemas {
            let id = s.get("id").and_then(Value::as_str).unwrap_or("(no id)");
            let ty = s.get("type").and_then(Value::as_str).unwrap_or("(no type)");
            if ty == "1EdTechJsonSchemaValidator2019" && KNOWN_SCHEMAS.contains(&id) {
                if model_ok {
                    report.pass("schema", format!("{id}: its rules are built in and hold"));
                } else {
                    report.fail(
                        "schema",
                        "SCHEMA_ERROR",
                        format!("{id}: the credential breaks its rules (see data_model)"),
                    );
                }
            } else {
                report.warn("schema", format!("schema {id} ({ty}) is not known to Cairn and was not checked"));
            }
        }
    }

    fn check_endorsements(&self, obj: &Map<String, Value>, depth: usize, report: &mut Report) {
        let mut endorsements = Vec::new();
        for (k, child) in obj {
            if k == "endorsement" {
                endorsements.extend(crate::proof::proofs_of(Some(child)).into_iter().map(Value::Object));
            } else if k != "proof" {
                collect_endorsements(child, &mut endorsements, 1);
            }
        }
        for e in endorsements {
            let name = e.get("id").and_then(Value::as_str).unwrap_or("(no id)").to_string();
            let sub = self.verify_at_depth(&e, depth + 1);
            if sub.verified {
                report.pass("endorsement", format!("endorsement {name} verifies"));
            } else {
                let why: Vec<String> = sub.errors().map(|c| c.message.clone()).collect();
                report.warn(
                    "endorsement",
                    format!("endorsement {name} does not verify and is not shown: {}", why.join("; ")),
                );
            }
        }
    }
}

fn collect_endorsements(v: &Value, out: &mut Vec<Value>, depth: usize) {
    if depth > 16 {
        return;
    }
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                if k == "endorsement" {
                    out.extend(crate::proof::proofs_of(Some(child)).into_iter().map(Value::Object));
                } else if k != "proof" {
                    collect_endorsements(child, out, depth + 1);
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|c| collect_endorsements(c, out, depth + 1)),
        _ => {}
    }
}

/// The issuer id: `issuer` as a string or `issuer.id`.
pub fn issuer_id(obj: &Map<String, Value>) -> Option<String> {
    match obj.get("issuer") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Object(o)) => o.get("id").and_then(Value::as_str).map(str::to_string),
        _ => None,
    }
}
