//! The status check: each `credentialStatus` entry's list is retrieved through the resolver,
//! its own proofs verified, and the entry's bit read. An unreachable list is a warning
//! ("signature valid, status unknown"); a revoked or suspended credential fails.

use serde_json::{Map, Value};

use super::{issuer_id, Verifier};
use crate::report::Report;
use crate::status::{check_1edtech_revocation_list, check_bitstring_entry};

pub(super) fn check_status(
    v: &Verifier<'_>,
    obj: &Map<String, Value>,
    issuer: Option<&str>,
    depth: usize,
    report: &mut Report,
) {
    let entries = crate::proof::proofs_of(obj.get("credentialStatus"));
    if entries.is_empty() {
        report.skip("status", "the credential has no credentialStatus");
        return;
    }
    for entry in &entries {
        match entry.get("type").and_then(Value::as_str) {
            Some("BitstringStatusListEntry") => bitstring(v, entry, issuer, depth, report),
            Some("1EdTechRevocationList") => revocation_list(v, obj, entry, report),
            Some(other) => report.warn("status", format!("status type {other} is not supported; status unknown")),
            None => report.fail("status", "MALFORMED_VALUE_ERROR", "a credentialStatus entry has no type"),
        }
    }
}

fn bitstring(v: &Verifier<'_>, entry: &Map<String, Value>, issuer: Option<&str>, depth: usize, report: &mut Report) {
    let Some(url) = entry.get("statusListCredential").and_then(Value::as_str) else {
        report.fail("status", "MALFORMED_VALUE_ERROR", "statusListCredential is missing");
        return;
    };
    let list = match v.resolver.fetch_json(url) {
        Ok(list) => list,
        Err(e) => {
            report.warn("status", format!("status unknown: {e}"));
            return;
        }
    };
    if depth > 0 {
        report.warn("status", "nested status list not followed");
        return;
    }
    let inner = Verifier {
        canon: v.canon,
        resolver: v.resolver,
        now: v.now,
        options: super::VerifyOptions { check_status: false, ..v.options.clone() },
    };
    let list_report = inner.verify_at_depth(&list, depth + 1);
    if !list_report.verified {
        let why: Vec<String> = list_report.errors().map(|c| c.message.clone()).collect();
        report.fail(
            "status",
            "STATUS_VERIFICATION_ERROR",
            format!("the status list {url} does not verify: {}", why.join("; ")),
        );
        return;
    }
    let list_issuer = list.as_object().and_then(issuer_id);
    if list_issuer.as_deref() != issuer {
        report.warn(
            "status",
            format!("the status list's issuer {} is not the credential's issuer", list_issuer.unwrap_or_default()),
        );
    }
    let result = check_bitstring_entry(entry, &list);
    if let Ok(Some(n)) = result.as_ref().map(|r| r.short_list) {
        report.warn("status", format!("STATUS_LIST_LENGTH_ERROR: the list {url} has {n} entries, fewer than the 131,072 the W3C requires for herd privacy"));
    }
    match result {
        Ok(r) if r.is_clear() => report.pass("status", format!("not {} (list {url})", past_tense(&r.purpose))),
        Ok(r) => {
            let msg = r.message.map(|m| format!(": {m}")).unwrap_or_default();
            report.fail(
                "status",
                &r.purpose.to_uppercase(),
                format!("the credential is {}{msg}", past_tense(&r.purpose)),
            );
        }
        Err(e) => report.fail("status", "STATUS_VERIFICATION_ERROR", e.to_string()),
    }
}

fn revocation_list(v: &Verifier<'_>, obj: &Map<String, Value>, entry: &Map<String, Value>, report: &mut Report) {
    let (Some(url), Some(id)) = (entry.get("id").and_then(Value::as_str), obj.get("id").and_then(Value::as_str)) else {
        report.fail("status", "MALFORMED_VALUE_ERROR", "1EdTechRevocationList needs an id, and the credential an id");
        return;
    };
    match v.resolver.fetch_json(url) {
        Ok(list) if check_1edtech_revocation_list(&list, id) => {
            report.fail("status", "REVOCATION", "the credential is revoked")
        }
        Ok(_) => report.pass("status", format!("not revoked (1EdTechRevocationList {url})")),
        Err(e) => report.warn("status", format!("status unknown: {e}")),
    }
}

fn past_tense(purpose: &str) -> String {
    match purpose {
        "revocation" => "revoked".into(),
        "suspension" => "suspended".into(),
        other => format!("flagged for {other}"),
    }
}
