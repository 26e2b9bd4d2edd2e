//! Who is at the browser: the session cookie, the extractors pages use, and anti-forgery.
//!
//! - [`Visitor`]: anyone; carries the session when there is one. Pages that anyone may read.
//! - [`SignedIn`]: a signed-in user; anyone else is sent to `/sign-in?next=<this page>`.
//!
//! Every state-changing form carries a `csrf` field: the session's token when signed in, else
//! the value of the `cairn_csrf` cookie (double submit; it protects sign-in and sign-up from
//! login forgery). A cross-origin `Origin` header is refused as well. Cookies are `HttpOnly`,
//! `SameSite=Lax` (`Strict` for the anti-forgery cookie) and `Secure` behind https.

use axum::extract::FromRequestParts;
use axum::http::header::{COOKIE, ORIGIN, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderValue, Method};
use axum::response::{IntoResponse, Redirect, Response};
use cairn_core::crypto::random_token;
use cairn_core::model::{Session, User};
use cairn_core::service::session;
use cairn_core::Error;

use super::i18n::Tr;
use crate::AppState;

/// The session cookie.
pub const SESSION_COOKIE: &str = "cairn_session";
/// The pre-session anti-forgery cookie.
pub const CSRF_COOKIE: &str = "cairn_csrf";

/// A cookie's value from the request.
pub fn cookie(parts: &Parts, name: &str) -> Option<String> {
    parts
        .headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|kv| kv.trim().strip_prefix(name)?.strip_prefix('=').map(str::to_string))
}

/// A `Set-Cookie` value (`max_age` in seconds; 0 deletes).
pub fn set_cookie(state: &AppState, name: &str, value: &str, max_age: i64, same_site: &str) -> HeaderValue {
    let secure = if state.ctx.base_url.starts_with("https://") { "; Secure" } else { "" };
    let v = format!("{name}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite={same_site}{secure}");
    HeaderValue::from_str(&v).unwrap_or_else(|_| HeaderValue::from_static("cairn_invalid=; Max-Age=0"))
}

/// Anyone at the browser.
pub struct Visitor {
    /// Their language.
    pub t: Tr,
    /// The signed-in user and session, if any.
    pub signed_in: Option<(User, Session)>,
    /// The pre-session anti-forgery token (from the cookie, or new).
    pub anon_csrf: String,
    /// Whether `anon_csrf` is new and must be set as a cookie with the response.
    pub anon_csrf_is_new: bool,
    /// The request path and query (for `next=` links and the language switcher).
    pub path: String,
}

impl Visitor {
    /// The anti-forgery token forms on this page carry.
    pub fn csrf(&self) -> &str {
        self.signed_in.as_ref().map_or(self.anon_csrf.as_str(), |(_, s)| s.csrf.as_str())
    }

    /// Checks a submitted anti-forgery token.
    pub fn check_csrf(&self, submitted: &str) -> Result<(), Error> {
        if !self.anon_csrf_is_new && constant_eq(submitted, self.csrf()) {
            return Ok(());
        }
        if let Some((_, s)) = &self.signed_in {
            if constant_eq(submitted, &s.csrf) {
                return Ok(());
            }
        }
        Err(Error::Forbidden("the form expired or came from another site; reload the page and try again"))
    }

    /// Adds the anti-forgery cookie to a response when it is new.
    pub fn finish(&self, state: &AppState, response: impl IntoResponse) -> Response {
        let mut response = response.into_response();
        if self.anon_csrf_is_new && self.signed_in.is_none() {
            let c = set_cookie(state, CSRF_COOKIE, &self.anon_csrf, 60 * 60 * 24, "Strict");
            response.headers_mut().append(SET_COOKIE, c);
        }
        response
    }
}

fn constant_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Refuses a state-changing request whose `Origin` is another site.
fn check_origin(parts: &Parts, state: &AppState) -> Result<(), Error> {
    if parts.method == Method::GET || parts.method == Method::HEAD {
        return Ok(());
    }
    let Some(origin) = parts.headers.get(ORIGIN).and_then(|v| v.to_str().ok()) else { return Ok(()) };
    let base = &state.ctx.base_url;
    let host = parts.headers.get("host").and_then(|v| v.to_str().ok()).unwrap_or_default();
    let same = base == origin
        || base.starts_with(&format!("{origin}/"))
        || origin.strip_prefix("http://").or_else(|| origin.strip_prefix("https://")) == Some(host);
    if same && !origin.is_empty() {
        Ok(())
    } else {
        Err(Error::Forbidden("cross-site form submissions are refused"))
    }
}

impl FromRequestParts<AppState> for Visitor {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let t = Tr::new(super::i18n::negotiate(parts));
        check_origin(parts, state).map_err(|e| super::PageError::new(t, e).into_response())?;
        let signed_in = match cookie(parts, SESSION_COOKIE) {
            Some(secret) => match session::resume(&state.ctx, &secret).await {
                Ok(found) => Some(found),
                Err(Error::Unauthorized) => None,
                Err(e) => return Err(super::PageError::new(t, e).into_response()),
            },
            None => None,
        };
        let (anon_csrf, anon_csrf_is_new) = match cookie(parts, CSRF_COOKIE) {
            Some(v) if v.len() >= 32 => (v, false),
            _ => (random_token(), true),
        };
        let path = parts.uri.path_and_query().map_or_else(|| "/".to_string(), |p| p.as_str().to_string());
        Ok(Visitor { t, signed_in, anon_csrf, anon_csrf_is_new, path })
    }
}

/// A signed-in user (anyone else is redirected to sign in).
pub struct SignedIn {
    /// Their language.
    pub t: Tr,
    /// Who.
    pub user: User,
    /// Their session.
    pub session: Session,
    /// The request path and query.
    pub path: String,
}

impl SignedIn {
    /// Checks a submitted anti-forgery token.
    pub fn check_csrf(&self, submitted: &str) -> Result<(), Error> {
        if constant_eq(submitted, &self.session.csrf) {
            Ok(())
        } else {
            Err(Error::Forbidden("the form expired or came from another site; reload the page and try again"))
        }
    }
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let v = Visitor::from_request_parts(parts, state).await?;
        match v.signed_in {
            Some((user, session)) => Ok(SignedIn { t: v.t, user, session, path: v.path }),
            None => {
                let next = if parts.method == Method::GET { v.path.as_str() } else { "/" };
                let to = format!("/sign-in?next={}", super::urlencode(next));
                Err(Redirect::to(&to).into_response())
            }
        }
    }
}

/// A local path to go to after signing in: only same-site paths, never `//host` or a scheme.
pub fn safe_next(next: Option<&str>) -> Option<String> {
    let n = next?.trim();
    let ok = n.starts_with('/') && !n.starts_with("//") && !n.starts_with("/\\") && !n.contains(['\r', '\n']);
    ok.then(|| n.to_string())
}
