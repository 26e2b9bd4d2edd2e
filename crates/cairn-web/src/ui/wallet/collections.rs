//! Collections: create, rename, delete (`/wallet/collections…`), and putting an item in or
//! taking it out (`POST /wallet/{item}/collections`).

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use cairn_core::service::wallet::collections;
use serde::Deserialize;

use super::{collection_id, item_id};
use crate::ui::session::SignedIn;
use crate::ui::{OrPage, PageError};
use crate::AppState;

/// The create and rename forms.
#[derive(Debug, Deserialize)]
pub struct NameForm {
    csrf: String,
    name: String,
}

/// `POST /wallet/collections`.
pub async fn post_create(
    State(app): State<AppState>,
    me: SignedIn,
    Form(f): Form<NameForm>,
) -> Result<Response, PageError> {
    me.check_csrf(&f.csrf).or_page(me.t)?;
    let c = collections::create(&app.ctx, me.user.id, &f.name).await.or_page(me.t)?;
    Ok(Redirect::to(&format!("/wallet?collection={}", c.id)).into_response())
}

/// `POST /wallet/collections/{id}/rename`.
pub async fn post_rename(
    State(app): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
    Form(f): Form<NameForm>,
) -> Result<Response, PageError> {
    me.check_csrf(&f.csrf).or_page(me.t)?;
    let id = collection_id(&id).or_page(me.t)?;
    collections::rename(&app.ctx, me.user.id, id, &f.name).await.or_page(me.t)?;
    Ok(Redirect::to(&format!("/wallet?collection={id}")).into_response())
}

/// A form with only the anti-forgery token.
#[derive(Debug, Deserialize)]
pub struct CsrfForm {
    csrf: String,
}

/// `POST /wallet/collections/{id}/delete`: the items stay in the wallet.
pub async fn post_delete(
    State(app): State<AppState>,
    me: SignedIn,
    Path(id): Path<String>,
    Form(f): Form<CsrfForm>,
) -> Result<Response, PageError> {
    me.check_csrf(&f.csrf).or_page(me.t)?;
    let id = collection_id(&id).or_page(me.t)?;
    collections::delete(&app.ctx, me.user.id, id).await.or_page(me.t)?;
    Ok(Redirect::to("/wallet").into_response())
}

/// The item's collection form: `action` is `add` or `remove`.
#[derive(Debug, Deserialize)]
pub struct ItemForm {
    csrf: String,
    collection: String,
    action: String,
}

/// `POST /wallet/{item}/collections`.
pub async fn post_item(
    State(app): State<AppState>,
    me: SignedIn,
    Path(item): Path<String>,
    Form(f): Form<ItemForm>,
) -> Result<Response, PageError> {
    let t = me.t;
    me.check_csrf(&f.csrf).or_page(t)?;
    let (item, collection) = (item_id(&item).or_page(t)?, collection_id(&f.collection).or_page(t)?);
    if f.action == "remove" {
        collections::remove_item(&app.ctx, me.user.id, collection, item).await.or_page(t)?;
    } else {
        collections::add_item(&app.ctx, me.user.id, collection, item).await.or_page(t)?;
    }
    Ok(Redirect::to(&format!("/wallet/{item}")).into_response())
}
