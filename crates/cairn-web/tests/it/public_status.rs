//! Status lists (ETag = version, 304, Cache-Control matching the ttl, CORS, a revocation
//! visible on the next request), the extension context, and the health check.

use cairn_core::service::status::LIST_TTL_MS;
use cairn_vc::status::check_bitstring_entry;
use serde_json::Value;

use crate::pub_app::{definition, path_of, PubApp};

#[tokio::test]
async fn status_lists_are_cacheable_and_show_a_revocation_at_once() {
    let app = PubApp::new().await;
    let record = app.issue(&app.achievement(definition("Rust Basics", None)).await).await;
    let credential: Value = serde_json::from_str(&record.json).unwrap();
    let entry = credential["credentialStatus"].as_object().unwrap().clone();
    let list_path = path_of(entry["statusListCredential"].as_str().unwrap()).to_string();

    let r = app.get(&list_path, None).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), "application/vc+ld+json");
    assert_eq!(r.header("cache-control"), format!("public, max-age={}", LIST_TTL_MS / 1000));
    assert_eq!(r.header("cache-control"), "public, max-age=60");
    assert_eq!(r.header("access-control-allow-origin"), "*");
    let etag = r.header("etag").to_string();
    assert_eq!(etag, "\"1\"");
    let stored = app.ctx.store.get_status_list(record.revocation.list_id).await.unwrap();
    assert_eq!(r.body.as_ref(), stored.signed_json.as_bytes(), "served exactly as signed");
    assert!(check_bitstring_entry(&entry, &r.json()).unwrap().is_clear());

    let req = axum::http::Request::get(&list_path).header("if-none-match", &etag).body(axum::body::Body::empty());
    let r = app.send(req.unwrap()).await;
    assert_eq!(r.status, 304);
    assert!(r.body.is_empty());
    assert_eq!(r.header("etag"), etag);

    app.revoke(&record).await;
    let req = axum::http::Request::get(&list_path).header("if-none-match", &etag).body(axum::body::Body::empty());
    let r = app.send(req.unwrap()).await;
    assert_eq!(r.status, 200, "the old ETag no longer matches");
    assert_eq!(r.header("etag"), "\"2\"");
    assert!(!check_bitstring_entry(&entry, &r.json()).unwrap().is_clear(), "the bit is set");

    assert_eq!(app.get("/status/0b5e1a3c-8d7f-4e2a-9c1b-3f4e5d6a7b8c", None).await.status, 404);
}

#[tokio::test]
async fn the_extension_context_and_the_health_check() {
    let app = PubApp::new().await;
    let r = app.get("/contexts/eu-microcredential/v1", None).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), "application/ld+json");
    assert_eq!(r.header("access-control-allow-origin"), "*");
    let embedded = cairn_vc::contexts::embedded_bytes(cairn_vc::contexts::CAIRN_EU_V1).unwrap();
    assert_eq!(r.body.as_ref(), embedded);
    let h = app.get("/healthz", None).await;
    assert_eq!((h.status.as_u16(), h.text().as_str()), (200, "ok"));
}
