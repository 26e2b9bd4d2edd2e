//! The state every handler receives: the service context and nothing mutable of its own
//! (but a soft sign-in limiter), so several Cairn servers can share one database.

use std::sync::Arc;

use cairn_core::service::Ctx;
use tokio::sync::Notify;

use crate::ui::ratelimit::LoginLimiter;

/// Shared application state.
#[derive(Clone)]
pub struct AppState {
    /// Services' context (store, clock, keys, canonicalizer, base URL).
    pub ctx: Ctx,
    /// Woken when this server creates a bulk job, so the local worker starts at once. Only a
    /// hint: the job lives in the database and workers on other servers find it by polling.
    pub jobs_notify: Arc<Notify>,
    /// Failed sign-ins per account (a soft, per-process limit; see `ui::ratelimit`).
    pub login_limiter: Arc<LoginLimiter>,
}

impl AppState {
    /// State over a service context, with a fresh job notifier.
    pub fn new(ctx: Ctx) -> Self {
        Self { ctx, jobs_notify: Arc::new(Notify::new()), login_limiter: Arc::default() }
    }
}
