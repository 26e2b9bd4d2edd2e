//! What an earner takes away from the wallet: the PDF certificate (its QR code leads to a page
//! that verifies the credential live), the QR code of the public page, and a zip of everything.

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use cairn_core::model::{WalletItem, WalletSource};
use cairn_core::service::wallet;
use cairn_core::Error;
use serde_json::Value;

use super::item_id;
use crate::artefacts::{export, pdf, qr};
use crate::public::badge;
use crate::ui::credential::summary::Summary;
use crate::ui::i18n::Tr;
use crate::ui::session::SignedIn;
use crate::ui::{OrPage, PageError};
use crate::AppState;

/// Where a certificate's QR code leads: the public page while sharing is on, else this
/// server's own page of the credential; an imported credential that is not shared has no page
/// that verifies it, so it has no certificate until sharing is turned on.
fn verify_url(app: &AppState, item: &WalletItem) -> Result<String, Error> {
    if item.public {
        return Ok(wallet::share_url(&app.ctx, item));
    }
    match item.credential_id {
        Some(id) => Ok(app.ctx.credential_url(id)),
        None => Err(Error::Conflict(
            "turn on this credential's public page first: the certificate's QR code leads to it".into(),
        )),
    }
}

fn certificate(app: &AppState, t: Tr, recipient: &str, item: &WalletItem) -> Result<Vec<u8>, Error> {
    if item.source == WalletSource::Ob2 {
        return Err(Error::NotFound { what: "certificate of an Open Badges 2.0 assertion" });
    }
    let doc: Value = serde_json::from_str(&item.json).map_err(|e| Error::Internal(format!("wallet item: {e}")))?;
    let s = Summary::of(&doc, t);
    let mut facts = Vec::new();
    if let Some(d) = &s.valid_from {
        facts.push((t.t("cert-issued"), d.clone()));
    }
    if let Some(d) = &s.valid_until {
        facts.push((t.t("cert-expires"), d.clone()));
    }
    if let Some(id) = doc.get("id").and_then(Value::as_str) {
        facts.push((t.t("cert-credential-id"), id.to_string()));
    }
    let c = pdf::Certificate {
        heading: t.t("cert-heading"),
        certifies: t.t("cert-certifies"),
        recipient: recipient.to_string(),
        has_earned: t.t("cert-has-earned"),
        achievement: s.name,
        description: s.description,
        issuer: s.issuer.text,
        facts,
        verify_url: verify_url(app, item)?,
        scan_label: t.t("cert-scan"),
        artwork_png: badge::artwork_png(&item.json).ok(),
    };
    pdf::certificate(&c)
}

fn attachment(media: &'static str, name: &str, body: Vec<u8>) -> Response {
    let mut response = body.into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(media));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    response
}

/// `GET /wallet/{item}/certificate.pdf`.
pub async fn get_certificate(
    State(app): State<AppState>,
    me: SignedIn,
    Path(raw): Path<String>,
) -> Result<Response, PageError> {
    let item = wallet::item(&app.ctx, me.user.id, item_id(&raw).or_page(me.t)?).await.or_page(me.t)?;
    let bytes = certificate(&app, me.t, &me.user.display_name, &item).or_page(me.t)?;
    Ok(attachment("application/pdf", &format!("{}-certificate.pdf", super::files::file_stem(&item)), bytes))
}

/// `GET /wallet/{item}/qr.svg`: the QR code of the public page (while sharing is on).
pub async fn get_qr(State(app): State<AppState>, me: SignedIn, Path(raw): Path<String>) -> Result<Response, PageError> {
    let item = wallet::item(&app.ctx, me.user.id, item_id(&raw).or_page(me.t)?).await.or_page(me.t)?;
    if !item.public {
        return Err(PageError::new(me.t, Error::NotFound { what: "public page" }));
    }
    let svg = qr::svg(&wallet::share_url(&app.ctx, &item), &me.t.t("wallet-qr-label")).or_page(me.t)?;
    let mut response = attachment("image/svg+xml", "qr.svg", svg.into_bytes());
    response.headers_mut().remove(header::CONTENT_DISPOSITION);
    Ok(response)
}

/// `GET /wallet/export.zip`: every item as received, baked PNG and SVG, and its certificate
/// where one can be made, in one folder per item.
pub async fn get_export(State(app): State<AppState>, me: SignedIn) -> Result<Response, PageError> {
    let t = me.t;
    let items = wallet::items(&app.ctx, me.user.id, None).await.or_page(t)?;
    let mut files = Vec::new();
    for item in &items {
        let dir = super::files::file_stem(item);
        files.push((format!("{dir}/credential.json"), item.json.clone().into_bytes()));
        if item.source == WalletSource::Ob2 {
            continue;
        }
        if let Ok(png) = badge::baked_png(&item.json) {
            files.push((format!("{dir}/badge.png"), png));
        }
        if let Ok(svg) = badge::baked_svg(&item.json) {
            files.push((format!("{dir}/badge.svg"), svg.into_bytes()));
        }
        if let Ok(pdf) = certificate(&app, t, &me.user.display_name, item) {
            files.push((format!("{dir}/certificate.pdf"), pdf));
        }
    }
    let zip = export::zip(&files).or_page(t)?;
    Ok(attachment("application/zip", "cairn-wallet.zip", zip))
}
