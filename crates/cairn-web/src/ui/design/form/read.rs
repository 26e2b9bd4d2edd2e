//! Reading a submitted designer form into its values, errors and definition.

use cairn_core::model::{AchievementDefinition, AlignmentInput, BadgeKind, EuFields};
use cairn_core::service::images;
use cairn_vc::model::is_known_or_ext;
use serde_json::{json, Value};

use super::super::fields::Fields;
use super::{AlignRow, DesignForm, ResultRow, ACHIEVEMENT_TYPES, RESULT_TYPES, TEXT_FIELDS};
use crate::ui::design::body::FormData;
use crate::ui::i18n::Tr;

impl DesignForm {
    /// Reads a submitted form: the values as typed, and the definition they make (fields
    /// that do not parse are left out and named in `errors`).
    pub fn from_data(data: &FormData, t: Tr) -> (Self, AchievementDefinition) {
        let mut f = DesignForm {
            fields: Fields {
                v: TEXT_FIELDS.iter().map(|k| (*k, data.get(k).to_string())).collect(),
                errors: Default::default(),
            },
            suspendable: data.checked("suspendable"),
            ..DesignForm::default()
        };
        let image = f.read_image(t, data);
        let mut d = AchievementDefinition {
            name: data.get("name").trim().to_string(),
            description: data.get("description").trim().to_string(),
            criteria_narrative: data.opt("criteria_narrative"),
            criteria_url: data.opt("criteria_url"),
            image_url: image,
            image_caption: data.opt("image_caption"),
            kind: BadgeKind::Skill,
            achievement_type: None,
            alignments: Vec::new(),
            tags: data.get("tags").split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect(),
            credits_available: f.number(t, data, "credits_available"),
            field_of_study: data.opt("field_of_study"),
            human_code: data.opt("human_code"),
            specialization: data.opt("specialization"),
            in_language: data.opt("in_language"),
            result_descriptions: Vec::new(),
            category: data.opt("category"),
            proficiency_level: data.opt("proficiency_level"),
            validity_days: f.whole(t, data, "validity_days"),
            suspendable: f.suspendable,
            eu: EuFields {
                workload_ects: f.number(t, data, "eu_workload_ects"),
                workload_hours: f.number(t, data, "eu_workload_hours"),
                eqf_level: f.whole(t, data, "eu_eqf_level").and_then(|v| u8::try_from(v).ok()),
                assessment_type: data.opt("eu_assessment_type"),
                participation_form: data.opt("eu_participation_form"),
                quality_assurance: data.opt("eu_quality_assurance"),
                prerequisites: data.opt("eu_prerequisites"),
                supervision: data.opt("eu_supervision"),
            },
        };
        match serde_json::from_value::<BadgeKind>(json!(data.get("kind"))) {
            Ok(k) => d.kind = k,
            Err(_) => {
                f.input_error(t, "kind", "design-error-choose");
            }
        }
        match data.opt("achievement_type") {
            Some(ty) if is_known_or_ext(&ty, ACHIEVEMENT_TYPES) => d.achievement_type = Some(ty),
            Some(_) => {
                f.input_error(t, "achievement_type", "design-error-choose");
            }
            None => {}
        }
        f.read_alignments(data, &mut d);
        f.read_results(data, &mut d);
        f.pad();
        (f, d)
    }

    /// The artwork: a new upload, else the URL typed, else the one already there (unless
    /// "remove" is ticked). The kept `data:` URI is checked again, as any upload is.
    fn read_image(&mut self, t: Tr, data: &FormData) -> Option<String> {
        if let Some(bytes) = data.file("image") {
            return match images::image_data_uri("image", bytes) {
                Ok(uri) => {
                    self.v.insert("image_data", uri.clone());
                    self.v.insert("image_url", String::new());
                    Some(uri)
                }
                Err(e) => {
                    self.set_error(t, &e);
                    None
                }
            };
        }
        if data.checked("image_remove") {
            self.v.insert("image_data", String::new());
            self.v.insert("image_url", String::new());
            return None;
        }
        if let Some(url) = data.opt("image_url") {
            return Some(url);
        }
        match data.opt("image_data").map(|u| images::check_data_uri("image", &u)) {
            Some(Ok(uri)) => Some(uri),
            Some(Err(e)) => {
                self.v.insert("image_data", String::new());
                self.set_error(t, &e);
                None
            }
            None => None,
        }
    }

    fn read_alignments(&mut self, data: &FormData, d: &mut AchievementDefinition) {
        for n in data.rows("align_name_") {
            let get = |k: &str| data.get(&format!("align_{k}_{n}")).trim().to_string();
            let row = AlignRow {
                name: get("name"),
                url: get("url"),
                code: get("code"),
                framework: get("framework"),
                target_type: get("type"),
                description: get("description"),
            };
            let cells = [&row.name, &row.url, &row.code, &row.framework, &row.target_type, &row.description];
            if cells.iter().all(|s| s.is_empty()) {
                continue;
            }
            let opt = |s: &String| (!s.is_empty()).then(|| s.clone());
            d.alignments.push(AlignmentInput {
                target_name: row.name.clone(),
                target_url: row.url.clone(),
                target_code: opt(&row.code),
                target_description: opt(&row.description),
                target_framework: opt(&row.framework),
                target_type: opt(&row.target_type),
            });
            self.align_rows.push(self.alignments.len());
            self.alignments.push(row);
        }
    }

    fn read_results(&mut self, data: &FormData, d: &mut AchievementDefinition) {
        for n in data.rows("rd_name_") {
            let get = |k: &str| data.get(&format!("rd_{k}_{n}")).trim().to_string();
            let mut row = ResultRow { id: get("id"), name: get("name"), result_type: get("type"), json: get("json") };
            if row.name.is_empty() {
                continue;
            }
            if row.id.is_empty() {
                row.id = format!("urn:uuid:{}", uuid::Uuid::new_v4());
            }
            let mut entry = serde_json::from_str::<Value>(&row.json).ok().filter(Value::is_object).unwrap_or(json!({}));
            entry["id"] = row.id.clone().into();
            entry["type"] = json!(["ResultDescription"]);
            entry["name"] = row.name.clone().into();
            let ty = if is_known_or_ext(&row.result_type, RESULT_TYPES) { row.result_type.as_str() } else { "Status" };
            entry["resultType"] = ty.into();
            d.result_descriptions.push(entry);
            self.results.push(row);
        }
    }

    fn number(&mut self, t: Tr, data: &FormData, id: &'static str) -> Option<f64> {
        let s = data.opt(id)?;
        match s.replace(',', ".").parse::<f64>() {
            Ok(x) if x.is_finite() && x >= 0.0 => Some(x),
            _ => {
                self.input_error(t, id, "design-error-number");
                None
            }
        }
    }

    fn whole(&mut self, t: Tr, data: &FormData, id: &'static str) -> Option<u32> {
        let s = data.opt(id)?;
        match s.parse::<u32>() {
            Ok(x) => Some(x),
            Err(_) => {
                self.input_error(t, id, "design-error-whole");
                None
            }
        }
    }
}
