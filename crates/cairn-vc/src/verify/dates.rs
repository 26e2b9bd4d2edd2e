//! Validity window: `validFrom`/`validUntil` (VCDM 2.0) or `issuanceDate`/`expirationDate` (1.1).

use serde_json::{Map, Value};
use time::{Duration, OffsetDateTime};

use crate::datetime;
use crate::report::Report;

pub(super) fn check_validity(obj: &Map<String, Value>, now: OffsetDateTime, skew_secs: i64, report: &mut Report) {
    let skew = Duration::seconds(skew_secs);
    let from_key = if obj.contains_key("validFrom") { "validFrom" } else { "issuanceDate" };
    let until_key = if obj.contains_key("validUntil") { "validUntil" } else { "expirationDate" };
    let read = |key: &str| obj.get(key).and_then(Value::as_str).map(|s| (s, datetime::parse(s).map(|(t, _)| t)));
    let mut ok = true;
    if let Some((raw, parsed)) = read(from_key) {
        match parsed {
            None => {
                ok = false;
                report.fail("validity", "MALFORMED_VALUE_ERROR", format!("{from_key} `{raw}` is not a valid dateTime"));
            }
            Some(t) if t > now + skew => {
                ok = false;
                report.fail("validity", "NOT_YET_VALID", format!("not valid yet: {from_key} is {raw}"));
            }
            Some(_) => {}
        }
    }
    if let Some((raw, parsed)) = read(until_key) {
        match parsed {
            None => {
                ok = false;
                report.fail(
                    "validity",
                    "MALFORMED_VALUE_ERROR",
                    format!("{until_key} `{raw}` is not a valid dateTime"),
                );
            }
            Some(t) if t < now - skew => {
                ok = false;
                report.fail("validity", "EXPIRED", format!("expired: {until_key} was {raw}"));
            }
            Some(_) => {}
        }
    }
    if ok {
        let until = read(until_key).map(|(s, _)| format!(" until {s}")).unwrap_or_else(|| ", no expiry".into());
        report.pass("validity", format!("within its validity period{until}"));
    }
}
