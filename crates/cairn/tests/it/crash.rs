//! The crash test: `cairn serve` killed with SIGKILL in the middle of a 10,000-row bulk job,
//! restarted on the same database, finishes the job with every row issued exactly once and
//! every revocation index used once. On SQLite, and on PostgreSQL (a fresh schema) when
//! `CAIRN_TEST_DATABASE_URL` is set.

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use serde_json::json;

use crate::e2e::{http, Issuer};
use crate::serve::Server;
use crate::support::Scratch;

const ROWS: usize = 10_000;
const BASE_URL: &str = "https://badges.alpha.example";
/// How long the restarted server may take to finish the job: generous (a bound, not a speed
/// assertion; a debug build signs ~1 ms per credential per core).
const FINISH_BOUND: Duration = Duration::from_secs(600);

fn csv() -> String {
    let mut csv = String::from("recipient,name\n");
    for i in 0..ROWS {
        csv.push_str(&format!("crash{i:05}@example.org,Learner {i}\n"));
    }
    csv
}

/// Start, kill mid-job, restart, finish, count. `db` is the `--database-url` (None: SQLite in
/// the data directory).
fn kill_mid_job_and_finish(name: &str, db: Option<&str>) {
    let dir = Scratch::new(name);
    let data = dir.path("data");
    // A public URL that survives the restart (the port does not), as an operator sets it.
    let mut extra = vec!["--base-url", BASE_URL];
    extra.extend(db.map(|url| ["--database-url", url]).into_iter().flatten());
    let started = Instant::now();
    let server = Server::start(&data, &extra);
    let issuer = Issuer::set_up(&server, "alpha");
    let achievement = issuer.achievement(&json!({"name": "Crash Course", "description": "Survives a crash.",
        "criteria_narrative": "Was in the CSV.", "kind": "completion"}));
    let job = issuer.start_job(&achievement, &csv());

    // Some rows stored, the job not done: kill.
    let before = issuer.poll_job(&job, Duration::from_secs(300), |j| j["issued"].as_u64() > Some(0));
    let issued_before = before["issued"].as_u64().unwrap();
    assert!(before["state"] == "running" && issued_before < ROWS as u64, "too late to crash: {before}");
    drop(server); // SIGKILL, then reaped
    let killed_at = started.elapsed();

    // Restart on the same data; the job resumes on its own.
    let server = Server::start(&data, &extra);
    let issuer = Issuer { url: server.url.clone(), ..issuer };
    let restarted = Instant::now();
    let done = issuer.poll_job(&job, FINISH_BOUND, |j| j["state"] != "running");
    let finished_in = restarted.elapsed();
    assert_eq!(
        (done["state"].as_str(), done["total"].as_u64(), done["issued"].as_u64(), done["failed"].as_u64()),
        (Some("done"), Some(ROWS as u64), Some(ROWS as u64), Some(0)),
        "{done}"
    );

    // Every row issued exactly once, every revocation index used once in its list.
    let credentials = issuer.job_credentials(done["id"].as_str().unwrap());
    assert_eq!(credentials.len(), ROWS, "one credential per row");
    let ids: HashSet<&str> = credentials.iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), ROWS, "the listing has no duplicates");
    let recipients: HashSet<&str> = credentials.iter().map(|c| c["recipient_email"].as_str().unwrap()).collect();
    assert_eq!(recipients.len(), ROWS, "every row once");
    assert!((0..ROWS).all(|i| recipients.contains(format!("crash{i:05}@example.org").as_str())));
    let mut per_list: HashMap<&str, HashSet<u64>> = HashMap::new();
    for c in &credentials {
        let entry = &c["revocation_entry"];
        let list = per_list.entry(entry["list_id"].as_str().unwrap()).or_default();
        assert!(list.insert(entry["index"].as_u64().unwrap()), "index used twice: {entry}");
    }
    // Credentials from before the crash, from the batch that died with it and from after it
    // verify on the restarted server (its own issuer document and status list).
    for row in [0, 499, 600, ROWS - 1] {
        let email = format!("crash{row:05}@example.org");
        let c = credentials.iter().find(|c| c["recipient_email"] == email.as_str()).unwrap();
        let id = c["id"].as_str().unwrap();
        assert_eq!(c["url"], format!("{BASE_URL}/credentials/{id}").as_str());
        let vc = http("GET", &format!("{}/credentials/{id}.json", issuer.url), &[], None);
        assert_eq!(vc.status, 200, "{}", vc.text());
        let r = http(
            "POST",
            &format!("{}/api/v1/verify", issuer.url),
            &[("Content-Type", "application/json")],
            Some(&vc.body),
        );
        assert_eq!(r.json()["verified"], true, "row {row}: {}", r.text());
    }
    if db.is_some() {
        assert!(!data.join("cairn.db").exists(), "the server used PostgreSQL, not SQLite");
    }
    // The store agrees: the achievement has no credential outside the job.
    let all = issuer.get(&format!("/credentials?achievement={achievement}&offset={ROWS}&limit=1"));
    assert_eq!(all.status, 200, "{}", all.text());
    assert!(all.json()["items"].as_array().unwrap().is_empty(), "more credentials than rows: {}", all.text());

    let (status, stderr) = server.terminate();
    assert_eq!(status.code(), Some(0), "{stderr}");
    eprintln!(
        "crash ({name}): killed after {killed_at:?} with {issued_before}/{ROWS} issued; restarted server finished in \
         {finished_in:?}; {} status list(s)",
        per_list.len()
    );
}

#[test]
fn sigkill_mid_bulk_job_then_restart_issues_every_row_once_on_sqlite() {
    kill_mid_job_and_finish("crash-sqlite", None);
}

#[test]
fn sigkill_mid_bulk_job_then_restart_issues_every_row_once_on_postgres() {
    let Ok(base) = std::env::var("CAIRN_TEST_DATABASE_URL") else {
        eprintln!("SKIPPED: crash test on PostgreSQL: CAIRN_TEST_DATABASE_URL is not set");
        return;
    };
    let schema = format!("cairn_crash_{}_{}", std::process::id(), rand::random::<u32>());
    let psql = |sql: &str| {
        let out = std::process::Command::new("psql")
            .args([base.as_str(), "-v", "ON_ERROR_STOP=1", "-qc", sql])
            .output()
            .expect("psql runs (it ships with PostgreSQL's client)");
        assert!(out.status.success(), "psql {sql}: {}", String::from_utf8_lossy(&out.stderr));
    };
    psql(&format!("CREATE SCHEMA {schema}"));
    let sep = if base.contains('?') { '&' } else { '?' };
    let url = format!("{base}{sep}options=-csearch_path%3D{schema}");
    let outcome = std::panic::catch_unwind(|| kill_mid_job_and_finish("crash-postgres", Some(&url)));
    psql(&format!("DROP SCHEMA {schema} CASCADE"));
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}
