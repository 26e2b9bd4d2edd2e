//! `GET /status/{id}`: a signed Bitstring Status List credential, read from storage on
//! every request (several servers may share one database: a revocation through any of them
//! shows at once), with `ETag` = the list's version and `Cache-Control: max-age` matching the
//! list's `ttl`. Also Cairn's extension context. STANDARDS.md §7.1.

use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use cairn_core::ids::StatusListId;
use cairn_core::service;
use cairn_core::service::status::LIST_TTL_MS;
use cairn_core::Error;

use super::{document, parse_id, LD_JSON, VC_LD_JSON};
use crate::{ApiError, AppState};

/// The list credential, or `304 Not Modified` when `If-None-Match` names its version.
pub async fn get_status_list(
    State(app): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let id: StatusListId = parse_id(&id, "status list")?;
    let list = service::public::status_list(&app.ctx, id).await?;
    let etag = format!("\"{}\"", list.version);
    let mut response = if if_none_match(&headers, &etag) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        document(VC_LD_JSON, list.signed_json)
    };
    let h = response.headers_mut();
    h.insert(header::ETAG, HeaderValue::from_str(&etag).map_err(|e| Error::Internal(e.to_string()))?);
    let cache = format!("public, max-age={}", LIST_TTL_MS / 1000);
    h.insert(header::CACHE_CONTROL, HeaderValue::from_str(&cache).map_err(|e| Error::Internal(e.to_string()))?);
    h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    h.insert(header::ACCESS_CONTROL_EXPOSE_HEADERS, HeaderValue::from_static("ETag"));
    Ok(response)
}

/// RFC 9110 §13.1.2: `*`, or a list of (weakly compared) entity tags.
fn if_none_match(headers: &HeaderMap, etag: &str) -> bool {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.split(',').map(str::trim).any(|tag| tag == "*" || tag.strip_prefix("W/").unwrap_or(tag) == etag))
}

/// Cairn's EU micro-credential extension context (the document its URL names).
pub async fn get_extension_context() -> Result<Response, ApiError> {
    let bytes = cairn_vc::contexts::embedded_bytes(cairn_vc::contexts::CAIRN_EU_V1)
        .ok_or_else(|| Error::Internal("the Cairn extension context is not embedded".into()))?;
    let mut response = document(LD_JSON, bytes);
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=86400"));
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_none_match_compares_weakly_and_accepts_lists() {
        let mut h = HeaderMap::new();
        assert!(!if_none_match(&h, "\"3\""));
        h.insert(header::IF_NONE_MATCH, HeaderValue::from_static("\"1\", W/\"3\""));
        assert!(if_none_match(&h, "\"3\""));
        assert!(!if_none_match(&h, "\"2\""));
        h.insert(header::IF_NONE_MATCH, HeaderValue::from_static("*"));
        assert!(if_none_match(&h, "\"9\""));
    }
}
