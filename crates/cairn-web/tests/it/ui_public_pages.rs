//! The public issuer and achievement pages on the interface's layout: every detail a person
//! cares about, in words, in English and French; link previews; headings in order; JSON-LD
//! still served to clients that ask for it.

use axum::body::Body;
use axum::http::{header, Request};
use cairn_core::model::{AchievementDefinition, AlignmentInput, BadgeKind, EuFields};
use cairn_core::service::orgs::{rotate_key, ProfileUpdate};

use crate::pub_app::{definition, path_of, PubApp, Resp, PIXEL_PNG_B64};

async fn page(app: &PubApp, path: &str, lang: &str) -> Resp {
    let req = Request::get(path)
        .header(header::ACCEPT, "text/html,application/xhtml+xml,*/*;q=0.8")
        .header(header::ACCEPT_LANGUAGE, lang)
        .body(Body::empty())
        .unwrap();
    app.send(req).await
}

/// One `<h1>`, first, and no level skipped on the way down.
fn assert_headings_in_order(html: &str) {
    let levels: Vec<u8> = html
        .match_indices("<h")
        .filter_map(|(i, _)| html.as_bytes().get(i + 2).filter(|b| (b'1'..=b'6').contains(b)).map(|b| b - b'0'))
        .collect();
    assert_eq!(levels.first(), Some(&1), "the first heading is the h1: {levels:?}");
    assert_eq!(levels.iter().filter(|l| **l == 1).count(), 1, "one h1: {levels:?}");
    for pair in levels.windows(2) {
        assert!(pair[1] <= pair[0] + 1, "heading level skipped: {levels:?}");
    }
}

/// A micro-credential with every field the page shows.
fn micro_credential() -> AchievementDefinition {
    let mut d = definition("Data Stewardship", Some("https://acme.example/badges/data.png".into()));
    d.kind = BadgeKind::MicroCredential;
    d.criteria_url = Some("https://acme.example/criteria/data".into());
    d.alignments = vec![serde_json::from_value::<AlignmentInput>(serde_json::json!({
        "target_name": "Manage data", "target_url": "https://esco.example/skill/manage-data",
        "target_framework": "ESCO", "target_code": "S5.6", "target_description": "Keeps data findable."
    }))
    .unwrap()];
    d.tags = vec!["data".into(), "governance".into()];
    d.credits_available = Some(5.0);
    d.human_code = Some("DS-101".into());
    d.specialization = Some("Research data".into());
    d.in_language = Some("en".into());
    d.category = Some("Digital skills".into());
    d.proficiency_level = Some("Intermediate".into());
    d.result_descriptions = vec![
        serde_json::json!({"id": "urn:uuid:6f1c0a52-0f4e-4a3b-9b55-1c2d3e4f5a6b", "type": ["ResultDescription"],
            "name": "Final grade", "resultType": "LetterGrade", "allowedValue": ["A", "B", "C"], "requiredValue": "C"}),
        serde_json::json!({"id": "urn:uuid:7a2d1b63-1a5f-4b4c-8c66-2d3e4f5a6b7c", "type": ["ResultDescription"],
            "name": "Project score", "resultType": "Percent", "valueMin": "0", "valueMax": "100"}),
    ];
    d.eu = EuFields {
        workload_ects: Some(3.0),
        workload_hours: Some(75.0),
        eqf_level: Some(5),
        assessment_type: Some("Written exam".into()),
        participation_form: Some("blended".into()),
        quality_assurance: Some("Accredited by NVAO".into()),
        prerequisites: Some("None".into()),
        supervision: Some("Supervised, identity checked".into()),
    };
    d
}

#[tokio::test]
async fn the_achievement_page_shows_every_detail_in_words() {
    let app = PubApp::new().await;
    let a = app.achievement(micro_credential()).await;
    let url = app.ctx.achievement_url(a.id);
    let r = page(&app, path_of(&url), "en").await;
    assert_eq!(r.status, 200);
    assert!(r.header("content-type").starts_with("text/html") && r.header("vary") == "Accept");
    let html = r.text();
    assert!(html.contains("<html lang=\"en\">") && html.contains("class=\"skip\""), "on the interface layout");
    assert_headings_in_order(&html);
    assert!(html.contains("<h1 id=\"achievement-name\">Data Stewardship</h1>"), "{html}");
    assert!(html.contains("src=\"https://acme.example/badges/data.png\" alt=\"Data Stewardship\""), "{html}");
    assert!(html.contains("<meta property=\"og:title\" content=\"Data Stewardship — Acme &#60;Academy&#62;\">"));
    assert!(html.contains(&format!("<meta property=\"og:url\" content=\"{url}\">")));
    assert!(html.contains("<meta property=\"og:image\" content=\"https://acme.example/badges/data.png\">"));
    assert!(html.contains("<meta name=\"twitter:card\" content=\"summary\">"));
    assert!(html.contains("href=\"https://badges.example.edu/issuers/acme\">Acme &#60;Academy&#62;</a>"), "{html}");
    assert!(html.contains("Writes safe, idiomatic Rust.") && html.contains("Pass the final project."));
    assert!(html.contains("href=\"https://acme.example/criteria/data\">Criteria in full</a>"), "{html}");
    assert!(html.contains("href=\"https://esco.example/skill/manage-data\">Manage data</a>"), "{html}");
    assert!(html.contains("(ESCO · S5.6)") && html.contains("Keeps data findable."), "{html}");
    assert!(html.contains("data, governance"));
    for (label, value) in [
        ("Type", "Micro-credential"),
        ("Kind of badge", "EU micro-credential"),
        ("Category", "Digital skills"),
        ("Proficiency level", "Intermediate"),
        ("Field of study", "Computer science"),
        ("Specialization", "Research data"),
        ("Code", "DS-101"),
        ("Credits", "5 credits"),
        ("Workload", "3 ECTS credits, 75 hours of learning"),
        ("Level (European Qualifications Framework)", "EQF level 5 of 8"),
        ("Type of assessment", "Written exam"),
        ("Form of participation", "Blended (online and on site)"),
        ("Quality assurance", "Accredited by NVAO"),
        ("Prerequisites", "None"),
        ("Supervision and identity check", "Supervised, identity checked"),
    ] {
        assert!(html.contains(&format!("<dt>{label}</dt><dd>{value}</dd>")), "{label}: {value}\n{html}");
    }
    assert!(html.contains("<strong>Final grade</strong> <span class=\"muted\">(letter grade)</span>"), "{html}");
    assert!(html.contains("Possible values: A, B, C") && html.contains("Required to earn the badge: C"));
    assert!(html.contains("From 0 to 100"), "{html}");
    assert!(html.contains("version 1"));
    assert!(!html.contains(">achievement-") && !html.contains(" achievement-eu"), "no untranslated keys");

    // Clients asking for JSON-LD at the same address still get the Achievement.
    let doc = app.get(path_of(&url), Some("application/ld+json")).await.json();
    assert_eq!((doc["name"].as_str(), doc["eqfLevel"].as_u64()), (Some("Data Stewardship"), Some(5)));
}

#[tokio::test]
async fn the_achievement_page_speaks_french() {
    let app = PubApp::new().await;
    let a = app.achievement(micro_credential()).await;
    let html = page(&app, path_of(&app.ctx.achievement_url(a.id)), "fr-FR,fr;q=0.9").await.text();
    assert!(html.contains("<html lang=\"fr\">"), "{html}");
    assert_headings_in_order(&html);
    assert!(html.contains("<h2 id=\"criteria-heading\">Comment l’obtenir</h2>"), "{html}");
    for (label, value) in [
        ("Nature du badge", "Microcertification européenne"),
        ("Crédits", "5 crédits"),
        ("Charge de travail", "3 crédits ECTS, 75 heures d’apprentissage"),
        ("Niveau (cadre européen des certifications)", "niveau 5 du CEC sur 8"),
        ("Modalité de participation", "Hybride (en ligne et en présentiel)"),
    ] {
        assert!(html.contains(&format!("<dt>{label}</dt><dd>{value}</dd>")), "{label}: {value}\n{html}");
    }
    assert!(html.contains("Valeurs possibles : A, B, C") && html.contains("De 0 à 100"), "{html}");
    assert!(html.contains("Délivré par <a href=\"https://badges.example.edu/issuers/acme\">"), "{html}");
}

#[tokio::test]
async fn a_plain_badge_has_no_empty_sections_and_a_data_uri_is_not_previewed() {
    let app = PubApp::new().await;
    let mut d = definition("Rust Basics", Some(format!("data:image/png;base64,{PIXEL_PNG_B64}")));
    d.field_of_study = None;
    d.tags = Vec::new();
    d.eu.workload_ects = Some(1.5);
    let a = app.achievement(d).await;
    let html = page(&app, path_of(&app.ctx.achievement_url(a.id)), "fr").await.text();
    assert!(html.contains("alt=\"Rust Basics\" ") || html.contains("alt=\"Rust Basics\">"), "{html}");
    assert!(!html.contains("og:image"), "a data: URI cannot be a link preview: {html}");
    assert!(!html.contains("skills-heading") && !html.contains("results-heading"), "{html}");
    assert!(html.contains("<dd>1,5 crédits ECTS</dd>"), "decimal comma in French: {html}");
    assert!(html.contains("<dd>Compétence</dd>"), "badge kind in words: {html}");
}

#[tokio::test]
async fn the_issuer_page_shows_the_profile_the_badges_and_what_verifiers_use() {
    let app = PubApp::new().await;
    let update = ProfileUpdate {
        email: Some(Some("badges@acme.example".into())),
        image_url: Some(Some("https://acme.example/logo.png".into())),
        address: Some(
            serde_json::from_value(serde_json::json!({"street": "Domplein 29", "postal_code": "3512 JE",
                "locality": "Utrecht", "country_code": "NL", "country": "Netherlands"}))
            .unwrap(),
        ),
        ..ProfileUpdate::default()
    };
    cairn_core::service::orgs::update_profile(&app.ctx, app.org.id, update).await.unwrap();
    let old_key = cairn_core::service::orgs::active_key(&app.ctx, app.org.id).await.unwrap().0;
    let new_key = rotate_key(&app.ctx, app.org.id).await.unwrap();
    let rust = app.achievement(definition("Rust Basics", None)).await;
    let data = app.achievement(definition("Data <Literacy>", None)).await;

    let r = page(&app, "/issuers/acme", "en").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("vary"), "Accept");
    let html = r.text();
    assert!(html.contains("<html lang=\"en\">") && html.contains("class=\"skip\""), "on the interface layout");
    assert_headings_in_order(&html);
    assert!(html.contains("<h1 id=\"issuer-name\">Acme &#60;Academy&#62;</h1>"), "{html}");
    assert!(html.contains("src=\"https://acme.example/logo.png\" alt=\"Logo of Acme &#60;Academy&#62;\""), "{html}");
    assert!(html.contains("<meta property=\"og:image\" content=\"https://acme.example/logo.png\">"));
    assert!(html.contains("<meta property=\"og:description\" content=\"Teaches Rust.\">"));
    assert!(html.contains("<meta property=\"og:url\" content=\"https://badges.example.edu/issuers/acme\">"));
    assert!(html.contains("<dt>Website</dt><dd><a href=\"https://acme.example\""), "{html}");
    assert!(html.contains("<a href=\"mailto:badges@acme.example\">badges@acme.example</a>"), "{html}");
    assert!(html.contains("<dd>Domplein 29, 3512 JE, Utrecht, Netherlands</dd>"), "{html}");
    for a in [&rust, &data] {
        assert!(html.contains(&format!("<a href=\"{}\">", app.ctx.achievement_url(a.id))), "{html}");
    }
    assert!(html.contains(">Data &#60;Literacy&#62;</a>"), "escaped: {html}");
    assert!(html.contains("<code>https://badges.example.edu/issuers/acme</code>"));
    assert!(html.contains("href=\"https://badges.example.edu/issuers/acme/profile\""));
    assert!(html.contains("<code>did:web:badges.example.edu:issuers:acme</code>"));
    assert!(html.contains("href=\"https://badges.example.edu/issuers/acme/did.json\""));
    assert!(html.contains(&format!("<code>{}</code> (signs new badges)", new_key.public_key_multibase)), "{html}");
    assert!(html.contains(&format!("<code>{}</code> (retired)", old_key.public_key_multibase)), "{html}");
    assert!(!html.contains(">issuer-") && !html.contains("\"issuer-logo"), "no untranslated keys");

    // JSON clients still get the controller document at the same address.
    let doc = app.get("/issuers/acme", Some("application/ld+json")).await.json();
    assert_eq!(doc["id"], "https://badges.example.edu/issuers/acme");
}

#[tokio::test]
async fn the_issuer_page_speaks_french_and_unknown_issuers_are_a_page_too() {
    let app = PubApp::new().await;
    let html = page(&app, "/issuers/acme", "fr").await.text();
    assert!(html.contains("<html lang=\"fr\">"), "{html}");
    assert_headings_in_order(&html);
    assert!(html.contains("<h2 id=\"verifiers-heading\">Pour les vérificateurs</h2>"), "{html}");
    assert!(html.contains("Aucun badge n’est encore publié."), "{html}");
    assert!(html.contains("(signe les nouveaux badges)"), "{html}");
    assert!(html.contains("<dd>Utrecht, NL</dd>"), "the country code when no country name: {html}");

    let missing = page(&app, "/issuers/nobody", "fr").await;
    assert_eq!(missing.status, 404);
    assert!(missing.header("content-type").starts_with("text/html"));
    assert!(missing.text().contains("<html lang=\"fr\">"), "the error page is in French too");
    let missing = app.get("/issuers/nobody", None).await;
    assert_eq!(missing.status, 404);
    assert!(missing.header("content-type").contains("json"), "JSON clients get the API's error");
    let bad = page(&app, "/achievements/not-an-id", "en").await;
    assert_eq!(bad.status, 404);
    assert!(bad.header("content-type").starts_with("text/html"));
}
