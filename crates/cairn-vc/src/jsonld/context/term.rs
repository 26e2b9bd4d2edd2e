//! The Create Term Definition algorithm (JSON-LD 1.1 API §4.2) and IRI expansion while a
//! local context is being processed.

use std::collections::HashMap;
use std::sync::Arc;

use serde_json::{Map, Value};

use super::{ActiveContext, Container, Env, Flags, TermDef};
use crate::jsonld::error::{loss, perr, JsonLdError};
use crate::jsonld::iri::{ends_with_gen_delim, has_keyword_form, has_scheme, is_blank, is_keyword};

mod entries;

/// Whether a term definition was made, or the term is ignored (keyword-like values).
enum Outcome {
    Defined,
    Ignored,
}

/// Position of the first `:` after the first character.
fn inner_colon(s: &str) -> Option<usize> {
    s.bytes().skip(1).position(|b| b == b':').map(|p| p + 1)
}

/// Defines the terms of one context definition into `result`.
pub(super) struct TermBuilder<'e, 'm> {
    env: &'e Env<'e>,
    result: &'e mut ActiveContext,
    local: &'m Map<String, Value>,
    defined: HashMap<&'m str, bool>,
    base_url: Option<&'e str>,
    protected: bool,
    flags: Flags,
    remote: &'e [String],
}

impl<'e, 'm> TermBuilder<'e, 'm> {
    pub(super) fn new(
        env: &'e Env<'e>,
        result: &'e mut ActiveContext,
        local: &'m Map<String, Value>,
        base_url: Option<&'e str>,
        protected: bool,
        flags: Flags,
        remote: &'e [String],
    ) -> Self {
        TermBuilder {
            env,
            result,
            local,
            defined: HashMap::with_capacity(local.len()),
            base_url,
            protected,
            flags,
            remote,
        }
    }

    /// Defines `key` first if it is an entry of the local context not yet defined.
    fn ensure(&mut self, key: &str) -> Result<(), JsonLdError> {
        if let Some((k, _)) = self.local.get_key_value(key) {
            if self.defined.get(k.as_str()) != Some(&true) {
                self.define(k)?;
            }
        }
        Ok(())
    }

    /// IRI expansion during context processing: defines dependencies first.
    fn expand(&mut self, value: &str, vocab: bool) -> Result<Option<String>, JsonLdError> {
        if !is_keyword(value) && !has_keyword_form(value) {
            self.ensure(value)?;
            if let Some(colon) = inner_colon(value) {
                let (prefix, suffix) = (&value[..colon], &value[colon + 1..]);
                if prefix != "_" && !suffix.starts_with("//") {
                    self.ensure(prefix)?;
                }
            }
        }
        Ok(self.result.expand_iri(value, false, vocab).map(|c| c.into_owned()))
    }

    /// Create Term Definition for `term` (a key of the local context).
    pub(super) fn define(&mut self, term: &'m str) -> Result<(), JsonLdError> {
        match self.defined.get(term) {
            Some(true) => return Ok(()),
            Some(false) => return Err(perr("cyclic IRI mapping", format!("term `{term}` depends on itself"))),
            None => {}
        }
        if term.is_empty() {
            return Err(perr("invalid term definition", "the empty string is not a valid term"));
        }
        self.defined.insert(term, false);
        let raw = self.local.get(term).unwrap_or(&Value::Null);
        if term == "@type" {
            let ok = !self.env.mode_1_0
                && matches!(raw, Value::Object(m) if !m.is_empty()
                    && m.iter().all(|(k, v)| (k == "@container" && v == "@set") || k == "@protected"));
            if !ok {
                return Err(perr("keyword redefinition", "@type may only be given @container: @set"));
            }
        } else if is_keyword(term) {
            return Err(perr("keyword redefinition", format!("keyword `{term}` cannot be redefined")));
        } else if has_keyword_form(term) {
            self.defined.insert(term, true);
            return loss(self.env.safe, term, "reserved term (has the form of a keyword)");
        }
        let previous = self.result.terms.remove(term);
        let empty = Map::new();
        let (value, simple, simple_id) = match raw {
            Value::Null => (&empty, false, Some(raw)),
            Value::String(_) => (&empty, true, Some(raw)),
            Value::Object(m) => (m, false, None),
            _ => return Err(perr("invalid term definition", format!("term `{term}` has an invalid definition"))),
        };
        let mut def = TermDef { protected: self.protected, ..TermDef::default() };
        if let Some(p) = value.get("@protected") {
            let Value::Bool(p) = p else {
                return Err(perr("invalid @protected value", format!("term `{term}`: @protected must be a boolean")));
            };
            if self.env.mode_1_0 {
                return Err(perr("invalid term definition", "@protected in json-ld-1.0 mode"));
            }
            def.protected = *p;
        }
        self.type_mapping(term, value, &mut def)?;
        let id_entry = simple_id.or_else(|| value.get("@id"));
        if let Outcome::Ignored = self.iri_mapping(term, value, id_entry, simple, &mut def)? {
            self.defined.insert(term, true);
            return Ok(());
        }
        self.container_index_context(term, value, &mut def)?;
        self.language_direction_nest_prefix(term, value, &mut def)?;
        let def = match previous {
            Some(prev) if !self.flags.override_protected && prev.protected => {
                if !def.same_as(&prev) {
                    let msg = format!("protected term `{term}` cannot be redefined");
                    return Err(perr("protected term redefinition", msg));
                }
                prev
            }
            _ => Arc::new(def),
        };
        self.result.terms.insert(term.to_owned(), def);
        self.defined.insert(term, true);
        Ok(())
    }

    /// Step 12: `@type`.
    fn type_mapping(&mut self, term: &str, value: &Map<String, Value>, def: &mut TermDef) -> Result<(), JsonLdError> {
        let Some(t) = value.get("@type") else {
            return Ok(());
        };
        let Value::String(t) = t else {
            return Err(perr("invalid type mapping", format!("term `{term}`: @type must be a string")));
        };
        let t = self.expand(t, true)?.unwrap_or_default();
        if self.env.mode_1_0 && (t == "@json" || t == "@none") {
            return Err(perr("invalid type mapping", format!("term `{term}`: @type {t} in json-ld-1.0 mode")));
        }
        if !matches!(t.as_str(), "@id" | "@json" | "@none" | "@vocab") && !has_scheme(&t) {
            return Err(perr("invalid type mapping", format!("term `{term}`: invalid @type `{t}`")));
        }
        def.type_mapping = Some(t);
        Ok(())
    }

    /// Steps 13 to 18: the IRI mapping, from `@reverse`, `@id`, the term itself or `@vocab`.
    fn iri_mapping(
        &mut self,
        term: &'m str,
        value: &Map<String, Value>,
        id_entry: Option<&Value>,
        simple: bool,
        def: &mut TermDef,
    ) -> Result<Outcome, JsonLdError> {
        if let Some(rev) = value.get("@reverse") {
            return self.reverse_mapping(term, value, rev, def);
        }
        if let Some(id) = id_entry.filter(|id| id.as_str() != Some(term)) {
            return self.id_mapping(term, id, simple, def);
        }
        if let Some(colon) = inner_colon(term) {
            let (prefix, suffix) = (&term[..colon], &term[colon + 1..]);
            let compact = prefix != "_" && !suffix.starts_with("//");
            if compact {
                self.ensure(prefix)?;
            }
            let prefix_iri = self.result.term(prefix).and_then(|d| d.iri.clone()).filter(|_| compact);
            def.iri = Some(match prefix_iri {
                Some(p) => p + suffix,
                None => term.to_owned(),
            });
        } else if term.contains('/') {
            match self.result.expand_iri(term, false, true) {
                Some(iri) if has_scheme(&iri) => def.iri = Some(iri.into_owned()),
                _ => return Err(perr("invalid IRI mapping", format!("term `{term}` is a relative IRI"))),
            }
        } else if term == "@type" {
            def.iri = Some("@type".to_owned());
        } else if let Some(vocab) = &self.result.vocab {
            def.iri = Some(format!("{vocab}{term}"));
        } else {
            let msg = format!("term `{term}` has no IRI and there is no @vocab");
            return Err(perr("invalid IRI mapping", msg));
        }
        Ok(Outcome::Defined)
    }

    /// Step 13: a reverse property.
    fn reverse_mapping(
        &mut self,
        term: &str,
        value: &Map<String, Value>,
        rev: &Value,
        def: &mut TermDef,
    ) -> Result<Outcome, JsonLdError> {
        if value.contains_key("@id") || value.contains_key("@nest") {
            return Err(perr("invalid reverse property", format!("term `{term}`: @reverse with @id or @nest")));
        }
        let Value::String(rev) = rev else {
            return Err(perr("invalid IRI mapping", format!("term `{term}`: @reverse must be a string")));
        };
        if has_keyword_form(rev) {
            loss(self.env.safe, term, "reserved @reverse value")?;
            return Ok(Outcome::Ignored);
        }
        match self.expand(rev, true)? {
            Some(iri) if has_scheme(&iri) || is_blank(&iri) => def.iri = Some(iri),
            _ => return Err(perr("invalid IRI mapping", format!("term `{term}`: invalid @reverse `{rev}`"))),
        }
        if let Some(c) = value.get("@container") {
            def.container = match c {
                Value::String(s) if s == "@set" => Container(Container::SET),
                Value::String(s) if s == "@index" => Container(Container::INDEX),
                Value::Null => Container::default(),
                _ => return Err(perr("invalid reverse property", format!("term `{term}`: invalid reverse container"))),
            };
        }
        def.reverse = true;
        Ok(Outcome::Defined)
    }

    /// Step 14: an explicit `@id` different from the term.
    fn id_mapping(
        &mut self,
        term: &'m str,
        id: &Value,
        simple: bool,
        def: &mut TermDef,
    ) -> Result<Outcome, JsonLdError> {
        let id = match id {
            Value::Null => return Ok(Outcome::Defined),
            Value::String(id) => id,
            _ => return Err(perr("invalid IRI mapping", format!("term `{term}`: @id must be a string"))),
        };
        if !is_keyword(id) && has_keyword_form(id) {
            loss(self.env.safe, term, "reserved @id value")?;
            return Ok(Outcome::Ignored);
        }
        let iri = match self.expand(id, true)? {
            Some(iri) if is_keyword(&iri) || has_scheme(&iri) || is_blank(&iri) => iri,
            _ => return Err(perr("invalid IRI mapping", format!("term `{term}`: invalid @id `{id}`"))),
        };
        if iri == "@context" {
            return Err(perr("invalid keyword alias", format!("term `{term}` aliases @context")));
        }
        let colon_inside = term.get(1..term.len().saturating_sub(1)).is_some_and(|s| s.contains(':'));
        if colon_inside || term.contains('/') {
            self.defined.insert(term, true);
            if self.expand(term, true)?.as_deref() != Some(iri.as_str()) {
                let msg = format!("term `{term}` looks like an IRI but maps to `{iri}`");
                return Err(perr("invalid IRI mapping", msg));
            }
        }
        if !term.contains(':') && !term.contains('/') && simple && (ends_with_gen_delim(&iri) || is_blank(&iri)) {
            def.prefix = true;
        }
        def.iri = Some(iri);
        Ok(Outcome::Defined)
    }
}
