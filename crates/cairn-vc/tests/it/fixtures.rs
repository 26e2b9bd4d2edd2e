//! Locates the shared fixture tree (`../shared/fixtures` beside the repository).

use std::path::PathBuf;

/// The fixture directory: `$CAIRN_FIXTURES`, else `../../../shared/fixtures` from this
/// crate. `None` (after a loud notice on stderr) when it does not exist.
pub fn fixtures_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("CAIRN_FIXTURES")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures"), PathBuf::from);
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("SKIPPED: ../shared/fixtures not found (looked in {})", dir.display());
        None
    }
}
