//! `GET /credentials/{id}[.json|.png|.svg]` and `GET /claim/{token}`.

use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::Response;
use cairn_core::ids::CredentialId;
use cairn_core::service;

use super::{badge, document, negotiate, page, parse_id, vary_accept, views, VC_LD_JSON};
use crate::{ApiError, AppState};

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
) -> Result<Response, ApiError> {
    let (id, format) = split_format(&raw);
    let id: CredentialId = parse_id(id, "credential")?;
    let record = service::public::credential(&app.ctx, id).await?;
    match format {
        Format::Json => Ok(document(VC_LD_JSON, record.json)),
        Format::Png => Ok(document("image/png", badge::baked_png(&record.json)?)),
        Format::Svg => Ok(document("image/svg+xml", badge::baked_svg(&record.json)?)),
        Format::Negotiated if negotiate::wants_html(&headers) => {
            page(&views::credential_page(&app.ctx, &record, false).await?)
        }
        Format::Negotiated => Ok(vary_accept(document(VC_LD_JSON, record.json))),
    }
}

/// The earner's claim link: the credential page with download links. The token is in the
/// URL, so the page is neither cached nor sent on as a referrer.
pub async fn view_claim(State(app): State<AppState>, Path(token): Path<String>) -> Result<Response, ApiError> {
    let record = service::credential::claim(&app.ctx, &token).await?;
    let mut response = page(&views::credential_page(&app.ctx, &record, true).await?)?;
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    Ok(response)
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
