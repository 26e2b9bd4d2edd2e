//! String formats used by the checks: date-times, dates, URIs, language tags, JWS.

use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, OffsetDateTime};

/// Parse an RFC 3339 date-time with a time zone (XML Schema `dateTimeStamp`, JSON Schema
/// `date-time`), e.g. `2010-01-01T00:00:00Z` or `2021-09-07T02:09:59+02:00`.
pub fn parse_date_time(value: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(value, &Rfc3339).ok()
}

/// True for an RFC 3339 date-time with a time zone.
pub fn is_date_time(value: &str) -> bool {
    parse_date_time(value).is_some()
}

/// True for an RFC 3339 full-date (`YYYY-MM-DD`).
pub fn is_date(value: &str) -> bool {
    Date::parse(value, format_description!("[year]-[month]-[day]")).is_ok()
}

/// True for an absolute URI: an RFC 3986 scheme, `:`, then a non-empty rest without
/// whitespace, control characters or characters URIs never contain. Accepts URLs, DIDs,
/// `urn:uuid:` and `data:` URIs.
pub fn is_uri(value: &str) -> bool {
    let Some((scheme, rest)) = value.split_once(':') else {
        return false;
    };
    let mut scheme_chars = scheme.chars();
    let scheme_ok = scheme_chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && scheme_chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    scheme_ok
        && !rest.is_empty()
        && !rest.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '\\'))
}

/// True for a compact JWS (`header.payload.signature`, base64url parts, payload may be empty).
pub fn is_compact_jws(value: &str) -> bool {
    let parts: Vec<&str> = value.split('.').collect();
    let b64 = |s: &str| s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    match parts.as_slice() {
        [header, _, signature] => !header.is_empty() && !signature.is_empty() && parts.iter().all(|p| b64(p)),
        _ => false,
    }
}

/// True for the schema's language pattern `^[a-z]{2,4}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$`.
pub fn is_language_tag(value: &str) -> bool {
    let mut parts = value.split('-').peekable();
    let Some(language) = parts.next() else {
        return false;
    };
    if !(2..=4).contains(&language.len()) || !language.chars().all(|c| c.is_ascii_lowercase()) {
        return false;
    }
    if let Some(script) = parts.peek() {
        let mut chars = script.chars();
        let is_script = script.len() == 4
            && chars.next().is_some_and(|c| c.is_ascii_uppercase())
            && chars.all(|c| c.is_ascii_lowercase());
        if is_script {
            parts.next();
        }
    }
    if let Some(region) = parts.next() {
        let is_region = (region.len() == 2 && region.chars().all(|c| c.is_ascii_uppercase()))
            || (region.len() == 3 && region.chars().all(|c| c.is_ascii_digit()));
        if !is_region {
            return false;
        }
    }
    parts.next().is_none()
}

/// True for an ISO 3166-1 alpha-2 shaped code (two uppercase ASCII letters).
pub fn is_country_code(value: &str) -> bool {
    value.len() == 2 && value.chars().all(|c| c.is_ascii_uppercase())
}

/// True for `local@domain` with both parts non-empty and no whitespace.
pub fn is_email(value: &str) -> bool {
    value.rsplit_once('@').is_some_and(|(local, domain)| !local.is_empty() && !domain.is_empty())
        && !value.chars().any(char::is_whitespace)
}

/// True for an OB IdentityHash: `sha256$` + 64 hex digits or `md5$` + 32 hex digits.
pub fn is_identity_hash(value: &str) -> bool {
    let Some((alg, hex)) = value.split_once('$') else {
        return false;
    };
    let len = match alg {
        "sha256" => 64,
        "md5" => 32,
        _ => return false,
    };
    hex.len() == len && hex.chars().all(|c| c.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_times_need_a_zone() {
        assert!(is_date_time("2010-01-01T00:00:00Z"));
        assert!(is_date_time("2021-09-07T02:09:59.123+02:00"));
        assert!(!is_date_time("2010-01-01T00:00:00"));
        assert!(!is_date_time("2010-01-01"));
        assert!(is_date("1990-02-28"));
        assert!(!is_date("1990-02-30"));
    }

    #[test]
    fn uris() {
        for ok in [
            "https://example.com/a",
            "did:key:z6Mk",
            "urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002",
            "data:image/png;base64,AAAA",
        ] {
            assert!(is_uri(ok), "{ok}");
        }
        for bad in ["", "example.com", "1http://x", "https://a b", "http:"] {
            assert!(!is_uri(bad), "{bad}");
        }
    }

    #[test]
    fn language_tags_and_jws() {
        for ok in ["en", "en-US", "zh-Hant-TW", "es-419", "nl"] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in ["EN", "en-us", "english", "en-US-x", "e"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
        assert!(is_compact_jws("eyJ.eyJ.sig"));
        assert!(is_compact_jws("eyJ..sig"));
        assert!(!is_compact_jws("eyJ.eyJ"));
        assert!(!is_compact_jws("eyJ.e+J.sig"));
    }
}
