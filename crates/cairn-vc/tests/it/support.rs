//! Shared helpers: the fixture folder (skipped loudly when absent) and a context loader that
//! adds the test-only contexts (W3C examples v2, CLR 2.0) from the fixtures.

use std::path::{Path, PathBuf};

use cairn_vc::canon::Canonicalizer;
use cairn_vc::contexts::ContextLoader;
use serde_json::Value;

/// `../shared/fixtures` (or `$CAIRN_FIXTURES`); `None` after printing a loud skip notice.
pub fn fixtures(test: &str) -> Option<PathBuf> {
    let dir = crate::fixtures::fixtures_dir();
    if dir.is_none() {
        eprintln!("SKIPPED: {test}");
    }
    dir
}

pub fn read_json(path: impl AsRef<Path>) -> Value {
    let path = path.as_ref();
    serde_json::from_slice(&std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn read_text(path: impl AsRef<Path>) -> String {
    let path = path.as_ref();
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The embedded contexts plus those Cairn does not ship, read from the fixtures'
/// `contexts/index.json` (test vectors use the W3C examples context; CLR 2.0 is not on npm).
pub fn loader_with_fixture_contexts(fx: &Path) -> ContextLoader {
    let index = read_json(fx.join("contexts/index.json"));
    let mut loader = ContextLoader::new();
    for (url, entry) in index["contexts"].as_object().unwrap() {
        if !loader.knows(url) {
            let file = entry["file"].as_str().unwrap();
            loader = loader.with_document(url.clone(), read_json(fx.join("contexts").join(file)));
        }
    }
    loader
}

pub fn canonicalizer(fx: &Path) -> Canonicalizer {
    Canonicalizer::new(loader_with_fixture_contexts(fx))
}
