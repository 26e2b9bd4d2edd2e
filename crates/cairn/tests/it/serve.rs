//! `cairn serve` and `cairn migrate` as an operator runs them: first start on an empty data
//! directory, health check, one-time setup, SIGTERM, restart.

use std::ffi::OsStr;
use std::io::{BufRead as _, BufReader, Read as _};
use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use serde_json::json;

use crate::mail::sink;
use crate::support::Scratch;

/// The longest a server may take to print its URL (a bound, not an assertion on speed).
const STARTUP_BOUND: Duration = Duration::from_secs(120);

/// A running `cairn serve`, stopped on drop.
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:<port>`, as printed (`Listening on`, when a public URL is set).
    pub url: String,
    /// Standard output up to and including the "running" line.
    pub banner: Vec<String>,
    stderr: std::thread::JoinHandle<String>,
}

impl Server {
    /// Starts `cairn serve --data-dir <dir> --bind 127.0.0.1:0 <extra…>` and waits for
    /// `Cairn is running at <url>`.
    pub fn start(data_dir: &Path, extra: &[&str]) -> Server {
        Self::start_with_env::<&str, &str>(data_dir, extra, &[])
    }

    /// [`Server::start`] with extra environment variables (and no inherited `CAIRN_*` settings).
    pub fn start_with_env<K: AsRef<OsStr>, V: AsRef<OsStr>>(
        data_dir: &Path,
        extra: &[&str],
        vars: &[(K, V)],
    ) -> Server {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_cairn"));
        cmd.args(["serve", "--data-dir", data_dir.to_str().unwrap(), "--bind", "127.0.0.1:0"]).args(extra);
        for (name, _) in std::env::vars().filter(|(n, _)| n.starts_with("CAIRN_") && !n.starts_with("CAIRN_TEST_")) {
            cmd.env_remove(name);
        }
        cmd.envs(vars.iter().map(|(k, v)| (k, v)));
        let mut child = cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("cairn serve starts");
        let mut err = child.stderr.take().unwrap();
        let stderr = std::thread::spawn(move || {
            let mut s = String::new();
            let _ = err.read_to_string(&mut s);
            s
        });
        let lines = lines_of(child.stdout.take().unwrap());
        let mut banner = Vec::new();
        let mut listening = None;
        let url = loop {
            match lines.recv_timeout(STARTUP_BOUND) {
                Ok(line) => {
                    banner.push(line.clone());
                    if let Some(url) = line.strip_prefix("Listening on ") {
                        listening = Some(url.to_string());
                    }
                    if let Some(url) = line.strip_prefix("Cairn is running at ") {
                        break listening.unwrap_or_else(|| url.to_string());
                    }
                }
                Err(RecvTimeoutError::Disconnected) => {
                    let status = child.wait().unwrap();
                    panic!("cairn serve exited ({status}) before it ran:\n{}", stderr.join().unwrap());
                }
                Err(RecvTimeoutError::Timeout) => {
                    let _ = child.kill();
                    panic!("cairn serve did not print its URL within {STARTUP_BOUND:?}");
                }
            }
        };
        // Keep draining standard output so the server never blocks on a full pipe.
        std::thread::spawn(move || while lines.recv().is_ok() {});
        Server { child, url, banner, stderr }
    }

    /// The setup token printed in the banner, if any.
    pub fn setup_token(&self) -> Option<String> {
        const PREFIX: &str = "One-time setup token: ";
        let lines: Vec<&String> = self.banner.iter().filter(|l| l.contains(PREFIX)).collect();
        assert!(lines.len() <= 1, "the setup token is printed once: {:?}", self.banner);
        let token = lines.first()?.split(PREFIX).nth(1)?.trim().to_string();
        let curl = self.banner.iter().find(|l| l.contains("/api/v1/setup")).expect("the API call is shown");
        assert!(curl.contains(&format!("\"setup_token\": \"{token}\"")), "{curl}");
        Some(token)
    }

    /// Sends SIGTERM and waits (bounded) for the exit; returns the status and standard error.
    pub fn terminate(mut self) -> (ExitStatus, String) {
        let pid = self.child.id().to_string();
        assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
        let mut waited = Duration::ZERO;
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            assert!(waited < STARTUP_BOUND, "cairn serve did not stop after SIGTERM");
            std::thread::sleep(Duration::from_millis(50));
            waited += Duration::from_millis(50);
        };
        let stderr = std::mem::replace(&mut self.stderr, std::thread::spawn(String::new));
        (status, stderr.join().unwrap())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if std::thread::panicking() {
            let stderr = std::mem::replace(&mut self.stderr, std::thread::spawn(String::new));
            eprintln!("cairn serve's standard error:\n{}", stderr.join().unwrap_or_default());
        }
    }
}

fn lines_of(out: impl std::io::Read + Send + 'static) -> Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn first_run_creates_everything_prints_a_setup_link_once_and_stops_on_sigterm() {
    let dir = Scratch::new("serve-first-run");
    let data = dir.path("data");
    let server = Server::start(&data, &[]);

    // The URL is the bound address: port 0 was replaced by the real port.
    let port: u16 = server.url.strip_prefix("http://127.0.0.1:").and_then(|p| p.parse().ok()).unwrap();
    assert_ne!(port, 0);
    let key = std::fs::read(data.join("master.key")).unwrap();
    assert_eq!(key.len(), 32);
    assert_eq!(mode(&data.join("master.key")), 0o600);
    assert!(data.join("cairn.db").is_file());
    let token = server.setup_token().expect("a fresh instance prints a setup link");
    assert!(token.starts_with("cairn_"), "{token}");

    let health = ureq::get(&format!("{}/healthz", server.url)).call().unwrap();
    assert_eq!(health.status(), 200);
    assert!(health.header("x-request-id").is_some_and(|id| !id.is_empty()), "every response has a request id");
    // gzip for the stylesheet, never for pages (they carry anti-forgery tokens).
    let gz = |path: &str| {
        let r = ureq::get(&format!("{}{path}", server.url)).set("Accept-Encoding", "gzip").call().unwrap();
        (r.header("content-encoding").map(str::to_string), r.header("content-type").map(str::to_string))
    };
    assert_eq!(gz("/static/cairn.css").0.as_deref(), Some("gzip"));
    let (encoding, media) = gz("/sign-in");
    assert_eq!((encoding, media.as_deref()), (None, Some("text/html; charset=utf-8")));

    // The first administrator, through the API; the token then stops working.
    let body = json!({"setup_token": token, "email": "admin@example.org", "name": "Admin", "password": "correct horse battery"});
    let setup = || ureq::post(&format!("{}/api/v1/setup", server.url)).set("Content-Type", "application/json");
    let created = setup().send_string(&body.to_string()).unwrap_or_else(|e| match e {
        ureq::Error::Status(code, r) => panic!("setup answered {code}: {}", r.into_string().unwrap()),
        other => panic!("{other}"),
    });
    assert_eq!(created.status(), 201);
    let again = setup().send_string(&body.to_string());
    assert!(matches!(again, Err(ureq::Error::Status(403, _))), "the setup token is single-use: {again:?}");

    let (status, stderr) = server.terminate();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains(&token), "the setup token is printed on stdout only, never logged");

    // A second start: same key, no setup link, same database.
    let server = Server::start(&data, &[]);
    assert_eq!(server.setup_token(), None, "{:?}", server.banner);
    assert_eq!(std::fs::read(data.join("master.key")).unwrap(), key);
    let (status, stderr) = server.terminate();
    assert_eq!(status.code(), Some(0), "{stderr}");
}

#[test]
fn a_wrong_master_key_is_refused_and_never_printed() {
    let dir = Scratch::new("serve-bad-key");
    let data = dir.path("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(data.join("master.key"), b"too-short-key").unwrap();
    let run = crate::support::cairn(&["serve", "--data-dir", data.to_str().unwrap(), "--bind", "127.0.0.1:0"]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("master.key") && run.stderr.contains("13 bytes, not 32"), "{}", run.stderr);
    assert!(!run.stdout.contains("Cairn is running"));
    assert!(!data.join("cairn.db").exists(), "the key is checked before the database is opened");

    // A valid key that is not the one the database was set up with.
    let other = dir.path("other");
    let server = Server::start(&other, &[]);
    let (status, _) = server.terminate();
    assert_eq!(status.code(), Some(0));
    std::fs::write(other.join("master.key"), [7u8; 32]).unwrap();
    let run = crate::support::cairn(&["serve", "--data-dir", other.to_str().unwrap(), "--bind", "127.0.0.1:0"]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("not the key this database was set up with"), "{}", run.stderr);
    let shown = format!("{}{}", run.stdout, run.stderr);
    assert!(!shown.contains("0707070707") && !shown.contains("[7, 7"), "the key is never printed");
}

#[test]
fn migrate_creates_and_migrates_the_database() {
    let dir = Scratch::new("serve-migrate");
    let data = dir.path("data");
    let run = crate::support::cairn(&["migrate", "--data-dir", data.to_str().unwrap()]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(data.join("cairn.db").is_file());
    assert!(run.stdout.contains("Migrations applied: sqlite://"), "{}", run.stdout);
    // Idempotent.
    let run = crate::support::cairn(&["migrate", "--data-dir", data.to_str().unwrap()]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

/// Calls the API: JSON in (when `body` is JSON), JSON out; returns status and body.
fn call(method: &str, url: &str, auth: &str, body: Option<(&str, String)>) -> (u16, serde_json::Value) {
    let req = ureq::request(method, url).set("Authorization", auth);
    let res = match body {
        Some((ctype, text)) => req.set("Content-Type", ctype).send_string(&text),
        None => req.call(),
    };
    let res = match res {
        Ok(r) | Err(ureq::Error::Status(_, r)) => r,
        Err(e) => panic!("{method} {url}: {e}"),
    };
    let status = res.status();
    (status, serde_json::from_str(&res.into_string().unwrap()).unwrap_or_default())
}

/// An administrator, an organisation `alpha`, an owner token and an achievement: `(token, achievement id)`.
fn set_up_issuer(server: &Server) -> (String, String) {
    use base64::Engine as _;
    let token = server.setup_token().unwrap();
    let admin = json!({"setup_token": token, "email": "admin@example.org", "name": "Admin", "password": "correct horse battery"});
    assert_eq!(
        call("POST", &format!("{}/api/v1/setup", server.url), "", Some(("application/json", admin.to_string()))).0,
        201
    );
    let basic = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode("admin@example.org:correct horse battery")
    );
    let org = json!({"slug": "alpha", "name": "Alpha University", "url": "https://alpha.example.org",
        "address": {"country_code": "NL", "locality": "Utrecht"}});
    let (status, body) =
        call("POST", &format!("{}/api/v1/orgs", server.url), &basic, Some(("application/json", org.to_string())));
    assert_eq!(status, 201, "{body}");
    let req = json!({"org": "alpha", "name": "test", "role": "owner"});
    let (status, body) =
        call("POST", &format!("{}/api/v1/tokens", server.url), &basic, Some(("application/json", req.to_string())));
    assert_eq!(status, 201, "{body}");
    let bearer = format!("Bearer {}", body["token"].as_str().unwrap());
    let achievement = json!({"name": "Data Literacy", "description": "Reads, questions and explains data.",
        "criteria_narrative": "Passed the assessment.", "kind": "skill"});
    let url = format!("{}/api/v1/orgs/alpha/achievements", server.url);
    let (status, body) = call("POST", &url, &bearer, Some(("application/json", achievement.to_string())));
    assert_eq!(status, 201, "{body}");
    (bearer, body["id"].as_str().unwrap().to_string())
}

/// Polls the job (a bounded loop) until it is no longer running; returns it.
fn wait_for_job(server: &Server, bearer: &str, location: &str) -> serde_json::Value {
    for _ in 0..2400 {
        let (status, job) = call("GET", &format!("{}{location}", server.url), bearer, None);
        assert_eq!(status, 200, "{job}");
        if job["state"] != "running" {
            return job;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("the job at {location} did not finish");
}

fn csv(rows: usize) -> String {
    let mut csv = String::from("recipient,name\n");
    for i in 0..rows {
        csv.push_str(&format!("learner{i}@example.org,Learner {i}\n"));
    }
    csv
}

#[test]
fn the_bulk_worker_issues_every_row_and_a_job_survives_a_restart() {
    let dir = Scratch::new("serve-bulk");
    let data = dir.path("data");
    // Workers off: the job is created and waits in the database.
    let server = Server::start_with_env(&data, &[], &[("CAIRN_WORKERS__ENABLED", "false")]);
    let (bearer, achievement) = set_up_issuer(&server);
    let url = format!("{}/api/v1/orgs/alpha/achievements/{achievement}/bulk", server.url);
    let (status, job) = call("POST", &url, &bearer, Some(("text/csv", csv(1200))));
    assert_eq!(status, 202, "{job}");
    let location = format!("/api/v1/orgs/alpha/jobs/{}", job["id"].as_str().unwrap());
    let (_, job) = call("GET", &format!("{}{location}", server.url), &bearer, None);
    assert_eq!((job["state"].as_str(), job["issued"].as_u64()), (Some("running"), Some(0)));
    let (status, _) = server.terminate();
    assert_eq!(status.code(), Some(0));

    // Restarted with workers: the job resumes on its own and every row is issued once.
    let server = Server::start(&data, &[]);
    let job = wait_for_job(&server, &bearer, &location);
    assert_eq!(
        (job["state"].as_str(), job["issued"].as_u64(), job["failed"].as_u64()),
        (Some("done"), Some(1200), Some(0))
    );
    let list = format!("{}/api/v1/orgs/alpha/credentials?job={}&limit=500", server.url, job["id"].as_str().unwrap());
    let (_, page) = call("GET", &list, &bearer, None);
    assert_eq!(page["items"].as_array().unwrap().len(), 500);

    // A new job on the running server is picked up without a restart.
    let url = format!("{}/api/v1/orgs/alpha/achievements/{achievement}/bulk", server.url);
    let (status, job) = call("POST", &url, &bearer, Some(("text/csv", csv(3))));
    assert_eq!(status, 202, "{job}");
    let job = wait_for_job(&server, &bearer, &format!("/api/v1/orgs/alpha/jobs/{}", job["id"].as_str().unwrap()));
    assert_eq!((job["state"].as_str(), job["issued"].as_u64()), (Some("done"), Some(3)));
    let (status, stderr) = server.terminate();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("bulk job finished"), "{stderr}");
}

#[test]
fn with_smtp_configured_an_award_is_emailed_with_its_claim_link() {
    let Some(smtp) = sink::Sink::start("serve", sink::Auth::Open) else { return };
    let dir = Scratch::new("serve-smtp");
    let server = Server::start_with_env(&dir.path("data"), &[], &smtp.serve_env());
    let (bearer, achievement) = set_up_issuer(&server);
    let url = format!("{}/api/v1/orgs/alpha/achievements/{achievement}/credentials", server.url);
    let (status, issued) =
        call("POST", &url, &bearer, Some(("application/json", json!({"recipient": "ann@example.org"}).to_string())));
    assert_eq!(status, 201, "{issued}");

    // The delivery worker sends it (polled: a bounded loop, not a timed assertion).
    let mut messages = smtp.messages();
    for _ in 0..1200 {
        if !messages.is_empty() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
        messages = smtp.messages();
    }
    assert_eq!(messages.len(), 1, "one email for one award");
    let m = &messages[0];
    assert_eq!(
        (m["rcpt_tos"].clone(), m["mail_from"].clone()),
        (json!(["ann@example.org"]), json!("badges@example.org"))
    );
    let text = m["text"].as_str().unwrap();
    assert!(text.contains(&format!("{}/claim/", server.url)), "{text}");
    let (status, stderr) = server.terminate();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("smtp is not configured"), "{stderr}");
}
