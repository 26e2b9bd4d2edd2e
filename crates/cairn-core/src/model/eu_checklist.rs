//! Which EU micro-credential elements (Council Recommendation 2022/C 243/02, Annex I;
//! STANDARDS.md §13) an achievement and its issuer provide, element by element, for the
//! designer's indicator. [`EuFields::missing`](super::EuFields::missing) is the rule issuing
//! enforces; this list is what people read.

use super::{AchievementDefinition, Organization};

/// Where an element stands for one definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EuStatus {
    /// The definition or the issuer's profile provides it.
    Present,
    /// Nothing provides it yet.
    Missing,
    /// Every credential carries it when awarded (learner, date of issue).
    AtAward,
}

/// One element of the Recommendation's Annex I.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EuElement {
    /// Stable key (`title`, `workload`…); pages translate `eu-element-<key>`.
    pub key: &'static str,
    /// Mandatory (elements 1–11) or optional.
    pub mandatory: bool,
    /// Where it stands.
    pub status: EuStatus,
}

/// The elements, in the Annex's order, for `d` issued by `org`.
pub fn eu_checklist(d: &AchievementDefinition, org: &Organization) -> Vec<EuElement> {
    let set = |o: &Option<String>| o.as_deref().is_some_and(|s| !s.trim().is_empty());
    let eu = &d.eu;
    let rows: [(&'static str, bool, Option<bool>); 13] = [
        ("learner", true, None),
        ("title", true, Some(!d.name.trim().is_empty())),
        ("country", true, Some(set(&org.address.country_code))),
        ("awarding-body", true, Some(!org.name.trim().is_empty())),
        ("date", true, None),
        ("outcomes", true, Some(!d.alignments.is_empty() || !d.result_descriptions.is_empty())),
        ("workload", true, Some(eu.workload_ects.is_some() || eu.workload_hours.is_some())),
        ("level", true, Some(eu.eqf_level.is_some())),
        ("assessment", true, Some(set(&eu.assessment_type))),
        ("participation", true, Some(set(&eu.participation_form))),
        ("quality", true, Some(set(&eu.quality_assurance))),
        ("prerequisites", false, Some(set(&eu.prerequisites))),
        ("supervision", false, Some(set(&eu.supervision))),
    ];
    rows.into_iter()
        .map(|(key, mandatory, present)| EuElement {
            key,
            mandatory,
            status: match present {
                None => EuStatus::AtAward,
                Some(true) => EuStatus::Present,
                Some(false) => EuStatus::Missing,
            },
        })
        .collect()
}

/// How many mandatory elements are still missing.
pub fn eu_missing_count(list: &[EuElement]) -> usize {
    list.iter().filter(|e| e.mandatory && e.status == EuStatus::Missing).count()
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;
    use crate::ids::OrgId;
    use crate::model::{Address, AlignmentInput, BadgeKind, EuFields, Slug};

    fn org(country: Option<&str>) -> Organization {
        Organization {
            id: OrgId::new_random(),
            slug: Slug::parse("uni").unwrap(),
            name: "Uni".into(),
            url: None,
            email: None,
            description: None,
            image_url: None,
            address: Address { country_code: country.map(str::to_string), ..Address::default() },
            suspension_enabled: false,
            created_at: datetime!(2025-01-01 0:00 UTC),
        }
    }

    fn def() -> AchievementDefinition {
        serde_json::from_value(serde_json::json!({
            "name": "Data", "description": "d", "criteria_narrative": "c", "kind": "skill"
        }))
        .unwrap()
    }

    fn status(list: &[EuElement], key: &str) -> EuStatus {
        list.iter().find(|e| e.key == key).unwrap().status
    }

    #[test]
    fn a_bare_definition_misses_the_eu_elements_and_the_country() {
        let list = eu_checklist(&def(), &org(None));
        assert_eq!(list.len(), 13);
        assert_eq!(status(&list, "title"), EuStatus::Present);
        assert_eq!(status(&list, "awarding-body"), EuStatus::Present);
        assert_eq!(status(&list, "learner"), EuStatus::AtAward);
        assert_eq!(status(&list, "date"), EuStatus::AtAward);
        for key in ["country", "outcomes", "workload", "level", "assessment", "participation", "quality"] {
            assert_eq!(status(&list, key), EuStatus::Missing, "{key}");
        }
        assert_eq!(eu_missing_count(&list), 7, "optional prerequisites and supervision are not counted");
    }

    #[test]
    fn a_complete_definition_misses_nothing() {
        let mut d = def();
        d.kind = BadgeKind::MicroCredential;
        d.alignments.push(AlignmentInput {
            target_name: "Skill".into(),
            target_url: "https://esco.example/1".into(),
            target_code: None,
            target_description: None,
            target_framework: None,
            target_type: None,
        });
        d.eu = EuFields {
            workload_hours: Some(28.0),
            eqf_level: Some(6),
            assessment_type: Some("exam".into()),
            participation_form: Some("online".into()),
            quality_assurance: Some("accredited".into()),
            prerequisites: Some("  ".into()),
            ..EuFields::default()
        };
        let list = eu_checklist(&d, &org(Some("NL")));
        assert_eq!(eu_missing_count(&list), 0);
        assert_eq!(status(&list, "workload"), EuStatus::Present, "hours count as workload");
        assert_eq!(status(&list, "prerequisites"), EuStatus::Missing, "blank text is not an element");
        assert!(d.eu.missing().is_empty(), "the indicator agrees with the issuing rule");
    }
}
