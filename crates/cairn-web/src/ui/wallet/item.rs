//! `GET /wallet/{item}`: one credential, its checks explained, sharing, downloads and
//! collections; `POST …/share` (public page on or off) and `POST …/remove`.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use cairn_core::model::Collection;
use cairn_core::service::wallet;
use serde::Deserialize;

use super::view::{item_view, CredView, ItemView};
use super::{item_id, nav};
use crate::ui::session::SignedIn;
use crate::ui::{render, Nav, OrPage, PageError};
use crate::AppState;

/// `wallet/item.html`.
#[derive(Template)]
#[template(path = "ui/wallet/item.html")]
struct ItemPage {
    nav: Nav,
    item: ItemView,
    c: CredView,
    linkedin: String,
    /// The user's collections, and whether the item is in each.
    collections: Vec<(Collection, bool)>,
    added: bool,
}

impl ItemPage {
    fn has_other_collections(&self) -> bool {
        self.collections.iter().any(|(_, inside)| !inside)
    }
}

/// `?added=1` after a claim.
#[derive(Debug, Deserialize)]
pub struct ItemQuery {
    added: Option<String>,
}

/// `GET /wallet/{item}`.
pub async fn view_item(
    State(app): State<AppState>,
    me: SignedIn,
    Path(raw): Path<String>,
    Query(q): Query<ItemQuery>,
) -> Result<Response, PageError> {
    let t = me.t;
    let id = item_id(&raw).or_page(t)?;
    let found = wallet::item(&app.ctx, me.user.id, id).await.or_page(t)?;
    let live = wallet::live_status(&app.ctx, &found).await.or_page(t)?;
    let inside = wallet::collections::of_item(&app.ctx, me.user.id, id).await.or_page(t)?;
    let all = wallet::collections::list(&app.ctx, me.user.id).await.or_page(t)?;
    let collections = all.into_iter().map(|c| (inside.contains(&c.id), c)).map(|(i, c)| (c, i)).collect();
    let (item, c) = item_view(&app.ctx, t, &found, &live);
    let linkedin = c.linkedin_url(&item.share_url);
    let page = ItemPage { nav: nav(&app, &me).await, item, c, linkedin, collections, added: q.added.is_some() };
    render(&page).or_page(t)
}

/// The share form: `public` is `on` or `off`.
#[derive(Debug, Deserialize)]
pub struct ShareForm {
    csrf: String,
    public: String,
}

/// `POST /wallet/{item}/share`.
pub async fn post_share(
    State(app): State<AppState>,
    me: SignedIn,
    Path(raw): Path<String>,
    Form(f): Form<ShareForm>,
) -> Result<Response, PageError> {
    let t = me.t;
    me.check_csrf(&f.csrf).or_page(t)?;
    let id = item_id(&raw).or_page(t)?;
    wallet::set_public(&app.ctx, me.user.id, id, f.public == "on").await.or_page(t)?;
    Ok(Redirect::to(&format!("/wallet/{id}#share")).into_response())
}

/// A form with only the anti-forgery token.
#[derive(Debug, Deserialize)]
pub struct CsrfForm {
    csrf: String,
}

/// `POST /wallet/{item}/remove`: takes the credential out of the wallet.
pub async fn post_remove(
    State(app): State<AppState>,
    me: SignedIn,
    Path(raw): Path<String>,
    Form(f): Form<CsrfForm>,
) -> Result<Response, PageError> {
    let t = me.t;
    me.check_csrf(&f.csrf).or_page(t)?;
    wallet::remove(&app.ctx, me.user.id, item_id(&raw).or_page(t)?).await.or_page(t)?;
    Ok(Redirect::to("/wallet").into_response())
}
