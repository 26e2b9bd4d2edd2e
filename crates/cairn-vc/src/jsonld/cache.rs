//! A bounded, thread-safe cache of processed active contexts.
//!
//! Keys name the parent active context by its unique id plus the local context applied to it
//! (a resolved remote URL, a term's scoped context id, or an inline context's JSON text), so
//! a warm cache turns every `@context`, type-scoped and property-scoped context of a familiar
//! document into one hash lookup.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use super::context::ActiveContext;

/// The local context part of a cache key.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum LocalKey {
    /// A remote context, by resolved URL.
    Url(String),
    /// A term's scoped context, by its id.
    Scoped(u64),
    /// An inline context (or `null`), by its JSON serialization.
    Json(String),
}

/// A cache key: parent context id, local context, base URL (inline contexts only), flags.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct CacheKey {
    pub parent: u64,
    pub local: LocalKey,
    pub base_url: Option<String>,
    pub flags: u8,
}

/// The cache. When full it is emptied, which keeps it bounded without bookkeeping.
pub(crate) struct ContextCache {
    map: RwLock<HashMap<CacheKey, Arc<ActiveContext>>>,
    capacity: usize,
}

impl ContextCache {
    pub fn new(capacity: usize) -> Self {
        ContextCache { map: RwLock::new(HashMap::new()), capacity }
    }

    pub fn get(&self, key: &CacheKey) -> Option<Arc<ActiveContext>> {
        match self.map.read() {
            Ok(map) => map.get(key).cloned(),
            Err(poisoned) => poisoned.into_inner().get(key).cloned(),
        }
    }

    pub fn insert(&self, key: CacheKey, ctx: Arc<ActiveContext>) {
        let mut map = match self.map.write() {
            Ok(map) => map,
            Err(poisoned) => poisoned.into_inner(),
        };
        if map.len() >= self.capacity {
            map.clear();
        }
        map.insert(key, ctx);
    }

    pub fn len(&self) -> usize {
        match self.map.read() {
            Ok(map) => map.len(),
            Err(poisoned) => poisoned.into_inner().len(),
        }
    }
}
