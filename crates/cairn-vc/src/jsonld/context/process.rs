//! The Context Processing algorithm (§4.1): local context arrays, `null`, remote contexts,
//! and the context cache. Context definitions are applied in [`super::definition`].

use std::sync::Arc;

use serde_json::Value;

use super::{fresh_id, ActiveContext, ScopedContext};
use crate::jsonld::cache::{CacheKey, ContextCache, LocalKey};
use crate::jsonld::error::{perr, JsonLdError};
use crate::jsonld::iri::{has_scheme, resolve};
use crate::jsonld::DocumentLoader;

/// Remote contexts nested deeper than this are a `context overflow`.
const MAX_REMOTE_DEPTH: usize = 32;

/// Flags of one Context Processing call.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Flags {
    pub override_protected: bool,
    pub propagate: bool,
    pub validate: bool,
}

impl Flags {
    pub const DEFAULT: Flags = Flags { override_protected: false, propagate: true, validate: true };

    pub(super) fn bits(self, env: &Env<'_>) -> u8 {
        u8::from(self.override_protected)
            | (u8::from(self.propagate) << 1)
            | (u8::from(env.safe) << 2)
            | (u8::from(env.mode_1_0) << 3)
    }
}

/// Everything context processing needs besides the contexts themselves.
pub(crate) struct Env<'a> {
    pub loader: &'a dyn DocumentLoader,
    pub cache: &'a ContextCache,
    pub mode_1_0: bool,
    pub safe: bool,
}

impl Env<'_> {
    /// Applies a term's scoped context, cached by (active context, scoped context, flags).
    pub fn process_scoped(
        &self,
        active: &Arc<ActiveContext>,
        scoped: &ScopedContext,
        flags: Flags,
    ) -> Result<Arc<ActiveContext>, JsonLdError> {
        let key =
            CacheKey { parent: active.id, local: LocalKey::Scoped(scoped.id), base_url: None, flags: flags.bits(self) };
        if let Some(hit) = self.cache.get(&key) {
            return Ok(hit);
        }
        let out = self.process(active, &scoped.value, scoped.base_url.as_deref(), &[], flags, false)?;
        self.cache.insert(key, out.clone());
        Ok(out)
    }

    /// The Context Processing algorithm. `item_cache` caches each entry of `local` by
    /// (active context, entry) when this is a top-level call.
    pub fn process(
        &self,
        active: &Arc<ActiveContext>,
        local: &Value,
        base_url: Option<&str>,
        remote: &[String],
        mut flags: Flags,
        item_cache: bool,
    ) -> Result<Arc<ActiveContext>, JsonLdError> {
        if let Value::Object(m) = local {
            if let Some(Value::Bool(b)) = m.get("@propagate") {
                flags.propagate = *b;
            }
        }
        let mut cur = active.clone();
        if !flags.propagate && cur.previous.is_none() {
            let mut next = (*cur).clone();
            next.id = fresh_id();
            next.previous = Some(active.clone());
            cur = Arc::new(next);
        }
        let items = match local {
            Value::Array(a) => a.as_slice(),
            other => std::slice::from_ref(other),
        };
        let cacheable = item_cache && remote.is_empty() && flags.validate;
        for item in items {
            let key = if cacheable { Some(self.item_key(&cur, item, base_url, flags)) } else { None };
            if let Some(hit) = key.as_ref().and_then(|k| self.cache.get(k)) {
                cur = hit;
                continue;
            }
            let next = self.process_item(active, &cur, item, base_url, remote, flags)?;
            if let Some(key) = key {
                self.cache.insert(key, next.clone());
            }
            cur = next;
        }
        Ok(cur)
    }

    fn item_key(&self, cur: &ActiveContext, item: &Value, base_url: Option<&str>, flags: Flags) -> CacheKey {
        let (local, base_url) = match item {
            Value::String(s) => (LocalKey::Url(resolve(base_url, s)), None),
            other => (LocalKey::Json(other.to_string()), base_url.map(str::to_owned)),
        };
        CacheKey { parent: cur.id, local, base_url, flags: flags.bits(self) }
    }

    /// One entry of a local context (steps 5.1 to 5.13).
    fn process_item(
        &self,
        active: &Arc<ActiveContext>,
        cur: &Arc<ActiveContext>,
        item: &Value,
        base_url: Option<&str>,
        remote: &[String],
        flags: Flags,
    ) -> Result<Arc<ActiveContext>, JsonLdError> {
        match item {
            Value::Null => {
                if !flags.override_protected && cur.has_protected() {
                    return Err(perr(
                        "invalid context nullification",
                        "a context with protected terms cannot be set to null",
                    ));
                }
                let mut next = ActiveContext::initial(active.original_base.as_deref());
                if !flags.propagate {
                    next.previous = Some(cur.clone());
                }
                Ok(Arc::new(next))
            }
            Value::String(s) => self.process_remote(cur, s, base_url, remote, flags),
            Value::Object(map) => {
                let mut result = (**cur).clone();
                result.id = fresh_id();
                self.process_definition(&mut result, map, base_url, remote, flags)?;
                Ok(Arc::new(result))
            }
            _ => Err(perr("invalid local context", format!("context entry {item} is not an object, string or null"))),
        }
    }

    fn process_remote(
        &self,
        cur: &Arc<ActiveContext>,
        reference: &str,
        base_url: Option<&str>,
        remote: &[String],
        flags: Flags,
    ) -> Result<Arc<ActiveContext>, JsonLdError> {
        let url = resolve(base_url, reference);
        if !has_scheme(&url) {
            return Err(perr("loading document failed", format!("context URL `{url}` is not absolute")));
        }
        if remote.contains(&url) {
            if !flags.validate {
                return Ok(cur.clone());
            }
            return Err(perr("recursive context inclusion", format!("context `{url}` includes itself")));
        }
        if remote.len() >= MAX_REMOTE_DEPTH {
            return Err(perr("context overflow", format!("too many nested remote contexts at `{url}`")));
        }
        let doc = self.load(&url)?;
        let loaded = doc
            .as_object()
            .and_then(|m| m.get("@context"))
            .ok_or_else(|| perr("invalid remote context", format!("`{url}` has no top-level @context")))?;
        let mut chain = remote.to_vec();
        chain.push(url.clone());
        let inner = Flags { validate: flags.validate, ..Flags::DEFAULT };
        self.process(cur, loaded, Some(&url), &chain, inner, false)
    }

    pub(crate) fn load(&self, url: &str) -> Result<Arc<Value>, JsonLdError> {
        self.loader.load(url).map_err(|message| JsonLdError::LoadingDocumentFailed { url: url.to_owned(), message })
    }
}
