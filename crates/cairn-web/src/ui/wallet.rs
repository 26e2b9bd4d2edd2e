//! The earner's wallet (`/wallet…`), the claim link (`/claim/{token}`) and shared pages
//! (`/s/{share_id}`). Handlers extract, call one `cairn_core::service::wallet` function and
//! render; `view` turns items and their live verification into what the pages show.
//! `takeaway` serves the PDF certificate, the QR code and the zip of everything.

mod claim;
mod collections;
mod files;
mod import;
mod item;
mod list;
mod share;
mod takeaway;
pub mod view;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use cairn_core::ids::{CollectionId, WalletItemId};
use cairn_core::Error;

use super::session::SignedIn;
use super::Nav;
use crate::AppState;

/// The largest upload the import form takes (a baked image or a JSON file).
pub const MAX_UPLOAD: usize = 4 * 1024 * 1024;

/// Wallet, claim and share routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/claim/{token}", get(claim::view_claim).post(claim::post_claim))
        .route("/wallet", get(list::view_wallet))
        .route(
            "/wallet/import",
            get(import::view_import).post(import::post_import).layer(DefaultBodyLimit::max(MAX_UPLOAD)),
        )
        .route("/wallet/export.zip", get(takeaway::get_export))
        .route("/wallet/collections", post(collections::post_create))
        .route("/wallet/collections/{id}/rename", post(collections::post_rename))
        .route("/wallet/collections/{id}/delete", post(collections::post_delete))
        .route("/wallet/{item}", get(item::view_item))
        .route("/wallet/{item}/share", post(item::post_share))
        .route("/wallet/{item}/collections", post(collections::post_item))
        .route("/wallet/{item}/remove", post(item::post_remove))
        .route("/wallet/{item}/credential.json", get(files::get_item_json))
        .route("/wallet/{item}/badge.png", get(files::get_item_png))
        .route("/wallet/{item}/badge.svg", get(files::get_item_svg))
        .route("/wallet/{item}/certificate.pdf", get(takeaway::get_certificate))
        .route("/wallet/{item}/qr.svg", get(takeaway::get_qr))
        .route("/s/{share}", get(share::view_shared))
        .route("/s/{share}/credential.json", get(files::get_shared_json))
        .route("/s/{share}/badge.png", get(files::get_shared_png))
        .route("/s/{share}/badge.svg", get(files::get_shared_svg))
}

/// The layout fields of a wallet page (the console link for members).
async fn nav(app: &AppState, me: &SignedIn) -> Nav {
    let member = app.ctx.store.list_memberships(me.user.id).await.is_ok_and(|m| !m.is_empty());
    me.nav("wallet", member)
}

/// A path's item id; a malformed one cannot exist.
fn item_id(raw: &str) -> Result<WalletItemId, Error> {
    raw.parse().map_err(|_| Error::NotFound { what: "wallet item" })
}

/// A path's collection id; a malformed one cannot exist.
fn collection_id(raw: &str) -> Result<CollectionId, Error> {
    raw.parse().map_err(|_| Error::NotFound { what: "collection" })
}
