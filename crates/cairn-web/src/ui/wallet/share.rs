//! `GET /s/{share_id}`: the public page of a credential its earner shares (404 while
//! sharing is off), verified live like the public credential page.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use cairn_core::service::wallet;

use super::view::{item_view, CredView, ItemView};
use crate::ui::session::Visitor;
use crate::ui::{render, Nav, OrPage, PageError};
use crate::AppState;

/// `wallet/shared.html`.
#[derive(Template)]
#[template(path = "ui/wallet/shared.html")]
struct SharedPage {
    nav: Nav,
    item: ItemView,
    c: CredView,
}

/// `GET /s/{share_id}`.
pub async fn view_shared(
    State(app): State<AppState>,
    v: Visitor,
    Path(share): Path<String>,
) -> Result<Response, PageError> {
    let t = v.t;
    let found = wallet::shared(&app.ctx, &share).await.or_page(t)?;
    let live = wallet::live_status(&app.ctx, &found).await.or_page(t)?;
    let (item, c) = item_view(&app.ctx, t, &found, &live);
    let page = render(&SharedPage { nav: v.nav(""), item, c }).or_page(t)?;
    Ok(v.finish(&app, page))
}
