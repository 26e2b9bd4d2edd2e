//! OB 3.0 Achievement, Criteria, Alignment, Related, ResultDescription, RubricCriterionLevel.

use serde_json::Value;

use super::format::{is_compact_jws, is_language_tag};
use super::ob::strings;
use super::obj::{any_string, Obj, Optional, Required};
use super::{ob_profile, Report};
use crate::model::vocab::{ACHIEVEMENT_TYPES, ALIGNMENT_TARGET_TYPES, RESULT_TYPES};

pub(super) fn achievement(r: &mut Report, v: &Value, p: &str) {
    let Some(o) = Obj::new(r, v, p) else {
        return;
    };
    o.uri(r, "id", Required);
    o.types(r, &[&["Achievement"]]);
    o.array(r, "alignment", Optional, alignment);
    o.extensible(r, "achievementType", Optional, ACHIEVEMENT_TYPES);
    o.object(r, "creator", Optional, ob_profile::profile);
    o.number(r, "creditsAvailable", Optional);
    o.object(r, "criteria", Required, criteria);
    o.string(r, "description", Required);
    o.array(r, "endorsement", Optional, ob_profile::endorsement_credential);
    o.string_array(r, "endorsementJwt", is_compact_jws, "a compact JWS");
    strings(r, &o, &["fieldOfStudy", "humanCode", "specialization", "version"], Optional);
    ob_profile::image(r, &o, "image");
    o.formatted(r, "inLanguage", Optional, is_language_tag, "a language tag like en-US");
    o.string(r, "name", Required);
    o.array(r, "otherIdentifier", Optional, ob_profile::identifier_entry);
    o.array(r, "related", Optional, related);
    o.array(r, "resultDescription", Optional, result_description);
    o.string_array(r, "tag", any_string, "a string");
}

/// Criteria: a page `id` and/or a `narrative`; at least one.
fn criteria(r: &mut Report, v: &Value, p: &str) {
    let Some(o) = Obj::new(r, v, p) else {
        return;
    };
    let id = o.uri(r, "id", Optional);
    let narrative = o.string(r, "narrative", Optional);
    if id.is_none() && narrative.is_none() && !o.map.contains_key("id") {
        r.error(p, "criteria need an `id` (URL) or a `narrative`");
    }
}

pub(super) fn alignment(r: &mut Report, v: &Value, p: &str) {
    let Some(o) = Obj::new(r, v, p) else {
        return;
    };
    o.types(r, &[&["Alignment"]]);
    strings(r, &o, &["targetCode", "targetDescription", "targetFramework"], Optional);
    o.string(r, "targetName", Required);
    o.extensible(r, "targetType", Optional, ALIGNMENT_TARGET_TYPES);
    o.uri(r, "targetUrl", Required);
}

fn related(r: &mut Report, v: &Value, p: &str) {
    let Some(o) = Obj::new(r, v, p) else {
        return;
    };
    o.uri(r, "id", Required);
    o.types(r, &[&["Related"]]);
    o.formatted(r, "inLanguage", Optional, is_language_tag, "a language tag like en-US");
    o.string(r, "version", Optional);
}

fn result_description(r: &mut Report, v: &Value, p: &str) {
    let Some(o) = Obj::new(r, v, p) else {
        return;
    };
    o.uri(r, "id", Required);
    o.types(r, &[&["ResultDescription"]]);
    o.array(r, "alignment", Optional, alignment);
    o.string_array(r, "allowedValue", any_string, "a string");
    o.string(r, "name", Required);
    strings(r, &o, &["requiredLevel", "requiredValue", "valueMax", "valueMin"], Optional);
    o.extensible(r, "resultType", Required, RESULT_TYPES);
    o.array(r, "rubricCriterionLevel", Optional, rubric_criterion_level);
}

fn rubric_criterion_level(r: &mut Report, v: &Value, p: &str) {
    let Some(o) = Obj::new(r, v, p) else {
        return;
    };
    o.uri(r, "id", Required);
    o.types(r, &[&["RubricCriterionLevel"]]);
    o.array(r, "alignment", Optional, alignment);
    strings(r, &o, &["description", "level", "points"], Optional);
    o.string(r, "name", Required);
}
