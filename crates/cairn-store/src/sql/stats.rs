//! The dashboard's numbers: per-day counters of page views and verifications (upserted),
//! and issued/claimed counts read from `credentials` by day.

use std::collections::BTreeMap;

use cairn_core::ids::OrgId;
use cairn_core::model::{Activity, DayActivity, EventKind};
use cairn_core::Error;
use time::{Date, Time};

use super::{corrupt, to_u64};
use crate::backend::{Backend, Exec, Q};

/// Julian day number of 1970-01-01.
const EPOCH_JULIAN_DAY: i64 = 2_440_588;

fn day_number(d: Date) -> i64 {
    i64::from(d.to_julian_day()) - EPOCH_JULIAN_DAY
}

fn date_of(n: i64) -> Result<Date, Error> {
    i32::try_from(n + EPOCH_JULIAN_DAY).ok().and_then(|j| Date::from_julian_day(j).ok()).ok_or_else(|| corrupt("day"))
}

pub(crate) async fn record_event<B: Backend>(db: &B, org: OrgId, day: Date, kind: EventKind) -> Result<(), Error> {
    let q = Q::new(
        "INSERT INTO credential_daily_stats (org_id, day, kind, count) VALUES ($1, $2, $3, 1) \
         ON CONFLICT (org_id, day, kind) DO UPDATE SET count = credential_daily_stats.count + 1",
    )
    .bind(org.0)
    .bind(day_number(day))
    .bind(kind.as_str());
    db.auto().execute(q).await.map(drop)
}

pub(crate) async fn activity<B: Backend>(db: &B, org: OrgId, from: Date, to: Date) -> Result<Vec<DayActivity>, Error> {
    let mut days: BTreeMap<i64, Activity> = BTreeMap::new();
    let (start, end) = (
        from.with_time(Time::MIDNIGHT).assume_utc(),
        to.next_day().unwrap_or(to).with_time(Time::MIDNIGHT).assume_utc(),
    );
    for column in ["issued_at", "claimed_at"] {
        let sql = format!(
            "SELECT {day} AS day, COUNT(*) AS n FROM credentials \
             WHERE org_id = $1 AND {column} >= $2 AND {column} < $3 GROUP BY {day}",
            day = B::epoch_day(column)
        );
        let rows: Vec<(i64, i64)> = db.auto().fetch_all(Q::new(sql).bind(org.0).bind(start).bind(end)).await?;
        for (day, n) in rows {
            let counts = days.entry(day).or_default();
            if column == "issued_at" {
                counts.issued = to_u64(n)?;
            } else {
                counts.claimed = to_u64(n)?;
            }
        }
    }
    let q = Q::new("SELECT day, kind, count FROM credential_daily_stats WHERE org_id = $1 AND day >= $2 AND day <= $3")
        .bind(org.0)
        .bind(day_number(from))
        .bind(day_number(to));
    let rows: Vec<(i64, String, i64)> = db.auto().fetch_all(q).await?;
    for (day, kind, n) in rows {
        add(days.entry(day).or_default(), &kind, n)?;
    }
    days.into_iter().map(|(day, counts)| Ok(DayActivity { day: date_of(day)?, counts })).collect()
}

fn add(counts: &mut Activity, kind: &str, n: i64) -> Result<(), Error> {
    match EventKind::parse(kind) {
        Some(EventKind::Viewed) => counts.viewed += to_u64(n)?,
        Some(EventKind::Verified) => counts.verified += to_u64(n)?,
        None => return Err(corrupt("event kind")),
    }
    Ok(())
}

pub(crate) async fn activity_totals<B: Backend>(db: &B, org: OrgId) -> Result<Activity, Error> {
    // Two counts, each answered from an index (`credentials_org`, `credentials_org_claimed`)
    // without reading the credentials themselves.
    let count = |sql: &'static str| Q::new(sql).bind(org.0);
    let (issued,): (i64,) = db
        .auto()
        .fetch_optional(count("SELECT COUNT(*) FROM credentials WHERE org_id = $1"))
        .await?
        .unwrap_or_default();
    let claimed_sql = "SELECT COUNT(*) FROM credentials WHERE org_id = $1 AND claimed_at IS NOT NULL";
    let (claimed,): (i64,) = db.auto().fetch_optional(count(claimed_sql)).await?.unwrap_or_default();
    let mut totals = Activity { issued: to_u64(issued)?, claimed: to_u64(claimed)?, ..Activity::default() };
    let q =
        Q::new("SELECT kind, CAST(SUM(count) AS BIGINT) FROM credential_daily_stats WHERE org_id = $1 GROUP BY kind")
            .bind(org.0);
    let rows: Vec<(String, i64)> = db.auto().fetch_all(q).await?;
    for (kind, n) in rows {
        add(&mut totals, &kind, n)?;
    }
    Ok(totals)
}
