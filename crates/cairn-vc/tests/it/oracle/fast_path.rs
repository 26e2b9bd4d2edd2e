//! Cairn's fast path (`Canonicalizer`: safe-mode toRdf + RDFC-1.0) against the oracle: every
//! fixture document, every fixture proof configuration, and edge cases the fixtures lack.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use cairn_vc::canon::Canonicalizer;
use serde_json::Value;

use super::{first_difference, oracle_canonical_nquads, proof_config};
use crate::support::{fixtures, loader_with_fixture_contexts, read_json};

fn without_proof(v: &Value) -> Value {
    let mut v = v.clone();
    if let Some(map) = v.as_object_mut() {
        map.remove("proof");
    }
    v
}

/// `_:c14n7` → `_:*`, so a diff is not swamped by relabelled blank nodes.
fn mask_blanks(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(i) = rest.find("_:") {
        out.push_str(&rest[..i]);
        out.push_str("_:*");
        rest = rest[i + 2..].trim_start_matches(|c: char| c.is_ascii_alphanumeric());
    }
    out.push_str(rest);
    out
}

/// Lines of `left` missing from `right`, compared with blank node labels masked (multisets),
/// at most `limit` of them.
fn only_in(left: &str, right: &str, limit: usize) -> Vec<String> {
    let mut right: Vec<String> = right.lines().map(mask_blanks).collect();
    let mut out = Vec::new();
    for line in left.lines().map(mask_blanks) {
        match right.iter().position(|r| *r == line) {
            Some(i) => {
                right.swap_remove(i);
            }
            None => out.push(line),
        }
    }
    if out.len() > limit {
        let more = out.len() - limit;
        out.truncate(limit);
        out.push(format!("... and {more} more"));
    }
    out
}

/// Every document the fast path must agree on: (display name, document without `proof`).
fn fixture_documents(fx: &Path) -> Vec<(String, Value)> {
    fixture_files(fx).into_iter().map(|(name, doc)| (name, without_proof(&doc))).collect()
}

/// The configuration of every proof in the fixture documents: (display name, proof config).
fn fixture_proof_configs(fx: &Path) -> Vec<(String, Value)> {
    let mut configs = Vec::new();
    for (name, doc) in fixture_files(fx) {
        let proofs = match doc.get("proof") {
            Some(Value::Array(items)) => items.clone(),
            Some(one) => vec![one.clone()],
            None => Vec::new(),
        };
        for (i, proof) in proofs.iter().enumerate() {
            configs.push((format!("{name}#proof[{i}]"), proof_config(&doc, proof)));
        }
    }
    configs
}

/// The fixture documents as they are on disk (display name, document).
fn fixture_files(fx: &Path) -> Vec<(String, Value)> {
    let mut docs = Vec::new();
    for folder in ["ob3-vector", "clr2-vector"] {
        let v = read_json(fx.join(folder).join("vector.json"));
        docs.push((format!("{folder}/vector.json#unsignedCredential"), v["unsignedCredential"].clone()));
        docs.push((format!("{folder}/vector.json#signedCredential"), v["signedCredential"].clone()));
    }
    docs.push(("vc-di-eddsa/unsigned.json".to_string(), read_json(fx.join("vc-di-eddsa/unsigned.json"))));
    let dcc = fx.join("dcc-vc-test-fixtures");
    let mut files = Vec::new();
    walk(&dcc.join("verifiableCredentials"), &mut files, &|p| p.extension().is_some_and(|e| e == "json"));
    walk(&dcc.join("statusLists"), &mut files, &|p| p.extension().is_none());
    files.sort();
    for file in files {
        let name = file.strip_prefix(fx).unwrap_or(&file).display().to_string();
        docs.push((name, read_json(&file)));
    }
    docs
}

/// Non-empty files under `dir` (recursively) that `keep` accepts.
fn walk(dir: &Path, out: &mut Vec<PathBuf>, keep: &dyn Fn(&Path) -> bool) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, out, keep);
        } else if keep(&path) && std::fs::metadata(&path).unwrap().len() > 0 {
            out.push(path);
        }
    }
}

/// Runs both processors on every document; one message per mismatch (empty when all agree).
fn compare_with_oracle(fx: &Path, docs: &[(String, Value)]) -> Vec<String> {
    let loader = loader_with_fixture_contexts(fx);
    let canon = Canonicalizer::new(loader.clone());
    let mut mismatches = Vec::new();
    for (name, doc) in docs {
        let oracle = match oracle_canonical_nquads(doc, &loader) {
            Ok(n) => n,
            Err(e) => {
                mismatches.push(format!("{name}: the oracle failed: {e}"));
                continue;
            }
        };
        match canon.canonical_nquads(doc) {
            Ok(ours) if ours == oracle => {}
            Ok(ours) => {
                let mut msg = format!("{name}: canonical N-Quads differ at {}", first_difference(&ours, &oracle));
                for l in only_in(&ours, &oracle, 8) {
                    let _ = write!(msg, "\n      only cairn:  {l}");
                }
                for l in only_in(&oracle, &ours, 8) {
                    let _ = write!(msg, "\n      only oracle: {l}");
                }
                mismatches.push(msg);
            }
            Err(e) => mismatches.push(format!("{name}: Cairn refused (safe mode) what the oracle processed: {e}")),
        }
    }
    mismatches
}

fn assert_no_mismatch(what: &str, total: usize, mismatches: &[String]) {
    eprintln!("fast path vs oracle, {what}: {total} documents, {} mismatches", mismatches.len());
    assert!(
        mismatches.is_empty(),
        "{} of {total} {what} differ from the oracle:\n  {}",
        mismatches.len(),
        mismatches.join("\n  ")
    );
}

#[test]
fn fast_path_matches_oracle_on_every_fixture() {
    let Some(fx) = fixtures("fast path vs oracle") else {
        return;
    };
    let docs = fixture_documents(&fx);
    // 2 OB + 2 CLR + 1 W3C + 90 DCC credentials + 5 DCC status lists.
    assert_eq!(docs.len(), 100, "fixture set changed: {} documents", docs.len());
    assert_no_mismatch("documents", docs.len(), &compare_with_oracle(&fx, &docs));
}

#[test]
fn fast_path_matches_oracle_on_every_fixture_proof_configuration() {
    let Some(fx) = fixtures("fast path vs oracle, proof configurations") else {
        return;
    };
    let configs = fixture_proof_configs(&fx);
    assert!(configs.len() >= 90, "only {} proofs found", configs.len());
    assert_no_mismatch("proof configurations", configs.len(), &compare_with_oracle(&fx, &configs));
}

/// The OB vector's achievement object.
fn achievement(doc: &mut Value) -> &mut serde_json::Map<String, Value> {
    doc["credentialSubject"]["achievement"].as_object_mut().unwrap()
}

/// Edge cases the fixtures lack, built on the OB 3.0 vector: numbers (`xsd:float` terms,
/// integral floats, exponents, `-0.0`), ordered lists (empty too), escapes, language values,
/// string `type` and `issuer`.
fn edge_case_documents(fx: &Path) -> Vec<(String, Value)> {
    let base = read_json(fx.join("ob3-vector/vector.json"))["unsignedCredential"].clone();
    let with = |name: &str, patch: &dyn Fn(&mut Value)| {
        let mut doc = base.clone();
        patch(&mut doc);
        (name.to_string(), doc)
    };
    let mut docs = Vec::new();
    for credits in [
        serde_json::json!(3.0),
        serde_json::json!(3.5),
        serde_json::json!(0.1),
        serde_json::json!(12),
        serde_json::json!(-0.0),
        serde_json::json!(1e21),
        serde_json::json!(2.5e-7),
    ] {
        docs.push(with(&format!("creditsAvailable = {credits}"), &|d| {
            achievement(d).insert("creditsAvailable".into(), credits.clone());
        }));
    }
    docs.push(with("result descriptions with ordered allowedValue lists", &|d| {
        achievement(d).insert(
            "resultDescription".into(),
            serde_json::json!([{
                "id": "urn:uuid:f6ab24cd-86e8-4eaf-b8c6-ded74e8fd41c",
                "type": ["ResultDescription"],
                "name": "Grade",
                "resultType": "LetterGrade",
                "allowedValue": ["C", "B", "A", "B"],
                "requiredValue": "B",
                "rubricCriterionLevel": [
                    {"id": "urn:uuid:1", "type": ["RubricCriterionLevel"], "name": "Low", "level": "1", "points": "1"},
                    {"id": "urn:uuid:2", "type": ["RubricCriterionLevel"], "name": "High", "level": "2"}
                ]
            }, {
                "id": "urn:uuid:empty-list",
                "type": ["ResultDescription"],
                "name": "Nothing allowed",
                "resultType": "Status",
                "allowedValue": []
            }]),
        );
    }));
    docs.push(with("strings that need escapes", &|d| {
        achievement(d)
            .insert("name".into(), "Tab\there \"quoted\" back\\slash\nnew line \r\u{1} \u{7f} é 🦀 \u{2028}".into());
    }));
    docs.push(with("GeoCoordinates with non-integral and large numbers", &|d| {
        d["issuer"]["address"] = serde_json::json!({
            "type": ["Address"],
            "geo": {"type": "GeoCoordinates", "latitude": -12.5, "longitude": 123456789012i64}
        });
    }));
    docs.push(with("language-tagged values", &|d| {
        d["name"] = serde_json::json!({"@value": "Teamwork Badge", "@language": "en-US"});
        d["description"] = serde_json::json!([
            {"@value": "Abzeichen", "@language": "de"},
            {"@value": "plain", "@language": "und"}
        ]);
    }));
    docs.push(with("string type, string issuer", &|d| {
        d["issuer"] = "https://example.edu/issuers/565049".into();
        d["credentialSubject"]["achievement"]["type"] = "Achievement".into();
    }));
    docs
}

#[test]
fn fast_path_matches_oracle_on_edge_cases() {
    let Some(fx) = fixtures("fast path vs oracle, edge cases") else {
        return;
    };
    let docs = edge_case_documents(&fx);
    assert_no_mismatch("edge cases", docs.len(), &compare_with_oracle(&fx, &docs));
}

#[test]
fn a_dropped_direction_is_data_loss_for_cairn_and_dropped_by_the_oracle() {
    let Some(fx) = fixtures("@direction without rdfDirection") else {
        return;
    };
    let mut doc = read_json(fx.join("ob3-vector/vector.json"))["unsignedCredential"].clone();
    doc["name"] = serde_json::json!({"@value": "right to left", "@language": "ar", "@direction": "rtl"});
    let loader = loader_with_fixture_contexts(&fx);
    // The oracle (no safe mode, rdfDirection null) keeps the language and drops the direction.
    let oracle = oracle_canonical_nquads(&doc, &loader).unwrap();
    assert!(oracle.contains("\"right to left\"@ar"), "{oracle}");
    // Cairn in safe mode refuses rather than sign a value whose direction it cannot express.
    let err = Canonicalizer::new(loader).canonical_nquads(&doc).unwrap_err();
    assert!(err.to_string().contains("@direction"), "{err}");
}

#[test]
fn seventeen_digit_doubles_follow_jsonld_js_not_the_oracle() {
    let Some(fx) = fixtures("17-digit doubles") else {
        return;
    };
    let mut doc = read_json(fx.join("ob3-vector/vector.json"))["unsignedCredential"].clone();
    achievement(&mut doc).insert("creditsAvailable".into(), serde_json::json!(0.1 + 0.2));
    let loader = loader_with_fixture_contexts(&fx);
    // The OB context types `creditsAvailable` with an https XSD IRI.
    let float = "^^<https://www.w3.org/2001/XMLSchema#float>";
    let oracle = oracle_canonical_nquads(&doc, &loader).unwrap();
    assert!(oracle.contains(&format!("\"3.0000000000000004E-1\"{float}")), "{oracle}");
    // jsonld.js: (0.1 + 0.2).toExponential(15) = "3.000000000000000e-1" -> "3.0E-1".
    let ours = Canonicalizer::new(loader).canonical_nquads(&doc).unwrap();
    assert!(ours.contains(&format!("\"3.0E-1\"{float}")), "{ours}");
}
