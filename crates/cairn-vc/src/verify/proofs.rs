//! The proof and issuer checks: every proof of a known suite must verify (proof-set rule),
//! chained proofs are rebuilt from `previousProof`, and the key's controller must be the issuer.

use serde_json::{Map, Value};

use super::Verifier;
use crate::error::VcError;
use crate::proof::{proofs_of, verify_proof, Suite};
use crate::report::Report;
use crate::vm;

pub(super) fn check_proofs(v: &Verifier<'_>, obj: &Map<String, Value>, issuer: Option<&str>, report: &mut Report) {
    let proofs = proofs_of(obj.get("proof"));
    if proofs.is_empty() {
        report.fail("proof", "PROOF_VERIFICATION_ERROR", "the credential has no proof");
        return;
    }
    let mut verified = 0;
    let mut unknown = Vec::new();
    for proof in &proofs {
        let label = proof_label(proof);
        if Suite::of(proof).is_none() {
            unknown.push(label);
            continue;
        }
        match check_one(v, obj, proof, &proofs, issuer, report) {
            Ok(()) => {
                verified += 1;
                report.pass("proof", format!("{label} verifies"));
            }
            Err(e @ (VcError::DataLoss { .. } | VcError::UnknownContext(_) | VcError::JsonLd { .. })) => {
                report.fail("expansion", e.code(), format!("the document cannot be processed safely: {e}"));
            }
            Err(e) => report.fail("proof", e.code(), format!("{label}: {e}")),
        }
    }
    for label in unknown {
        if verified > 0 {
            report.warn("proof", format!("{label}: unsupported suite, not checked"));
        } else {
            report.fail(
                "proof",
                "PROOF_VERIFICATION_ERROR",
                format!("{label}: unsupported suite and no other proof verifies"),
            );
        }
    }
}

fn check_one(
    v: &Verifier<'_>,
    obj: &Map<String, Value>,
    proof: &Map<String, Value>,
    all: &[Map<String, Value>],
    issuer: Option<&str>,
    report: &mut Report,
) -> Result<(), VcError> {
    let vm_id = proof
        .get("verificationMethod")
        .and_then(|m| m.as_str().or_else(|| m.get("id").and_then(Value::as_str)))
        .ok_or_else(|| VcError::MalformedProof("verificationMethod is missing".into()))?;
    let resolved = vm::resolve(vm_id, &v.options.proof_purpose, v.resolver)?;
    for w in &resolved.warnings {
        report.warn("issuer", w.clone());
    }
    verify_proof(v.canon, obj, proof, all, &resolved.key, &v.options.proof_purpose)?;
    if v.options.issuer_binding {
        match issuer {
            Some(id) if id == resolved.controller => {
                report.pass("issuer", format!("the signing key is controlled by the issuer {id}"));
            }
            Some(id) => report.fail(
                "issuer",
                "PROOF_VERIFICATION_ERROR",
                format!("the key's controller {} is not the issuer {id}", resolved.controller),
            ),
            None => report.fail("issuer", "PROOF_VERIFICATION_ERROR", "the credential has no issuer id"),
        }
    }
    Ok(())
}

fn proof_label(proof: &Map<String, Value>) -> String {
    let ty = proof.get("type").and_then(Value::as_str).unwrap_or("(no type)");
    match proof.get("cryptosuite").and_then(Value::as_str) {
        Some(cs) => format!("{ty} ({cs})"),
        None => ty.to_string(),
    }
}
