//! Shared helpers: running the binary, scratch folders, fixtures, test credentials, a tiny
//! PNG, the JavaScript interop scripts and a loopback HTTP server for status lists.

// Test helpers outside #[test] fns are not covered by clippy.toml's allow-*-in-tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::ffi::OsStr;
use std::io::{Read as _, Write as _};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;

use cairn_vc::keys::Ed25519Key;
use serde_json::{json, Value};

pub const VC_V2: &str = "https://www.w3.org/ns/credentials/v2";
pub const OB_303: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

/// What a finished process left behind.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the real `cairn` binary with `args`.
pub fn cairn<S: AsRef<OsStr>>(args: &[S]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_cairn")).args(args).output().expect("cairn runs");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A folder of its own under the target's temp dir, emptied on creation and removed on drop.
pub struct Scratch(PathBuf);

impl Scratch {
    pub fn new(name: &str) -> Self {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cairn-it-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    pub fn path(&self, file: &str) -> PathBuf {
        self.0.join(file)
    }

    /// Writes `value` (pretty JSON) to `file` and returns its path.
    pub fn json(&self, file: &str, value: &Value) -> PathBuf {
        let path = self.path(file);
        std::fs::write(&path, serde_json::to_string_pretty(value).unwrap()).unwrap();
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn read_json(path: impl AsRef<Path>) -> Value {
    let path = path.as_ref();
    serde_json::from_slice(&std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `$CAIRN_FIXTURES`, else `../../../shared/fixtures` from this crate, when it exists.
pub fn fixtures_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("CAIRN_FIXTURES")
        .map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures"), PathBuf::from);
    dir.is_dir().then_some(dir)
}

/// The fixtures folder; `None` after a loud skip notice naming `test`.
pub fn fixtures(test: &str) -> Option<PathBuf> {
    let dir = fixtures_dir();
    if dir.is_none() {
        eprintln!("SKIPPED: ../shared/fixtures not found (set CAIRN_FIXTURES): {test}");
    }
    dir
}

/// The Ed25519 key for a fixed one-byte seed pattern.
pub fn key(seed: u8) -> Ed25519Key {
    Ed25519Key::from_seed(&[seed; 32])
}

/// The verification method of a did:key: `did:key:z6Mk…#z6Mk…`.
pub fn did_key_vm(key: &Ed25519Key) -> String {
    format!("{}#{}", key.did_key(), key.public_key_multibase())
}

/// An unsigned OB 3.0 OpenBadgeCredential issued by `issuer` (a did:key) to `subject`.
pub fn ob_credential(issuer: &str, subject: &str) -> Value {
    json!({
        "@context": [VC_V2, OB_303],
        "id": "urn:uuid:5b0c9f7e-2f4a-4c1e-9d6a-0c6f0e1a2b3c",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": issuer, "type": ["Profile"], "name": "Cairn Test College"},
        "validFrom": "2024-01-01T00:00:00Z",
        "name": "Rock climbing, level 1",
        "credentialSubject": {
            "id": subject,
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "urn:uuid:8e5a0b2c-7d1f-4e3a-9b6c-1d2e3f4a5b6c",
                "type": ["Achievement"],
                "name": "Rock climbing, level 1",
                "description": "Climbs a grade 4 route on top rope and belays a partner safely.",
                "criteria": {"narrative": "Assessed by a certified instructor at the wall."}
            }
        }
    })
}

fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = u32::try_from(data.len()).unwrap().to_be_bytes().to_vec();
    let mut typed = kind.to_vec();
    typed.extend_from_slice(data);
    out.extend_from_slice(&typed);
    out.extend_from_slice(&crc32fast::hash(&typed).to_be_bytes());
    out
}

/// A 2×2 RGB PNG built by hand: IHDR, one zlib-compressed IDAT, IEND.
pub fn tiny_png() -> Vec<u8> {
    let mut ihdr = 2u32.to_be_bytes().repeat(2);
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]); // 8-bit RGB, deflate, no filter, no interlace
    let rows = [0u8, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255];
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(&rows).unwrap();
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(png_chunk(b"IHDR", &ihdr));
    png.extend(png_chunk(b"IDAT", &z.finish().unwrap()));
    png.extend(png_chunk(b"IEND", &[]));
    png
}

pub const TINY_SVG: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="teal"/></svg>
"#;

/// `interop/` when `node` runs and `npm ci --prefix interop` was done; else a loud skip.
pub fn interop_dir(test: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../interop");
    if Command::new("node").arg("--version").output().map_or(true, |o| !o.status.success()) {
        eprintln!("SKIPPED: `node` not found (Node 20+ is needed): {test}");
        return None;
    }
    if !dir.join("node_modules").is_dir() {
        eprintln!("SKIPPED: run npm ci --prefix interop ({} has no node_modules): {test}", dir.display());
        return None;
    }
    Some(dir)
}

/// Runs `node <interop>/<script> args…` with the fixtures (for OB schemas) when present.
pub fn node<S: AsRef<OsStr>>(interop: &Path, script: &str, args: &[S], fixtures: Option<&Path>) -> Run {
    let mut cmd = Command::new("node");
    cmd.arg(interop.join(script)).args(args).env_remove("CAIRN_URL_MAP");
    if let Some(fx) = fixtures {
        cmd.env("CAIRN_FIXTURES", fx);
    }
    let out = cmd.output().expect("node runs");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A minimal HTTP/1.1 server on 127.0.0.1:0 answering `GET <path>` with fixed bodies
/// (`application/vc+ld+json`), one connection at a time. Stopped and joined on drop.
pub struct StatusServer {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    served: Arc<AtomicUsize>,
    thread: Option<JoinHandle<()>>,
}

impl StatusServer {
    /// Binds the listener; the routes are filled in afterwards because the bodies name the port.
    pub fn bind() -> (TcpListener, String) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        (listener, base)
    }

    pub fn start(listener: TcpListener, routes: Vec<(String, Vec<u8>)>) -> Self {
        let addr = listener.local_addr().unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let served = Arc::new(AtomicUsize::new(0));
        let (stop2, served2) = (stop.clone(), served.clone());
        let thread = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stop2.load(Ordering::SeqCst) {
                    break;
                }
                if let Ok(stream) = stream {
                    if answer(stream, &routes) {
                        served2.fetch_add(1, Ordering::SeqCst);
                    }
                }
            }
        });
        StatusServer { addr, stop, served, thread: Some(thread) }
    }

    /// How many requests were answered with 200.
    pub fn served(&self) -> usize {
        self.served.load(Ordering::SeqCst)
    }
}

impl Drop for StatusServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.addr); // wakes the blocking accept
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Answers one request; true when it was a GET of a known path.
fn answer(mut stream: TcpStream, routes: &[(String, Vec<u8>)]) -> bool {
    // A bound, not a timed assertion: a stuck client must not hang the test forever.
    let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(30)));
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 16 * 1024 {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return false,
            Ok(n) => head.extend_from_slice(buf.get(..n).unwrap_or_default()),
        }
    }
    let head = String::from_utf8_lossy(&head);
    let mut parts = head.lines().next().unwrap_or_default().split(' ');
    let (method, path) = (parts.next().unwrap_or_default(), parts.next().unwrap_or_default());
    let body = routes.iter().find(|(p, _)| p == path).map(|(_, b)| b);
    let (status, ctype, body): (&str, &str, &[u8]) = match body {
        Some(b) if method == "GET" => ("200 OK", "application/vc+ld+json", b),
        Some(_) => ("405 Method Not Allowed", "text/plain", b"GET only\n"),
        None => ("404 Not Found", "text/plain", b"not found\n"),
    };
    let header = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let ok = stream.write_all(header.as_bytes()).and_then(|()| stream.write_all(body)).is_ok();
    ok && status.starts_with("200")
}
