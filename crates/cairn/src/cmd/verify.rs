//! `cairn verify`: JSON, baked PNG/SVG or URL in; a readable report (or `--json`) out;
//! exit code 0 only when the credential is valid.

use std::process::ExitCode;

use anyhow::{bail, Context as _};
use cairn_vc::bake::{self, BakedKind};
use cairn_vc::canon::Canonicalizer;
use cairn_vc::report::{Outcome, Report};
use cairn_vc::resolve::{MapResolver, OfflineResolver, Resolver};
use cairn_vc::verify::{Verifier, VerifyOptions};

use crate::http_resolver::HttpResolver;
use crate::opt::VerifyArgs;

pub fn verify(args: &VerifyArgs) -> anyhow::Result<ExitCode> {
    let resolver = build_resolver(args)?;
    let bytes = if args.input.starts_with("https://") || args.input.starts_with("http://") {
        if !args.online {
            bail!("{} is a URL: add --online to retrieve it", args.input);
        }
        HttpResolver::new(false).fetch_bytes(&args.input)?
    } else {
        super::read(std::path::Path::new(&args.input))?
    };
    let json = credential_bytes(&bytes)?;
    let now = match &args.at {
        Some(at) => {
            cairn_vc::datetime::parse(at).map(|(t, _)| t).with_context(|| format!("--at {at} is not a dateTime"))?
        }
        None => time::OffsetDateTime::now_utc(),
    };
    let canon = Canonicalizer::default();
    let options = VerifyOptions { check_status: !args.no_status, ..VerifyOptions::default() };
    let verifier = Verifier { canon: &canon, resolver: resolver.as_ref(), now, options };
    let report = verifier.verify_bytes(&json);
    let text = if args.json { format!("{}\n", serde_json::to_string_pretty(&report)?) } else { render_report(&report) };
    if let Err(e) = super::write_out(None, text.as_bytes()) {
        // A closed pipe (`cairn verify … | head`) is not an error worth a backtrace.
        if !e
            .chain()
            .any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
        {
            return Err(e);
        }
    }
    Ok(if report.verified { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// The credential JSON inside the input: the bytes themselves, or what a baked image holds.
fn credential_bytes(bytes: &[u8]) -> anyhow::Result<Vec<u8>> {
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace()).copied();
    if first == Some(b'{') {
        return Ok(bytes.to_vec());
    }
    let baked = bake::unbake(bytes).context("the input is neither JSON nor a baked badge")?;
    match baked.kind {
        BakedKind::Ob3Credential => Ok(baked.payload.into_bytes()),
        BakedKind::Ob3Jws => bail!("the badge holds a VC-JWT; Cairn verifies embedded-proof credentials only"),
        BakedKind::Ob2Assertion | BakedKind::Ob2Url => {
            bail!("the badge is an Open Badges 2.0 assertion; `cairn verify` checks Open Badges 3.0 credentials")
        }
    }
}

fn build_resolver(args: &VerifyArgs) -> anyhow::Result<Box<dyn Resolver>> {
    let mut map = MapResolver::new();
    for m in &args.map {
        let (url, path) = m.split_once('=').with_context(|| format!("--map {m}: expected URL=PATH"))?;
        map = map.with_path(url, path);
    }
    Ok(match (args.online, args.map.is_empty()) {
        (true, true) => Box::new(HttpResolver::new(false)),
        (true, false) => Box::new(Chain(map, HttpResolver::new(false))),
        (false, false) => Box::new(map),
        (false, true) => Box::new(OfflineResolver),
    })
}

/// Local map first, then the network.
struct Chain(MapResolver, HttpResolver);

impl Resolver for Chain {
    fn fetch_json(&self, url: &str) -> Result<serde_json::Value, cairn_vc::resolve::ResolveError> {
        self.0.fetch_json(url).or_else(|_| self.1.fetch_json(url))
    }
}

fn render_report(report: &Report) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    for c in &report.checks {
        let mark = match c.outcome {
            Outcome::Passed => "PASS",
            Outcome::Failed => "FAIL",
            Outcome::Warning => "WARN",
            Outcome::Skipped => "SKIP",
        };
        let _ = writeln!(out, "{mark}  {:<12} {}", c.check, c.message);
    }
    let failed = report.errors().count();
    if report.verified {
        let _ = writeln!(out, "\nVALID: every check passed ({} warning(s)).", report.warnings().count());
    } else {
        let _ = writeln!(out, "\nNOT VALID: {failed} check(s) failed.");
    }
    out
}
