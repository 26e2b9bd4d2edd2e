//! `GET /issuers/{slug}` (controller document or page), `/issuers/{slug}/profile` (the OB
//! Profile) and `/issuers/{slug}/did.json` (the did:web DID document).

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use cairn_core::service;

use super::{json_document, negotiate, vary_accept, LD_JSON};
use crate::ui::issuer::issuer_page;
use crate::ui::render;
use crate::ui::session::Visitor;
use crate::{ApiError, AppState};

/// `application/did+ld+json`: DID documents.
const DID_LD_JSON: &str = "application/did+ld+json";

/// JSON clients: the controller document (see `service::public::issuer_document` for the
/// verifier-core compatibility fields). Browsers: the issuer's page.
pub async fn get_issuer(
    State(app): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
    visitor: Visitor,
) -> Result<Response, Response> {
    let html = negotiate::wants_html(&headers);
    let fail = super::negotiated_error(html, visitor.t);
    let org = service::public::org_by_slug(&app.ctx, &slug).await.map_err(fail)?;
    if html {
        let page = issuer_page(&app.ctx, visitor.nav(""), &org).await.map_err(fail)?;
        return Ok(vary_accept(render(&page).map_err(fail)?));
    }
    let doc = service::public::issuer_document(&app.ctx, &org).await.map_err(fail)?;
    Ok(vary_accept(json_document(LD_JSON, &doc).map_err(|e| fail(e.0))?))
}

/// The issuer's OB 3.0 `Profile`, with its own `@context`.
pub async fn get_profile(State(app): State<AppState>, Path(slug): Path<String>) -> Result<Response, ApiError> {
    let org = service::public::org_by_slug(&app.ctx, &slug).await?;
    json_document(LD_JSON, &service::public::profile_document(&app.ctx, &org))
}

/// The did:web DID document of `did:web:<host>:issuers:<slug>`, every key.
pub async fn get_did_document(State(app): State<AppState>, Path(slug): Path<String>) -> Result<Response, ApiError> {
    let org = service::public::org_by_slug(&app.ctx, &slug).await?;
    json_document(DID_LD_JSON, &service::public::did_document(&app.ctx, &org).await?)
}
