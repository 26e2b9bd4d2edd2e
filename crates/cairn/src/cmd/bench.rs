//! `cairn bench`: signing and verification speed of a typical Open Badges 3.0 credential
//! (the 1EdTech OB 3.0 vector, the same document the JavaScript benchmark uses), next to the
//! raw Ed25519-plus-SHA-256 floor measured in the same run, and optionally the JavaScript
//! Digital Bazaar stack run side by side. `cairn bench bulk` (in `bench/bulk.rs`) measures
//! bulk issuance end to end.

mod bulk;
mod checks;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context as _};
use cairn_vc::canon::Canonicalizer;
use cairn_vc::keys::{verify_signature, Ed25519Key};
use cairn_vc::proof::{self, ProofOptions};
use cairn_vc::resolve::OfflineResolver;
use cairn_vc::verify::{Verifier, VerifyOptions};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::opt::{BenchArgs, BenchCommand};

pub fn bench(args: &BenchArgs) -> anyhow::Result<ExitCode> {
    if let Some(BenchCommand::Bulk(bulk)) = &args.what {
        return bulk::bulk(bulk);
    }
    let n = args.n.max(1);
    let fixtures =
        fixtures_dir().context("the benchmark needs ../shared/fixtures (or CAIRN_FIXTURES) for the OB 3.0 vector")?;
    let vector: Value = serde_json::from_slice(&std::fs::read(fixtures.join("ob3-vector/vector.json"))?)?;
    let field = |k: &str| vector.get(k).and_then(Value::as_str).with_context(|| format!("vector.json has no {k}"));
    let key = Ed25519Key::from_seed_hex(field("secretKeySeedHex")?)?;
    let unsigned = vector.get("unsignedCredential").cloned().context("vector.json has no unsignedCredential")?;
    let options = ProofOptions::assertion(field("verificationMethod")?, field("created")?);
    let canon = Canonicalizer::default();

    // Correctness first: the numbers mean nothing unless the output is byte-exact.
    let signed = proof::sign(&canon, &unsigned, &key, &options)?;
    let pv = signed.pointer("/proof/0/proofValue").and_then(Value::as_str).unwrap_or_default();
    if pv != field("expectedProofValue")? {
        bail!("signature does not reproduce the 1EdTech vector: {pv}");
    }
    let now = time::OffsetDateTime::now_utc();
    let verifier = Verifier { canon: &canon, resolver: &OfflineResolver, now, options: VerifyOptions::default() };
    if !verifier.verify(&signed).verified {
        bail!("the signed vector does not verify");
    }
    let mut tampered = signed.clone();
    tampered["name"] = json!("Teamwork Badge (tampered)");
    if verifier.verify(&tampered).verified {
        bail!("a tampered credential verified");
    }

    let sign_us = per_op_us(n, || Ok(proof::sign(&canon, &unsigned, &key, &options).map(|_| ())?))?;
    let verify_us =
        per_op_us(n, || if verifier.verify(&signed).verified { Ok(()) } else { bail!("verification failed") })?;
    let (floor_sign_us, floor_verify_us) = floors(&canon, &unsigned, &key, n)?;
    let stages = breakdown(&canon, &signed, n)?;
    let js = if args.js { Some(run_js(&fixtures)?) } else { None };

    let mut out = json!({
        "credential": "1EdTech OB 3.0 vector (ob3-vector/vector.json)",
        "n": n,
        "cairn_sign_us": round(sign_us), "cairn_verify_us": round(verify_us),
        "floor_sign_us": round(floor_sign_us), "floor_verify_us": round(floor_verify_us),
        "verify_over_floor": round(verify_us / floor_verify_us), "sign_over_floor": round(sign_us / floor_sign_us),
    });
    out["verify_stages_us"] = stages;
    if let Some((js_sign_ms, js_verify_ms, js_n)) = js {
        out["js_n"] = json!(js_n);
        out["js_sign_us"] = json!(round(js_sign_ms * 1000.0));
        out["js_verify_us"] = json!(round(js_verify_ms * 1000.0));
        out["js_over_cairn_sign"] = json!(round(js_sign_ms * 1000.0 / sign_us));
        out["js_over_cairn_verify"] = json!(round(js_verify_ms * 1000.0 / verify_us));
    }
    if args.json {
        println!("{out}");
    } else {
        print_table(&out);
    }
    Ok(ExitCode::SUCCESS)
}

/// The floor: the hashing and Ed25519 work every implementation must do, on the same bytes.
fn floors(canon: &Canonicalizer, unsigned: &Value, key: &Ed25519Key, n: usize) -> anyhow::Result<(f64, f64)> {
    let doc = canon.canonical_nquads(unsigned)?;
    let config = "_:c14n0 <http://purl.org/dc/terms/created> \"2010-01-01T19:23:24Z\"^^<http://www.w3.org/2001/XMLSchema#dateTime> .\n".repeat(5);
    let hash = |s: &str| -> [u8; 32] { Sha256::digest(s.as_bytes()).into() };
    let combined = |a: [u8; 32], b: [u8; 32]| {
        let mut m = [0u8; 64];
        m[..32].copy_from_slice(&a);
        m[32..].copy_from_slice(&b);
        m
    };
    let sig = key.sign(&combined(hash(&config), hash(&doc)));
    let vk = key.verifying_key();
    let sign = per_op_us(n, || {
        std::hint::black_box(key.sign(&combined(hash(&config), hash(&doc))));
        Ok(())
    })?;
    let verify = per_op_us(n, || {
        if verify_signature(&vk, &combined(hash(&config), hash(&doc)), &sig) {
            Ok(())
        } else {
            bail!("floor verify failed")
        }
    })?;
    Ok((sign, verify))
}

/// Where verification time goes, stage by stage, on the signed credential.
fn breakdown(canon: &Canonicalizer, signed: &Value, n: usize) -> anyhow::Result<Value> {
    let doc = signed.as_object().context("signed credential is not an object")?;
    let mut unsecured = doc.clone();
    unsecured.remove("proof");
    let unsecured = Value::Object(unsecured);
    let proofs = proof::proofs_of(doc.get("proof"));
    let mut config = proofs.first().cloned().context("no proof")?;
    config.remove("proofValue");
    config.insert("@context".into(), unsecured["@context"].clone());
    let config = Value::Object(config);
    let quads = canon.to_rdf(&unsecured)?;
    let vm = proofs
        .first()
        .and_then(|p| p.get("verificationMethod"))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let mut stages = serde_json::Map::new();
    let mut stage = |name: &str, us: f64| {
        stages.insert(name.into(), json!(round(us)));
    };
    stage(
        "model_checks",
        per_op_us(n, || {
            std::hint::black_box(cairn_vc::model::check_open_badge(signed));
            std::hint::black_box(cairn_vc::model::check_vc_data_model(signed));
            Ok(())
        })?,
    );
    stage("json_ld_to_rdf_document", per_op_us(n, || Ok(canon.to_rdf(&unsecured).map(|_| ())?))?);
    stage("rdfc_document", per_op_us(n, || Ok(cairn_vc::rdfc::canonical_nquads(&quads).map(|_| ())?))?);
    stage("canonicalize_proof_config", per_op_us(n, || Ok(canon.canonical_nquads(&config).map(|_| ())?))?);
    stage(
        "resolve_verification_method",
        per_op_us(n, || Ok(cairn_vc::vm::resolve(&vm, "assertionMethod", &OfflineResolver).map(|_| ())?))?,
    );
    Ok(Value::Object(stages))
}

fn per_op_us(n: usize, mut f: impl FnMut() -> anyhow::Result<()>) -> anyhow::Result<f64> {
    for _ in 0..(n / 10).max(5) {
        f()?;
    }
    let t0 = Instant::now();
    for _ in 0..n {
        f()?;
    }
    Ok(t0.elapsed().as_secs_f64() * 1e6 / n as f64)
}

fn run_js(fixtures: &std::path::Path) -> anyhow::Result<(f64, f64, u64)> {
    let script = repo_dir().join("interop/bench.mjs");
    let out = std::process::Command::new("node")
        .arg(&script)
        .arg("200")
        .env("CAIRN_FIXTURES", fixtures)
        .output()
        .with_context(|| format!("cannot run node {}", script.display()))?;
    if !out.status.success() {
        bail!(
            "the JavaScript benchmark failed (run `npm ci --prefix interop` first): {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let line: Value = serde_json::from_slice(&out.stdout).context("the JavaScript benchmark printed no JSON")?;
    let num = |k: &str| line.get(k).and_then(Value::as_f64).with_context(|| format!("JS benchmark output has no {k}"));
    Ok((num("sign_ms_per_op")?, num("verify_ms_per_op")?, line.get("n").and_then(Value::as_u64).unwrap_or(0)))
}

fn print_table(out: &Value) {
    let g = |k: &str| out.get(k).and_then(Value::as_f64).unwrap_or(f64::NAN);
    println!("credential: {}   n = {}", out["credential"].as_str().unwrap_or_default(), out["n"]);
    println!("{:<34} {:>10} {:>10}", "", "sign µs", "verify µs");
    println!("{:<34} {:>10.1} {:>10.1}", "cairn (full, report incl.)", g("cairn_sign_us"), g("cairn_verify_us"));
    println!("{:<34} {:>10.1} {:>10.1}", "floor (2×SHA-256 + Ed25519)", g("floor_sign_us"), g("floor_verify_us"));
    if out.get("js_sign_us").is_some() {
        println!("{:<34} {:>10.1} {:>10.1}", "JS Digital Bazaar (same machine)", g("js_sign_us"), g("js_verify_us"));
        println!(
            "JS / cairn: sign {:.1}×, verify {:.1}× (target ≥ 30× verify)",
            g("js_over_cairn_sign"),
            g("js_over_cairn_verify")
        );
    }
    println!(
        "cairn / floor: sign {:.2}×, verify {:.2}× (target ≤ 3× verify)",
        g("sign_over_floor"),
        g("verify_over_floor")
    );
    if let Some(stages) = out.get("verify_stages_us").and_then(Value::as_object) {
        let parts: Vec<String> = stages.iter().map(|(k, v)| format!("{k} {v} µs")).collect();
        println!("verify stages: {}", parts.join(", "));
    }
}

fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn repo_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixtures_dir() -> Option<PathBuf> {
    let dir =
        std::env::var_os("CAIRN_FIXTURES").map(PathBuf::from).unwrap_or_else(|| repo_dir().join("../shared/fixtures"));
    dir.join("ob3-vector/vector.json").exists().then_some(dir)
}
