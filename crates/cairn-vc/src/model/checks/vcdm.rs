//! VC Data Model 2.0 / 1.1 rules (STANDARDS.md §6 step 3).

use std::collections::HashSet;

use serde_json::Value;

use super::format::{is_uri, parse_date_time};
use super::obj::{Obj, Optional, Required};
use super::{index, join, Report};
use crate::model::vc::{VC_V1_CONTEXT, VC_V2_CONTEXT};

/// Which VC Data Model a document follows, by its first `@context`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Version {
    V1,
    V2,
}

/// The version named by the first `@context` entry; `None` when it is neither base context.
pub(super) fn version(doc: &Value) -> Option<Version> {
    context_version(doc.get("@context")?)
}

fn context_version(context: &Value) -> Option<Version> {
    let first = match context {
        Value::Array(entries) => entries.first()?,
        single => single,
    };
    match first.as_str()? {
        VC_V2_CONTEXT => Some(Version::V2),
        VC_V1_CONTEXT => Some(Version::V1),
        _ => None,
    }
}

pub(super) fn credential(r: &mut Report, doc: &Value, path: &str) {
    let Some(o) = Obj::new(r, doc, path) else {
        return;
    };
    let version = context(r, &o);
    type_contains(r, &o, "VerifiableCredential");
    o.uri(r, "id", Optional);
    issuer(r, &o);
    subject(r, &o);
    match version {
        Some(Version::V1) => validity(r, &o, "issuanceDate", "expirationDate", true),
        _ => validity(r, &o, "validFrom", "validUntil", false),
    }
    for key in ["credentialSchema", "refreshService", "credentialStatus", "evidence", "termsOfUse"] {
        for (item_path, item) in one_or_many(&o, key) {
            if !item.is_object() {
                r.error(&item_path, format!("every `{key}` must be an object"));
                continue;
            }
            if item.get("type").is_none() {
                r.error(&join(&item_path, "type"), format!("every `{key}` needs a `type`"));
            }
            if key == "credentialSchema" && item.get("id").is_none() {
                r.error(&join(&item_path, "id"), "every `credentialSchema` needs an `id`");
            }
        }
    }
    related_resources(r, &o);
}

/// First `@context` entry must be VC v2 (or v1 for VCDM 1.1 documents).
fn context(r: &mut Report, o: &Obj) -> Option<Version> {
    let value = o.member(r, "@context", Required)?;
    let first_path = match value {
        Value::Array(_) => join(&o.at("@context"), "0"),
        _ => o.at("@context"),
    };
    let found = context_version(value);
    if found.is_none() {
        r.error(&first_path, format!("the first @context must be {VC_V2_CONTEXT} (or {VC_V1_CONTEXT})"));
    }
    found
}

fn type_contains(r: &mut Report, o: &Obj, name: &str) {
    let path = o.at("type");
    let found = match o.member(r, "type", Required) {
        None => return,
        Some(Value::String(s)) => s == name,
        Some(Value::Array(items)) => items.iter().any(|t| t.as_str() == Some(name)),
        Some(_) => false,
    };
    if !found {
        r.error(&path, format!("`type` must contain {name}"));
    }
}

fn issuer(r: &mut Report, o: &Obj) {
    let path = o.at("issuer");
    match o.member(r, "issuer", Required) {
        None => {}
        Some(Value::String(s)) if is_uri(s) => {}
        Some(Value::String(s)) => r.error(&path, format!("must be a URL or DID, got {s:?}")),
        Some(Value::Object(map)) => {
            let issuer = Obj { map, path: &path };
            issuer.uri(r, "id", Required);
        }
        Some(_) => r.error(&path, "must be a URL or an object with an `id`"),
    }
}

fn subject(r: &mut Report, o: &Obj) {
    let path = o.at("credentialSubject");
    let check = |r: &mut Report, value: &Value, p: &str| {
        if let Some(s) = Obj::new(r, value, p) {
            s.uri(r, "id", Optional);
        }
    };
    match o.member(r, "credentialSubject", Required) {
        None => {}
        Some(Value::Array(items)) if items.is_empty() => r.error(&path, "must not be empty"),
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                check(r, item, &index(&path, i));
            }
        }
        Some(single) => check(r, single, &path),
    }
}

/// `from` (required for VCDM 1.1) and `until` are dateTimeStamps, and `from <= until`.
fn validity(r: &mut Report, o: &Obj, from: &str, until: &str, from_required: bool) {
    let need = if from_required { Required } else { Optional };
    let start = o.date_time(r, from, need).and_then(parse_date_time);
    let end = o.date_time(r, until, Optional).and_then(parse_date_time);
    if let (Some(start), Some(end)) = (start, end) {
        if start > end {
            r.error(&o.at(until), format!("`{until}` is before `{from}`"));
        }
    }
}

/// The items of a one-or-many member with their paths (none when absent).
pub(super) fn one_or_many<'a>(o: &Obj<'a>, key: &str) -> Vec<(String, &'a Value)> {
    let path = o.at(key);
    match o.map.get(key) {
        None => Vec::new(),
        Some(Value::Array(items)) => items.iter().enumerate().map(|(i, v)| (index(&path, i), v)).collect(),
        Some(single) => vec![(path, single)],
    }
}

/// `relatedResource`: objects with a unique URL `id` and `digestSRI` or `digestMultibase`.
fn related_resources(r: &mut Report, o: &Obj) {
    let mut seen = HashSet::new();
    for (item_path, item) in one_or_many(o, "relatedResource") {
        let Some(res) = Obj::new(r, item, &item_path) else {
            continue;
        };
        if let Some(id) = res.uri(r, "id", Required) {
            if !seen.insert(id.to_owned()) {
                r.error(&res.at("id"), format!("duplicate relatedResource id {id:?}"));
            }
        }
        let sri = res.string(r, "digestSRI", Optional);
        let multibase = res.string(r, "digestMultibase", Optional);
        if sri.is_none() && multibase.is_none() {
            r.error(&item_path, "needs `digestSRI` or `digestMultibase`");
        }
    }
}
