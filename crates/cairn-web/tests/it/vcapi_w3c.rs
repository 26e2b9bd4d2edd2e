//! The W3C VC-API: `/credentials/verify` and `/presentations/verify` shapes and codes (200
//! verified, 400 with the same shape, ProblemDetails errors) and `/credentials/issue`
//! (Bearer token with the issuer role, 201, ProblemDetails naming an undefined term).

use cairn_core::model::Role;
use cairn_vc::keys::Ed25519Key;
use cairn_vc::proof::{self, ProofOptions};
use serde_json::{json, Value};

use crate::pub_app::{definition, PubApp};

async fn issued(app: &PubApp) -> Value {
    let record = app.issue(&app.achievement(definition("Rust Basics", None)).await).await;
    serde_json::from_str(&record.json).unwrap()
}

#[tokio::test]
async fn credentials_verify_answers_200_or_400_with_one_shape() {
    let app = PubApp::new().await;
    let vc = issued(&app).await;
    let r = app
        .post_json("/credentials/verify", &json!({"verifiableCredential": vc, "options": {"checks": ["proof"]}}))
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let body = r.json();
    assert_eq!(body["verified"], true);
    assert!(body["checks"].as_array().unwrap().contains(&json!("proof")));
    assert!(body["checks"].as_array().unwrap().contains(&json!("status")), "status checked without being asked");
    assert_eq!((body["warnings"].as_array().unwrap().len(), body["errors"].as_array().unwrap().len()), (0, 0));

    let mut tampered = vc.clone();
    tampered["validFrom"] = "2020-01-01T00:00:00Z".into();
    let r = app.post_json("/credentials/verify", &json!({"verifiableCredential": tampered})).await;
    assert_eq!(r.status, 400);
    let body = r.json();
    assert_eq!(body["verified"], false);
    let error = &body["errors"][0];
    assert_eq!(error["type"], "https://w3id.org/security#PROOF_VERIFICATION_ERROR");
    assert_eq!(error["title"], "Proof verification error");
    assert!(error["detail"].as_str().unwrap().contains("signature"));

    app.revoke(
        &app.ctx
            .store
            .get_credential(vc["id"].as_str().unwrap().rsplit('/').next().unwrap().parse().unwrap())
            .await
            .unwrap(),
    )
    .await;
    let body = app.post_json("/credentials/verify", &json!({"verifiableCredential": vc})).await.json();
    assert_eq!(body["errors"][0]["type"], "https://www.w3.org/ns/credentials/status-list#REVOCATION");

    for bad in [json!({"credential": {}}), json!({"verifiableCredential": "a string"})] {
        let r = app.post_json("/credentials/verify", &bad).await;
        assert_eq!(r.status, 400);
        assert_eq!(r.json()["errors"][0]["type"], "https://w3id.org/security#PARSING_ERROR");
    }
    let r = app.post("/credentials/verify", "application/json", "{not json").await;
    assert_eq!((r.status.as_u16(), r.json()["verified"].as_bool()), (400, Some(false)));
}

fn holder_presentation(vc: Value, challenge: &str) -> Value {
    let holder = Ed25519Key::from_seed(&[42u8; 32]);
    let vp = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiablePresentation"],
        "holder": holder.did_key(),
        "verifiableCredential": [vc],
    });
    let mut options = ProofOptions::assertion(
        format!("{}#{}", holder.did_key(), holder.public_key_multibase()),
        "2025-03-01T10:00:00Z",
    );
    options.proof_purpose = "authentication".into();
    options.challenge = Some(challenge.into());
    options.domain = Some("verifier.example".into());
    proof::sign(&cairn_vc::canon::Canonicalizer::default(), &vp, &holder, &options).unwrap()
}

#[tokio::test]
async fn presentations_verify_checks_the_holder_proof_and_each_credential() {
    let app = PubApp::new().await;
    let vp = holder_presentation(issued(&app).await, "c-1");
    let ok = json!({"verifiablePresentation": vp, "options": {"challenge": "c-1", "domain": "verifier.example"}});
    let r = app.post_json("/presentations/verify", &ok).await;
    assert_eq!(r.status, 200, "{}", r.text());
    let body = r.json();
    assert_eq!(body["verified"], true);
    for check in ["proof", "challenge", "domain"] {
        assert!(body["checks"].as_array().unwrap().contains(&json!(check)), "{check}");
    }
    assert_eq!(body["credentialResults"][0]["verified"], true);
    assert_eq!(body["presentationResult"]["verified"], true);

    let wrong = json!({"verifiablePresentation": vp, "options": {"challenge": "c-2", "domain": "verifier.example"}});
    let r = app.post_json("/presentations/verify", &wrong).await;
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["errors"][0]["type"], "https://w3id.org/security#INVALID_CHALLENGE_ERROR");

    let mut vc = issued(&app).await;
    vc["name"] = "Forged".into();
    let r = app
        .post_json(
            "/presentations/verify",
            &json!({"verifiablePresentation": holder_presentation(vc, "c-3"), "options": {"challenge": "c-3"}}),
        )
        .await;
    assert_eq!(r.status, 400);
    let body = r.json();
    assert_eq!(
        (body["presentationResult"]["verified"].as_bool(), body["credentialResults"][0]["verified"].as_bool()),
        (Some(true), Some(false))
    );
    assert!(body["errors"][0]["detail"].as_str().unwrap().starts_with("verifiableCredential[0]: "));
}

fn unsigned(issuer: &str) -> Value {
    json!({
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": "urn:uuid:3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": "Direct",
        "issuer": {"id": issuer, "type": ["Profile"], "name": "Acme"},
        "validFrom": "2025-03-01T00:00:00Z",
        "credentialSubject": {
            "id": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
            "type": ["AchievementSubject"],
            "achievement": {"id": "https://badges.example.edu/achievements/direct", "type": ["Achievement"],
                "name": "Direct", "description": "Signed through the VC-API.", "criteria": {"narrative": "Ask."}}
        }
    })
}

async fn issue_with(app: &PubApp, token: Option<&str>, body: &Value) -> crate::pub_app::Resp {
    let mut req = axum::http::Request::post("/credentials/issue").header("content-type", "application/json");
    if let Some(t) = token {
        req = req.header("authorization", format!("Bearer {t}"));
    }
    app.send(req.body(axum::body::Body::from(serde_json::to_vec(body).unwrap())).unwrap()).await
}

#[tokio::test]
async fn credentials_issue_signs_for_the_token_organisation() {
    let app = PubApp::new().await;
    let issuer = "https://badges.example.edu/issuers/acme";
    let request = json!({"credential": unsigned(issuer), "options": {}});

    let r = issue_with(&app, None, &request).await;
    assert_eq!((r.status.as_u16(), r.header("www-authenticate")), (401, "Bearer realm=\"cairn\""));
    assert_eq!(r.json()["title"], "Unauthorized");
    let viewer = app.token(Role::Viewer).await;
    assert_eq!(issue_with(&app, Some(&viewer), &request).await.status, 403);
    assert_eq!(issue_with(&app, Some("cairn_wrong"), &request).await.status, 401);

    let token = app.token(Role::Issuer).await;
    let r = issue_with(&app, Some(&token), &request).await;
    assert_eq!(r.status, 201, "{}", r.text());
    let vc = r.json()["verifiableCredential"].clone();
    assert_eq!(vc["proof"][0]["cryptosuite"], "eddsa-rdfc-2022");
    assert!(vc["proof"][0]["verificationMethod"].as_str().unwrap().starts_with(&format!("{issuer}#z6Mk")));
    let r = app.post_json("/credentials/verify", &json!({"verifiableCredential": vc})).await;
    assert_eq!(r.status, 200, "the signed credential verifies: {}", r.text());

    let mut undefined = unsigned(issuer);
    undefined["credentialSubject"]["favouriteColour"] = "teal".into();
    let r = issue_with(&app, Some(&token), &json!({"credential": undefined})).await;
    assert_eq!(r.status, 400);
    let problem = r.json();
    assert_eq!(problem["type"], "https://w3id.org/security#DATA_LOSS_DETECTION_ERROR");
    assert!(problem["detail"].as_str().unwrap().contains("favouriteColour"), "{problem}");

    let r =
        issue_with(&app, Some(&token), &json!({"credential": unsigned("https://elsewhere.example/issuers/x")})).await;
    assert_eq!(r.status, 400);
    assert!(r.json()["detail"].as_str().unwrap().starts_with("credential.issuer: "));
    let mut bad_date = unsigned(issuer);
    bad_date["validFrom"] = "yesterday".into();
    assert_eq!(issue_with(&app, Some(&token), &json!({"credential": bad_date})).await.status, 400);
}
