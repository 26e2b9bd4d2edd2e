//! OB 3.0 AchievementCredential: credential-level members, subject, identity, result.

use std::collections::HashMap;

use serde_json::Value;

use super::format::{is_compact_jws, is_identity_hash};
use super::obj::{Need, Obj, Optional, Required};
use super::vcdm::{version, Version};
use super::{index, ob_achievement, ob_profile, Report};
use crate::model::vc::{VC_V1_CONTEXT, VC_V2_CONTEXT};
use crate::model::vocab::{IDENTIFIER_TYPES, RESULT_STATUSES};

/// Prefix of every OB 3.0 context URL.
const OB_CONTEXT_PREFIX: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context";

pub(super) fn achievement_credential(r: &mut Report, doc: &Value, path: &str) {
    let Some(o) = Obj::new(r, doc, path) else {
        return;
    };
    let v1 = version(doc) == Some(Version::V1);
    context(r, &o, v1, OB_CONTEXT_PREFIX, '3');
    o.uri(r, "id", Required);
    o.types(r, &[&["VerifiableCredential"], &["AchievementCredential", "OpenBadgeCredential"]]);
    o.string(r, "name", Optional);
    o.string(r, "description", Optional);
    ob_profile::image(r, &o, "image");
    o.date_time(r, "awardedDate", Optional);
    o.object(r, "credentialSubject", Required, achievement_subject);
    credential_members(r, &o, v1);
}

/// `@context`: an array of at least two entries, the VC base context first, then a URL
/// `<prefix>(-<major>.d.d)*.json`, then strings or objects.
pub(super) fn context(r: &mut Report, o: &Obj, v1: bool, prefix: &str, major: char) {
    let path = o.at("@context");
    let Some(value) = o.member(r, "@context", Required) else {
        return;
    };
    let Value::Array(entries) = value else {
        r.error(&path, "must be an array");
        return;
    };
    if entries.len() < 2 {
        r.error(&path, "needs at least two entries");
    }
    let base = if v1 { VC_V1_CONTEXT } else { VC_V2_CONTEXT };
    for (i, entry) in entries.iter().enumerate() {
        let entry_path = index(&path, i);
        match (i, entry) {
            (0, Value::String(s)) if s == base => {}
            (0, _) => r.error(&entry_path, format!("must be {base}")),
            (1, Value::String(s)) if is_versioned_context(s, prefix, major) => {}
            (1, _) => r.error(&entry_path, format!("must be a {prefix}[-{major}.x.y].json URL")),
            (_, Value::String(_) | Value::Object(_)) => {}
            (_, _) => r.error(&entry_path, "must be a URL or a context object"),
        }
    }
}

/// `<prefix>` + zero or more `-<major>.<digit>.<digit>` + `.json`.
fn is_versioned_context(url: &str, prefix: &str, major: char) -> bool {
    let Some(middle) = url.strip_prefix(prefix).and_then(|rest| rest.strip_suffix(".json")) else {
        return false;
    };
    let chars: Vec<char> = middle.chars().collect();
    chars.chunks(6).all(|chunk| {
        matches!(chunk, ['-', m, '.', a, '.', b]
            if *m == major && a.is_ascii_digit() && b.is_ascii_digit())
    })
}

/// Members every OB/CLR credential class shares with VerifiableCredential.
pub(super) fn credential_members(r: &mut Report, o: &Obj, v1: bool) {
    o.array(r, "endorsement", Optional, ob_profile::endorsement_credential);
    o.string_array(r, "endorsementJwt", is_compact_jws, "a compact JWS");
    o.array(r, "evidence", Optional, evidence);
    o.object(r, "issuer", Required, ob_profile::profile_ref);
    let (from, until) = if v1 { ("issuanceDate", "expirationDate") } else { ("validFrom", "validUntil") };
    o.date_time(r, from, Required);
    o.date_time(r, until, Optional);
    o.array(r, "proof", Optional, proof);
    o.array(r, "credentialSchema", Optional, credential_schema);
    credential_status(r, o);
    o.object(r, "refreshService", Optional, |r, v, p| {
        if let Some(s) = Obj::new(r, v, p) {
            s.uri(r, "id", Required);
            s.string(r, "type", Required);
        }
    });
    o.array(r, "termsOfUse", Optional, |r, v, p| {
        if let Some(t) = Obj::new(r, v, p) {
            t.uri(r, "id", Optional);
            t.string(r, "type", Required);
        }
    });
}

/// `credentialStatus`: one `{id, type}` object; an array (Cairn's revocation + suspension) is
/// valid VCDM 2.0 but outside the strict OB schema, so it is a warning.
fn credential_status(r: &mut Report, o: &Obj) {
    let path = o.at("credentialStatus");
    let entry = |r: &mut Report, v: &Value, p: &str| {
        if let Some(s) = Obj::new(r, v, p) {
            s.uri(r, "id", Required);
            s.string(r, "type", Required);
        }
    };
    match o.map.get("credentialStatus") {
        None => {}
        Some(Value::Array(items)) => {
            r.warn(&path, "several status entries are valid VCDM 2.0 but the strict OB schema wants one object");
            for (i, item) in items.iter().enumerate() {
                entry(r, item, &index(&path, i));
            }
        }
        Some(single) => entry(r, single, &path),
    }
}

fn proof(r: &mut Report, v: &Value, p: &str) {
    let Some(o) = Obj::new(r, v, p) else {
        return;
    };
    o.string(r, "type", Required);
    o.date_time(r, "created", Optional);
    for key in ["cryptosuite", "challenge", "domain", "nonce", "proofPurpose", "proofValue", "verificationMethod"] {
        o.string(r, key, Optional);
    }
}

fn credential_schema(r: &mut Report, v: &Value, p: &str) {
    if let Some(o) = Obj::new(r, v, p) {
        o.uri(r, "id", Required);
        o.string(r, "type", Required);
    }
}

pub(super) fn evidence(r: &mut Report, v: &Value, p: &str) {
    let Some(o) = Obj::new(r, v, p) else {
        return;
    };
    o.uri(r, "id", Optional);
    o.types(r, &[&["Evidence"]]);
    for key in ["narrative", "name", "description", "genre", "audience"] {
        o.string(r, key, Optional);
    }
}

fn achievement_subject(r: &mut Report, v: &Value, p: &str) {
    let Some(o) = Obj::new(r, v, p) else {
        return;
    };
    o.uri(r, "id", Optional);
    o.types(r, &[&["AchievementSubject"]]);
    o.date_time(r, "activityStartDate", Optional);
    o.date_time(r, "activityEndDate", Optional);
    o.number(r, "creditsEarned", Optional);
    o.object(r, "achievement", Required, ob_achievement::achievement);
    o.array(r, "identifier", Optional, identity_object);
    subject_identified(r, &o);
    ob_profile::image(r, &o, "image");
    for key in ["licenseNumber", "narrative", "role", "term"] {
        o.string(r, key, Optional);
    }
    o.object(r, "source", Optional, ob_profile::profile);
    let descriptions = result_descriptions(o.map.get("achievement"));
    o.array(r, "result", Optional, |r, v, p| result(r, v, p, &descriptions));
}

/// A subject needs an `id` or at least one `identifier`. The OB text says MUST, but the
/// 1EdTech schema does not enforce it and credentials in the field (the DCC's, which name
/// the learner with `name`) omit both: a warning, so they still verify. Cairn always sets one.
pub(super) fn subject_identified(r: &mut Report, o: &Obj) {
    let has_identifier = match o.map.get("identifier") {
        None => false,
        Some(Value::Array(items)) => !items.is_empty(),
        Some(_) => true,
    };
    if !o.map.contains_key("id") && !has_identifier {
        r.warn(&o.at("id"), "`id` or at least one `identifier` is required by Open Badges 3.0; neither is present");
    }
}

pub(super) fn identity_object(r: &mut Report, v: &Value, p: &str) {
    let Some(o) = Obj::new(r, v, p) else {
        return;
    };
    o.only(r, &["type", "hashed", "identityHash", "identityType", "salt"]);
    o.one_of(r, "type", Required, &["IdentityObject"]);
    let hashed = o.boolean(r, "hashed", Required);
    let hash = o.string(r, "identityHash", Required);
    o.extensible(r, "identityType", Required, IDENTIFIER_TYPES);
    o.string(r, "salt", Optional);
    if let (Some(true), Some(hash)) = (hashed, hash) {
        if !is_identity_hash(hash) {
            r.error(&o.at("identityHash"), "a hashed identity must be sha256$<64 hex> or md5$<32 hex>");
        }
    }
}

/// `resultDescription` ids of an achievement, with their `resultType`.
fn result_descriptions(achievement: Option<&Value>) -> HashMap<String, String> {
    let Some(Value::Object(map)) = achievement else {
        return HashMap::new();
    };
    let items: Vec<&Value> = match map.get("resultDescription") {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(single) => vec![single],
        None => Vec::new(),
    };
    items
        .into_iter()
        .filter_map(|d| {
            let id = d.get("id")?.as_str()?;
            let kind = d.get("resultType").and_then(Value::as_str).unwrap_or("");
            Some((id.to_owned(), kind.to_owned()))
        })
        .collect()
}

fn result(r: &mut Report, v: &Value, p: &str, descriptions: &HashMap<String, String>) {
    let Some(o) = Obj::new(r, v, p) else {
        return;
    };
    o.types(r, &[&["Result"]]);
    o.string(r, "achievedLevel", Optional);
    o.array(r, "alignment", Optional, ob_achievement::alignment);
    o.one_of(r, "status", Optional, RESULT_STATUSES);
    o.string(r, "value", Optional);
    let Some(link) = o.string(r, "resultDescription", Optional) else {
        return;
    };
    match descriptions.get(link) {
        None => r.error(
            &o.at("resultDescription"),
            format!("{link:?} is not the id of a resultDescription of the achievement"),
        ),
        Some(kind) if kind == "Status" && !o.map.contains_key("status") => {
            r.error(&o.at("status"), "`status` is required when the linked resultType is Status")
        }
        Some(_) => {}
    }
}

/// Shorthand for optional string members.
pub(super) fn strings(r: &mut Report, o: &Obj, keys: &[&str], need: Need) {
    for key in keys {
        o.string(r, key, need);
    }
}
