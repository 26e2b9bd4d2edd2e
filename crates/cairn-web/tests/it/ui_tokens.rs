//! API tokens in the console settings: created through the form (the secret shown once, never
//! cached), used on the API, revoked through the form.

use crate::app::{Auth, TestApp, ADMIN_EMAIL, ADMIN_PASSWORD};
use crate::ui_support::{location, text, Browser};

/// The `value="…"` following `marker` in `html`.
fn value_after(html: &str, marker: &str) -> String {
    let rest = html.split(marker).nth(1).unwrap_or_else(|| panic!("no {marker} in: {html}"));
    let rest = rest.split("value=\"").nth(1).unwrap();
    rest[..rest.find('"').unwrap()].to_string()
}

#[tokio::test]
async fn an_owner_creates_a_token_uses_it_and_revokes_it_in_the_console() {
    let app = TestApp::with_admin().await;
    app.create_org("uni").await;
    let mut b = Browser::new(&app);
    assert_eq!(b.sign_in(ADMIN_EMAIL, ADMIN_PASSWORD).await.status.as_u16(), 303);
    let url = "/console/uni/settings";

    let page = text(&b.get(url).await);
    assert!(page.contains("API tokens") && page.contains("No API tokens yet."), "{page}");
    assert!(page.contains("id=\"settings-token-form\"") && page.contains("<label for=\"token_name\">"));

    // A name is needed; the error is shown next to the form and nothing is created.
    let res = b.submit(url, url, &[("action", "token"), ("token_name", " "), ("token_role", "issuer")]).await;
    assert_eq!(res.status.as_u16(), 400);
    let html = text(&res);
    assert!(html.contains("role=\"alert\"") && html.contains("Token name: must be 1 to 100 characters"), "{html}");
    assert!(html.contains("No API tokens yet."));

    let res = b.submit(url, url, &[("action", "token"), ("token_name", "LMS"), ("token_role", "issuer")]).await;
    assert_eq!(res.status.as_u16(), 200);
    assert_eq!(res.headers.get("cache-control").unwrap(), "no-store");
    let html = text(&res);
    assert!(html.contains("it will not be shown again"), "{html}");
    assert!(html.contains("data-copy=") && html.contains("id=\"token-copy\""));
    let secret = value_after(&html, "id=\"token_secret\"");
    assert!(secret.len() >= 32, "{secret}");

    // The secret works on the API with the chosen role, and is listed without it.
    app.get("/api/v1/orgs/uni", Auth::Bearer(&secret)).await.expect(200);
    app.post("/api/v1/orgs/uni/keys/rotate", Auth::Bearer(&secret), serde_json::json!({})).await.expect_error(
        403,
        "forbidden",
        None,
    );
    let page = text(&b.get(url).await);
    assert!(!page.contains(&secret), "the settings page never shows the secret again");
    let table = page.split("id=\"settings-tokens\"").nth(1).unwrap().split("</table>").next().unwrap();
    assert!(table.contains("LMS") && table.contains("Issuer") && table.contains("Active"), "{table}");
    assert!(table.contains("data-confirm=\"Revoke the token “LMS”?"), "{table}");
    let id = value_after(table, "name=\"token_id\"");

    let res = b.submit(url, url, &[("action", "token_revoke"), ("token_id", &id)]).await;
    assert_eq!(res.status.as_u16(), 303);
    assert_eq!(location(&res), "/console/uni/settings?done=token-revoked");
    let page = text(&b.get(&location(&res)).await);
    assert!(page.contains("The token is revoked"), "{page}");
    let table = page.split("id=\"settings-tokens\"").nth(1).unwrap().split("</table>").next().unwrap();
    assert!(table.contains("Revoked") && !table.contains("name=\"token_id\""), "{table}");
    app.get("/api/v1/orgs/uni", Auth::Bearer(&secret)).await.expect_error(401, "unauthorized", None);

    // Another organisation's token cannot be revoked from here.
    let other = app.org_with_token("other").await;
    let list = app.get("/api/v1/orgs/other/tokens", Auth::Bearer(&other)).await.expect(200);
    let other_id = list[0]["id"].as_str().unwrap().to_string();
    let res = b.submit(url, url, &[("action", "token_revoke"), ("token_id", &other_id)]).await;
    assert_eq!(res.status.as_u16(), 404);
    app.get("/api/v1/orgs/other", Auth::Bearer(&other)).await.expect(200);
}

#[tokio::test]
async fn an_owner_removes_a_member_whose_tokens_then_stop_working_but_not_the_last_owner() {
    let app = TestApp::with_admin().await;
    app.create_org("uni").await;
    let mut admin = Browser::new(&app);
    admin.sign_in(ADMIN_EMAIL, ADMIN_PASSWORD).await;
    let mut erin = Browser::new(&app);
    erin.sign_up("erin@example.test", "Erin", "a long enough password").await;
    let url = "/console/uni/settings";
    let res = admin
        .submit(url, url, &[("action", "member"), ("member_email", "erin@example.test"), ("member_role", "owner")])
        .await;
    assert_eq!(res.status.as_u16(), 303, "{}", text(&res));
    assert_eq!(erin.get("/console/uni").await.status.as_u16(), 200);
    let org = app.ctx.store.get_org_by_slug("uni").await.unwrap();
    let erin_user = app.ctx.store.get_user_by_email("erin@example.test").await.unwrap();
    let actor = cairn_core::model::Actor { user_id: erin_user.id, is_admin: false };
    let role = cairn_core::model::Role::Owner;
    let (_, secret) = cairn_core::service::auth::create_token(&app.ctx, &actor, org.id, "erin's", role).await.unwrap();
    app.get("/api/v1/orgs/uni/keys", Auth::Bearer(&secret)).await.expect(200);

    let page = text(&admin.get(url).await);
    assert!(page.contains("aria-label=\"Remove Erin from the organisation\""), "{page}");
    let res = admin.submit(url, url, &[("action", "member_remove"), ("member_email", "erin@example.test")]).await;
    assert_eq!(location(&res), "/console/uni/settings?done=member-removed");
    assert!(text(&admin.get(&location(&res)).await).contains("The member is removed"));
    assert_eq!(erin.get("/console/uni").await.status.as_u16(), 404, "no longer a member");
    app.get("/api/v1/orgs/uni/keys", Auth::Bearer(&secret)).await.expect_error(401, "unauthorized", None);

    let res = admin.submit(url, url, &[("action", "member_remove"), ("member_email", ADMIN_EMAIL)]).await;
    assert_eq!(res.status.as_u16(), 400);
    assert!(text(&res).contains("is the last owner"), "{}", text(&res));
    let res = admin.submit(url, url, &[("action", "member_remove"), ("member_email", "nobody@example.test")]).await;
    assert!(text(&res).contains("is not a member of this organisation"));
}
