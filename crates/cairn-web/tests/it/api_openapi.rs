//! The OpenAPI document: served without authentication, generated from the handlers, and
//! complete: every route of the API router is documented, every documented operation is
//! routed, and every schema reference resolves.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::app::{Auth, TestApp};

fn refs(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(r)) = m.get("$ref") {
                out.insert(r.clone());
            }
            m.values().for_each(|x| refs(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| refs(x, out)),
        _ => {}
    }
}

#[tokio::test]
async fn every_route_is_documented_and_every_documented_operation_is_routed() {
    let app = TestApp::new().await;
    let res = app.get("/api/v1/openapi.json", Auth::None).await;
    let doc = res.expect(200);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    assert_eq!(doc["info"]["title"], "Cairn API");

    let documented: BTreeSet<(String, String)> = doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, ops)| ops.as_object().unwrap().keys().map(move |m| (m.to_uppercase(), path.clone())))
        .collect();
    let routed: BTreeSet<(String, String)> =
        cairn_web::api::route_table().into_iter().map(|(m, p)| (m.to_string(), p.to_string())).collect();
    let undocumented: Vec<_> = routed.difference(&documented).collect();
    let unrouted: Vec<_> = documented.difference(&routed).collect();
    assert!(undocumented.is_empty(), "routes missing from the OpenAPI document: {undocumented:?}");
    assert!(unrouted.is_empty(), "documented operations the router does not serve: {unrouted:?}");
    assert_eq!(routed.len(), 26);

    // Every documented operation answers on the router with something other than the router's
    // own 404/405 (an unmatched route has an empty body; Cairn's errors are JSON).
    for (method, path) in &routed {
        let concrete = path.replace("{slug}", "alpha").replace("{id}", "00000000-0000-4000-8000-000000000000");
        let res = app.call(method, &concrete, Auth::None, None, &[]).await;
        assert!(!res.body.is_empty() && res.status != 405, "{method} {path}: {} with an empty body", res.status);
    }

    // Every operation has a tag, a security statement when it needs one, and error schemas.
    let mut all_refs = BTreeSet::new();
    refs(&doc["paths"], &mut all_refs);
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for r in &all_refs {
        let name = r.strip_prefix("#/components/schemas/").unwrap_or_else(|| panic!("unexpected $ref {r}"));
        assert!(schemas.contains_key(name), "{r} does not resolve");
    }
    let mut nested = BTreeSet::new();
    refs(&doc["components"], &mut nested);
    for r in &nested {
        assert!(schemas.contains_key(r.trim_start_matches("#/components/schemas/")), "{r} does not resolve");
    }
    for name in ["AchievementDefinition", "CreateCredentialRequest", "CredentialResponse", "JobResponse", "ErrorBody"] {
        assert!(schemas.contains_key(name), "schema {name} is documented");
    }
    let schemes = doc["components"]["securitySchemes"].as_object().unwrap();
    assert_eq!(schemes["bearer"]["scheme"], "bearer");
    assert_eq!(schemes["basic"]["scheme"], "basic");
    let issue = &doc["paths"]["/api/v1/orgs/{slug}/achievements/{id}/credentials"]["post"];
    assert_eq!(issue["security"][0]["bearer"], serde_json::json!([]));
    let params: Vec<&str> =
        issue["parameters"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(params, ["slug", "id", "Idempotency-Key"]);
}
