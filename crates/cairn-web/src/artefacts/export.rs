//! "Export everything": a zip of named files (deflated), for the wallet.

use std::io::{Cursor, Write as _};

use cairn_core::Error;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// A zip archive holding `files` (`(path inside the archive, bytes)`), in order. Paths are made
/// safe: no leading `/`, no `..` segments, no backslashes; duplicates get a numeric suffix.
pub fn zip(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, Error> {
    let fail = |e: zip::result::ZipError| Error::Internal(format!("writing a zip: {e}"));
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let mut seen = std::collections::HashSet::new();
    for (name, bytes) in files {
        let mut safe = safe_path(name);
        let mut n = 2;
        while !seen.insert(safe.clone()) {
            safe = with_suffix(&safe_path(name), n);
            n += 1;
        }
        w.start_file(safe, options).map_err(fail)?;
        w.write_all(bytes).map_err(|e| Error::Internal(format!("writing a zip: {e}")))?;
    }
    Ok(w.finish().map_err(fail)?.into_inner())
}

fn safe_path(name: &str) -> String {
    let parts: Vec<String> = name
        .replace('\\', "/")
        .split('/')
        .filter(|p| !p.is_empty() && *p != "." && *p != "..")
        .map(|p| p.chars().map(|c| if c.is_control() || ":*?\"<>|".contains(c) { '_' } else { c }).collect())
        .collect();
    if parts.is_empty() {
        "file".to_string()
    } else {
        parts.join("/")
    }
}

fn with_suffix(path: &str, n: u32) -> String {
    match path.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && !ext.contains('/') => format!("{stem}-{n}.{ext}"),
        _ => format!("{path}-{n}"),
    }
}

#[cfg(test)]
mod tests {
    use std::io::Read as _;

    use super::*;

    #[test]
    fn files_come_back_out_under_safe_unique_names() {
        let files = vec![
            ("credentials/a.json".to_string(), b"{\"a\":1}".to_vec()),
            ("../../etc/passwd".to_string(), b"nope".to_vec()),
            ("credentials/a.json".to_string(), b"{\"a\":2}".to_vec()),
            ("badge?.png".to_string(), vec![0u8; 1000]),
        ];
        let bytes = zip(&files).unwrap();
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let names: Vec<String> = (0..archive.len()).map(|i| archive.by_index(i).unwrap().name().to_string()).collect();
        assert_eq!(names, ["credentials/a.json", "etc/passwd", "credentials/a-2.json", "badge_.png"]);
        let mut second = String::new();
        archive.by_name("credentials/a-2.json").unwrap().read_to_string(&mut second).unwrap();
        assert_eq!(second, "{\"a\":2}");
    }
}
