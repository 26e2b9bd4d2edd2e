//! OB 3.0 / CLR 2.0 data model: round trips, model checks, identity hashing, and the JSON
//! Schema cross-check.

// Test helpers outside `#[test]` functions: failing loudly is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod build;
mod checks;
mod identity;
mod roundtrip;
mod schema;

use std::path::Path;

use cairn_vc::model::{Finding, Severity};
use serde_json::Value;

use crate::fixtures::fixtures_dir;

/// Read a JSON file under the fixtures folder (`None` when the folder is absent).
fn fixture_json(relative: &str) -> Option<Value> {
    let path = fixtures_dir()?.join(relative);
    Some(read_json(&path))
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("bad JSON in {}: {e}", path.display()))
}

/// `signedCredential` and `unsignedCredential` of a 1EdTech vector.
fn vector(set: &str) -> Option<(Value, Value)> {
    let v = fixture_json(&format!("{set}/vector.json"))?;
    Some((v["signedCredential"].clone(), v["unsignedCredential"].clone()))
}

fn errors(findings: &[Finding]) -> Vec<&Finding> {
    findings.iter().filter(|f| f.severity == Severity::Error).collect()
}

fn show(findings: &[Finding]) -> String {
    findings.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
}

/// Keys the model writes as arrays wherever they occur.
const ALWAYS_ARRAYS: &[&str] = &[
    "credentialSchema",
    "proof",
    "termsOfUse",
    "evidence",
    "endorsement",
    "endorsementJwt",
    "alignment",
    "result",
    "tag",
    "otherIdentifier",
    "related",
    "allowedValue",
    "rubricCriterionLevel",
    "association",
    "verifiableCredential",
];

/// Members whose objects keep `type` as given (Image, IdentityObject, Proof, ...).
const STRING_TYPE_PARENTS: &[&str] = &[
    "proof",
    "credentialStatus",
    "credentialSchema",
    "refreshService",
    "termsOfUse",
    "image",
    "identifier",
    "otherIdentifier",
    "geo",
    "association",
    "criteria", // Criteria has no `type` member: an unknown one is kept as given
];

/// `input` as the model is expected to write it: compacted single values become arrays where
/// the model emits arrays, and nothing else changes.
fn expected_output(input: &Value) -> Value {
    expand(input, "")
}

fn expand(value: &Value, parent_key: &str) -> Value {
    match value {
        Value::Array(items) => Value::Array(items.iter().map(|v| expand(v, parent_key)).collect()),
        Value::Object(map) => {
            let is_clr_subject = match map.get("type") {
                Some(Value::String(t)) => t == "ClrSubject",
                Some(Value::Array(ts)) => ts.iter().any(|t| t == "ClrSubject"),
                _ => false,
            };
            let out = map.iter().map(|(key, v)| {
                let wrap = match key.as_str() {
                    "type" => !STRING_TYPE_PARENTS.contains(&parent_key),
                    "achievement" => is_clr_subject,
                    // A string here is a link (Result) or an IdentifierEntry value.
                    "resultDescription" | "identifier" => !v.is_string(),
                    k => ALWAYS_ARRAYS.contains(&k),
                };
                // Component credentials of a CLR are kept exactly as received.
                let expanded = if key == "verifiableCredential" { v.clone() } else { expand(v, key) };
                let expanded = match expanded {
                    Value::Array(_) => expanded,
                    single if wrap => Value::Array(vec![single]),
                    other => other,
                };
                (key.clone(), expanded)
            });
            Value::Object(out.collect())
        }
        other => other.clone(),
    }
}

/// The JSON pointer of the first difference between two values, for readable failures.
fn first_difference(a: &Value, b: &Value, path: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let keys = x.keys().chain(y.keys().filter(|k| !x.contains_key(*k)));
            keys.into_iter().find_map(|k| match (x.get(k), y.get(k)) {
                (Some(v), Some(w)) => first_difference(v, w, &format!("{path}/{k}")),
                (v, w) => Some(format!("{path}/{k}: {v:?} vs {w:?}")),
            })
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            x.iter().zip(y).enumerate().find_map(|(i, (v, w))| first_difference(v, w, &format!("{path}/{i}")))
        }
        _ if a == b => None,
        _ => Some(format!("{path}: {a} vs {b}")),
    }
}
