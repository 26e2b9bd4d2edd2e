//! What a credential says, read from its JSON (what the page shows is what was signed, for
//! Cairn's credentials and other issuers' alike), worded in the visitor's language.

use serde_json::Value;
use time::OffsetDateTime;

use crate::public::views::{image_of, is_web_url, text};
use crate::ui::i18n::Tr;

/// A link or plain text.
pub struct Linked {
    /// Text.
    pub text: String,
    /// http(s) link, if any.
    pub url: Option<String>,
    /// A note after the text (framework and code of an alignment).
    pub note: Option<String>,
}

/// One piece of evidence.
pub struct EvidenceView {
    /// Title (or the link itself).
    pub name: Option<String>,
    /// Link (http/https only).
    pub url: Option<String>,
    /// Narrative or description (plain text).
    pub text: Option<String>,
}

/// A labelled fact (EU micro-credential elements and other achievement details).
pub struct Fact {
    /// Translated label.
    pub label: String,
    /// Value as written in the credential.
    pub value: String,
}

/// A credential, for people.
pub struct Summary {
    /// Achievement name.
    pub name: String,
    /// Achievement description.
    pub description: String,
    /// Artwork (`src`), web URL or image `data:` URI.
    pub image: Option<String>,
    /// Criteria narrative.
    pub criteria: Option<String>,
    /// Criteria page.
    pub criteria_url: Option<String>,
    /// Alignments (skills, frameworks).
    pub alignments: Vec<Linked>,
    /// Tags.
    pub tags: Vec<String>,
    /// Achievement details and EU micro-credential elements.
    pub facts: Vec<Fact>,
    /// Issuer.
    pub issuer: Linked,
    /// Who it was awarded to, in words.
    pub recipient: String,
    /// `validFrom`, for people.
    pub valid_from: Option<String>,
    /// `validUntil`, for people.
    pub valid_until: Option<String>,
    /// Evidence.
    pub evidence: Vec<EvidenceView>,
}

/// EU and achievement fields shown as facts: (JSON member, label key).
const FACTS: &[(&str, &str)] = &[
    ("achievementType", "cred-fact-type"),
    ("fieldOfStudy", "cred-fact-field"),
    ("humanCode", "cred-fact-code"),
    ("creditsAvailable", "cred-fact-credits"),
    ("workloadEcts", "cred-fact-ects"),
    ("workloadHours", "cred-fact-hours"),
    ("eqfLevel", "cred-fact-eqf"),
    ("assessmentType", "cred-fact-assessment"),
    ("participationForm", "cred-fact-participation"),
    ("supervision", "cred-fact-supervision"),
    ("qualityAssurance", "cred-fact-quality"),
    ("prerequisites", "cred-fact-prerequisites"),
    ("proficiencyLevel", "cred-fact-level"),
    ("category", "cred-fact-category"),
];

impl Summary {
    /// Reads a credential (any issuer's) for people reading in `t`'s language.
    pub fn of(doc: &Value, t: Tr) -> Summary {
        let achievement = &doc["credentialSubject"]["achievement"];
        let name = text(achievement, "name").or_else(|| text(doc, "name")).unwrap_or_else(|| t.t("cred-unnamed"));
        let issuer = match &doc["issuer"] {
            Value::String(id) => {
                Linked { text: id.clone(), url: Some(id.clone()).filter(|u| is_web_url(u)), note: None }
            }
            obj => Linked {
                text: text(obj, "name").unwrap_or_else(|| t.t("cred-unnamed-issuer")),
                url: text(obj, "url").or_else(|| text(obj, "id")).filter(|u| is_web_url(u)),
                note: None,
            },
        };
        Summary {
            description: text(achievement, "description").unwrap_or_default(),
            image: image_of(achievement),
            criteria: text(&achievement["criteria"], "narrative"),
            criteria_url: text(&achievement["criteria"], "id").filter(|u| is_web_url(u)),
            alignments: list(&achievement["alignment"]).into_iter().filter_map(alignment).collect(),
            tags: list(&achievement["tag"]).into_iter().filter_map(|v| v.as_str().map(str::to_string)).collect(),
            facts: FACTS
                .iter()
                .filter_map(|(k, label)| Some(Fact { label: t.t(label), value: scalar(achievement.get(*k)?)? }))
                .collect(),
            issuer,
            recipient: recipient_words(&doc["credentialSubject"], t),
            valid_from: text(doc, "validFrom").or_else(|| text(doc, "issuanceDate")).map(|d| long_date(t, &d)),
            valid_until: text(doc, "validUntil").or_else(|| text(doc, "expirationDate")).map(|d| long_date(t, &d)),
            evidence: list(&doc["evidence"]).into_iter().map(evidence).collect(),
            name,
        }
    }
}

/// An array, or a single item as a one-item list.
fn list(v: &Value) -> Vec<&Value> {
    match v {
        Value::Array(items) => items.iter().collect(),
        Value::Null => Vec::new(),
        one => vec![one],
    }
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(scalar).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        _ => None,
    }
}

fn alignment(a: &Value) -> Option<Linked> {
    let note = [text(a, "targetFramework"), text(a, "targetCode")].into_iter().flatten().collect::<Vec<_>>();
    Some(Linked {
        text: text(a, "targetName")?,
        url: text(a, "targetUrl").filter(|u| is_web_url(u)),
        note: (!note.is_empty()).then(|| note.join(" · ")),
    })
}

fn evidence(e: &Value) -> EvidenceView {
    EvidenceView {
        name: text(e, "name"),
        url: text(e, "id").filter(|u| is_web_url(u)),
        text: text(e, "narrative").or_else(|| text(e, "description")),
    }
}

fn recipient_words(subject: &Value, t: Tr) -> String {
    if let Some(name) = text(subject, "name") {
        return name;
    }
    if let Some(id) = text(subject, "id") {
        return t.n("cred-recipient-holder", "id", id);
    }
    let hashed = list(&subject["identifier"]).iter().any(|i| i.get("hashed").and_then(Value::as_bool) == Some(true));
    t.t(if hashed { "cred-recipient-hashed" } else { "cred-recipient-inside" })
}

/// `2024-03-01T12:00:00Z` → `1 March 2024` / `1 mars 2024`; anything unparsable as written.
pub fn long_date(t: Tr, raw: &str) -> String {
    cairn_vc::datetime::parse(raw).map_or_else(|| raw.to_string(), |(d, _)| format_date(t, d))
}

/// A date in words in `t`'s language (UTC).
pub fn format_date(t: Tr, d: OffsetDateTime) -> String {
    let d = d.to_offset(time::UtcOffset::UTC);
    let months = t.t("date-months");
    let month = months.split(',').nth(usize::from(u8::from(d.month())) - 1).unwrap_or_default().trim().to_string();
    let day = d.day().to_string();
    let year = d.year().to_string();
    t.args("date-long", &[("day", &day), ("month", &month), ("year", &year)])
}
