//! View models for the public pages: what a credential says, read from the signed JSON
//! itself (what the page shows is what was signed), and its live verification in plain words.

use askama::Template;
use cairn_core::model::{CredentialRecord, EventKind};
use cairn_core::service::{self, Ctx};
use cairn_core::Error;
use cairn_vc::report::{Outcome, Report};
use serde_json::Value;

/// An image to show, with its text alternative.
pub struct ImageView {
    /// `src` (https, http or an image `data:` URI).
    pub src: String,
    /// `alt`.
    pub alt: String,
}

/// One piece of evidence.
pub struct EvidenceView {
    /// Title.
    pub name: Option<String>,
    /// Link (http/https only).
    pub url: Option<String>,
    /// Narrative or description (shown as plain text).
    pub text: Option<String>,
}

/// One verification check, for people.
pub struct CheckView {
    /// The check's id.
    pub name: &'static str,
    /// `Passed`, `Failed`, `Warning` or `Skipped`.
    pub outcome: &'static str,
    /// Why.
    pub message: String,
}

/// The verdict of a live verification.
pub struct Verdict {
    /// Whether the page shows it as valid.
    pub ok: bool,
    /// One sentence.
    pub headline: String,
    /// Every check.
    pub checks: Vec<CheckView>,
}

/// Open Graph / Twitter card fields.
pub struct Meta {
    /// Title.
    pub title: String,
    /// Description (at most 200 characters).
    pub description: String,
    /// Absolute image URL.
    pub image: String,
    /// Canonical page URL.
    pub url: String,
}

/// `credential.html`: a credential page (also the claim page, with download links first).
#[derive(Template)]
#[template(path = "credential.html")]
pub struct CredentialPage {
    /// Link preview fields.
    pub meta: Meta,
    /// Claim page (the earner's view).
    pub claim: bool,
    /// Recipient's name (claim page only; the credential holds no name).
    pub recipient_name: Option<String>,
    /// Achievement name.
    pub name: String,
    /// Achievement description.
    pub description: String,
    /// Criteria narrative.
    pub criteria: Option<String>,
    /// Criteria page.
    pub criteria_url: Option<String>,
    /// Badge artwork.
    pub image: Option<ImageView>,
    /// Issuer name.
    pub issuer_name: String,
    /// Issuer page (its id, when a web URL).
    pub issuer_url: Option<String>,
    /// Who it was awarded to, in words.
    pub recipient: String,
    /// `validFrom`, for people.
    pub valid_from: Option<String>,
    /// `validUntil`, for people.
    pub valid_until: Option<String>,
    /// Evidence.
    pub evidence: Vec<EvidenceView>,
    /// Live verification.
    pub verdict: Verdict,
    /// `<credential>.json`.
    pub json_url: String,
    /// `<credential>.png`.
    pub png_url: String,
    /// `<credential>.svg`.
    pub svg_url: String,
}

/// Builds the page of a stored credential, verifying it now.
pub async fn credential_page(ctx: &Ctx, record: &CredentialRecord, claim: bool) -> Result<CredentialPage, Error> {
    let doc: Value =
        serde_json::from_str(&record.json).map_err(|e| Error::Internal(format!("stored credential: {e}")))?;
    let report = service::verify::verify_credential(ctx, &doc).await?;
    // The dashboard counts the live check as a verification, and the public page as a view.
    service::stats::note(ctx, record.org_id, EventKind::Verified).await;
    if !claim {
        service::stats::note(ctx, record.org_id, EventKind::Viewed).await;
    }
    let achievement = &doc["credentialSubject"]["achievement"];
    let name = text(achievement, "name").or_else(|| text(&doc, "name")).unwrap_or_else(|| "Badge".into());
    let description = text(achievement, "description").unwrap_or_default();
    let issuer_name = text(&doc["issuer"], "name").unwrap_or_else(|| "an unnamed issuer".into());
    let issuer_url =
        cairn_vc::verify::issuer_id(doc.as_object().unwrap_or(&serde_json::Map::new())).filter(|u| is_web_url(u));
    let page_url = ctx.credential_url(record.id);
    let image = image_of(achievement).map(|src| ImageView {
        src,
        alt: text(&achievement["image"], "caption").unwrap_or_else(|| format!("Badge image: {name}")),
    });
    Ok(CredentialPage {
        meta: Meta {
            title: format!("{name} — {issuer_name}"),
            description: truncate(&description, 200),
            image: format!("{page_url}.png"),
            url: page_url.clone(),
        },
        claim,
        recipient_name: if claim { record.recipient_name.clone() } else { None },
        criteria: text(&achievement["criteria"], "narrative"),
        criteria_url: text(&achievement["criteria"], "id").filter(|u| is_web_url(u)),
        image,
        recipient: recipient_words(&doc["credentialSubject"]),
        valid_from: text(&doc, "validFrom").map(|d| human_date(&d)),
        valid_until: text(&doc, "validUntil").map(|d| human_date(&d)),
        evidence: evidence_of(&doc),
        verdict: verdict(&report, &issuer_name),
        json_url: format!("{page_url}.json"),
        png_url: format!("{page_url}.png"),
        svg_url: format!("{page_url}.svg"),
        name,
        description,
        issuer_name,
        issuer_url,
    })
}

/// A string member of an object.
pub fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_string)
}

/// http(s) URLs only: nothing else becomes a link.
pub fn is_web_url(s: &str) -> bool {
    s.starts_with("https://") || s.starts_with("http://")
}

/// The image of an OB object (`image` as an object with `id`, or a string), when it is a web
/// URL or an image `data:` URI.
pub fn image_of(obj: &Value) -> Option<String> {
    let src = match obj.get("image") {
        Some(Value::String(s)) => s.clone(),
        Some(img) => text(img, "id")?,
        None => return None,
    };
    let data_image = ["data:image/png", "data:image/svg+xml", "data:image/jpeg", "data:image/gif", "data:image/webp"]
        .iter()
        .any(|p| src.starts_with(p));
    (is_web_url(&src) || data_image).then_some(src)
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// `2024-03-01T12:00:00Z` → `1 March 2024`; anything unparsable is shown as written.
pub fn human_date(raw: &str) -> String {
    let fmt = time::macros::format_description!("[day padding:none] [month repr:long] [year]");
    cairn_vc::datetime::parse(raw).and_then(|(t, _)| t.format(fmt).ok()).unwrap_or_else(|| raw.to_string())
}

fn recipient_words(subject: &Value) -> String {
    if let Some(id) = text(subject, "id") {
        return format!("the holder of {id}");
    }
    let hashed = subject
        .get("identifier")
        .and_then(Value::as_array)
        .is_some_and(|ids| ids.iter().any(|i| i.get("hashed").and_then(Value::as_bool) == Some(true)));
    if hashed {
        "a person identified by a hashed email address (only they can prove it is theirs)".into()
    } else {
        "a recipient identified inside the credential".into()
    }
}

fn evidence_of(doc: &Value) -> Vec<EvidenceView> {
    let items = match doc.get("evidence") {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(one @ Value::Object(_)) => vec![one],
        _ => Vec::new(),
    };
    items
        .into_iter()
        .map(|e| EvidenceView {
            name: text(e, "name"),
            url: text(e, "id").filter(|u| is_web_url(u)),
            text: text(e, "narrative").or_else(|| text(e, "description")),
        })
        .collect()
}

/// The verification result in plain words: the first failure decides the headline.
pub fn verdict(report: &Report, issuer: &str) -> Verdict {
    let checks = report
        .checks
        .iter()
        .map(|c| CheckView {
            name: c.check,
            outcome: match c.outcome {
                Outcome::Passed => "Passed",
                Outcome::Failed => "Failed",
                Outcome::Warning => "Warning",
                Outcome::Skipped => "Skipped",
            },
            message: c.message.clone(),
        })
        .collect();
    let headline = match report.errors().next() {
        None if report.checks.iter().any(|c| c.check == "status" && c.outcome == Outcome::Warning) => format!(
            "The signature is valid: {issuer} issued this badge and it has not been changed. Whether it was revoked could not be checked right now."
        ),
        None => format!(
            "This badge is valid: {issuer} issued it, it has not been changed since, and it has not been revoked."
        ),
        Some(c) => match (c.check, c.code.as_deref()) {
            ("status", Some("REVOCATION")) => format!("This badge has been revoked by {issuer}. It is no longer valid."),
            ("status", Some("SUSPENSION")) => format!("This badge is suspended by {issuer} for now. It is not valid while suspended."),
            ("validity", Some("EXPIRED")) => "This badge has expired.".into(),
            ("validity", Some("NOT_YET_VALID")) => "This badge is not valid yet.".into(),
            ("proof" | "issuer" | "expansion", _) => format!(
                "This badge cannot be trusted: its signature does not match its content, so it was changed after it was issued or was not issued by {issuer}."
            ),
            _ => format!("This badge could not be verified: {}", c.message),
        },
    };
    Verdict { ok: report.verified, headline, checks }
}
