//! `cairn keygen` and key-file loading.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;
use cairn_vc::keys::Ed25519Key;
use serde_json::{json, Value};

use crate::opt::KeygenArgs;

pub fn keygen(args: &KeygenArgs) -> anyhow::Result<ExitCode> {
    let key = Ed25519Key::generate(&mut rand::rngs::OsRng);
    let doc = json!({
        "type": "Multikey",
        "controller": key.did_key(),
        "publicKeyMultibase": key.public_key_multibase(),
        "secretKeyMultibase": key.secret_key_multibase(),
    });
    let text = format!("{}\n", serde_json::to_string_pretty(&doc)?);
    match &args.out {
        Some(path) => {
            write_private(path, text.as_bytes())?;
            eprintln!("wrote {} (public key {})", path.display(), key.public_key_multibase());
        }
        None => print!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(unix)]
fn write_private(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    use std::io::Write as _;
    use std::os::unix::fs::OpenOptionsExt as _;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("cannot create {} (it must not exist yet)", path.display()))?;
    f.write_all(bytes)?;
    Ok(())
}

#[cfg(not(unix))]
fn write_private(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))
}

/// Loads a key file: JSON with `secretKeyMultibase` (as `cairn keygen` writes), or the bare
/// multibase string. The error never contains the key material.
pub fn load_key(path: &Path) -> anyhow::Result<Ed25519Key> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read key file {}", path.display()))?;
    let text = text.trim();
    let secret = if text.starts_with('{') {
        let v: Value =
            serde_json::from_str(text).map_err(|_| anyhow::anyhow!("key file {} is not valid JSON", path.display()))?;
        v.get("secretKeyMultibase")
            .and_then(Value::as_str)
            .map(str::to_string)
            .ok_or_else(|| anyhow::anyhow!("key file {} has no secretKeyMultibase", path.display()))?
    } else {
        text.to_string()
    };
    Ed25519Key::from_secret_multibase(&secret).map_err(|e| anyhow::anyhow!("key file {}: {e}", path.display()))
}
