//! The achievement designer and the organisation settings, in the issuer console:
//! `/console/{slug}/achievements[/new|/{id}/edit]` and `/console/{slug}/settings`.
//! Forms are plain HTML (multipart, for image uploads) that work without JavaScript;
//! `static/console-design.js` adds the live preview and the live EU indicator.

mod achievements;
mod body;
mod eu;
mod fields;
mod form;
mod settings;
mod tokens;

use axum::routing::get;
use axum::Router;

use crate::AppState;

/// Routes of the designer and the settings.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/console/{slug}/achievements", get(achievements::view_achievements))
        .route("/console/{slug}/achievements/new", get(achievements::view_new).post(achievements::post_new))
        .route("/console/{slug}/achievements/{id}/edit", get(achievements::view_edit).post(achievements::post_edit))
        .route("/console/{slug}/settings", get(settings::view_settings).post(settings::post_settings))
}
