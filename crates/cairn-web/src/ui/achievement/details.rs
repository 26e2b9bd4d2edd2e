//! The details of an achievement in the reader's language: enumerated values (badge kind,
//! achievement type, form of participation, result type) in words, numbers with their units
//! (ECTS credits, hours, EQF level out of 8), free text as the issuer wrote it.

use cairn_core::model::{AchievementDefinition, BadgeKind, EuFields};
use serde_json::Value;

use crate::public::views::text;
use crate::ui::credential::summary::Fact;
use crate::ui::i18n::Tr;

/// One result an award may record (an OB `ResultDescription`), for people.
pub struct ResultView {
    /// `name`.
    pub name: String,
    /// `resultType`, in words.
    pub kind: Option<String>,
    /// Allowed values, required value, range and rubric levels, one line each.
    pub lines: Vec<String>,
}

/// Type, badge kind, taxonomy, field of study, specialization, code, credits, language.
pub fn details(t: Tr, d: &AchievementDefinition, achievement_type: Option<&str>) -> Vec<Fact> {
    let mut facts = Vec::new();
    let mut fact = |label: &str, value: Option<String>| {
        if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
            facts.push(Fact { label: t.t(label), value });
        }
    };
    fact("achievement-type", achievement_type.map(|ty| type_words(t, ty)));
    fact("achievement-kind", Some(t.t(kind_key(d.kind))));
    fact("achievement-category", d.category.clone());
    fact("achievement-level", d.proficiency_level.clone());
    fact("achievement-field", d.field_of_study.clone());
    fact("achievement-specialization", d.specialization.clone());
    fact("achievement-code", d.human_code.clone());
    fact("achievement-credits", d.credits_available.map(|c| number(t, "achievement-credits-value", c)));
    fact("achievement-language", d.in_language.clone());
    facts
}

/// The EU micro-credential elements that are set, in words with their units.
pub fn eu_elements(t: Tr, eu: &EuFields) -> Vec<Fact> {
    let workload: Vec<String> = [
        eu.workload_ects.map(|x| number(t, "achievement-ects-value", x)),
        eu.workload_hours.map(|x| number(t, "achievement-hours-value", x)),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut facts = Vec::new();
    let mut fact = |label: &str, value: Option<String>| {
        if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
            facts.push(Fact { label: t.t(label), value });
        }
    };
    fact("achievement-eu-workload", (!workload.is_empty()).then(|| workload.join(", ")));
    fact("achievement-eu-eqf", eu.eqf_level.map(|l| t.n("achievement-eqf-value", "level", u32::from(l))));
    fact("achievement-eu-assessment", eu.assessment_type.clone());
    fact("achievement-eu-participation", eu.participation_form.as_deref().map(|f| participation_words(t, f)));
    fact("achievement-eu-quality", eu.quality_assurance.clone());
    fact("achievement-eu-prerequisites", eu.prerequisites.clone());
    fact("achievement-eu-supervision", eu.supervision.clone());
    facts
}

/// An OB `ResultDescription` for people (none without a name).
pub fn result(t: Tr, r: &Value) -> Option<ResultView> {
    let name = text(r, "name")?;
    let mut lines = Vec::new();
    let allowed: Vec<&str> = r
        .get("allowedValue")
        .and_then(Value::as_array)
        .map_or_else(Vec::new, |a| a.iter().filter_map(Value::as_str).collect());
    if !allowed.is_empty() {
        lines.push(t.n("achievement-result-allowed", "values", allowed.join(", ")));
    }
    if let Some(v) = text(r, "requiredValue") {
        lines.push(t.n("achievement-result-required", "value", v));
    }
    match (text(r, "valueMin"), text(r, "valueMax")) {
        (Some(min), Some(max)) => lines.push(t.args("achievement-result-range", &[("min", &min), ("max", &max)])),
        (Some(min), None) => lines.push(t.n("achievement-result-min", "min", min)),
        (None, Some(max)) => lines.push(t.n("achievement-result-max", "max", max)),
        (None, None) => {}
    }
    let levels: Vec<String> = r
        .get("rubricCriterionLevel")
        .and_then(Value::as_array)
        .map_or_else(Vec::new, |a| a.iter().filter_map(|l| text(l, "name")).collect());
    if !levels.is_empty() {
        lines.push(t.n("achievement-result-levels", "levels", levels.join(", ")));
    }
    Some(ResultView { name, kind: text(r, "resultType").map(|k| result_type_words(t, &k)), lines })
}

/// The catalogue key naming a badge kind.
pub fn kind_key(kind: BadgeKind) -> &'static str {
    match kind {
        BadgeKind::Skill => "achievement-kind-skill",
        BadgeKind::Completion => "achievement-kind-completion",
        BadgeKind::Assessment => "achievement-kind-assessment",
        BadgeKind::MicroCredential => "achievement-kind-micro-credential",
    }
}

/// The achievement types Cairn's badge kinds produce, in words; any other as written
/// (`ext:` extension types without their prefix).
fn type_words(t: Tr, ty: &str) -> String {
    let key = match ty {
        "Competency" => "achievement-type-competency",
        "CertificateOfCompletion" => "achievement-type-completion",
        "Assessment" => "achievement-type-assessment",
        "MicroCredential" => "achievement-type-micro-credential",
        "Badge" => "achievement-type-badge",
        "Course" => "achievement-type-course",
        "Certificate" => "achievement-type-certificate",
        other => return other.strip_prefix("ext:").unwrap_or(other).to_string(),
    };
    t.t(key)
}

fn participation_words(t: Tr, form: &str) -> String {
    match form {
        "online" => t.t("achievement-participation-online"),
        "onsite" => t.t("achievement-participation-onsite"),
        "blended" => t.t("achievement-participation-blended"),
        other => other.to_string(),
    }
}

fn result_type_words(t: Tr, kind: &str) -> String {
    let key = match kind {
        "GradePointAverage" => "achievement-result-type-gpa",
        "LetterGrade" => "achievement-result-type-letter",
        "Percent" => "achievement-result-type-percent",
        "PerformanceLevel" => "achievement-result-type-performance",
        "RawScore" | "ScaledScore" | "RubricScore" | "PredictedScore" => "achievement-result-type-score",
        "RubricCriterion" | "RubricCriterionLevel" => "achievement-result-type-rubric",
        "Status" => "achievement-result-type-status",
        other => return other.strip_prefix("ext:").unwrap_or(other).to_string(),
    };
    t.t(key)
}

/// A number with its unit (`key` takes `$n`): whole numbers keep plural rules; fractions are
/// written with the language's decimal separator.
fn number(t: Tr, key: &str, x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e9 {
        return t.n(key, "n", format!("{x:.0}").parse::<i64>().unwrap_or_default());
    }
    let written = x.to_string();
    t.n(key, "n", if t.code() == "fr" { written.replace('.', ",") } else { written })
}
