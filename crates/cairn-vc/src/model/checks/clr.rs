//! CLR 2.0 ClrCredential, ClrSubject and Association (STANDARDS.md §9).

use serde_json::Value;

use super::ob::{context, credential_members, identity_object, subject_identified};
use super::obj::{Obj, Optional, Required};
use super::vcdm::{self, version, Version};
use super::{ob, ob_achievement, ob_profile, Report};
use crate::model::vocab::ASSOCIATION_TYPES;

/// Prefix of every CLR 2.0 context URL.
const CLR_CONTEXT_PREFIX: &str = "https://purl.imsglobal.org/spec/clr/v2p0/context";

pub(super) fn clr_credential(r: &mut Report, doc: &Value, path: &str) {
    let Some(o) = Obj::new(r, doc, path) else {
        return;
    };
    let v1 = version(doc) == Some(Version::V1);
    context(r, &o, v1, CLR_CONTEXT_PREFIX, '2');
    o.uri(r, "id", Required);
    o.types(r, &[&["VerifiableCredential"], &["ClrCredential"]]);
    o.string(r, "name", Required);
    o.string(r, "description", Optional);
    ob_profile::image(r, &o, "image");
    o.boolean(r, "partial", Optional);
    o.date_time(r, "awardedDate", Optional);
    o.object(r, "credentialSubject", Required, clr_subject);
    credential_members(r, &o, v1);
}

fn clr_subject(r: &mut Report, v: &Value, p: &str) {
    let Some(o) = Obj::new(r, v, p) else {
        return;
    };
    o.uri(r, "id", Optional);
    o.types(r, &[&["ClrSubject"]]);
    o.array(r, "identifier", Optional, identity_object);
    subject_identified(r, &o);
    o.array(r, "achievement", Optional, ob_achievement::achievement);
    if matches!(o.map.get("verifiableCredential"), Some(Value::Array(a)) if a.is_empty()) {
        r.error(&o.at("verifiableCredential"), "needs at least one credential");
    }
    o.array(r, "verifiableCredential", Required, component_credential);
    o.array(r, "association", Optional, association);
}

/// A bundled credential: VCDM rules always, OB rules when it is an OB credential.
fn component_credential(r: &mut Report, v: &Value, p: &str) {
    vcdm::credential(r, v, p);
    let is_ob = match v.get("type") {
        Some(Value::Array(types)) => types.iter().any(is_ob_type),
        Some(t) => is_ob_type(t),
        None => false,
    };
    if is_ob {
        ob::achievement_credential(r, v, p);
    }
}

fn is_ob_type(t: &Value) -> bool {
    matches!(t.as_str(), Some("OpenBadgeCredential" | "AchievementCredential"))
}

fn association(r: &mut Report, v: &Value, p: &str) {
    let Some(o) = Obj::new(r, v, p) else {
        return;
    };
    o.one_of(r, "type", Required, &["Association"]);
    o.one_of(r, "associationType", Required, ASSOCIATION_TYPES);
    o.uri(r, "sourceId", Required);
    o.uri(r, "targetId", Required);
}
