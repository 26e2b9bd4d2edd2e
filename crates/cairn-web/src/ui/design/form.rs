//! The designer form: its values as the page shows them (kept as typed when a field is
//! wrong), the definition they make, and errors keyed by the input's `id`.

use cairn_core::model::{AchievementDefinition, AlignmentInput};
use cairn_core::Error;
use serde_json::Value;

use super::fields::Fields;
use crate::ui::i18n::Tr;

mod read;

pub use cairn_vc::model::{ACHIEVEMENT_TYPES, RESULT_TYPES};

/// Badge kinds as the form sends them.
pub const KINDS: &[&str] = &["skill", "completion", "assessment", "micro_credential"];

/// One alignment row.
#[derive(Default)]
pub struct AlignRow {
    /// `targetName`.
    pub name: String,
    /// `targetUrl`.
    pub url: String,
    /// `targetCode`.
    pub code: String,
    /// `targetFramework`.
    pub framework: String,
    /// `targetType`.
    pub target_type: String,
    /// `targetDescription`.
    pub description: String,
}

/// One result description row; `json` keeps fields the form does not edit.
#[derive(Default)]
pub struct ResultRow {
    /// `id`.
    pub id: String,
    /// `name`.
    pub name: String,
    /// `resultType`.
    pub result_type: String,
    /// The whole entry as stored.
    pub json: String,
}

/// The form's values, all as text.
#[derive(Default)]
pub struct DesignForm {
    /// Text fields (`name`, `eu_eqf_level`…) and errors by input id.
    pub fields: Fields,
    /// "Suspendable" ticked.
    pub suspendable: bool,
    /// Alignment rows.
    pub alignments: Vec<AlignRow>,
    /// Result description rows.
    pub results: Vec<ResultRow>,
    align_rows: Vec<usize>,
}

/// Text inputs that map one to one onto optional definition fields.
const TEXT_FIELDS: &[&str] = &[
    "name",
    "description",
    "criteria_narrative",
    "criteria_url",
    "image_url",
    "image_data",
    "image_caption",
    "kind",
    "achievement_type",
    "tags",
    "credits_available",
    "field_of_study",
    "human_code",
    "specialization",
    "in_language",
    "category",
    "proficiency_level",
    "validity_days",
    "eu_workload_ects",
    "eu_workload_hours",
    "eu_eqf_level",
    "eu_assessment_type",
    "eu_participation_form",
    "eu_quality_assurance",
    "eu_prerequisites",
    "eu_supervision",
];

fn num(x: Option<f64>) -> String {
    x.map(|x| x.to_string()).unwrap_or_default()
}

impl std::ops::Deref for DesignForm {
    type Target = Fields;
    fn deref(&self) -> &Fields {
        &self.fields
    }
}

impl std::ops::DerefMut for DesignForm {
    fn deref_mut(&mut self) -> &mut Fields {
        &mut self.fields
    }
}

impl DesignForm {
    /// The error of row `i`'s input `<kind>_<i>` (`align_url`, `rd_name`…).
    pub fn row_err(&self, kind: &str, i: usize) -> Option<&String> {
        self.errors.get(&format!("{kind}_{i}"))
    }

    /// [`Self::aria`] for a row's input.
    pub fn row_aria(&self, kind: &str, i: usize) -> String {
        self.aria(&format!("{kind}_{i}"))
    }

    /// Whether `value` is an OB term the page's list offers (others, `ext:` terms, get an
    /// option of their own so that saving keeps them).
    pub fn listed(&self, value: &str, list: &[&str]) -> bool {
        value.is_empty() || list.contains(&value)
    }

    /// The image the preview shows (the current or just-uploaded artwork).
    pub fn preview(&self) -> Option<&str> {
        [self.val("image_url"), self.val("image_data")].into_iter().find(|s| !s.is_empty())
    }

    /// The form for an existing definition (or a blank one), with empty rows to fill.
    pub fn from_definition(d: Option<&AchievementDefinition>) -> Self {
        let mut f = DesignForm::default();
        if let Some(d) = d {
            let eu = &d.eu;
            let kind = serde_json::to_value(d.kind).ok().and_then(|v| v.as_str().map(str::to_string));
            let (image_url, image_data) = match &d.image_url {
                Some(u) if u.starts_with("data:") => (None, Some(u.clone())),
                other => (other.clone(), None),
            };
            let pairs: [(&'static str, Option<String>); 26] = [
                ("name", Some(d.name.clone())),
                ("description", Some(d.description.clone())),
                ("criteria_narrative", d.criteria_narrative.clone()),
                ("criteria_url", d.criteria_url.clone()),
                ("image_url", image_url),
                ("image_data", image_data),
                ("image_caption", d.image_caption.clone()),
                ("kind", kind),
                ("achievement_type", d.achievement_type.clone()),
                ("tags", Some(d.tags.join(", "))),
                ("credits_available", Some(num(d.credits_available))),
                ("field_of_study", d.field_of_study.clone()),
                ("human_code", d.human_code.clone()),
                ("specialization", d.specialization.clone()),
                ("in_language", d.in_language.clone()),
                ("category", d.category.clone()),
                ("proficiency_level", d.proficiency_level.clone()),
                ("validity_days", d.validity_days.map(|v| v.to_string())),
                ("eu_workload_ects", Some(num(eu.workload_ects))),
                ("eu_workload_hours", Some(num(eu.workload_hours))),
                ("eu_eqf_level", eu.eqf_level.map(|v| v.to_string())),
                ("eu_assessment_type", eu.assessment_type.clone()),
                ("eu_participation_form", eu.participation_form.clone()),
                ("eu_quality_assurance", eu.quality_assurance.clone()),
                ("eu_prerequisites", eu.prerequisites.clone()),
                ("eu_supervision", eu.supervision.clone()),
            ];
            f.v = pairs.into_iter().map(|(k, v)| (k, v.unwrap_or_default())).collect();
            f.suspendable = d.suspendable;
            f.alignments = d.alignments.iter().map(align_row).collect();
            f.results = d.result_descriptions.iter().map(result_row).collect();
        }
        f.pad();
        f
    }

    fn pad(&mut self) {
        self.alignments.extend((0..3).map(|_| AlignRow::default()));
        self.results.extend((0..2).map(|_| ResultRow { result_type: "Status".into(), ..ResultRow::default() }));
    }

    /// An error of the form itself (catalogue key `message`) next to input `id`.
    fn input_error(&mut self, t: Tr, id: &str, message: &str) {
        let text = format!("{}: {}", t.t(&label_key(id)), t.t(message));
        self.errors.insert(id.to_string(), text);
    }

    /// Shows a service's `Invalid` error next to its input (others go on the form).
    pub fn set_error(&mut self, t: Tr, e: &Error) {
        let Error::Invalid { field, message } = e else {
            self.errors.insert("achievement-form".into(), e.to_string());
            return;
        };
        let id = self.input_id(field);
        let label = t.t(&label_key(&id));
        self.errors.insert(id, format!("{label}: {message}"));
    }

    /// The input id of a definition field (`alignments[1].target_url` → `align_url_<row>`).
    fn input_id(&self, field: &str) -> String {
        if let Some(rest) = field.strip_prefix("alignments[") {
            if let Some((i, sub)) = rest.split_once("].") {
                let row = i.parse::<usize>().ok().and_then(|i| self.align_rows.get(i).copied()).unwrap_or(0);
                let sub = sub.strip_prefix("target_").unwrap_or(sub);
                return format!("align_{sub}_{row}");
            }
        }
        field.replace('.', "_")
    }
}

/// The catalogue key naming input `id` (`align_url_3` → `design-field-align-url`).
pub fn label_key(id: &str) -> String {
    let base = id.trim_end_matches(|c: char| c.is_ascii_digit()).trim_end_matches('_');
    format!("design-field-{}", base.replace('_', "-"))
}

fn align_row(a: &AlignmentInput) -> AlignRow {
    let s = |o: &Option<String>| o.clone().unwrap_or_default();
    AlignRow {
        name: a.target_name.clone(),
        url: a.target_url.clone(),
        code: s(&a.target_code),
        framework: s(&a.target_framework),
        target_type: s(&a.target_type),
        description: s(&a.target_description),
    }
}

fn result_row(v: &Value) -> ResultRow {
    let s = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
    ResultRow { id: s("id"), name: s("name"), result_type: s("resultType"), json: v.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definition_fields_map_to_input_ids_and_labels() {
        let f = DesignForm { align_rows: vec![0, 2], ..DesignForm::default() };
        assert_eq!(f.input_id("alignments[1].target_url"), "align_url_2");
        assert_eq!(f.input_id("eu.eqf_level"), "eu_eqf_level");
        assert_eq!(label_key("align_url_2"), "design-field-align-url");
        assert_eq!(label_key("eu_eqf_level"), "design-field-eu-eqf-level");
    }
}
