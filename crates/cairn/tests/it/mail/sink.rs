//! A real SMTP server on loopback: `smtp_sink.py` (aiosmtpd) in a child process, writing each
//! accepted message as JSON into a scratch folder.

use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use serde_json::Value;

use crate::support::Scratch;

/// How the sink authenticates clients.
pub enum Auth<'a> {
    /// No AUTH.
    Open,
    /// AUTH required with this user and password.
    Required(&'a str, &'a str),
    /// As `Required`, and failed AUTH replies quote the password received.
    Echoing(&'a str, &'a str),
}

pub struct Sink {
    child: Child,
    pub port: u16,
    dir: Scratch,
}

impl Sink {
    /// Starts the sink, or prints a loud skip and returns `None` when aiosmtpd is missing.
    pub fn start(name: &str, auth: Auth<'_>) -> Option<Sink> {
        let probe = Command::new("python3").args(["-c", "import aiosmtpd"]).output();
        if !probe.is_ok_and(|o| o.status.success()) {
            eprintln!(
                "SKIPPED: pip install aiosmtpd (python3 -c 'import aiosmtpd' failed); mail test `{name}` not run"
            );
            return None;
        }
        let dir = Scratch::new(&format!("smtp-{name}"));
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/smtp_sink.py");
        let mut cmd = Command::new("python3");
        cmd.arg(&script).arg(dir.path(""));
        match auth {
            Auth::Open => {}
            Auth::Required(u, p) => {
                cmd.args(["--user", u, "--password", p]);
            }
            Auth::Echoing(u, p) => {
                cmd.args(["--user", u, "--password", p, "--echo-password"]);
            }
        }
        let stderr = std::fs::File::create(dir.path("stderr.log")).unwrap();
        let mut child =
            cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(stderr).spawn().expect("python3 starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let Some(port) = line.strip_prefix("READY ").and_then(|p| p.trim().parse().ok()) else {
            let _ = child.kill();
            let log = std::fs::read_to_string(dir.path("stderr.log")).unwrap_or_default();
            panic!("smtp_sink.py did not start: {line:?}\n{log}");
        };
        Some(Sink { child, port, dir })
    }

    /// The messages accepted so far, in order.
    pub fn messages(&self) -> Vec<Value> {
        let mut names: Vec<_> = std::fs::read_dir(self.dir.path(""))
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.ends_with(".json"))
            .collect();
        names.sort();
        names.iter().map(|n| crate::support::read_json(self.dir.path(n))).collect()
    }

    /// The folder where each accepted message lands as `<n>.json` (`rcpt_tos`, `subject`,
    /// `text`, `html`, …), for a browser scenario that reads its email itself.
    pub fn dir(&self) -> PathBuf {
        self.dir.path("")
    }

    /// The `CAIRN_SMTP__*` settings that make `cairn serve` send to this sink (no TLS, no AUTH).
    pub fn serve_env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("CAIRN_SMTP__HOST", "127.0.0.1".into()),
            ("CAIRN_SMTP__PORT", self.port.to_string()),
            ("CAIRN_SMTP__TLS", "none".into()),
            ("CAIRN_SMTP__FROM", "Badges <badges@example.org>".into()),
        ]
    }

    /// The next `n` messages are refused with 451.
    pub fn reject_next(&self, n: u32) {
        std::fs::write(self.dir.path("reject"), n.to_string()).unwrap();
    }

    /// Every AUTH attempt: `{"mechanism", "login", "ok"}`.
    pub fn auth_attempts(&self) -> Vec<Value> {
        std::fs::read_to_string(self.dir.path("auth.jsonl"))
            .unwrap_or_default()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
