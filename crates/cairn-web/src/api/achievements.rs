//! Achievements: create, list, read (any version), and edit — every edit is a new version,
//! issued credentials keep theirs. Responses carry the OB 3.0 `Achievement` JSON a version
//! signs as and the EU micro-credential elements it still lacks.

mod definition;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use cairn_core::model::{Achievement, Organization};
use cairn_core::service::{achievements, orgs, Ctx};
use cairn_core::Error;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::OffsetDateTime;
use utoipa::{IntoParams, ToSchema};

pub use definition::{AchievementDefinitionDto, AlignmentDto, BadgeKindDto, EuFieldsDto};

use super::body::{parse_json, AppJson};
use super::{parse_id, ItemPath};
use crate::auth::{Issuer, OrgAuth, Viewer};
use crate::error::ErrorBody;
use crate::{ApiError, AppState};

/// One version of an achievement.
#[derive(Debug, Serialize, ToSchema)]
pub struct AchievementResponse {
    /// Id (stable across versions).
    pub id: uuid::Uuid,
    /// Version, from 1.
    pub version: i32,
    /// The OB `id` (`<base>/achievements/<id>`).
    pub url: String,
    /// When this version was created.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// The definition.
    pub definition: AchievementDefinitionDto,
    /// EU micro-credential elements still missing (all are required for `micro_credential`).
    pub eu_missing: Vec<String>,
    /// The OB 3.0 `Achievement` object credentials of this version embed.
    #[schema(value_type = Object)]
    pub achievement_json: Value,
}

impl AchievementResponse {
    /// The response for a version of an achievement of `org`.
    pub fn new(ctx: &Ctx, org: &Organization, a: Achievement) -> Self {
        let creator = orgs::issuer_profile(ctx, org);
        let achievement_json = achievements::to_ob_achievement(ctx, &a, Some(&creator));
        Self {
            id: a.id.0,
            version: a.version,
            url: ctx.achievement_url(a.id),
            created_at: a.created_at,
            eu_missing: a.definition.eu.missing().into_iter().map(str::to_string).collect(),
            definition: a.definition.into(),
            achievement_json,
        }
    }
}

/// `?version=`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VersionQuery {
    /// A version number (default: the latest).
    pub version: Option<String>,
}

/// Creates an achievement (issuers and owners).
#[utoipa::path(post, path = "/api/v1/orgs/{slug}/achievements", tag = "achievements",
    params(("slug" = String, Path, description = "Organisation slug")),
    request_body = AchievementDefinitionDto,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Version 1 of the achievement", body = AchievementResponse),
        (status = 400, description = "A field is invalid (named in `field`)", body = ErrorBody),
        (status = 403, description = "The token's role is below issuer", body = ErrorBody),
        (status = 404, description = "Not the token's organisation", body = ErrorBody),
    ))]
pub async fn create_achievement(
    State(app): State<AppState>,
    auth: OrgAuth<Issuer>,
    AppJson(req): AppJson<AchievementDefinitionDto>,
) -> Result<(StatusCode, Json<AchievementResponse>), ApiError> {
    let a = achievements::create_achievement(&app.ctx, auth.org.id, req.into()).await?;
    Ok((StatusCode::CREATED, Json(AchievementResponse::new(&app.ctx, &auth.org, a))))
}

/// The latest version of every achievement.
#[utoipa::path(get, path = "/api/v1/orgs/{slug}/achievements", tag = "achievements",
    params(("slug" = String, Path, description = "Organisation slug")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The achievements", body = [AchievementResponse]),
        (status = 404, description = "Not the token's organisation", body = ErrorBody),
    ))]
pub async fn list_achievements(
    State(app): State<AppState>,
    auth: OrgAuth<Viewer>,
) -> Result<Json<Vec<AchievementResponse>>, ApiError> {
    let list = achievements::list_achievements(&app.ctx, auth.org.id).await?;
    Ok(Json(list.into_iter().map(|a| AchievementResponse::new(&app.ctx, &auth.org, a)).collect()))
}

/// One achievement: the latest version, or `?version=`.
#[utoipa::path(get, path = "/api/v1/orgs/{slug}/achievements/{id}", tag = "achievements",
    params(
        ("slug" = String, Path, description = "Organisation slug"),
        ("id" = uuid::Uuid, Path, description = "Achievement id"),
        VersionQuery,
    ),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The version", body = AchievementResponse),
        (status = 400, description = "`version` or `id` is malformed", body = ErrorBody),
        (status = 404, description = "No such achievement or version in this organisation", body = ErrorBody),
    ))]
pub async fn get_achievement(
    State(app): State<AppState>,
    auth: OrgAuth<Viewer>,
    Path(path): Path<ItemPath>,
    Query(q): Query<VersionQuery>,
) -> Result<Json<AchievementResponse>, ApiError> {
    let version = match q.version.as_deref() {
        None => None,
        Some(v) => Some(
            v.parse::<i32>()
                .ok()
                .filter(|v| *v >= 1)
                .ok_or_else(|| ApiError(Error::invalid("version", "must be a version number (1, 2, …)")))?,
        ),
    };
    let a = achievements::get_achievement(&app.ctx, auth.org.id, parse_id("id", &path.id)?, version).await?;
    Ok(Json(AchievementResponse::new(&app.ctx, &auth.org, a)))
}

/// Edits an achievement with a JSON merge patch (RFC 7396) of its definition; the result is
/// stored as a new version (issuers and owners).
#[utoipa::path(patch, path = "/api/v1/orgs/{slug}/achievements/{id}", tag = "achievements",
    params(
        ("slug" = String, Path, description = "Organisation slug"),
        ("id" = uuid::Uuid, Path, description = "Achievement id"),
    ),
    request_body(content = Object, content_type = "application/merge-patch+json",
        description = "A merge patch of the AchievementDefinition (`null` removes an optional field)"),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The new version", body = AchievementResponse),
        (status = 400, description = "A field is invalid (named in `field`)", body = ErrorBody),
        (status = 403, description = "The token's role is below issuer", body = ErrorBody),
        (status = 404, description = "No such achievement in this organisation", body = ErrorBody),
        (status = 409, description = "Another edit made this version first; retry", body = ErrorBody),
    ))]
pub async fn update_achievement(
    State(app): State<AppState>,
    auth: OrgAuth<Issuer>,
    Path(path): Path<ItemPath>,
    AppJson(patch): AppJson<Value>,
) -> Result<Json<AchievementResponse>, ApiError> {
    let id = parse_id("id", &path.id)?;
    if !patch.is_object() {
        return Err(Error::invalid("body", "must be a JSON object (a merge patch of the definition)").into());
    }
    let current = achievements::get_achievement(&app.ctx, auth.org.id, id, None).await?;
    let mut doc = serde_json::to_value(AchievementDefinitionDto::from(current.definition))
        .map_err(|e| Error::Internal(e.to_string()))?;
    merge_patch(&mut doc, &patch);
    let bytes = serde_json::to_vec(&doc).map_err(|e| Error::Internal(e.to_string()))?;
    let definition: AchievementDefinitionDto = parse_json(&bytes)?;
    let a = achievements::update_achievement(&app.ctx, auth.org.id, id, definition.into()).await?;
    Ok(Json(AchievementResponse::new(&app.ctx, &auth.org, a)))
}

/// RFC 7396: objects merge recursively, `null` removes, anything else replaces.
fn merge_patch(target: &mut Value, patch: &Value) {
    let Value::Object(p) = patch else {
        *target = patch.clone();
        return;
    };
    if !target.is_object() {
        *target = Value::Object(serde_json::Map::new());
    }
    if let Value::Object(t) = target {
        for (k, v) in p {
            if v.is_null() {
                t.remove(k);
            } else {
                merge_patch(t.entry(k.clone()).or_insert(Value::Null), v);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    #[test]
    fn merge_patch_follows_rfc_7396() {
        let mut doc = json!({"a": "b", "c": {"d": "e", "f": "g"}, "tags": ["x"]});
        super::merge_patch(&mut doc, &json!({"a": "z", "c": {"f": null}, "tags": ["y", "z"], "new": 1}));
        assert_eq!(doc, json!({"a": "z", "c": {"d": "e"}, "tags": ["y", "z"], "new": 1}));
    }
}
