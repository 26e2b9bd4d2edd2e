//! Achievements: every edit is a new version (issued credentials keep theirs), and the
//! OB 3.0 `Achievement` JSON a version signs as.

use serde_json::{json, Map, Value};

use super::Ctx;
use crate::ids::{AchievementId, OrgId};
use crate::model::{Achievement, AchievementDefinition};
use crate::Error;

/// Creates an achievement (version 1).
pub async fn create_achievement(
    ctx: &Ctx,
    org: OrgId,
    definition: AchievementDefinition,
) -> Result<Achievement, Error> {
    definition.validate()?;
    let a = Achievement {
        id: AchievementId::new_random(),
        org_id: org,
        version: 1,
        definition,
        created_at: ctx.clock.now(),
    };
    ctx.store.insert_achievement(&a).await?;
    tracing::info!(achievement.id = %a.id, org.id = %org, "achievement created");
    Ok(a)
}

/// Stores an edited definition as the next version.
pub async fn update_achievement(
    ctx: &Ctx,
    org: OrgId,
    id: AchievementId,
    definition: AchievementDefinition,
) -> Result<Achievement, Error> {
    definition.validate()?;
    let current = get_achievement(ctx, org, id, None).await?;
    let next = Achievement { id, org_id: org, version: current.version + 1, definition, created_at: ctx.clock.now() };
    ctx.store.insert_achievement(&next).await?;
    Ok(next)
}

/// A version (or the latest) of one of `org`'s achievements.
pub async fn get_achievement(
    ctx: &Ctx,
    org: OrgId,
    id: AchievementId,
    version: Option<i32>,
) -> Result<Achievement, Error> {
    let a = ctx.store.get_achievement(id, version).await?;
    if a.org_id != org {
        return Err(Error::NotFound { what: "achievement" });
    }
    Ok(a)
}

/// The OB 3.0 `Achievement` object for a version. With EU elements set, they are added under
/// Cairn's extension context (the caller adds that context to the credential).
pub fn to_ob_achievement(ctx: &Ctx, a: &Achievement, creator: Option<&Value>) -> Value {
    let d = &a.definition;
    let mut m = Map::new();
    m.insert("id".into(), ctx.achievement_url(a.id).into());
    m.insert("type".into(), json!(["Achievement"]));
    m.insert("name".into(), d.name.clone().into());
    m.insert("description".into(), d.description.clone().into());
    let mut criteria = Map::new();
    if let Some(url) = &d.criteria_url {
        criteria.insert("id".into(), url.clone().into());
    }
    if let Some(n) = &d.criteria_narrative {
        criteria.insert("narrative".into(), n.clone().into());
    }
    m.insert("criteria".into(), Value::Object(criteria));
    m.insert(
        "achievementType".into(),
        d.achievement_type.clone().unwrap_or_else(|| d.kind.achievement_type().into()).into(),
    );
    if let Some(img) = &d.image_url {
        let mut image = json!({"id": img, "type": "Image"});
        if let Some(c) = &d.image_caption {
            image["caption"] = c.clone().into();
        }
        m.insert("image".into(), image);
    }
    if let Some(c) = creator {
        m.insert("creator".into(), c.clone());
    }
    let mut alignments: Vec<Value> = d.alignments.iter().map(alignment).collect();
    if let Some(level) = d.eu.eqf_level {
        alignments.push(json!({
            "type": ["Alignment"], "targetName": format!("EQF level {level}"),
            "targetUrl": format!("http://data.europa.eu/snb/eqf/{level}"),
            "targetCode": level.to_string(), "targetFramework": "European Qualifications Framework",
            "targetType": "ext:EQF"
        }));
    }
    if !alignments.is_empty() {
        m.insert("alignment".into(), Value::Array(alignments));
    }
    if !d.tags.is_empty() {
        m.insert("tag".into(), json!(d.tags));
    }
    if let Some(c) = d.credits_available {
        m.insert("creditsAvailable".into(), json!(c));
    }
    for (k, v) in [
        ("fieldOfStudy", &d.field_of_study),
        ("humanCode", &d.human_code),
        ("specialization", &d.specialization),
        ("inLanguage", &d.in_language),
    ] {
        if let Some(v) = v {
            m.insert(k.into(), v.clone().into());
        }
    }
    if !d.result_descriptions.is_empty() {
        m.insert("resultDescription".into(), Value::Array(d.result_descriptions.clone()));
    }
    m.insert("version".into(), a.version.to_string().into());
    if uses_extension(d) {
        add_extension_fields(&mut m, d);
    }
    Value::Object(m)
}

/// Whether the credential needs Cairn's extension context.
pub fn uses_extension(d: &AchievementDefinition) -> bool {
    !d.eu.is_empty() || d.category.is_some() || d.proficiency_level.is_some()
}

fn add_extension_fields(m: &mut Map<String, Value>, d: &AchievementDefinition) {
    let eu = &d.eu;
    let mut put = |k: &str, v: Option<Value>| {
        if let Some(v) = v {
            m.insert(k.into(), v);
        }
    };
    put("workloadEcts", eu.workload_ects.map(|x| json!(x)));
    put("workloadHours", eu.workload_hours.map(|x| json!(x)));
    put("eqfLevel", eu.eqf_level.map(|x| json!(x)));
    put("assessmentType", eu.assessment_type.clone().map(Value::from));
    put("participationForm", eu.participation_form.clone().map(Value::from));
    put("qualityAssurance", eu.quality_assurance.clone().map(Value::from));
    put("prerequisites", eu.prerequisites.clone().map(Value::from));
    put("supervision", eu.supervision.clone().map(Value::from));
    put("category", d.category.clone().map(Value::from));
    put("proficiencyLevel", d.proficiency_level.clone().map(Value::from));
    put("badgeKind", serde_json::to_value(d.kind).ok());
}

fn alignment(a: &crate::model::AlignmentInput) -> Value {
    let mut m = Map::new();
    m.insert("type".into(), json!(["Alignment"]));
    m.insert("targetName".into(), a.target_name.clone().into());
    m.insert("targetUrl".into(), a.target_url.clone().into());
    for (k, v) in [
        ("targetCode", &a.target_code),
        ("targetDescription", &a.target_description),
        ("targetFramework", &a.target_framework),
        ("targetType", &a.target_type),
    ] {
        if let Some(v) = v {
            m.insert(k.into(), v.clone().into());
        }
    }
    Value::Object(m)
}

/// The latest version of each of `org`'s achievements.
pub async fn list_achievements(ctx: &Ctx, org: OrgId) -> Result<Vec<Achievement>, Error> {
    ctx.store.list_achievements(org).await
}

/// The latest version of each of `org`'s achievements, with how many credentials all its
/// versions have been awarded.
pub async fn list_with_award_counts(ctx: &Ctx, org: OrgId) -> Result<Vec<(Achievement, u64)>, Error> {
    let mut out = Vec::new();
    for a in ctx.store.list_achievements(org).await? {
        let mut total = 0;
        for version in 1..=a.version {
            total += ctx.store.count_awards(a.id, version).await?;
        }
        out.push((a, total));
    }
    Ok(out)
}

/// The latest version of one of `org`'s achievements and how many credentials carry it
/// (an edit then makes a new version; those credentials keep this one).
pub async fn get_with_award_count(ctx: &Ctx, org: OrgId, id: AchievementId) -> Result<(Achievement, u64), Error> {
    let a = get_achievement(ctx, org, id, None).await?;
    let n = ctx.store.count_awards(a.id, a.version).await?;
    Ok((a, n))
}
