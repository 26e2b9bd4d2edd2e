//! `cairn bench bulk` on a small job: it issues through the real path, its own checks pass
//! (every row once, credentials verify), it reports what it measured, and it removes its
//! scratch database (the SQLite temp directory; the PostgreSQL schema). No timing is asserted.

use std::process::Command;

use serde_json::Value;

use crate::support::Scratch;

/// Runs `cairn bench bulk --rows 300 --check-sample 10 --json` with `TMPDIR` in `tmp`.
fn bench_bulk(tmp: &Scratch, extra: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_cairn"))
        .args(["bench", "bulk", "--rows", "300", "--check-sample", "10", "--json"])
        .args(extra)
        .env("TMPDIR", tmp.path(""))
        .output()
        .unwrap();
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.status.code(), Some(0), "stdout: {stdout}\nstderr: {stderr}");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["rows"], 300, "{report}");
    assert_eq!(report["verified"], 10, "one credential in 30 is verified: {report}");
    assert_eq!(report["concurrency"], 4, "the server's default: {report}");
    assert!(report["status_lists"].as_u64() >= Some(1), "{report}");
    assert!(report["total_s"].as_f64().unwrap() > 0.0 && report["credentials_per_s"].as_f64().unwrap() > 0.0);
    report
}

#[test]
fn bench_bulk_issues_checks_and_removes_its_sqlite_database() {
    let tmp = Scratch::new("bench-sqlite");
    let report = bench_bulk(&tmp, &[]);
    assert!(report["database"].as_str().unwrap().starts_with("sqlite"), "{report}");
    let left: Vec<_> = std::fs::read_dir(tmp.path("")).unwrap().collect();
    assert!(left.is_empty(), "the temp directory is removed: {left:?}");
}

#[test]
fn bench_bulk_issues_checks_and_drops_its_postgres_schema() {
    let Ok(url) = std::env::var("CAIRN_TEST_DATABASE_URL") else {
        eprintln!("SKIPPED: bench bulk on PostgreSQL: CAIRN_TEST_DATABASE_URL is not set");
        return;
    };
    let tmp = Scratch::new("bench-postgres");
    let report = bench_bulk(&tmp, &["--database-url", &url]);
    let database = report["database"].as_str().unwrap();
    let schema = database.split("(schema ").nth(1).unwrap().trim_end_matches(')');
    assert!(schema.starts_with("cairn_bench_"), "{database}");
    let out = Command::new("psql")
        .args([url.as_str(), "-Atc", &format!("SELECT count(*) FROM pg_namespace WHERE nspname = '{schema}'")])
        .output()
        .expect("psql runs (it ships with PostgreSQL's client)");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "0", "the schema {schema} is dropped");
}
