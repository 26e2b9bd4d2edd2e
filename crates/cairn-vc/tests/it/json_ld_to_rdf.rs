//! The W3C JSON-LD 1.1 toRdf test suite, the OB 3.0 vector and safe mode.
// Test helpers outside #[test] functions: panicking on broken fixtures is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod dataset;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use cairn_vc::jsonld::{DocumentLoader, JsonLdError, Options, Processor, RdfDirection};
use cairn_vc::rdf::Quad;
use serde_json::Value;

use crate::fixtures::fixtures_dir;
use dataset::{isomorphic, parse_nquads};

/// Test ids allowed to fail, each with the reason.
const ALLOWED_FAILURES: &[(&str, &str)] = &[];

const SUITE_BASE: &str = "https://w3c.github.io/json-ld-api/tests/";

/// Maps URL prefixes to folders, and exact URLs to files; parses JSON once per URL.
struct FileLoader {
    prefixes: Vec<(String, PathBuf)>,
    files: HashMap<String, PathBuf>,
    cache: Mutex<HashMap<String, Arc<Value>>>,
}

impl FileLoader {
    fn new(fixtures: &Path) -> Self {
        let index: Value = read_json(&fixtures.join("contexts/index.json"));
        let files = index["contexts"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(url, e)| (url.clone(), fixtures.join("contexts").join(e["file"].as_str().unwrap())))
            .collect();
        FileLoader {
            prefixes: vec![(SUITE_BASE.to_owned(), fixtures.join("json-ld-toRdf/tests"))],
            files,
            cache: Mutex::new(HashMap::new()),
        }
    }
}

impl DocumentLoader for FileLoader {
    fn load(&self, url: &str) -> Result<Arc<Value>, String> {
        if let Some(v) = self.cache.lock().unwrap().get(url) {
            return Ok(v.clone());
        }
        let path = self.files.get(url).cloned().or_else(|| {
            self.prefixes.iter().find_map(|(p, dir)| url.strip_prefix(p.as_str()).map(|rest| dir.join(rest)))
        });
        let path = path.ok_or_else(|| format!("no local copy of {url}"))?;
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let v: Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
        let v = Arc::new(v);
        self.cache.lock().unwrap().insert(url.to_owned(), v.clone());
        Ok(v)
    }
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn nquads(quads: &[Quad]) -> String {
    cairn_vc::rdf::to_nquads(quads)
}

// ---------------------------------------------------------------- the suite

#[test]
fn w3c_to_rdf_suite() {
    let Some(fixtures) = fixtures_dir() else {
        return;
    };
    let tests_dir = fixtures.join("json-ld-toRdf/tests");
    let manifest = read_json(&tests_dir.join("toRdf-manifest.jsonld"));
    let processor = Processor::new(Arc::new(FileLoader::new(&fixtures)));
    let (mut passed, mut failed, mut skipped) = (Vec::new(), Vec::new(), Vec::new());
    let only = std::env::var("JSONLD_TEST").ok();
    for t in manifest["sequence"].as_array().unwrap() {
        let id = t["@id"].as_str().unwrap().trim_start_matches('#').to_owned();
        if only.as_deref().is_some_and(|o| o != id) {
            continue;
        }
        let opt = &t["option"];
        if opt["specVersion"] == "json-ld-1.0" {
            skipped.push(id);
            continue;
        }
        let input = t["input"].as_str().unwrap();
        let mut opts = Options {
            base: Some(opt["base"].as_str().map_or_else(|| format!("{SUITE_BASE}{input}"), str::to_owned)),
            processing_mode_1_0: opt["processingMode"] == "json-ld-1.0",
            produce_generalized_rdf: opt["produceGeneralizedRdf"] == true,
            rdf_direction: match opt["rdfDirection"].as_str() {
                Some("i18n-datatype") => Some(RdfDirection::I18nDatatype),
                Some("compound-literal") => Some(RdfDirection::CompoundLiteral),
                _ => None,
            },
            ..Options::default()
        };
        if let Some(ec) = opt["expandContext"].as_str() {
            opts.expand_context = Some(read_json(&tests_dir.join(ec)));
        }
        let doc = read_json(&tests_dir.join(input));
        let result = processor.to_rdf(&doc, &opts);
        let types: Vec<&str> = t["@type"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
        let outcome: Result<(), String> = if types.contains(&"jld:NegativeEvaluationTest") {
            let want = t["expectErrorCode"].as_str().unwrap();
            match &result {
                Err(e) if e.code() == Some(want) => Ok(()),
                Err(e) => Err(format!("expected `{want}`, got error {e}")),
                Ok(q) => Err(format!("expected `{want}`, got {} quads:\n{}", q.len(), nquads(q))),
            }
        } else if types.contains(&"jld:PositiveSyntaxTest") {
            result.map(|_| ()).map_err(|e| e.to_string())
        } else {
            let expect = std::fs::read_to_string(tests_dir.join(t["expect"].as_str().unwrap())).unwrap();
            let expected = parse_nquads(&expect);
            match &result {
                Ok(q) if isomorphic(q, &expected) => Ok(()),
                Ok(q) => Err(format!("got:\n{}expected:\n{}", nquads(q), expect)),
                Err(e) => Err(format!("error {e}")),
            }
        };
        match outcome {
            Ok(()) => passed.push(id),
            Err(why) => {
                if only.is_some() || !ALLOWED_FAILURES.iter().any(|(a, _)| *a == id) {
                    eprintln!("FAIL {id} ({}): {why}", t["name"].as_str().unwrap_or(""));
                }
                failed.push(id);
            }
        }
    }
    eprintln!(
        "toRdf suite: {} passed, {} failed, {} skipped (json-ld-1.0 only: {})",
        passed.len(),
        failed.len(),
        skipped.len(),
        skipped.join(" ")
    );
    if !failed.is_empty() {
        eprintln!("failed: {}", failed.join(" "));
    }
    let unexpected: Vec<&String> = failed.iter().filter(|f| !ALLOWED_FAILURES.iter().any(|(a, _)| a == f)).collect();
    assert!(unexpected.is_empty(), "unexpected toRdf failures: {unexpected:?}");
}

// ---------------------------------------------------------------- OB 3.0 vector, safe mode

fn ob_setup() -> Option<(Processor, Value, String)> {
    let fixtures = fixtures_dir()?;
    let vector = read_json(&fixtures.join("ob3-vector/vector.json"));
    let canon = std::fs::read_to_string(fixtures.join("ob3-vector/document-canon.txt")).unwrap();
    let processor = Processor::new(Arc::new(FileLoader::new(&fixtures)));
    Some((processor, vector["unsignedCredential"].clone(), canon))
}

fn safe() -> Options {
    Options { safe_mode: true, ..Options::default() }
}

#[test]
fn ob3_vector_quads_match_canonical_document() {
    let Some((processor, credential, canon)) = ob_setup() else {
        return;
    };
    let quads = processor.to_rdf(&credential, &safe()).unwrap();
    let expected = parse_nquads(&canon);
    assert_eq!(quads.len(), expected.len(), "{}", nquads(&quads));
    assert!(isomorphic(&quads, &expected), "got:\n{}", nquads(&quads));
    // Warm run gives the same answer.
    assert_eq!(processor.to_rdf(&credential, &safe()).unwrap(), quads);
}

#[test]
fn clr2_vector_quads_match_canonical_document() {
    let Some(fixtures) = fixtures_dir() else {
        return;
    };
    let vector = read_json(&fixtures.join("clr2-vector/vector.json"));
    let canon = std::fs::read_to_string(fixtures.join("clr2-vector/document-canon.txt")).unwrap();
    let processor = Processor::new(Arc::new(FileLoader::new(&fixtures)));
    let quads = processor.to_rdf(&vector["unsignedCredential"], &safe()).unwrap();
    let expected = parse_nquads(&canon);
    assert!(isomorphic(&quads, &expected), "got:\n{}", nquads(&quads));
}

#[test]
fn vector_proof_options_match_canonical_proof() {
    let Some(fixtures) = fixtures_dir() else {
        return;
    };
    let processor = Processor::new(Arc::new(FileLoader::new(&fixtures)));
    for set in ["ob3-vector", "clr2-vector"] {
        let vector = read_json(&fixtures.join(set).join("vector.json"));
        let mut options = vector["proofOptions"].clone();
        options["@context"] = vector["unsignedCredential"]["@context"].clone();
        let canon = std::fs::read_to_string(fixtures.join(set).join("proof-canon.txt")).unwrap();
        let quads = processor.to_rdf(&options, &safe()).unwrap();
        assert!(isomorphic(&quads, &parse_nquads(&canon)), "{set}: got:\n{}", nquads(&quads));
    }
}

#[test]
fn w3c_eddsa_vector_quads_match_canonical_documents() {
    let Some(fixtures) = fixtures_dir() else {
        return;
    };
    let dir = fixtures.join("vc-di-eddsa");
    let processor = Processor::new(Arc::new(FileLoader::new(&fixtures)));
    let unsigned = read_json(&dir.join("unsigned.json"));
    let mut proof = read_json(&dir.join("eddsa-rdfc-2022/proofConfigDataInt.json"));
    if proof.get("@context").is_none() {
        proof["@context"] = unsigned["@context"].clone();
    }
    for (doc, canon) in [(unsigned, "canonDocDataInt.txt"), (proof, "proofCanonDataInt.txt")] {
        let expected = std::fs::read_to_string(dir.join("eddsa-rdfc-2022").join(canon)).unwrap();
        let quads = processor.to_rdf(&doc, &safe()).unwrap();
        assert!(isomorphic(&quads, &parse_nquads(&expected)), "{canon}: got:\n{}", nquads(&quads));
    }
}

#[test]
fn safe_mode_rejects_undefined_term_naming_it() {
    let Some((processor, mut credential, _)) = ob_setup() else {
        return;
    };
    credential["fooBar"] = Value::from(1);
    match processor.to_rdf(&credential, &safe()) {
        Err(JsonLdError::DataLoss { term, .. }) => assert_eq!(term, "fooBar"),
        other => panic!("expected data loss naming fooBar, got {other:?}"),
    }
    // Without safe mode the term is silently dropped, as the spec says.
    assert_eq!(processor.to_rdf(&credential, &Options::default()).unwrap().len(), 16);
    // Nested, in a type-scoped context.
    let (_, mut nested, _) = ob_setup().unwrap();
    nested["credentialSubject"]["achievement"]["criteria"]["bogus"] = Value::from("x");
    match processor.to_rdf(&nested, &safe()) {
        Err(JsonLdError::DataLoss { term, .. }) => assert_eq!(term, "bogus"),
        other => panic!("expected data loss naming bogus, got {other:?}"),
    }
}

#[test]
fn safe_mode_rejects_relative_references() {
    let Some((processor, credential, _)) = ob_setup() else {
        return;
    };
    let cases: [(&str, Value); 3] = [
        ("/id", Value::from("relative/credential")),
        ("/issuer/id", Value::from("issuers/565049")),
        ("/type", serde_json::json!(["VerifiableCredential", "UnknownType"])),
    ];
    for (pointer, value) in cases {
        let mut doc = credential.clone();
        *doc.pointer_mut(pointer).unwrap() = value;
        let err = processor.to_rdf(&doc, &safe()).unwrap_err();
        assert!(matches!(err, JsonLdError::DataLoss { .. }), "{pointer}: {err}");
    }
}

#[test]
fn expand_gives_expanded_form() {
    let Some((processor, credential, _)) = ob_setup() else {
        return;
    };
    let expanded = processor.expand(&credential, &safe()).unwrap();
    let node = &expanded[0];
    assert_eq!(node["@id"], "http://example.com/credentials/3527");
    assert_eq!(
        node["https://www.w3.org/2018/credentials#validFrom"][0],
        serde_json::json!({"@value": "2010-01-01T00:00:00Z", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"})
    );
}

/// Mean time per call of the fastest of `batches` batches of `n` calls (filters out
/// preemption on a busy machine), in microseconds.
fn best_batch_micros(batches: u32, n: u32, mut f: impl FnMut()) -> f64 {
    (0..batches)
        .map(|_| {
            let start = std::time::Instant::now();
            for _ in 0..n {
                f();
            }
            start.elapsed().as_secs_f64() * 1e6 / f64::from(n)
        })
        .fold(f64::INFINITY, f64::min)
}

/// Prints warm expansion + toRdf timings for the OB vector (run with `--release --ignored`).
#[test]
#[ignore]
fn ob3_vector_timing() {
    let Some((processor, credential, _)) = ob_setup() else {
        return;
    };
    let opts = safe();
    let cold = std::time::Instant::now();
    processor.to_rdf(&credential, &opts).unwrap();
    eprintln!("cold (contexts processed): {:?}", cold.elapsed());
    let to_rdf = best_batch_micros(200, 200, || {
        std::hint::black_box(processor.to_rdf(std::hint::black_box(&credential), &opts).unwrap());
    });
    eprintln!("warm expansion + toRdf: {to_rdf:.2} µs per credential (best batch)");
    let expand = best_batch_micros(200, 200, || {
        std::hint::black_box(processor.expand(std::hint::black_box(&credential), &opts).unwrap());
    });
    eprintln!("warm expansion to JSON: {expand:.2} µs per credential (best batch)");
    eprintln!("cached contexts: {}", processor.cached_contexts());
}
