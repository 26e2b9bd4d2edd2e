//! The public page of one credential (`/credentials/{id}` for browsers; the earner's claim
//! page `/claim/{token}` is the wallet's, `ui/wallet/claim.rs`): the badge, what it certifies, who issued it to whom, and its
//! verification done live, each check in plain words; the signed JSON and the baked images
//! one click away; Open Graph and Twitter card tags so a shared link shows the badge.
//! The handlers live in `crate::public::credentials` (content negotiation); the wording
//! shared with the verifier page lives in [`summary`] and [`verdict`].

pub mod summary;
pub mod verdict;

use askama::Template;
use cairn_core::model::CredentialRecord;
use cairn_core::service::{self, Ctx};
use cairn_core::Error;
use serde_json::Value;

pub use summary::Summary;
pub use verdict::VerdictView;

use super::Nav;
pub use crate::public::views::Meta;

/// `ui/credential/page.html`.
#[derive(Template)]
#[template(path = "ui/credential/page.html")]
pub struct CredentialPage {
    /// Layout.
    pub nav: Nav,
    /// Link preview fields.
    pub meta: Meta,
    /// The earner's claim page (download links, congratulations).
    pub claim: bool,
    /// Recipient's name (claim page only; the credential may hold none).
    pub recipient_name: Option<String>,
    /// What the credential says.
    pub s: Summary,
    /// Live verification.
    pub verdict: VerdictView,
    /// `<credential>.json`.
    pub json_url: String,
    /// `<credential>.png`.
    pub png_url: String,
    /// `<credential>.svg`.
    pub svg_url: String,
}

/// Builds the page of a stored credential, verifying it now.
pub async fn credential_page(
    ctx: &Ctx,
    nav: Nav,
    record: &CredentialRecord,
    claim: bool,
) -> Result<CredentialPage, Error> {
    let doc: Value =
        serde_json::from_str(&record.json).map_err(|e| Error::Internal(format!("stored credential: {e}")))?;
    let report = service::verify::verify_credential(ctx, &doc).await?;
    // The dashboard counts the live check as a verification, and the public page as a view.
    service::stats::note(ctx, record.org_id, cairn_core::model::EventKind::Verified).await;
    if !claim {
        service::stats::note(ctx, record.org_id, cairn_core::model::EventKind::Viewed).await;
    }
    let t = nav.t;
    let s = Summary::of(&doc, t);
    let page_url = ctx.credential_url(record.id);
    Ok(CredentialPage {
        meta: Meta {
            title: format!("{} — {}", s.name, s.issuer.text),
            description: truncate(&s.description, 200),
            image: format!("{page_url}.png"),
            url: page_url.clone(),
        },
        claim,
        recipient_name: if claim { record.recipient_name.clone() } else { None },
        verdict: VerdictView::of(&report, &s.issuer.text, t),
        json_url: format!("{page_url}.json"),
        png_url: format!("{page_url}.png"),
        svg_url: format!("{page_url}.svg"),
        s,
        nav,
    })
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}
