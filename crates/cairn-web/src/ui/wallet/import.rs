//! `GET/POST /wallet/import`: a file (JSON, baked PNG or SVG), pasted JSON or a URL. Each
//! import is verified and the result page shows every check.

use askama::Template;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cairn_core::model::DisplayFields;
use cairn_core::service::wallet::import::{import, ImportInput};
use cairn_core::service::wallet::{state_of, Live};
use cairn_core::Error;

use super::nav;
use super::view::{cred_view, CredView};
use crate::ui::session::SignedIn;
use crate::ui::{render, Nav, OrPage, PageError};
use crate::AppState;

/// `wallet/import.html`.
#[derive(Template)]
#[template(path = "ui/wallet/import.html")]
struct ImportPage {
    nav: Nav,
    error: Option<String>,
    json: String,
    url: String,
}

/// `wallet/import_result.html`.
#[derive(Template)]
#[template(path = "ui/wallet/import_result.html")]
struct ResultPage {
    nav: Nav,
    id: String,
    c: CredView,
    verified: bool,
}

/// `GET /wallet/import`.
pub async fn view_import(State(app): State<AppState>, me: SignedIn) -> Result<Response, PageError> {
    let page = ImportPage { nav: nav(&app, &me).await, error: None, json: String::new(), url: String::new() };
    render(&page).or_page(me.t)
}

/// What the form sent.
#[derive(Default)]
struct Fields {
    csrf: String,
    file: Vec<u8>,
    json: String,
    url: String,
}

async fn read_fields(mut form: Multipart) -> Result<Fields, Error> {
    let bad = |e: axum::extract::multipart::MultipartError| {
        Error::invalid("wallet-file", format!("the upload could not be read ({})", e.body_text()))
    };
    let mut f = Fields::default();
    while let Some(field) = form.next_field().await.map_err(bad)? {
        match field.name().unwrap_or_default() {
            "csrf" => f.csrf = field.text().await.map_err(bad)?,
            "file" => f.file = field.bytes().await.map_err(bad)?.to_vec(),
            "json" => f.json = field.text().await.map_err(bad)?,
            "url" => f.url = field.text().await.map_err(bad)?,
            _ => {}
        }
    }
    Ok(f)
}

/// Exactly one of the three ways.
fn input(f: &Fields) -> Result<ImportInput<'_>, Error> {
    let given = [!f.file.is_empty(), !f.json.trim().is_empty(), !f.url.trim().is_empty()];
    match given {
        [true, false, false] => Ok(ImportInput::File(&f.file)),
        [false, true, false] => Ok(ImportInput::Json(&f.json)),
        [false, false, true] => Ok(ImportInput::Url(f.url.trim())),
        [false, false, false] => Err(Error::invalid("wallet-file", "choose a file, paste JSON or give a URL")),
        _ => Err(Error::invalid("wallet-file", "use one way at a time: a file, pasted JSON or a URL")),
    }
}

/// `POST /wallet/import` (multipart).
pub async fn post_import(State(app): State<AppState>, me: SignedIn, form: Multipart) -> Result<Response, PageError> {
    let t = me.t;
    let outcome = match read_fields(form).await {
        Ok(f) => {
            me.check_csrf(&f.csrf).or_page(t)?;
            let result = match input(&f) {
                Ok(given) => import(&app.ctx, me.user.id, given).await,
                Err(e) => Err(e),
            };
            (result, f.json, f.url)
        }
        Err(e) => (Err(e), String::new(), String::new()),
    };
    match outcome {
        (Ok(done), _, _) => {
            let live = Live {
                state: state_of(&done.report),
                report: done.report,
                kind: done.kind,
                display: DisplayFields::default(),
            };
            let ob2 = done.kind == cairn_core::service::wallet::KIND_OB2_HOSTED;
            let c = cred_view(t, &done.item.json, ob2, &done.item.verification.display, &live);
            let page = ResultPage {
                nav: nav(&app, &me).await,
                id: done.item.id.to_string(),
                verified: live.report.verified,
                c,
            };
            render(&page).or_page(t)
        }
        (Err(Error::Invalid { field, message }), json, url) => {
            let error = Some(format!("{}: {message}", t.t(&format!("field-{field}"))));
            let page = ImportPage { nav: nav(&app, &me).await, error, json, url };
            Ok((StatusCode::BAD_REQUEST, render(&page).or_page(t)?).into_response())
        }
        (Err(e), _, _) => Err(PageError::new(t, e)),
    }
}
