//! The conformance story (STYLE.md habit 5): every `Store` method, in the order a Cairn
//! instance uses them, on SQLite always and on PostgreSQL when `CAIRN_TEST_DATABASE_URL` is set.

use std::sync::Arc;

use cairn_core::ids::{AchievementId, CredentialId, JobId, KeyId, OrgId, StatusListId, TokenId, UserId};
use cairn_core::model::{
    Achievement, ApiToken, AwardInput, BulkJob, BulkRow, CredentialRecord, DeliveryState, JobState, Membership,
    Organization, Recipient, Role, SigningKeyRecord, StatusListRecord, StatusPurpose, StatusRef, User,
};
use cairn_core::store::{CredentialQuery, StatusChange, Store};
use cairn_core::Error;
use cairn_vc::bitstring::Bitstring;
use time::Duration;

use crate::support::{achievement, credential, delivery, job_credential, on_each_backend, org, status_list, user, T0};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_story_runs_on_every_backend() {
    on_each_backend("the_story_runs_on_every_backend", |_, store| story(store)).await;
}

async fn story(store: Arc<dyn Store>) {
    let s = store.as_ref();
    let org = organisations_and_keys(s).await;
    let alice = people(s, &org).await;
    let badge = achievements(s, &org).await;
    let lists = status_lists(s, &org).await;
    let issued = credentials(s, &org, &alice, &badge, &lists).await;
    status_changes(s, &lists, &issued).await;
    bulk_jobs(s, &org, &alice, &badge, &lists).await;
    deliveries(s, &org).await;
}

fn is_conflict<T: std::fmt::Debug>(r: Result<T, Error>) -> bool {
    matches!(r, Err(Error::Conflict(_)))
}

fn is_not_found<T: std::fmt::Debug>(r: Result<T, Error>) -> bool {
    matches!(r, Err(Error::NotFound { .. }))
}

async fn organisations_and_keys(s: &dyn Store) -> Organization {
    let mut delft = org("tu-delft", "TU Delft");
    s.create_org(&delft).await.unwrap();
    assert_eq!(s.get_org(delft.id).await.unwrap(), delft);
    assert_eq!(s.get_org_by_slug("tu-delft").await.unwrap(), delft);
    assert!(is_conflict(s.create_org(&org("tu-delft", "Impostor")).await), "slugs are unique");
    let acme = org("acme", "ACME Academy");
    s.create_org(&acme).await.unwrap();
    let names: Vec<String> = s.list_orgs().await.unwrap().into_iter().map(|o| o.name).collect();
    assert_eq!(names, ["ACME Academy", "TU Delft"]);

    delft.name = "Delft University of Technology".into();
    delft.description = Some("Engineering, since 1842.".into());
    delft.address.country = Some("Netherlands".into());
    s.update_org(&delft).await.unwrap();
    assert_eq!(s.get_org(delft.id).await.unwrap(), delft);
    assert!(is_not_found(s.update_org(&org("ghost", "Ghost")).await));
    assert!(is_not_found(s.get_org(OrgId::new_random()).await));
    assert!(is_not_found(s.get_org_by_slug("ghost").await));

    let key = |n: u8, at| SigningKeyRecord {
        id: KeyId::new_random(),
        org_id: delft.id,
        public_key_multibase: format!("z6MkKey{n}"),
        sealed_seed: vec![n; 72],
        created_at: at,
        retired_at: None,
    };
    let (old, new) = (key(1, T0), key(2, T0 + Duration::hours(1)));
    s.insert_signing_key(&old).await.unwrap();
    s.insert_signing_key(&new).await.unwrap();
    let rotated_at = T0 + Duration::hours(1) + Duration::microseconds(123_456);
    s.retire_signing_keys(delft.id, new.id, rotated_at).await.unwrap();
    let keys = s.list_signing_keys(delft.id).await.unwrap();
    assert_eq!(keys.len(), 2, "oldest first, retired keys included");
    assert_eq!((keys[0].id, keys[0].retired_at, &keys[0].sealed_seed), (old.id, Some(rotated_at), &old.sealed_seed));
    assert_eq!((keys[1].id, keys[1].retired_at), (new.id, None));
    assert!(s.list_signing_keys(acme.id).await.unwrap().is_empty());
    delft
}

async fn people(s: &dyn Store, org: &Organization) -> User {
    assert_eq!(s.count_users().await.unwrap(), 0);
    let alice = user("alice@example.org");
    s.create_user(&alice).await.unwrap();
    assert_eq!(s.count_users().await.unwrap(), 1);
    assert_eq!(s.get_user(alice.id).await.unwrap(), alice);
    assert_eq!(s.get_user_by_email("Alice@Example.org").await.unwrap(), alice);
    assert!(is_conflict(s.create_user(&user("alice@example.org")).await), "emails are unique");
    assert!(is_not_found(s.get_user(UserId::new_random()).await));
    assert!(is_not_found(s.get_user_by_email("nobody@example.org").await));

    let member = |role| Membership { user_id: alice.id, org_id: org.id, role };
    s.set_membership(&member(Role::Issuer)).await.unwrap();
    assert_eq!(s.get_membership(alice.id, org.id).await.unwrap(), Some(member(Role::Issuer)));
    s.set_membership(&member(Role::Owner)).await.unwrap();
    assert_eq!(s.list_memberships(alice.id).await.unwrap(), [member(Role::Owner)]);
    assert_eq!(s.list_org_members(org.id).await.unwrap(), [(alice.clone(), Role::Owner)]);
    assert!(s.list_org_members(OrgId::new_random()).await.unwrap().is_empty());
    assert_eq!(s.get_membership(alice.id, OrgId::new_random()).await.unwrap(), None);
    let stranger = Membership { user_id: UserId::new_random(), org_id: org.id, role: Role::Viewer };
    assert!(is_not_found(s.set_membership(&stranger).await), "memberships need a user");

    let token = ApiToken {
        id: TokenId::new_random(),
        org_id: org.id,
        user_id: alice.id,
        name: "CI".into(),
        token_hash: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08".into(),
        role: Role::Issuer,
        created_at: T0,
        revoked: false,
    };
    s.insert_token(&token).await.unwrap();
    assert_eq!(s.get_token_by_hash(&token.token_hash).await.unwrap(), token);
    s.revoke_token(token.id).await.unwrap();
    assert!(s.get_token_by_hash(&token.token_hash).await.unwrap().revoked);
    assert!(is_not_found(s.revoke_token(TokenId::new_random()).await));
    assert!(is_not_found(s.get_token_by_hash("unknown").await));

    assert_eq!(s.get_setting("setup_token_hash").await.unwrap(), None);
    s.put_setting("setup_token_hash", "first").await.unwrap();
    s.put_setting("setup_token_hash", "second").await.unwrap();
    assert_eq!(s.get_setting("setup_token_hash").await.unwrap().as_deref(), Some("second"));
    assert_eq!(s.take_setting("setup_token_hash").await.unwrap().as_deref(), Some("second"));
    assert_eq!(s.take_setting("setup_token_hash").await.unwrap(), None, "a one-time token is taken once");
    assert_eq!(s.get_setting("setup_token_hash").await.unwrap(), None);
    alice
}

async fn achievements(s: &dyn Store, org: &Organization) -> Achievement {
    let v1 = achievement(org.id, "Bridge Design");
    s.insert_achievement(&v1).await.unwrap();
    assert!(is_conflict(s.insert_achievement(&v1).await), "a version is written once");
    let mut v2 = Achievement { version: 2, created_at: T0 + Duration::days(1), ..v1.clone() };
    v2.definition.name = "Bridge Design II".into();
    v2.definition.eu.eqf_level = Some(7);
    s.insert_achievement(&v2).await.unwrap();
    let other = achievement(org.id, "Arch Analysis");
    s.insert_achievement(&other).await.unwrap();

    assert_eq!(s.get_achievement(v1.id, None).await.unwrap(), v2, "the latest version");
    assert_eq!(s.get_achievement(v1.id, Some(1)).await.unwrap(), v1, "definitions round-trip");
    assert!(is_not_found(s.get_achievement(v1.id, Some(3)).await));
    assert!(is_not_found(s.get_achievement(AchievementId::new_random(), None).await));
    assert_eq!(s.list_achievements(org.id).await.unwrap(), [other, v2.clone()], "latest of each, by name");
    assert_eq!(s.count_awards(v1.id, 2).await.unwrap(), 0);
    v2
}

struct Lists {
    revocation: StatusListRecord,
    suspension: StatusListRecord,
}

async fn status_lists(s: &dyn Store, org: &Organization) -> Lists {
    assert_eq!(s.current_status_list(org.id, StatusPurpose::Revocation).await.unwrap(), None);
    let first = status_list(org.id, StatusPurpose::Revocation);
    s.insert_status_list(&first).await.unwrap();
    let suspension = status_list(org.id, StatusPurpose::Suspension);
    s.insert_status_list(&suspension).await.unwrap();
    assert_eq!(s.current_status_list(org.id, StatusPurpose::Revocation).await.unwrap().as_ref(), Some(&first));
    assert_eq!(s.get_status_list(first.id).await.unwrap(), first);
    assert!(is_not_found(s.get_status_list(StatusListId::new_random()).await));

    assert_eq!(s.allocate_status_indexes(first.id, &[500, 9, 500, 77]).await.unwrap(), [500, 9, 77]);
    assert_eq!(s.allocate_status_indexes(first.id, &[9, 10]).await.unwrap(), [10], "a taken index is not returned");
    assert_eq!(s.allocate_status_indexes(first.id, &[9, 77]).await.unwrap(), Vec::<u32>::new());
    assert_eq!(s.get_status_list(first.id).await.unwrap().allocated, 4);
    assert_eq!(s.allocate_status_indexes(suspension.id, &[9, 500]).await.unwrap(), [9, 500], "indexes are per list");
    assert!(is_not_found(s.allocate_status_indexes(StatusListId::new_random(), &[1]).await));

    // Opening a new list (the old one filled up) makes it the current one.
    let second = status_list(org.id, StatusPurpose::Revocation);
    s.insert_status_list(&second).await.unwrap();
    assert_eq!(s.current_status_list(org.id, StatusPurpose::Revocation).await.unwrap(), Some(second));
    assert_eq!(
        s.current_status_list(org.id, StatusPurpose::Suspension).await.unwrap().map(|l| l.id),
        Some(suspension.id)
    );
    Lists { revocation: first, suspension }
}

struct Issued {
    with_suspension: CredentialRecord,
    to_did: CredentialRecord,
}

async fn credentials(s: &dyn Store, org: &Organization, alice: &User, badge: &Achievement, lists: &Lists) -> Issued {
    let rev = |index| StatusRef { list_id: lists.revocation.id, index };
    let first = CredentialRecord {
        suspension: Some(StatusRef { list_id: lists.suspension.id, index: 9 }),
        idempotency_key: Some("request-1".into()),
        issued_at: T0 + Duration::microseconds(654_321),
        ..credential(badge, rev(500), "bob@example.org")
    };
    let to_did = CredentialRecord {
        recipient_email: None,
        recipient_did: Some("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK".into()),
        claim_token_hash: None,
        valid_until: None,
        ..credential(badge, rev(9), "")
    };
    s.insert_credentials(&[first.clone(), to_did.clone()], &[delivery(&first)]).await.unwrap();
    assert_eq!(s.get_credential(first.id).await.unwrap(), first);
    assert_eq!(s.get_credential(to_did.id).await.unwrap(), to_did);
    assert!(is_not_found(s.get_credential(CredentialId::new_random()).await));

    // Idempotency keys are unique per organisation, and a batch is all or nothing.
    let retry =
        CredentialRecord { idempotency_key: Some("request-1".into()), ..credential(badge, rev(77), "x@example.org") };
    let innocent = credential(badge, rev(10), "y@example.org");
    assert!(is_conflict(s.insert_credentials(&[innocent.clone(), retry], &[delivery(&innocent)]).await));
    assert!(is_not_found(s.get_credential(innocent.id).await), "nothing of a failed batch is stored");
    assert_eq!(s.get_credential_by_idempotency_key(org.id, "request-1").await.unwrap(), Some(first.clone()));
    assert_eq!(s.get_credential_by_idempotency_key(OrgId::new_random(), "request-1").await.unwrap(), None);

    // A bulk row issues one credential.
    let job = BulkJob { total: 1, ..job(org, alice, badge) };
    s.create_job(&job, &[row(job.id, 1, "row1@example.org")]).await.unwrap();
    let from_job = job_credential(badge, rev(10), job.id, 1);
    s.insert_credentials(std::slice::from_ref(&from_job), &[]).await.unwrap();
    let again = job_credential(badge, rev(77), job.id, 1);
    assert!(is_conflict(s.insert_credentials(&[again], &[]).await), "one credential per job row");

    claims(s, &first).await;
    listings(s, org, badge, &first, &to_did, &from_job).await;
    assert_eq!(s.count_awards(badge.id, badge.version).await.unwrap(), 3);
    Issued { with_suspension: first, to_did }
}

async fn claims(s: &dyn Store, first: &CredentialRecord) {
    let hash = first.claim_token_hash.as_deref().unwrap();
    assert_eq!(s.get_credential_by_claim_token(hash).await.unwrap().id, first.id);
    assert!(is_not_found(s.get_credential_by_claim_token("no-such-token").await));
    let at = T0 + Duration::hours(3);
    s.mark_claimed(first.id, at).await.unwrap();
    assert_eq!(s.get_credential(first.id).await.unwrap().claimed_at, Some(at));
    assert!(is_not_found(s.mark_claimed(CredentialId::new_random(), at).await));
}

async fn listings(
    s: &dyn Store,
    org: &Organization,
    badge: &Achievement,
    first: &CredentialRecord,
    to_did: &CredentialRecord,
    from_job: &CredentialRecord,
) {
    let ids = |q: CredentialQuery| async move {
        s.list_credentials(org.id, &q).await.unwrap().into_iter().map(|c| c.id).collect::<Vec<_>>()
    };
    let all = CredentialQuery { limit: 50, ..CredentialQuery::default() };
    assert_eq!(ids(all.clone()).await, [from_job.id, to_did.id, first.id], "newest first");
    assert_eq!(ids(CredentialQuery { limit: 1, offset: 1, ..all.clone() }).await, [to_did.id]);
    assert_eq!(ids(CredentialQuery { before: Some(from_job.id), ..all.clone() }).await, [to_did.id, first.id]);
    assert_eq!(ids(CredentialQuery { limit: 1, before: Some(to_did.id), ..all.clone() }).await, [first.id]);
    assert!(
        ids(CredentialQuery { before: Some(first.id), ..all.clone() }).await.is_empty(),
        "nothing before the first"
    );
    assert!(ids(CredentialQuery { before: Some(CredentialId::new_random()), ..all.clone() }).await.is_empty());
    assert_eq!(ids(CredentialQuery { job_id: Some(from_job.job.unwrap().0), ..all.clone() }).await, [from_job.id]);
    assert_eq!(ids(CredentialQuery { recipient: Some("BOB@example".into()), ..all.clone() }).await, [first.id]);
    assert_eq!(ids(CredentialQuery { recipient: Some("z6Mkha".into()), ..all.clone() }).await, [to_did.id]);
    assert!(
        ids(CredentialQuery { recipient: Some("%".into()), ..all.clone() }).await.is_empty(),
        "LIKE wildcards are escaped"
    );
    assert_eq!(
        ids(CredentialQuery { achievement_id: Some(badge.id), revoked: Some(false), ..all.clone() }).await.len(),
        3
    );
    assert!(ids(CredentialQuery { achievement_id: Some(AchievementId::new_random()), ..all.clone() }).await.is_empty());
    assert!(s.list_credentials(OrgId::new_random(), &all).await.unwrap().is_empty());
}

async fn status_changes(s: &dyn Store, lists: &Lists, issued: &Issued) {
    let change = |id, purpose, set| StatusChange {
        credential_id: id,
        purpose,
        set,
        reason: set.then(|| "plagiarism".to_string()),
        at: T0 + Duration::days(2),
    };
    let signed =
        |l: &StatusListRecord| -> Result<String, Error> { Ok(format!("signed v{} {}", l.version, l.bits.len())) };
    let bit = |l: &StatusListRecord, i: u32| Bitstring::from_bytes(l.bits.clone()).get(i as usize).unwrap();

    // Revoking sets the bit and stores the re-signed list with it.
    let first = &issued.with_suspension;
    let list = s.change_status(&change(first.id, StatusPurpose::Revocation, true), &signed).await.unwrap();
    assert_eq!((list.id, list.version, list.signed_json.as_str()), (lists.revocation.id, 2, "signed v2 16384"));
    assert!(bit(&list, 500) && !bit(&list, 9));
    assert_eq!(list.bits.iter().map(|b| b.count_ones()).sum::<u32>(), 1);
    assert_eq!(s.get_status_list(list.id).await.unwrap(), list);
    let revoked = s.get_credential(first.id).await.unwrap();
    assert_eq!(
        (revoked.revoked_at, revoked.revocation_reason.as_deref()),
        (Some(T0 + Duration::days(2)), Some("plagiarism"))
    );

    // A failing signature leaves nothing half-written.
    let failing = |_: &StatusListRecord| -> Result<String, Error> { Err(Error::Internal("signer unavailable".into())) };
    let e = s.change_status(&change(issued.to_did.id, StatusPurpose::Revocation, true), &failing).await.unwrap_err();
    assert!(matches!(e, Error::Internal(m) if m == "signer unavailable"));
    assert_eq!(s.get_status_list(list.id).await.unwrap(), list, "bits, version and signature unchanged");
    assert_eq!(s.get_credential(issued.to_did.id).await.unwrap().revoked_at, None);

    // Suspension is reversible, on its own list.
    let suspended = s.change_status(&change(first.id, StatusPurpose::Suspension, true), &signed).await.unwrap();
    assert_eq!((suspended.id, suspended.version), (lists.suspension.id, 2));
    assert!(bit(&suspended, 9) && s.get_credential(first.id).await.unwrap().suspended);
    let reinstated = s.change_status(&change(first.id, StatusPurpose::Suspension, false), &signed).await.unwrap();
    assert!(!bit(&reinstated, 9) && !s.get_credential(first.id).await.unwrap().suspended);
    assert_eq!(reinstated.version, 3);

    assert!(is_conflict(s.change_status(&change(issued.to_did.id, StatusPurpose::Suspension, true), &signed).await));
    assert!(is_not_found(
        s.change_status(&change(CredentialId::new_random(), StatusPurpose::Revocation, true), &signed).await
    ));
    let org = first.org_id;
    let revoked_only = CredentialQuery { revoked: Some(true), limit: 10, ..CredentialQuery::default() };
    let ids: Vec<_> = s.list_credentials(org, &revoked_only).await.unwrap().into_iter().map(|c| c.id).collect();
    assert_eq!(ids, [first.id]);
}

fn job(org: &Organization, alice: &User, badge: &Achievement) -> BulkJob {
    BulkJob {
        id: JobId::new_random(),
        org_id: org.id,
        achievement_id: badge.id,
        created_by: alice.id,
        state: JobState::Running,
        total: 0,
        issued: 0,
        failed: 0,
        created_at: T0,
    }
}

fn row(job: JobId, row: u32, email: &str) -> BulkRow {
    let input = AwardInput {
        recipient: Recipient::Email(email.into()),
        name: Some(format!("Learner {row}")),
        issued_on: Some(T0),
        valid_until: None,
        evidence: Vec::new(),
        result: Some("A".into()),
    };
    BulkRow { job_id: job, row, input }
}

async fn bulk_jobs(s: &dyn Store, org: &Organization, alice: &User, badge: &Achievement, lists: &Lists) {
    let job = BulkJob { total: 5, ..job(org, alice, badge) };
    let rows: Vec<BulkRow> = (1..=5).map(|r| row(job.id, r, &format!("learner{r}@example.org"))).collect();
    let miscounted = BulkJob { total: 4, ..job.clone() };
    assert!(matches!(s.create_job(&miscounted, &rows).await, Err(Error::Invalid { .. })), "total counts the rows");
    s.create_job(&job, &rows).await.unwrap();
    assert_eq!(s.get_job(job.id).await.unwrap(), job);
    assert!(is_not_found(s.get_job(JobId::new_random()).await));
    let running: Vec<JobId> = s.running_jobs().await.unwrap().into_iter().map(|j| j.id).collect();
    assert!(running.contains(&job.id) && running.len() == 2, "this job and the one-row job");

    // Leases: taken rows stay taken until their lease runs out.
    let (soon, later) = (T0 + Duration::minutes(2), T0 + Duration::minutes(3));
    assert_eq!(s.lease_rows(job.id, 3, soon, T0).await.unwrap(), rows[..3]);
    assert_eq!(s.lease_rows(job.id, 10, later, T0 + Duration::minutes(1)).await.unwrap(), rows[3..]);
    assert!(s.lease_rows(job.id, 10, later, T0 + Duration::minutes(1)).await.unwrap().is_empty());
    let retaken = s.lease_rows(job.id, 10, T0 + Duration::minutes(10), soon).await.unwrap();
    assert_eq!(retaken, rows[..3], "a crashed worker's rows come back when the lease expires");

    // Completion is exactly once: a repeated completion changes nothing.
    let rev = |i| StatusRef { list_id: lists.revocation.id, index: 1000 + i };
    let done: Vec<CredentialRecord> = (1..=3).map(|r| job_credential(badge, rev(r), job.id, r)).collect();
    let mails: Vec<_> = done.iter().map(delivery).collect();
    let failed = [(4, "valid_until: must be after the issue date".to_string())];
    s.complete_rows(job.id, &done, &mails, &failed).await.unwrap();
    let counts = |j: BulkJob| (j.state, j.issued, j.failed);
    assert_eq!(counts(s.get_job(job.id).await.unwrap()), (JobState::Running, 3, 1));
    let twice: Vec<CredentialRecord> = (1..=3).map(|r| job_credential(badge, rev(10 + r), job.id, r)).collect();
    let twice_mails: Vec<_> = twice.iter().map(delivery).collect();
    s.complete_rows(job.id, &twice, &twice_mails, &failed).await.unwrap();
    assert_eq!(counts(s.get_job(job.id).await.unwrap()), (JobState::Running, 3, 1));
    let of_job = CredentialQuery { job_id: Some(job.id), limit: 10, ..CredentialQuery::default() };
    let mut stored: Vec<_> = s.list_credentials(org.id, &of_job).await.unwrap().into_iter().map(|c| c.id).collect();
    stored.sort();
    let mut first_ids: Vec<_> = done.iter().map(|c| c.id).collect();
    first_ids.sort();
    assert_eq!(stored, first_ids, "the first completion's credentials, no others");
    assert!(is_not_found(s.get_credential(twice[0].id).await));
    assert!(matches!(
        s.complete_rows(job.id, &[job_credential(badge, rev(20), JobId::new_random(), 5)], &[], &[]).await,
        Err(Error::Invalid { .. })
    ));

    assert_eq!(s.finish_job_if_done(job.id).await.unwrap().state, JobState::Running, "row 5 is still pending");
    let last = job_credential(badge, rev(5), job.id, 5);
    s.complete_rows(job.id, &[last], &[], &[]).await.unwrap();
    assert_eq!(counts(s.finish_job_if_done(job.id).await.unwrap()), (JobState::Done, 4, 1));
    assert_eq!(s.job_failures(job.id).await.unwrap(), failed);
    assert!(s.lease_rows(job.id, 10, later, later).await.unwrap().is_empty());

    // The one-row job's credential was stored before its row was completed (a crash
    // between the two): completing the re-leased row issues nothing new.
    let crashed = s.running_jobs().await.unwrap().pop().unwrap();
    let leased = s.lease_rows(crashed.id, 10, later, T0).await.unwrap();
    assert_eq!(leased.iter().map(|r| r.row).collect::<Vec<_>>(), [1]);
    let before =
        s.list_credentials(org.id, &CredentialQuery { job_id: Some(crashed.id), ..of_job.clone() }).await.unwrap();
    s.complete_rows(crashed.id, &[job_credential(badge, rev(30), crashed.id, 1)], &[], &[]).await.unwrap();
    let after = s.list_credentials(org.id, &CredentialQuery { job_id: Some(crashed.id), ..of_job }).await.unwrap();
    assert_eq!((before.len(), after), (1, before));
    assert_eq!(counts(s.finish_job_if_done(crashed.id).await.unwrap()), (JobState::Done, 1, 0));
    assert!(s.running_jobs().await.unwrap().is_empty());
}

async fn deliveries(s: &dyn Store, org: &Organization) {
    // Queued: the first credential's email and the three of the bulk job's first completion.
    let listed = s.list_deliveries(org.id, 10).await.unwrap();
    assert_eq!(listed.len(), 4);
    assert_eq!(listed.last().unwrap().to_email, "bob@example.org", "newest first");
    assert_eq!(s.list_deliveries(org.id, 2).await.unwrap(), listed[..2]);

    let lease_until = T0 + Duration::minutes(5);
    let leased = s.lease_due_deliveries(T0, lease_until, 3).await.unwrap();
    assert_eq!(leased.len(), 3);
    assert!(leased.iter().all(|d| d.next_attempt_at == lease_until && d.state == DeliveryState::Pending));
    assert_eq!(leased[0].to_email, "bob@example.org", "oldest first");
    assert_eq!(s.lease_due_deliveries(T0, lease_until, 10).await.unwrap().len(), 1, "leased ones are not due");
    assert!(s.lease_due_deliveries(T0, lease_until, 10).await.unwrap().is_empty());

    let mut sent = leased[0].clone();
    sent.state = DeliveryState::Sent;
    sent.attempts = 1;
    s.update_delivery(&sent).await.unwrap();
    let mut retry = leased[1].clone();
    retry.attempts = 1;
    retry.next_attempt_at = T0 + Duration::minutes(1);
    retry.last_error = Some("421 try again later".into());
    s.update_delivery(&retry).await.unwrap();
    let due = s.lease_due_deliveries(T0 + Duration::minutes(2), T0 + Duration::minutes(7), 10).await.unwrap();
    assert_eq!(due.len(), 1, "only the retry is due before the leases end");
    assert_eq!((due[0].id, due[0].attempts, due[0].last_error.as_deref()), (retry.id, 1, Some("421 try again later")));
    let after_leases = s.lease_due_deliveries(T0 + Duration::minutes(8), T0 + Duration::minutes(20), 10).await.unwrap();
    assert_eq!(after_leases.len(), 3, "everything but the sent one");
    assert!(!after_leases.iter().any(|d| d.id == sent.id));
    let stored = s.list_deliveries(org.id, 10).await.unwrap();
    assert!(stored.contains(&sent));

    sent.id = cairn_core::ids::DeliveryId::new_random();
    assert!(is_not_found(s.update_delivery(&sent).await));
}
