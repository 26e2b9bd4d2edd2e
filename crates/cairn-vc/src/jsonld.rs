//! Cairn's JSON-LD 1.1 processor: context processing, expansion and deserialization to RDF
//! (`toRdf`), offline, with safe-mode data-loss detection.
//!
//! Follows the JSON-LD 1.1 Processing Algorithms and API (W3C Recommendation) closely and
//! passes the W3C toRdf test suite (see `tests/it/json_ld_to_rdf.rs`). Everything is loaded
//! through a [`DocumentLoader`]; Cairn's loaders serve embedded, allow-listed contexts and
//! never touch the network.
//!
//! Speed: processed contexts (remote, inline, type- and property-scoped) are cached in the
//! [`Processor`] keyed by the identity of the parent active context plus the context applied,
//! so a warm processor expands a credential with hash lookups instead of context processing.
//! Expansion builds typed items rather than JSON maps, and `to_rdf` writes quads straight from
//! them.
//!
//! Safe mode ([`Options::safe_mode`], always on for credentials) turns every silent drop the
//! algorithms allow into [`JsonLdError::DataLoss`] naming the term: undefined terms, relative
//! `@id` / `@type` / `@vocab` references, keyword-like values, dropped value objects,
//! free-floating values, relative or blank-node predicates, literals that cannot be written,
//! `@direction` without an `rdf_direction` option. The events mirror jsonld.js's safe mode.

mod cache;
mod context;
mod error;
mod expand;
mod iri;
mod item;
mod literal;
mod to_rdf;

use std::sync::Arc;

use serde_json::Value;

pub use error::JsonLdError;

use cache::{CacheKey, ContextCache, LocalKey};
use context::{ActiveContext, Env, Flags};
use expand::Expander;
use item::Item;

/// Default number of processed contexts a [`Processor`] keeps.
const DEFAULT_CACHE_CAPACITY: usize = 1024;

/// Loads remote documents (contexts) by absolute URL.
pub trait DocumentLoader: Send + Sync {
    /// The parsed document at an absolute URL. Must never touch the network in Cairn.
    fn load(&self, url: &str) -> Result<Arc<Value>, String>;
}

/// How `@direction` is written to RDF (the `rdfDirection` API option).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RdfDirection {
    /// `"value"^^<https://www.w3.org/ns/i18n#lang_dir>`.
    I18nDatatype,
    /// A blank node with `rdf:value`, `rdf:language` and `rdf:direction`.
    CompoundLiteral,
}

/// Processing options.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The document's base IRI (and the base URL for relative context references).
    pub base: Option<String>,
    /// Fail with [`JsonLdError::DataLoss`] instead of dropping data.
    pub safe_mode: bool,
    /// `processingMode: json-ld-1.0` (default is JSON-LD 1.1).
    pub processing_mode_1_0: bool,
    /// How to write `@direction`; `None` drops it (an error in safe mode).
    pub rdf_direction: Option<RdfDirection>,
    /// Keep triples with blank-node predicates.
    pub produce_generalized_rdf: bool,
    /// A context applied before the document's own (`expandContext`).
    pub expand_context: Option<Value>,
}

/// A JSON-LD processor: a document loader plus a thread-safe, bounded cache of processed
/// contexts. Share one per process.
pub struct Processor {
    loader: Arc<dyn DocumentLoader>,
    cache: ContextCache,
}

impl Processor {
    /// A processor loading contexts through `loader`.
    pub fn new(loader: Arc<dyn DocumentLoader>) -> Self {
        Self::with_cache_capacity(loader, DEFAULT_CACHE_CAPACITY)
    }

    /// A processor whose context cache holds at most `capacity` entries.
    pub fn with_cache_capacity(loader: Arc<dyn DocumentLoader>, capacity: usize) -> Self {
        Processor { loader, cache: ContextCache::new(capacity.max(16)) }
    }

    /// Number of processed contexts currently cached.
    pub fn cached_contexts(&self) -> usize {
        self.cache.len()
    }

    /// The Expansion algorithm: the document in expanded form (always an array).
    pub fn expand(&self, input: &Value, opts: &Options) -> Result<Value, JsonLdError> {
        let items = self.expand_items(input, opts)?;
        Ok(item::items_to_json(&items))
    }

    /// Deserialize JSON-LD to RDF: the document's quads, deduplicated, blank nodes `b0`, `b1`...
    pub fn to_rdf(&self, input: &Value, opts: &Options) -> Result<Vec<crate::rdf::Quad>, JsonLdError> {
        let items = self.expand_items(input, opts)?;
        to_rdf::RdfWriter::new(opts).write(&items)
    }

    fn expand_items(&self, input: &Value, opts: &Options) -> Result<Vec<Item>, JsonLdError> {
        let env =
            Env { loader: &*self.loader, cache: &self.cache, mode_1_0: opts.processing_mode_1_0, safe: opts.safe_mode };
        let base = opts.base.as_deref();
        let mut ctx = self.initial_context(base);
        if let Some(ec) = &opts.expand_context {
            let local = match ec {
                Value::Object(m) if m.contains_key("@context") => m.get("@context").unwrap_or(ec),
                other => other,
            };
            ctx = env.process(&ctx, local, base, &[], Flags::DEFAULT, true)?;
        }
        Expander { env: &env, base_url: base }.expand_document(&ctx, input)
    }

    /// The (cached) newly-initialized active context for `base`.
    fn initial_context(&self, base: Option<&str>) -> Arc<ActiveContext> {
        let key =
            CacheKey { parent: 0, local: LocalKey::Json(String::new()), base_url: base.map(str::to_owned), flags: 0 };
        if let Some(ctx) = self.cache.get(&key) {
            return ctx;
        }
        let ctx = Arc::new(ActiveContext::initial(base));
        self.cache.insert(key, ctx.clone());
        ctx
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    struct NoLoader;

    impl DocumentLoader for NoLoader {
        fn load(&self, url: &str) -> Result<Arc<Value>, String> {
            Err(format!("{url} is not allowed"))
        }
    }

    #[test]
    fn processor_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Processor>();
    }

    #[test]
    fn cache_stays_bounded() {
        let p = Processor::with_cache_capacity(Arc::new(NoLoader), 16);
        for i in 0..100 {
            let doc = json!({"@context": {"p": format!("http://example.org/{i}#p")}, "p": "v"});
            assert_eq!(p.to_rdf(&doc, &Options::default()).unwrap().len(), 1);
        }
        assert!(p.cached_contexts() <= 16);
    }

    #[test]
    fn loader_refusal_is_reported() {
        let p = Processor::new(Arc::new(NoLoader));
        let doc = json!({"@context": "https://example.org/ctx", "p": "v"});
        let err = p.to_rdf(&doc, &Options::default()).unwrap_err();
        assert!(matches!(err, JsonLdError::LoadingDocumentFailed { ref url, .. } if url == "https://example.org/ctx"));
    }

    #[test]
    fn safe_mode_events() {
        let p = Processor::new(Arc::new(NoLoader));
        let safe = Options { safe_mode: true, ..Options::default() };
        let ctx = json!({"@vocab": "http://example.org/", "img": {"@id": "http://example.org/img", "@type": "@id"}});
        for (doc, term) in [
            (json!({"@context": {"a": "http://example.org/a"}, "a": 1, "b": 2}), "b"),
            (json!({"@context": ctx, "@id": "http://x/", "img": "pic.png"}), "pic.png"),
            (json!({"@context": ctx, "@id": "http://x/", "@type": "@Foo"}), "@Foo"),
            (json!({"@context": ctx, "@id": "http://x/", "text": {"@value": null}}), "@value"),
            (json!({"@context": ctx, "@id": "http://x/", "text": {"@value": "x", "@direction": "rtl"}}), "x"),
            (json!({"@context": {"@vocab": "rel/"}, "@id": "http://x/", "a": 1}), "rel/"),
            (json!({"@context": ctx, "@id": "http://x/", "_:p": 1}), "_:p"),
        ] {
            match p.to_rdf(&doc, &safe) {
                Err(JsonLdError::DataLoss { term: t, .. }) => assert_eq!(t, term, "{doc}"),
                other => panic!("{doc}: expected data loss, got {other:?}"),
            }
            assert!(p.to_rdf(&doc, &Options::default()).is_ok(), "{doc}");
        }
    }
}
