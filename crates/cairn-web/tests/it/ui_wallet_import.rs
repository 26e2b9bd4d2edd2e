//! Wallet imports: Cairn JSON, baked PNG and pasted JSON, DCC fixtures with the outcomes
//! their names state, URLs and other issuers' status lists through the resolver, OB 2.0
//! hosted assertions, and clear errors for what is not a credential.

use std::path::PathBuf;
use std::sync::Arc;

use cairn_vc::resolve::MapResolver;
use serde_json::json;

use crate::app::{Auth, TestApp, TestResponse};
use crate::ui_support::{csrf_of, text, Browser};
use crate::ui_wallet::{earner, href_of, issuer, user_id};

/// A file of `../shared/fixtures`, or `None` (loudly) when the fixtures are absent.
fn fixture(rel: &str) -> Option<Vec<u8>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures");
    match std::fs::read(root.join(rel)) {
        Ok(bytes) => Some(bytes),
        Err(_) => {
            eprintln!("SKIPPED: ../shared/fixtures/{rel} is absent");
            None
        }
    }
}

async fn import_file(b: &mut Browser<'_>, name: &str, ct: &str, bytes: &[u8]) -> TestResponse {
    let csrf = csrf_of(&text(&b.get("/wallet/import").await));
    b.post_multipart(
        "/wallet/import",
        &[("csrf", None, "text/plain", csrf.as_bytes()), ("file", Some(name), ct, bytes)],
    )
    .await
}

async fn import_field(b: &mut Browser<'_>, field: &str, value: &str) -> TestResponse {
    let csrf = csrf_of(&text(&b.get("/wallet/import").await));
    b.post_multipart(
        "/wallet/import",
        &[("csrf", None, "text/plain", csrf.as_bytes()), (field, None, "text/plain", value.as_bytes())],
    )
    .await
}

/// The state pill of an import result, after checking the result page lists the checks.
fn verdict(res: &TestResponse) -> String {
    let html = text(res);
    assert_eq!(res.status.as_u16(), 200, "{html}");
    assert!(html.contains("How it was checked") && html.contains("<th scope=\"row\">"), "{html}");
    let i = html.find("data-state=\"").unwrap();
    let rest = &html[i + 12..];
    rest[..rest.find('"').unwrap()].to_string()
}

#[tokio::test]
async fn imports_are_verified_and_show_every_check() {
    let app = TestApp::with_admin().await;
    let (token, achievement) = issuer(&app).await;
    let credential = app.issue("alpha", &token, &achievement, "someone@example.test").await;
    let id = credential["id"].as_str().unwrap();
    let json = app.get(&format!("/credentials/{id}.json"), Auth::None).await.body.to_vec();
    let png = app.get(&format!("/credentials/{id}.png"), Auth::None).await.body.to_vec();
    let mut b = earner(&app, "erin@example.test").await;

    let res = import_file(&mut b, "badge.json", "application/json", &json).await;
    assert_eq!(verdict(&res), "valid");
    assert!(text(&res).contains("Open Badges 3.0: the issuer&#39;s digital signature"));
    assert_eq!(verdict(&import_file(&mut b, "badge.png", "image/png", &png).await), "valid");
    assert_eq!(verdict(&import_field(&mut b, "json", std::str::from_utf8(&json).unwrap()).await), "valid");
    let erin = user_id(&app, "erin@example.test").await;
    let items = app.ctx.store.list_wallet_items(erin, None).await.unwrap();
    assert_eq!(items.len(), 3);
    assert!(items.iter().all(|i| i.verification.verified && i.json == std::str::from_utf8(&json).unwrap()));

    // Other issuers' credentials (DCC fixtures), offline: the names state the outcome.
    let dcc = "dcc-vc-test-fixtures/verifiableCredentials/v2";
    for (file, expected) in [
        ("dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-OBSpecExample.json", "valid"),
        ("ed25519/didKey/legacy-noStatus-noExpiry-tampered.json", "invalid-signature"),
        ("ed25519/didKey/legacy-noStatus-expired.json", "expired"),
        ("dataIntegrityProof/didKey/oidf-noStatus-notExpired-notYetValid.json", "not-yet-valid"),
        ("ed25519/didKey/noRegistry-revokedStatus-notExpired.json", "status-offline"),
    ] {
        let Some(bytes) = fixture(&format!("{dcc}/{file}")) else { return };
        let res = import_file(&mut b, "dcc.json", "application/json", &bytes).await;
        assert_eq!(verdict(&res), expected, "{file}: {}", text(&res));
    }
    let html = text(&b.get("/wallet").await);
    assert!(html.contains("Status not checked (offline)") && html.contains("Invalid signature"), "{html}");
}

#[tokio::test]
async fn other_issuers_status_and_urls_come_through_the_resolver() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures/dcc-vc-test-fixtures");
    if !root.exists() {
        eprintln!("SKIPPED: ../shared/fixtures/dcc-vc-test-fixtures is absent");
        return;
    }
    let list = root.join("statusLists/didkey-ed25519Signature2020/e5WK8CbZ1GjycuPombrj");
    let resolver = MapResolver::new()
        .with_path("https://digitalcredentials.github.io/vc-test-fixtures/", &root)
        .with_path(
            "https://raw.githubusercontent.com/digitalcredentials/verifier-core/refs/heads/main/src/test-fixtures/status/e5WK8CbZ1GjycuPombrj",
            list,
        );
    let app = TestApp::admin_on(TestApp::with_resolver(Arc::new(resolver)).await).await;
    let mut b = earner(&app, "erin@example.test").await;
    let revoked = "https://digitalcredentials.github.io/vc-test-fixtures/verifiableCredentials/v2/ed25519/didKey/noRegistry-revokedStatus-notExpired.json";
    let res = import_field(&mut b, "url", revoked).await;
    assert_eq!(verdict(&res), "revoked", "{}", text(&res));
    let valid = "https://digitalcredentials.github.io/vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-OBSpecExample.json";
    let res = import_field(&mut b, "url", valid).await;
    assert_eq!(verdict(&res), "valid");
    let item = href_of(&text(&res), "import-open");
    assert!(text(&b.get(&item).await).contains("Imported from a web address"));
    let res = import_field(&mut b, "url", "https://digitalcredentials.github.io/vc-test-fixtures/nothing.json").await;
    assert_eq!(res.status.as_u16(), 400);
    assert!(text(&res)
        .contains("Web address: https://digitalcredentials.github.io/vc-test-fixtures/nothing.json was not found"));
}

#[tokio::test]
async fn open_badges_2_hosted_assertions_are_checked_and_labelled() {
    let a = json!({"@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": "https://ob2.example/a/1",
        "recipient": {"type": "email", "hashed": false, "identity": "erin@example.test"}, "badge": "https://ob2.example/b/1",
        "verification": {"type": "hosted"}, "issuedOn": "2024-05-01T00:00:00Z", "image": "https://ob2.example/b/1.png"});
    let badge = json!({"@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass", "id": "https://ob2.example/b/1",
        "name": "Knot Tying", "description": "Ties knots.", "criteria": {"narrative": "Ten knots."}, "issuer": "https://ob2.example/i"});
    let issuer = json!({"@context": "https://w3id.org/openbadges/v2", "type": "Profile", "id": "https://ob2.example/i",
        "name": "Knot Club", "url": "https://ob2.example"});
    let resolver = MapResolver::new()
        .with_document("https://ob2.example/a/1", a.clone())
        .with_document("https://ob2.example/b/1", badge)
        .with_document("https://ob2.example/i", issuer);
    let app = TestApp::admin_on(TestApp::with_resolver(Arc::new(resolver)).await).await;
    let mut b = earner(&app, "erin@example.test").await;
    let res = import_field(&mut b, "url", "https://ob2.example/a/1").await;
    assert_eq!(verdict(&res), "valid", "{}", text(&res));
    let html = text(&res);
    assert!(html.contains("Open Badges 2.0 hosted verification") && html.contains("Hosted by the issuer"), "{html}");
    assert!(html.contains("Knot Tying") && html.contains("Knot Club"));
    let res = import_field(&mut b, "json", &a.to_string()).await;
    assert_eq!(verdict(&res), "valid");
    let item = href_of(&text(&res), "import-open");
    let page = text(&b.get(&item).await);
    assert!(page.contains("Imported Open Badges 2.0 badge") && !page.contains("id=\"download-png\""), "{page}");
    // Baked OB 2.0 images: an SVG pointing at the hosted assertion, and one carrying it.
    let pointer = r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://ob2.example/a/1"/><circle r="4"/></svg>"#;
    assert_eq!(verdict(&import_file(&mut b, "knots.svg", "image/svg+xml", pointer.as_bytes()).await), "valid");
    let carrying = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://ob2.example/a/1"><![CDATA[{a}]]></openbadges:assertion></svg>"#
    );
    assert_eq!(verdict(&import_file(&mut b, "knots.svg", "image/svg+xml", carrying.as_bytes()).await), "valid");
    let mut revoked = a.clone();
    revoked["revoked"] = json!(true);
    revoked["revocationReason"] = json!("issued by mistake");
    let gone = MapResolver::new().with_document("https://ob2.example/a/1", revoked);
    let app2 = TestApp::admin_on(TestApp::with_resolver(Arc::new(gone)).await).await;
    let mut b2 = earner(&app2, "erin@example.test").await;
    let res = import_field(&mut b2, "json", &a.to_string()).await;
    assert_eq!(verdict(&res), "revoked");
    assert!(text(&res).contains("the issuer revoked this assertion: issued by mistake"));

    // Offline, the same assertion is imported but its status is honestly unknown.
    let offline = TestApp::with_admin().await;
    let mut b = earner(&offline, "erin@example.test").await;
    assert_eq!(verdict(&import_field(&mut b, "json", &a.to_string()).await), "status-offline");
    let res = import_field(&mut b, "url", "https://ob2.example/a/1").await;
    assert_eq!(res.status.as_u16(), 400);
    assert!(text(&res).contains("online retrieval is off"), "{}", text(&res));
}

#[tokio::test]
async fn a_bad_upload_gets_a_clear_error_and_nothing_is_kept() {
    let app = TestApp::with_admin().await;
    let mut b = earner(&app, "erin@example.test").await;
    let res = import_file(&mut b, "notes.txt", "text/plain", b"hello, I am not a badge").await;
    assert_eq!(res.status.as_u16(), 400);
    let html = text(&res);
    assert!(
        html.contains("role=\"alert\"")
            && html.contains("File: is neither a JSON credential nor a PNG or SVG badge image")
    );
    let res = import_file(&mut b, "broken.png", "image/png", b"\x89PNG\r\n\x1a\nnot really").await;
    assert!(text(&res).contains("File: ") && res.status.as_u16() == 400);
    let res = import_field(&mut b, "json", "{\"hello\": 1}").await;
    assert!(text(&res).contains("Pasted JSON: not a credential"), "{}", text(&res));
    let csrf = csrf_of(&text(&b.get("/wallet/import").await));
    let res = b.post_multipart("/wallet/import", &[("csrf", None, "text/plain", csrf.as_bytes())]).await;
    assert!(text(&res).contains("File: choose a file, paste JSON or give a URL"));
    let res = b.post_multipart("/wallet/import", &[("json", None, "text/plain", b"{}")]).await;
    assert_eq!(res.status.as_u16(), 403, "no anti-forgery token, no import");
    let erin = user_id(&app, "erin@example.test").await;
    assert!(app.ctx.store.list_wallet_items(erin, None).await.unwrap().is_empty());
}
