//! Real-browser tests: the real `cairn serve` on a temporary directory, data set up through
//! the JSON API, then a scenario of `browser/` (Debian's chromium driven by playwright-core,
//! axe-core run in the page) whose one-line JSON report is checked here. Screenshots go to
//! `target/browser-artefacts/<scenario>/`. Without chromium, node or `browser/node_modules`
//! the test prints SKIPPED and passes, so `cargo test` works on a fresh clone.
//!
//! `the_whole_loop_in_a_real_browser` runs issue 4's loop through the UI only (administrator,
//! earner, verifier), with a loopback SMTP server (the mail tests' sink) so the claim link
//! arrives by email; it is skipped loudly when aiosmtpd is missing.
//!
//! A new flow (console, wallet) is one more `browser/<flow>.mjs` using `browser/lib/harness.mjs`
//! and one more `#[test]` here calling [`run_scenario`].

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use serde_json::{json, Value};

use crate::e2e::{http, Issuer};
use crate::mail::sink;
use crate::serve::Server;
use crate::support::{fixtures_dir, Scratch};

/// `browser/` when chromium, node and `npm ci --prefix browser` are there; else a loud skip.
fn browser_dir(test: &str) -> Option<PathBuf> {
    let chromium = std::env::var_os("CHROMIUM").map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from);
    if !chromium.is_file() {
        eprintln!("SKIPPED: {} not found (apt-get install chromium chromium-driver): {test}", chromium.display());
        return None;
    }
    if Command::new("node").arg("--version").output().map_or(true, |o| !o.status.success()) {
        eprintln!("SKIPPED: `node` not found (Node 20+ is needed): {test}");
        return None;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../browser");
    if !dir.join("node_modules").is_dir() {
        eprintln!("SKIPPED: run npm ci --prefix browser ({} has no node_modules): {test}", dir.display());
        return None;
    }
    Some(dir)
}

/// `target/browser-artefacts/<name>`, emptied first.
fn artefact_dir(name: &str) -> PathBuf {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).parent().unwrap_or(Path::new("target")).to_path_buf();
    let dir = target.join("browser-artefacts").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `node browser/<scenario>.mjs <url> <artefacts> <data.json>` and returns its report,
/// failing with every failed step and axe violation listed.
fn run_scenario(browser: &Path, scenario: &str, url: &str, data: &Path) -> Value {
    let artefacts = artefact_dir(scenario);
    let started = Instant::now();
    let out = Command::new("node")
        .arg(browser.join(format!("{scenario}.mjs")))
        .args([url.as_ref(), artefacts.as_os_str(), data.as_os_str()])
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = stdout.lines().last().unwrap_or_else(|| panic!("{scenario}: no report ({}):\n{stderr}", out.status));
    let report: Value =
        serde_json::from_str(line).unwrap_or_else(|e| panic!("{scenario}: not a report ({e}): {stdout}\n{stderr}"));
    let steps = report["steps"].as_array().unwrap();
    for s in steps {
        eprintln!("  {} {} ({} ms)", if s["ok"] == true { "ok  " } else { "FAIL" }, s["name"], s["ms"]);
    }
    for note in report["notes"].as_array().into_iter().flatten() {
        eprintln!("  note: {}", note.as_str().unwrap_or_default());
    }
    eprintln!(
        "browser scenario `{scenario}`: {} steps in {:?}; screenshots saved to {}: {}",
        steps.len(),
        started.elapsed(),
        artefacts.display(),
        report["screenshots"]
    );
    let failed: Vec<String> = steps
        .iter()
        .filter(|s| s["ok"] != true)
        .map(|s| format!("{}: {}", s["name"], s["error"].as_str().unwrap_or_default()))
        .collect();
    assert!(failed.is_empty(), "{scenario}: failed steps:\n{}\n{stderr}", failed.join("\n"));
    assert_eq!(report["ok"], true, "{report:#}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    report
}

#[test]
fn public_pages_in_a_real_browser() {
    let Some(browser) = browser_dir("browser: public pages (credential, issuer, achievement, verifier, home, sign-in)")
    else {
        return;
    };
    let dir = Scratch::new("browser-public");
    let server = Server::start(&dir.path("data"), &[]);
    let issuer = Issuer::set_up(&server, "alpha");
    let achievement = issuer.achievement(&json!({
        "name": "Data Literacy",
        "description": "Reads, questions and explains data in everyday work.",
        "criteria_narrative": "Passed the assessment: three data stories explained to a panel.",
        "kind": "skill",
        "alignments": [{"target_name": "Data literacy", "target_url": "https://esco.ec.europa.eu/en/skill/data-literacy",
            "target_framework": "ESCO"}],
        "tags": ["data"]
    }));
    let micro = issuer.achievement(&json!({
        "name": "Data Stewardship",
        "description": "Keeps research data findable, accessible and well documented.",
        "criteria_narrative": "A data management plan reviewed by two data stewards.",
        "criteria_url": "https://alpha.example.org/criteria/data-stewardship",
        "kind": "micro_credential", "credits_available": 3, "field_of_study": "Information science",
        "human_code": "DS-101", "category": "Digital skills", "proficiency_level": "Intermediate",
        "alignments": [{"target_name": "Manage research data", "target_url": "https://esco.ec.europa.eu/en/skill/manage-research-data",
            "target_framework": "ESCO", "target_code": "S5.6"}],
        "tags": ["data", "research"],
        "eu": {"workload_ects": 3, "workload_hours": 75, "eqf_level": 6, "assessment_type": "Reviewed project",
            "participation_form": "blended", "quality_assurance": "Internal review board", "prerequisites": "None"}
    }));
    let award = json!({"recipient": "learner@example.org", "name": "Lee Learner",
        "evidence": [{"url": "https://portfolio.example.org/lee", "narrative": "Three data stories."}]});
    let r = issuer.post(&format!("/achievements/{achievement}/credentials"), &award);
    assert_eq!(r.status, 201, "issue: {}", r.text());
    let credential_id = r.json()["id"].as_str().unwrap().to_string();
    let page = http("GET", &format!("{}/credentials/{credential_id}", server.url), &[("Accept", "text/html")], None);
    assert_eq!(page.status, 200, "{}", page.text());

    let dcc = fixtures_dir()
        .map(|f| f.join("dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-basicOBv3.json"))
        .filter(|f| f.is_file());
    if dcc.is_none() {
        eprintln!("SKIPPED: ../shared/fixtures not found: the browser step with another issuer's credential");
    }
    let data = dir.json(
        "data.json",
        &json!({"credential_id": credential_id, "achievement_id": micro, "skill_achievement_id": achievement, "org": issuer.slug, "bearer": issuer.bearer, "dcc_fixture": dcc}),
    );
    let report = run_scenario(&browser, "public", &server.url, &data);
    for page in [
        "home",
        "sign-in",
        "credential",
        "issuer",
        "achievement",
        "achievement-fr",
        "verify",
        "verify-valid",
        "verify-revoked",
    ] {
        let axe = &report["axe"][page];
        assert_eq!((axe["serious"].as_u64(), axe["critical"].as_u64()), (Some(0), Some(0)), "{page}: {axe:#}");
    }
    let shots = report["screenshots"].as_array().unwrap();
    assert!(shots.len() >= 10, "a screenshot of each page: {shots:?}");
}

/// The pages of the whole loop that axe-core checks (each also has a screenshot).
const LOOP_PAGES: &[&str] = &[
    "setup",
    "console-orgs",
    "designer",
    "achievements",
    "award",
    "csv-report",
    "job",
    "credentials",
    "settings",
    "dashboard",
    "claim",
    "sign-up",
    "wallet-item",
    "wallet-item-shared",
    "shared",
    "wallet",
    "wallet-import",
    "verify-valid",
    "credentials-revoked",
    "verify-revoked",
];

#[test]
fn the_whole_loop_in_a_real_browser() {
    let Some(browser) =
        browser_dir("browser: the whole loop (setup, design, award by CSV, claim, share, verify, revoke)")
    else {
        return;
    };
    let Some(smtp) = sink::Sink::start("browser-loop", sink::Auth::Open) else { return };
    let dir = Scratch::new("browser-loop");
    let server = Server::start_with_env(&dir.path("data"), &[], &smtp.serve_env());
    let setup_token = server.setup_token().expect("a fresh instance prints a setup token");
    let data = dir.json(
        "data.json",
        &json!({
            "setup_token": setup_token,
            "admin": {"email": "admin@example.org", "name": "Ada Admin", "password": "correct horse battery staple"},
            "org": {"slug": "alpha", "name": "Alpha University"},
            "earner": {"email": "erin@example.org", "name": "Erin Earner", "password": "erin's long passphrase"},
            "others": ["kim@example.org", "lou@example.org"],
            "mail_dir": smtp.dir(),
        }),
    );
    let report = run_scenario(&browser, "loop", &server.url, &data);
    for page in LOOP_PAGES {
        let axe = &report["axe"][page];
        assert_eq!((axe["serious"].as_u64(), axe["critical"].as_u64()), (Some(0), Some(0)), "{page}: {axe:#}");
    }
    let shots = report["screenshots"].as_array().unwrap();
    for page in LOOP_PAGES {
        assert!(shots.iter().any(|s| s == &format!("{page}.png")), "a screenshot of {page}: {shots:?}");
    }
    let emailed: Vec<Value> = smtp.messages().iter().map(|m| m["rcpt_tos"].clone()).collect();
    assert!(emailed.contains(&json!(["erin@example.org"])), "the earner was emailed: {emailed:?}");
}
