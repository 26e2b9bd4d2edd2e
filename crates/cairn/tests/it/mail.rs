//! Email delivery against a real SMTP server (aiosmtpd on loopback): the SMTP mailer on its
//! own (AUTH, rejections, redaction, required STARTTLS), then the delivery service end to end
//! on a real store: claim links that claim, retries with backoff, giving up, the worker.

pub mod sink;
mod store;

// The binary crate has no library target: compile its SMTP module into this test as well.
#[path = "../../src/mail.rs"]
#[allow(dead_code)]
mod smtp;

use std::sync::{Arc, Mutex};

use cairn_core::clock::{Clock as _, FakeClock};
use cairn_core::crypto::MasterKey;
use cairn_core::mail::{MailError, Mailer, OutgoingEmail};
use cairn_core::model::{AwardInput, CredentialRecord, DeliveryState, Organization, Recipient};
use cairn_core::service::{achievements, auth, credential, delivery, issue, orgs, status, Ctx};
use cairn_vc::canon::Canonicalizer;
use cairn_vc::resolve::OfflineResolver;
use secrecy::SecretString;
use serde_json::json;
use sink::{Auth, Sink};
use smtp::{SmtpMailer, SmtpSettings, SmtpTls};
use time::macros::datetime;
use time::Duration;

const BASE: &str = "https://badges.example.org";

fn settings(sink: &Sink, tls: SmtpTls, login: Option<(&str, &str)>) -> SmtpSettings {
    SmtpSettings {
        host: "127.0.0.1".into(),
        port: sink.port,
        tls,
        username: login.map(|(u, _)| u.to_string()),
        password: login.map(|(_, p)| SecretString::from(p.to_string())),
        from: "Example University <badges@example.org>".into(),
    }
}

fn email(to: &str) -> OutgoingEmail {
    OutgoingEmail {
        to: to.into(),
        subject: "Grüße: your badge".into(),
        text: "Claim it: https://badges.example.org/claim/abc\n".into(),
        html: "<p><a href=\"https://badges.example.org/claim/abc\">Claim it</a></p>".into(),
    }
}

#[tokio::test]
async fn smtp_mailer_authenticates_and_sends_text_and_html() {
    let Some(sink) = Sink::start("auth", Auth::Required("mailer", "pa55-w0rd")) else { return };
    let mailer = SmtpMailer::new(&settings(&sink, SmtpTls::None, Some(("mailer", "pa55-w0rd")))).unwrap();
    mailer.check().await.unwrap();
    mailer.send(&email("ada@example.org")).await.unwrap();

    let msgs = sink.messages();
    assert_eq!(msgs.len(), 1);
    let m = &msgs[0];
    assert_eq!(m["login"], "mailer", "the message was sent on an authenticated session");
    assert_eq!(m["rcpt_tos"], json!(["ada@example.org"]));
    assert_eq!(m["mail_from"], "badges@example.org");
    assert_eq!(m["to"], "ada@example.org");
    assert_eq!(m["from"], "Example University <badges@example.org>");
    assert_eq!(m["subject"], "Grüße: your badge");
    assert_eq!(m["text"].as_str().unwrap().replace("\r\n", "\n"), "Claim it: https://badges.example.org/claim/abc\n");
    assert!(m["html"].as_str().unwrap().contains("<a href=\"https://badges.example.org/claim/abc\">"));
    assert!(m["raw"].as_str().unwrap().contains("multipart/alternative"));
    assert!(sink.auth_attempts().iter().all(|a| a["ok"] == true && a["login"] == "mailer"));
    assert!(!sink.auth_attempts().is_empty());
}

#[tokio::test]
async fn smtp_errors_carry_the_code_and_never_the_password() {
    let Some(sink) = Sink::start("errors", Auth::Echoing("mailer", "right-pw")) else { return };
    // A wrong password, which this server quotes back in its reply.
    let wrong = SmtpMailer::new(&settings(&sink, SmtpTls::None, Some(("mailer", "wr0ng-s3cret")))).unwrap();
    let err = wrong.send(&email("ada@example.org")).await.unwrap_err();
    let MailError::Rejected { code: 535, message } = &err else { panic!("{err:?}") };
    assert!(message.contains("Wrong password [redacted]"), "{message}");
    assert!(!err.to_string().contains("wr0ng-s3cret"), "{err}");
    assert!(!format!("{err:?}").contains("wr0ng-s3cret"));
    assert_eq!(sink.auth_attempts()[0]["login"], "mailer", "the credentials were sent");

    // A temporary refusal of the message itself.
    let right = SmtpMailer::new(&settings(&sink, SmtpTls::None, Some(("mailer", "right-pw")))).unwrap();
    sink.reject_next(1);
    let err = right.send(&email("ada@example.org")).await.unwrap_err();
    assert!(
        matches!(&err, MailError::Rejected { code: 451, message } if message.contains("try again later")),
        "{err:?}"
    );
    right.send(&email("ada@example.org")).await.unwrap();
    assert_eq!(sink.messages().len(), 1);

    // An address the mailer cannot even parse is permanent.
    let err = right.send(&email("not an address")).await.unwrap_err();
    assert!(err.is_permanent(), "{err:?}");
}

#[tokio::test]
async fn required_starttls_sends_nothing_to_a_server_without_it() {
    let Some(sink) = Sink::start("starttls", Auth::Required("mailer", "pa55-w0rd")) else { return };
    let mailer = SmtpMailer::new(&settings(&sink, SmtpTls::Starttls, Some(("mailer", "pa55-w0rd")))).unwrap();
    let err = mailer.send(&email("ada@example.org")).await.unwrap_err();
    assert!(matches!(err, MailError::Connection(_)), "{err:?}");
    assert!(sink.auth_attempts().is_empty(), "credentials went out over a plain connection");
    assert!(sink.messages().is_empty());
}

#[tokio::test]
async fn an_unreachable_server_is_a_connection_error() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let s = SmtpSettings {
        host: "127.0.0.1".into(),
        port,
        tls: SmtpTls::None,
        username: None,
        password: None,
        from: "badges@example.org".into(),
    };
    let err = SmtpMailer::new(&s).unwrap().send(&email("ada@example.org")).await.unwrap_err();
    assert!(matches!(err, MailError::Connection(_)), "{err:?}");
}

// --- the delivery service on a real store ---

struct World {
    ctx: Ctx,
    clock: Arc<FakeClock>,
    org: Organization,
    achievement: cairn_core::ids::AchievementId,
    _db: crate::support::Scratch,
}

async fn world(name: &str) -> World {
    let db = crate::support::Scratch::new(&format!("mail-db-{name}"));
    let clock = Arc::new(FakeClock::new(datetime!(2025-03-01 09:00 UTC)));
    let ctx = Ctx {
        store: store::open(&db).await,
        clock: clock.clone(),
        master: Arc::new(MasterKey::from_bytes(&[7u8; 32])),
        canon: Arc::new(Canonicalizer::default()),
        resolver: Arc::new(OfflineResolver),
        base_url: BASE.into(),
        sign_threads: 1,
        docs: Default::default(),
    };
    let owner = auth::create_user(&ctx, "owner@example.org", "Owner", "a long enough password", true).await.unwrap();
    let org = orgs::create_org(
        &ctx,
        owner.id,
        serde_json::from_value(json!({"slug": "example-uni", "name": "Example <University>"})).unwrap(),
    )
    .await
    .unwrap();
    let definition = serde_json::from_value(json!({
        "name": "Rust & Safety",
        "description": "Writes safe Rust.",
        "criteria_narrative": "Passed the exam.",
        "kind": "assessment",
    }))
    .unwrap();
    let achievement = achievements::create_achievement(&ctx, org.id, definition).await.unwrap().id;
    World { ctx, clock, org, achievement, _db: db }
}

impl World {
    async fn award(&self, email: &str, name: Option<&str>) -> CredentialRecord {
        let input = AwardInput {
            recipient: Recipient::parse("recipient", email).unwrap(),
            name: name.map(str::to_string),
            issued_on: None,
            valid_until: None,
            evidence: vec![],
            result: None,
        };
        issue::issue_credential(&self.ctx, self.org.id, self.achievement, input, None).await.unwrap().0
    }

    async fn run(&self, mailer: &dyn Mailer) -> delivery::DeliveryStats {
        delivery::deliver_due(&self.ctx, mailer, self.clock.now()).await.unwrap()
    }

    async fn deliveries(&self) -> Vec<cairn_core::model::Delivery> {
        delivery::list_for_org(&self.ctx, self.org.id, 100).await.unwrap()
    }
}

#[tokio::test]
async fn the_emailed_claim_link_claims_the_credential() {
    let Some(sink) = Sink::start("claim", Auth::Required("mailer", "pa55-w0rd")) else { return };
    let w = world("claim").await;
    let mailer = SmtpMailer::new(&settings(&sink, SmtpTls::None, Some(("mailer", "pa55-w0rd")))).unwrap();
    let cred = w.award("Ada@Example.org", Some("Ada Lovelace")).await;
    w.award_did_only().await;

    let stats = w.run(&mailer).await;
    assert_eq!(stats, delivery::DeliveryStats { sent: 1, retrying: 0, failed: 0 });

    let msgs = sink.messages();
    assert_eq!(msgs.len(), 1, "one email: the DID recipient gets none");
    let m = &msgs[0];
    assert_eq!(m["rcpt_tos"], json!(["ada@example.org"]));
    assert_eq!(m["login"], "mailer");
    assert_eq!(m["subject"], "Example <University> awarded you \"Rust & Safety\"");
    let text = m["text"].as_str().unwrap();
    let html = m["html"].as_str().unwrap();
    assert!(text.starts_with("Hello Ada Lovelace,"), "{text}");
    assert!(html.contains("Example &lt;University&gt; has awarded you <strong>Rust &amp; Safety</strong>"), "{html}");
    let page = format!("{BASE}/credentials/{}", cred.id);
    assert!(text.contains(&page) && html.contains(&format!("href=\"{page}\"")));
    assert!(text.contains(&format!("{BASE}/issuers/example-uni")));

    // The link's token is the credential's claim token.
    let prefix = format!("{BASE}/claim/");
    let token: String = text
        .split_whitespace()
        .find_map(|w| w.strip_prefix(prefix.as_str()))
        .expect("a claim link in the text")
        .to_string();
    assert!(html.contains(&format!("href=\"{prefix}{token}\"")));
    let claimed = credential::claim(&w.ctx, &token).await.unwrap();
    assert_eq!(claimed.id, cred.id);
    assert_eq!(claimed.claimed_at, Some(w.clock.now()));

    // Nothing secret rides along: not the salted identity hash, its salt, nor the proof.
    let signed: serde_json::Value = serde_json::from_str(&cred.json).unwrap();
    let identity = &signed["credentialSubject"]["identifier"][0];
    let raw = m["raw"].as_str().unwrap();
    for secret in [&identity["identityHash"], &identity["salt"], &signed["proof"][0]["proofValue"]] {
        let s = secret.as_str().unwrap();
        assert!(!raw.contains(s) && !text.contains(s) && !html.contains(s), "{s} leaked into the email");
    }

    let d = w.deliveries().await;
    assert_eq!(d.len(), 1);
    assert_eq!((d[0].state, d[0].attempts, d[0].last_error.clone()), (DeliveryState::Sent, 1, None));
    assert_eq!(w.run(&mailer).await, delivery::DeliveryStats::default(), "sent once only");
    assert_eq!(sink.messages().len(), 1);
}

impl World {
    async fn award_did_only(&self) -> CredentialRecord {
        self.award("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", None).await
    }
}

#[tokio::test]
async fn a_refused_email_is_retried_with_backoff_and_then_given_up() {
    let Some(sink) = Sink::start("retry", Auth::Open) else { return };
    let w = world("retry").await;
    let mailer = SmtpMailer::new(&settings(&sink, SmtpTls::None, None)).unwrap();
    let t0 = w.clock.now();

    // One refusal, then success at the first retry.
    let first = w.award("grace@example.org", None).await;
    sink.reject_next(1);
    assert_eq!(w.run(&mailer).await, delivery::DeliveryStats { sent: 0, retrying: 1, failed: 0 });
    let d = w.deliveries().await.remove(0);
    assert_eq!((d.state, d.attempts, d.next_attempt_at), (DeliveryState::Pending, 1, t0 + Duration::minutes(1)));
    assert!(d.last_error.as_deref().unwrap().contains("451"), "{:?}", d.last_error);
    assert_eq!(w.run(&mailer).await, delivery::DeliveryStats::default(), "not due before its retry time");
    w.clock.advance(Duration::minutes(1));
    assert_eq!(w.run(&mailer).await.sent, 1);
    let d = w.deliveries().await.remove(0);
    assert_eq!((d.credential_id, d.state, d.attempts, d.last_error), (first.id, DeliveryState::Sent, 2, None));
    assert_eq!(sink.messages().len(), 1);

    // Refused every time: 1 min, 5 min, 30 min, 2 h, 12 h between attempts, then Failed.
    let second = w.award("hopper@example.org", None).await;
    sink.reject_next(100);
    let mut waits = vec![];
    for attempt in 1..=6u32 {
        let now = w.clock.now();
        let stats = w.run(&mailer).await;
        let d = w.deliveries().await.into_iter().find(|d| d.credential_id == second.id).unwrap();
        assert_eq!(d.attempts, attempt);
        if attempt < 6 {
            assert_eq!((stats.retrying, d.state), (1, DeliveryState::Pending));
            waits.push((d.next_attempt_at - now).whole_minutes());
            w.clock.advance(d.next_attempt_at - now);
        } else {
            assert_eq!((stats.failed, d.state), (1, DeliveryState::Failed));
            assert!(d.last_error.as_deref().unwrap().contains("451"), "{:?}", d.last_error);
        }
    }
    assert_eq!(waits, vec![1, 5, 30, 120, 720]);
    w.clock.advance(Duration::days(30));
    assert_eq!(w.run(&mailer).await, delivery::DeliveryStats::default(), "a failed delivery stays failed");
    assert_eq!(sink.messages().len(), 1);
}

#[tokio::test]
async fn a_credential_revoked_before_delivery_is_not_emailed() {
    let Some(sink) = Sink::start("revoked", Auth::Open) else { return };
    let w = world("revoked").await;
    let mailer = SmtpMailer::new(&settings(&sink, SmtpTls::None, None)).unwrap();
    let cred = w.award("ada@example.org", None).await;
    status::change_status(&w.ctx, w.org.id, cred.id, status::StatusAction::Revoke, Some("issued in error".into()))
        .await
        .unwrap();
    assert_eq!(w.run(&mailer).await, delivery::DeliveryStats { sent: 0, retrying: 0, failed: 1 });
    let d = w.deliveries().await.remove(0);
    assert_eq!((d.state, d.attempts), (DeliveryState::Failed, 1));
    assert_eq!(d.last_error.as_deref(), Some("not sent: the credential was revoked before delivery"));
    assert!(sink.messages().is_empty());
}

/// Collects everything `tracing` writes while the guard lives (current-thread runtime).
#[derive(Clone, Default)]
struct LogBuffer(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for LogBuffer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn the_smtp_password_stays_out_of_last_error_and_logs() {
    let Some(sink) = Sink::start("secret", Auth::Echoing("mailer", "right-pw")) else { return };
    let logs = LogBuffer::default();
    let writer = logs.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let w = world("secret").await;
    let mailer = SmtpMailer::new(&settings(&sink, SmtpTls::None, Some(("mailer", "hunter2-Secret")))).unwrap();
    w.award("ada@example.org", None).await;
    assert_eq!(w.run(&mailer).await.retrying, 1);

    let d = w.deliveries().await.remove(0);
    let error = d.last_error.unwrap();
    assert!(error.contains("535") && error.contains("[redacted]"), "{error}");
    let logs = String::from_utf8(logs.0.lock().unwrap().clone()).unwrap();
    assert!(logs.contains("email delivery failed, will retry"), "{logs}");
    for secret in ["hunter2-Secret", "aHVudGVyMi1TZWNyZXQ", "AG1haWxlcgBodW50ZXIyLVNlY3JldA"] {
        assert!(!error.contains(secret) && !logs.contains(secret), "{secret} leaked");
    }
    assert!(!logs.contains("ada@example.org"), "recipient addresses stay out of logs");
    assert_eq!(sink.auth_attempts()[0]["login"], "mailer");
}

#[tokio::test]
async fn the_worker_delivers_and_stops_on_shutdown() {
    let Some(sink) = Sink::start("worker", Auth::Open) else { return };
    let w = world("worker").await;
    let mailer: Arc<dyn Mailer> = Arc::new(SmtpMailer::new(&settings(&sink, SmtpTls::None, None)).unwrap());
    for i in 0..25 {
        w.award(&format!("earner{i}@example.org"), None).await;
    }
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let worker = tokio::spawn(smtp::run_delivery_worker(w.ctx.clone(), mailer, stopped));
    // More than one batch: the worker goes on at once while batches come back full.
    let mut sent = 0;
    for _ in 0..600 {
        sent = w.deliveries().await.iter().filter(|d| d.state == DeliveryState::Sent).count();
        if sent == 25 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(sent, 25);
    stop.send(true).unwrap();
    worker.await.unwrap();
    let mut to: Vec<String> = sink.messages().iter().map(|m| m["to"].as_str().unwrap().to_string()).collect();
    to.sort();
    let mut expected: Vec<String> = (0..25).map(|i| format!("earner{i}@example.org")).collect();
    expected.sort();
    assert_eq!(to, expected);
}
