//! The dashboard's numbers on both databases: issued and claimed per day from the
//! credentials, page views and verifications from per-day counters (upserted), totals, one
//! organisation never seeing another's; and the list filter on suspension.

use cairn_core::ids::StatusListId;
use cairn_core::model::{Activity, EventKind, StatusRef};
use cairn_core::store::CredentialQuery;
use time::{Duration, Time};

use crate::support::{achievement, credential, on_each_backend, org, user, T0};

#[tokio::test]
async fn activity_is_counted_per_day_and_organisation() {
    on_each_backend("stats", |_backend, s| async move {
        let alice = user("alice@example.org");
        s.create_user(&alice).await.unwrap();
        let (tu, other) = (org("tu", "TU"), org("other", "Other"));
        s.create_org(&tu).await.unwrap();
        s.create_org(&other).await.unwrap();
        let badge = achievement(tu.id, "Bridges");
        let elsewhere = achievement(other.id, "Roads");
        let status = |i| StatusRef { list_id: StatusListId::new_random(), index: i };
        let day0 = T0.date();
        let late = day0.with_time(Time::from_hms(23, 59, 59).unwrap()).assume_utc();

        let mut a = credential(&badge, status(1), "a@example.org");
        a.issued_at = late - Duration::days(2);
        let mut b = credential(&badge, status(2), "b@example.org");
        b.issued_at = late;
        b.claimed_at = Some(T0 + Duration::days(1));
        let mut c = credential(&badge, status(3), "c@example.org");
        c.issued_at = T0 - Duration::days(40);
        c.suspended = true;
        let d = credential(&elsewhere, status(4), "d@example.org");
        s.insert_credentials(&[a.clone(), b.clone(), c.clone(), d], &[]).await.unwrap();

        s.record_event(tu.id, day0, EventKind::Viewed).await.unwrap();
        s.record_event(tu.id, day0, EventKind::Viewed).await.unwrap();
        s.record_event(tu.id, day0, EventKind::Verified).await.unwrap();
        s.record_event(tu.id, day0 - Duration::days(2), EventKind::Verified).await.unwrap();
        s.record_event(other.id, day0, EventKind::Viewed).await.unwrap();

        let found = s.activity(tu.id, day0 - Duration::days(29), day0 + Duration::days(1)).await.unwrap();
        let days: Vec<_> = found.iter().map(|d| (d.day, d.counts)).collect();
        assert_eq!(
            days,
            [
                (day0 - Duration::days(2), Activity { issued: 1, claimed: 0, viewed: 0, verified: 1 }),
                (day0, Activity { issued: 1, claimed: 0, viewed: 2, verified: 1 }),
                (day0 + Duration::days(1), Activity { issued: 0, claimed: 1, viewed: 0, verified: 0 }),
            ],
            "the 23:59:59 issue counts on its own day; the credential from 40 days ago is outside"
        );
        assert!(s.activity(tu.id, day0 + Duration::days(2), day0 + Duration::days(9)).await.unwrap().is_empty());
        assert_eq!(s.activity_totals(tu.id).await.unwrap(), Activity { issued: 3, claimed: 1, viewed: 2, verified: 2 });
        assert_eq!(
            s.activity_totals(other.id).await.unwrap(),
            Activity { issued: 1, claimed: 0, viewed: 1, verified: 0 }
        );

        let q = CredentialQuery { limit: 10, ..CredentialQuery::default() };
        let ids = |q: CredentialQuery| {
            let s = s.clone();
            async move { s.list_credentials(tu.id, &q).await.unwrap().into_iter().map(|c| c.id).collect::<Vec<_>>() }
        };
        assert_eq!(ids(CredentialQuery { suspended: Some(true), ..q.clone() }).await, [c.id]);
        assert_eq!(ids(CredentialQuery { suspended: Some(false), ..q }).await, [b.id, a.id]);
    })
    .await;
}

/// The dashboard's cost (ignored; run it in release):
/// `cargo test --release -p cairn-store --test it bench_dashboard -- --ignored --nocapture`.
/// 100,000 credentials over 26 weeks (a fifth claimed), then 2,000 counted events one by one,
/// then the dashboard's reads (182 days, and the totals).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "benchmark: cargo test --release -p cairn-store --test it bench_dashboard -- --ignored --nocapture"]
async fn bench_dashboard() {
    on_each_backend("bench_dashboard", |backend, s| async move {
        let tu = org("tu", "TU");
        s.create_org(&tu).await.unwrap();
        let badge = achievement(tu.id, "Bridges");
        let list = StatusListId::new_random();
        for chunk in 0..200u32 {
            let batch: Vec<_> = (0..500u32)
                .map(|i| {
                    let n = chunk * 500 + i;
                    let mut c = credential(&badge, StatusRef { list_id: list, index: n }, "x@example.org");
                    c.issued_at = T0 - Duration::minutes(i64::from(n) * 2);
                    c.claimed_at = (n % 5 == 0).then(|| c.issued_at + Duration::days(1));
                    c
                })
                .collect();
            s.insert_credentials(&batch, &[]).await.unwrap();
        }
        let started = std::time::Instant::now();
        for i in 0..2000 {
            let kind = if i % 2 == 0 { EventKind::Viewed } else { EventKind::Verified };
            s.record_event(tu.id, T0.date() - Duration::days(i % 30), kind).await.unwrap();
        }
        let per_event = started.elapsed().as_secs_f64() * 1e6 / 2000.0;
        let started = std::time::Instant::now();
        let days = s.activity(tu.id, T0.date() - Duration::days(181), T0.date()).await.unwrap();
        let activity_ms = started.elapsed().as_secs_f64() * 1e3;
        let started = std::time::Instant::now();
        let totals = s.activity_totals(tu.id).await.unwrap();
        let totals_ms = started.elapsed().as_secs_f64() * 1e3;
        assert_eq!((totals.issued, totals.claimed, totals.viewed + totals.verified), (100_000, 20_000, 2000));
        eprintln!(
            "BENCH {backend}: record_event {per_event:.0} µs each; activity (182 days, {} days found) {activity_ms:.1} ms; totals {totals_ms:.1} ms",
            days.len()
        );
    })
    .await;
}
