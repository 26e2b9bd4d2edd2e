//! An organisation's API tokens: owners list them (never a secret or hash) and revoke them.

use serde_json::{json, Value};

use crate::app::{Auth, TestApp, ADMIN};

/// The id of the token named `name` in a list.
fn id_of(list: &Value, name: &str) -> String {
    let t = list.as_array().unwrap().iter().find(|t| t["name"] == name).unwrap();
    t["id"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn owners_list_and_revoke_tokens_and_revoked_ones_stop_working() {
    let app = TestApp::with_admin().await;
    let owner = app.org_with_token("alpha").await;
    let viewer = app.token("alpha", "viewer").await;
    let beta_owner = app.org_with_token("beta").await;

    let list = app.get("/api/v1/orgs/alpha/tokens", Auth::Bearer(&owner)).await.expect(200);
    let items = list.as_array().unwrap();
    assert_eq!(items.len(), 2, "{list}");
    let text = list.to_string();
    assert!(!text.contains(&owner) && !text.contains(&viewer), "no secrets: {text}");
    assert!(items.iter().all(|t| t.get("token").is_none() && t.get("token_hash").is_none()), "{text}");
    let viewer_id = id_of(&list, "viewer token");
    let v = items.iter().find(|t| t["name"] == "viewer token").unwrap();
    assert_eq!(v["role"], "viewer");
    assert_eq!(v["revoked"], false);
    assert!(v["created_at"].as_str().unwrap().contains('T'));

    // Viewers may neither list nor revoke.
    app.get("/api/v1/orgs/alpha/tokens", Auth::Bearer(&viewer)).await.expect_error(403, "forbidden", None);
    let revoke = format!("/api/v1/orgs/alpha/tokens/{viewer_id}/revoke");
    app.post(&revoke, Auth::Bearer(&viewer), json!({})).await.expect_error(403, "forbidden", None);

    // Another organisation's owner cannot reach alpha's token, by either path.
    let foreign = format!("/api/v1/orgs/beta/tokens/{viewer_id}/revoke");
    app.post(&foreign, Auth::Bearer(&beta_owner), json!({})).await.expect_error(404, "not_found", None);
    app.post(&revoke, Auth::Bearer(&beta_owner), json!({})).await.expect_error(404, "not_found", None);
    app.get("/api/v1/orgs/alpha", Auth::Bearer(&viewer)).await.expect(200);
    let beta_list = app.get("/api/v1/orgs/beta/tokens", Auth::Bearer(&beta_owner)).await.expect(200);
    assert_eq!(beta_list.as_array().unwrap().len(), 1, "{beta_list}");

    let bad = "/api/v1/orgs/alpha/tokens/not-a-uuid/revoke";
    app.post(bad, Auth::Bearer(&owner), json!({})).await.expect_error(400, "invalid", Some("id"));

    let revoked = app.post(&revoke, Auth::Bearer(&owner), json!({})).await.expect(200);
    assert_eq!(revoked["revoked"], true);
    assert_eq!(revoked["id"].as_str().unwrap(), viewer_id);
    app.get("/api/v1/orgs/alpha", Auth::Bearer(&viewer)).await.expect_error(401, "unauthorized", None);
    let list = app.get("/api/v1/orgs/alpha/tokens", Auth::Bearer(&owner)).await.expect(200);
    let v = list.as_array().unwrap().iter().find(|t| t["name"] == "viewer token").unwrap().clone();
    assert_eq!(v["revoked"], true);
    // The owner token still works.
    app.get("/api/v1/orgs/alpha", Auth::Bearer(&owner)).await.expect(200);
}

#[tokio::test]
async fn a_token_needs_a_name() {
    let app = TestApp::with_admin().await;
    app.create_org("alpha").await;
    let body = json!({"org": "alpha", "name": "  ", "role": "viewer"});
    app.post("/api/v1/tokens", ADMIN, body).await.expect_error(400, "invalid", Some("name"));
}
