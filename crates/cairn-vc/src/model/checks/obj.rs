//! A JSON object under check: typed accessors that report into a [`Report`].

use serde_json::{Map, Value};

use super::format::{is_date_time, is_uri};
use super::{index, join, Report};
use crate::model::vocab::is_known_or_ext;

/// Whether a member must be present.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Need {
    Required,
    Optional,
}

pub(super) use Need::{Optional, Required};

/// An object being checked, with its JSON pointer.
pub(super) struct Obj<'a> {
    pub map: &'a Map<String, Value>,
    pub path: &'a str,
}

impl<'a> Obj<'a> {
    /// `value` as an object, or an error "must be an object".
    pub fn new(r: &mut Report, value: &'a Value, path: &'a str) -> Option<Self> {
        match value {
            Value::Object(map) => Some(Self { map, path }),
            _ => {
                r.error(path, "must be an object");
                None
            }
        }
    }

    pub fn at(&self, key: &str) -> String {
        join(self.path, key)
    }

    /// The member, reporting it when required and missing.
    pub fn member(&self, r: &mut Report, key: &str, need: Need) -> Option<&'a Value> {
        let value = self.map.get(key);
        if value.is_none() && need == Required {
            r.error(&self.at(key), format!("`{key}` is required"));
        }
        value
    }

    /// A string member.
    pub fn string(&self, r: &mut Report, key: &str, need: Need) -> Option<&'a str> {
        match self.member(r, key, need)? {
            Value::String(s) => Some(s),
            _ => {
                r.error(&self.at(key), "must be a string");
                None
            }
        }
    }

    /// A string member that must satisfy `valid`, described by `what`.
    pub fn formatted(
        &self,
        r: &mut Report,
        key: &str,
        need: Need,
        valid: fn(&str) -> bool,
        what: &str,
    ) -> Option<&'a str> {
        let s = self.string(r, key, need)?;
        if valid(s) {
            Some(s)
        } else {
            r.error(&self.at(key), format!("must be {what}, got {s:?}"));
            None
        }
    }

    /// An absolute URI member.
    pub fn uri(&self, r: &mut Report, key: &str, need: Need) -> Option<&'a str> {
        self.formatted(r, key, need, is_uri, "an absolute URI")
    }

    /// A date-time (with time zone) member.
    pub fn date_time(&self, r: &mut Report, key: &str, need: Need) -> Option<&'a str> {
        self.formatted(r, key, need, is_date_time, "an RFC 3339 date-time with a time zone")
    }

    /// A member whose value is one of `known` or an `ext:` term. An unknown term without
    /// `ext:` breaks a naming convention of an extensible vocabulary, not the meaning: a
    /// warning (the strict 1EdTech schema rejects it; credentials in the field use it).
    pub fn extensible(&self, r: &mut Report, key: &str, need: Need, known: &[&str]) {
        if let Some(s) = self.string(r, key, need) {
            if !is_known_or_ext(s, known) {
                r.warn(
                    &self.at(key),
                    format!("{s:?} is not a known value and does not start with `ext:` (the strict 1EdTech schema rejects it)"),
                );
            }
        }
    }

    /// A member whose value is one of `allowed` (closed enumeration).
    pub fn one_of(&self, r: &mut Report, key: &str, need: Need, allowed: &[&str]) {
        if let Some(s) = self.string(r, key, need) {
            if !allowed.contains(&s) {
                r.error(&self.at(key), format!("{s:?} is not one of {}", allowed.join(", ")));
            }
        }
    }

    /// A JSON number member.
    pub fn number(&self, r: &mut Report, key: &str, need: Need) {
        if let Some(v) = self.member(r, key, need) {
            if !v.is_number() {
                r.error(&self.at(key), "must be a number");
            }
        }
    }

    /// A boolean member.
    pub fn boolean(&self, r: &mut Report, key: &str, need: Need) -> Option<bool> {
        match self.member(r, key, need)? {
            Value::Bool(b) => Some(*b),
            _ => {
                r.error(&self.at(key), "must be true or false");
                None
            }
        }
    }

    /// A `type` that the strict schema wants as a string array containing one value of each
    /// group. A bare string is a compaction warning.
    pub fn types(&self, r: &mut Report, groups: &[&[&str]]) {
        let path = self.at("type");
        let values: Vec<&str> = match self.member(r, "type", Required) {
            None => return,
            Some(Value::String(s)) => {
                r.warn(&path, "`type` should be an array (compacted single value)");
                vec![s.as_str()]
            }
            Some(Value::Array(items)) => {
                if items.is_empty() {
                    r.error(&path, "must not be empty");
                }
                let mut values = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    match item {
                        Value::String(s) => values.push(s.as_str()),
                        _ => r.error(&index(&path, i), "must be a string"),
                    }
                }
                values
            }
            Some(_) => {
                r.error(&path, "must be an array of strings");
                return;
            }
        };
        for group in groups {
            if !values.iter().any(|v| group.contains(v)) {
                r.error(&path, format!("must contain {}", group.join(" or ")));
            }
        }
    }

    /// A member the strict schema wants as an array; each item goes to `item`. A single
    /// value is checked as an item and reported as a compaction warning.
    pub fn array(&self, r: &mut Report, key: &str, need: Need, mut item: impl FnMut(&mut Report, &Value, &str)) {
        let Some(member) = self.member(r, key, need) else { return };
        let path = self.at(key);
        match member {
            Value::Array(items) => {
                for (i, value) in items.iter().enumerate() {
                    item(r, value, &index(&path, i));
                }
            }
            single => {
                r.warn(&path, format!("`{key}` should be an array (compacted single value)"));
                item(r, single, &path);
            }
        }
    }

    /// An array of strings, each accepted by `valid` (described by `what`).
    pub fn string_array(&self, r: &mut Report, key: &str, valid: fn(&str) -> bool, what: &'static str) {
        self.array(r, key, Optional, |r, v, p| match v {
            Value::String(s) if valid(s) => {}
            Value::String(s) => r.error(p, format!("must be {what}, got {s:?}")),
            _ => r.error(p, "must be a string"),
        });
    }

    /// An object member, checked by `check`.
    pub fn object(&self, r: &mut Report, key: &str, need: Need, check: impl FnOnce(&mut Report, &Value, &str)) {
        if let Some(value) = self.member(r, key, need) {
            check(r, value, &self.at(key));
        }
    }

    /// Report members outside `allowed` (schemas with `additionalProperties: false`).
    pub fn only(&self, r: &mut Report, allowed: &[&str]) {
        for key in self.map.keys() {
            if !allowed.contains(&key.as_str()) {
                r.error(&self.at(key), format!("`{key}` is not allowed here (allowed: {})", allowed.join(", ")));
            }
        }
    }
}

/// Any string (for [`Obj::string_array`]).
pub(super) fn any_string(_: &str) -> bool {
    true
}
