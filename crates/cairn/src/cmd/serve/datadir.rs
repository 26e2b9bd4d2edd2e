//! The data directory and the instance master key.
//!
//! The master key is 32 random bytes in a file of mode 0600, created once. It seals every
//! organisation's signing keys, so Cairn refuses to start with a file of the wrong size, an
//! unreadable one, or one that does not match the key the database was set up with. Its
//! contents are never printed or logged.

use std::io::Write as _;
use std::os::unix::fs::{DirBuilderExt as _, OpenOptionsExt as _, PermissionsExt as _};
use std::path::Path;

use anyhow::{anyhow, bail, Context as _};
use cairn_core::crypto::{token_hash, MasterKey};
use cairn_core::store::Store;
use rand::RngCore as _;

/// The setting holding a check value derived from the master key (not the key).
const KEY_CHECK: &str = "master_key_check";

/// Creates the data directory (mode 0700) if it does not exist.
pub fn create(dir: &Path) -> anyhow::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .with_context(|| format!("cannot create the data directory {}", dir.display()))?;
    tracing::info!(path = %dir.display(), "created the data directory");
    Ok(())
}

/// Reads the master key, or creates it when the file does not exist.
pub fn master_key(path: &Path) -> anyhow::Result<MasterKey> {
    match std::fs::read(path) {
        Ok(bytes) => parse(path, &bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => match create_key(path) {
            Ok(key) => Ok(key),
            // Another process created it first: use theirs.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                let bytes =
                    std::fs::read(path).with_context(|| format!("cannot read the master key {}", path.display()))?;
                parse(path, &bytes)
            }
            Err(e) => Err(anyhow!("cannot create the master key {}: {e}", path.display())),
        },
        Err(e) => bail!("cannot read the master key {}: {e}", path.display()),
    }
}

fn parse(path: &Path, bytes: &[u8]) -> anyhow::Result<MasterKey> {
    let bytes: &[u8; 32] = bytes.try_into().map_err(|_| {
        anyhow!(
            "the master key {} holds {} bytes, not 32: restore the original file \
             (it seals every organisation's signing keys)",
            path.display(),
            bytes.len()
        )
    })?;
    if let Ok(meta) = std::fs::metadata(path) {
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            tracing::warn!(path = %path.display(), mode = format!("{mode:o}"), "the master key is readable by others; chmod 600 it");
        }
    }
    Ok(MasterKey::from_bytes(bytes))
}

fn create_key(path: &Path) -> std::io::Result<MasterKey> {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path)?;
    file.write_all(&bytes)?;
    file.sync_all()?;
    tracing::info!(path = %path.display(), "created the instance master key; back it up");
    Ok(MasterKey::from_bytes(&bytes))
}

/// Checks the key against the check value stored in the database, storing it on first use.
pub async fn check_against_store(store: &dyn Store, key: &MasterKey, path: &Path) -> anyhow::Result<()> {
    let check = token_hash(&key.claim_token(b"cairn master key check v1"));
    match store.get_setting(KEY_CHECK).await.context("cannot read the master key check from the database")? {
        Some(stored) if stored == check => Ok(()),
        Some(_) => bail!(
            "the master key {} is not the key this database was set up with; \
             restore the original file (servers sharing a database must share its master key)",
            path.display()
        ),
        None => {
            if !store.list_orgs().await.context("cannot list organisations")?.is_empty() {
                bail!(
                    "the database holds organisations but no master key check; refusing to guess \
                     whether {} is the right key",
                    path.display()
                );
            }
            store.put_setting(KEY_CHECK, &check).await.context("cannot store the master key check")?;
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_is_created_once_with_mode_0600_and_checked_for_size() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data/master.key");
        create(&dir.path().join("data")).unwrap();
        assert_eq!(std::fs::metadata(dir.path().join("data")).unwrap().permissions().mode() & 0o777, 0o700);
        master_key(&path).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(bytes.len(), 32);
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        master_key(&path).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "an existing key is never replaced");

        std::fs::write(&path, [1u8; 31]).unwrap();
        let err = master_key(&path).err().unwrap().to_string();
        assert!(err.contains("31 bytes, not 32"), "{err}");
        assert!(master_key(dir.path()).is_err(), "a directory is not a key");
    }
}
