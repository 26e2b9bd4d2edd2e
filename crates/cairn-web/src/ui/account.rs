//! Home, sign-in, sign-up, sign-out, first-run setup and the language switch.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::header::SET_COOKIE;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use cairn_core::model::User;
use cairn_core::service::{auth, session};
use cairn_core::Error;
use serde::Deserialize;

use super::i18n::{Lang, LANG_COOKIE};
use super::session::{safe_next, set_cookie, SignedIn, Visitor, SESSION_COOKIE};
use super::{render, Nav, OrPage, PageError};
use crate::AppState;

/// `home.html`.
#[derive(Template)]
#[template(path = "ui/home.html")]
struct HomePage {
    nav: Nav,
    needs_setup: bool,
}

/// `GET /`: what Cairn is, and the way to each area.
pub async fn home(State(app): State<AppState>, v: Visitor) -> Result<Response, PageError> {
    let needs_setup = app.ctx.store.count_users().await.or_page(v.t)? == 0;
    let page = render(&HomePage { nav: v.nav(""), needs_setup }).or_page(v.t)?;
    Ok(v.finish(&app, page))
}

/// `?next=` on the account pages.
#[derive(Debug, Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

/// `sign_in.html`.
#[derive(Template)]
#[template(path = "ui/sign_in.html")]
struct SignInPage {
    nav: Nav,
    email: String,
    next: String,
    error: Option<String>,
}

/// `GET /sign-in`.
pub async fn sign_in_page(State(app): State<AppState>, v: Visitor, Query(q): Query<NextQuery>) -> Response {
    let next = safe_next(q.next.as_deref()).unwrap_or_default();
    let page = SignInPage { nav: v.nav(""), email: String::new(), next, error: None };
    v.finish(&app, render(&page).or_page(v.t))
}

/// The sign-in form.
#[derive(Debug, Deserialize)]
pub struct SignInForm {
    email: String,
    password: String,
    csrf: String,
    #[serde(default)]
    next: String,
}

/// `POST /sign-in`: starts a session and goes to `next` (or the console or wallet).
pub async fn sign_in(
    State(app): State<AppState>,
    v: Visitor,
    Form(f): Form<SignInForm>,
) -> Result<Response, PageError> {
    v.check_csrf(&f.csrf).or_page(v.t)?;
    let now = app.ctx.clock.now();
    let again = |status: StatusCode, key: &str| {
        let page = SignInPage { nav: v.nav(""), email: f.email.clone(), next: f.next.clone(), error: Some(v.t.t(key)) };
        Ok::<_, PageError>((status, render(&page).or_page(v.t)?).into_response())
    };
    if !app.login_limiter.allowed(&f.email, now) {
        tracing::warn!("sign-in refused: too many failures for one account");
        return again(StatusCode::TOO_MANY_REQUESTS, "error-rate-limited");
    }
    match session::sign_in(&app.ctx, &f.email, &f.password).await {
        Ok((user, started)) => {
            app.login_limiter.succeeded(&f.email);
            let to = landing(&app, &user, &f.next).await;
            Ok(signed_in_redirect(&app, &started.secret, &to))
        }
        Err(Error::Unauthorized) => {
            app.login_limiter.failed(&f.email, now);
            again(StatusCode::UNAUTHORIZED, "sign-in-wrong")
        }
        Err(e) => Err(PageError::new(v.t, e)),
    }
}

/// Where a user goes after signing in: `next`, else the console for members, else the wallet.
async fn landing(app: &AppState, user: &User, next: &str) -> String {
    if let Some(n) = safe_next(Some(next)) {
        return n;
    }
    let member = user.is_admin || app.ctx.store.list_memberships(user.id).await.is_ok_and(|m| !m.is_empty());
    if member { "/console" } else { "/wallet" }.to_string()
}

fn signed_in_redirect(app: &AppState, secret: &str, to: &str) -> Response {
    let max_age = session::SESSION_LIFETIME.whole_seconds();
    let mut response = Redirect::to(to).into_response();
    response.headers_mut().append(SET_COOKIE, set_cookie(app, SESSION_COOKIE, secret, max_age, "Lax"));
    response
}

/// `sign_up.html`.
#[derive(Template)]
#[template(path = "ui/sign_up.html")]
struct SignUpPage {
    nav: Nav,
    email: String,
    name: String,
    next: String,
    error: Option<String>,
}

/// `GET /sign-up`: an earner account (for the wallet).
pub async fn sign_up_page(State(app): State<AppState>, v: Visitor, Query(q): Query<NextQuery>) -> Response {
    let next = safe_next(q.next.as_deref()).unwrap_or_default();
    let page = SignUpPage { nav: v.nav(""), email: String::new(), name: String::new(), next, error: None };
    v.finish(&app, render(&page).or_page(v.t))
}

/// The sign-up form.
#[derive(Debug, Deserialize)]
pub struct SignUpForm {
    email: String,
    name: String,
    password: String,
    csrf: String,
    #[serde(default)]
    next: String,
}

/// `POST /sign-up`.
pub async fn sign_up(
    State(app): State<AppState>,
    v: Visitor,
    Form(f): Form<SignUpForm>,
) -> Result<Response, PageError> {
    v.check_csrf(&f.csrf).or_page(v.t)?;
    match session::sign_up(&app.ctx, &f.email, &f.name, &f.password).await {
        Ok((_, started)) => {
            let to = safe_next(Some(&f.next)).unwrap_or_else(|| "/wallet".into());
            Ok(signed_in_redirect(&app, &started.secret, &to))
        }
        Err(Error::Invalid { field, message }) => {
            let error = Some(format!("{}: {message}", v.t.t(&format!("field-{field}"))));
            let page = SignUpPage { nav: v.nav(""), email: f.email, name: f.name, next: f.next, error };
            Ok((StatusCode::BAD_REQUEST, render(&page).or_page(v.t)?).into_response())
        }
        Err(e) => Err(PageError::new(v.t, e)),
    }
}

/// The sign-out form.
#[derive(Debug, Deserialize)]
pub struct CsrfForm {
    csrf: String,
}

/// `POST /sign-out`: ends the session everywhere it is stored and clears the cookie.
pub async fn sign_out(
    State(app): State<AppState>,
    me: SignedIn,
    Form(f): Form<CsrfForm>,
) -> Result<Response, PageError> {
    me.check_csrf(&f.csrf).or_page(me.t)?;
    session::end_by_hash(&app.ctx, &me.session.id_hash).await.or_page(me.t)?;
    let mut response = Redirect::to("/").into_response();
    response.headers_mut().append(SET_COOKIE, set_cookie(&app, SESSION_COOKIE, "", 0, "Lax"));
    Ok(response)
}

/// `setup.html`.
#[derive(Template)]
#[template(path = "ui/setup.html")]
struct SetupPage {
    nav: Nav,
    done: bool,
    email: String,
    name: String,
    error: Option<String>,
}

/// `GET /setup`: the first administrator, with the token `cairn serve` printed.
pub async fn setup_page(State(app): State<AppState>, v: Visitor) -> Result<Response, PageError> {
    let done = app.ctx.store.count_users().await.or_page(v.t)? > 0;
    let page = SetupPage { nav: v.nav(""), done, email: String::new(), name: String::new(), error: None };
    Ok(v.finish(&app, render(&page).or_page(v.t)?))
}

/// The setup form.
#[derive(Debug, Deserialize)]
pub struct SetupForm {
    token: String,
    email: String,
    name: String,
    password: String,
    csrf: String,
}

/// `POST /setup`.
pub async fn setup(State(app): State<AppState>, v: Visitor, Form(f): Form<SetupForm>) -> Result<Response, PageError> {
    v.check_csrf(&f.csrf).or_page(v.t)?;
    match auth::create_first_admin(&app.ctx, f.token.trim(), &f.email, &f.name, &f.password).await {
        Ok(user) => {
            let started = session::start(&app.ctx, &user).await.or_page(v.t)?;
            Ok(signed_in_redirect(&app, &started.secret, "/console"))
        }
        Err(e @ (Error::Invalid { .. } | Error::Unauthorized)) => {
            let error = Some(match e {
                Error::Unauthorized => v.t.t("setup-wrong-token"),
                other => other.to_string(),
            });
            let page = SetupPage { nav: v.nav(""), done: false, email: f.email, name: f.name, error };
            Ok((StatusCode::BAD_REQUEST, render(&page).or_page(v.t)?).into_response())
        }
        Err(e) => Err(PageError::new(v.t, e)),
    }
}

/// `GET /lang/{code}?next=`: remembers the language for a year and goes back.
pub async fn set_lang(State(app): State<AppState>, Path(code): Path<String>, Query(q): Query<NextQuery>) -> Response {
    let to = safe_next(q.next.as_deref()).unwrap_or_else(|| "/".into());
    let mut response = Redirect::to(&to).into_response();
    if let Some(lang) = Lang::parse(&code) {
        let c = set_cookie(&app, LANG_COOKIE, lang.code(), 60 * 60 * 24 * 365, "Lax");
        response.headers_mut().append(SET_COOKIE, c);
    }
    response
}
