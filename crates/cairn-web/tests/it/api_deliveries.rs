//! `GET /api/v1/orgs/{slug}/deliveries`: failed and retried claim emails are visible.

use async_trait::async_trait;
use cairn_core::mail::{MailError, Mailer, OutgoingEmail};
use cairn_core::service::delivery;

use crate::app::{Auth, TestApp};

/// An SMTP server that answers 451 to everything.
struct Busy;

#[async_trait]
impl Mailer for Busy {
    async fn send(&self, _email: &OutgoingEmail) -> Result<(), MailError> {
        Err(MailError::Rejected { code: 451, message: "try again later".into() })
    }
}

#[tokio::test]
async fn a_failed_attempt_is_listed_with_its_error_and_next_attempt() {
    let app = TestApp::with_admin().await;
    let token = app.org_with_token("uni").await;
    let achievement = app.create_achievement("uni", &token).await;
    let issued = app.issue("uni", &token, &achievement, "erin@example.test").await;
    app.issue("uni", &token, &achievement, "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK").await;

    let list = app.get("/api/v1/orgs/uni/deliveries", Auth::Bearer(&token)).await.expect(200);
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 1, "only the email recipient gets an email: {list:?}");
    assert_eq!(list[0]["credential_id"], issued["id"]);
    assert_eq!(
        (list[0]["to"].as_str(), list[0]["state"].as_str(), list[0]["attempts"].as_u64()),
        (Some("erin@example.test"), Some("pending"), Some(0))
    );

    delivery::deliver_due(&app.ctx, &Busy, app.clock_now()).await.unwrap();
    let list = app.get("/api/v1/orgs/uni/deliveries?state=pending", Auth::Bearer(&token)).await.expect(200);
    assert_eq!(list[0]["attempts"], 1);
    assert!(list[0]["last_error"].as_str().unwrap().contains("451"), "{list}");
    assert!(list[0]["next_attempt_at"].is_string());
    let failed = app.get("/api/v1/orgs/uni/deliveries?state=failed", Auth::Bearer(&token)).await.expect(200);
    assert_eq!(failed.as_array().unwrap().len(), 0);

    let res = app.get("/api/v1/orgs/uni/deliveries?state=lost", Auth::Bearer(&token)).await;
    res.expect_error(400, "invalid", Some("state"));
    let res = app.get("/api/v1/orgs/uni/deliveries?limit=0", Auth::Bearer(&token)).await;
    res.expect_error(400, "invalid", Some("limit"));
    let other = app.org_with_token("other").await;
    app.get("/api/v1/orgs/uni/deliveries", Auth::Bearer(&other)).await.expect_error(404, "not_found", None);
}
