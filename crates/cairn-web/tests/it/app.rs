//! `TestApp`: the whole router over a fresh store (temp-file SQLite, or a fresh PostgreSQL
//! schema when `CAIRN_TEST_DATABASE_URL` is set), a `FakeClock` and a fixed master key,
//! driven in-process with `tower::ServiceExt::oneshot`. Helpers set up the usual cast: the
//! first administrator, organisations, tokens, an achievement.

use std::str::FromStr;
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, Request, StatusCode};
use axum::Router;
use base64::Engine as _;
use cairn_core::clock::FakeClock;
use cairn_core::crypto::MasterKey;
use cairn_core::service::{auth, Ctx};
use cairn_core::store::Store;
use cairn_store::{PgStore, SqliteStore};
use cairn_vc::canon::Canonicalizer;
use cairn_vc::resolve::OfflineResolver;
use cairn_web::AppState;
use http_body_util::BodyExt;
use serde_json::{json, Value};
use sqlx::postgres::PgConnectOptions;
use sqlx::Connection;
use time::OffsetDateTime;
use tower::ServiceExt;

/// The public base URL credentials carry.
pub const BASE: &str = "https://badges.example.test";
/// The first administrator.
pub const ADMIN_EMAIL: &str = "admin@example.test";
/// Their password.
pub const ADMIN_PASSWORD: &str = "correct horse battery";

/// How a request authenticates.
#[derive(Clone, Copy)]
pub enum Auth<'a> {
    /// Anonymous.
    None,
    /// `Authorization: Bearer`.
    Bearer(&'a str),
    /// `Authorization: Basic` (email, password).
    Basic(&'a str, &'a str),
}

/// The administrator's Basic credentials.
pub const ADMIN: Auth<'static> = Auth::Basic(ADMIN_EMAIL, ADMIN_PASSWORD);

/// A response, read whole.
#[derive(Debug)]
pub struct TestResponse {
    /// Status.
    pub status: StatusCode,
    /// Headers.
    pub headers: HeaderMap,
    /// Body.
    pub body: Bytes,
}

impl TestResponse {
    /// The body as JSON (panics with the body text when it is not JSON).
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    /// Asserts the status, showing the body when it differs; returns the JSON body.
    #[track_caller]
    pub fn expect(&self, status: u16) -> Value {
        assert_eq!(self.status.as_u16(), status, "body: {}", String::from_utf8_lossy(&self.body));
        if self.body.is_empty() {
            Value::Null
        } else {
            self.json()
        }
    }

    /// Asserts an `ApiError` with this status, code and (when given) field; returns the message.
    #[track_caller]
    pub fn expect_error(&self, status: u16, code: &str, field: Option<&str>) -> String {
        let body = self.expect(status);
        let e = &body["error"];
        assert_eq!(e["code"], code, "body: {body}");
        if let Some(f) = field {
            assert_eq!(e["field"], f, "body: {body}");
        }
        e["message"].as_str().unwrap_or_default().to_string()
    }
}

/// The application under test.
pub struct TestApp {
    /// The router (API, VC-API, public).
    pub router: Router,
    /// The services' context (to read the store, run a job worker, build documents).
    pub ctx: Ctx,
    /// The clock.
    pub clock: Arc<FakeClock>,
    /// The one-time setup token.
    pub setup_token: String,
    _pg: Option<PgSchema>,
    _dir: tempfile::TempDir,
}

/// When the tests start: 2025-03-01T09:00:00Z.
pub fn t0() -> OffsetDateTime {
    time::macros::datetime!(2025-03-01 09:00:00 UTC)
}

/// A fresh store: PostgreSQL (a new schema, dropped with the app) when
/// `CAIRN_TEST_DATABASE_URL` is set, else a temp-file SQLite database.
async fn new_store(dir: &std::path::Path) -> (Arc<dyn Store>, Option<PgSchema>) {
    if let Ok(url) = std::env::var("CAIRN_TEST_DATABASE_URL") {
        let schema = format!("cairn_api_{}", uuid::Uuid::new_v4().simple());
        let mut admin = sqlx::PgConnection::connect(&url).await.expect("connect to PostgreSQL");
        sqlx::query(&format!("CREATE SCHEMA {schema}")).execute(&mut admin).await.expect("create schema");
        let options = PgConnectOptions::from_str(&url).expect("URL").options([("search_path", schema.as_str())]);
        let store = PgStore::connect_with(options).await.expect("PgStore");
        return (Arc::new(store), Some(PgSchema { url, schema }));
    }
    let url = format!("sqlite://{}", dir.join("cairn.db").display());
    (Arc::new(SqliteStore::connect(&url).await.expect("SqliteStore")), None)
}

/// A PostgreSQL schema to drop when the test ends (pass or fail).
struct PgSchema {
    url: String,
    schema: String,
}

impl Drop for PgSchema {
    fn drop(&mut self) {
        let (url, schema) = (self.url.clone(), self.schema.clone());
        // Drop may run inside the test's runtime: do the async work on a thread of its own.
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
            rt.block_on(async {
                if let Ok(mut admin) = sqlx::PgConnection::connect(&url).await {
                    let _ = sqlx::query(&format!("DROP SCHEMA {schema} CASCADE")).execute(&mut admin).await;
                }
            });
        })
        .join();
    }
}

impl TestApp {
    /// A fresh application with a setup token and no users.
    pub async fn new() -> Self {
        Self::with_resolver(Arc::new(OfflineResolver)).await
    }

    /// A fresh application whose resolver (other issuers' documents) is `resolver`.
    pub async fn with_resolver(resolver: Arc<dyn cairn_vc::resolve::Resolver>) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let (store, pg) = new_store(dir.path()).await;
        let clock = Arc::new(FakeClock::new(t0()));
        let ctx = Ctx {
            store,
            clock: clock.clone(),
            master: Arc::new(MasterKey::from_bytes(&[42u8; 32])),
            canon: Arc::new(Canonicalizer::default()),
            resolver,
            base_url: BASE.to_string(),
            sign_threads: 2,
            docs: Default::default(),
        };
        let setup_token = auth::ensure_setup_token(&ctx).await.expect("setup token").expect("no users yet");
        let router = cairn_web::router(AppState::new(ctx.clone()));
        Self { router, ctx, clock, setup_token, _pg: pg, _dir: dir }
    }

    /// A fresh application with the administrator created through the API.
    pub async fn with_admin() -> Self {
        Self::admin_on(Self::new().await).await
    }

    /// Creates the administrator of `app` through the API.
    pub async fn admin_on(app: Self) -> Self {
        let body = json!({"setup_token": app.setup_token, "email": ADMIN_EMAIL, "name": "Ada Admin", "password": ADMIN_PASSWORD});
        app.post("/api/v1/setup", Auth::None, body).await.expect(201);
        app
    }

    /// The test clock's time.
    pub fn clock_now(&self) -> OffsetDateTime {
        use cairn_core::clock::Clock as _;
        self.clock.now()
    }

    /// Sends a request (the one non-generic place requests are built).
    pub async fn call(
        &self,
        method: &str,
        path: &str,
        auth: Auth<'_>,
        body: Option<(&str, Vec<u8>)>,
        headers: &[(&str, &str)],
    ) -> TestResponse {
        let mut req = Request::builder().method(method).uri(path);
        match auth {
            Auth::None => {}
            Auth::Bearer(t) => req = req.header("authorization", format!("Bearer {t}")),
            Auth::Basic(u, p) => {
                let enc = base64::engine::general_purpose::STANDARD.encode(format!("{u}:{p}"));
                req = req.header("authorization", format!("Basic {enc}"));
            }
        }
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let req = match body {
            Some((content_type, bytes)) => req.header("content-type", content_type).body(Body::from(bytes)),
            None => req.body(Body::empty()),
        }
        .expect("request");
        let res = self.router.clone().oneshot(req).await.expect("infallible");
        let status = res.status();
        let headers = res.headers().clone();
        let body = res.into_body().collect().await.expect("body").to_bytes();
        TestResponse { status, headers, body }
    }

    /// GET.
    pub async fn get(&self, path: &str, auth: Auth<'_>) -> TestResponse {
        self.call("GET", path, auth, None, &[]).await
    }

    /// POST JSON.
    pub async fn post(&self, path: &str, auth: Auth<'_>, body: Value) -> TestResponse {
        self.call("POST", path, auth, Some(("application/json", body.to_string().into_bytes())), &[]).await
    }

    /// PATCH JSON.
    pub async fn patch(&self, path: &str, auth: Auth<'_>, body: Value) -> TestResponse {
        self.call("PATCH", path, auth, Some(("application/json", body.to_string().into_bytes())), &[]).await
    }

    /// PUT JSON.
    pub async fn put(&self, path: &str, auth: Auth<'_>, body: Value) -> TestResponse {
        self.call("PUT", path, auth, Some(("application/json", body.to_string().into_bytes())), &[]).await
    }

    /// POST a CSV.
    pub async fn post_csv(&self, path: &str, auth: Auth<'_>, csv: &str) -> TestResponse {
        self.call("POST", path, auth, Some(("text/csv", csv.as_bytes().to_vec())), &[]).await
    }

    /// Creates an organisation as the administrator; returns its JSON.
    pub async fn create_org(&self, slug: &str) -> Value {
        let body = json!({"slug": slug, "name": format!("{slug} University"), "url": "https://uni.example.test",
            "address": {"country_code": "NL", "locality": "Utrecht"}});
        self.post("/api/v1/orgs", ADMIN, body).await.expect(201)
    }

    /// An API token for `slug` with `role`, created by the administrator.
    pub async fn token(&self, slug: &str, role: &str) -> String {
        let body = json!({"org": slug, "name": format!("{role} token"), "role": role});
        let res = self.post("/api/v1/tokens", ADMIN, body).await.expect(201);
        res["token"].as_str().expect("token secret").to_string()
    }

    /// An organisation and an owner token for it.
    pub async fn org_with_token(&self, slug: &str) -> String {
        self.create_org(slug).await;
        self.token(slug, "owner").await
    }

    /// Creates the sample achievement; returns its id.
    pub async fn create_achievement(&self, slug: &str, token: &str) -> String {
        let res =
            self.post(&format!("/api/v1/orgs/{slug}/achievements"), Auth::Bearer(token), sample_achievement()).await;
        res.expect(201)["id"].as_str().expect("id").to_string()
    }

    /// Issues a credential to `recipient`; returns the response JSON.
    pub async fn issue(&self, slug: &str, token: &str, achievement: &str, recipient: &str) -> Value {
        let path = format!("/api/v1/orgs/{slug}/achievements/{achievement}/credentials");
        self.post(&path, Auth::Bearer(token), json!({"recipient": recipient})).await.expect(201)
    }
}

/// An achievement definition that passes validation.
pub fn sample_achievement() -> Value {
    json!({
        "name": "Data Literacy",
        "description": "Reads, questions and explains data.",
        "criteria_narrative": "Passed the data literacy assessment.",
        "kind": "skill",
        "tags": ["data"],
        "alignments": [{"target_name": "Data literacy", "target_url": "https://esco.example.test/skill/1"}],
        "eu": {"eqf_level": 5}
    })
}
