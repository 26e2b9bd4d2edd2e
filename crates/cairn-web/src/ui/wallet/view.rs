//! What the wallet pages show of an item: read from the credential as received (OB 3.0) or
//! from what was read at import (OB 2.0), its live status as a text pill, every check with
//! a translated name, and the share links (public page, LinkedIn "Add to profile").

use cairn_core::model::{DisplayFields, WalletItem, WalletSource};
use cairn_core::service::wallet::{self, Live, LiveState};
use cairn_core::service::Ctx;
use cairn_vc::report::Outcome;
use serde_json::Value;

use crate::public::views::{image_of, is_web_url, text};
use crate::ui::credential::summary::format_date;
use crate::ui::i18n::Tr;

/// An image with its text alternative (the achievement name).
pub struct ImageView {
    /// `src`.
    pub src: String,
    /// `alt`.
    pub alt: String,
}

/// One check, for people.
pub struct CheckRow {
    /// Translated check name.
    pub name: String,
    /// Translated outcome.
    pub outcome: String,
    /// `ok`, `bad`, `warn` or `muted` (the pill's class; the text says it too).
    pub class: &'static str,
    /// The verifier's reason (English).
    pub message: String,
}

/// A year and a month (1–12).
type YearMonth = (i32, u8);

/// What a credential says and how it verifies now (claim, item and share pages).
pub struct CredView {
    /// Achievement name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Issuer name.
    pub issuer: String,
    /// Issue date (`YYYY-MM-DD`).
    pub issued: Option<String>,
    /// Expiry date (`YYYY-MM-DD`).
    pub expires: Option<String>,
    /// Badge image.
    pub image: Option<ImageView>,
    /// Live state key (`valid`, `revoked`…).
    pub state: &'static str,
    /// Translated live state.
    pub state_label: String,
    /// Pill class.
    pub state_class: &'static str,
    /// Translated verification kind.
    pub kind_label: String,
    /// The credential's (or assertion's) `id`.
    pub credential_id: Option<String>,
    /// Open Badges 2.0 (no baked OB 3.0 downloads).
    pub ob2: bool,
    /// Every check of the live verification.
    pub checks: Vec<CheckRow>,
    /// Issue year and month, expiry year and month (for LinkedIn).
    dates: (Option<YearMonth>, Option<YearMonth>),
}

/// A wallet item as the pages show it.
pub struct ItemView {
    /// Item id (for `/wallet/{id}`).
    pub id: String,
    /// Translated source.
    pub source_label: String,
    /// Whether the public page is on.
    pub public: bool,
    /// `<base>/s/<share id>`.
    pub share_url: String,
    /// `/s/<share id>` (downloads of the public page).
    pub share_path: String,
    /// When added, in words in the reader's language.
    pub added: String,
}

fn date_of(raw: Option<&Value>) -> Option<time::OffsetDateTime> {
    match raw? {
        Value::String(s) => cairn_vc::datetime::parse(s).map(|(t, _)| t).or_else(|| {
            let day =
                time::Date::parse(s.get(..10)?, time::macros::format_description!("[year]-[month]-[day]")).ok()?;
            Some(day.midnight().assume_utc())
        }),
        Value::Number(n) => time::OffsetDateTime::from_unix_timestamp(n.as_i64()?).ok(),
        _ => None,
    }
}

fn first(v: &Value) -> &Value {
    match v {
        Value::Array(items) => items.first().unwrap_or(&Value::Null),
        other => other,
    }
}

/// Name, description, issuer and image of an OB 3.0 credential.
fn ob3_display(doc: &Value) -> DisplayFields {
    let achievement = &first(&doc["credentialSubject"])["achievement"];
    let issuer = match &doc["issuer"] {
        Value::String(s) => Some(s.clone()),
        other => text(other, "name").or_else(|| text(other, "id")),
    };
    DisplayFields {
        name: text(achievement, "name").or_else(|| text(doc, "name")),
        description: text(achievement, "description").or_else(|| text(doc, "description")),
        issuer,
        image: image_of(achievement).or_else(|| image_of(doc)),
    }
}

/// The pill of a state.
pub fn state_class(state: LiveState) -> &'static str {
    match state {
        LiveState::Valid => "ok",
        LiveState::NotYetValid | LiveState::StatusOffline | LiveState::StatusUnknown => "warn",
        _ => "bad",
    }
}

/// Check rows of a report, translated.
pub fn check_rows(t: Tr, report: &cairn_vc::report::Report) -> Vec<CheckRow> {
    report
        .checks
        .iter()
        .map(|c| {
            let key = format!("wallet-check-{}", c.check.replace('_', "-"));
            let name = t.t(&key);
            let (outcome, class) = match c.outcome {
                Outcome::Passed => ("wallet-outcome-passed", "ok"),
                Outcome::Failed => ("wallet-outcome-failed", "bad"),
                Outcome::Warning => ("wallet-outcome-warning", "warn"),
                Outcome::Skipped => ("wallet-outcome-skipped", "muted"),
            };
            let name = if name == key { c.check.to_string() } else { name };
            CheckRow { name, outcome: t.t(outcome), class, message: c.message.clone() }
        })
        .collect()
}

/// What a credential says (OB 3.0 from its JSON; OB 2.0 from what was read) and its live state.
pub fn cred_view(t: Tr, json: &str, ob2: bool, stored: &DisplayFields, live: &Live) -> CredView {
    let doc: Value = serde_json::from_str(json).unwrap_or(Value::Null);
    let d = if ob2 {
        let now = &live.display;
        DisplayFields {
            name: now.name.clone().or_else(|| stored.name.clone()),
            description: now.description.clone().or_else(|| stored.description.clone()),
            issuer: now.issuer.clone().or_else(|| stored.issuer.clone()),
            image: now.image.clone().or_else(|| stored.image.clone()),
        }
    } else {
        ob3_display(&doc)
    };
    let (issued, expires) = if ob2 {
        (date_of(doc.get("issuedOn")), date_of(doc.get("expires")))
    } else {
        let from = doc.get("validFrom").or(doc.get("issuanceDate"));
        (date_of(from), date_of(doc.get("validUntil").or(doc.get("expirationDate"))))
    };
    let name = d.name.unwrap_or_else(|| t.t("wallet-unnamed"));
    let image = d
        .image
        .filter(|s| is_web_url(s) || s.starts_with("data:image/"))
        .map(|src| ImageView { src, alt: name.clone() });
    let month = |d: time::OffsetDateTime| (d.year(), u8::from(d.month()));
    CredView {
        description: d.description.unwrap_or_default(),
        issuer: d.issuer.unwrap_or_else(|| t.t("wallet-unknown-issuer")),
        issued: issued.map(|d| format_date(t, d)),
        expires: expires.map(|d| format_date(t, d)),
        image,
        state: live.state.key(),
        state_label: t.t(&format!("wallet-state-{}", live.state.key())),
        state_class: state_class(live.state),
        kind_label: t.t(if ob2 { "wallet-kind-ob2" } else { "wallet-kind-ob3" }),
        credential_id: text(&doc, "id"),
        ob2,
        checks: check_rows(t, &live.report),
        dates: (issued.map(month), expires.map(month)),
        name,
    }
}

/// Builds the view of an item and of its credential from its live verification.
pub fn item_view(ctx: &Ctx, t: Tr, item: &WalletItem, live: &Live) -> (ItemView, CredView) {
    let ob2 = item.source == WalletSource::Ob2;
    let source_key = match item.source {
        WalletSource::Claimed => "wallet-source-claimed",
        WalletSource::ImportedFile => "wallet-source-file",
        WalletSource::ImportedUrl => "wallet-source-url",
        WalletSource::Ob2 => "wallet-source-ob2",
    };
    let view = ItemView {
        id: item.id.to_string(),
        source_label: t.t(source_key),
        public: item.public,
        share_url: wallet::share_url(ctx, item),
        share_path: format!("/s/{}", item.share_id),
        added: format_date(t, item.added_at),
    };
    (view, cred_view(t, &item.json, ob2, &item.verification.display, live))
}

/// Strict percent-encoding of a query value (everything but RFC 3986 unreserved characters).
pub fn query_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl CredView {
    /// LinkedIn's "Add to profile" link: a certification with the achievement name, the
    /// issuer as organisation, the issue (and expiry) month, the share link `cert_url` and
    /// the credential id.
    pub fn linkedin_url(&self, cert_url: &str) -> String {
        let mut fields: Vec<(&str, String)> = vec![
            ("startTask", "CERTIFICATION_NAME".into()),
            ("name", self.name.clone()),
            ("organizationName", self.issuer.clone()),
        ];
        if let Some((y, m)) = self.dates.0 {
            fields.push(("issueYear", y.to_string()));
            fields.push(("issueMonth", m.to_string()));
        }
        if let Some((y, m)) = self.dates.1 {
            fields.push(("expirationYear", y.to_string()));
            fields.push(("expirationMonth", m.to_string()));
        }
        fields.push(("certUrl", cert_url.to_string()));
        if let Some(id) = &self.credential_id {
            fields.push(("certId", id.clone()));
        }
        let query: Vec<String> = fields.iter().map(|(k, v)| format!("{k}={}", query_encode(v))).collect();
        format!("https://www.linkedin.com/profile/add?{}", query.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::i18n::Lang;
    use cairn_vc::report::Report;

    #[test]
    fn linkedin_links_carry_expiry_and_encode_every_value() {
        let doc = serde_json::json!({
            "id": "urn:uuid:1", "issuer": {"id": "did:key:z", "name": "R&D <Lab>"},
            "validFrom": "2024-11-05T10:00:00Z", "validUntil": "2027-01-31T00:00:00Z",
            "credentialSubject": {"achievement": {"name": "Café + Crème"}}
        });
        let live =
            Live { state: LiveState::Valid, report: Report::default(), kind: "ob3", display: DisplayFields::default() };
        let c = cred_view(Tr::new(Lang::En), &doc.to_string(), false, &DisplayFields::default(), &live);
        assert_eq!(
            c.linkedin_url("https://x.example/s/abc"),
            "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name=Caf%C3%A9%20%2B%20Cr%C3%A8me\
             &organizationName=R%26D%20%3CLab%3E&issueYear=2024&issueMonth=11&expirationYear=2027&expirationMonth=1\
             &certUrl=https%3A%2F%2Fx.example%2Fs%2Fabc&certId=urn%3Auuid%3A1"
        );
    }
}
