//! Several writers at once: status indexes and bulk rows are each handed out exactly once,
//! on SQLite (`BEGIN IMMEDIATE`) and PostgreSQL (row locks, `SKIP LOCKED`).

use std::sync::Arc;

use cairn_core::model::{AwardInput, BulkJob, BulkRow, JobState, Recipient, StatusPurpose};
use cairn_core::store::Store;
use time::Duration;

use crate::support::{on_each_backend, org, status_list, user, T0};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_allocations_never_hand_out_an_index_twice() {
    on_each_backend("concurrent_allocations_never_hand_out_an_index_twice", |_, store| async move {
        let org = org("concurrent", "Concurrent");
        store.create_org(&org).await.unwrap();
        let list = status_list(org.id, StatusPurpose::Revocation);
        store.insert_status_list(&list).await.unwrap();
        for round in 0..20u32 {
            let base = round * 1000;
            // Overlapping, and in opposite orders.
            let a: Vec<u32> = (base..base + 600).collect();
            let b: Vec<u32> = (base + 300..base + 900).rev().collect();
            let (s1, s2) = (store.clone(), store.clone());
            let ta = tokio::spawn(async move { s1.allocate_status_indexes(list.id, &a).await });
            let tb = tokio::spawn(async move { s2.allocate_status_indexes(list.id, &b).await });
            let (ra, rb) = (ta.await.unwrap().unwrap(), tb.await.unwrap().unwrap());
            assert_exactly_once(ra.into_iter().chain(rb).collect(), base..base + 900);
        }
        assert_eq!(store.get_status_list(list.id).await.unwrap().allocated, 20 * 900);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_leases_never_hand_out_a_row_twice() {
    on_each_backend("concurrent_leases_never_hand_out_a_row_twice", |_, store| async move {
        let org = org("leases", "Leases");
        store.create_org(&org).await.unwrap();
        let alice = user("alice@example.org");
        store.create_user(&alice).await.unwrap();
        let job = BulkJob {
            id: cairn_core::ids::JobId::new_random(),
            org_id: org.id,
            achievement_id: cairn_core::ids::AchievementId::new_random(),
            created_by: alice.id,
            state: JobState::Running,
            total: 2000,
            issued: 0,
            failed: 0,
            created_at: T0,
        };
        let input = |r: u32| AwardInput {
            recipient: Recipient::Email(format!("learner{r}@example.org")),
            name: None,
            issued_on: None,
            valid_until: None,
            evidence: Vec::new(),
            result: None,
        };
        let rows: Vec<BulkRow> = (1..=2000).map(|row| BulkRow { job_id: job.id, row, input: input(row) }).collect();
        store.create_job(&job, &rows).await.unwrap();

        let worker = |store: Arc<dyn Store>| async move {
            let mut mine = Vec::new();
            loop {
                let leased = store.lease_rows(job.id, 37, T0 + Duration::hours(1), T0).await.unwrap();
                if leased.is_empty() {
                    return mine;
                }
                mine.extend(leased.into_iter().map(|r| r.row));
            }
        };
        let (wa, wb) = (tokio::spawn(worker(store.clone())), tokio::spawn(worker(store.clone())));
        let (a, b) = (wa.await.unwrap(), wb.await.unwrap());
        assert_exactly_once(a.into_iter().chain(b).collect(), 1..2001);
    })
    .await;
}

/// Every number of `expected` was handed out, none twice.
fn assert_exactly_once(mut got: Vec<u32>, expected: std::ops::Range<u32>) {
    got.sort_unstable();
    let twice: Vec<u32> = got.windows(2).filter(|w| w[0] == w[1]).map(|w| w[0]).take(10).collect();
    assert!(twice.is_empty(), "handed out twice: {twice:?}…");
    assert_eq!(got, expected.collect::<Vec<_>>());
}
