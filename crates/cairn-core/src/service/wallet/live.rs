//! The live status of a wallet item: verified again every time it is shown, so a
//! revocation is visible at once. Other issuers' status lists and hosted OB 2.0
//! assertions come through `ctx.resolver`, which is offline unless configured: the result
//! then says so ("status not checked (offline)") rather than "valid".

use cairn_vc::report::{Check, Outcome, Report};
use serde_json::Value;

use super::ob2;
use crate::model::{DisplayFields, WalletItem, WalletSource};
use crate::service::{verify, Ctx};
use crate::Error;

/// What a person is told about an item now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LiveState {
    /// Every check passed.
    Valid,
    /// The issuer revoked it.
    Revoked,
    /// The issuer suspended it.
    Suspended,
    /// Past its `validUntil` (OB 2.0: `expires`).
    Expired,
    /// Before its `validFrom`.
    NotYetValid,
    /// The signature does not match (changed, or not by the issuer named).
    InvalidSignature,
    /// Another check failed.
    Invalid,
    /// Signature valid; the status could not be read because retrieval is offline.
    StatusOffline,
    /// Signature valid; the status could not be read (retrieval failed).
    StatusUnknown,
}

impl LiveState {
    /// A stable key (`valid`, `revoked`, …): CSS class suffixes and catalogue keys.
    pub fn key(self) -> &'static str {
        match self {
            LiveState::Valid => "valid",
            LiveState::Revoked => "revoked",
            LiveState::Suspended => "suspended",
            LiveState::Expired => "expired",
            LiveState::NotYetValid => "not-yet-valid",
            LiveState::InvalidSignature => "invalid-signature",
            LiveState::Invalid => "invalid",
            LiveState::StatusOffline => "status-offline",
            LiveState::StatusUnknown => "status-unknown",
        }
    }

    /// Whether the item can be relied on now.
    pub fn is_ok(self) -> bool {
        self == LiveState::Valid
    }
}

/// A live verification.
#[derive(Debug, Clone)]
pub struct Live {
    /// The verdict.
    pub state: LiveState,
    /// Every check.
    pub report: Report,
    /// `ob3` or `ob2_hosted`.
    pub kind: &'static str,
    /// Display fields read now (OB 2.0 badge class and issuer), when they could be.
    pub display: DisplayFields,
}

/// Verifies an item now.
pub async fn live_status(ctx: &Ctx, item: &WalletItem) -> Result<Live, Error> {
    live_of_json(ctx, &item.json, item.source == WalletSource::Ob2).await
}

/// Verifies a stored credential (or, with `ob2`, a hosted OB 2.0 assertion) now.
pub async fn live_of_json(ctx: &Ctx, json: &str, ob2: bool) -> Result<Live, Error> {
    let doc: Value = serde_json::from_str(json).map_err(|e| Error::Internal(format!("stored credential: {e}")))?;
    if ob2 {
        let r = ob2::verify_hosted(ctx.resolver.as_ref(), ctx.clock.now(), &doc);
        return Ok(Live {
            state: state_of(&r.report),
            report: r.report,
            kind: super::KIND_OB2_HOSTED,
            display: r.display,
        });
    }
    let report = verify::verify_credential(ctx, &doc).await?;
    Ok(Live { state: state_of(&report), report, kind: super::KIND_OB3, display: DisplayFields::default() })
}

/// The verdict of a report: the gravest failure decides; with none, a status that could not
/// be read is said plainly.
pub fn state_of(report: &Report) -> LiveState {
    let graveness = |c: &Check| match (c.check, c.code.as_deref()) {
        ("proof" | "issuer" | "expansion", _) => (0, LiveState::InvalidSignature),
        ("status", Some("REVOCATION")) => (1, LiveState::Revoked),
        ("status", Some("SUSPENSION")) => (2, LiveState::Suspended),
        ("validity", Some("EXPIRED")) => (3, LiveState::Expired),
        ("validity", Some("NOT_YET_VALID")) => (4, LiveState::NotYetValid),
        _ => (5, LiveState::Invalid),
    };
    if let Some((_, state)) = report.errors().map(graveness).min_by_key(|(rank, _)| *rank) {
        return state;
    }
    let status_warnings: Vec<&Check> =
        report.checks.iter().filter(|c| c.check == "status" && c.outcome == Outcome::Warning).collect();
    if status_warnings.iter().any(|c| c.message.contains("resolution is offline")) {
        LiveState::StatusOffline
    } else if status_warnings
        .iter()
        .any(|c| c.message.contains("status unknown") || c.message.contains("not retrieved"))
    {
        LiveState::StatusUnknown
    } else {
        LiveState::Valid
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gravest_failure_decides() {
        let mut r = Report::default();
        r.fail("validity", "EXPIRED", "expired");
        r.fail("status", "REVOCATION", "revoked");
        assert_eq!(state_of(&r), LiveState::Revoked);
        r.fail("proof", "INVALID_SIGNATURE", "bad");
        assert_eq!(state_of(&r), LiveState::InvalidSignature);

        let mut offline = Report::default();
        offline.pass("proof", "ok");
        offline.warn("status", "status unknown: https://x/status/1 was not retrieved: resolution is offline");
        assert_eq!(state_of(&offline), LiveState::StatusOffline);
        let mut fine = Report::default();
        fine.pass("proof", "ok");
        fine.warn("status", "the status list's issuer x is not the credential's issuer");
        assert_eq!(state_of(&fine), LiveState::Valid);
    }
}
