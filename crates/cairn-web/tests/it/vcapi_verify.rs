//! `POST /api/v1/verify`: the engine's report for a Cairn credential (valid), a tampered one
//! (200, not verified), baked PNG and SVG, a revoked one, and 400 for what is no credential.

use serde_json::Value;

use crate::pub_app::{definition, path_of, PubApp};

fn outcome<'a>(report: &'a Value, check: &str) -> Option<&'a str> {
    report["checks"].as_array()?.iter().find(|c| c["check"] == check)?["outcome"].as_str()
}

#[tokio::test]
async fn a_cairn_credential_verifies_with_its_status_read_from_storage() {
    let app = PubApp::new().await;
    let record = app.issue(&app.achievement(definition("Rust Basics", None)).await).await;
    let r = app.post("/api/v1/verify", "application/json", record.json.clone()).await;
    assert_eq!(r.status, 200);
    let report = r.json();
    assert_eq!(report["verified"], true, "{report:#}");
    assert_eq!(outcome(&report, "proof"), Some("passed"));
    assert_eq!(outcome(&report, "status"), Some("passed"), "the status list came from the store: {report:#}");
    assert_eq!(outcome(&report, "issuer"), Some("passed"));
    let warnings: Vec<&Value> =
        report["checks"].as_array().unwrap().iter().filter(|c| c["outcome"] == "warning").collect();
    assert!(warnings.is_empty(), "the controller document was resolved, not the fragment: {warnings:?}");
}

#[tokio::test]
async fn a_tampered_credential_gets_a_failing_report_not_an_error() {
    let app = PubApp::new().await;
    let record = app.issue(&app.achievement(definition("Rust Basics", None)).await).await;
    let mut doc: Value = serde_json::from_str(&record.json).unwrap();
    doc["credentialSubject"]["achievement"]["name"] = "Rust Mastery".into();
    let r = app.post_json("/api/v1/verify", &doc).await;
    assert_eq!(r.status, 200);
    let report = r.json();
    assert_eq!(report["verified"], false);
    let proof = report["checks"].as_array().unwrap().iter().find(|c| c["check"] == "proof").unwrap();
    assert_eq!((proof["outcome"].as_str(), proof["code"].as_str()), (Some("failed"), Some("PROOF_VERIFICATION_ERROR")));
}

#[tokio::test]
async fn baked_images_verify_by_content_type_or_by_sniffing() {
    let app = PubApp::new().await;
    let record = app.issue(&app.achievement(definition("Rust Basics", None)).await).await;
    let path = path_of(&app.ctx.credential_url(record.id)).to_string();
    let png = app.get(&format!("{path}.png"), None).await.body;
    let r = app.post("/api/v1/verify", "image/png", png.clone()).await;
    assert_eq!((r.status.as_u16(), r.json()["verified"].as_bool()), (200, Some(true)));
    let r = app.post("/api/v1/verify", "application/octet-stream", png).await;
    assert_eq!(r.json()["verified"], true);
    let svg = app.get(&format!("{path}.svg"), None).await.body;
    let r = app.post("/api/v1/verify", "image/svg+xml", svg).await;
    assert_eq!((r.status.as_u16(), r.json()["verified"].as_bool()), (200, Some(true)));
}

#[tokio::test]
async fn a_revoked_credential_fails_at_once() {
    let app = PubApp::new().await;
    let record = app.issue(&app.achievement(definition("Rust Basics", None)).await).await;
    app.revoke(&record).await;
    let report = app.post("/api/v1/verify", "application/json", record.json.clone()).await.json();
    assert_eq!(report["verified"], false);
    let status = report["checks"].as_array().unwrap().iter().find(|c| c["check"] == "status").unwrap();
    assert_eq!((status["outcome"].as_str(), status["code"].as_str()), (Some("failed"), Some("REVOCATION")));
}

#[tokio::test]
async fn what_is_not_a_credential_is_a_400() {
    let app = PubApp::new().await;
    for (content_type, body) in [
        ("application/json", b"this is not json".to_vec()),
        ("application/json", b"{\"hello\": \"world\"}".to_vec()),
        ("application/json", b"[1, 2, 3]".to_vec()),
        ("image/png", b"\x89PNG\r\n\x1a\ngarbage".to_vec()),
        ("image/svg+xml", b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>".to_vec()),
    ] {
        let r = app.post("/api/v1/verify", content_type, body).await;
        assert_eq!(r.status, 400, "{content_type}: {}", r.text());
        assert_eq!(r.json()["error"]["field"], "body");
    }
}
