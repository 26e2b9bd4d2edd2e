//! Issuing: build the OB 3.0 credential for an award, allocate its status entries, sign it
//! with the organisation's active key, store it with its email delivery — all or nothing.
//! An idempotency key makes a retried request return the first credential.

use cairn_vc::contexts::{CAIRN_EU_V1, OB_V3P0_3, VC_V2};
use cairn_vc::datetime::format_utc_seconds;
use cairn_vc::keys::Ed25519Key;
use cairn_vc::model::IdentityObject;
use cairn_vc::proof::{self, ProofOptions};
use cairn_vc::status::status_entry;
use serde_json::{json, Map, Value};
use time::OffsetDateTime;

use super::{orgs, status, Ctx};
use crate::crypto::token_hash;
use crate::ids::{CredentialId, DeliveryId, JobId, OrgId};
use crate::model::{
    Achievement, AwardInput, CredentialRecord, Delivery, DeliveryState, Organization, Recipient, StatusPurpose,
    StatusRef,
};
use crate::Error;

/// The 1EdTech strict schema every Cairn credential validates against.
pub const OB_SCHEMA: &str =
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";

/// One award to issue, with where it came from.
#[derive(Debug, Clone)]
pub struct PendingAward {
    /// The award.
    pub input: AwardInput,
    /// Client idempotency key.
    pub idempotency_key: Option<String>,
    /// Bulk job and row.
    pub job: Option<(JobId, u32)>,
}

/// Issues one credential. With an idempotency key already used by this organisation, returns
/// the credential it issued and `false`.
pub async fn issue_credential(
    ctx: &Ctx,
    org_id: OrgId,
    achievement: crate::ids::AchievementId,
    input: AwardInput,
    idempotency_key: Option<String>,
) -> Result<(CredentialRecord, bool), Error> {
    if let Some(key) = &idempotency_key {
        if key.is_empty() || key.len() > 200 {
            return Err(Error::invalid("Idempotency-Key", "must be 1–200 characters"));
        }
        if let Some(existing) = ctx.store.get_credential_by_idempotency_key(org_id, key).await? {
            return Ok((existing, false));
        }
    }
    let org = ctx.store.get_org(org_id).await?;
    let achievement = super::achievements::get_achievement(ctx, org_id, achievement, None).await?;
    let pending = [PendingAward { input, idempotency_key: idempotency_key.clone(), job: None }];
    let (mut records, deliveries) = prepare(ctx, &org, &achievement, &pending).await?;
    match ctx.store.insert_credentials(&records, &deliveries).await {
        Ok(()) => {}
        // A concurrent retry with the same key won the race: answer with its credential.
        Err(Error::Conflict(_)) if idempotency_key.is_some() => {
            let key = idempotency_key.unwrap_or_default();
            let existing = ctx.store.get_credential_by_idempotency_key(org_id, &key).await?;
            return existing.map(|c| (c, false)).ok_or_else(|| Error::Conflict("idempotency key in use".into()));
        }
        Err(e) => return Err(e),
    }
    let record = records.pop().ok_or_else(|| Error::Internal("no credential was prepared".into()))?;
    tracing::info!(credential.id = %record.id, org.id = %org_id, achievement.id = %record.achievement_id, "credential issued");
    Ok((record, true))
}

/// Builds and signs credentials for `awards` (status entries allocated, deliveries queued),
/// without storing them. Signing runs on `ctx.sign_threads` threads.
pub async fn prepare(
    ctx: &Ctx,
    org: &Organization,
    achievement: &Achievement,
    awards: &[PendingAward],
) -> Result<(Vec<CredentialRecord>, Vec<Delivery>), Error> {
    let now = ctx.clock.now();
    let n = awards.len();
    let revocation = status::allocate(ctx, org, StatusPurpose::Revocation, n).await?;
    let suspension = if org.suspension_enabled && achievement.definition.suspendable {
        Some(status::allocate(ctx, org, StatusPurpose::Suspension, n).await?)
    } else {
        None
    };
    let (key_record, key) = orgs::active_key(ctx, org.id).await?;
    let issuer = orgs::issuer_profile(ctx, org);
    let vm = format!("{}#{}", ctx.issuer_id(org.slug.as_str()), key_record.public_key_multibase);
    let ob_achievement = super::achievements::to_ob_achievement(ctx, achievement, Some(&issuer));
    let shared =
        Shared { ctx, org, achievement, issuer: &issuer, ob_achievement: &ob_achievement, key: &key, vm: &vm, now };
    let jobs: Vec<(usize, &PendingAward)> = awards.iter().enumerate().collect();
    let threads = ctx.sign_threads.clamp(1, 16).min(n.max(1));
    let chunk = n.div_ceil(threads).max(1);
    let results: Vec<Result<CredentialRecord, Error>> = std::thread::scope(|s| {
        let handles: Vec<_> = jobs
            .chunks(chunk)
            .map(|part| {
                let shared = &shared;
                let (revocation, suspension) = (&revocation, &suspension);
                s.spawn(move || {
                    part.iter()
                        .map(|(i, award)| {
                            let rev = revocation
                                .get(*i)
                                .copied()
                                .ok_or_else(|| Error::Internal("status index missing".into()))?;
                            let sus = suspension.as_ref().and_then(|v| v.get(*i).copied());
                            shared.build(award, rev, sus)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|_| vec![Err(Error::Internal("a signing thread panicked".into()))]))
            .collect()
    });
    let records = results.into_iter().collect::<Result<Vec<_>, _>>()?;
    let deliveries = records
        .iter()
        .filter_map(|r| {
            r.recipient_email.as_ref().map(|email| Delivery {
                id: DeliveryId::new_random(),
                org_id: org.id,
                credential_id: r.id,
                to_email: email.clone(),
                state: DeliveryState::Pending,
                attempts: 0,
                next_attempt_at: now,
                last_error: None,
            })
        })
        .collect();
    Ok((records, deliveries))
}

struct Shared<'a> {
    ctx: &'a Ctx,
    org: &'a Organization,
    achievement: &'a Achievement,
    issuer: &'a Value,
    ob_achievement: &'a Value,
    key: &'a Ed25519Key,
    vm: &'a str,
    now: OffsetDateTime,
}

impl Shared<'_> {
    fn build(&self, award: &PendingAward, rev: StatusRef, sus: Option<StatusRef>) -> Result<CredentialRecord, Error> {
        let id = CredentialId::new_random();
        let input = &award.input;
        let issued_at = input.issued_on.unwrap_or(self.now);
        let valid_until = input.valid_until.or_else(|| {
            self.achievement.definition.validity_days.map(|d| issued_at + time::Duration::days(i64::from(d)))
        });
        if valid_until.is_some_and(|u| u <= issued_at) {
            return Err(Error::invalid("valid_until", "must be after the issue date"));
        }
        let doc = self.credential_json(id, input, issued_at, valid_until, rev, sus)?;
        let created = format_utc_seconds(self.now);
        let signed = proof::sign(&self.ctx.canon, &doc, self.key, &ProofOptions::assertion(self.vm, created))?;
        let json = serde_json::to_string(&signed).map_err(|e| Error::Internal(e.to_string()))?;
        let (recipient_email, recipient_did) = match &input.recipient {
            Recipient::Email(e) => (Some(e.clone()), None),
            Recipient::Did(d) => (None, Some(d.clone())),
        };
        let claim_token_hash =
            recipient_email.as_ref().map(|_| token_hash(&self.ctx.master.claim_token(id.0.as_bytes())));
        Ok(CredentialRecord {
            id,
            org_id: self.org.id,
            achievement_id: self.achievement.id,
            achievement_version: self.achievement.version,
            recipient_email,
            recipient_did,
            recipient_name: input.name.clone(),
            issued_at,
            valid_until,
            revocation: rev,
            suspension: sus,
            revoked_at: None,
            revocation_reason: None,
            suspended: false,
            idempotency_key: award.idempotency_key.clone(),
            job: award.job,
            claim_token_hash,
            claimed_at: None,
            json,
        })
    }

    fn credential_json(
        &self,
        id: CredentialId,
        input: &AwardInput,
        issued_at: OffsetDateTime,
        valid_until: Option<OffsetDateTime>,
        rev: StatusRef,
        sus: Option<StatusRef>,
    ) -> Result<Value, Error> {
        let ctx = self.ctx;
        let mut contexts = vec![json!(VC_V2), json!(OB_V3P0_3)];
        if super::achievements::uses_extension(&self.achievement.definition) {
            contexts.push(json!(CAIRN_EU_V1));
        }
        let mut subject = Map::new();
        subject.insert("type".into(), json!(["AchievementSubject"]));
        match &input.recipient {
            Recipient::Did(did) => {
                subject.insert("id".into(), did.clone().into());
            }
            Recipient::Email(email) => {
                let salt = cairn_vc::model::new_salt(&mut rand::rngs::OsRng);
                let identity = IdentityObject::hashed_email(email, &salt);
                subject.insert("identifier".into(), json!([identity]));
            }
        }
        subject.insert("achievement".into(), self.ob_achievement.clone());
        if let Some(result) = &input.result {
            subject.insert("result".into(), json!([{"type": ["Result"], "value": result}]));
        }
        let mut c = Map::new();
        c.insert("@context".into(), Value::Array(contexts));
        c.insert("id".into(), ctx.credential_url(id).into());
        c.insert("type".into(), json!(["VerifiableCredential", "OpenBadgeCredential"]));
        c.insert("name".into(), self.achievement.definition.name.clone().into());
        c.insert("issuer".into(), self.issuer.clone());
        c.insert("validFrom".into(), format_utc_seconds(issued_at).into());
        if let Some(u) = valid_until {
            c.insert("validUntil".into(), format_utc_seconds(u).into());
        }
        c.insert("credentialSubject".into(), Value::Object(subject));
        let evidence: Vec<Value> = input
            .evidence
            .iter()
            .map(|e| {
                let mut m = Map::new();
                if let Some(u) = &e.url {
                    m.insert("id".into(), u.clone().into());
                }
                m.insert("type".into(), json!(["Evidence"]));
                if let Some(n) = &e.narrative {
                    m.insert("narrative".into(), n.clone().into());
                }
                Value::Object(m)
            })
            .collect();
        if !evidence.is_empty() {
            c.insert("evidence".into(), Value::Array(evidence));
        }
        // No `credentialSchema`: its type `1EdTechJsonSchemaValidator2019` is defined only in
        // OB's `extensions.json` context (verify-only for Cairn), so under VC v2 + OB 3.0.3 it
        // is an undefined term and safe-mode signing refuses the credential.
        let rev_entry = status_entry(&ctx.status_list_url(rev.list_id), StatusPurpose::Revocation, rev.index as usize);
        let status = match sus {
            None => rev_entry,
            Some(s) => json!([
                rev_entry,
                status_entry(&ctx.status_list_url(s.list_id), StatusPurpose::Suspension, s.index as usize)
            ]),
        };
        c.insert("credentialStatus".into(), status);
        Ok(Value::Object(c))
    }
}
