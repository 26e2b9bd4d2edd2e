//! Security headers on every HTML page: a Content-Security-Policy that allows only this
//! site's scripts and styles (the pages have no inline scripts, styles or event handlers),
//! no framing (the console's buttons cannot be clickjacked), no MIME sniffing, and a referrer
//! policy that never sends a page's address — which may hold a claim token — to another site.

use axum::http::{header, HeaderValue};
use axum::response::Response;

/// The policy. Images may come from anywhere (badge artwork of other issuers, `data:` URIs).
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src * data: blob:; \
    connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// Adds the headers to HTML responses (documents, images and JSON are left as they are).
pub async fn security_headers(mut response: Response) -> Response {
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if !is_html {
        return response;
    }
    let h = response.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    if !h.contains_key(header::REFERRER_POLICY) {
        h.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    }
    response
}
