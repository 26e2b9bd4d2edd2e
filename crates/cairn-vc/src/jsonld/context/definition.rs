//! Steps 5.5 to 5.13 of Context Processing: applying one context definition (a map).

use std::borrow::Cow;

use serde_json::{Map, Value};

use super::term::TermBuilder;
use super::{ActiveContext, Direction, Env, Flags};
use crate::jsonld::error::{loss, perr, JsonLdError};
use crate::jsonld::iri::{has_scheme, is_blank, is_keyword, is_well_formed_language, resolve};

impl Env<'_> {
    /// Applies the context definition `map` to `result` in place.
    pub(super) fn process_definition(
        &self,
        result: &mut ActiveContext,
        map: &Map<String, Value>,
        base_url: Option<&str>,
        remote: &[String],
        flags: Flags,
    ) -> Result<(), JsonLdError> {
        if let Some(v) = map.get("@version") {
            if v.as_f64() != Some(1.1) {
                return Err(perr("invalid @version value", format!("@version must be 1.1, not {v}")));
            }
            if self.mode_1_0 {
                return Err(perr("processing mode conflict", "@version 1.1 in json-ld-1.0 mode"));
            }
        }
        let merged;
        let map = match map.get("@import") {
            None => map,
            Some(import) => {
                merged = self.import(map, import, base_url)?;
                &merged
            }
        };
        if let (Some(v), true) = (map.get("@base"), remote.is_empty()) {
            result.base = match v {
                Value::Null => None,
                Value::String(s) if has_scheme(s) => Some(s.clone()),
                Value::String(s) if result.base.is_some() => Some(resolve(result.base.as_deref(), s)),
                _ => return Err(perr("invalid base IRI", format!("invalid @base {v}"))),
            };
        }
        if let Some(v) = map.get("@vocab") {
            result.vocab = self.vocab(result, v)?;
        }
        self.language_and_direction(result, map)?;
        if let Some(v) = map.get("@propagate") {
            if self.mode_1_0 {
                return Err(perr("invalid context entry", "@propagate in json-ld-1.0 mode"));
            }
            if !v.is_boolean() {
                return Err(perr("invalid @propagate value", format!("invalid @propagate {v}")));
            }
        }
        let protected = match map.get("@protected") {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(v) => return Err(perr("invalid @protected value", format!("invalid @protected {v}"))),
        };
        let mut builder = TermBuilder::new(self, result, map, base_url, protected, flags, remote);
        for key in map.keys() {
            let special = matches!(
                key.as_str(),
                "@base" | "@direction" | "@import" | "@language" | "@propagate" | "@protected" | "@version" | "@vocab"
            );
            if !special {
                builder.define(key)?;
            }
        }
        Ok(())
    }

    /// The new vocabulary mapping for an `@vocab` entry.
    fn vocab(&self, result: &ActiveContext, v: &Value) -> Result<Option<String>, JsonLdError> {
        let s = match v {
            Value::Null => return Ok(None),
            Value::String(s) => s,
            _ => return Err(perr("invalid vocab mapping", format!("invalid @vocab {v}"))),
        };
        match result.expand_iri(s, true, true).map(Cow::into_owned) {
            Some(iri) if !is_keyword(&iri) => {
                if !(has_scheme(&iri) || is_blank(&iri)) {
                    if self.mode_1_0 {
                        return Err(perr("invalid vocab mapping", format!("@vocab `{s}` is relative")));
                    }
                    loss(self.safe, s, "relative @vocab reference")?;
                }
                Ok(Some(iri))
            }
            _ => Err(perr("invalid vocab mapping", format!("invalid @vocab `{s}`"))),
        }
    }

    /// `@language` and `@direction` entries.
    fn language_and_direction(&self, result: &mut ActiveContext, map: &Map<String, Value>) -> Result<(), JsonLdError> {
        if let Some(v) = map.get("@language") {
            result.language = match v {
                Value::Null => None,
                Value::String(s) => {
                    if !is_well_formed_language(s) {
                        loss(self.safe, s, "invalid @language value")?;
                    }
                    Some(s.to_lowercase())
                }
                _ => return Err(perr("invalid default language", format!("invalid @language {v}"))),
            };
        }
        if let Some(v) = map.get("@direction") {
            if self.mode_1_0 {
                return Err(perr("invalid context entry", "@direction in json-ld-1.0 mode"));
            }
            let bad = || perr("invalid base direction", format!("invalid @direction {v}"));
            result.direction = match v {
                Value::Null => None,
                Value::String(s) => Some(Direction::parse(s).ok_or_else(bad)?),
                _ => return Err(bad()),
            };
        }
        Ok(())
    }

    /// `@import`: the imported context with this context's entries merged over it.
    fn import(
        &self,
        map: &Map<String, Value>,
        import: &Value,
        base_url: Option<&str>,
    ) -> Result<Map<String, Value>, JsonLdError> {
        if self.mode_1_0 {
            return Err(perr("invalid context entry", "@import in json-ld-1.0 mode"));
        }
        let Value::String(reference) = import else {
            return Err(perr("invalid @import value", format!("@import must be a string, not {import}")));
        };
        let url = resolve(base_url, reference);
        let doc = self.load(&url)?;
        let Some(Value::Object(imported)) = doc.as_object().and_then(|m| m.get("@context")) else {
            return Err(perr("invalid remote context", format!("`{url}` has no @context object")));
        };
        if imported.contains_key("@import") {
            return Err(perr("invalid context entry", format!("imported context `{url}` has @import")));
        }
        let mut merged = imported.clone();
        for (k, v) in map {
            merged.insert(k.clone(), v.clone());
        }
        Ok(merged)
    }
}
