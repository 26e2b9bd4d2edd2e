//! Signing a credential the client wrote (VC-API `POST /credentials/issue`): the issuer must
//! be the organisation's issuer id, the document must keep the VC data model rules and
//! expand without data loss (an undefined term is refused by name, never signed).

use cairn_vc::contexts::VC_V2;
use cairn_vc::datetime::format_utc_seconds;
use cairn_vc::model::checks::{check_open_badge, check_vc_data_model, Severity};
use cairn_vc::proof::{self, ProofOptions};
use cairn_vc::status::has_type;
use serde_json::Value;

use super::{orgs, Ctx};
use crate::ids::OrgId;
use crate::Error;

/// Signs `credential` with the organisation's active key (`eddsa-rdfc-2022`, `proof` an array
/// of one). Nothing is stored: the caller keeps what it asked Cairn to sign.
pub async fn sign_credential(ctx: &Ctx, org_id: OrgId, credential: Value) -> Result<Value, Error> {
    let Some(map) = credential.as_object() else {
        return Err(Error::invalid("credential", "must be a JSON object"));
    };
    if map.contains_key("proof") {
        return Err(Error::invalid("credential.proof", "must be absent: Cairn adds the proof"));
    }
    let first_context = match map.get("@context") {
        Some(Value::Array(items)) => items.first().and_then(Value::as_str),
        Some(Value::String(s)) => Some(s.as_str()),
        _ => None,
    };
    if first_context != Some(VC_V2) {
        return Err(Error::invalid("credential.@context", format!("the first context must be {VC_V2}")));
    }
    let org = ctx.store.get_org(org_id).await?;
    let issuer = ctx.issuer_id(org.slug.as_str());
    match cairn_vc::verify::issuer_id(map) {
        Some(id) if id == issuer => {}
        Some(id) => {
            return Err(Error::invalid(
                "credential.issuer",
                format!("must be this organisation's issuer id {issuer}, not {id}"),
            ))
        }
        None => return Err(Error::invalid("credential.issuer", format!("is missing; use {issuer}"))),
    }
    let mut findings = check_vc_data_model(&credential);
    if has_type(map.get("type"), "OpenBadgeCredential") || has_type(map.get("type"), "AchievementCredential") {
        findings.extend(check_open_badge(&credential));
    }
    if let Some(f) = findings.iter().find(|f| f.severity == Severity::Error) {
        return Err(Error::invalid(format!("credential{}", f.path.replace('/', ".")), f.message.clone()));
    }
    let (record, key) = orgs::active_key(ctx, org_id).await?;
    let vm = format!("{issuer}#{}", record.public_key_multibase);
    let created = format_utc_seconds(ctx.clock.now());
    let signed = proof::sign(&ctx.canon, &credential, &key, &ProofOptions::assertion(vm, created))?;
    tracing::info!(org.id = %org_id, "credential signed through the VC-API");
    Ok(signed)
}
