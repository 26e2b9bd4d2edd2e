//! The public verifier, no login: `GET /verify` shows one form (a file: JSON, baked PNG or
//! SVG; pasted JSON; or a web address); `POST /verify` (multipart) verifies the first of
//! them given with [`service::inspect`] and shows the verdict, each check in plain words and
//! what the credential says. Works for any issuer's Open Badges 3.0 credential. The form is
//! read-only, so it carries no anti-forgery token; cross-site posts are still refused by the
//! [`Visitor`] extractor. `static/verify.js` adds drag and drop onto the file field.

use askama::Template;
use axum::extract::{DefaultBodyLimit, Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use cairn_core::service::inspect::{self as service, Input, Inspection, Problem};

use super::credential::{Summary, VerdictView};
use super::session::Visitor;
use super::{assets, render, Nav, OrPage, PageError};
use crate::AppState;

/// Verifier routes. Uploads may be as large as the engine accepts (plus the form's fields).
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/verify", get(view_verify).post(post_verify))
        .layer(DefaultBodyLimit::max(cairn_vc::bake::MAX_INPUT_BYTES + 64 * 1024))
}

/// `ui/verify/page.html`.
#[derive(Template)]
#[template(path = "ui/verify/page.html")]
struct VerifyPage {
    nav: Nav,
    /// The pasted JSON, kept in the form.
    pasted: String,
    /// The address, kept in the form.
    url: String,
    /// Why nothing could be verified.
    problem: Option<String>,
    /// The verdict, when a credential was verified.
    verdict: Option<VerdictView>,
    /// What the verified credential says.
    summary: Option<Summary>,
}

impl VerifyPage {
    fn script(&self) -> &'static str {
        assets::url("verify.js")
    }
}

/// `GET /verify`.
pub async fn view_verify(v: Visitor) -> Result<Response, PageError> {
    let page = VerifyPage {
        nav: v.nav("verify"),
        pasted: String::new(),
        url: String::new(),
        problem: None,
        verdict: None,
        summary: None,
    };
    render(&page).or_page(v.t)
}

/// The form's fields, as sent.
#[derive(Default)]
struct Form {
    file: Vec<u8>,
    pasted: String,
    url: String,
}

async fn read_form(mut multipart: Multipart) -> Result<Form, Problem> {
    let mut form = Form::default();
    let unreadable = |e: axum::extract::multipart::MultipartError| Problem::NotACredential(e.body_text());
    while let Some(field) = multipart.next_field().await.map_err(unreadable)? {
        match field.name() {
            Some("file") => form.file = field.bytes().await.map_err(unreadable)?.to_vec(),
            Some("json") => form.pasted = field.text().await.map_err(unreadable)?,
            Some("url") => form.url = field.text().await.map_err(unreadable)?,
            _ => {}
        }
    }
    Ok(form)
}

/// `POST /verify`: verifies the file, else the pasted JSON, else the address.
pub async fn post_verify(State(app): State<AppState>, v: Visitor, multipart: Multipart) -> Result<Response, PageError> {
    let t = v.t;
    let (form, inspected) = match read_form(multipart).await {
        Ok(form) => {
            let input = if !form.file.is_empty() {
                Input::File(&form.file)
            } else if !form.pasted.trim().is_empty() {
                Input::Pasted(&form.pasted)
            } else {
                Input::Url(&form.url)
            };
            let inspected = service::inspect(&app.ctx, input).await.or_page(t)?;
            (form, inspected)
        }
        Err(problem) => (Form::default(), Inspection::Unusable(problem)),
    };
    let (status, problem, verdict, summary) = match inspected {
        Inspection::Verified { credential, report } => {
            let s = Summary::of(&credential, t);
            (StatusCode::OK, None, Some(VerdictView::of(&report, &s.issuer.text, t)), Some(s))
        }
        Inspection::Unusable(p) => (StatusCode::UNPROCESSABLE_ENTITY, Some(problem_words(&p, t)), None, None),
    };
    let page = VerifyPage { nav: v.nav("verify"), pasted: form.pasted, url: form.url, problem, verdict, summary };
    Ok((status, render(&page).or_page(t)?).into_response())
}

fn problem_words(p: &Problem, t: super::i18n::Tr) -> String {
    match p {
        Problem::Empty => t.t("verify-problem-empty"),
        Problem::NotBaked(why) => t.n("verify-problem-not-baked", "reason", why.as_str()),
        Problem::Ob2 => t.t("verify-problem-ob2"),
        Problem::Jwt => t.t("verify-problem-jwt"),
        Problem::NotACredential(why) => t.n("verify-problem-not-credential", "reason", why.as_str()),
        Problem::BadUrl => t.t("verify-problem-bad-url"),
        Problem::Offline => t.t("verify-problem-offline"),
        Problem::FetchFailed(why) => t.n("verify-problem-fetch", "reason", why.as_str()),
    }
}
