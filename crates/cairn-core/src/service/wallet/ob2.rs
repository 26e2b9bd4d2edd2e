//! Open Badges 2.0 hosted verification (STANDARDS.md §14), for import and live status.
//! A hosted assertion is only a pointer: the document at its `id` is the assertion. What can
//! be verified: it is retrieved from its own URL and matches; its badge class and issuer are
//! retrievable and complete; the assertion lives on the issuer's origin; it is not revoked
//! (HTTP 404/410 or `revoked: true`); it has not expired. There is no signature: the checks
//! are labelled as OB 2.0 hosted verification, never as a cryptographic proof.
//! Signed OB 2.0 badges (JWS) are not supported.

use cairn_vc::report::Report;
use cairn_vc::resolve::{ResolveError, Resolver};
use serde_json::Value;
use time::OffsetDateTime;

use crate::model::DisplayFields;

/// The OB 2.0 context.
pub const OB2_CONTEXT: &str = "https://w3id.org/openbadges/v2";

/// The result of an OB 2.0 hosted verification.
#[derive(Debug, Clone)]
pub struct Ob2Result {
    /// Every check.
    pub report: Report,
    /// What the badge class and issuer say, when they could be read.
    pub display: DisplayFields,
}

/// Whether a document is an OB 2.0 object (its `@context` is the OB 2.0 context).
pub fn is_ob2(doc: &Value) -> bool {
    let is = |v: &Value| v.as_str().is_some_and(|s| s.trim_end_matches('/') == OB2_CONTEXT);
    match doc.get("@context") {
        Some(Value::Array(items)) => items.iter().any(is),
        Some(v) => is(v),
        None => false,
    }
}

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_string)
}

fn is_web_url(s: &str) -> bool {
    s.starts_with("https://") || s.starts_with("http://")
}

/// `scheme://host[:port]` of a URL.
fn origin(url: &str) -> Option<&str> {
    let (scheme, rest) = url.split_once("://")?;
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    url.get(..scheme.len() + 3 + host_end)
}

/// A linked object: fetched when it is a URL, else taken as embedded.
fn linked(resolver: &dyn Resolver, v: Option<&Value>) -> Result<Option<Value>, ResolveError> {
    match v {
        Some(Value::String(url)) if is_web_url(url) => resolver.fetch_json(url).map(Some),
        Some(obj @ Value::Object(_)) => Ok(Some(obj.clone())),
        _ => Ok(None),
    }
}

fn image_of(v: &Value) -> Option<String> {
    match v.get("image") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(obj) => text(obj, "id"),
        None => None,
    }
}

/// Verifies a hosted OB 2.0 assertion at `now`.
pub fn verify_hosted(resolver: &dyn Resolver, now: OffsetDateTime, in_hand: &Value) -> Ob2Result {
    let mut report = Report::default();
    let mut display = DisplayFields::default();
    let kind = in_hand.get("verification").and_then(|v| text(v, "type")).unwrap_or_default();
    match kind.as_str() {
        "HostedBadge" | "hosted" => report.pass("ob2_type", "an Open Badges 2.0 hosted assertion"),
        "SignedBadge" | "signed" => {
            report.fail(
                "ob2_type",
                "UNSUPPORTED",
                "signed Open Badges 2.0 assertions are not supported; only hosted ones",
            );
            return Ob2Result { report: report.finish(), display };
        }
        _ => {
            report.fail(
                "ob2_type",
                "MALFORMED_VALUE_ERROR",
                "verification.type is neither HostedBadge nor SignedBadge",
            );
            return Ob2Result { report: report.finish(), display };
        }
    }
    let Some(id) = text(in_hand, "id").filter(|u| is_web_url(u)) else {
        report.fail("ob2_hosted", "MALFORMED_VALUE_ERROR", "a hosted assertion needs an http(s) id");
        return Ob2Result { report: report.finish(), display };
    };
    let (assertion, hosted) = match resolver.fetch_json(&id) {
        Ok(fetched) => {
            let same = text(&fetched, "id").as_deref() == Some(id.as_str())
                && ["badge", "recipient"]
                    .iter()
                    .all(|k| in_hand.get(*k).is_none() || in_hand.get(*k) == fetched.get(*k));
            if same {
                report.pass("ob2_hosted", format!("retrieved from its own id {id}; it matches the copy in hand"));
            } else {
                report.fail(
                    "ob2_hosted",
                    "HOSTED_MISMATCH",
                    format!("the assertion retrieved from {id} differs from the copy in hand"),
                );
            }
            (fetched, true)
        }
        Err(ResolveError::NotFound(_)) => {
            report.fail(
                "status",
                "REVOCATION",
                format!("the issuer no longer hosts {id} (404 or 410): revoked or withdrawn"),
            );
            (in_hand.clone(), false)
        }
        Err(e) => {
            report.warn("ob2_hosted", format!("the hosted assertion could not be retrieved: {e}"));
            report.warn("status", format!("status unknown: {e}"));
            (in_hand.clone(), false)
        }
    };
    if hosted {
        match assertion.get("revoked").and_then(Value::as_bool) {
            Some(true) => {
                let why = text(&assertion, "revocationReason").map(|r| format!(": {r}")).unwrap_or_default();
                report.fail("status", "REVOCATION", format!("the issuer revoked this assertion{why}"));
            }
            _ => report.pass("status", "the hosted assertion is not revoked"),
        }
    }
    display.image = image_of(&assertion);
    let issuer = check_badge(resolver, &assertion, &mut report, &mut display);
    check_scope(&id, issuer.as_ref(), &mut report);
    check_dates(now, &assertion, &mut report);
    Ob2Result { report: report.finish(), display }
}

/// Reads the badge class and its issuer; returns the issuer Profile when read.
fn check_badge(r: &dyn Resolver, assertion: &Value, report: &mut Report, display: &mut DisplayFields) -> Option<Value> {
    let badge = match linked(r, assertion.get("badge")) {
        Ok(Some(b)) => b,
        Ok(None) => {
            report.fail("ob2_badge", "MALFORMED_VALUE_ERROR", "the assertion has no badge class");
            return None;
        }
        Err(e) => {
            report.warn("ob2_badge", format!("the badge class could not be retrieved: {e}"));
            return None;
        }
    };
    let missing: Vec<&str> =
        ["name", "description", "criteria", "issuer"].into_iter().filter(|k| badge.get(*k).is_none()).collect();
    if missing.is_empty() {
        report.pass("ob2_badge", "the badge class is retrievable and complete");
    } else {
        report.fail("ob2_badge", "MALFORMED_VALUE_ERROR", format!("the badge class lacks {}", missing.join(", ")));
    }
    display.name = text(&badge, "name");
    display.description = text(&badge, "description");
    display.image = display.image.take().or_else(|| image_of(&badge));
    match linked(r, badge.get("issuer")) {
        Ok(Some(issuer)) if text(&issuer, "name").is_some() && text(&issuer, "id").is_some() => {
            report.pass("ob2_issuer", "the issuer profile is retrievable and names the issuer");
            display.issuer = text(&issuer, "name");
            Some(issuer)
        }
        Ok(_) => {
            report.fail("ob2_issuer", "MALFORMED_VALUE_ERROR", "the issuer profile is missing or lacks an id or name");
            None
        }
        Err(e) => {
            report.warn("ob2_issuer", format!("the issuer profile could not be retrieved: {e}"));
            None
        }
    }
}

/// The assertion must live on the issuer's origin, or where its `verification` allows.
fn check_scope(assertion_id: &str, issuer: Option<&Value>, report: &mut Report) {
    let Some(issuer) = issuer else {
        report.skip("ob2_scope", "the issuer profile was not read, so the assertion's origin was not compared");
        return;
    };
    let verification = issuer.get("verification").cloned().unwrap_or(Value::Null);
    let list = |k: &str| -> Vec<String> {
        match verification.get(k) {
            Some(Value::String(s)) => vec![s.clone()],
            Some(Value::Array(a)) => a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect(),
            _ => Vec::new(),
        }
    };
    let (allowed, starts) = (list("allowedOrigins"), list("startsWith"));
    let host = origin(assertion_id).and_then(|o| o.split_once("://")).map(|(_, h)| h.to_string());
    let ok = if allowed.is_empty() && starts.is_empty() {
        origin(assertion_id).is_some() && origin(assertion_id) == text(issuer, "id").as_deref().and_then(origin)
    } else {
        host.as_ref().is_some_and(|h| allowed.iter().any(|a| a == h))
            || starts.iter().any(|p| assertion_id.starts_with(p))
    };
    if ok {
        report.pass("ob2_scope", "the assertion is hosted where its issuer says its assertions live");
    } else {
        report.fail("ob2_scope", "SCOPE_MISMATCH", "the assertion is not hosted on its issuer's origin");
    }
}

fn ob2_date(v: Option<&Value>) -> Option<OffsetDateTime> {
    match v? {
        Value::String(s) => cairn_vc::datetime::parse(s).map(|(t, _)| t).or_else(|| {
            let day = time::Date::parse(s, time::macros::format_description!("[year]-[month]-[day]")).ok()?;
            Some(day.midnight().assume_utc())
        }),
        Value::Number(n) => OffsetDateTime::from_unix_timestamp(n.as_i64()?).ok(),
        _ => None,
    }
}

fn check_dates(now: OffsetDateTime, assertion: &Value, report: &mut Report) {
    match (ob2_date(assertion.get("issuedOn")), ob2_date(assertion.get("expires"))) {
        (None, _) => report.fail("validity", "MALFORMED_VALUE_ERROR", "issuedOn is missing or not a date"),
        (Some(_), Some(exp)) if exp < now => report.fail("validity", "EXPIRED", "expired: the expires date has passed"),
        (Some(issued), _) if issued > now + time::Duration::minutes(5) => {
            report.fail("validity", "NOT_YET_VALID", "not valid yet: issuedOn is in the future")
        }
        _ => report.pass("validity", "issued in the past and not expired"),
    }
}

/// The display fields of an OB 2.0 assertion with embedded badge and issuer (no retrieval).
pub fn embedded_display(assertion: &Value) -> DisplayFields {
    let badge = assertion.get("badge").filter(|b| b.is_object()).cloned().unwrap_or(Value::Null);
    DisplayFields {
        name: text(&badge, "name"),
        description: text(&badge, "description"),
        issuer: badge.get("issuer").and_then(|i| text(i, "name")),
        image: image_of(assertion).or_else(|| image_of(&badge)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cairn_vc::resolve::{MapResolver, OfflineResolver};
    use serde_json::json;

    fn docs() -> (Value, MapResolver) {
        let a = json!({"@context": OB2_CONTEXT, "type": "Assertion", "id": "https://ob2.example/a/1",
            "recipient": {"type": "email", "hashed": false, "identity": "e@example.org"},
            "badge": "https://ob2.example/b/1", "verification": {"type": "hosted"}, "issuedOn": "2024-01-02T00:00:00Z"});
        let b = json!({"@context": OB2_CONTEXT, "type": "BadgeClass", "id": "https://ob2.example/b/1", "name": "Knots",
            "description": "Ties knots.", "criteria": {"narrative": "Tie ten."}, "issuer": "https://ob2.example/i"});
        let i = json!({"@context": OB2_CONTEXT, "type": "Profile", "id": "https://ob2.example/i", "name": "Knot Club"});
        let r = MapResolver::new()
            .with_document("https://ob2.example/a/1", a.clone())
            .with_document("https://ob2.example/b/1", b)
            .with_document("https://ob2.example/i", i);
        (a, r)
    }

    #[test]
    fn a_hosted_assertion_verifies_and_names_its_badge() {
        let (a, r) = docs();
        assert!(is_ob2(&a));
        let now = time::macros::datetime!(2025-01-01 00:00 UTC);
        let out = verify_hosted(&r, now, &a);
        assert!(out.report.verified, "{:?}", out.report);
        assert_eq!(out.display.name.as_deref(), Some("Knots"));
        assert_eq!(out.display.issuer.as_deref(), Some("Knot Club"));

        let mut revoked = a.clone();
        revoked["revoked"] = json!(true);
        let r2 = r.clone().with_document("https://ob2.example/a/1", revoked);
        assert!(out.report.verified);
        assert!(verify_hosted(&r2, now, &a).report.has_error_code("REVOCATION"));
        let mut expiring = a.clone();
        expiring["expires"] = json!("2024-06-01T00:00:00Z");
        let r3 = r.clone().with_document("https://ob2.example/a/1", expiring.clone());
        assert!(verify_hosted(&r3, now, &expiring).report.has_error_code("EXPIRED"));
        let mut elsewhere = a.clone();
        elsewhere["id"] = json!("https://evil.example/a/1");
        let r4 = r.with_document("https://evil.example/a/1", elsewhere.clone());
        assert!(verify_hosted(&r4, now, &elsewhere).report.has_error_code("SCOPE_MISMATCH"));
        let offline = verify_hosted(&OfflineResolver, now, &a);
        assert!(
            offline.report.verified
                && super::super::live::state_of(&offline.report) == super::super::LiveState::StatusOffline
        );
    }
}
