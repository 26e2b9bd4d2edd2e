//! Issuer documents (controller document with the verifier-core compatibility fields, OB
//! Profile, did:web DID document, HTML page) and achievements (JSON and HTML).

use serde_json::Value;

use crate::pub_app::{definition, path_of, PubApp};

async fn keys_of(app: &PubApp) -> Vec<String> {
    app.ctx.store.list_signing_keys(app.org.id).await.unwrap().into_iter().map(|k| k.public_key_multibase).collect()
}

#[tokio::test]
async fn the_issuer_id_serves_a_controller_document_that_is_also_its_active_key() {
    let app = PubApp::new().await;
    let issuer = "https://badges.example.edu/issuers/acme";
    let r = app.get("/issuers/acme", Some("application/json")).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("access-control-allow-origin"), "*");
    let doc = r.json();
    let key = keys_of(&app).await.pop().unwrap();
    let vm = format!("{issuer}#{key}");
    assert_eq!(
        doc["@context"],
        serde_json::json!(["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"])
    );
    assert_eq!(doc["id"], issuer);
    assert_eq!(doc["verificationMethod"][0]["id"], vm.as_str());
    assert_eq!(doc["verificationMethod"][0]["controller"], issuer);
    assert_eq!(doc["assertionMethod"], serde_json::json!([vm, issuer]));
    // verifier-core reads the fetched document itself as the key.
    assert_eq!((doc["type"].as_str(), doc["controller"].as_str()), (Some("Multikey"), Some(issuer)));
    assert_eq!(doc["publicKeyMultibase"], key.as_str());
    // Cairn's own resolution still finds the method in the document.
    let resolved = cairn_vc::vm::resolve(
        &vm,
        "assertionMethod",
        &cairn_vc::resolve::MapResolver::new().with_document(issuer, doc),
    )
    .unwrap();
    assert_eq!(resolved.controller, issuer);

    // After a rotation both keys stay listed; the top level describes the new, active one.
    let new_key = cairn_core::service::orgs::rotate_key(&app.ctx, app.org.id).await.unwrap().public_key_multibase;
    let doc = app.get("/issuers/acme", Some("application/ld+json")).await.json();
    assert_eq!(doc["verificationMethod"].as_array().unwrap().len(), 2);
    assert_eq!(doc["publicKeyMultibase"], new_key.as_str());
}

#[tokio::test]
async fn did_json_describes_the_did_web_identifier_with_every_key() {
    let app = PubApp::new().await;
    cairn_core::service::orgs::rotate_key(&app.ctx, app.org.id).await.unwrap();
    let r = app.get("/issuers/acme/did.json", None).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("access-control-allow-origin"), "*");
    assert_eq!(r.header("content-type"), "application/did+ld+json");
    let doc = r.json();
    let did = "did:web:badges.example.edu:issuers:acme";
    assert_eq!(cairn_vc::did::did_web_url(did).unwrap(), "https://badges.example.edu/issuers/acme/did.json");
    assert_eq!(doc["id"], did);
    assert_eq!(doc["alsoKnownAs"], serde_json::json!(["https://badges.example.edu/issuers/acme"]));
    let keys = keys_of(&app).await;
    let vms: Vec<&Value> = doc["verificationMethod"].as_array().unwrap().iter().collect();
    assert_eq!(vms.len(), keys.len());
    for (vm, key) in vms.iter().zip(&keys) {
        assert_eq!(vm["id"], format!("{did}#{key}"));
        assert_eq!(vm["type"], "Multikey");
        assert_eq!(vm["controller"], did);
        assert_eq!(vm["publicKeyMultibase"], key.as_str());
    }
    let ids: Vec<String> = keys.iter().map(|k| format!("{did}#{k}")).collect();
    assert_eq!(doc["assertionMethod"], serde_json::json!(ids));
    assert!(doc.get("publicKeyMultibase").is_none(), "did.json is a plain DID document");
    assert_eq!(app.get("/issuers/nobody/did.json", None).await.status, 404);
}

#[tokio::test]
async fn the_profile_and_the_issuer_page() {
    let app = PubApp::new().await;
    let p = app.get("/issuers/acme/profile", None).await.json();
    assert_eq!(p["@context"][1], "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
    assert_eq!(p["id"], "https://badges.example.edu/issuers/acme");
    assert_eq!(p["type"], serde_json::json!(["Profile"]));
    assert_eq!(p["name"], "Acme <Academy>");
    assert_eq!(p["address"]["addressCountryCode"], "NL");
    // The Profile expands in safe mode: every term is defined.
    cairn_vc::canon::Canonicalizer::default().canonical_nquads(&p).unwrap();

    app.achievement(definition("Rust Basics", None)).await;
    let r = app.get("/issuers/acme", Some("text/html")).await;
    assert!(r.header("content-type").starts_with("text/html"));
    let html = r.text();
    assert!(html.contains("<h1 id=\"issuer-name\">Acme &#60;Academy&#62;</h1>"), "{html}");
    assert!(html.contains("Rust Basics") && html.contains("did:web:badges.example.edu:issuers:acme"));
    assert!(html.contains("(signs new badges)"));
}

#[tokio::test]
async fn achievements_as_json_and_as_a_page() {
    let app = PubApp::new().await;
    let a = app.achievement(definition("Rust Basics", None)).await;
    let url = app.ctx.achievement_url(a.id);
    let doc = app.get(path_of(&url), None).await.json();
    assert_eq!(doc["id"], url.as_str());
    assert_eq!(doc["type"], serde_json::json!(["Achievement"]));
    assert_eq!(doc["name"], "Rust Basics");
    assert_eq!(doc["creator"]["id"], "https://badges.example.edu/issuers/acme");
    cairn_vc::canon::Canonicalizer::default().canonical_nquads(&doc).unwrap();

    let mut edited = definition("Rust Basics, 2nd edition", None);
    edited.tags = vec!["rust".into(), "systems".into()];
    cairn_core::service::achievements::update_achievement(&app.ctx, app.org.id, a.id, edited).await.unwrap();
    assert_eq!(app.get(path_of(&url), None).await.json()["version"], "2");
    let v1 = app.get(&format!("{}?version=1", path_of(&url)), None).await.json();
    assert_eq!((v1["version"].as_str(), v1["name"].as_str()), (Some("1"), Some("Rust Basics")));

    let html = app.get(path_of(&url), Some("text/html")).await.text();
    assert!(html.contains("Rust Basics, 2nd edition") && html.contains("rust, systems"), "{html}");
    assert!(html.contains("Computer science"));
    assert_eq!(app.get("/achievements/0b5e1a3c-8d7f-4e2a-9c1b-3f4e5d6a7b8c", None).await.status, 404);
}
