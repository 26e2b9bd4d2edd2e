//! The Digital Credentials Consortium's real credentials: each must give the outcome its
//! file name states (`[registry]-[status]-[expiry][-extra].json`).

use std::path::{Path, PathBuf};

use cairn_vc::report::{Outcome, Report};
use cairn_vc::resolve::MapResolver;
use cairn_vc::verify::{Verifier, VerifyOptions};

use crate::support::{canonicalizer, fixtures, read_json};

const GITHUB_IO: &str = "https://digitalcredentials.github.io/vc-test-fixtures/";
const VERIFIER_CORE_LIST: &str =
    "https://raw.githubusercontent.com/digitalcredentials/verifier-core/refs/heads/main/src/test-fixtures/status/e5WK8CbZ1GjycuPombrj";

fn all_json(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            all_json(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") && std::fs::metadata(&path).unwrap().len() > 0 {
            out.push(path);
        }
    }
}

/// What the name promises.
#[derive(Debug)]
struct Expect {
    valid: bool,
    proof_fails: bool,
    status_fails: bool,
    expired: bool,
    not_yet_valid: bool,
    bad_schema: bool,
}

fn expectation(name: &str) -> Expect {
    let parts: Vec<&str> = name.trim_end_matches(".json").split('-').map(str::trim).collect();
    let has = |p: &str| parts.contains(&p);
    let status_part = parts.get(1).copied().unwrap_or_default();
    let proof_fails = has("tampered") || name.starts_with("badDidWeb");
    let status_fails = status_part.starts_with("revoked")
        || status_part == "revokedStaus"
        || matches!(status_part, "tamperedStatus" | "expiredStatus" | "missingTypeStatus" | "notYetValidStatus");
    let expired = has("expired");
    let not_yet_valid = has("notYetValid");
    let bad_schema = has("badSchema");
    Expect {
        valid: !(proof_fails || status_fails || expired || not_yet_valid || bad_schema),
        proof_fails,
        status_fails,
        expired,
        not_yet_valid,
        bad_schema,
    }
}

fn failed(report: &Report, check: &str) -> bool {
    report.checks.iter().any(|c| c.check == check && c.outcome == Outcome::Failed)
}

#[test]
fn dcc_fixtures_give_the_outcomes_their_names_state() {
    let Some(fx) = fixtures("dcc-vc-test-fixtures") else { return };
    let dcc = fx.join("dcc-vc-test-fixtures");
    let lists = dcc.join("statusLists/didkey-ed25519Signature2020");
    let resolver =
        MapResolver::new().with_path(GITHUB_IO, &dcc).with_path(VERIFIER_CORE_LIST, lists.join("e5WK8CbZ1GjycuPombrj"));
    let canon = canonicalizer(&fx);
    let now = time::macros::datetime!(2026-06-01 00:00 UTC);
    let verifier = Verifier { canon: &canon, resolver: &resolver, now, options: VerifyOptions::default() };
    let mut files = Vec::new();
    all_json(&dcc.join("verifiableCredentials"), &mut files);
    files.sort();
    assert_eq!(files.len(), 90, "90 non-empty credentials expected");
    let mut wrong = Vec::new();
    for file in &files {
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        let e = expectation(&name);
        let report = verifier.verify(&read_json(file));
        let mut problems = Vec::new();
        if report.verified != e.valid {
            problems.push(format!("verified = {}", report.verified));
        }
        for (expected, check) in [(e.proof_fails, "proof"), (e.status_fails, "status"), (e.bad_schema, "data_model")] {
            if expected && !failed(&report, check) {
                problems.push(format!("{check} should fail"));
            }
        }
        if e.expired && !report.has_error_code("EXPIRED") {
            problems.push("should be expired".into());
        }
        if e.not_yet_valid && !report.has_error_code("NOT_YET_VALID") {
            problems.push("should be not yet valid".into());
        }
        if !e.proof_fails && failed(&report, "proof") {
            problems.push("proof should pass".into());
        }
        if !problems.is_empty() {
            let errors: Vec<String> = report.errors().map(|c| format!("{}: {}", c.check, c.message)).collect();
            wrong.push(format!(
                "{}: {} | {}",
                file.strip_prefix(&dcc).unwrap().display(),
                problems.join(", "),
                errors.join(" / ")
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} fixtures disagree with their names:\n{}",
        wrong.len(),
        files.len(),
        wrong.join("\n")
    );
}
