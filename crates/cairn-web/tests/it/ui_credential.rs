//! The public credential page on the interface's layout: every string translated, the checks
//! explained, link previews, achievement details (alignments, EU elements) and dates in the
//! reader's language.

use axum::body::Body;
use axum::http::{header, Request};
use cairn_core::model::AlignmentInput;

use crate::pub_app::{definition, path_of, PubApp};

#[tokio::test]
async fn the_page_explains_each_check_and_shows_the_achievement() {
    let app = PubApp::new().await;
    let mut def = definition("Rust Basics", Some(format!("data:image/png;base64,{}", crate::pub_app::PIXEL_PNG_B64)));
    def.alignments = vec![serde_json::from_value::<AlignmentInput>(serde_json::json!({
        "target_name": "Programming", "target_url": "https://esco.example/skill/programming",
        "target_framework": "ESCO", "target_code": "S1.2"
    }))
    .unwrap()];
    def.eu.workload_ects = Some(3.0);
    let record = app.issue(&app.achievement(def).await).await;
    let url = app.ctx.credential_url(record.id);
    let html = app.get(path_of(&url), Some("text/html")).await.text();
    assert!(html.contains("<html lang=\"en\">") && html.contains("class=\"skip\""), "on the interface layout");
    assert!(html.contains("alt=\"Rust Basics\""), "the badge image's alt is the achievement name: {html}");
    assert!(html.contains("<meta property=\"og:title\" content=\"Rust Basics — Acme &#60;Academy&#62;\">"), "{html}");
    assert!(html.contains(&format!("<meta property=\"og:url\" content=\"{url}\">")));
    assert!(html.contains("<meta name=\"twitter:image\""));
    for check in ["proof", "issuer", "validity", "status"] {
        assert!(html.contains(&format!("data-check=\"{check}\"")), "{check} is listed");
    }
    assert!(html.contains("The key that signed it belongs to the issuer named in the credential."), "{html}");
    assert!(
        html.contains("The issuer&#39;s revocation list says it has not been revoked")
            || html.contains("The issuer’s revocation list"),
        "{html}"
    );
    assert!(html.contains("href=\"https://esco.example/skill/programming\">Programming</a>"), "{html}");
    assert!(html.contains("ESCO · S1.2"), "{html}");
    assert!(html.contains("Workload (ECTS credits)</dt><dd>3"), "EU elements: {html}");
    assert!(html.contains("id=\"credential-json\"") && html.contains(&format!("href=\"{url}.svg\"")));
    assert!(!html.contains(">check-") && !html.contains(">cred-"), "no untranslated keys");
}

#[tokio::test]
async fn the_page_speaks_french() {
    let app = PubApp::new().await;
    let record = app.issue(&app.achievement(definition("Rust Basics", None)).await).await;
    let req = Request::get(path_of(&app.ctx.credential_url(record.id)))
        .header(header::ACCEPT, "text/html")
        .header(header::ACCEPT_LANGUAGE, "fr")
        .body(Body::empty())
        .unwrap();
    let html = app.send(req).await.text();
    assert!(html.contains("<html lang=\"fr\">"), "{html}");
    assert!(html.contains("<h2 id=\"verdict-heading\">Vérifié</h2>"), "{html}");
    assert!(html.contains("Délivré le</dt><dd>1 mars 2025"), "{html}");
    assert!(html.contains("Attestation signée (JSON-LD"), "{html}");
    assert!(html.contains("Signature</strong>: La signature numérique correspond au contenu"), "{html}");
}
