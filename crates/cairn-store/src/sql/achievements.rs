//! Achievement versions.

use cairn_core::ids::{AchievementId, OrgId};
use cairn_core::model::{Achievement, AchievementDefinition};
use cairn_core::Error;
use uuid::Uuid;

use super::{from_json, to_json, to_u64};
use crate::backend::{Backend, Exec, Ts, Q};

const COLUMNS: &str = "id, version, org_id, definition, created_at";

#[derive(sqlx::FromRow)]
pub(crate) struct AchievementRow {
    id: Uuid,
    version: i32,
    org_id: Uuid,
    definition: String,
    created_at: Ts,
}

impl AchievementRow {
    fn into_achievement(self) -> Result<Achievement, Error> {
        Ok(Achievement {
            id: AchievementId(self.id),
            org_id: OrgId(self.org_id),
            version: self.version,
            definition: from_json::<AchievementDefinition>(&self.definition, "achievement definition")?,
            created_at: self.created_at.0,
        })
    }
}

pub(crate) async fn insert_achievement<B: Backend>(db: &B, a: &Achievement) -> Result<(), Error> {
    let q = Q::new(format!("INSERT INTO achievements ({COLUMNS}) VALUES ($1, $2, $3, $4, $5)"))
        .bind(a.id.0)
        .bind(a.version)
        .bind(a.org_id.0)
        .bind(to_json(&a.definition)?)
        .bind(a.created_at);
    db.auto().execute(q).await.map(drop)
}

pub(crate) async fn get_achievement<B: Backend>(
    db: &B,
    id: AchievementId,
    version: Option<i32>,
) -> Result<Achievement, Error> {
    let q = match version {
        Some(v) => {
            Q::new(format!("SELECT {COLUMNS} FROM achievements WHERE id = $1 AND version = $2")).bind(id.0).bind(v)
        }
        None => {
            Q::new(format!("SELECT {COLUMNS} FROM achievements WHERE id = $1 ORDER BY version DESC LIMIT 1")).bind(id.0)
        }
    };
    let row: Option<AchievementRow> = db.auto().fetch_optional(q).await?;
    row.ok_or(Error::NotFound { what: "achievement" })?.into_achievement()
}

/// The latest version of each achievement, by name.
pub(crate) async fn list_achievements<B: Backend>(db: &B, org: OrgId) -> Result<Vec<Achievement>, Error> {
    let q = Q::new(format!(
        "SELECT {COLUMNS} FROM achievements a WHERE org_id = $1 \
         AND version = (SELECT MAX(version) FROM achievements b WHERE b.id = a.id)"
    ))
    .bind(org.0);
    let rows: Vec<AchievementRow> = db.auto().fetch_all(q).await?;
    let mut list = rows.into_iter().map(AchievementRow::into_achievement).collect::<Result<Vec<_>, _>>()?;
    list.sort_by(|a, b| a.definition.name.cmp(&b.definition.name).then(a.id.cmp(&b.id)));
    Ok(list)
}

pub(crate) async fn count_awards<B: Backend>(db: &B, id: AchievementId, version: i32) -> Result<u64, Error> {
    let q = Q::new("SELECT COUNT(*) FROM credentials WHERE achievement_id = $1 AND achievement_version = $2")
        .bind(id.0)
        .bind(version);
    let row: Option<(i64,)> = db.auto().fetch_optional(q).await?;
    to_u64(row.map_or(0, |r| r.0))
}
