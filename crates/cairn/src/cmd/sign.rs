//! `cairn sign`.

use std::process::ExitCode;

use anyhow::Context as _;
use cairn_vc::canon::Canonicalizer;
use cairn_vc::proof::{self, ProofOptions, Suite};
use serde_json::Value;

use super::keys::load_key;
use crate::opt::{SignArgs, SuiteArg};

pub fn sign(args: &SignArgs) -> anyhow::Result<ExitCode> {
    let key = load_key(&args.key)?;
    let bytes = super::read(&args.credential)?;
    let doc: Value =
        serde_json::from_slice(&bytes).with_context(|| format!("{} is not valid JSON", args.credential.display()))?;
    let vm =
        args.verification_method.clone().unwrap_or_else(|| format!("{}#{}", key.did_key(), key.public_key_multibase()));
    let created = match &args.created {
        Some(c) => c.clone(),
        None => cairn_vc::datetime::format_utc_seconds(time::OffsetDateTime::now_utc()),
    };
    let mut options = ProofOptions::assertion(vm, created);
    if let SuiteArg::Jcs = args.suite {
        options.suite = Suite::EddsaJcs2022;
    }
    let canon = Canonicalizer::default();
    let signed = proof::sign(&canon, &doc, &key, &options)?;
    let mut text = serde_json::to_string_pretty(&signed)?;
    text.push('\n');
    super::write_out(args.out.as_deref(), text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
