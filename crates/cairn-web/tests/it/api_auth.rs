//! Authentication and isolation: the setup token works once, requests without a valid token
//! are 401, roles are enforced (403), and nobody reaches another organisation's data (404).

use serde_json::json;

use crate::app::{Auth, TestApp, ADMIN, ADMIN_EMAIL, ADMIN_PASSWORD};

#[tokio::test]
async fn the_setup_token_works_once_and_a_wrong_guess_does_not_burn_it() {
    let app = TestApp::new().await;
    let body =
        |token: &str| json!({"setup_token": token, "email": ADMIN_EMAIL, "name": "Ada", "password": ADMIN_PASSWORD});

    app.post("/api/v1/setup", Auth::None, body("cairn_wrong")).await.expect_error(401, "unauthorized", None);
    let user = app.post("/api/v1/setup", Auth::None, body(&app.setup_token)).await.expect(201);
    assert_eq!(user["email"], ADMIN_EMAIL);
    assert_eq!(user["is_admin"], true);
    assert!(user.get("password_hash").is_none() && !user.to_string().contains("argon2"));

    let again = json!({"setup_token": app.setup_token, "email": "second@example.test", "name": "Eve", "password": "another password"});
    app.post("/api/v1/setup", Auth::None, again).await.expect_error(403, "forbidden", None);
}

#[tokio::test]
async fn setup_validation_names_the_field() {
    let app = TestApp::new().await;
    let short = json!({"setup_token": app.setup_token, "email": ADMIN_EMAIL, "name": "Ada", "password": "short"});
    app.post("/api/v1/setup", Auth::None, short).await.expect_error(400, "invalid", Some("password"));
    let missing = json!({"setup_token": app.setup_token, "name": "Ada", "password": ADMIN_PASSWORD});
    app.post("/api/v1/setup", Auth::None, missing).await.expect_error(400, "invalid", Some("email"));
}

#[tokio::test]
async fn requests_without_a_valid_token_are_401() {
    let app = TestApp::with_admin().await;
    let token = app.org_with_token("alpha").await;

    let res = app.get("/api/v1/orgs/alpha", Auth::None).await;
    res.expect_error(401, "unauthorized", None);
    assert_eq!(res.headers["www-authenticate"], "Bearer realm=\"cairn\"");
    app.get("/api/v1/orgs/alpha", Auth::Bearer("cairn_not-a-token")).await.expect_error(401, "unauthorized", None);
    // A Basic header is not a bearer token.
    app.get("/api/v1/orgs/alpha", ADMIN).await.expect_error(401, "unauthorized", None);
    app.get("/api/v1/orgs/alpha", Auth::Bearer(&token)).await.expect(200);

    // Basic with a wrong password, or an unknown user, is the same 401.
    let body = json!({"org": "alpha", "name": "x", "role": "viewer"});
    app.post("/api/v1/tokens", Auth::Basic(ADMIN_EMAIL, "wrong password"), body.clone()).await.expect_error(
        401,
        "unauthorized",
        None,
    );
    app.post("/api/v1/tokens", Auth::Basic("nobody@example.test", "wrong password"), body).await.expect_error(
        401,
        "unauthorized",
        None,
    );
}

#[tokio::test]
async fn roles_are_enforced_for_tokens_and_users() {
    let app = TestApp::with_admin().await;
    let owner = app.org_with_token("alpha").await;
    let viewer = app.token("alpha", "viewer").await;
    let achievement = app.create_achievement("alpha", &owner).await;

    // A viewer reads but does not issue, create achievements or change settings.
    app.get("/api/v1/orgs/alpha/achievements", Auth::Bearer(&viewer)).await.expect(200);
    let path = format!("/api/v1/orgs/alpha/achievements/{achievement}/credentials");
    app.post(&path, Auth::Bearer(&viewer), json!({"recipient": "ann@example.test"})).await.expect_error(
        403,
        "forbidden",
        None,
    );
    app.post("/api/v1/orgs/alpha/achievements", Auth::Bearer(&viewer), crate::app::sample_achievement())
        .await
        .expect_error(403, "forbidden", None);
    app.patch("/api/v1/orgs/alpha", Auth::Bearer(&viewer), json!({"name": "Hacked"})).await.expect_error(
        403,
        "forbidden",
        None,
    );
    // An issuer issues but does not rotate keys.
    let issuer = app.token("alpha", "issuer").await;
    app.post(&path, Auth::Bearer(&issuer), json!({"recipient": "ann@example.test"})).await.expect(201);
    app.post("/api/v1/orgs/alpha/keys/rotate", Auth::Bearer(&issuer), json!({})).await.expect_error(
        403,
        "forbidden",
        None,
    );

    // A plain user may not create organisations or users, and cannot mint tokens for an
    // organisation they do not belong to (404: they may not learn it exists).
    let user = json!({"email": "bob@example.test", "name": "Bob", "password": "bob's password"});
    app.post("/api/v1/users", ADMIN, user).await.expect(201);
    let bob = Auth::Basic("bob@example.test", "bob's password");
    app.post("/api/v1/orgs", bob, json!({"slug": "bobs", "name": "Bob's"})).await.expect_error(403, "forbidden", None);
    app.post("/api/v1/users", bob, json!({"email": "c@example.test", "name": "C", "password": "0123456789"}))
        .await
        .expect_error(403, "forbidden", None);
    app.post("/api/v1/tokens", bob, json!({"org": "alpha", "name": "mine", "role": "owner"})).await.expect_error(
        404,
        "not_found",
        None,
    );

    // Made a viewer, Bob still cannot mint tokens (owners only).
    let members = "/api/v1/orgs/alpha/members";
    app.put(members, Auth::Bearer(&owner), json!({"email": "bob@example.test", "role": "viewer"})).await.expect(200);
    app.post("/api/v1/tokens", bob, json!({"org": "alpha", "name": "mine", "role": "owner"})).await.expect_error(
        403,
        "forbidden",
        None,
    );
    // Made an owner he can; demoted again, his owner token is capped at his current role.
    app.put(members, Auth::Bearer(&owner), json!({"email": "bob@example.test", "role": "owner"})).await.expect(200);
    let bobs =
        app.post("/api/v1/tokens", bob, json!({"org": "alpha", "name": "mine", "role": "owner"})).await.expect(201);
    let bobs = bobs["token"].as_str().unwrap().to_string();
    app.post(&path, Auth::Bearer(&bobs), json!({"recipient": "ann@example.test"})).await.expect(201);
    app.put(members, Auth::Bearer(&owner), json!({"email": "bob@example.test", "role": "viewer"})).await.expect(200);
    app.post(&path, Auth::Bearer(&bobs), json!({"recipient": "ann@example.test"})).await.expect_error(
        403,
        "forbidden",
        None,
    );
    app.get("/api/v1/orgs/alpha", Auth::Bearer(&bobs)).await.expect(200);
}

#[tokio::test]
async fn nobody_reads_or_acts_on_another_organisations_data() {
    let app = TestApp::with_admin().await;
    let a = app.org_with_token("alpha").await;
    let b = app.org_with_token("beta").await;
    let b_achievement = app.create_achievement("beta", &b).await;
    let b_credential = app.issue("beta", &b, &b_achievement, "carol@example.test").await;
    let b_cred_id = b_credential["id"].as_str().unwrap();
    let csv = "recipient\ndan@example.test\n";
    let b_job =
        app.post_csv(&format!("/api/v1/orgs/beta/achievements/{b_achievement}/bulk"), Auth::Bearer(&b), csv).await;
    let b_job_id = b_job.expect(202)["id"].as_str().unwrap().to_string();

    // Alpha's token on Beta's paths: 404, whatever the route.
    for path in [
        "/api/v1/orgs/beta",
        "/api/v1/orgs/beta/keys",
        "/api/v1/orgs/beta/achievements",
        "/api/v1/orgs/beta/credentials",
    ] {
        app.get(path, Auth::Bearer(&a)).await.expect_error(404, "not_found", None);
    }
    app.patch("/api/v1/orgs/beta", Auth::Bearer(&a), json!({"name": "Mine"})).await.expect_error(
        404,
        "not_found",
        None,
    );
    app.post(&format!("/api/v1/orgs/beta/credentials/{b_cred_id}/revoke"), Auth::Bearer(&a), json!({}))
        .await
        .expect_error(404, "not_found", None);

    // Beta's ids under Alpha's own slug: 404 as well.
    let alpha_paths = [
        format!("/api/v1/orgs/alpha/achievements/{b_achievement}"),
        format!("/api/v1/orgs/alpha/credentials/{b_cred_id}"),
        format!("/api/v1/orgs/alpha/jobs/{b_job_id}"),
    ];
    for path in &alpha_paths {
        app.get(path, Auth::Bearer(&a)).await.expect_error(404, "not_found", None);
    }
    let issue = format!("/api/v1/orgs/alpha/achievements/{b_achievement}/credentials");
    app.post(&issue, Auth::Bearer(&a), json!({"recipient": "eve@example.test"})).await.expect_error(
        404,
        "not_found",
        None,
    );
    let patch = format!("/api/v1/orgs/alpha/achievements/{b_achievement}");
    app.patch(&patch, Auth::Bearer(&a), json!({"name": "Mine"})).await.expect_error(404, "not_found", None);
    for action in ["revoke", "suspend", "reinstate"] {
        let path = format!("/api/v1/orgs/alpha/credentials/{b_cred_id}/{action}");
        app.post(&path, Auth::Bearer(&a), json!({})).await.expect_error(404, "not_found", None);
    }
    let bulk = format!("/api/v1/orgs/alpha/achievements/{b_achievement}/bulk/validate");
    app.post_csv(&bulk, Auth::Bearer(&a), csv).await.expect_error(404, "not_found", None);
    // Alpha's list does not show Beta's credential.
    let list = app.get("/api/v1/orgs/alpha/credentials", Auth::Bearer(&a)).await.expect(200);
    assert_eq!(list["items"], json!([]));

    // And Beta's credential is untouched.
    let still = app.get(&format!("/api/v1/orgs/beta/credentials/{b_cred_id}"), Auth::Bearer(&b)).await.expect(200);
    assert_eq!(still["status"], "active");
}
