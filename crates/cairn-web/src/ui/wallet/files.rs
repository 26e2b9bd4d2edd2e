//! Downloads of a wallet item (`/wallet/{item}/…`, the owner only) and of a shared one
//! (`/s/{share}/…`, while sharing is on): the credential as received (JSON), and baked into
//! the achievement's PNG or SVG artwork (else Cairn's generated badge).

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use cairn_core::model::{WalletItem, WalletSource};
use cairn_core::service::wallet;
use cairn_core::Error;

use super::item_id;
use crate::public::{badge, LD_JSON, VC_LD_JSON};
use crate::ui::i18n::Tr;
use crate::ui::session::{SignedIn, Visitor};
use crate::ui::{OrPage, PageError};
use crate::AppState;

#[derive(Debug, Clone, Copy)]
enum Kind {
    Json,
    Png,
    Svg,
}

/// A file name from the achievement name: ASCII letters and digits, dashes between.
pub(super) fn file_stem(item: &WalletItem) -> String {
    let doc: serde_json::Value = serde_json::from_str(&item.json).unwrap_or_default();
    let name = doc["credentialSubject"]["achievement"]["name"].as_str().or(item.verification.display.name.as_deref());
    let mut stem = String::new();
    for ch in name.unwrap_or("credential").chars().take(60) {
        if ch.is_ascii_alphanumeric() {
            stem.push(ch.to_ascii_lowercase());
        } else if !stem.ends_with('-') && !stem.is_empty() {
            stem.push('-');
        }
    }
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        "credential".into()
    } else {
        stem.to_string()
    }
}

fn file(t: Tr, item: &WalletItem, kind: Kind) -> Result<Response, PageError> {
    let ob2 = item.source == WalletSource::Ob2;
    let (media, ext, body): (&'static str, &str, Vec<u8>) = match kind {
        Kind::Json => (if ob2 { LD_JSON } else { VC_LD_JSON }, "json", item.json.clone().into_bytes()),
        _ if ob2 => {
            return Err(PageError::new(t, Error::NotFound { what: "baked image of an Open Badges 2.0 assertion" }))
        }
        Kind::Png => ("image/png", "png", badge::baked_png(&item.json).map_err(|e| e.0).or_page(t)?),
        Kind::Svg => ("image/svg+xml", "svg", badge::baked_svg(&item.json).map_err(|e| e.0).or_page(t)?.into_bytes()),
    };
    let disposition = format!("attachment; filename=\"{}.{ext}\"", file_stem(item));
    let mut response = body.into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(media));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(response)
}

async fn own(app: &AppState, me: &SignedIn, raw: &str, kind: Kind) -> Result<Response, PageError> {
    let item = wallet::item(&app.ctx, me.user.id, item_id(raw).or_page(me.t)?).await.or_page(me.t)?;
    file(me.t, &item, kind)
}

async fn shared(app: &AppState, v: &Visitor, share: &str, kind: Kind) -> Result<Response, PageError> {
    let item = wallet::shared(&app.ctx, share).await.or_page(v.t)?;
    file(v.t, &item, kind)
}

/// `GET /wallet/{item}/credential.json`.
pub async fn get_item_json(
    State(app): State<AppState>,
    me: SignedIn,
    Path(raw): Path<String>,
) -> Result<Response, PageError> {
    own(&app, &me, &raw, Kind::Json).await
}

/// `GET /wallet/{item}/badge.png`.
pub async fn get_item_png(
    State(app): State<AppState>,
    me: SignedIn,
    Path(raw): Path<String>,
) -> Result<Response, PageError> {
    own(&app, &me, &raw, Kind::Png).await
}

/// `GET /wallet/{item}/badge.svg`.
pub async fn get_item_svg(
    State(app): State<AppState>,
    me: SignedIn,
    Path(raw): Path<String>,
) -> Result<Response, PageError> {
    own(&app, &me, &raw, Kind::Svg).await
}

/// `GET /s/{share}/credential.json`.
pub async fn get_shared_json(
    State(app): State<AppState>,
    v: Visitor,
    Path(s): Path<String>,
) -> Result<Response, PageError> {
    shared(&app, &v, &s, Kind::Json).await
}

/// `GET /s/{share}/badge.png`.
pub async fn get_shared_png(
    State(app): State<AppState>,
    v: Visitor,
    Path(s): Path<String>,
) -> Result<Response, PageError> {
    shared(&app, &v, &s, Kind::Png).await
}

/// `GET /s/{share}/badge.svg`.
pub async fn get_shared_svg(
    State(app): State<AppState>,
    v: Visitor,
    Path(s): Path<String>,
) -> Result<Response, PageError> {
    shared(&app, &v, &s, Kind::Svg).await
}
