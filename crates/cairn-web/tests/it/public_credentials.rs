//! Credentials in public: content negotiation, byte-exact JSON, baked PNG/SVG that unbake to
//! the stored credential (artwork never re-encoded), the HTML page with its live
//! verification, and the claim page.

use base64::Engine as _;
use cairn_vc::bake::{unbake_png, unbake_svg};

use crate::pub_app::{definition, path_of, PubApp, PIXEL_PNG_B64};

/// The credential in a baked SVG. OB 3.0 SVG baking writes `>` inside JSON strings as
/// `\u003e` (same value, same signature); apart from that it is the stored text.
fn svg_payload(svg: &str) -> String {
    unbake_svg(svg).unwrap().payload.replace("\\u003e", ">")
}

#[tokio::test]
async fn json_clients_get_the_stored_bytes_exactly() {
    let app = PubApp::new().await;
    let a = app.achievement(definition("Rust Basics", None)).await;
    let record = app.issue(&a).await;
    let path = path_of(&app.ctx.credential_url(record.id)).to_string();
    for accept in [Some("application/vc+ld+json"), Some("application/ld+json"), Some("application/json"), None] {
        let r = app.get(&path, accept).await;
        assert_eq!(r.status, 200, "{accept:?}");
        assert_eq!(r.header("content-type"), "application/vc+ld+json");
        assert_eq!(r.header("vary"), "Accept");
        assert_eq!(r.header("access-control-allow-origin"), "*");
        assert_eq!(r.body.as_ref(), record.json.as_bytes(), "{accept:?}");
    }
    let r = app.get(&format!("{path}.json"), Some("text/html")).await;
    assert_eq!(r.header("content-type"), "application/vc+ld+json");
    assert_eq!(r.body.as_ref(), record.json.as_bytes());
}

#[tokio::test]
async fn unknown_or_malformed_ids_are_not_found() {
    let app = PubApp::new().await;
    let r = app.get("/credentials/0b5e1a3c-8d7f-4e2a-9c1b-3f4e5d6a7b8c", None).await;
    assert_eq!(r.status, 404);
    assert_eq!(r.json()["error"]["code"], "not_found");
    assert_eq!(app.get("/credentials/not-a-uuid.png", None).await.status, 404);
}

#[tokio::test]
async fn browsers_get_a_page_with_the_live_verification() {
    let app = PubApp::new().await;
    let a = app.achievement(definition("Rust <Basics> & \"more\"", None)).await;
    let record = app.issue(&a).await;
    let url = app.ctx.credential_url(record.id);
    let r = app.get(path_of(&url), Some("text/html,application/xhtml+xml,*/*;q=0.8")).await;
    assert_eq!(r.status, 200);
    assert!(r.header("content-type").starts_with("text/html"));
    let html = r.text();
    assert!(html.contains("<h1 id=\"badge-name\">Rust &#60;Basics&#62; &#38; &#34;more&#34;</h1>"), "{html}");
    assert!(!html.contains("<Basics>") && !html.contains("<parser>"), "text must be escaped");
    assert!(html.contains("This badge is valid: Acme &#60;Academy&#62; issued it"), "{html}");
    assert!(html.contains(&format!("<meta property=\"og:image\" content=\"{url}.png\">")), "{html}");
    assert!(html.contains("<meta name=\"twitter:card\" content=\"summary\">"));
    assert!(html.contains(&format!("href=\"{url}.json\"")));
    assert!(html.contains("Pass the final project.") && html.contains("https://acme.example/projects/42"));
    assert!(html.contains("Built a &#60;parser&#62;."));
    assert!(html.contains("1 March 2025"), "issue date in words");
}

#[tokio::test]
async fn a_revoked_credential_page_says_so() {
    let app = PubApp::new().await;
    let a = app.achievement(definition("Rust Basics", None)).await;
    let record = app.issue(&a).await;
    app.revoke(&record).await;
    let html = app.get(path_of(&app.ctx.credential_url(record.id)), Some("text/html")).await.text();
    assert!(html.contains("This badge has been revoked by Acme &#60;Academy&#62;."), "{html}");
    assert!(html.contains("class=\"verdict bad\""));
}

#[tokio::test]
async fn baked_images_carry_the_stored_credential() {
    let app = PubApp::new().await;
    // No artwork: generated PNG and SVG.
    let plain = app.issue(&app.achievement(definition("Plain <badge>", None)).await).await;
    let path = path_of(&app.ctx.credential_url(plain.id)).to_string();
    let png = app.get(&format!("{path}.png"), None).await;
    assert_eq!((png.status.as_u16(), png.header("content-type")), (200, "image/png"));
    assert_eq!(unbake_png(&png.body).unwrap().payload, plain.json);
    let svg = app.get(&format!("{path}.svg"), None).await;
    assert_eq!(svg.header("content-type"), "image/svg+xml");
    let svg_text = svg.text();
    assert!(svg_text.contains("Plain &#60;badge&#62;"), "generated SVG escapes the name: {svg_text}");
    assert!(unbake_svg(&svg_text).unwrap().payload.contains("Plain <badge\\u003e"));
    assert_eq!(svg_payload(&svg_text), plain.json);

    // PNG artwork: baked in place, its bytes untouched around the new chunk.
    let art = base64::engine::general_purpose::STANDARD.decode(PIXEL_PNG_B64).unwrap();
    let with_png = definition("Pixel", Some(format!("data:image/png;base64,{PIXEL_PNG_B64}")));
    let rec = app.issue(&app.achievement(with_png).await).await;
    let baked = app.get(&format!("{}.png", path_of(&app.ctx.credential_url(rec.id))), None).await.body;
    let iend = art.len() - 12;
    assert!(baked.starts_with(&art[..iend]) && baked.ends_with(&art[iend..]), "pixels re-encoded");
    assert_eq!(unbake_png(&baked).unwrap().payload, rec.json);

    // SVG artwork (percent-encoded data URI): the artwork is kept, the credential added.
    let with_svg = definition(
        "Vector",
        Some("data:image/svg+xml,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%3E%3Crect%20id%3D%22art%22%2F%3E%3C%2Fsvg%3E".into()),
    );
    let rec = app.issue(&app.achievement(with_svg).await).await;
    let svg = app.get(&format!("{}.svg", path_of(&app.ctx.credential_url(rec.id))), None).await.text();
    assert!(
        svg.contains("<rect id=\"art\"/>") && svg.contains("xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\"")
    );
    assert_eq!(svg_payload(&svg), rec.json);
}

#[tokio::test]
async fn the_claim_page_offers_the_downloads_and_is_not_cached() {
    let app = PubApp::new().await;
    let record = app.issue(&app.achievement(definition("Rust Basics", None)).await).await;
    let token = app.ctx.master.claim_token(record.id.0.as_bytes());
    let r = app.get(&format!("/claim/{token}"), Some("text/html")).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.header("cache-control"), "no-store");
    assert_eq!(r.header("referrer-policy"), "same-origin");
    let html = r.text();
    assert!(html.contains("Congratulations, Ada Learner!"));
    let url = app.ctx.credential_url(record.id);
    for suffix in ["json", "png", "svg"] {
        assert!(html.contains(&format!("href=\"{url}.{suffix}\"")), "{suffix} link");
    }
    let stored = app.ctx.store.get_credential(record.id).await.unwrap();
    assert!(stored.claimed_at.is_none(), "viewing does not claim; adding to a wallet does (ui_wallet)");
    assert_eq!(app.get("/claim/not-a-token", None).await.status, 404);
}

#[tokio::test]
async fn an_expired_credential_page_says_so() {
    let app = PubApp::new().await;
    let mut def = definition("Short-lived", None);
    def.validity_days = Some(1);
    let record = app.issue(&app.achievement(def).await).await;
    app.clock.advance(time::Duration::days(2));
    let html = app.get(path_of(&app.ctx.credential_url(record.id)), Some("text/html")).await.text();
    assert!(html.contains("This badge has expired."), "{html}");
    assert!(html.contains("Valid until</dt><dd>2 March 2025"));
}
