//! Steps 19 to 26 of Create Term Definition: `@container`, `@index`, `@context`,
//! `@language`, `@direction`, `@nest`, `@prefix`, and the check for unknown entries.

use std::sync::Arc;

use serde_json::{Map, Value};

use super::TermBuilder;
use crate::jsonld::context::{fresh_id, Container, Direction, Flags, ScopedContext, TermDef};
use crate::jsonld::error::{perr, JsonLdError};
use crate::jsonld::iri::{has_scheme, is_keyword};

impl TermBuilder<'_, '_> {
    /// Steps 19 to 21: `@container`, `@index`, `@context`.
    pub(super) fn container_index_context(
        &mut self,
        term: &str,
        value: &Map<String, Value>,
        def: &mut TermDef,
    ) -> Result<(), JsonLdError> {
        let mode_1_0 = self.env.mode_1_0;
        if let (Some(c), false) = (value.get("@container"), def.reverse) {
            def.container = parse_container(term, c, mode_1_0)?;
            if def.container.has(Container::TYPE) {
                let t = def.type_mapping.get_or_insert_with(|| "@id".to_owned());
                if t != "@id" && t != "@vocab" {
                    let msg = format!("term `{term}`: @type container needs @id or @vocab");
                    return Err(perr("invalid type mapping", msg));
                }
            }
        }
        if let Some(index) = value.get("@index") {
            let bad = |why: &str| perr("invalid term definition", format!("term `{term}`: {why}"));
            if mode_1_0 || !def.container.has(Container::INDEX) {
                return Err(bad("@index without an index container"));
            }
            let Value::String(index) = index else {
                return Err(bad("@index must be a string"));
            };
            match self.expand(index, true)? {
                Some(iri) if has_scheme(&iri) => {}
                _ => return Err(bad("@index is not an IRI")),
            }
            def.index = Some(index.clone());
        }
        if let Some(ctx) = value.get("@context") {
            if mode_1_0 {
                return Err(perr("invalid term definition", "scoped @context in json-ld-1.0 mode"));
            }
            let snapshot = Arc::new(self.result.clone());
            let flags = Flags { override_protected: true, propagate: true, validate: false };
            if let Err(e) = self.env.process(&snapshot, ctx, self.base_url, self.remote, flags, false) {
                return Err(perr("invalid scoped context", format!("term `{term}`: {e}")));
            }
            def.context = Some(ScopedContext {
                id: fresh_id(),
                value: Arc::new(ctx.clone()),
                base_url: self.base_url.map(str::to_owned),
            });
        }
        Ok(())
    }

    /// Steps 22 to 26: `@language`, `@direction`, `@nest`, `@prefix`, unknown entries.
    pub(super) fn language_direction_nest_prefix(
        &mut self,
        term: &str,
        value: &Map<String, Value>,
        def: &mut TermDef,
    ) -> Result<(), JsonLdError> {
        let mode_1_0 = self.env.mode_1_0;
        if !value.contains_key("@type") {
            if let Some(lang) = value.get("@language") {
                def.language = Some(match lang {
                    Value::Null => None,
                    Value::String(s) => Some(s.to_lowercase()),
                    _ => return Err(perr("invalid language mapping", format!("term `{term}`: invalid @language"))),
                });
            }
            if let Some(dir) = value.get("@direction") {
                let bad = || perr("invalid base direction", format!("term `{term}`: invalid @direction"));
                def.direction = Some(match dir {
                    Value::Null => None,
                    Value::String(s) => Some(Direction::parse(s).ok_or_else(bad)?),
                    _ => return Err(bad()),
                });
            }
        }
        if let Some(nest) = value.get("@nest") {
            if mode_1_0 {
                return Err(perr("invalid term definition", "@nest in json-ld-1.0 mode"));
            }
            match nest {
                Value::String(s) if !is_keyword(s) || s == "@nest" => def.nest = Some(s.clone()),
                _ => return Err(perr("invalid @nest value", format!("term `{term}`: invalid @nest"))),
            }
        }
        if let Some(prefix) = value.get("@prefix") {
            if mode_1_0 || term.contains(':') || term.contains('/') {
                return Err(perr("invalid term definition", format!("term `{term}` cannot have @prefix")));
            }
            let Value::Bool(p) = prefix else {
                return Err(perr("invalid @prefix value", format!("term `{term}`: @prefix must be a boolean")));
            };
            def.prefix = *p;
            if *p && def.iri.as_deref().is_some_and(is_keyword) {
                return Err(perr("invalid term definition", format!("keyword alias `{term}` cannot be a prefix")));
            }
        }
        let allowed = |k: &str| {
            matches!(
                k,
                "@id"
                    | "@reverse"
                    | "@container"
                    | "@context"
                    | "@direction"
                    | "@index"
                    | "@language"
                    | "@nest"
                    | "@prefix"
                    | "@protected"
                    | "@type"
            )
        };
        if let Some(bad) = value.keys().find(|k| !allowed(k)) {
            return Err(perr("invalid term definition", format!("term `{term}` has invalid entry `{bad}`")));
        }
        Ok(())
    }
}

fn parse_container(term: &str, c: &Value, mode_1_0: bool) -> Result<Container, JsonLdError> {
    let bad = || perr("invalid container mapping", format!("term `{term}`: invalid @container {c}"));
    let flag = |v: &Value| -> Option<u8> {
        Some(match v.as_str()? {
            "@graph" => Container::GRAPH,
            "@id" => Container::ID,
            "@index" => Container::INDEX,
            "@language" => Container::LANGUAGE,
            "@list" => Container::LIST,
            "@set" => Container::SET,
            "@type" => Container::TYPE,
            _ => return None,
        })
    };
    let bits = match c {
        Value::String(_) => {
            let f = flag(c).ok_or_else(bad)?;
            if mode_1_0 && matches!(f, Container::GRAPH | Container::ID | Container::TYPE) {
                return Err(bad());
            }
            f
        }
        Value::Array(items) if !mode_1_0 => {
            let mut bits = 0u8;
            for item in items {
                let f = flag(item).ok_or_else(bad)?;
                if bits & f != 0 {
                    return Err(bad());
                }
                bits |= f;
            }
            let without_set = bits & !Container::SET;
            let ok = without_set.count_ones() <= 1
                || without_set == Container::GRAPH | Container::ID
                || without_set == Container::GRAPH | Container::INDEX;
            if !ok || (bits & Container::LIST != 0 && bits != Container::LIST) {
                return Err(bad());
            }
            bits
        }
        _ => return Err(bad()),
    };
    Ok(Container(bits))
}
