//! `GET /wallet[?collection=…]`: every credential with its live status, and the collections.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use cairn_core::model::Collection;
use cairn_core::service::wallet;
use serde::Deserialize;

use super::view::{item_view, CredView, ItemView};
use super::{collection_id, nav};
use crate::ui::session::SignedIn;
use crate::ui::{render, Nav, OrPage, PageError};
use crate::AppState;

/// `wallet/list.html`.
#[derive(Template)]
#[template(path = "ui/wallet/list.html")]
struct WalletPage {
    nav: Nav,
    items: Vec<(ItemView, CredView)>,
    collections: Vec<Collection>,
    current: Option<Collection>,
}

impl WalletPage {
    fn is_current(&self, c: &Collection) -> bool {
        self.current.as_ref().is_some_and(|cur| cur.id == c.id)
    }
}

/// `?collection=`.
#[derive(Debug, Deserialize)]
pub struct WalletQuery {
    collection: Option<String>,
}

/// `GET /wallet`: each credential verified again now.
pub async fn view_wallet(
    State(app): State<AppState>,
    me: SignedIn,
    Query(q): Query<WalletQuery>,
) -> Result<Response, PageError> {
    let t = me.t;
    let filter = match q.collection.as_deref().filter(|c| !c.is_empty()) {
        Some(raw) => Some(collection_id(raw).or_page(t)?),
        None => None,
    };
    let listed = wallet::items(&app.ctx, me.user.id, filter).await.or_page(t)?;
    let mut items = Vec::with_capacity(listed.len());
    for item in &listed {
        let live = wallet::live_status(&app.ctx, item).await.or_page(t)?;
        items.push(item_view(&app.ctx, t, item, &live));
    }
    let collections = wallet::collections::list(&app.ctx, me.user.id).await.or_page(t)?;
    let current = filter.and_then(|id| collections.iter().find(|c| c.id == id).cloned());
    render(&WalletPage { nav: nav(&app, &me).await, items, collections, current }).or_page(t)
}
