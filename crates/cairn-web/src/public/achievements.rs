//! `GET /achievements/{id}[?version=N]`: the OB 3.0 `Achievement` (JSON) or its page
//! (`crate::ui::achievement`).

use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use cairn_core::ids::AchievementId;
use cairn_core::service;
use serde::Deserialize;

use super::{json_document, negotiate, parse_id, vary_accept, LD_JSON};
use crate::ui::achievement::achievement_page;
use crate::ui::render;
use crate::ui::session::Visitor;
use crate::AppState;

/// Query of an achievement URL.
#[derive(Debug, Deserialize)]
pub struct VersionQuery {
    /// A version (default: the latest).
    pub version: Option<i32>,
}

/// JSON clients get the OB `Achievement` with its contexts; browsers a page.
pub async fn get_achievement(
    State(app): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<VersionQuery>,
    headers: HeaderMap,
    visitor: Visitor,
) -> Result<Response, Response> {
    let html = negotiate::wants_html(&headers);
    let fail = super::negotiated_error(html, visitor.t);
    let id: AchievementId = parse_id(&id, "achievement").map_err(|e| fail(e.0))?;
    let (achievement, org, doc) = service::public::achievement_document(&app.ctx, id, q.version).await.map_err(fail)?;
    if html {
        let page = achievement_page(&app.ctx, visitor.nav(""), &achievement, &org, &doc);
        return Ok(vary_accept(render(&page).map_err(fail)?));
    }
    Ok(vary_accept(json_document(LD_JSON, &doc).map_err(|e| fail(e.0))?))
}
