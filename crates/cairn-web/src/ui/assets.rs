//! Static assets embedded in the binary: the stylesheet and the small scripts that enhance
//! pages which already work without them. URLs carry a content hash (`?v=`), so a versioned
//! request may be cached for a year; an unversioned one for an hour.

use std::sync::OnceLock;

use axum::extract::{Path, Query};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use sha2::{Digest, Sha256};

/// `(file name, media type, content)`. Add a script here when an area needs one.
const ASSETS: &[(&str, &str, &str)] = &[
    ("cairn.css", "text/css; charset=utf-8", include_str!("../../static/cairn.css")),
    ("cairn.js", "text/javascript; charset=utf-8", include_str!("../../static/cairn.js")),
    ("verify.js", "text/javascript; charset=utf-8", include_str!("../../static/verify.js")),
    ("console-design.js", "text/javascript; charset=utf-8", include_str!("../../static/console-design.js")),
    ("console-issue.js", "text/javascript; charset=utf-8", include_str!("../../static/console-issue.js")),
];

fn versions() -> &'static Vec<(&'static str, String)> {
    static V: OnceLock<Vec<(&'static str, String)>> = OnceLock::new();
    V.get_or_init(|| {
        ASSETS
            .iter()
            .map(|(name, _, body)| {
                let v = hex::encode(&Sha256::digest(body.as_bytes())[..6]);
                (*name, format!("/static/{name}?v={v}"))
            })
            .collect()
    })
}

/// The versioned URL of an asset (`/static/<name>?v=<hash>`).
pub fn url(name: &str) -> &'static str {
    versions().iter().find(|(n, _)| *n == name).map_or("/static/missing", |(_, u)| u.as_str())
}

/// The stylesheet's URL.
pub fn css_url() -> &'static str {
    url("cairn.css")
}

/// The base script's URL.
pub fn js_url() -> &'static str {
    url("cairn.js")
}

/// `?v=`.
#[derive(Debug, Deserialize)]
pub struct Version {
    v: Option<String>,
}

/// `GET /static/{file}`.
pub async fn get_asset(Path(file): Path<String>, Query(q): Query<Version>) -> Response {
    let Some((name, media, body)) = ASSETS.iter().find(|(n, _, _)| *n == file) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let current = url(name).ends_with(&format!("?v={}", q.v.as_deref().unwrap_or("-")));
    let cache = if current { "public, max-age=31536000, immutable" } else { "public, max-age=3600" };
    let mut response = (*body).into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(media));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    response
}
