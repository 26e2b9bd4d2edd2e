//! A minimal app for the public-surface and VC-API tests: the real router over a temp-file
//! SQLite store (`cairn-store`), a fake clock, a fixed master key, base URL
//! `https://badges.example.edu`, one organisation `acme` with an owner, and helpers to
//! define achievements, issue credentials and send requests in-process.

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, Request, StatusCode};
use axum::Router;
use cairn_core::clock::FakeClock;
use cairn_core::crypto::MasterKey;
use cairn_core::ids::UserId;
use cairn_core::model::{
    Achievement, AchievementDefinition, Actor, AwardInput, BadgeKind, CredentialRecord, EuFields, EvidenceInput,
    Organization, Recipient, Role, User,
};
use cairn_core::service::orgs::NewOrganization;
use cairn_core::service::{self, Ctx};
use cairn_vc::canon::Canonicalizer;
use cairn_vc::resolve::OfflineResolver;
use cairn_web::AppState;
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

/// The public base URL of the test server.
pub const BASE: &str = "https://badges.example.edu";

/// A 1×1 PNG (valid CRCs), as badge artwork.
pub const PIXEL_PNG_B64: &str =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

/// A response, read whole.
pub struct Resp {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Resp {
    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or_default()
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// The app and the handles tests use to arrange things.
pub struct PubApp {
    /// Holds the database file.
    _dir: tempfile::TempDir,
    pub router: Router,
    pub ctx: Ctx,
    pub clock: Arc<FakeClock>,
    pub org: Organization,
    pub owner: Actor,
}

/// A definition with every field a page shows; `image` is the artwork URL or data URI.
pub fn definition(name: &str, image: Option<String>) -> AchievementDefinition {
    AchievementDefinition {
        name: name.into(),
        description: "Writes safe, idiomatic Rust.".into(),
        criteria_narrative: Some("Pass the final project.".into()),
        criteria_url: None,
        image_url: image,
        image_caption: Some("A crab on a cairn".into()),
        kind: BadgeKind::Skill,
        achievement_type: None,
        alignments: Vec::new(),
        tags: vec!["rust".into()],
        credits_available: None,
        field_of_study: Some("Computer science".into()),
        human_code: None,
        specialization: None,
        in_language: None,
        result_descriptions: Vec::new(),
        category: None,
        proficiency_level: None,
        validity_days: None,
        suspendable: false,
        eu: EuFields::default(),
    }
}

impl PubApp {
    pub async fn new() -> Self {
        Self::with_base(BASE).await
    }

    /// An app whose public base URL is `base` (for tests over a real socket).
    pub async fn with_base(base: &str) -> Self {
        let clock = Arc::new(FakeClock::new(time::macros::datetime!(2025-03-01 10:00 UTC)));
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("cairn.db").display());
        let ctx = Ctx {
            store: cairn_store::connect(&url).await.unwrap(),
            clock: clock.clone(),
            master: Arc::new(MasterKey::from_bytes(&[7u8; 32])),
            canon: Arc::new(Canonicalizer::default()),
            resolver: Arc::new(OfflineResolver),
            base_url: base.into(),
            sign_threads: 1,
            docs: Default::default(),
        };
        let user = User {
            id: UserId::new_random(),
            email: "owner@acme.example".into(),
            display_name: "Owner".into(),
            password_hash: "unused".into(),
            is_admin: false,
            created_at: clock.now_utc(),
        };
        ctx.store.create_user(&user).await.unwrap();
        let new_org: NewOrganization = serde_json::from_value(serde_json::json!({
            "slug": "acme", "name": "Acme <Academy>", "url": "https://acme.example",
            "description": "Teaches Rust.", "address": {"country_code": "NL", "locality": "Utrecht"}
        }))
        .unwrap();
        let org = service::orgs::create_org(&ctx, user.id, new_org).await.unwrap();
        let router = cairn_web::router(AppState::new(ctx.clone()));
        PubApp { _dir: dir, router, ctx, clock, org, owner: Actor { user_id: user.id, is_admin: false } }
    }

    pub async fn achievement(&self, def: AchievementDefinition) -> Achievement {
        service::achievements::create_achievement(&self.ctx, self.org.id, def).await.unwrap()
    }

    /// Issues to an email recipient, with evidence.
    pub async fn issue(&self, achievement: &Achievement) -> CredentialRecord {
        let input = AwardInput {
            recipient: Recipient::Email("learner@example.org".into()),
            name: Some("Ada Learner".into()),
            issued_on: None,
            valid_until: None,
            evidence: vec![EvidenceInput {
                url: Some("https://acme.example/projects/42".into()),
                narrative: Some("Built a <parser>.".into()),
            }],
            result: None,
        };
        let (record, _) =
            service::issue::issue_credential(&self.ctx, self.org.id, achievement.id, input, None).await.unwrap();
        record
    }

    pub async fn revoke(&self, record: &CredentialRecord) {
        service::status::change_status(
            &self.ctx,
            self.org.id,
            record.id,
            service::status::StatusAction::Revoke,
            Some("issued in error".into()),
        )
        .await
        .unwrap();
    }

    /// A fresh API token of `role` for the organisation.
    pub async fn token(&self, role: Role) -> String {
        service::auth::create_token(&self.ctx, &self.owner, self.org.id, "test", role).await.unwrap().1
    }

    pub async fn send(&self, req: Request<Body>) -> Resp {
        let res = self.router.clone().oneshot(req).await.unwrap();
        let (parts, body) = res.into_parts();
        Resp { status: parts.status, headers: parts.headers, body: body.collect().await.unwrap().to_bytes() }
    }

    pub async fn get(&self, uri: &str, accept: Option<&str>) -> Resp {
        let mut req = Request::get(uri);
        if let Some(a) = accept {
            req = req.header(header::ACCEPT, a);
        }
        self.send(req.body(Body::empty()).unwrap()).await
    }

    pub async fn post(&self, uri: &str, content_type: &str, body: impl Into<Body>) -> Resp {
        let req = Request::post(uri).header(header::CONTENT_TYPE, content_type).body(body.into()).unwrap();
        self.send(req).await
    }

    pub async fn post_json(&self, uri: &str, body: &Value) -> Resp {
        self.post(uri, "application/json", serde_json::to_vec(body).unwrap()).await
    }
}

/// `now` as the clock sees it (for records the tests build).
trait ClockExt {
    fn now_utc(&self) -> time::OffsetDateTime;
}

impl ClockExt for FakeClock {
    fn now_utc(&self) -> time::OffsetDateTime {
        cairn_core::clock::Clock::now(self)
    }
}

/// The path part of one of this server's URLs.
pub fn path_of(url: &str) -> &str {
    url.strip_prefix(BASE).unwrap_or(url)
}
