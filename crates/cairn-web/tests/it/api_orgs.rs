//! Organisations: creation (administrators), profile, keys and rotation, members.

use serde_json::json;

use crate::app::{Auth, TestApp, ADMIN, BASE};

#[tokio::test]
async fn an_administrator_creates_an_organisation_with_a_signing_key() {
    let app = TestApp::with_admin().await;
    let org = app.create_org("alpha").await;
    assert_eq!(org["slug"], "alpha");
    assert_eq!(org["name"], "alpha University");
    assert_eq!(org["issuer_id"], format!("{BASE}/issuers/alpha"));
    assert_eq!(org["address"]["country_code"], "NL");
    assert_eq!(org["suspension_enabled"], false);
    assert!(org.get("suspension_note").is_none());

    let token = app.token("alpha", "viewer").await;
    let got = app.get("/api/v1/orgs/alpha", Auth::Bearer(&token)).await.expect(200);
    assert_eq!(got, org);
    let keys = app.get("/api/v1/orgs/alpha/keys", Auth::Bearer(&token)).await.expect(200);
    let keys = keys.as_array().unwrap();
    assert_eq!(keys.len(), 1);
    let mb = keys[0]["public_key_multibase"].as_str().unwrap();
    assert!(mb.starts_with("z6Mk"), "{mb}");
    assert_eq!(keys[0]["verification_method"], format!("{BASE}/issuers/alpha#{mb}"));
    assert!(keys[0]["retired_at"].is_null());
    assert!(!keys[0].to_string().contains("sealed"), "no secret material: {}", keys[0]);
}

#[tokio::test]
async fn organisation_errors_name_the_field() {
    let app = TestApp::with_admin().await;
    app.create_org("alpha").await;
    app.post("/api/v1/orgs", ADMIN, json!({"slug": "alpha", "name": "Again"}))
        .await
        .expect_error(409, "conflict", None);
    app.post("/api/v1/orgs", ADMIN, json!({"slug": "Not A Slug", "name": "X"})).await.expect_error(
        400,
        "invalid",
        Some("slug"),
    );
    app.post("/api/v1/orgs", ADMIN, json!({"slug": "gamma", "name": " "})).await.expect_error(
        400,
        "invalid",
        Some("name"),
    );
    let bad_country = json!({"slug": "gamma", "name": "G", "address": {"country_code": "Netherlands"}});
    app.post("/api/v1/orgs", ADMIN, bad_country).await.expect_error(400, "invalid", Some("address.country_code"));
    let unknown = json!({"slug": "gamma", "name": "G", "adress": {}});
    let msg = app.post("/api/v1/orgs", ADMIN, unknown).await.expect_error(400, "invalid", Some("adress"));
    assert!(msg.contains("unknown field"), "{msg}");
    let wrong_type = json!({"slug": "gamma", "name": "G", "suspension_enabled": "yes"});
    app.post("/api/v1/orgs", ADMIN, wrong_type).await.expect_error(400, "invalid", Some("suspension_enabled"));
    let res = app.call("POST", "/api/v1/orgs", ADMIN, Some(("text/plain", b"{}".to_vec())), &[]).await;
    res.expect_error(400, "invalid", Some("Content-Type"));
    let res = app.call("POST", "/api/v1/orgs", ADMIN, Some(("application/json", b"{\"slug\": ".to_vec())), &[]).await;
    res.expect_error(400, "invalid", Some("body"));
}

#[tokio::test]
async fn owners_edit_the_profile_absent_fields_stay_and_null_clears() {
    let app = TestApp::with_admin().await;
    let token = app.org_with_token("alpha").await;
    let patch = json!({"name": "Alpha Academy", "url": null, "suspension_enabled": true,
        "address": {"country_code": "BE", "locality": "Gent"}});
    let org = app.patch("/api/v1/orgs/alpha", Auth::Bearer(&token), patch).await.expect(200);
    assert_eq!(org["name"], "Alpha Academy");
    assert!(org["url"].is_null());
    assert_eq!(
        org["address"],
        json!({"country_code": "BE", "country": null, "region": null, "locality": "Gent", "street": null, "postal_code": null})
    );
    assert_eq!(org["suspension_enabled"], true);
    assert!(org["suspension_note"].as_str().unwrap().contains("strict JSON schema"));
    assert_eq!(org["slug"], "alpha");
    // Stored, not just echoed.
    assert_eq!(app.get("/api/v1/orgs/alpha", Auth::Bearer(&token)).await.expect(200), org);

    app.patch("/api/v1/orgs/alpha", Auth::Bearer(&token), json!({"name": ""})).await.expect_error(
        400,
        "invalid",
        Some("name"),
    );
    app.patch("/api/v1/orgs/alpha", Auth::Bearer(&token), json!({"slug": "other"})).await.expect_error(
        400,
        "invalid",
        Some("slug"),
    );
}

#[tokio::test]
async fn rotation_adds_a_key_and_retires_the_old_one() {
    let app = TestApp::with_admin().await;
    let token = app.org_with_token("alpha").await;
    let before = app.get("/api/v1/orgs/alpha/keys", Auth::Bearer(&token)).await.expect(200);
    app.clock.advance(time::Duration::minutes(1));
    let new = app.post("/api/v1/orgs/alpha/keys/rotate", Auth::Bearer(&token), json!({})).await.expect(200);
    let keys = app.get("/api/v1/orgs/alpha/keys", Auth::Bearer(&token)).await.expect(200);
    let keys = keys.as_array().unwrap();
    assert_eq!(keys.len(), 2);
    assert_eq!(keys[0]["id"], before[0]["id"]);
    assert!(keys[0]["retired_at"].is_string(), "the old key is retired: {}", keys[0]);
    assert_eq!(keys[1], new);
    assert!(new["retired_at"].is_null());
    assert_ne!(new["public_key_multibase"], before[0]["public_key_multibase"]);
}

#[tokio::test]
async fn owners_add_members_by_email() {
    let app = TestApp::with_admin().await;
    let token = app.org_with_token("alpha").await;
    let user = app
        .post("/api/v1/users", ADMIN, json!({"email": "Bob@Example.test", "name": "Bob", "password": "bob's password"}))
        .await
        .expect(201);
    assert_eq!(user["email"], "bob@example.test");
    assert_eq!(user["is_admin"], false);
    let m = app
        .put("/api/v1/orgs/alpha/members", Auth::Bearer(&token), json!({"email": "bob@example.test", "role": "issuer"}))
        .await;
    let m = m.expect(200);
    assert_eq!(m, json!({"user_id": user["id"], "org": "alpha", "role": "issuer"}));
    // Bob's own token now works in alpha, as an issuer at most.
    let body = json!({"org": "alpha", "name": "bob", "role": "owner"});
    let bob = Auth::Basic("bob@example.test", "bob's password");
    app.post("/api/v1/tokens", bob, body).await.expect_error(403, "forbidden", None);

    app.put(
        "/api/v1/orgs/alpha/members",
        Auth::Bearer(&token),
        json!({"email": "ghost@example.test", "role": "viewer"}),
    )
    .await
    .expect_error(400, "invalid", Some("email"));
    let msg = app
        .put("/api/v1/orgs/alpha/members", Auth::Bearer(&token), json!({"email": "bob@example.test", "role": "boss"}))
        .await
        .expect_error(400, "invalid", Some("role"));
    assert!(msg.contains("owner"), "the message lists the roles: {msg}");
    app.post("/api/v1/users", ADMIN, json!({"email": "bob@example.test", "name": "B", "password": "0123456789"}))
        .await
        .expect_error(409, "conflict", None);
}
