//! Cairn's HTTP surface: the versioned JSON API, the W3C VC-API endpoints, and the public
//! documents and pages. Handlers are thin: extract, call one `cairn_core::service`, map.
#![warn(missing_docs)]

pub mod api;
pub mod auth;
pub mod error;
pub mod public;
pub mod state;
pub mod vcapi;

use axum::Router;

pub use error::ApiError;
pub use state::AppState;

/// The whole application: API, VC-API and public routes over one state.
pub fn router(state: AppState) -> Router {
    Router::new().merge(api::router()).merge(vcapi::router()).merge(public::router()).with_state(state)
}
