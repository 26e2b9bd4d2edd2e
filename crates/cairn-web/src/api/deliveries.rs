//! Email deliveries (claim links): what an administrator checks when an earner says no email
//! came — sent, waiting for a retry (with the last SMTP error), or given up.

use axum::extract::{Query, State};
use axum::Json;
use cairn_core::model::{Delivery, DeliveryState};
use cairn_core::service::delivery;
use cairn_core::Error;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::{IntoParams, ToSchema};

use crate::auth::{OrgAuth, Viewer};
use crate::error::ErrorBody;
use crate::{ApiError, AppState};

/// Query of the delivery list.
#[derive(Debug, Deserialize, IntoParams)]
pub struct DeliveryQuery {
    /// How many of the newest deliveries to look at (1–500, default 100).
    pub limit: Option<u32>,
    /// Only `pending`, `sent` or `failed` ones among them.
    pub state: Option<String>,
}

/// One delivery.
#[derive(Debug, Serialize, ToSchema)]
pub struct DeliveryDto {
    /// Id.
    pub id: uuid::Uuid,
    /// The credential whose claim link it carries.
    pub credential_id: uuid::Uuid,
    /// Recipient address.
    pub to: String,
    /// `pending` (waiting for its next attempt), `sent`, or `failed` (gave up).
    pub state: &'static str,
    /// Attempts so far.
    pub attempts: u32,
    /// When the next attempt is due (pending only).
    #[serde(with = "time::serde::rfc3339::option")]
    pub next_attempt_at: Option<OffsetDateTime>,
    /// The last SMTP error, if any.
    pub last_error: Option<String>,
}

impl From<Delivery> for DeliveryDto {
    fn from(d: Delivery) -> Self {
        DeliveryDto {
            id: d.id.0,
            credential_id: d.credential_id.0,
            to: d.to_email,
            state: match d.state {
                DeliveryState::Pending => "pending",
                DeliveryState::Sent => "sent",
                DeliveryState::Failed => "failed",
            },
            attempts: d.attempts,
            next_attempt_at: (d.state == DeliveryState::Pending).then_some(d.next_attempt_at),
            last_error: d.last_error,
        }
    }
}

/// The organisation's email deliveries, newest first.
#[utoipa::path(get, path = "/api/v1/orgs/{slug}/deliveries", tag = "credentials",
    params(("slug" = String, Path, description = "Organisation slug"), DeliveryQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Deliveries, newest first", body = [DeliveryDto]),
        (status = 400, description = "A query parameter is invalid (named in `field`)", body = ErrorBody),
        (status = 404, description = "Not the token's organisation", body = ErrorBody),
    ))]
pub async fn list_deliveries(
    State(app): State<AppState>,
    auth: OrgAuth<Viewer>,
    Query(q): Query<DeliveryQuery>,
) -> Result<Json<Vec<DeliveryDto>>, ApiError> {
    let state = match q.state.as_deref() {
        None => None,
        Some("pending") => Some(DeliveryState::Pending),
        Some("sent") => Some(DeliveryState::Sent),
        Some("failed") => Some(DeliveryState::Failed),
        Some(_) => return Err(Error::invalid("state", "must be pending, sent or failed").into()),
    };
    let limit = q.limit.unwrap_or(100);
    if !(1..=500).contains(&limit) {
        return Err(Error::invalid("limit", "must be between 1 and 500").into());
    }
    let items = delivery::list_for_org(&app.ctx, auth.org.id, limit).await?;
    Ok(Json(items.into_iter().filter(|d| state.is_none_or(|s| d.state == s)).map(DeliveryDto::from).collect()))
}
