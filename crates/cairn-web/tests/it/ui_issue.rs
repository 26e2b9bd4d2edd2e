//! The console's issuing pages: award one person (a double submit issues once), a CSV with
//! a bad row (the report names the problem; confirming issues the valid rows once; the job
//! page follows the job), the list (search, filters, revoke), the dashboard's counts, and
//! who may see what.

use cairn_core::ids::{CredentialId, JobId};
use cairn_core::service::bulk;
use cairn_core::store::CredentialQuery;
use cairn_vc::bitstring::Bitstring;
use serde_json::json;

use crate::app::{Auth, TestApp, ADMIN_EMAIL, ADMIN_PASSWORD};
use crate::ui_support::{csrf_of, location, text, Browser};

/// An app with organisation `alpha`, its owner token and one achievement.
async fn setup() -> (TestApp, String, String) {
    let app = TestApp::with_admin().await;
    let token = app.org_with_token("alpha").await;
    let achievement = app.create_achievement("alpha", &token).await;
    (app, token, achievement)
}

async fn admin(app: &TestApp) -> Browser<'_> {
    let mut b = Browser::new(app);
    assert_eq!(b.sign_in(ADMIN_EMAIL, ADMIN_PASSWORD).await.status.as_u16(), 303);
    b
}

/// The `value` of the first input named `name`.
fn value_of(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let i = html.find(&marker).unwrap_or_else(|| panic!("no {name} in: {html}"));
    let rest = &html[i + marker.len()..];
    rest[..rest.find('"').unwrap()].to_string()
}

async fn credentials(app: &TestApp) -> Vec<cairn_core::model::CredentialRecord> {
    let org = app.ctx.store.get_org_by_slug("alpha").await.unwrap();
    app.ctx.store.list_credentials(org.id, &CredentialQuery { limit: 100, ..CredentialQuery::default() }).await.unwrap()
}

#[tokio::test]
async fn awarding_one_person_twice_with_the_same_form_issues_once() {
    let (app, _, achievement) = setup().await;
    let mut b = admin(&app).await;
    let page = text(&b.get("/console/alpha/award").await);
    assert!(page.contains("id=\"award-one-form\"") && page.contains("Data Literacy"), "{page}");
    let (csrf, key) = (csrf_of(&page), value_of(&page, "idempotency_key"));
    let fields = [
        ("csrf", csrf.as_str()),
        ("idempotency_key", key.as_str()),
        ("achievement", achievement.as_str()),
        ("recipient", "Ann@Example.test"),
        ("name", "Ann"),
        ("issued_on", "2025-02-01"),
        ("valid_until", ""),
        ("evidence_url", "https://e.example.test/ann"),
        ("evidence_narrative", "Passed the test."),
        ("result", "A"),
    ];
    let first = b.post_form("/console/alpha/award", &fields).await;
    assert_eq!(first.status.as_u16(), 303, "{}", text(&first));
    let to = location(&first);
    assert!(to.starts_with("/console/alpha/award/issued/"), "{to}");
    let second = b.post_form("/console/alpha/award", &fields).await;
    assert_eq!(location(&second), format!("{to}?repeat=1"), "the same form names the same credential");

    let stored = credentials(&app).await;
    assert_eq!(stored.len(), 1, "one credential for two submissions");
    let id = stored[0].id;
    assert_eq!(stored[0].recipient_email.as_deref(), Some("ann@example.test"));
    assert_eq!(stored[0].issued_at, time::macros::datetime!(2025-02-01 00:00 UTC));
    let done = text(&b.get(&format!("{to}?repeat=1")).await);
    assert!(done.contains(&format!("href=\"https://badges.example.test/credentials/{id}\"")), "{done}");
    assert!(done.contains("nothing was issued twice"));

    // A bad field is named, in the form, and nothing is issued.
    let page = text(&b.get("/console/alpha/award").await);
    let bad = [
        ("csrf", csrf_of(&page)),
        ("idempotency_key", value_of(&page, "idempotency_key")),
        ("achievement", achievement.clone()),
        ("recipient", "nobody".to_string()),
    ];
    let bad: Vec<(&str, &str)> = bad.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = b.post_form("/console/alpha/award", &bad).await;
    assert_eq!(res.status.as_u16(), 400);
    let html = text(&res);
    assert!(html.contains("role=\"alert\"") && html.contains("Recipient: `nobody` is neither"), "{html}");
    assert!(html.contains("value=\"nobody\""), "the form keeps what was typed");
    assert_eq!(credentials(&app).await.len(), 1);
}

const CSV: &str =
    "recipient,name,issued_on\nann@example.test,Ann,2025-02-01\nnot-an-address,Bob,\ncat@example.test,Cat,\n";

#[tokio::test]
async fn a_csv_with_a_bad_row_is_reported_then_its_valid_rows_are_issued_once() {
    let (app, _, achievement) = setup().await;
    let mut b = admin(&app).await;
    let csrf = csrf_of(&text(&b.get("/console/alpha/award").await));
    let parts: [(&str, Option<&str>, &str, &[u8]); 3] = [
        ("csrf", None, "text/plain", csrf.as_bytes()),
        ("achievement", None, "text/plain", achievement.as_bytes()),
        ("csv", Some("people.csv"), "text/csv", CSV.as_bytes()),
    ];
    let res = b.post_multipart("/console/alpha/award/csv", &parts).await;
    assert_eq!(res.status.as_u16(), 200, "{}", text(&res));
    let report = text(&res);
    assert!(report.contains("id=\"report-rows\">3<") && report.contains("id=\"report-valid\">2<"), "{report}");
    assert!(
        report.contains("<th scope=\"row\">2</th><td><code>recipient</code></td><td>`not-an-address` is neither"),
        "{report}"
    );
    assert!(report.contains("Issue 2 credentials"));
    assert!(credentials(&app).await.is_empty(), "nothing is issued before the confirmation");

    let action = value_between(&report, "action=\"/console/alpha/award/csv/", "/confirm\"");
    let confirm = format!("/console/alpha/award/csv/{action}/confirm");
    let res = b.post_form(&confirm, &[("csrf", csrf.as_str())]).await;
    let job_page = location(&res);
    assert_eq!(job_page, format!("/console/alpha/jobs/{action}"));
    let running = text(&b.get(&job_page).await);
    assert!(
        running.contains("http-equiv=\"refresh\"") && running.contains("0 issued, 0 failed, out of 2"),
        "{running}"
    );
    let progress = b.get(&format!("{job_page}/progress")).await.json();
    assert_eq!((progress["state"].as_str(), progress["total"].as_u64()), (Some("running"), Some(2)));

    let job: JobId = action.parse().unwrap();
    assert_eq!(bulk::work_on_job(&app.ctx, job).await.unwrap(), 2);
    let done = text(&b.get(&job_page).await);
    assert!(done.contains("Finished. 2 issued, 0 failed, out of 2.") && !done.contains("http-equiv"), "{done}");
    assert!(done.contains(&format!("href=\"/console/alpha/credentials?job={job}\"")));

    // Confirming again (a double click, another server) starts nothing new.
    assert_eq!(location(&b.post_form(&confirm, &[("csrf", csrf.as_str())]).await), job_page);
    let issued = credentials(&app).await;
    let mut emails: Vec<_> = issued.iter().filter_map(|c| c.recipient_email.clone()).collect();
    emails.sort();
    assert_eq!(emails, ["ann@example.test", "cat@example.test"]);
    assert!(app.ctx.store.running_jobs().await.unwrap().is_empty());

    // A file-level problem goes back to the form, named.
    let parts: [(&str, Option<&str>, &str, &[u8]); 3] = [
        ("csrf", None, "text/plain", csrf.as_bytes()),
        ("achievement", None, "text/plain", achievement.as_bytes()),
        ("csv", Some("x.csv"), "text/csv", b"email\nann@example.test\n"),
    ];
    let res = b.post_multipart("/console/alpha/award/csv", &parts).await;
    assert_eq!(res.status.as_u16(), 400);
    assert!(text(&res).contains("CSV file: unknown column `email`"), "{}", text(&res));
    let template = b.get("/console/alpha/award/template.csv").await;
    assert!(text(&template).starts_with("recipient,name,issued_on,valid_until,evidence_url"));
}

fn value_between(html: &str, before: &str, after: &str) -> String {
    let i = html.find(before).unwrap_or_else(|| panic!("no {before} in {html}")) + before.len();
    html[i..i + html[i..].find(after).unwrap()].to_string()
}

#[tokio::test]
async fn the_list_searches_filters_and_revokes() {
    let (app, token, achievement) = setup().await;
    let mut other = crate::app::sample_achievement();
    other["name"] = json!("Public Speaking");
    let path = "/api/v1/orgs/alpha/achievements";
    let other = app.post(path, Auth::Bearer(&token), other).await.expect(201)["id"].as_str().unwrap().to_string();
    let ann = app.issue("alpha", &token, &achievement, "ann@example.test").await;
    app.issue("alpha", &token, &achievement, "bob@example.test").await;
    app.issue("alpha", &token, &other, "carla@example.test").await;
    let mut b = admin(&app).await;

    let all = text(&b.get("/console/alpha/credentials").await);
    assert!(["ann@", "bob@", "carla@"].iter().all(|e| all.contains(e)), "{all}");
    let found = text(&b.get("/console/alpha/credentials?q=BOB").await);
    assert!(found.contains("bob@example.test") && !found.contains("ann@example.test"));
    let found = text(&b.get(&format!("/console/alpha/credentials?achievement={other}")).await);
    assert!(found.contains("carla@") && !found.contains("bob@") && found.contains("Public Speaking"));

    let id = ann["id"].as_str().unwrap();
    let list = "/console/alpha/credentials?q=ann";
    let page = text(&b.get(list).await);
    assert!(page.contains(&format!("id=\"revoke-form-{id}\"")) && page.contains("data-confirm="));
    let back = value_of(&page, "back");
    assert_eq!(back, "q=ann");
    let res = b
        .submit(
            list,
            &format!("/console/alpha/credentials/{id}/revoke"),
            &[("reason", "Issued by mistake"), ("back", &back)],
        )
        .await;
    assert_eq!(location(&res), "/console/alpha/credentials?q=ann&notice=revoked");
    let after = text(&b.get(&location(&res)).await);
    assert!(after.contains("The credential has been revoked."), "{after}");
    assert!(after.contains("<span class=\"pill bad\">Revoked</span>") && after.contains("Issued by mistake"));
    assert!(!after.contains(&format!("id=\"revoke-form-{id}\"")), "a revoked credential cannot be revoked again");

    let record = app.ctx.store.get_credential(id.parse::<CredentialId>().unwrap()).await.unwrap();
    let list = app.ctx.store.get_status_list(record.revocation.list_id).await.unwrap();
    assert!(Bitstring::from_bytes(list.bits).get(record.revocation.index as usize).unwrap(), "the status bit is set");

    let revoked = text(&b.get("/console/alpha/credentials?state=revoked").await);
    assert!(revoked.contains("ann@") && !revoked.contains("bob@"));
    let active = text(&b.get("/console/alpha/credentials?state=active").await);
    assert!(!active.contains("ann@") && active.contains("bob@") && active.contains(">Active</span>"));
}

#[tokio::test]
async fn the_dashboard_counts_issues_claims_views_and_verifications() {
    let (app, token, achievement) = setup().await;
    let issued = app.issue("alpha", &token, &achievement, "ann@example.test").await;
    let id: CredentialId = issued["id"].as_str().unwrap().parse().unwrap();
    let claim = app.ctx.master.claim_token(id.0.as_bytes());
    assert_eq!(app.get(&format!("/claim/{claim}"), Auth::None).await.status.as_u16(), 200);
    // Opening the link shows the credential; adding it to a wallet claims it.
    cairn_core::service::credential::claim(&app.ctx, &claim).await.unwrap();
    let page = app.call("GET", &format!("/credentials/{id}"), Auth::None, None, &[("accept", "text/html")]).await;
    assert_eq!(page.status.as_u16(), 200);
    let json = app.get(&format!("/credentials/{id}.json"), Auth::None).await.body.to_vec();
    let report = app.call("POST", "/api/v1/verify", Auth::None, Some(("application/json", json)), &[]).await;
    assert_eq!(report.expect(200)["verified"], true);

    let mut b = admin(&app).await;
    let board = text(&b.get("/console/alpha").await);
    for (what, n) in [("issued", 1), ("claimed", 1), ("viewed", 1), ("verified", 3)] {
        assert!(board.contains(&format!("id=\"total-{what}\">{n}<")), "{what} should be {n}: {board}");
    }
    // The page's and the claim page's live checks and the API verification; today's row.
    assert!(
        board.contains("<tr><th scope=\"row\">2025-03-01</th><td>1</td><td>1</td><td>1</td><td>3</td></tr>"),
        "{board}"
    );
    assert!(board.contains("role=\"img\"") && board.contains("<title id=\"chart-days-title\">"));
    assert_eq!(board.matches("<polyline").count(), 8, "four lines in each of two charts");
}

#[tokio::test]
async fn viewers_cannot_award_and_strangers_see_nothing() {
    let (app, token, _) = setup().await;
    let mut viewer = Browser::new(&app);
    viewer.sign_up("vera@example.test", "Vera", "a long enough password").await;
    let body = json!({"email": "vera@example.test", "role": "viewer"});
    app.put("/api/v1/orgs/alpha/members", Auth::Bearer(&token), body).await.expect(200);
    assert_eq!(viewer.get("/console/alpha/award").await.status.as_u16(), 403);
    assert_eq!(viewer.get("/console/alpha").await.status.as_u16(), 200);
    let list = viewer.get("/console/alpha/credentials").await;
    assert_eq!(list.status.as_u16(), 200);
    assert!(!text(&list).contains("/award\""), "no award tab for viewers");

    let mut stranger = Browser::new(&app);
    stranger.sign_up("sam@example.test", "Sam", "a long enough password").await;
    for path in ["/console/alpha", "/console/alpha/award", "/console/alpha/credentials"] {
        assert_eq!(stranger.get(path).await.status.as_u16(), 404, "{path}");
    }
}

#[tokio::test]
async fn suspension_is_offered_only_when_the_organisation_enabled_it() {
    let (app, token, plain) = setup().await;
    let mut b = admin(&app).await;
    app.issue("alpha", &token, &plain, "ann@example.test").await;
    let page = text(&b.get("/console/alpha/credentials").await);
    assert!(page.contains("revoke-form-") && !page.contains("suspend-form-"), "{page}");

    app.patch("/api/v1/orgs/alpha", Auth::Bearer(&token), json!({"suspension_enabled": true})).await.expect(200);
    let mut def = crate::app::sample_achievement();
    def["suspendable"] = json!(true);
    let path = "/api/v1/orgs/alpha/achievements";
    let a = app.post(path, Auth::Bearer(&token), def).await.expect(201)["id"].as_str().unwrap().to_string();
    let id = app.issue("alpha", &token, &a, "bob@example.test").await["id"].as_str().unwrap().to_string();
    let list = "/console/alpha/credentials?q=bob";
    assert!(text(&b.get(list).await).contains(&format!("id=\"suspend-form-{id}\"")));
    let res = b.submit(list, &format!("/console/alpha/credentials/{id}/suspend"), &[("back", "q=bob")]).await;
    assert_eq!(location(&res), "/console/alpha/credentials?q=bob&notice=suspended");
    let after = text(&b.get(&location(&res)).await);
    assert!(after.contains("<span class=\"pill warn\">Suspended</span>") && after.contains("reinstate-form-"));
    assert!(app.ctx.store.get_credential(id.parse().unwrap()).await.unwrap().suspended);
    let res = b.submit(list, &format!("/console/alpha/credentials/{id}/reinstate"), &[("back", "q=bob")]).await;
    assert!(text(&b.get(&location(&res)).await).contains("The credential has been reinstated."));
    assert!(!app.ctx.store.get_credential(id.parse().unwrap()).await.unwrap().suspended);
}

/// Uploads `CSV` for `achievement`; returns the upload id from the report's confirm form.
async fn upload_csv(b: &mut Browser<'_>, achievement: &str) -> String {
    let csrf = csrf_of(&text(&b.get("/console/alpha/award").await));
    let parts: [(&str, Option<&str>, &str, &[u8]); 3] = [
        ("csrf", None, "text/plain", csrf.as_bytes()),
        ("achievement", None, "text/plain", achievement.as_bytes()),
        ("csv", Some("people.csv"), "text/csv", CSV.as_bytes()),
    ];
    let report = text(&b.post_multipart("/console/alpha/award/csv", &parts).await);
    value_between(&report, "action=\"/console/alpha/award/csv/", "/confirm\"")
}

#[tokio::test]
async fn unconfirmed_uploads_are_removed_after_a_day() {
    let (app, _, achievement) = setup().await;
    let mut b = admin(&app).await;
    let key = |id: &str| format!("csv-upload:{id}");
    let first = upload_csv(&mut b, &achievement).await;
    assert!(app.ctx.store.get_setting(&key(&first)).await.unwrap().is_some());
    app.clock.advance(time::Duration::hours(23));
    let second = upload_csv(&mut b, &achievement).await;
    assert!(app.ctx.store.get_setting(&key(&first)).await.unwrap().is_some(), "a day has not passed yet");
    app.clock.advance(time::Duration::hours(2));
    let third = upload_csv(&mut b, &achievement).await;
    assert!(app.ctx.store.get_setting(&key(&first)).await.unwrap().is_none(), "25 hours old: removed");
    for id in [&second, &third] {
        assert!(app.ctx.store.get_setting(&key(id)).await.unwrap().is_some());
    }
}
