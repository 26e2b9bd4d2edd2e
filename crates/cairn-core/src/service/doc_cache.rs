//! A short-lived cache of this server's own public documents (issuer documents, DID
//! documents, status list credentials) as verification reads them from storage.
//!
//! Verifying one of this server's credentials reads its issuer document and status list;
//! under load the same few documents are read thousands of times a second. An entry is
//! used for at most [`FRESH_FOR`] (half a second, a monotonic clock, not `ctx.clock`), so a
//! status change made by another server sharing the database is seen within that time,
//! and a change made through this process's services clears the cache at once. Documents
//! that are missing are never cached.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde_json::Value;

/// How long an entry is used.
pub const FRESH_FOR: Duration = Duration::from_millis(500);
/// Entries kept at most (beyond this, stale entries are dropped, then everything).
const MAX_ENTRIES: usize = 4096;

/// Documents by their normalized URL (see `service::verify`).
#[derive(Debug, Default)]
pub struct DocCache {
    entries: Mutex<HashMap<String, (Instant, Value)>>,
}

impl DocCache {
    /// The document stored under `key` less than [`FRESH_FOR`] ago.
    pub fn get(&self, key: &str) -> Option<Value> {
        let entries = self.entries.lock().ok()?;
        entries.get(key).filter(|(at, _)| at.elapsed() < FRESH_FOR).map(|(_, doc)| doc.clone())
    }

    /// Keeps `doc`, read from storage at `read_at` (taken before the read, so that a change
    /// committed during the read is never kept longer than [`FRESH_FOR`]).
    pub fn put(&self, key: String, read_at: Instant, doc: Value) {
        let Ok(mut entries) = self.entries.lock() else { return };
        if entries.len() >= MAX_ENTRIES {
            entries.retain(|_, (at, _)| at.elapsed() < FRESH_FOR);
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
        }
        entries.insert(key, (read_at, doc));
    }

    /// Forgets everything (after this process changed a status list, a key or a profile).
    pub fn clear(&self) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_expire_and_clear() {
        let cache = DocCache::default();
        cache.put("a".into(), Instant::now(), Value::from(1));
        assert_eq!(cache.get("a"), Some(Value::from(1)));
        assert_eq!(cache.get("b"), None);
        cache.clear();
        assert_eq!(cache.get("a"), None);
        let long_ago = Instant::now().checked_sub(FRESH_FOR).unwrap();
        cache.put("old".into(), long_ago, Value::from(2));
        assert_eq!(cache.get("old"), None, "an entry older than FRESH_FOR is not used");
    }
}
