//! Bulk issuance: the CSV validation report, refusal of a CSV with bad rows, job creation
//! (202 + Location), and progress once a worker has issued the rows.

use cairn_core::service::bulk;
use serde_json::json;

use crate::app::{Auth, TestApp};

const GOOD: &str = "recipient,name,issued_on,valid_until,evidence_url,evidence_narrative,result
ann@example.test,Ann,2025-02-01,2027-02-01,https://e.example.test/ann,Report,A
did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK,Bob,,,,,
cat@example.test,,,,,,B
";

const BAD: &str = "recipient,name,issued_on,valid_until,evidence_url
ann@example.test,Ann,,,
not-an-address,Bob,,,
cat@example.test,Cat,01/02/2025,,
dan@example.test,Dan,2025-02-01,2025-01-01,ftp://e.example.test
";

#[tokio::test]
async fn validation_reports_every_bad_row_and_issues_nothing() {
    let app = TestApp::with_admin().await;
    let token = app.org_with_token("alpha").await;
    let a = app.create_achievement("alpha", &token).await;
    let path = format!("/api/v1/orgs/alpha/achievements/{a}/bulk/validate");

    let report = app.post_csv(&path, Auth::Bearer(&token), BAD).await.expect(200);
    assert_eq!(report["rows"], 4);
    assert_eq!(report["valid"], 1);
    let problems: Vec<(u64, &str)> = report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["row"].as_u64().unwrap(), p["column"].as_str().unwrap()))
        .collect();
    assert_eq!(problems, [(2, "recipient"), (3, "issued_on"), (4, "valid_until"), (4, "evidence_url")]);

    let good = app.post_csv(&path, Auth::Bearer(&token), GOOD).await.expect(200);
    assert_eq!(good, json!({"rows": 3, "valid": 3, "problems": []}));

    // File-level problems are errors naming the CSV.
    app.post_csv(&path, Auth::Bearer(&token), "email\nann@example.test\n").await.expect_error(
        400,
        "invalid",
        Some("csv"),
    );
    app.post_csv(&path, Auth::Bearer(&token), "recipient\n").await.expect_error(400, "invalid", Some("csv"));
    let res = app.call("POST", &path, Auth::Bearer(&token), Some(("application/json", GOOD.into())), &[]).await;
    res.expect_error(400, "invalid", Some("Content-Type"));

    let list = app.get("/api/v1/orgs/alpha/credentials", Auth::Bearer(&token)).await.expect(200);
    assert_eq!(list["items"], json!([]), "validation issues nothing");
}

#[tokio::test]
async fn a_csv_with_a_bad_row_starts_no_job() {
    let app = TestApp::with_admin().await;
    let token = app.org_with_token("alpha").await;
    let a = app.create_achievement("alpha", &token).await;
    let path = format!("/api/v1/orgs/alpha/achievements/{a}/bulk");
    let msg =
        app.post_csv(&path, Auth::Bearer(&token), BAD).await.expect_error(400, "invalid", Some("row 2 recipient"));
    assert!(msg.contains("4 problem(s)") && msg.contains("nothing was issued"), "{msg}");
    assert!(app.ctx.store.running_jobs().await.unwrap().is_empty());
    let viewer = app.token("alpha", "viewer").await;
    app.post_csv(&path, Auth::Bearer(&viewer), GOOD).await.expect_error(403, "forbidden", None);
}

#[tokio::test]
async fn a_job_is_created_and_reports_progress() {
    let app = TestApp::with_admin().await;
    let token = app.org_with_token("alpha").await;
    let a = app.create_achievement("alpha", &token).await;
    let path = format!("/api/v1/orgs/alpha/achievements/{a}/bulk");

    let res = app.post_csv(&path, Auth::Bearer(&token), GOOD).await;
    let job = res.expect(202);
    let id = job["id"].as_str().unwrap();
    let location = format!("/api/v1/orgs/alpha/jobs/{id}");
    assert_eq!(res.headers["location"], location);
    assert_eq!(job["state"], "running");
    assert_eq!((job["total"].clone(), job["issued"].clone(), job["failed"].clone()), (json!(3), json!(0), json!(0)));
    assert_eq!(job["achievement_id"], a);
    let running = app.ctx.store.running_jobs().await.unwrap();
    assert_eq!(running.len(), 1, "the job is in the store for any worker to find");

    // The binary's worker does this; here the test plays the worker.
    let handled = bulk::work_on_job(&app.ctx, running[0].id).await.unwrap();
    assert_eq!(handled, 3);
    let done = app.get(&location, Auth::Bearer(&token)).await.expect(200);
    assert_eq!(done["state"], "done");
    assert_eq!(
        (done["issued"].clone(), done["failed"].clone(), done["failures"].clone()),
        (json!(3), json!(0), json!([]))
    );

    let issued = app.get(&format!("/api/v1/orgs/alpha/credentials?job={id}"), Auth::Bearer(&token)).await.expect(200);
    let items = issued["items"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert!(items.iter().all(|c| c["job_id"] == id));
    let ann = items.iter().find(|c| c["recipient_email"] == "ann@example.test").unwrap();
    assert_eq!(
        (ann["issued_at"].as_str(), ann["valid_until"].as_str()),
        (Some("2025-02-01T00:00:00Z"), Some("2027-02-01T00:00:00Z"))
    );

    app.get("/api/v1/orgs/alpha/jobs/7d1f5a52-1111-4222-8333-444455556666", Auth::Bearer(&token)).await.expect_error(
        404,
        "not_found",
        None,
    );
}
