//! The EU micro-credential indicator as the designer and the list show it. The server
//! computes it (`cairn_core::model::eu_checklist`); `data-eu-watch` names the inputs the
//! page's script reads to update it while someone types.

use cairn_core::model::{eu_checklist, eu_missing_count, AchievementDefinition, EuStatus, Organization};

use crate::ui::i18n::Tr;

/// One element, for the page.
pub struct EuRow {
    /// Translated element name.
    pub label: String,
    /// Mandatory (1–11) or optional.
    pub mandatory: bool,
    /// `ok`, `bad` or `muted` (the pill's class; its text says the same in words).
    pub class: &'static str,
    /// "Present", "Missing" or "Set when awarded".
    pub status: String,
    /// CSS selector of the inputs that provide it (empty: not editable here).
    pub watch: &'static str,
}

/// The indicator: its rows and how many mandatory elements are missing.
pub struct EuIndicator {
    /// Rows in the Annex's order.
    pub rows: Vec<EuRow>,
    /// Mandatory elements missing.
    pub missing: usize,
}

fn watch(key: &str) -> &'static str {
    match key {
        "title" => "#name",
        "outcomes" => "[name^=align_name_], [name^=rd_name_]",
        "workload" => "#eu_workload_ects, #eu_workload_hours",
        "level" => "#eu_eqf_level",
        "assessment" => "#eu_assessment_type",
        "participation" => "#eu_participation_form",
        "quality" => "#eu_quality_assurance",
        "prerequisites" => "#eu_prerequisites",
        "supervision" => "#eu_supervision",
        _ => "",
    }
}

/// The indicator for `d` issued by `org`.
pub fn indicator(t: Tr, d: &AchievementDefinition, org: &Organization) -> EuIndicator {
    let list = eu_checklist(d, org);
    let rows = list
        .iter()
        .map(|e| {
            let (class, key) = match e.status {
                EuStatus::Present => ("ok", "design-eu-present"),
                EuStatus::Missing if e.mandatory => ("bad", "design-eu-missing"),
                EuStatus::Missing => ("muted", "design-eu-missing"),
                EuStatus::AtAward => ("muted", "design-eu-at-award"),
            };
            EuRow {
                label: t.t(&format!("design-eu-el-{}", e.key)),
                mandatory: e.mandatory,
                class,
                status: t.t(key),
                watch: watch(e.key),
            }
        })
        .collect();
    EuIndicator { rows, missing: eu_missing_count(&list) }
}
