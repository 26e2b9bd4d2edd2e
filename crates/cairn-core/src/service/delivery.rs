//! Email delivery of claim links. Issuing queues one `Delivery` per credential issued to an
//! email address (in the same transaction as the credential); [`deliver_due`] leases the due
//! ones, composes each email, hands it to the [`Mailer`] and records the outcome. A failed
//! attempt is retried with exponential backoff (1 min, 5 min, 30 min, 2 h, 12 h); after
//! [`MAX_ATTEMPTS`] the delivery is `Failed` and stays visible with its last error.
//!
//! Leasing happens in the store, so several servers may run the worker against one database:
//! a delivery is attempted by one of them at a time. If a server dies between sending and
//! recording, the lease expires and the email is sent again (at least once, never lost).

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use time::{Duration, OffsetDateTime};

use super::Ctx;
use crate::ids::{AchievementId, OrgId};
use crate::mail::{MailError, Mailer, OutgoingEmail};
use crate::model::{Achievement, CredentialRecord, Delivery, DeliveryState, Organization};
use crate::Error;

/// Attempts before a delivery is given up (`Failed`).
pub const MAX_ATTEMPTS: u32 = 6;
/// Deliveries leased per run.
pub const BATCH_SIZE: u32 = 20;
/// How long a leased delivery is reserved for this run: longer than a batch can take with
/// the SMTP timeouts, after which another run may pick it up again.
pub const LEASE: Duration = Duration::minutes(15);
/// Longest `last_error` kept, in bytes.
const MAX_ERROR_LEN: usize = 1000;

/// What one run did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DeliveryStats {
    /// Accepted by the mail server.
    pub sent: u32,
    /// Failed this time, to be retried later.
    pub retrying: u32,
    /// Given up on.
    pub failed: u32,
}

impl DeliveryStats {
    /// Deliveries handled in the run (a full batch means more may be due).
    pub fn total(&self) -> u32 {
        self.sent + self.retrying + self.failed
    }
}

/// The wait before the next attempt after `attempts` failed ones, or `None` when the
/// delivery should be given up.
pub fn retry_delay(attempts: u32) -> Option<Duration> {
    const BACKOFF_MINUTES: [i64; 5] = [1, 5, 30, 120, 720];
    if attempts >= MAX_ATTEMPTS {
        return None;
    }
    let i = usize::try_from(attempts.max(1) - 1).ok()?;
    BACKOFF_MINUTES.get(i).map(|m| Duration::minutes(*m))
}

/// Sends the deliveries due at `now` (up to [`BATCH_SIZE`]) and records each outcome.
pub async fn deliver_due(ctx: &Ctx, mailer: &dyn Mailer, now: OffsetDateTime) -> Result<DeliveryStats, Error> {
    let due = ctx.store.lease_due_deliveries(now, now + LEASE, BATCH_SIZE).await?;
    let mut lookups = Lookups::default();
    let mut stats = DeliveryStats::default();
    for delivery in due {
        let outcome = attempt(ctx, mailer, &mut lookups, &delivery).await?;
        let updated = record(delivery, outcome, now);
        ctx.store.update_delivery(&updated).await?;
        match updated.state {
            DeliveryState::Sent => stats.sent += 1,
            DeliveryState::Pending => stats.retrying += 1,
            DeliveryState::Failed => stats.failed += 1,
        }
    }
    Ok(stats)
}

/// An organisation's deliveries, newest first (`limit` capped at 500): what an administrator
/// checks when an earner says no email came.
pub async fn list_for_org(ctx: &Ctx, org: OrgId, limit: u32) -> Result<Vec<Delivery>, Error> {
    ctx.store.list_deliveries(org, limit.clamp(1, 500)).await
}

enum Outcome {
    Sent,
    Retry(String),
    GiveUp(String),
}

/// Organisations and achievement versions already read in this run.
#[derive(Default)]
struct Lookups {
    orgs: HashMap<OrgId, Organization>,
    achievements: HashMap<(AchievementId, i32), Achievement>,
}

async fn attempt(ctx: &Ctx, mailer: &dyn Mailer, lookups: &mut Lookups, delivery: &Delivery) -> Result<Outcome, Error> {
    let credential = match ctx.store.get_credential(delivery.credential_id).await {
        Ok(c) => c,
        Err(Error::NotFound { .. }) => return Ok(Outcome::GiveUp("the credential no longer exists".into())),
        Err(e) => return Err(e),
    };
    if credential.revoked_at.is_some() {
        return Ok(Outcome::GiveUp("not sent: the credential was revoked before delivery".into()));
    }
    let org = match lookups.orgs.entry(credential.org_id) {
        Entry::Occupied(e) => e.into_mut(),
        Entry::Vacant(e) => e.insert(ctx.store.get_org(credential.org_id).await?),
    };
    let version = (credential.achievement_id, credential.achievement_version);
    let achievement = match lookups.achievements.entry(version) {
        Entry::Occupied(e) => e.into_mut(),
        Entry::Vacant(e) => e.insert(ctx.store.get_achievement(version.0, Some(version.1)).await?),
    };
    let email = compose(ctx, org, achievement, &credential, &delivery.to_email);
    Ok(match mailer.send(&email).await {
        Ok(()) => Outcome::Sent,
        Err(e @ MailError::Invalid(_)) => Outcome::GiveUp(e.to_string()),
        Err(e) => Outcome::Retry(e.to_string()),
    })
}

/// The delivery after an attempt made at `now`.
fn record(mut d: Delivery, outcome: Outcome, now: OffsetDateTime) -> Delivery {
    d.attempts = d.attempts.saturating_add(1);
    match outcome {
        Outcome::Sent => {
            d.state = DeliveryState::Sent;
            d.next_attempt_at = now;
            d.last_error = None;
            tracing::info!(delivery.id = %d.id, credential.id = %d.credential_id, attempts = d.attempts, "email delivered");
        }
        Outcome::Retry(error) => match retry_delay(d.attempts) {
            Some(wait) => {
                d.state = DeliveryState::Pending;
                d.next_attempt_at = now + wait;
                tracing::warn!(delivery.id = %d.id, credential.id = %d.credential_id, attempts = d.attempts,
                    retry_in_s = wait.whole_seconds(), error = %error, "email delivery failed, will retry");
                d.last_error = Some(truncate(error));
            }
            None => give_up(&mut d, error, now),
        },
        Outcome::GiveUp(error) => give_up(&mut d, error, now),
    }
    d
}

fn give_up(d: &mut Delivery, error: String, now: OffsetDateTime) {
    d.state = DeliveryState::Failed;
    d.next_attempt_at = now;
    tracing::warn!(delivery.id = %d.id, credential.id = %d.credential_id, attempts = d.attempts, error = %error,
        "email delivery given up");
    d.last_error = Some(truncate(error));
}

fn truncate(mut s: String) -> String {
    if s.len() > MAX_ERROR_LEN {
        let mut end = MAX_ERROR_LEN;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
        s.push('…');
    }
    s
}

/// The email for one credential: who issued what, the personal claim link, and the public
/// credential and issuer pages. It carries nothing secret beyond the claim link itself (no
/// salt, no identity hash, no key material); the address it goes to is the recipient's own.
pub fn compose(
    ctx: &Ctx,
    org: &Organization,
    achievement: &Achievement,
    credential: &CredentialRecord,
    to: &str,
) -> OutgoingEmail {
    let org_name = one_line(&org.name);
    let badge = one_line(&achievement.definition.name);
    let claim = ctx.claim_url(&ctx.master.claim_token(credential.id.0.as_bytes()));
    let page = ctx.credential_url(credential.id);
    let issuer = ctx.issuer_id(org.slug.as_str());
    let greeting = match credential.recipient_name.as_deref().map(one_line) {
        Some(name) if !name.is_empty() => format!("Hello {name},"),
        _ => "Hello,".to_string(),
    };
    let text = format!(
        "{greeting}\n\n\
         {org_name} has awarded you \"{badge}\".\n\n\
         Claim your credential here (this link is personal, do not share it):\n{claim}\n\n\
         Once claimed you can download it, add it to a wallet or share its public page:\n{page}\n\n\
         About the issuer: {issuer}\n\n\
         You receive this email because {org_name} issued a credential to {to}.\n"
    );
    let (g, o, b, c, p, i, t) =
        (esc(&greeting), esc(&org_name), esc(&badge), esc(&claim), esc(&page), esc(&issuer), esc(to));
    let html = format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{b}</title></head><body>\n\
         <p>{g}</p>\n\
         <p>{o} has awarded you <strong>{b}</strong>.</p>\n\
         <p><a href=\"{c}\">Claim your credential</a> (this link is personal, do not share it).</p>\n\
         <p>Once claimed you can download it, add it to a wallet or share its \
         <a href=\"{p}\">public page</a>.</p>\n\
         <p>About the issuer: <a href=\"{i}\">{o}</a></p>\n\
         <p style=\"color:#666;font-size:small\">You receive this email because {o} issued a credential to {t}.</p>\n\
         </body></html>\n"
    );
    OutgoingEmail { to: to.to_string(), subject: format!("{org_name} awarded you \"{badge}\""), text, html }
}

/// Collapses control characters (line breaks included) to spaces, so admin-entered names
/// cannot add header lines or break the layout.
fn one_line(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect::<String>().trim().to_string()
}

/// Escapes text for HTML element content and double-quoted attributes.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_schedule_then_give_up() {
        let minutes: Vec<Option<i64>> = (1..=7).map(|a| retry_delay(a).map(|d| d.whole_minutes())).collect();
        assert_eq!(minutes, vec![Some(1), Some(5), Some(30), Some(120), Some(720), None, None]);
    }

    #[test]
    fn names_cannot_inject_lines_or_markup() {
        assert_eq!(one_line(" Evil\r\nBcc: x@y.z "), "Evil  Bcc: x@y.z");
        assert_eq!(esc("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    }

    #[test]
    fn long_errors_are_cut_on_a_char_boundary() {
        let s = truncate("é".repeat(MAX_ERROR_LEN));
        assert!(s.len() <= MAX_ERROR_LEN + '…'.len_utf8());
        assert!(s.ends_with('…'));
    }
}
