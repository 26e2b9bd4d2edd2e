//! Credentials: issuing (the signed credential verifies), idempotency, field-named
//! validation, listing, revocation (the status list bit is set) and suspension.

use cairn_core::ids::StatusListId;
use cairn_core::service::orgs;
use cairn_vc::bitstring::Bitstring;
use cairn_vc::resolve::MapResolver;
use cairn_vc::verify::{Verifier, VerifyOptions};
use serde_json::{json, Value};

use crate::app::{Auth, TestApp, BASE};

/// Verifies `credential` with the engine, serving the issuer's controller document and the
/// credential's status list(s) as they are stored now.
async fn verify(app: &TestApp, slug: &str, credential: &Value) -> cairn_vc::report::Report {
    let org = app.ctx.store.get_org_by_slug(slug).await.unwrap();
    let controller = orgs::controller_document(&app.ctx, &org).await.unwrap();
    let mut resolver = MapResolver::new().with_document(format!("{BASE}/issuers/{slug}"), controller);
    let entries = match &credential["credentialStatus"] {
        Value::Array(a) => a.clone(),
        one => vec![one.clone()],
    };
    for e in entries {
        let url = e["statusListCredential"].as_str().unwrap();
        let id: StatusListId = url.rsplit('/').next().unwrap().parse().unwrap();
        let list = app.ctx.store.get_status_list(id).await.unwrap();
        resolver = resolver.with_document(url, serde_json::from_str(&list.signed_json).unwrap());
    }
    let now = cairn_core::clock::Clock::now(app.clock.as_ref());
    Verifier { canon: &app.ctx.canon, resolver: &resolver, now, options: VerifyOptions::default() }.verify(credential)
}

/// The stored bit behind a credential's revocation entry.
async fn revocation_bit(app: &TestApp, record: &Value) -> bool {
    let entry = &record["revocation_entry"];
    let list = app.ctx.store.get_status_list(entry["list_id"].as_str().unwrap().parse().unwrap()).await.unwrap();
    Bitstring::from_bytes(list.bits).get(entry["index"].as_u64().unwrap() as usize).unwrap()
}

#[tokio::test]
async fn an_issued_credential_verifies() {
    let app = TestApp::with_admin().await;
    let token = app.org_with_token("alpha").await;
    let achievement = app.create_achievement("alpha", &token).await;
    let path = format!("/api/v1/orgs/alpha/achievements/{achievement}/credentials");
    let body = json!({"recipient": " Ann@Example.test ", "name": "Ann", "issued_on": "2025-02-28",
        "evidence": [{"url": "https://portfolio.example.test/ann", "narrative": "Project report"}], "result": "A"});
    let res = app.post(&path, Auth::Bearer(&token), body).await;
    let c = res.expect(201);
    let id = c["id"].as_str().unwrap();
    assert_eq!(res.headers["location"], format!("/api/v1/orgs/alpha/credentials/{id}"));
    assert_eq!(c["url"], format!("{BASE}/credentials/{id}"));
    assert_eq!(c["status"], "active");
    assert_eq!(c["recipient_email"], "ann@example.test");
    assert_eq!(c["recipient_name"], "Ann");
    assert_eq!(c["achievement_id"], achievement);
    assert_eq!(c["achievement_version"], 1);
    assert_eq!(c["issued_at"], "2025-02-28T00:00:00Z");
    assert!(c["suspension_entry"].is_null());

    let vc = &c["credential"];
    assert_eq!(vc["id"], c["url"]);
    assert_eq!(vc["issuer"]["id"], format!("{BASE}/issuers/alpha"));
    assert_eq!(vc["validFrom"], "2025-02-28T00:00:00Z");
    assert_eq!(vc["credentialSubject"]["result"][0]["value"], "A");
    assert_eq!(vc["evidence"][0]["id"], "https://portfolio.example.test/ann");
    let identity = &vc["credentialSubject"]["identifier"][0];
    assert_eq!(identity["hashed"], true);
    assert!(!vc.to_string().contains("ann@example.test"), "the email is only hashed");
    assert_eq!(vc["credentialStatus"]["statusListIndex"], c["revocation_entry"]["index"].as_u64().unwrap().to_string());

    let report = verify(&app, "alpha", vc).await;
    assert!(report.verified, "{report:#?}");
    assert_eq!(report.outcome_of("proof"), Some(cairn_vc::report::Outcome::Passed), "{report:#?}");
    assert_eq!(report.outcome_of("status"), Some(cairn_vc::report::Outcome::Passed), "{report:#?}");

    // Reading it back gives the same signed bytes.
    let read = app.get(&format!("/api/v1/orgs/alpha/credentials/{id}"), Auth::Bearer(&token)).await.expect(200);
    assert_eq!(read, c);
    let stored = app.ctx.store.get_credential(id.parse().unwrap()).await.unwrap();
    assert_eq!(serde_json::from_str::<Value>(&stored.json).unwrap(), *vc);
}

#[tokio::test]
async fn a_did_recipient_is_the_credential_subject() {
    let app = TestApp::with_admin().await;
    let token = app.org_with_token("alpha").await;
    let achievement = app.create_achievement("alpha", &token).await;
    let did = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";
    let c = app.issue("alpha", &token, &achievement, did).await;
    assert_eq!(c["recipient_did"], did);
    assert!(c["recipient_email"].is_null());
    assert_eq!(c["credential"]["credentialSubject"]["id"], did);
    assert!(verify(&app, "alpha", &c["credential"]).await.verified);
}

#[tokio::test]
async fn the_same_idempotency_key_returns_the_same_credential_once() {
    let app = TestApp::with_admin().await;
    let token = app.org_with_token("alpha").await;
    let achievement = app.create_achievement("alpha", &token).await;
    let path = format!("/api/v1/orgs/alpha/achievements/{achievement}/credentials");
    let body = json!({"recipient": "ann@example.test"}).to_string().into_bytes();
    let send = |key: &'static str| {
        let (app, path, token, body) = (&app, path.clone(), token.clone(), body.clone());
        async move {
            let headers = [("idempotency-key", key)];
            app.call("POST", &path, Auth::Bearer(&token), Some(("application/json", body)), &headers).await
        }
    };
    let first = send("order-42").await.expect(201);
    app.clock.advance(time::Duration::seconds(1));
    let again = send("order-42").await.expect(200);
    assert_eq!(again, first, "the same credential, byte for byte");
    assert_eq!(first["idempotency_key"], "order-42");
    let other = send("order-43").await.expect(201);
    assert_ne!(other["id"], first["id"]);

    let list = app.get("/api/v1/orgs/alpha/credentials", Auth::Bearer(&token)).await.expect(200);
    let ids: Vec<&Value> = list["items"].as_array().unwrap().iter().map(|c| &c["id"]).collect();
    assert_eq!(ids, vec![&other["id"], &first["id"]], "one row per key, newest first");

    let long = "k".repeat(201);
    let headers = [("idempotency-key", long.as_str())];
    let res = app.call("POST", &path, Auth::Bearer(&token), Some(("application/json", body.clone())), &headers).await;
    res.expect_error(400, "invalid", Some("Idempotency-Key"));
}

#[tokio::test]
async fn issuing_validation_names_the_field_and_issues_nothing() {
    let app = TestApp::with_admin().await;
    let token = app.org_with_token("alpha").await;
    let achievement = app.create_achievement("alpha", &token).await;
    let path = format!("/api/v1/orgs/alpha/achievements/{achievement}/credentials");
    let cases = [
        (json!({"recipient": "not an address"}), "recipient"),
        (json!({"recipient": "did:nope"}), "recipient"),
        (json!({}), "recipient"),
        (json!({"recipient": "a@example.test", "issued_on": "yesterday"}), "issued_on"),
        (json!({"recipient": "a@example.test", "issued_on": "2025-02-01", "valid_until": "2025-01-01"}), "valid_until"),
        (json!({"recipient": "a@example.test", "evidence": [{"url": "ftp://x.example.test/e"}]}), "evidence[0].url"),
        (json!({"recipient": "a@example.test", "evidence": [{"narrative": "ok"}, {}]}), "evidence[1]"),
        (json!({"recipient": "a@example.test", "evidence": [{"link": "https://x.example.test"}]}), "evidence[0].link"),
        (json!({"recipient": "a@example.test", "result": 5}), "result"),
    ];
    for (body, field) in cases {
        app.post(&path, Auth::Bearer(&token), body).await.expect_error(400, "invalid", Some(field));
    }
    app.post(
        "/api/v1/orgs/alpha/achievements/6f1c0d7e-0000-4000-8000-000000000000/credentials",
        Auth::Bearer(&token),
        json!({"recipient": "a@example.test"}),
    )
    .await
    .expect_error(404, "not_found", None);
    let list = app.get("/api/v1/orgs/alpha/credentials", Auth::Bearer(&token)).await.expect(200);
    assert_eq!(list["items"], json!([]));
}

#[tokio::test]
async fn revoking_sets_the_status_list_bit_and_verification_then_fails() {
    let app = TestApp::with_admin().await;
    let token = app.org_with_token("alpha").await;
    let achievement = app.create_achievement("alpha", &token).await;
    let c = app.issue("alpha", &token, &achievement, "ann@example.test").await;
    let keep = app.issue("alpha", &token, &achievement, "bob@example.test").await;
    let id = c["id"].as_str().unwrap();
    assert!(!revocation_bit(&app, &c).await);

    let revoke = format!("/api/v1/orgs/alpha/credentials/{id}/revoke");
    let r = app.post(&revoke, Auth::Bearer(&token), json!({"reason": "issued in error"})).await.expect(200);
    assert_eq!(r["status"], "revoked");
    assert_eq!(r["revocation_reason"], "issued in error");
    assert!(r["revoked_at"].is_string());
    assert_eq!(r["credential"], c["credential"], "the signed credential never changes");
    assert!(revocation_bit(&app, &c).await, "the bit is set in the stored list");
    assert!(!revocation_bit(&app, &keep).await, "other credentials keep theirs clear");

    let report = verify(&app, "alpha", &c["credential"]).await;
    assert!(!report.verified);
    assert_eq!(report.outcome_of("status"), Some(cairn_vc::report::Outcome::Failed), "{report:#?}");
    assert!(verify(&app, "alpha", &keep["credential"]).await.verified);

    // Revocation is permanent; an empty body is accepted.
    let res = app.call("POST", &revoke, Auth::Bearer(&token), None, &[]).await;
    res.expect_error(409, "conflict", None);
    let keep_revoke = format!("/api/v1/orgs/alpha/credentials/{}/revoke", keep["id"].as_str().unwrap());
    app.post(&keep_revoke, Auth::Bearer(&token), json!({"reason": "x".repeat(501)})).await.expect_error(
        400,
        "invalid",
        Some("reason"),
    );
    app.post(&keep_revoke, Auth::Bearer(&token), json!({"cause": "x"})).await.expect_error(
        400,
        "invalid",
        Some("cause"),
    );

    // Lists filter on it.
    let revoked = app.get("/api/v1/orgs/alpha/credentials?revoked=true", Auth::Bearer(&token)).await.expect(200);
    assert_eq!(revoked["items"].as_array().unwrap().len(), 1);
    assert_eq!(revoked["items"][0]["id"], c["id"]);
    assert!(revoked["items"][0].get("credential").is_none(), "lists carry no signed JSON");
    let active = app.get("/api/v1/orgs/alpha/credentials?revoked=false", Auth::Bearer(&token)).await.expect(200);
    assert_eq!(active["items"][0]["id"], keep["id"]);
}

#[tokio::test]
async fn suspension_needs_an_entry_and_is_reversible() {
    let app = TestApp::with_admin().await;
    let token = app.org_with_token("alpha").await;
    let plain = app.create_achievement("alpha", &token).await;
    let c = app.issue("alpha", &token, &plain, "ann@example.test").await;
    let id = c["id"].as_str().unwrap();
    let suspend = format!("/api/v1/orgs/alpha/credentials/{id}/suspend");
    app.post(&suspend, Auth::Bearer(&token), json!({})).await.expect_error(409, "conflict", None);

    app.patch("/api/v1/orgs/alpha", Auth::Bearer(&token), json!({"suspension_enabled": true})).await.expect(200);
    let mut def = crate::app::sample_achievement();
    def["suspendable"] = json!(true);
    let a = app.post("/api/v1/orgs/alpha/achievements", Auth::Bearer(&token), def).await.expect(201);
    let s = app.issue("alpha", &token, a["id"].as_str().unwrap(), "bob@example.test").await;
    assert!(s["suspension_entry"]["list_url"].is_string());
    assert_eq!(s["credential"]["credentialStatus"].as_array().unwrap().len(), 2);
    let sid = s["id"].as_str().unwrap();
    let r = app.post(&format!("/api/v1/orgs/alpha/credentials/{sid}/suspend"), Auth::Bearer(&token), json!({})).await;
    assert_eq!(r.expect(200)["status"], "suspended");
    assert!(!verify(&app, "alpha", &s["credential"]).await.verified);
    let r = app.post(&format!("/api/v1/orgs/alpha/credentials/{sid}/reinstate"), Auth::Bearer(&token), json!({})).await;
    assert_eq!(r.expect(200)["status"], "active");
    let report = verify(&app, "alpha", &s["credential"]).await;
    assert!(report.verified, "{report:#?}");
}

#[tokio::test]
async fn lists_page_and_filter_and_name_bad_parameters() {
    let app = TestApp::with_admin().await;
    let token = app.org_with_token("alpha").await;
    let a1 = app.create_achievement("alpha", &token).await;
    let a2 = app.create_achievement("alpha", &token).await;
    for who in ["ann", "bob", "cat"] {
        app.issue("alpha", &token, &a1, &format!("{who}@example.test")).await;
        app.clock.advance(time::Duration::seconds(1));
    }
    app.issue("alpha", &token, &a2, "dan@example.test").await;
    let get = |q: String| {
        let (app, token) = (&app, token.clone());
        async move { app.get(&format!("/api/v1/orgs/alpha/credentials{q}"), Auth::Bearer(&token)).await }
    };
    let page = get("?limit=2".into()).await.expect(200);
    let names = |v: &Value| -> Vec<String> {
        v["items"].as_array().unwrap().iter().map(|c| c["recipient_email"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(names(&page), ["dan@example.test", "cat@example.test"]);
    assert_eq!(
        (page["limit"].clone(), page["offset"].clone(), page["next_offset"].clone()),
        (json!(2), json!(0), json!(2))
    );
    let page2 = get("?limit=2&offset=2".into()).await.expect(200);
    assert_eq!(names(&page2), ["bob@example.test", "ann@example.test"]);
    let page3 = get("?limit=2&offset=4".into()).await.expect(200);
    assert_eq!((page3["items"].clone(), page3["next_offset"].clone()), (json!([]), Value::Null));
    assert_eq!(names(&get(format!("?achievement={a2}")).await.expect(200)), ["dan@example.test"]);
    assert_eq!(names(&get("?recipient=BOB".into()).await.expect(200)), ["bob@example.test"]);
    assert_eq!(get("".into()).await.expect(200)["limit"], 50);

    get("?limit=0".into()).await.expect_error(400, "invalid", Some("limit"));
    get("?limit=501".into()).await.expect_error(400, "invalid", Some("limit"));
    get("?offset=-1".into()).await.expect_error(400, "invalid", Some("offset"));
    get("?revoked=maybe".into()).await.expect_error(400, "invalid", Some("revoked"));
    get("?achievement=42".into()).await.expect_error(400, "invalid", Some("achievement"));
}

#[tokio::test]
async fn concurrent_retries_with_one_key_issue_once() {
    let app = TestApp::with_admin().await;
    let token = app.org_with_token("alpha").await;
    let achievement = app.create_achievement("alpha", &token).await;
    let path = format!("/api/v1/orgs/alpha/achievements/{achievement}/credentials");
    let body = || Some(("application/json", json!({"recipient": "ann@example.test"}).to_string().into_bytes()));
    let headers = [("idempotency-key", "retry-me")];
    let (a, b, c) = tokio::join!(
        app.call("POST", &path, Auth::Bearer(&token), body(), &headers),
        app.call("POST", &path, Auth::Bearer(&token), body(), &headers),
        app.call("POST", &path, Auth::Bearer(&token), body(), &headers),
    );
    let mut statuses: Vec<u16> = [&a, &b, &c].iter().map(|r| r.status.as_u16()).collect();
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 200, 201], "one issues, the others get its credential");
    assert!(a.json()["id"] == b.json()["id"] && b.json()["id"] == c.json()["id"]);
    let list = app.get("/api/v1/orgs/alpha/credentials", Auth::Bearer(&token)).await.expect(200);
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
}
