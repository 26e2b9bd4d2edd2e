//! A verification report in plain words: one verdict (the first failure decides it) and, for
//! each check, what it looked at and what its outcome means. The engine's own message (in
//! English) stays beside each check as the technical detail.

use cairn_vc::report::{Outcome, Report};

use crate::ui::i18n::Tr;

/// One check, for people.
pub struct CheckView {
    /// What was checked ("Signature").
    pub title: String,
    /// Outcome in words ("Passed").
    pub outcome: String,
    /// `.pill` class: `ok`, `bad`, `warn` or `muted`.
    pub class: &'static str,
    /// What this outcome means.
    pub meaning: String,
    /// The engine's message (English).
    pub detail: String,
    /// The check's id (`proof`, `status`…), for tests and scripts.
    pub id: &'static str,
}

/// The verdict of a verification.
pub struct VerdictView {
    /// Valid.
    pub ok: bool,
    /// `verdict ok` / `verdict bad` class suffix.
    pub class: &'static str,
    /// "Verified" / "Not valid".
    pub title: String,
    /// One sentence.
    pub headline: String,
    /// Every check.
    pub checks: Vec<CheckView>,
}

/// Checks with their own wording (`check-<id>`, `check-<id>-passed`, `check-<id>-failed`, with
/// `-` for `_`).
const KNOWN: &[&str] = &[
    "parse",
    "context",
    "data_model",
    "expansion",
    "proof",
    "issuer",
    "validity",
    "status",
    "schema",
    "related_resource",
    "endorsement",
];

impl VerdictView {
    /// Words a report for a credential issued by `issuer` (its name as the credential says).
    pub fn of(report: &Report, issuer: &str, t: Tr) -> VerdictView {
        let checks = report.checks.iter().map(|c| check(c.check, c.outcome, &c.message, t)).collect();
        let status = report.outcome_of("status");
        let key = match report.errors().next() {
            None if status == Some(Outcome::Warning) => "verdict-valid-status-unknown",
            None if status == Some(Outcome::Skipped) || status.is_none() => "verdict-valid-no-status",
            None => "verdict-valid",
            Some(c) => match (c.check, c.code.as_deref()) {
                ("status", Some("REVOCATION")) => "verdict-revoked",
                ("status", Some("SUSPENSION")) => "verdict-suspended",
                ("validity", Some("EXPIRED")) => "verdict-expired",
                ("validity", Some("NOT_YET_VALID")) => "verdict-not-yet-valid",
                ("proof" | "issuer" | "expansion", _) => "verdict-tampered",
                ("parse" | "context" | "data_model", _) => "verdict-malformed",
                _ => "verdict-failed",
            },
        };
        let ok = report.verified;
        VerdictView {
            ok,
            class: if ok { "ok" } else { "bad" },
            title: t.t(if ok { "verdict-title-ok" } else { "verdict-title-bad" }),
            headline: t.n(key, "issuer", issuer),
            checks,
        }
    }
}

fn check(id: &'static str, outcome: Outcome, message: &str, t: Tr) -> CheckView {
    let known = KNOWN.contains(&id);
    let key = id.replace('_', "-");
    let title = if known { t.t(&format!("check-{key}")) } else { id.replace('_', " ") };
    let (outcome_key, class) = match outcome {
        Outcome::Passed => ("outcome-passed", "ok"),
        Outcome::Failed => ("outcome-failed", "bad"),
        Outcome::Warning => ("outcome-warning", "warn"),
        Outcome::Skipped => ("outcome-skipped", "muted"),
    };
    let meaning = match (outcome, id, known) {
        (Outcome::Passed, _, true) => t.t(&format!("check-{key}-passed")),
        (Outcome::Failed, _, true) => t.t(&format!("check-{key}-failed")),
        (Outcome::Passed, _, false) => t.t("check-other-passed"),
        (Outcome::Failed, _, false) => t.t("check-other-failed"),
        (Outcome::Warning, "status", _) => t.t("check-status-warning"),
        (Outcome::Warning, "data_model", _) => t.t("check-data-model-warning"),
        (Outcome::Skipped, "status", _) => t.t("check-status-skipped"),
        (Outcome::Warning, _, _) => t.t("check-other-warning"),
        (Outcome::Skipped, _, _) => t.t("check-other-skipped"),
    };
    CheckView { title, outcome: t.t(outcome_key), class, meaning, detail: message.to_string(), id }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::i18n::Lang;

    #[test]
    fn every_check_and_outcome_has_words_in_every_language() {
        for lang in Lang::ALL {
            let t = Tr::new(lang);
            for id in KNOWN {
                for outcome in [Outcome::Passed, Outcome::Failed, Outcome::Warning, Outcome::Skipped] {
                    let c = check(id, outcome, "x", t);
                    for words in [&c.title, &c.outcome, &c.meaning] {
                        assert!(
                            !words.starts_with("check-") && !words.starts_with("outcome-"),
                            "{lang:?} {id}: {words}"
                        );
                    }
                }
            }
        }
    }
}
