//! Activity of an organisation's credentials, for the console's dashboard: issued and
//! claimed are read from the credentials; page views and verifications are counted per
//! day as they happen ([`record_event`]: one upsert per event, safe with several servers).
//! Counting never fails what is being counted: errors are logged and dropped.

use serde_json::Value;
use time::{Date, Duration, OffsetDateTime, UtcOffset};

use super::Ctx;
use crate::ids::{CredentialId, OrgId};
use crate::model::{Activity, DayActivity, EventKind};
use crate::Error;

/// Days the dashboard shows one by one.
pub const DAYS: i64 = 30;
/// Weeks the dashboard shows.
pub const WEEKS: i64 = 26;

/// The dashboard's numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dashboard {
    /// Since the beginning.
    pub totals: Activity,
    /// The last [`DAYS`] days, oldest first, every day present (today last).
    pub days: Vec<DayActivity>,
    /// The last [`WEEKS`] weeks (Monday to Sunday; `day` is the Monday), oldest first,
    /// the current week last.
    pub weeks: Vec<DayActivity>,
}

/// The UTC day of a moment.
pub fn utc_day(t: OffsetDateTime) -> Date {
    t.to_offset(UtcOffset::UTC).date()
}

/// Counts `kind` for a credential of this server, named by its id or its URL
/// (`<base>/credentials/<id>`, with or without `.json`/`.png`/`.svg`). Returns whether it
/// was counted: anything else (another issuer's credential, an unknown id) is ignored.
///
/// `verify::verify_submitted_counted` and `verify::verify_credential_counted` already count
/// their verification; call this for events that do not go through them.
pub async fn record_event(ctx: &Ctx, credential_id_or_url: &str, kind: EventKind) -> Result<bool, Error> {
    let Some(id) = credential_id(&ctx.base_url, credential_id_or_url) else { return Ok(false) };
    let org = match ctx.store.get_credential(id).await {
        Ok(c) => c.org_id,
        Err(Error::NotFound { .. }) => return Ok(false),
        Err(e) => return Err(e),
    };
    ctx.store.record_event(org, utc_day(ctx.clock.now()), kind).await?;
    Ok(true)
}

/// Counts `kind` for one of `org`'s credentials; a failure is logged, never returned.
pub async fn note(ctx: &Ctx, org: OrgId, kind: EventKind) {
    if let Err(e) = ctx.store.record_event(org, utc_day(ctx.clock.now()), kind).await {
        tracing::warn!(org.id = %org, kind = kind.as_str(), error = %e, "could not count an event");
    }
}

/// Counts a verification of `doc` when it is one of this server's credentials; a failure is
/// logged, never returned.
pub async fn note_verification(ctx: &Ctx, doc: &Value) {
    let Some(id) = doc.get("id").and_then(Value::as_str) else { return };
    if let Err(e) = record_event(ctx, id, EventKind::Verified).await {
        tracing::warn!(error = %e, "could not count a verification");
    }
}

/// The credential id in an id or a URL of this server.
fn credential_id(base_url: &str, raw: &str) -> Option<CredentialId> {
    let raw = raw.trim().split(['#', '?']).next().unwrap_or_default();
    let prefix = format!("{}/credentials/", base_url.trim_end_matches('/'));
    let id = match raw.strip_prefix(&prefix) {
        Some(rest) => [".json", ".png", ".svg"].iter().find_map(|s| rest.strip_suffix(s)).unwrap_or(rest),
        None if raw.contains('/') || raw.contains(':') && !raw.starts_with("urn:uuid:") => return None,
        None => raw.strip_prefix("urn:uuid:").unwrap_or(raw),
    };
    id.parse().ok()
}

/// The dashboard of `org`: totals, the last 30 days and the last 26 weeks.
pub async fn dashboard(ctx: &Ctx, org: OrgId) -> Result<Dashboard, Error> {
    let today = utc_day(ctx.clock.now());
    let this_monday = today - Duration::days(i64::from(today.weekday().number_days_from_monday()));
    let first_monday = this_monday - Duration::weeks(WEEKS - 1);
    let first_day = today - Duration::days(DAYS - 1);
    let from = first_monday.min(first_day);
    let found = ctx.store.activity(org, from, today).await?;
    let totals = ctx.store.activity_totals(org).await?;
    let on = |day: Date| found.iter().find(|d| d.day == day).map(|d| d.counts).unwrap_or_default();
    let days = (0..DAYS)
        .map(|i| {
            let day = first_day + Duration::days(i);
            DayActivity { day, counts: on(day) }
        })
        .collect();
    let weeks = (0..WEEKS)
        .map(|w| {
            let monday = first_monday + Duration::weeks(w);
            let mut counts = Activity::default();
            for d in found.iter().filter(|d| d.day >= monday && d.day < monday + Duration::weeks(1)) {
                counts.add(&d.counts);
            }
            DayActivity { day: monday, counts }
        })
        .collect();
    Ok(Dashboard { totals, days, weeks })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_urls_of_this_server_name_a_credential() {
        let id = "0b5e1a3c-8d7f-4e2a-9c1b-3f4e5d6a7b8c";
        let base = "https://badges.example.edu";
        let parse = |raw: &str| credential_id(base, raw);
        let want: CredentialId = id.parse().unwrap();
        assert_eq!(parse(id), Some(want));
        assert_eq!(parse(&format!("urn:uuid:{id}")), Some(want));
        assert_eq!(parse(&format!("{base}/credentials/{id}")), Some(want));
        assert_eq!(parse(&format!("{base}/credentials/{id}.json")), Some(want));
        assert_eq!(parse(&format!("https://elsewhere.example/credentials/{id}")), None);
        assert_eq!(parse("not an id"), None);
    }
}
