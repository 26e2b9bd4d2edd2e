//! Fresh databases for tests: a temp-file SQLite always; PostgreSQL when
//! `CAIRN_TEST_DATABASE_URL` is set, each test in its own schema, dropped afterwards.

use std::future::Future;
use std::io::Write;
use std::str::FromStr;
use std::sync::Arc;

use cairn_core::ids::{AchievementId, CredentialId, DeliveryId, JobId, OrgId, StatusListId, UserId};
use cairn_core::model::{
    Achievement, AchievementDefinition, Address, BadgeKind, CredentialRecord, Delivery, DeliveryState, EuFields,
    Organization, Slug, StatusListRecord, StatusPurpose, StatusRef, User,
};
use cairn_core::store::Store;
use cairn_store::{PgStore, SqliteStore};
use sqlx::postgres::PgConnectOptions;
use sqlx::Connection;
use time::macros::datetime;
use time::OffsetDateTime;

/// The story's "now".
pub const T0: OffsetDateTime = datetime!(2025-03-01 09:00 UTC);

/// Runs `test` on a fresh SQLite database, then on a fresh PostgreSQL schema when
/// `CAIRN_TEST_DATABASE_URL` is set (loudly skipped otherwise). A failure still drops the schema.
pub async fn on_each_backend<F, Fut>(test_name: &str, test: F)
where
    F: Fn(&'static str, Arc<dyn Store>) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("cairn.db").display());
    let sqlite = SqliteStore::connect(&url).await.unwrap();
    let outcome = tokio::spawn(test("sqlite", Arc::new(sqlite.clone()))).await;
    sqlite.close().await;
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }

    let Ok(pg_url) = std::env::var("CAIRN_TEST_DATABASE_URL") else {
        // Straight to stderr, past the test harness's capture: a skip must be seen.
        let _ = writeln!(std::io::stderr(), "SKIPPED: {test_name} on PostgreSQL: CAIRN_TEST_DATABASE_URL is not set");
        return;
    };
    let schema = format!("cairn_test_{}", uuid::Uuid::new_v4().simple());
    let mut admin = sqlx::PgConnection::connect(&pg_url).await.unwrap();
    sqlx::query(&format!("CREATE SCHEMA {schema}")).execute(&mut admin).await.unwrap();
    let options = PgConnectOptions::from_str(&pg_url).unwrap().options([("search_path", schema.as_str())]);
    let pg = PgStore::connect_with(options).await;
    let outcome = match pg {
        Ok(pg) => {
            let outcome = tokio::spawn(test("postgres", Arc::new(pg.clone()))).await;
            pg.close().await;
            outcome.map_err(|e| e.into_panic())
        }
        Err(e) => Err(Box::new(format!("connecting to PostgreSQL: {e}")) as Box<dyn std::any::Any + Send>),
    };
    sqlx::query(&format!("DROP SCHEMA {schema} CASCADE")).execute(&mut admin).await.unwrap();
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

pub fn org(slug: &str, name: &str) -> Organization {
    Organization {
        id: OrgId::new_random(),
        slug: Slug::parse(slug).unwrap(),
        name: name.into(),
        url: Some(format!("https://{slug}.example.org")),
        email: Some(format!("badges@{slug}.example.org")),
        description: None,
        image_url: None,
        address: Address { country_code: Some("NL".into()), locality: Some("Delft".into()), ..Address::default() },
        suspension_enabled: true,
        created_at: T0,
    }
}

pub fn user(email: &str) -> User {
    User {
        id: UserId::new_random(),
        email: email.into(),
        display_name: "Alice Admin".into(),
        password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA".into(),
        is_admin: true,
        created_at: T0,
    }
}

pub fn definition(name: &str) -> AchievementDefinition {
    AchievementDefinition {
        name: name.into(),
        description: "Can design a bridge that stands.".into(),
        criteria_narrative: Some("Pass the **final** assessment.".into()),
        criteria_url: None,
        image_url: None,
        image_caption: None,
        kind: BadgeKind::MicroCredential,
        achievement_type: None,
        alignments: Vec::new(),
        tags: vec!["engineering".into()],
        credits_available: Some(2.5),
        field_of_study: None,
        human_code: Some("CIE-101".into()),
        specialization: None,
        in_language: Some("en".into()),
        result_descriptions: Vec::new(),
        category: None,
        proficiency_level: None,
        validity_days: Some(365),
        suspendable: true,
        eu: EuFields {
            workload_ects: Some(5.0),
            eqf_level: Some(6),
            assessment_type: Some("exam".into()),
            participation_form: Some("online".into()),
            quality_assurance: Some("NVAO".into()),
            ..EuFields::default()
        },
    }
}

pub fn achievement(org: OrgId, name: &str) -> Achievement {
    Achievement {
        id: AchievementId::new_random(),
        org_id: org,
        version: 1,
        definition: definition(name),
        created_at: T0,
    }
}

pub fn status_list(org: OrgId, purpose: StatusPurpose) -> StatusListRecord {
    StatusListRecord {
        id: StatusListId::new_random(),
        org_id: org,
        purpose,
        bits: vec![0u8; 16 * 1024],
        allocated: 0,
        version: 1,
        signed_json: r#"{"type":["VerifiableCredential","BitstringStatusListCredential"]}"#.into(),
        updated_at: T0,
    }
}

/// An emailed credential with a claim token; the caller adjusts the rest.
pub fn credential(a: &Achievement, revocation: StatusRef, email: &str) -> CredentialRecord {
    let id = CredentialId::new_random();
    CredentialRecord {
        id,
        org_id: a.org_id,
        achievement_id: a.id,
        achievement_version: a.version,
        recipient_email: Some(email.into()),
        recipient_did: None,
        recipient_name: Some("Bob Builder".into()),
        issued_at: T0,
        valid_until: Some(T0 + time::Duration::days(365)),
        revocation,
        suspension: None,
        revoked_at: None,
        revocation_reason: None,
        suspended: false,
        idempotency_key: None,
        job: None,
        claim_token_hash: Some(format!("claim-{id}")),
        claimed_at: None,
        json: format!(r#"{{"id":"https://badges.example.org/credentials/{id}","type":["VerifiableCredential"]}}"#),
    }
}

pub fn delivery(c: &CredentialRecord) -> Delivery {
    Delivery {
        id: DeliveryId::new_random(),
        org_id: c.org_id,
        credential_id: c.id,
        to_email: c.recipient_email.clone().unwrap_or_default(),
        state: DeliveryState::Pending,
        attempts: 0,
        next_attempt_at: T0,
        last_error: None,
    }
}

/// A job credential for `row`.
pub fn job_credential(a: &Achievement, revocation: StatusRef, job: JobId, row: u32) -> CredentialRecord {
    CredentialRecord { job: Some((job, row)), ..credential(a, revocation, &format!("row{row}@example.org")) }
}
