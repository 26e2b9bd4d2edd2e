//! Cairn's HTTP surface: the versioned JSON API, the W3C VC-API endpoints, the public
//! documents and pages, and the web interface (`ui`). Handlers are thin: extract, call one `cairn_core::service`, map.
#![warn(missing_docs)]

pub mod api;
pub mod artefacts;
pub mod auth;
pub mod error;
pub mod headers;
pub mod public;
pub mod state;
pub mod ui;
pub mod vcapi;

use axum::Router;

pub use error::ApiError;
pub use state::AppState;

/// The whole application: API, VC-API and public routes over one state.
pub fn router(state: AppState) -> Router {
    Router::new()
        .merge(api::router())
        .merge(vcapi::router())
        .merge(public::router())
        .merge(ui::router())
        .layer(axum::middleware::map_response(headers::security_headers))
        .with_state(state)
}
