//! Verifiable presentations (VC-API `POST /presentations/verify`, STANDARDS.md §11): the
//! presentation's own proofs (`proofPurpose: authentication`, `challenge` and `domain`
//! checked, the key controlled by the `holder` when one is named), then every embedded
//! credential with the credential checks. Unsigned presentations are accepted unless the
//! caller asked for a challenge or domain, which only a proof can answer.

use serde::Serialize;
use serde_json::{Map, Value};

use super::Verifier;
use crate::error::VcError;
use crate::proof::{proofs_of, verify_proof, Suite};
use crate::report::Report;
use crate::status::has_type;
use crate::vm;

/// The proof purpose of a presentation proof.
pub const AUTHENTICATION: &str = "authentication";

/// The result of verifying a presentation: its own checks and one report per credential.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PresentationReport {
    /// True when the presentation and every credential in it verify.
    pub verified: bool,
    /// The presentation's own checks (parse, context, data model, proof, challenge, domain, holder).
    pub presentation: Report,
    /// One report per embedded credential, in order.
    pub credentials: Vec<Report>,
}

/// What the verifier expects of the presentation's proof.
#[derive(Debug, Clone, Copy, Default)]
pub struct PresentationChecks<'a> {
    /// The challenge the verifier issued; the proof's `challenge` must equal it.
    pub challenge: Option<&'a str>,
    /// The verifier's domain; the proof's `domain` must be (or contain) it.
    pub domain: Option<&'a str>,
}

/// Verifies a presentation and the credentials it holds.
pub fn verify_presentation(v: &Verifier<'_>, vp: &Value, expect: PresentationChecks<'_>) -> PresentationReport {
    let mut report = Report::default();
    let Some(obj) = vp.as_object() else {
        report.fail("parse", "PARSING_ERROR", "a presentation must be a JSON object");
        return finish(report, Vec::new());
    };
    report.pass("parse", "the presentation is a JSON object");
    if !v.check_contexts(obj, &mut report) {
        return finish(report, Vec::new());
    }
    if has_type(obj.get("type"), "VerifiablePresentation") {
        report.pass("data_model", "the type includes VerifiablePresentation");
    } else {
        report.fail("data_model", "DATA_MODEL_ERROR", "/type: must include VerifiablePresentation");
    }
    check_proofs(v, obj, expect, &mut report);
    let credentials = credentials_of(obj)
        .into_iter()
        .map(|c| match c {
            Value::Object(_) => v.verify(c),
            _ => {
                let mut r = Report::default();
                r.fail("parse", "PARSING_ERROR", "enveloped (non-object) credentials are not supported");
                r.finish()
            }
        })
        .collect();
    finish(report, credentials)
}

fn finish(report: Report, credentials: Vec<Report>) -> PresentationReport {
    let presentation = report.finish();
    let verified = presentation.verified && credentials.iter().all(|c| c.verified);
    PresentationReport { verified, presentation, credentials }
}

fn credentials_of(obj: &Map<String, Value>) -> Vec<&Value> {
    match obj.get("verifiableCredential") {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(one) => vec![one],
        None => Vec::new(),
    }
}

fn check_proofs(v: &Verifier<'_>, obj: &Map<String, Value>, expect: PresentationChecks<'_>, report: &mut Report) {
    let proofs = proofs_of(obj.get("proof"));
    if proofs.is_empty() {
        if expect.challenge.is_some() {
            report.fail(
                "challenge",
                "INVALID_CHALLENGE_ERROR",
                "a challenge was expected but the presentation is unsigned",
            );
        }
        if expect.domain.is_some() {
            report.fail("domain", "INVALID_DOMAIN_ERROR", "a domain was expected but the presentation is unsigned");
        }
        report.skip("proof", "the presentation is unsigned (allowed); only its credentials are verified");
        return;
    }
    let holder = holder_id(obj);
    for proof in &proofs {
        let label = proof.get("type").and_then(Value::as_str).unwrap_or("(no type)").to_string();
        if Suite::of(proof).is_none() {
            report.fail("proof", "PROOF_VERIFICATION_ERROR", format!("{label}: unsupported proof suite"));
            continue;
        }
        match verify_one(v, obj, proof, &proofs) {
            Ok(controller) => {
                report.pass("proof", format!("{label} verifies (proofPurpose {AUTHENTICATION})"));
                check_holder(holder.as_deref(), &controller, report);
            }
            Err(e @ (VcError::DataLoss { .. } | VcError::UnknownContext(_) | VcError::JsonLd { .. })) => {
                report.fail("expansion", e.code(), format!("the presentation cannot be processed safely: {e}"));
            }
            Err(e) => report.fail("proof", e.code(), format!("{label}: {e}")),
        }
        check_challenge(proof, expect, report);
    }
}

/// Verifies one proof; returns the key's controller.
fn verify_one(
    v: &Verifier<'_>,
    obj: &Map<String, Value>,
    proof: &Map<String, Value>,
    all: &[Map<String, Value>],
) -> Result<String, VcError> {
    let vm_id = proof
        .get("verificationMethod")
        .and_then(|m| m.as_str().or_else(|| m.get("id").and_then(Value::as_str)))
        .ok_or_else(|| VcError::MalformedProof("verificationMethod is missing".into()))?;
    let resolved = vm::resolve(vm_id, AUTHENTICATION, v.resolver)?;
    verify_proof(v.canon, obj, proof, all, &resolved.key, AUTHENTICATION)?;
    Ok(resolved.controller)
}

fn check_holder(holder: Option<&str>, controller: &str, report: &mut Report) {
    match holder {
        Some(h) if h == controller => report.pass("holder", format!("the proof's key is controlled by the holder {h}")),
        Some(h) => report.fail(
            "holder",
            "PROOF_VERIFICATION_ERROR",
            format!("the proof's key is controlled by {controller}, not by the holder {h}"),
        ),
        None => {}
    }
}

fn check_challenge(proof: &Map<String, Value>, expect: PresentationChecks<'_>, report: &mut Report) {
    if let Some(wanted) = expect.challenge {
        match proof.get("challenge").and_then(Value::as_str) {
            Some(c) if c == wanted => report.pass("challenge", "the proof answers the expected challenge"),
            Some(c) => report.fail(
                "challenge",
                "INVALID_CHALLENGE_ERROR",
                format!("the proof's challenge `{c}` is not the expected `{wanted}`"),
            ),
            None => report.fail("challenge", "INVALID_CHALLENGE_ERROR", "the proof has no challenge"),
        }
    }
    if let Some(wanted) = expect.domain {
        let ok = match proof.get("domain") {
            Some(Value::String(d)) => d == wanted,
            Some(Value::Array(ds)) => ds.iter().any(|d| d.as_str() == Some(wanted)),
            _ => false,
        };
        if ok {
            report.pass("domain", "the proof is bound to the expected domain");
        } else {
            report.fail("domain", "INVALID_DOMAIN_ERROR", format!("the proof is not bound to the domain `{wanted}`"));
        }
    }
}

fn holder_id(obj: &Map<String, Value>) -> Option<String> {
    match obj.get("holder") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Object(o)) => o.get("id").and_then(Value::as_str).map(str::to_string),
        _ => None,
    }
}
