//! `GET /credentials/{id}[.json|.png|.svg]` (the claim link is the wallet's: `ui/wallet/claim.rs`).

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use cairn_core::ids::CredentialId;
use cairn_core::service;

use super::{badge, document, negotiate, parse_id, vary_accept, VC_LD_JSON};
use crate::ui::credential::credential_page;
use crate::ui::render;
use crate::ui::session::Visitor;
use crate::AppState;

/// What a credential URL asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Negotiated,
    Json,
    Png,
    Svg,
}

fn split_format(raw: &str) -> (&str, Format) {
    for (suffix, format) in [(".json", Format::Json), (".png", Format::Png), (".svg", Format::Svg)] {
        if let Some(id) = raw.strip_suffix(suffix) {
            return (id, format);
        }
    }
    (raw, Format::Negotiated)
}

/// The signed credential exactly as stored (JSON clients and `.json`), baked into an image
/// (`.png`, `.svg`), or a page with its live verification (browsers).
pub async fn get_credential(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    headers: HeaderMap,
    visitor: Visitor,
) -> Result<Response, Response> {
    let (id, format) = split_format(&raw);
    let html = format == Format::Negotiated && negotiate::wants_html(&headers);
    let fail = super::negotiated_error(html, visitor.t);
    let id: CredentialId = parse_id(id, "credential").map_err(|e| fail(e.0))?;
    let record = service::public::credential(&app.ctx, id).await.map_err(fail)?;
    match format {
        Format::Json => Ok(document(VC_LD_JSON, record.json)),
        Format::Png => Ok(document("image/png", badge::baked_png(&record.json).map_err(|e| e.into_response())?)),
        Format::Svg => Ok(document("image/svg+xml", badge::baked_svg(&record.json).map_err(|e| e.into_response())?)),
        Format::Negotiated if html => {
            let page = credential_page(&app.ctx, visitor.nav(""), &record, false).await.map_err(fail)?;
            Ok(vary_accept(render(&page).map_err(fail)?))
        }
        Format::Negotiated => Ok(vary_accept(document(VC_LD_JSON, record.json))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes_select_the_format() {
        assert_eq!(split_format("abc.json"), ("abc", Format::Json));
        assert_eq!(split_format("abc.png"), ("abc", Format::Png));
        assert_eq!(split_format("abc.svg"), ("abc", Format::Svg));
        assert_eq!(split_format("abc"), ("abc", Format::Negotiated));
    }
}
