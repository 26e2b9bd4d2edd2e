//! `GET/POST /claim/{token}`: the emailed link. Anyone holding it sees the credential;
//! signed-in earners add it to their wallet, others sign in or sign up and come back. The
//! token is in the URL, so the page is never cached nor sent on as a referrer to another
//! site. The policy is `same-origin`, not `no-referrer`: with `no-referrer` browsers send
//! `Origin: null` on the page's own "Add to my wallet" POST, which the cross-site check refuses
//! (found by the real-browser loop test).

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use cairn_core::model::DisplayFields;
use cairn_core::service::wallet;
use serde::Deserialize;

use super::view::{cred_view, CredView};
use crate::ui::session::Visitor;
use crate::ui::{render, urlencode, Nav, OrPage, PageError};
use crate::AppState;

/// `wallet/claim.html`.
#[derive(Template)]
#[template(path = "ui/wallet/claim.html")]
struct ClaimPage {
    nav: Nav,
    c: CredView,
    recipient_name: Option<String>,
    signed_in: bool,
    in_wallet: Option<String>,
    token: String,
    next: String,
    public_url: String,
}

fn private(mut response: Response) -> Response {
    let h = response.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    response
}

/// `GET /claim/{token}`: the credential, and the way into the wallet.
pub async fn view_claim(
    State(app): State<AppState>,
    v: Visitor,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    let t = v.t;
    let user = v.signed_in.as_ref().map(|(u, _)| u.id);
    let p = wallet::claim::preview(&app.ctx, user, &token).await.or_page(t)?;
    let page = ClaimPage {
        nav: v.nav("wallet"),
        c: cred_view(t, &p.record.json, false, &DisplayFields::default(), &p.live),
        recipient_name: p.record.recipient_name.clone(),
        signed_in: user.is_some(),
        in_wallet: p.in_wallet.map(|i| i.to_string()),
        next: urlencode(&format!("/claim/{token}")),
        token,
        public_url: app.ctx.credential_url(p.record.id),
    };
    let response = render(&page).or_page(t)?;
    Ok(private(v.finish(&app, response)))
}

/// The add form.
#[derive(Debug, Deserialize)]
pub struct AddForm {
    csrf: String,
}

/// `POST /claim/{token}`: marks the credential claimed and keeps it in the wallet.
pub async fn post_claim(
    State(app): State<AppState>,
    v: Visitor,
    Path(token): Path<String>,
    Form(f): Form<AddForm>,
) -> Result<Response, PageError> {
    let t = v.t;
    v.check_csrf(&f.csrf).or_page(t)?;
    let Some((user, _)) = &v.signed_in else {
        let to = format!("/sign-in?next={}", urlencode(&format!("/claim/{token}")));
        return Ok(private(Redirect::to(&to).into_response()));
    };
    let item = wallet::add_claimed(&app.ctx, user, &token).await.or_page(t)?;
    Ok(private(Redirect::to(&format!("/wallet/{}?added=1", item.id)).into_response()))
}
