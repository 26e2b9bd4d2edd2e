//! Content negotiation on `Accept`: a browser gets HTML, everything else JSON.
//!
//! Only explicit media ranges count: HTML wins when `text/html` (or XHTML) has a higher
//! quality than every JSON type (`application/vc+ld+json`, `application/vc`,
//! `application/ld+json`, `application/json`). Wildcards favour JSON, so `curl` and
//! `Accept: */*` clients get the document.

use axum::http::{header, HeaderMap};

const HTML_TYPES: &[&str] = &["text/html", "application/xhtml+xml"];
const JSON_TYPES: &[&str] =
    &["application/vc+ld+json", "application/vc", "application/ld+json", "application/json", "application/vp"];

/// Whether the client prefers an HTML page to the JSON document.
pub fn wants_html(headers: &HeaderMap) -> bool {
    let accept = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let (mut html, mut json) = (0.0_f32, 0.0_f32);
    for range in accept.split(',') {
        let mut parts = range.split(';');
        let media = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
        let q = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0)
            .clamp(0.0, 1.0);
        if HTML_TYPES.contains(&media.as_str()) {
            html = html.max(q);
        } else if JSON_TYPES.contains(&media.as_str()) {
            json = json.max(q);
        }
    }
    html > json
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn accept(v: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::ACCEPT, HeaderValue::from_str(v).unwrap());
        h
    }

    #[test]
    fn browsers_get_html_and_clients_get_json() {
        assert!(wants_html(&accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")));
        assert!(!wants_html(&accept("application/vc+ld+json")));
        assert!(!wants_html(&accept("application/json, text/html;q=0.5")));
        assert!(!wants_html(&accept("*/*")));
        assert!(!wants_html(&HeaderMap::new()));
        assert!(!wants_html(&accept("text/html;q=0")));
    }
}
