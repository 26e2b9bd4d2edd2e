//! Active contexts and the Context Processing algorithm (JSON-LD 1.1 API §4.1), with IRI
//! expansion (§5.2). Term definitions live in [`term`].

mod definition;
mod process;
mod term;

pub(crate) use process::{Env, Flags};

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use serde_json::Value;

use super::iri::{has_keyword_form, has_scheme, is_keyword, resolve};

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// A process-wide unique identity, used as a cache key for contexts and scoped contexts.
pub(crate) fn fresh_id() -> u64 {
    NEXT_ID.fetch_add(1, Ordering::Relaxed)
}

/// A fast non-cryptographic hasher (the Fx multiply-rotate) for term lookups. Term maps are
/// only ever filled from context documents, so hash flooding by a document is not possible.
#[derive(Clone, Copy, Default)]
pub(crate) struct FxHasher(u64);

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let mut tail = [0u8; 8];
        let rest = chunks.remainder();
        if !rest.is_empty() {
            tail[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(tail));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Term definitions by term.
pub(crate) type TermMap = HashMap<String, Arc<TermDef>, BuildHasherDefault<FxHasher>>;

/// Container mapping flags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Container(u8);

impl Container {
    pub const GRAPH: u8 = 1;
    pub const ID: u8 = 2;
    pub const INDEX: u8 = 4;
    pub const LANGUAGE: u8 = 8;
    pub const LIST: u8 = 16;
    pub const SET: u8 = 32;
    pub const TYPE: u8 = 64;

    /// Whether the flag is set.
    pub fn has(self, flag: u8) -> bool {
        self.0 & flag != 0
    }
}

/// A base direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "ltr" => Some(Direction::Ltr),
            "rtl" => Some(Direction::Rtl),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// A scoped (`@context` in a term definition) local context.
#[derive(Clone, Debug)]
pub(crate) struct ScopedContext {
    /// Identity for the context cache.
    pub id: u64,
    pub value: Arc<Value>,
    pub base_url: Option<String>,
}

/// A term definition.
#[derive(Clone, Debug, Default)]
pub(crate) struct TermDef {
    /// IRI mapping; `None` when the term maps to `null`.
    pub iri: Option<String>,
    pub prefix: bool,
    pub protected: bool,
    pub reverse: bool,
    pub context: Option<ScopedContext>,
    pub container: Container,
    /// Direction mapping; `Some(None)` is an explicit `null`.
    pub direction: Option<Option<Direction>>,
    pub index: Option<String>,
    /// Language mapping; `Some(None)` is an explicit `null`.
    pub language: Option<Option<String>>,
    pub nest: Option<String>,
    pub type_mapping: Option<String>,
}

impl TermDef {
    /// Equality other than the protected flag (for protected term redefinition).
    fn same_as(&self, o: &TermDef) -> bool {
        self.iri == o.iri
            && self.prefix == o.prefix
            && self.reverse == o.reverse
            && self.container == o.container
            && self.direction == o.direction
            && self.index == o.index
            && self.language == o.language
            && self.nest == o.nest
            && self.type_mapping == o.type_mapping
            && match (&self.context, &o.context) {
                (None, None) => true,
                (Some(a), Some(b)) => a.value == b.value && a.base_url == b.base_url,
                _ => false,
            }
    }
}

/// An active context.
#[derive(Clone, Debug, Default)]
pub(crate) struct ActiveContext {
    /// Identity for the context cache; fresh for every derived context.
    pub id: u64,
    pub terms: TermMap,
    pub base: Option<String>,
    pub original_base: Option<String>,
    pub vocab: Option<String>,
    pub language: Option<String>,
    pub direction: Option<Direction>,
    pub previous: Option<Arc<ActiveContext>>,
}

impl ActiveContext {
    /// A newly-initialized active context with the given base IRI.
    pub fn initial(base: Option<&str>) -> Self {
        ActiveContext {
            id: fresh_id(),
            base: base.map(str::to_owned),
            original_base: base.map(str::to_owned),
            ..ActiveContext::default()
        }
    }

    /// The term definition of `term`, if any.
    #[inline]
    pub fn term(&self, term: &str) -> Option<&TermDef> {
        self.terms.get(term).map(|d| &**d)
    }

    /// IRI Expansion (§5.2) outside context processing. `None` is `null`.
    pub fn expand_iri<'a>(&'a self, value: &'a str, doc_rel: bool, vocab: bool) -> Option<Cow<'a, str>> {
        if value.starts_with('@') {
            if is_keyword(value) {
                return Some(Cow::Borrowed(value));
            }
            if has_keyword_form(value) {
                return None;
            }
        }
        if let Some(def) = self.term(value) {
            if let Some(iri) = &def.iri {
                if iri.starts_with('@') && is_keyword(iri) {
                    return Some(Cow::Borrowed(iri));
                }
            }
            if vocab {
                return def.iri.as_deref().map(Cow::Borrowed);
            }
        }
        if let Some(colon) = value.bytes().skip(1).position(|b| b == b':').map(|p| p + 1) {
            let (prefix, suffix) = (&value[..colon], &value[colon + 1..]);
            if prefix == "_" || suffix.starts_with("//") {
                return Some(Cow::Borrowed(value));
            }
            if let Some(def) = self.term(prefix) {
                if let (Some(iri), true) = (&def.iri, def.prefix) {
                    let mut s = String::with_capacity(iri.len() + suffix.len());
                    s.push_str(iri);
                    s.push_str(suffix);
                    return Some(Cow::Owned(s));
                }
            }
            if has_scheme(value) {
                return Some(Cow::Borrowed(value));
            }
        }
        if vocab {
            if let Some(v) = &self.vocab {
                let mut s = String::with_capacity(v.len() + value.len());
                s.push_str(v);
                s.push_str(value);
                return Some(Cow::Owned(s));
            }
        }
        if doc_rel {
            if let Some(base) = &self.base {
                return Some(Cow::Owned(resolve(Some(base), value)));
            }
        }
        Some(Cow::Borrowed(value))
    }

    pub(super) fn has_protected(&self) -> bool {
        self.terms.values().any(|d| d.protected)
    }
}
