//! Achievements: creation with field-named validation, the OB Achievement JSON, the EU
//! elements still missing, versions on edit.

use serde_json::json;

use crate::app::{sample_achievement, Auth, TestApp, BASE};

#[tokio::test]
async fn an_achievement_is_created_with_its_ob_json_and_missing_eu_elements() {
    let app = TestApp::with_admin().await;
    let token = app.org_with_token("alpha").await;
    let res = app.post("/api/v1/orgs/alpha/achievements", Auth::Bearer(&token), sample_achievement()).await;
    let a = res.expect(201);
    let id = a["id"].as_str().unwrap();
    assert_eq!(a["version"], 1);
    assert_eq!(a["url"], format!("{BASE}/achievements/{id}"));
    assert_eq!(a["definition"]["name"], "Data Literacy");
    assert_eq!(a["definition"]["kind"], "skill");
    assert_eq!(a["definition"]["eu"], json!({"eqf_level": 5}));
    assert_eq!(a["eu_missing"], json!(["workload", "assessment_type", "participation_form", "quality_assurance"]));
    let ob = &a["achievement_json"];
    assert_eq!(ob["id"], a["url"]);
    assert_eq!(ob["type"], json!(["Achievement"]));
    assert_eq!(ob["achievementType"], "Competency");
    assert_eq!(ob["criteria"], json!({"narrative": "Passed the data literacy assessment."}));
    assert_eq!(ob["creator"]["id"], format!("{BASE}/issuers/alpha"));
    assert_eq!(ob["eqfLevel"], 5);
    let alignments = ob["alignment"].as_array().unwrap();
    assert_eq!(alignments.len(), 2, "the framework alignment and the EQF level: {ob}");
    assert_eq!(alignments[1]["targetUrl"], "http://data.europa.eu/snb/eqf/5");

    let list = app.get("/api/v1/orgs/alpha/achievements", Auth::Bearer(&token)).await.expect(200);
    assert_eq!(list, json!([a]));
}

#[tokio::test]
async fn achievement_validation_names_the_field() {
    let app = TestApp::with_admin().await;
    let token = app.org_with_token("alpha").await;
    let post = |body: serde_json::Value| {
        let app = &app;
        let token = token.clone();
        async move { app.post("/api/v1/orgs/alpha/achievements", Auth::Bearer(&token), body).await }
    };
    let with = |k: &str, v: serde_json::Value| {
        let mut d = sample_achievement();
        d[k] = v;
        d
    };
    post(with("name", json!(""))).await.expect_error(400, "invalid", Some("name"));
    post(with("criteria_narrative", json!(null))).await.expect_error(400, "invalid", Some("criteria_narrative"));
    post(with("kind", json!("badge"))).await.expect_error(400, "invalid", Some("kind"));
    post(with("eu", json!({"eqf_level": 9}))).await.expect_error(400, "invalid", Some("eu.eqf_level"));
    post(with("eu", json!({"eqf_level": "five"}))).await.expect_error(400, "invalid", Some("eu.eqf_level"));
    post(with("eu", json!({"participation_form": "carrier pigeon"}))).await.expect_error(
        400,
        "invalid",
        Some("eu.participation_form"),
    );
    let bad_alignment = json!([{"target_name": "X", "target_url": "https://ok.example.test"}, {"target_name": "Y", "target_url": "not a url"}]);
    post(with("alignments", bad_alignment)).await.expect_error(400, "invalid", Some("alignments[1].target_url"));
    let missing = json!([{"target_url": "https://ok.example.test"}]);
    post(with("alignments", missing)).await.expect_error(400, "invalid", Some("alignments[0].target_name"));
    post(with("colour", json!("red"))).await.expect_error(400, "invalid", Some("colour"));
    // A micro-credential needs every EU element.
    let msg = post(with("kind", json!("micro_credential"))).await.expect_error(400, "invalid", Some("eu"));
    assert!(msg.contains("workload") && msg.contains("quality_assurance"), "{msg}");
    // Nothing was stored.
    let list = app.get("/api/v1/orgs/alpha/achievements", Auth::Bearer(&token)).await.expect(200);
    assert_eq!(list, json!([]));
}

#[tokio::test]
async fn an_edit_is_a_new_version_and_old_versions_stay_readable() {
    let app = TestApp::with_admin().await;
    let token = app.org_with_token("alpha").await;
    let id = app.create_achievement("alpha", &token).await;
    let path = format!("/api/v1/orgs/alpha/achievements/{id}");
    let patch = json!({"name": "Data Literacy II", "tags": null, "eu": {"workload_ects": 3.0}});
    let v2 = app.patch(&path, Auth::Bearer(&token), patch).await.expect(200);
    assert_eq!(v2["version"], 2);
    assert_eq!(v2["id"], id);
    assert_eq!(v2["definition"]["name"], "Data Literacy II");
    assert_eq!(v2["definition"]["tags"], json!([]));
    assert_eq!(v2["definition"]["eu"], json!({"workload_ects": 3.0, "eqf_level": 5}), "merged, not replaced");
    assert_eq!(v2["definition"]["description"], "Reads, questions and explains data.");
    assert!(!v2["eu_missing"].as_array().unwrap().contains(&json!("workload")));
    assert_eq!(v2["achievement_json"]["version"], "2");

    assert_eq!(app.get(&path, Auth::Bearer(&token)).await.expect(200), v2);
    let v1 = app.get(&format!("{path}?version=1"), Auth::Bearer(&token)).await.expect(200);
    assert_eq!(v1["version"], 1);
    assert_eq!(v1["definition"]["name"], "Data Literacy");
    app.get(&format!("{path}?version=3"), Auth::Bearer(&token)).await.expect_error(404, "not_found", None);
    app.get(&format!("{path}?version=first"), Auth::Bearer(&token)).await.expect_error(400, "invalid", Some("version"));
    app.get("/api/v1/orgs/alpha/achievements/nope", Auth::Bearer(&token)).await.expect_error(
        400,
        "invalid",
        Some("id"),
    );

    // An edit that breaks a rule names the field and makes no version.
    app.patch(&path, Auth::Bearer(&token), json!({"eu": {"eqf_level": 0}})).await.expect_error(
        400,
        "invalid",
        Some("eu.eqf_level"),
    );
    app.patch(&path, Auth::Bearer(&token), json!(["not", "an", "object"])).await.expect_error(
        400,
        "invalid",
        Some("body"),
    );
    assert_eq!(app.get(&path, Auth::Bearer(&token)).await.expect(200)["version"], 2);
}
