//! The web interface: server-rendered pages (askama) that work without JavaScript, in every
//! shipped language. Handlers are thin like the API's: extract ([`session::Visitor`] or
//! [`session::SignedIn`]), call one service, render a page. Errors become an HTML page whose
//! status comes from the one mapping in `crate::error`.
//!
//! Areas: `account` (home, sign-in/up/out, first-run setup, language), `assets` (CSS, JS),
//! `console` (the issuer console, per organisation), `design` (the achievement designer and
//! organisation settings in the console), `issue` (its dashboard, awards, bulk jobs and issued
//! credentials), `credential`, `issuer` and `achievement` (the public pages of a credential, an
//! issuer and an achievement; their handlers are in `crate::public`, which negotiates HTML or
//! JSON-LD), `verify` (the public verifier), `wallet` (the earner's wallet, claim links,
//! shared pages).

pub mod account;
pub mod achievement;
pub mod assets;
pub mod console;
pub mod credential;
pub mod design;
pub mod i18n;
pub mod issue;
pub mod issuer;
pub mod ratelimit;
pub mod session;
pub mod verify;
pub mod wallet;

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use cairn_core::Error;

use crate::{ApiError, AppState};
use i18n::{Lang, Tr};

/// Routes of the web interface.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(account::home))
        .route("/sign-in", get(account::sign_in_page).post(account::sign_in))
        .route("/sign-up", get(account::sign_up_page).post(account::sign_up))
        .route("/sign-out", axum::routing::post(account::sign_out))
        .route("/setup", get(account::setup_page).post(account::setup))
        .route("/lang/{code}", get(account::set_lang))
        .route("/static/{file}", get(assets::get_asset))
        .merge(console::router())
        .merge(verify::router())
        .merge(wallet::router())
}

/// What the layout shows around every page: language, who is signed in, the forms' token.
pub struct Nav {
    /// Language of the page.
    pub t: Tr,
    /// The signed-in user's display name.
    pub user_name: Option<String>,
    /// Whether the console link is shown (members and administrators).
    pub console: bool,
    /// The anti-forgery token for the sign-out form (and the page's own forms).
    pub csrf: String,
    /// The current path and query, for the language switcher.
    pub path: String,
    /// Which top-level area is current (`console`, `wallet`, `verify`, or empty).
    pub area: &'static str,
}

impl Nav {
    /// The other shipped languages, with the link that switches to each.
    pub fn languages(&self) -> Vec<(&'static str, &'static str, String)> {
        Lang::ALL
            .into_iter()
            .filter(|l| *l != self.t.lang)
            .map(|l| (l.code(), l.native_name(), format!("/lang/{}?next={}", l.code(), urlencode(&self.path))))
            .collect()
    }

    /// The CSS URL, versioned by content so it can be cached for a year.
    pub fn css(&self) -> &'static str {
        assets::css_url()
    }

    /// The script URL, versioned by content.
    pub fn js(&self) -> &'static str {
        assets::js_url()
    }
}

impl session::Visitor {
    /// The layout fields for this visitor.
    pub fn nav(&self, area: &'static str) -> Nav {
        Nav {
            t: self.t,
            user_name: self.signed_in.as_ref().map(|(u, _)| u.display_name.clone()),
            console: self.signed_in.as_ref().is_some_and(|(u, _)| u.is_admin),
            csrf: self.csrf().to_string(),
            path: self.path.clone(),
            area,
        }
    }
}

impl session::SignedIn {
    /// The layout fields for this user (`console`: whether they belong to an organisation).
    pub fn nav(&self, area: &'static str, console: bool) -> Nav {
        Nav {
            t: self.t,
            user_name: Some(self.user.display_name.clone()),
            console: console || self.user.is_admin,
            csrf: self.session.csrf.clone(),
            path: self.path.clone(),
            area,
        }
    }
}

/// Renders a page.
pub fn render(template: &impl Template) -> Result<Response, Error> {
    let html = template.render().map_err(|e| Error::Internal(format!("rendering a page: {e}")))?;
    Ok(Html(html).into_response())
}

/// `error.html`.
#[derive(Template)]
#[template(path = "ui/error.html")]
struct ErrorPage {
    nav: Nav,
    status: u16,
    message: String,
}

/// An error on a page: shown as an HTML page in the visitor's language, with the status
/// from [`ApiError::status`]. Internal details are logged, never shown.
#[derive(Debug)]
pub struct PageError {
    t: Tr,
    error: Error,
}

impl PageError {
    /// An error for a visitor reading in `t`'s language.
    pub fn new(t: Tr, error: Error) -> Self {
        Self { t, error }
    }
}

/// `result.or_page(t)?` in handlers.
pub trait OrPage<T> {
    /// Attaches the visitor's language to an error.
    fn or_page(self, t: Tr) -> Result<T, PageError>;
}

impl<T, E: Into<Error>> OrPage<T> for Result<T, E> {
    fn or_page(self, t: Tr) -> Result<T, PageError> {
        self.map_err(|e| PageError::new(t, e.into()))
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let api = ApiError(self.error);
        let status = api.status();
        let t = self.t;
        let message = match &api.0 {
            _ if status.is_server_error() => {
                tracing::error!(error = %api.0, "internal error on a page");
                t.t("error-internal")
            }
            Error::NotFound { .. } => t.t("error-not-found"),
            Error::Unauthorized => t.t("error-unauthorized"),
            Error::RateLimited(_) => t.t("error-rate-limited"),
            other => other.to_string(),
        };
        let nav = Nav { t, user_name: None, console: false, csrf: String::new(), path: "/".into(), area: "" };
        let page = ErrorPage { nav, status: status.as_u16(), message };
        match page.render() {
            Ok(html) => (status, Html(html)).into_response(),
            Err(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response(),
        }
    }
}

/// Percent-encodes a query value (RFC 3986 unreserved characters pass through).
pub fn urlencode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
