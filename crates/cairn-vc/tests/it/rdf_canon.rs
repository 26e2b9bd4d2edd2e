//! The W3C RDFC-1.0 test suite (`rdf-canon/tests/manifest.jsonld`), every entry.

use std::path::Path;

use cairn_vc::nquads::parse_nquads;
use cairn_vc::rdfc::{canonicalize, CanonOptions, HashAlgorithm, RdfcError};
use serde_json::Value;

use crate::fixtures::fixtures_dir;

/// Runs one manifest entry; `Err` describes the failure.
fn run_entry(tests: &Path, entry: &Value) -> Result<(), String> {
    let field = |k: &str| entry.get(k).and_then(Value::as_str).ok_or(format!("no {k}"));
    let read = |rel: &str| std::fs::read_to_string(tests.join(rel)).map_err(|e| format!("read {rel}: {e}"));
    let input = parse_nquads(&read(field("action")?)?).map_err(|e| e.to_string())?;
    let hash = match entry.get("hashAlgorithm").and_then(Value::as_str) {
        None | Some("SHA256") => HashAlgorithm::Sha256,
        Some("SHA384") => HashAlgorithm::Sha384,
        Some(other) => return Err(format!("unknown hashAlgorithm {other}")),
    };
    let result = canonicalize(&input, &CanonOptions { hash, ..CanonOptions::default() });
    match field("type")? {
        "rdfc:RDFC10EvalTest" => {
            let got = result.map_err(|e| e.to_string())?.nquads;
            let want = read(field("result")?)?;
            if got == want {
                Ok(())
            } else {
                Err(format!("output differs:\n--- got\n{got}--- want\n{want}"))
            }
        }
        "rdfc:RDFC10MapTest" => {
            let issued = result.map_err(|e| e.to_string())?.issued;
            let got: serde_json::Map<String, Value> = issued.into_iter().map(|(k, v)| (k, Value::String(v))).collect();
            let want: Value =
                serde_json::from_str(&read(field("result")?)?).map_err(|e| format!("bad map JSON: {e}"))?;
            if Value::Object(got.clone()) == want {
                Ok(())
            } else {
                Err(format!("map differs: got {got:?}, want {want}"))
            }
        }
        "rdfc:RDFC10NegativeEvalTest" => match result {
            Err(RdfcError::WorkLimitExceeded { .. }) => Ok(()),
            other => Err(format!("expected the work-limit error, got {other:?}")),
        },
        other => Err(format!("unknown test type {other}")),
    }
}

#[test]
fn w3c_rdf_canon_suite() {
    let Some(fixtures) = fixtures_dir() else {
        return;
    };
    let tests = fixtures.join("rdf-canon/tests");
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(tests.join("manifest.jsonld")).unwrap()).unwrap();
    let entries = manifest["entries"].as_array().unwrap();
    let mut failures = Vec::new();
    for entry in entries {
        let id = entry["id"].as_str().unwrap_or("?");
        if let Err(why) = run_entry(&tests, entry) {
            failures.push(format!("{id}: {why}"));
        }
    }
    for f in &failures {
        eprintln!("FAILED {f}\n");
    }
    let ids: Vec<&str> = failures.iter().filter_map(|f| f.split(':').next()).collect();
    assert!(failures.is_empty(), "{} of {} failed: {ids:?}", failures.len(), entries.len());
    assert_eq!(entries.len(), 86);
}
