//! Storage throughput for bulk issuance (ignored; run it in release):
//!
//! `cargo test --release -p cairn-store --test it bench -- --ignored --nocapture`
//!
//! 100,000 prebuilt credentials (unsigned, ~3 KB of realistic JSON each, an email delivery
//! each) stored in batches of 500, twice: with `insert_credentials`, and along the bulk
//! path (`allocate_status_indexes` + `lease_rows` + `complete_rows` per batch). Set
//! `CAIRN_TEST_DATABASE_URL` to measure PostgreSQL too.

use std::sync::Arc;
use std::time::{Duration as StdDuration, Instant};

use cairn_core::ids::{CredentialId, JobId};
use cairn_core::model::{
    Achievement, AwardInput, BulkJob, BulkRow, CredentialRecord, JobState, Recipient, StatusPurpose, StatusRef,
};
use cairn_core::store::Store;
use rand::seq::index::sample;
use serde_json::json;
use time::Duration;
use uuid::Uuid;

use crate::support::{achievement, credential, delivery, on_each_backend, org, status_list, user, T0};

const BATCH: u32 = 500;

/// Credentials per run: 100,000, or `CAIRN_BENCH_ROWS`.
fn total() -> u32 {
    std::env::var("CAIRN_BENCH_ROWS").ok().and_then(|n| n.parse().ok()).unwrap_or(100_000)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "benchmark: cargo test --release -p cairn-store --test it bench -- --ignored --nocapture"]
async fn bench_store_100k_credentials() {
    on_each_backend("bench_store_100k_credentials", |backend, store| async move {
        let org = org("bench", "Bench University");
        store.create_org(&org).await.unwrap();
        let badge = achievement(org.id, "Benchmarking");
        store.insert_achievement(&badge).await.unwrap();
        let alice = user("alice@example.org");
        store.create_user(&alice).await.unwrap();

        let took = insert_credentials(&store, &badge).await;
        report(backend, "insert_credentials", took);
        let took = bulk_path(&store, &badge, &alice).await;
        report(backend, "bulk path (allocate + lease + complete_rows)", took);
    })
    .await;
}

fn report(backend: &str, what: &str, took: StdDuration) {
    let rate = f64::from(total()) / took.as_secs_f64();
    eprintln!("BENCH {backend}: {what}: {} credentials in {:.2} s = {rate:.0} rows/s", total(), took.as_secs_f64());
}

/// Only the store calls are timed; building the batches is not.
async fn insert_credentials(store: &Arc<dyn Store>, badge: &Achievement) -> StdDuration {
    let list = status_list(badge.org_id, StatusPurpose::Revocation);
    store.insert_status_list(&list).await.unwrap();
    let mut took = StdDuration::ZERO;
    for b in 0..total() / BATCH {
        let batch: Vec<CredentialRecord> =
            (0..BATCH).map(|i| realistic(badge, StatusRef { list_id: list.id, index: b * BATCH + i }, None)).collect();
        let mails: Vec<_> = batch.iter().map(delivery).collect();
        let start = Instant::now();
        store.insert_credentials(&batch, &mails).await.unwrap();
        took += start.elapsed();
    }
    took
}

async fn bulk_path(store: &Arc<dyn Store>, badge: &Achievement, alice: &cairn_core::model::User) -> StdDuration {
    let list = status_list(badge.org_id, StatusPurpose::Revocation);
    store.insert_status_list(&list).await.unwrap();
    let job = BulkJob {
        id: JobId::new_random(),
        org_id: badge.org_id,
        achievement_id: badge.id,
        created_by: alice.id,
        state: JobState::Running,
        total: total(),
        issued: 0,
        failed: 0,
        created_at: T0,
    };
    let rows: Vec<BulkRow> = (1..=total()).map(|row| BulkRow { job_id: job.id, row, input: input(row) }).collect();
    let start = Instant::now();
    store.create_job(&job, &rows).await.unwrap();
    eprintln!("  create_job with {} rows: {:.2} s", total(), start.elapsed().as_secs_f64());
    let (mut lease, mut allocate, mut complete) = (StdDuration::ZERO, StdDuration::ZERO, StdDuration::ZERO);
    loop {
        let candidates: Vec<u32> =
            sample(&mut rand::thread_rng(), 131_072, BATCH as usize).into_iter().map(|i| i as u32).collect();
        let start = Instant::now();
        let leased = store.lease_rows(job.id, BATCH, T0 + Duration::minutes(2), T0).await.unwrap();
        lease += start.elapsed();
        if leased.is_empty() {
            break;
        }
        let start = Instant::now();
        let indexes = store.allocate_status_indexes(list.id, &candidates).await.unwrap();
        allocate += start.elapsed();
        let batch: Vec<CredentialRecord> = leased
            .iter()
            .zip(indexes.iter().cycle())
            .map(|(r, &index)| realistic(badge, StatusRef { list_id: list.id, index }, Some((job.id, r.row))))
            .collect();
        let mails: Vec<_> = batch.iter().map(delivery).collect();
        let start = Instant::now();
        store.complete_rows(job.id, &batch, &mails, &[]).await.unwrap();
        complete += start.elapsed();
    }
    let secs = |d: StdDuration| d.as_secs_f64();
    eprintln!(
        "  lease_rows {:.2} s, allocate_status_indexes {:.2} s, complete_rows {:.2} s",
        secs(lease),
        secs(allocate),
        secs(complete)
    );
    let done = store.finish_job_if_done(job.id).await.unwrap();
    assert_eq!((done.state, done.issued), (JobState::Done, total()));
    lease + allocate + complete
}

fn input(row: u32) -> AwardInput {
    AwardInput {
        recipient: Recipient::Email(format!("learner{row}@example.org")),
        name: Some(format!("Learner {row}")),
        issued_on: None,
        valid_until: None,
        evidence: Vec::new(),
        result: Some("pass".into()),
    }
}

/// A credential whose JSON has the shape and size (~3 KB) of a signed Cairn credential.
fn realistic(badge: &Achievement, revocation: StatusRef, job: Option<(JobId, u32)>) -> CredentialRecord {
    let mut c = credential(badge, revocation, "learner@example.org");
    c.job = job;
    c.json = credential_json(c.id, revocation);
    c
}

fn credential_json(id: CredentialId, status: StatusRef) -> String {
    let base = "https://badges.tudelft.example.org";
    let noise = |n: usize| -> String { (0..n).map(|_| char::from(b'a' + rand::random::<u8>() % 26)).collect() };
    json!({
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": format!("{base}/credentials/{id}"),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": "Bridge Design: structural analysis of truss bridges",
        "issuer": {"id": format!("{base}/issuers/tu-delft"), "type": ["Profile"], "name": "Delft University of Technology",
            "url": "https://www.tudelft.example.org", "email": "badges@tudelft.example.org",
            "address": {"type": ["Address"], "addressCountry": "Netherlands", "addressCountryCode": "NL", "addressLocality": "Delft"}},
        "validFrom": "2025-03-01T09:00:00Z",
        "validUntil": "2026-03-01T09:00:00Z",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [{"type": "IdentityObject", "identityHash": format!("sha256${}", noise(64)), "identityType": "emailAddress", "hashed": true, "salt": noise(22)}],
            "achievement": {
                "id": format!("{base}/achievements/{}", Uuid::new_v4()),
                "type": ["Achievement"], "name": "Bridge Design", "achievementType": "MicroCredential",
                "description": "The learner analysed statically determinate and indeterminate truss bridges, \
                    computed member forces by the method of joints and of sections, checked buckling of compression \
                    members against Eurocode 3, and presented a design report defended before a panel. ".repeat(3),
                "criteria": {"narrative": "Pass the written exam (60%) and the design project (40%) with at least 5.5 each; \
                    attend 80% of the studio sessions."},
                "alignment": [{"type": ["Alignment"], "targetName": "Structural engineering", "targetUrl": "http://data.europa.eu/esco/skill/0b1c0c0e",
                    "targetFramework": "ESCO", "targetType": "ext:ESCO"}],
                "creditsAvailable": 5.0, "version": "2", "tag": ["engineering", "bridges", "eurocode"]
            }
        },
        "credentialSchema": [{"id": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json", "type": "1EdTechJsonSchemaValidator2019"}],
        "credentialStatus": {"id": format!("{base}/status/{}#{}", status.list_id, status.index), "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation", "statusListIndex": status.index.to_string(), "statusListCredential": format!("{base}/status/{}", status.list_id)},
        "proof": {"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "created": "2025-03-01T09:00:00Z",
            "verificationMethod": format!("{base}/issuers/tu-delft#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"),
            "proofPurpose": "assertionMethod", "proofValue": format!("z{}", noise(87))}
    })
    .to_string()
}
