//! What an earner takes away: the PDF certificate (with the earner's name and a QR code that
//! leads to a live verification), the QR code of the public page, and the zip of everything.

use std::io::Read as _;

use crate::app::TestApp;
use crate::ui_support::text;
use crate::ui_wallet::{claim_token, earner, issuer};

async fn wallet_with_one(app: &TestApp) -> (crate::ui_support::Browser<'_>, String, String) {
    let (token, achievement) = issuer(app).await;
    let credential = app.issue("alpha", &token, &achievement, "erin@example.test").await;
    let mut b = earner(app, "erin@example.test").await;
    let page = format!("/claim/{}", claim_token(app, &credential));
    let res = b.submit(&page, &page, &[]).await;
    let item =
        crate::ui_support::location(&res).trim_start_matches("/wallet/").trim_end_matches("?added=1").to_string();
    (b, item, credential["id"].as_str().unwrap().to_string())
}

#[tokio::test]
async fn the_certificate_names_the_earner_and_its_qr_code_leads_to_verification() {
    let app = TestApp::with_admin().await;
    let (mut b, item, credential_id) = wallet_with_one(&app).await;
    let res = b.get(&format!("/wallet/{item}/certificate.pdf")).await;
    assert_eq!(res.status.as_u16(), 200, "{}", text(&res));
    assert_eq!(res.headers["content-type"], "application/pdf");
    assert!(res.headers["content-disposition"].to_str().unwrap().ends_with("-certificate.pdf\""));
    assert!(res.body.starts_with(b"%PDF-1.7"));
    let has = |needle: &[u8]| res.body.windows(needle.len()).any(|w| w == needle);
    assert!(has(b"(Erin Earner) Tj") && has(b"(Data Literacy) Tj"), "the earner and the achievement are printed");
    // Not shared: the QR code and the link lead to the credential's own page on this server.
    assert!(has(format!("/URI ({}/credentials/{credential_id})", crate::app::BASE).as_bytes()));

    // Shared: they lead to the public page, and the QR code of that page is served.
    assert_eq!(b.get(&format!("/wallet/{item}/qr.svg")).await.status.as_u16(), 404, "no QR code while not shared");
    b.submit(&format!("/wallet/{item}"), &format!("/wallet/{item}/share"), &[("public", "on")]).await;
    let item_page = text(&b.get(&format!("/wallet/{item}")).await);
    let share = crate::ui_wallet::href_of(&item_page, "share-open");
    let pdf = b.get(&format!("/wallet/{item}/certificate.pdf")).await.body;
    assert!(pdf.windows(share.len()).any(|w| w == share.as_bytes()), "QR leads to {share}");
    let qr = b.get(&format!("/wallet/{item}/qr.svg")).await;
    assert_eq!(qr.headers["content-type"], "image/svg+xml");
    assert!(text(&qr).starts_with("<svg") && text(&qr).contains("role=\"img\""));

    // Nobody else gets it.
    let mut other = earner(&app, "mallory@example.test").await;
    assert_eq!(other.get(&format!("/wallet/{item}/certificate.pdf")).await.status.as_u16(), 404);
}

#[tokio::test]
async fn the_export_holds_every_credential_its_badges_and_certificate() {
    let app = TestApp::with_admin().await;
    let (mut b, _item, credential_id) = wallet_with_one(&app).await;
    let res = b.get("/wallet/export.zip").await;
    assert_eq!(res.status.as_u16(), 200);
    assert_eq!(res.headers["content-type"], "application/zip");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(res.body.to_vec())).unwrap();
    let mut names: Vec<String> = (0..zip.len()).map(|i| zip.by_index(i).unwrap().name().to_string()).collect();
    names.sort();
    assert_eq!(
        names,
        [
            "data-literacy/badge.png",
            "data-literacy/badge.svg",
            "data-literacy/certificate.pdf",
            "data-literacy/credential.json"
        ]
    );
    let mut json = String::new();
    zip.by_name("data-literacy/credential.json").unwrap().read_to_string(&mut json).unwrap();
    let stored = app.ctx.store.get_credential(credential_id.parse().unwrap()).await.unwrap();
    assert_eq!(json, stored.json, "the credential exactly as issued");
    let mut png = Vec::new();
    zip.by_name("data-literacy/badge.png").unwrap().read_to_end(&mut png).unwrap();
    assert_eq!(cairn_vc::bake::unbake(&png).unwrap().payload, stored.json);
}
